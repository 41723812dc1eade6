"""The public finance pages are cached (committees/public_cache.py): a changed figure, a renamed
directorate or a monitor newly presented is on them at the next request, however recently they
were cached; readers whose copy is current get 304 Not Modified."""

from decimal import Decimal

import pytest
from django.urls import reverse

from committees.models import Document
from finance.models import Directorate, Line, Monitor
from tests.factories import AgendaItemFactory, DocumentFactory
from tests.support.demo import PFCF_SLUG, seed_meeting
from tests.support.pages import visible_text

pytestmark = pytest.mark.usefixtures("published_seed")

INDEX = reverse("finance:public_index")


def year_url(start_year=2019):
    return reverse("finance:committee_year", args=[PFCF_SLUG, start_year])


def month_two():
    return Monitor.objects.get(year__start_year=2019, kind="month", period=2)


def test_a_cached_page_is_not_modified_for_a_current_copy(client):
    first = client.get(year_url())
    assert first["ETag"]
    again = client.get(year_url(), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_changed_figure_is_on_the_page_at_the_next_request(client):
    before = client.get(year_url())
    assert "Total 499.018 (313.536) 185.482 189.440 3.958" in visible_text(before)
    line = Line.objects.get(monitor=month_two(), directorate__name="Finance")
    line.forecast_outturn += Decimal("1.000")
    line.save()

    after = client.get(year_url(), headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert "Total 499.018 (313.536) 185.482 190.440 4.958" in visible_text(after)


def test_a_renamed_directorate_is_on_the_page_at_the_next_request(client):
    assert "Place Directorate" in visible_text(client.get(year_url()))
    directorate = Directorate.objects.get(year__start_year=2019, name="Place Directorate")
    directorate.name = "Place and Economy Directorate"
    directorate.save()

    assert "Place and Economy Directorate" in visible_text(client.get(year_url()))


def test_a_monitor_newly_presented_is_on_both_pages_at_the_next_request(
    client, publish, monitor_2031
):
    assert "2031/32" not in visible_text(client.get(INDEX))
    assert "has not been presented a revenue monitor of 2031/32" in visible_text(
        client.get(year_url(2031))
    )
    meeting = seed_meeting()
    DocumentFactory(
        item=AgendaItemFactory(meeting=meeting, title="Revenue monitor 2031/32"),
        kind=Document.Kind.GENERATED,
        title="Month 4 monitor",
        generator="finance.revenue_monitor",
        generator_record=monitor_2031.pk,
    )

    publish(meeting)

    assert "2031/32" in visible_text(client.get(INDEX))
    assert "9.999" in visible_text(client.get(year_url(2031)))
