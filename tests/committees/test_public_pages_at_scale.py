"""Every public page runs the same number of queries with one year of the synthetic council as
with ten (committees/synthetic): rendered, served from the cache, and answered with 304.

The council is loaded once for the module with two committees (tests/support/synthetic.py).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee, Councillor, Meeting, Publication

pytestmark = pytest.mark.usefixtures("council_media")

# Queries of each page, the public version's included: rendered for an anonymous reader, then
# served again (from the cache, or a stored file looked up once per version), and answered
# with 304 Not Modified. A page that starts running more fails here, with one year as with ten.
QUERIES = {
    "home": (4, 1, 1),
    "committee list": (3, 1, 1),
    "committee": (8, 1, 1),
    "meeting": (5, 1, 1),
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
    today = timezone.localdate()
    return {
        "home": reverse("committees:home"),
        "committee list": reverse("committees:committee_list"),
        "committee": Committee.objects.first().get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "pack page": reverse("committees:pack", args=[meeting.pk]),
        "pack PDF": reverse("committees:pack_pdf", args=[meeting.pk]),
        "earlier version PDF": reverse("committees:publication_pdf", args=[meeting.pk, earlier.pk]),
        "councillors": reverse("committees:councillor_list"),
        "councillor": Councillor.objects.filter(memberships__isnull=False)
        .first()
        .get_absolute_url(),
        "calendar": reverse("committees:calendar_month", args=[today.year, today.month]),
        "corporate plan": reverse("committees:corporate_plan"),
    }


def test_the_council_has_every_years_meetings_and_publications(council, db):
    years = len({meeting.municipal_year_id for meeting in Meeting.objects.all()})
    assert Meeting.objects.count() == years * 2 * 8
    assert Publication.objects.filter(kind=Publication.Kind.REPUBLICATION).exists()


@pytest.mark.parametrize("page", QUERIES)
def test_each_public_page_runs_the_same_queries_whatever_the_years(
    client, pages, page, django_assert_num_queries
):
    url = pages[page]
    rendered, again, not_modified = QUERIES[page]
    with django_assert_num_queries(rendered):
        response = client.get(url)
    assert response.status_code == 200, url
    with django_assert_num_queries(again):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(not_modified):
        conditional = client.get(url, headers={"if-none-match": response["ETag"]})
    assert conditional.status_code == 304
