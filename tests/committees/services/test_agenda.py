"""Writing agendas (committees/services/agenda.py): where a new item goes, and one of two saves
of the same item, on the demo's next meeting."""

import pytest

from committees.models import AgendaItem
from committees.services import EditConflict
from committees.services import agenda as agenda_services
from tests.support.meetings import titles

pytestmark = pytest.mark.usefixtures("demo")


def test_default_place_for_a_new_item_is_before_work_programme(upcoming):
    after = agenda_services.default_insert_after(upcoming)
    item = AgendaItem(meeting=upcoming, title="Budget scrutiny")
    agenda_services.agenda_item_add(
        item=item, after=after, expected_meeting_version=upcoming.version
    )
    assert titles(upcoming)[-3:] == ["Budget scrutiny", "Work Programme", "Tracking Decisions"]


def test_claim_version_lets_only_the_first_of_two_saves_through(upcoming):
    item = upcoming.items.first()
    a, b = AgendaItem.objects.get(pk=item.pk), AgendaItem.objects.get(pk=item.pk)
    a.title = "A"
    agenda_services.agenda_item_update(item=a, expected_version=item.version)
    b.title = "B"
    with pytest.raises(EditConflict):
        agenda_services.agenda_item_update(item=b, expected_version=item.version)
    item.refresh_from_db()
    assert item.title == "A"
