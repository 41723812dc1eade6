"""The PDF engine of the agenda pack: WeasyPrint lays the pack out, pypdf swaps uploads in.

`write_pack_pdf(html, uploads)` turns the final pack HTML (`pdf.html`: the shared `_pack.html`
with the print stylesheet) into PDF bytes:

1. WeasyPrint lays the document out once. Page ranges on the front sheet are its own
   `target-counter()` values; an uploaded PDF appendix is laid out as that many empty
   placeholder pages, so that counters and ranges count its pages.
2. One-page ranges are rewritten from "(Pages 5 - 5)" to "(Page 5)" in the laid-out boxes,
   which CSS cannot do as it cannot compare two counters.
3. After the PDF is written, each placeholder page takes the content of its uploaded page
   (pypdf) and the pack's page number is stamped on it. The page objects themselves stay, so
   bookmarks and links that point at them stay valid.

Nothing here touches the database: `committees.packs.render` assembles the HTML and uploads.
"""

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import weasyprint
from django.utils.html import escape
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, NameObject, RectangleObject

logger = logging.getLogger(__name__)

# Tagged PDF for assistive technology; WeasyPrint 70 writes the PDF/UA-1 identification, the
# structure tree, /Lang from <html lang> and /Title from <title> (shown as the window title).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

# The front sheet's page type (print.css `@page front`): unnumbered, not counted.
FRONT_PAGE = "front"
A4_SHORT_SIDE = 595.28  # points

_ONE_PAGE_RANGE = re.compile(r"^\(Pages (\d+) - \1\)$")


class PackRenderError(Exception):
    """The pack could not be rendered; the message says what to put right."""


@dataclass(frozen=True)
class Upload:
    """An uploaded PDF appendix and where its placeholder pages are in the pack HTML."""

    anchor: str  # placeholder pages have ids "<anchor>-page-1" … "<anchor>-page-<page_count>"
    title: str
    data: bytes
    page_count: int


@dataclass(frozen=True)
class WrittenPdf:
    data: bytes
    page_count: int


def upload_page_count(data: bytes, title: str) -> int:
    """Pages in an uploaded PDF; a clear PackRenderError if it cannot go into a pack."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise PackRenderError(f"The uploaded file of “{title}” is not a PDF.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PackRenderError(
                f"The uploaded PDF of “{title}” is encrypted; upload it without a password."
            )
        count = len(reader.pages)
    except PackRenderError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PackRenderError(f"The uploaded PDF of “{title}” cannot be read: {error}") from error
    if count == 0:
        raise PackRenderError(f"The uploaded PDF of “{title}” has no pages.")
    return count


def write_pack_pdf(
    html: str, uploads: Sequence[Upload] = (), *, footer_note: str = ""
) -> WrittenPdf:
    """Lay out `html` and return the finished PDF, uploads swapped in and numbered.

    `footer_note` is what the pack's footer prints at the left (the restricted marker); it is
    stamped on uploaded pages too.
    """
    try:
        document = weasyprint.HTML(string=html, url_fetcher=_fetcher()).render(**PDF_OPTIONS)
        _rewrite_one_page_ranges(document)
        numbers = _page_numbers(document)
        swaps = _placeholder_pages(document, uploads)
        data = document.write_pdf(**PDF_OPTIONS)
    except PackRenderError:
        raise
    except Exception as error:  # WeasyPrint raises anything from its many dependencies
        logger.exception("WeasyPrint failed to render an agenda pack")
        raise PackRenderError(f"The layout engine failed: {error}") from error
    if swaps:
        data = _swap_in_uploads(data, swaps, numbers, footer_note)
    return WrittenPdf(data=data, page_count=len(document.pages))


def _fetcher():
    # Reports are rich text written by many hands: only embedded (data:) images are drawn, so a
    # render never reaches out to the network or the server's files.
    return weasyprint.URLFetcher(allowed_protocols={"data"})


def _page_numbers(document):
    """The number printed on each page (0 for the unnumbered front sheet and its blank)."""
    numbers, current = [], 0
    for page in document.pages:
        if page._page_box.page_type.name != FRONT_PAGE:
            current += 1
            numbers.append(current)
        else:
            numbers.append(0)
    return numbers


def _placeholder_pages(document, uploads):
    """[(page index, upload, page of upload)] for every placeholder page."""
    where = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            where.setdefault(anchor, index)
    swaps = []
    for upload in uploads:
        for number in range(1, upload.page_count + 1):
            index = where.get(f"{upload.anchor}-page-{number}")
            if index is None:
                raise PackRenderError(
                    f"The uploaded PDF of “{upload.title}” has no place in the pack layout."
                )
            swaps.append((index, upload, number - 1))
    indices = [index for index, _, _ in swaps]
    if len(set(indices)) != len(indices):
        raise PackRenderError("Two uploaded pages fell on the same page of the pack.")
    return swaps


def _rewrite_one_page_ranges(document):
    """ "(Pages 5 - 5)" → "(Page 5)" on the front sheet, after layout.

    The range is one unbreakable text box (`white-space: nowrap`); it gets shorter, so the line
    still fits: the box and its inline parents narrow and what follows on the line moves left.
    """
    from weasyprint.text.line_break import line_size

    for page in document.pages:
        if page._page_box.page_type.name != FRONT_PAGE:
            break
        for line in page._page_box.descendants():
            if type(line).__name__ != "LineBox":
                continue
            for text_box, ancestors in _text_boxes(line, []):
                match = _ONE_PAGE_RANGE.match(text_box.text)
                if not match or not any(
                    "pack-page-range" in (box.element.get("class") or "")
                    for box in ancestors
                    if box.element is not None
                ):
                    continue
                layout = text_box.pango_layout
                layout.reactivate(text_box.style)
                layout.set_text(f"(Page {match[1]})")
                width, _ = line_size(layout.get_first_line()[0], text_box.style)
                layout.deactivate()
                shrink = text_box.width - width
                text_box.text = layout.text
                text_box.width = width
                for box in ancestors:
                    box.width -= shrink
                _shift_after(line, ancestors[0] if ancestors else text_box, -shrink)


def _text_boxes(box, ancestors):
    for child in getattr(box, "children", ()):
        if type(child).__name__ == "TextBox":
            yield child, list(ancestors)
        else:
            yield from _text_boxes(child, [*ancestors, child])


def _shift_after(line, outermost, dx):
    after = False
    for child in line.children:
        if after:
            child.translate(dx=dx)
        after = after or child is outermost


def _stamps(numbers, footer_note):
    """A PDF with one footer strip per number, set like the pack's own footer: "Page n" in the
    middle of an A4 width, the footer note at the left margin."""
    note = escape(footer_note)
    pages = "".join(
        f'<table><tr><td class="note">{note}</td><td class="number">Page {number}</td>'
        f"<td></td></tr></table>"
        for number in numbers
    )
    html = (
        "<!DOCTYPE html><html lang='en-GB'><head><style>"
        "@page { size: 210mm 10mm; margin: 0 }"
        "body { margin: 0; font-family: Arial, 'Liberation Sans', sans-serif; font-size: 10pt }"
        "table { width: 100%; height: 10mm; border-collapse: collapse; table-layout: fixed;"
        " break-after: page }"
        "td { width: 40%; padding: 0 0 0 18mm; box-sizing: border-box; vertical-align: middle }"
        "td.number { width: 20%; padding: 0; text-align: center }"
        ".note { font-size: 9pt; font-weight: bold }"
        "</style></head><body>" + pages + "</body></html>"
    )
    return PdfReader(io.BytesIO(weasyprint.HTML(string=html, url_fetcher=_fetcher()).write_pdf()))


def _swap_in_uploads(data, swaps, numbers, footer_note):
    """Give each placeholder page its uploaded page's content, and stamp the page number.

    The placeholder page objects stay (an incremental update rewrites only them), so outline
    entries and links pointing at them stay valid. The stamp is scaled with the page: an A4
    page, portrait or landscape, gets the footer's own size.
    """
    try:
        writer = PdfWriter(io.BytesIO(data), incremental=True)
        stamps = _stamps([numbers[index] for index, _, _ in swaps], footer_note)
        readers = {}
        for (index, upload, source_index), stamp in zip(swaps, stamps.pages, strict=True):
            pages = readers.get(upload.anchor)
            if pages is None:
                # Its own writer, so that a rotated page can be turned upright in its content.
                pages = readers[upload.anchor] = PdfWriter(clone_from=io.BytesIO(upload.data)).pages
            source = pages[source_index]
            if source.rotation:
                source.transfer_rotation_to_content()
            target = writer.pages[index]
            _clear(target)
            target.merge_page(source)
            box = RectangleObject(source.cropbox)
            target.mediabox = box
            target.cropbox = box
            for name in ("/TrimBox", "/BleedBox", "/ArtBox"):
                if name in target:
                    del target[name]
            scale = min(float(box.width), float(box.height)) / A4_SHORT_SIDE
            stamp_width = float(stamp.mediabox.width) * scale
            # The pack's footer sits in the middle of its 22 mm bottom margin.
            bottom_gap = (22 - 10) / 2 * 72 / 25.4 * scale
            target.merge_transformed_page(
                stamp,
                Transformation()
                .scale(scale)
                .translate(
                    float(box.left) + (float(box.width) - stamp_width) / 2,
                    float(box.bottom) + bottom_gap,
                ),
            )
        output = io.BytesIO()
        writer.write(output)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PackRenderError(f"The uploaded PDFs could not be merged: {error}") from error
    return output.getvalue()


def _clear(page):
    """Empty a placeholder page: no content, no resources, no annotations."""
    page.replace_contents(None)
    page[NameObject("/Resources")] = DictionaryObject()
    if "/Annots" in page:
        del page["/Annots"]
