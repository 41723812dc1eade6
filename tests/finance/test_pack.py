"""The demo's 24 July 2019 pack carries the Month 2 monitor generated from data: the seed's
tables and figures, the charts, exact page ranges, each total row once, Table 1 on a landscape
page, and the note of the officer's override."""

import re

import pytest
from django.test.utils import override_settings

from committees.packs.render import render_pack_pdf
from tests.support.demo import seed_meeting
from tests.support.pdf import PackPdf, squash

pytestmark = pytest.mark.usefixtures("published_seed")

ITEM = "Revenue Monitor 2019/20 - Month 2"


@pytest.fixture(scope="module")
def pdf(module_published_seed, django_db_blocker, module_media):
    """The public pack, rendered once for the module."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=module_media):
        meeting = seed_meeting()
        return PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)


def monitor_pages(pdf):
    """Indexes of the pages of the revenue monitor's item, as the front sheet gives them."""
    number = next(item.number for item in pdf.items if item.title == ITEM)
    first, last = pdf.printed_ranges()[number]
    return [i for i, printed in enumerate(pdf.numbers) if printed and first <= printed <= last]


def test_the_front_sheet_gives_the_monitors_exact_page_range(pdf):
    ranges = pdf.assert_laid_out_like_a_council_pack()
    number = next(item.number for item in pdf.items if item.title == ITEM)
    first, last = ranges[number]
    # The cover sheet (two pages), Table 1 on its own landscape page, charts, Table 3.
    assert last - first >= 5
    assert re.search(re.escape(ITEM) + rf" \(Pages {first} - {last}\)", pdf.front)


def test_the_monitors_tables_carry_the_seeds_figures_computed_from_data(pdf):
    text = squash(" ".join(pdf.texts[index] for index in monitor_pages(pdf)))

    assert "MAY 2019 FINANCE MONITORING" in text
    # The cover sheet lists the generated monitor as the report's appendix.
    assert "A Month 2 Revenue Monitoring Report" in text
    assert (
        "The forecast revenue overspend is £3.958m against a net revenue budget of £185.482m."
        in text
    )
    assert "Finance: forecast overspend of £0.417m against a budget of £17.525m." in text
    assert "Table 1: Revenue Monitoring Position" in text
    assert "Movement from Month 1" in text
    assert "Children's Directorate 138.502 (91.812) 46.690 48.747 2.057 0.000" in text
    assert "Corporate Items 10.679 (20.796) (10.117) (9.851) 0.266 0.000" in text
    assert "Table 3: Key Issues and Corrective Actions" in text
    assert "Community Connections" in text


def test_each_total_row_is_printed_once_at_the_end_of_its_table(pdf):
    pages = monitor_pages(pdf)
    texts = [squash(pdf.texts[index]) for index in pages]
    table_one_total = "Total 499.018 (313.536) 185.482 189.440 3.958 0.000"
    table_three_total = "Total 3.958"

    assert sum(text.count(table_one_total) for text in texts) == 1
    assert sum(text.count(table_three_total) for text in texts) == 1
    # Table 3 runs over several pages: its header row repeats on each, its total only at the end.
    with_header = [i for i, text in enumerate(texts) if "Management Corrective Action" in text]
    assert len(with_header) >= 2
    assert table_three_total in texts[with_header[-1]]
    assert all(table_three_total not in texts[i] for i in with_header[:-1])


def test_table_1_sits_on_a_landscape_page_and_the_rest_on_portrait_pages(pdf):
    pages = monitor_pages(pdf)
    [landscape] = [
        index for index in pages if "Table 1: Revenue Monitoring Position" in pdf.texts[index]
    ]
    box = pdf.reader.pages[landscape].mediabox
    assert box.width > box.height
    for index in pages:
        if index != landscape:
            box = pdf.reader.pages[index].mediabox
            assert box.width < box.height, f"page {index + 1} is not portrait"


def test_the_charts_are_drawn_from_the_data_with_their_descriptions_and_tables(pdf):
    text = squash(" ".join(pdf.texts[index] for index in monitor_pages(pdf)))

    # The chart's own text (an SVG drawn by the PDF engine) and its description beside it.
    assert "Forecast year-end variation, £m (overspend positive)" in text
    assert "Children's Directorate: overspend of £2.057m" in text
    assert "Line chart of the total forecast variation by period." in text
    assert "Month 1 3.958 Month 2 3.958" in text


def test_the_pack_notes_the_officers_override_with_the_seeds_own_disagreements(pdf):
    text = squash(" ".join(pdf.texts[index] for index in monitor_pages(pdf)))

    assert "Note: these figures do not reconcile." in text
    assert (
        "The directorates' latest budgets total £185.482m, not the approved net revenue "
        "budget of £185.481m (£0.001m more)." in text
    )
    assert (
        "The key issues of Children's Directorate add up to £2.803m, not its forecast "
        "variation of £2.057m (£0.746m more)." in text
    )
    assert "Reason: Published as the seed's report was" in text
