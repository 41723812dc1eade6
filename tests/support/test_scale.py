"""tests/support/scale.py: the demo ten times over, for the query-count tests."""

import pytest

from committees.demo import PFCF, load_demo
from committees.models import AgendaItem, Committee, Document, Meeting
from tests.support.scale import add_copies

pytestmark = pytest.mark.django_db


def test_ten_copies_give_ten_times_the_meetings_items_and_documents():
    load_demo(publish=False)
    once = {model: model.objects.count() for model in (Committee, Meeting, AgendaItem, Document)}

    add_copies(10)

    for model, count in once.items():
        assert model.objects.count() == 10 * count, model.__name__
    assert Committee.objects.filter(name=f"{PFCF} (copy 10)").exists()
    assert Meeting.objects.filter(committee__name=f"{PFCF} (copy 10)").count() == (
        Meeting.objects.filter(committee__name=PFCF).count()
    )
