"""Every public page runs the same number of queries with one year of the synthetic council as
with ten (committees/synthetic): rendered, served from the cache, and answered with 304.

The council is loaded once for the module with two committees (tests/support/synthetic.py).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee, Councillor, Meeting, MinuteEntry, Minutes, Publication
from tests.support.pages import visible_text
from tests.support.synthetic import assert_served_in

pytestmark = pytest.mark.usefixtures("council_media")

# Queries of each page, the public version's included: rendered for an anonymous reader, then
# served again (from the cache, or a stored file looked up once per version), and answered
# with 304 Not Modified. A page that starts running more fails here, with one year as with ten.
QUERIES = {
    "home": (4, 1, 1),
    "committee list": (3, 1, 1),
    "committee": (8, 1, 1),
    "meeting": (13, 1, 1),
    "meeting with minutes": (15, 1, 1),
    "meeting with draft minutes": (14, 1, 1),
    "pack page": (4, 1, 1),
    "pack PDF": (3, 1, 1),
    "earlier version PDF": (3, 1, 1),
    "councillors": (3, 1, 1),
    "councillor": (6, 1, 1),
    "calendar": (3, 1, 1),
    "corporate plan": (5, 1, 1),
}


@pytest.fixture
def pages(council, db):
    republished = (
        Publication.objects.filter(kind=Publication.Kind.REPUBLICATION)
        .select_related("meeting")
        .latest("published_at")
    )
    meeting = republished.meeting
    earlier = meeting.publications.latest_first()[1]
    confirmed = Minutes.objects.filter(status=Minutes.Status.CONFIRMED).latest("meeting__starts_at")
    draft = Minutes.objects.filter(status=Minutes.Status.PUBLISHED).latest("meeting__starts_at")
    today = timezone.localdate()
    return {
        "home": reverse("committees:home"),
        "committee list": reverse("committees:committee_list"),
        "committee": Committee.objects.first().get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "meeting with minutes": confirmed.meeting.get_absolute_url(),
        "meeting with draft minutes": draft.meeting.get_absolute_url(),
        "pack page": reverse("committees:pack", args=[meeting.pk]),
        "pack PDF": reverse("committees:pack_pdf", args=[meeting.pk]),
        "earlier version PDF": reverse("committees:publication_pdf", args=[meeting.pk, earlier.pk]),
        "councillors": reverse("committees:councillor_list"),
        "councillor": Councillor.objects.filter(attendance__isnull=False)
        .order_by("pk")
        .first()
        .get_absolute_url(),
        "calendar": reverse("committees:calendar_month", args=[today.year, today.month]),
        "corporate plan": reverse("committees:corporate_plan"),
    }


def test_the_council_has_every_years_meetings_and_publications(council, db):
    years = len({meeting.municipal_year_id for meeting in Meeting.objects.all()})
    assert Meeting.objects.count() == years * 2 * 8
    assert Publication.objects.filter(kind=Publication.Kind.REPUBLICATION).exists()


def test_each_meeting_held_has_minutes_confirmed_at_the_next_with_their_numbers_kept(council, db):
    for committee in Committee.objects.all():
        held = Meeting.objects.filter(committee=committee, status=Meeting.Status.HELD)
        minutes = list(
            Minutes.objects.filter(meeting__in=held)
            .select_related("meeting", "confirmed_by__minutes__meeting")
            .order_by("meeting__starts_at")
        )
        assert len(minutes) == held.count()
        *confirmed, draft = minutes
        assert draft.status == Minutes.Status.PUBLISHED
        for each, following in zip(confirmed, minutes[1:], strict=True):
            assert each.status == Minutes.Status.CONFIRMED
            assert each.confirmed_by.minutes == following
        numbers = list(
            MinuteEntry.objects.filter(minutes__in=confirmed)
            .order_by("minutes__meeting__starts_at", "position")
            .values_list("number", flat=True)
        )
        assert numbers == list(range(1, len(numbers) + 1))
        assert not draft.entries.filter(number__isnull=False).exists()


@pytest.mark.parametrize(
    "page, shown",
    [
        ("meeting with minutes", "These minutes were agreed as an accurate record"),
        ("meeting with draft minutes", "not yet confirmed by the committee"),
        ("councillor", "Attendance by municipal year, from the published minutes"),
        ("committee", "Members' attendance, from the published minutes"),
    ],
)
def test_the_minutes_and_attendance_are_on_the_public_pages(client, pages, page, shown):
    assert shown in visible_text(client.get(pages[page]))


@pytest.mark.parametrize("page", QUERIES)
def test_each_public_page_runs_the_same_queries_whatever_the_years(
    client, pages, page, django_assert_num_queries
):
    assert_served_in(client, pages[page], QUERIES[page], django_assert_num_queries)
