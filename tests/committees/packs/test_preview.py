"""An officer's preview put together from items laid out once each (committees/packs/preview.py):
it reads like the published pack page for page, and an edit lays out only what it changed."""

from committees.models import AgendaItem, Document
from committees.packs.render import render_pack_files, render_pack_pdf
from tests.support.files import make_pdf
from tests.support.packs import CANARY_ITEM, long_meeting, lorem
from tests.support.pdf import PackPdf, all_text, assert_preview_reads_like, preview_pdf


def test_preview_of_every_kind_of_item_reads_like_the_published_packs(synthetic):
    files = render_pack_files(synthetic)
    public = assert_preview_reads_like(files.public_pdf, synthetic, restricted=False)
    restricted = assert_preview_reads_like(files.restricted_pdf, synthetic, restricted=True)
    assert CANARY_ITEM not in all_text(public)
    assert CANARY_ITEM in all_text(restricted)


def test_preview_of_a_200_page_pack_reads_like_the_published_pack(db):
    # Short reports, each with a long uploaded appendix: pages that read back quickly.
    meeting = long_meeting(
        items=26, paragraphs=2, upload=make_pdf("Monitoring tables", 5), upload_every=1
    )
    published = render_pack_pdf(meeting, restricted=False).data
    preview = assert_preview_reads_like(published, meeting, restricted=False)
    assert preview.numbers[-1] >= 200


def test_an_edit_lays_out_only_the_item_it_changed(synthetic):
    items = {item.title: item for item in AgendaItem.objects.filter(meeting=synthetic).numbered()}
    first = preview_pdf(synthetic, restricted=False)
    laid_out_items = {name for name in first.rendered if name.startswith("item-")}
    assert laid_out_items == {
        f"item-{items[title].number}"
        for title in (
            "Minutes of the Last Meeting",
            "Quarterly Finance Report",
            "Housing Strategy Consultation",
            "Short Briefing Note",
            "Procurement Update",
            "Land Disposal at Example Wharf",
        )
    }
    assert preview_pdf(synthetic, restricted=False).cached

    # A wording change that keeps the item's length: that item alone is laid out again.
    briefing = Document.objects.get(title="Briefing")
    briefing.body = "<p>One short page, revised.</p>"
    briefing.save()
    reworded = preview_pdf(synthetic, restricted=False)
    assert reworded.rendered == (f"item-{items['Short Briefing Note'].number}",)
    assert "One short page, revised." in all_text(
        PackPdf(reworded.data, synthetic, restricted=False)
    )

    # A longer item moves the items after it: it and the front sheet, with their new page
    # ranges, are laid out; the items after it only get new numbers.
    minutes = Document.objects.get(title="Minutes of 12 June")
    minutes.body += lorem(6)
    minutes.save()
    longer = preview_pdf(synthetic, restricted=False)
    number = items["Minutes of the Last Meeting"].number
    assert longer.rendered == (f"item-{number}", "front")
    ranges = assert_preview_reads_like(
        render_pack_pdf(synthetic, restricted=False).data, synthetic, restricted=False
    ).printed_ranges()
    assert (
        ranges[number]
        != PackPdf(reworded.data, synthetic, restricted=False).printed_ranges()[number]
    )
