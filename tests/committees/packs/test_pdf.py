"""The PDF engine of the agenda pack (committees/packs/pdf.py), read back with pypdf as a reader
would read it: page ranges on the front sheet are where the items really are; items open on
right-hand pages; blank pages say so; uploads are merged, numbered and bookmarked; a damaged,
encrypted or hostile upload, or a failing layout engine, fails the render with a clear message.
"""

import io
import re

import pytest
import weasyprint
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfWriter

from committees.models import Document
from committees.packs import cache
from committees.packs.render import PackRenderError, render_pack_files, render_pack_pdf
from tests.support.files import inflating_pdf, make_pdf, many_pages_pdf
from tests.support.packs import CANARY_UPLOAD
from tests.support.pdf import PackPdf, squash


def test_ranges_count_uploaded_pages_and_uploads_are_merged_numbered_and_bookmarked(synthetic):
    pdf = PackPdf(render_pack_pdf(synthetic, restricted=True).data, synthetic, restricted=True)
    ranges = pdf.assert_laid_out_like_a_council_pack()
    numbers = {item.title: item.number for item in pdf.items}
    # A one-page item reads "(Page n)", as councils print it.
    short = ranges[numbers["Short Briefing Note"]]
    assert short[0] == short[1]
    assert re.search(rf"Short Briefing Note \(Page {short[0]}\)", pdf.front)
    assert re.search(r"Quarterly Finance Report \(Pages \d+ - \d+\)", pdf.front)
    # Every uploaded page stands in the pack, in order, inside its item's range, stamped with
    # the pack's number (checked for every page above).
    for label, count, item in (
        ("Finance tables", 3, "Quarterly Finance Report"),
        ("Housing response", 2, "Housing Strategy Consultation"),
        (CANARY_UPLOAD, 1, "Land Disposal at Example Wharf"),
    ):
        pages = [
            index for index in range(len(pdf.texts)) if f"{label} page" in squash(pdf.texts[index])
        ]
        assert len(pages) == count
        assert pages == list(range(pages[0], pages[0] + count))
        for k, index in enumerate(pages, start=1):
            assert f"{label} page {k} of {count}" in squash(pdf.texts[index])
        first, last = ranges[numbers[item]]
        assert first <= pdf.numbers[pages[0]] and pdf.numbers[pages[-1]] <= last
    # The text appendix after an upload starts on a fresh page, after the last uploaded one.
    savings = next(i for i, text in enumerate(pdf.texts) if "Appendix B: Savings" in squash(text))
    assert "Finance tables page 3 of 3" in squash(pdf.texts[savings - 1])
    # A landscape upload keeps its shape; a page rotated for viewing is turned upright.
    for label in ("Housing response page 1", CANARY_UPLOAD):
        index = next(i for i, text in enumerate(pdf.texts) if label in text)
        page = pdf.reader.pages[index]
        assert page.mediabox.width > page.mediabox.height
        assert not page.rotation
    # The bookmarks of uploaded appendices point at their first page, after the swap.
    outline = {title: page for _, title, page in pdf.outline()}
    tables = next(i for i, text in enumerate(pdf.texts) if "Finance tables page 1" in text)
    assert outline["Appendix A: Detailed Monitoring Tables"] == tables
    assert outline[f"{numbers['Quarterly Finance Report']}. Quarterly Finance Report"] < tables


def test_a_corrupt_upload_fails_the_render_with_a_clear_message(synthetic):
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("broken.pdf", ContentFile(b"%PDF-1.7\nthis is not really a PDF"))
    with pytest.raises(PackRenderError, match="Detailed Monitoring Tables"):
        render_pack_files(synthetic)
    assert (
        not default_storage.exists(cache.CACHE_DIR)
        or not default_storage.listdir(cache.CACHE_DIR)[1]
    )


def test_an_encrypted_upload_fails_the_render_with_a_clear_message(synthetic):
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf("Secret", 1)))
    writer.encrypt("password")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    document = Document.objects.get(title="Consultation Response")
    document.upload.save("locked.pdf", ContentFile(encrypted.getvalue()))
    with pytest.raises(PackRenderError, match="encrypted"):
        render_pack_pdf(synthetic, restricted=False)


def test_a_layout_engine_failure_becomes_a_pack_render_error(synthetic, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("cairo ran out of memory")

    monkeypatch.setattr(weasyprint.HTML, "render", broken)
    with pytest.raises(PackRenderError, match="layout engine failed"):
        render_pack_files(synthetic)


def test_a_stored_100000_page_upload_fails_the_preview_at_once(synthetic):
    # Stored before uploads were limited: the render counts again, from the page tree.
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("huge.pdf", ContentFile(many_pages_pdf(100_000)))

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=True)

    assert str(failure.value) == (
        "The uploaded PDF of “Detailed Monitoring Tables” has 100,000 pages, more than the 500 "
        "one upload may have; upload it as smaller PDFs."
    )


def test_a_pack_whose_uploads_have_too_many_pages_together_fails_the_render(synthetic, settings):
    settings.MAX_PACK_UPLOAD_PAGES = 5  # the restricted pack's uploads have 3 + 2 + 1 pages

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=True)

    assert str(failure.value).startswith(
        "The uploaded PDFs of this pack have 6 pages together, more than the 5 a pack may include"
    )
    assert not default_storage.exists(cache.CACHE_DIR)


def test_an_upload_inflating_to_a_gigabyte_fails_the_render_within_its_memory_limit(
    synthetic, settings
):
    # Accepted at upload, where content streams are not decoded; the render draws them.
    settings.RENDER_MEMORY_BYTES = 64 * 1024 * 1024
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("inflating.pdf", ContentFile(inflating_pdf()))

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=False)

    assert str(failure.value).startswith(
        "The agenda pack needed more than 64 MB of memory to render"
    )
    assert not default_storage.exists(cache.CACHE_DIR)


# ---- Who may download what -----------------------------------------------------------------------
