"""Loading the demo data set (committees/demo/__init__.py): once into an empty portal, with its
publications when asked, then the demos of the apps that plug in. These tests load it themselves;
what it loads is tested beside the module that loads it (test_pack_2019.py, test_people.py, …)."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from committees import demo
from committees.demo import DEMO_PASSWORD, PFCF, load_demo
from committees.models import Committee, Council, Meeting, Publication
from committees.stored import read_verified
from tests import sample_app
from tests.sample_app import demo as sample_demo
from tests.support.demo import seed_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    assert load_demo(publish=False) is True


def row_counts():
    """Rows in every table the demo touches (committees models, their history, users, groups)."""
    models = [
        *apps.get_app_config("committees").get_models(),
        *apps.get_app_config("auth").get_models(),
    ]
    return {model._meta.label: model.objects.count() for model in models}


def test_running_it_twice_changes_nothing(loaded):
    before = row_counts()

    assert load_demo(publish=False) is False
    call_command("load_demo", verbosity=0)

    assert row_counts() == before
    assert Council.objects.count() == 1


def test_command_prints_the_demo_logins(capsys):
    call_command("load_demo", "--no-publish")

    output = capsys.readouterr().out
    for username in ["officer", "author", "councillor"]:
        # A line of its own: the group names ("Report authors") hold two of the usernames.
        assert re.search(rf"^ +{username} ", output, re.MULTILINE), username
    assert DEMO_PASSWORD in output


def test_demo_publishes_the_july_2019_pack_on_the_day_the_seed_was_published(db, client):
    load_demo()
    publication = Publication.objects.get(meeting__starts_at__date=dt.date(2019, 7, 24))
    assert timezone.localtime(publication.published_at).date() == dt.date(2019, 7, 16)
    assert not publication.late
    assert read_verified(publication.public_pdf).startswith(b"%PDF-")
    page = client.get(publication.meeting.get_absolute_url()).content.decode()
    assert "Agenda published" in page


def test_an_apps_demo_is_loaded_after_the_committees_with_what_they_loaded():
    given = []

    def load(ctx):
        given.append(ctx)
        sample_demo.load(ctx)

    with demo.registered("sample_app", load):
        assert load_demo(today=dt.date(2026, 11, 20), publish=False) is True

    (ctx,) = given
    assert ctx.today == dt.date(2026, 11, 20)
    assert ctx.committees[PFCF] == Committee.objects.get(name=PFCF)
    assert ctx.officers["Paul Looby"].user.username == "author"
    assert sorted(ctx.meetings_2019) == [
        dt.date(2019, 3, 20),
        dt.date(2019, 6, 12),
        dt.date(2019, 7, 24),
    ]
    assert ctx.meetings_2019[dt.date(2019, 7, 24)] == seed_meeting()
    assert ctx.board_meeting_2015.committee.name == "Co-operative Scrutiny Board"
    revenue = seed_meeting().items.get(title="Revenue Monitor 2019/20 - Month 2")
    assert [(d.kind, d.title, d.generator) for d in revenue.documents.all()] == [
        ("report", "Revenue Monitoring 2019/20 – Month 2", ""),
        ("generated", "Month 2 Revenue Monitoring Report", "finance.revenue_monitor"),
        ("generated", sample_demo.TITLE, sample_app.KEY),
    ]


def test_app_demos_load_in_the_order_of_installed_apps_then_the_test_apps():
    called = []

    def loader(label):
        return lambda ctx: called.append(label)

    # Installed apps without a demo stand in for finance/ and workprogramme/; sample_app is not
    # installed. Registered in the wrong order on purpose.
    with (
        demo.registered("sample_app", loader("sample_app")),
        demo.registered("contenttypes", loader("contenttypes")),
        demo.registered("auth", loader("auth")),
    ):
        load_demo(publish=False)

    assert called == ["auth", "contenttypes", "sample_app"]


def test_an_app_demo_that_fails_leaves_the_portal_empty_to_load_again():
    def fails(ctx):
        raise RuntimeError("the sample app's demo is broken")

    with (
        demo.registered("sample_app", fails),
        pytest.raises(RuntimeError, match="demo is broken"),
    ):
        load_demo(publish=False)

    assert not Council.objects.exists()
    assert not Meeting.objects.exists()
    assert load_demo(publish=False) is True


def test_a_second_demo_for_one_app_is_refused():
    called = []

    with demo.registered("sample_app", lambda ctx: called.append("first")):
        with pytest.raises(ImproperlyConfigured, match="“sample_app” already has a demo loader"):
            demo.register("sample_app", lambda ctx: called.append("second"))
        load_demo(publish=False)

    assert called == ["first"]
