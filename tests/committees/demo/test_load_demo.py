"""The demo data set: the seed's July 2019 agenda, loaded once, with working demo logins."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.http import HttpRequest
from django.utils import timezone

from committees import demo
from committees.demo import DEMO_PASSWORD, PFCF, load_demo
from committees.models import (
    Committee,
    CorporatePlanPriority,
    Council,
    Document,
    Meeting,
    Membership,
    Publication,
)
from committees.publication import is_late
from committees.stored import read_verified
from tests import sample_app
from tests.sample_app import demo as sample_demo

pytestmark = pytest.mark.django_db

SEED_AGENDA = [
    "Apologies",
    "Declarations of Interest",
    "Minutes",
    "Chair's Urgent Business",
    "Mapping of Corporate Plan to Scrutiny Committees",
    "Revenue Monitor 2019/20 - Month 2",
    "Update on the Corporate Procurement Services",
    "Customer Experience Programme Update",
    "Performance discussion",
    "Work Programme",
    "Tracking Decisions",
]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def loaded():
    assert load_demo(publish=False) is True


def july_2019_meeting():
    return Meeting.objects.get(committee__name=PFCF, starts_at__date=dt.date(2019, 7, 24))


def row_counts():
    """Rows in every table the demo touches (committees models, their history, users, groups)."""
    models = [
        *apps.get_app_config("committees").get_models(),
        *apps.get_app_config("auth").get_models(),
    ]
    return {model._meta.label: model.objects.count() for model in models}


def test_loads_the_24_july_2019_agenda_with_the_seeds_eleven_items_in_order(loaded):
    items = list(july_2019_meeting().items.numbered())

    assert [(item.number, item.title) for item in items] == list(enumerate(SEED_AGENDA, start=1))
    assert [item.number for item in items if item.to_follow] == [7]
    assert [item.number for item in items if item.verbal] == [9]


def test_july_2019_meeting_is_as_the_front_sheet_says(loaded):
    meeting = july_2019_meeting()

    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.published_on == dt.date(2019, 7, 16)
    assert meeting.webcast
    assert meeting.start_time == dt.time(15, 0)
    assert meeting.venue.name == "Warspite Room, Council House"
    assert str(meeting.municipal_year) == "2019/2020"
    chair = meeting.committee.memberships.current_on(meeting.date).get(role=Membership.Role.CHAIR)
    assert str(chair.councillor) == "Councillor Kelly"
    assert meeting.committee.contact.name == "Jamie Sheldon"


def test_standing_items_carry_their_standing_text(loaded):
    items = {item.title: item for item in july_2019_meeting().items.all()}

    assert items["Apologies"].standing_text == (
        "To receive apologies for non-attendance submitted by Councillors."
    )
    assert items["Minutes"].standing_text == (
        "To confirm the minutes of the previous meeting held on 12 June 2019."
    )


def test_july_2019_documents_are_in_their_items_in_order(loaded):
    documents = {
        item.title: [(d.kind, d.title) for d in item.documents.all()]
        for item in july_2019_meeting().items.all()
    }

    assert documents["Minutes"] == [("report", "Minutes of the meeting held on 12 June 2019")]
    assert documents["Mapping of Corporate Plan to Scrutiny Committees"] == [
        ("generated", "Mapping of Corporate Plan to Scrutiny Committees")
    ]
    assert documents["Revenue Monitor 2019/20 - Month 2"] == [
        ("report", "Revenue Monitoring 2019/20 – Month 2"),
        ("appendix", "Month 2 Revenue Monitoring Report"),
    ]
    assert documents["Customer Experience Programme Update"] == [
        ("report", "Customer Experience Programme Update"),
        ("appendix", "Briefing report"),
    ]
    assert documents["Update on the Corporate Procurement Services"] == []
    assert documents["Performance discussion"] == []


def test_revenue_report_cover_sheet_uses_the_tables_total_not_the_typo(loaded):
    report = Document.objects.get(title="Revenue Monitoring 2019/20 – Month 2")
    cover = report.cover

    assert cover.lead_member.described == "Councillor Mark Lowry (Cabinet Member for Finance)"
    assert cover.lead_director.described == "Andrew Hardingham (Service Director for Finance)"
    assert sorted(a.name for a in cover.authors.all()) == ["Hannah West", "Paul Looby"]
    # The budget the text quotes is the sum of Table 1's directorate budgets (gross expenditure
    # less gross income), worked out here from the table, not typed.
    table = Document.objects.get(title="Month 2 Revenue Monitoring Report").body
    rows = table.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]
    figures = [re.findall(r"<td>\(?([\d.]+)\)?</td>", row) for row in rows]
    # Income is in brackets: budget = gross expenditure - gross income.
    budgets = [Decimal(cells[0]) - Decimal(cells[1]) for cells in figures]
    assert len(budgets) == 8
    assert f"against a revenue budget of £{sum(budgets)}m" in cover.purpose
    assert "185.481" not in cover.purpose
    assert (cover.finance_ref, cover.legal_ref) == ("djn.19.20.57", "lt/32875/0907")
    assert cover.director_agreed_on == dt.date(2019, 7, 8)
    assert not cover.key_decision


def test_minutes_of_12_june_2019_keep_their_numbered_headings(loaded):
    minutes = Document.objects.get(title="Minutes of the meeting held on 12 June 2019")

    for heading in [
        "<h2>54. To Note the Appointment of the Chair and Vice Chair</h2>",
        "<h2>60. Draft Work Programme</h2>",
    ]:
        assert heading in minutes.body
    assert "Click here to enter text" not in minutes.body


def test_corporate_plan_mapping_has_four_scrutiny_committees_with_shared_priorities(loaded):
    committees = {c.short_name: c for c in Committee.objects.scrutiny()}
    welcoming = CorporatePlanPriority.objects.get(title="A welcoming city")

    assert set(committees) == {
        "Brexit, Infrastructure and Legislative Change",
        "Performance, Finance and Customer Focus",
        "Education and Children's Social Care",
        "Health and Adult Social Care",
    }
    pfcf = committees["Performance, Finance and Customer Focus"]
    responsibilities = [r.title for r in pfcf.responsibilities.all()]
    assert responsibilities[1] == "Corporate Performance Monitoring"
    assert "Bereavement Services and Register Office" in responsibilities
    assert len(responsibilities) == 17
    assert welcoming.committees.count() == 3


def test_every_meeting_falls_in_a_contiguous_municipal_year(loaded):
    years = list(Meeting.objects.values_list("municipal_year__label", flat=True).distinct())
    today = timezone.localdate()
    current_start = today.year if today.month >= 5 else today.year - 1

    assert {"2014/2015", "2018/2019", "2019/2020", f"{current_start}/{current_start + 1}"} <= set(
        years
    )


def test_there_are_upcoming_meetings_with_current_members(loaded):
    upcoming = Meeting.objects.upcoming()
    pfcf = Committee.objects.get(name=PFCF)

    assert upcoming.filter(committee=pfcf).count() >= 2
    assert upcoming.exclude(committee=pfcf).exists()
    assert upcoming.first().start_time == dt.time(14, 0)
    assert pfcf.memberships.current_on(timezone.localdate()).count() == 9


def test_the_public_can_read_every_agenda_that_went_out_and_the_next_one_went_out_on_time(
    loaded,
):
    unpublished = Meeting.objects.exclude(pk__in=Meeting.objects.published())
    next_meeting = Meeting.objects.upcoming().filter(committee__name=PFCF).first()

    assert set(unpublished.values_list("status", flat=True)) == {Meeting.Status.SCHEDULED}
    assert next_meeting.is_published
    assert next_meeting.published_on <= timezone.localdate()
    assert not is_late(next_meeting.date, next_meeting.published_on)


def test_scrutiny_committees_open_and_close_with_the_seeds_standing_items(loaded):
    pfcf = Committee.objects.get(name=PFCF)

    assert [(s.title, s.at_end) for s in pfcf.standing_items.all()] == [
        ("Apologies", False),
        ("Declarations of Interest", False),
        ("Minutes", False),
        ("Chair's Urgent Business", False),
        ("Work Programme", True),
        ("Tracking Decisions", True),
    ]


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
        assert username in output
    assert DEMO_PASSWORD in output


@pytest.mark.parametrize(
    ("username", "group", "person"),
    [
        ("officer", "Democratic services officers", "Jamie Sheldon"),
        ("author", "Report authors", "Paul Looby"),
        ("councillor", "Councillors", "Councillor Kelly"),
    ],
)
def test_demo_logins_work(loaded, client, username, group, person):
    user = get_user_model().objects.get(username=username)

    # django-axes wants the request it rate-limits by; plain ModelBackend ignores it.
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [group]
    linked = getattr(user, "officer", None) or user.councillor
    assert str(linked) == person


def test_only_the_officer_login_reaches_the_admin(loaded):
    staff = get_user_model().objects.filter(is_staff=True)

    assert list(staff.values_list("username", flat=True)) == ["officer"]


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
    assert ctx.meetings_2019[dt.date(2019, 7, 24)] == july_2019_meeting()
    assert ctx.board_meeting_2015.committee.name == "Co-operative Scrutiny Board"
    revenue = july_2019_meeting().items.get(title="Revenue Monitor 2019/20 - Month 2")
    assert [(d.kind, d.title, d.generator) for d in revenue.documents.all()] == [
        ("report", "Revenue Monitoring 2019/20 – Month 2", ""),
        ("appendix", "Month 2 Revenue Monitoring Report", ""),
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
