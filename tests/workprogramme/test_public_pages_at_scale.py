"""Every public page of the work programme runs the same number of queries with one year of
the synthetic council as with ten (committees/synthetic, workprogramme/synthetic.py): rendered,
served from the cache, and answered with 304."""

import pytest
from django.urls import reverse

from committees.models import Committee, MunicipalYear
from tests.support.synthetic import assert_served_in
from workprogramme.models import (
    Programme,
    ProgrammeUpdate,
    ProgressNote,
    Topic,
    TrackedDecision,
    WorkProgramme,
)

pytestmark = pytest.mark.usefixtures("council_media")

# Queries of each page, the public version's included: rendered for an anonymous reader, then
# served from the cache, and answered with 304 Not Modified. The tracker's include three for
# the numbers of every committee's minutes awaiting confirmation.
QUERIES = {
    "index": (4, 1, 1),
    "programme": (6, 1, 1),
    "programme by score": (6, 1, 1),
    "tracker": (9, 1, 1),
    "tracker of a year": (10, 1, 1),
    "programme history": (8, 1, 1),
}


@pytest.fixture
def pages(council, db):
    committee = Committee.objects.first()
    year = MunicipalYear.objects.latest("start_date")
    programme = WorkProgramme.objects.get(committee=committee, municipal_year=year)
    tracker = reverse("workprogramme:tracker")
    return {
        "index": reverse("workprogramme:index"),
        "programme": programme.get_absolute_url(),
        "programme by score": programme.get_absolute_url() + "?band=High&sort=-score",
        "tracker": tracker,
        "tracker of a year": f"{tracker}?municipal_year={year.pk}",
        "programme history": Programme.objects.get().get_absolute_url(),
    }


def test_the_council_has_a_work_programme_a_year_and_a_programme_with_updates(council, db):
    years = MunicipalYear.objects.count()
    assert WorkProgramme.objects.count() == years * 2
    assert Topic.objects.filter(meeting__isnull=False, score__isnull=False).exists()
    assert ProgrammeUpdate.objects.count() >= years
    decisions = TrackedDecision.objects.published()
    assert decisions.filter(outcome__entry__number__isnull=True).exists()
    assert ProgressNote.objects.exists()


@pytest.mark.parametrize("page", QUERIES)
def test_each_work_programme_page_runs_the_same_queries_whatever_the_years(
    client, pages, page, django_assert_num_queries
):
    assert_served_in(client, pages[page], QUERIES[page], django_assert_num_queries)
