"""The public finance pages run the same number of queries with one year of the synthetic
council as with ten (finance/synthetic.py): rendered, served from the cache, and answered with
304. The council is loaded once for the module with two committees (tests/support/synthetic.py).
"""

import pytest
from django.urls import reverse

from finance.models import FinancialYear, Monitor
from finance.public import presented
from tests.support.pages import visible_text

pytestmark = pytest.mark.usefixtures("council_media")

# Queries of each page, the public version's included: rendered for an anonymous reader, then
# served again from the cache, and answered with 304 Not Modified.
QUERIES = {
    "finance index": (5, 1, 1),
    "committee year": (14, 1, 1),
}


@pytest.fixture
def committee_year(council, db):
    """The committee and financial year of the latest monitor an agenda presented."""
    documents = presented()
    committee = documents[-1].item.meeting.committee
    monitor = Monitor.objects.select_related("year").get(pk=documents[-1].generator_record)
    return committee, monitor.year


def test_the_council_has_a_monitor_a_month_and_presents_them(council, db):
    years = FinancialYear.objects.count()
    assert Monitor.objects.count() > (years - 1) * 12
    assert {document.item.meeting.committee for document in presented()}


def test_each_public_finance_page_runs_the_same_queries_whatever_the_years(
    client, committee_year, django_assert_num_queries
):
    committee, year = committee_year
    pages = {
        "finance index": reverse("finance:public_index"),
        "committee year": reverse("finance:committee_year", args=[committee.slug, year.start_year]),
    }
    for page, url in pages.items():
        rendered, again, not_modified = QUERIES[page]
        with django_assert_num_queries(rendered):
            response = client.get(url)
        assert response.status_code == 200, url
        assert f"{committee.short_name or committee}" in visible_text(response), url
        with django_assert_num_queries(again):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(not_modified):
            conditional = client.get(url, headers={"if-none-match": response["ETag"]})
        assert conditional.status_code == 304, url
