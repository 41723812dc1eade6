"""The PDF engine of the agenda pack: WeasyPrint lays the pack out, uploads go in at their place.

`write_pack_pdf(html, uploads)` turns the final pack HTML (`pdf.html`: the shared `_pack.html`
with the print stylesheet) into PDF bytes:

1. WeasyPrint lays the document out once. Page ranges on the front sheet are its own
   `target-counter()` values; an uploaded PDF appendix is laid out as that many empty
   placeholder pages, so that counters, ranges and footers count its pages.
2. One-page ranges are rewritten from "(Pages 5 - 5)" to "(Page 5)" in the laid-out boxes,
   which CSS cannot do as it cannot compare two counters.
3. While WeasyPrint writes the PDF, each placeholder page gets its uploaded page (read with
   pypdf) drawn under the pack's own footer, so the uploaded page carries the pack's page
   number. The page objects stay, so bookmarks and links that point at them stay valid, and the
   pack is never parsed back.

Nothing here touches the database: `committees.packs.render` assembles the HTML and uploads.
"""

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pydyf
import weasyprint
from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration

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
    numbered_pages: int  # pages after the front sheet and agenda, which carry a page number


def page_count(reader: PdfReader, *, limit: int) -> int:
    """The pages of `reader`'s PDF; more than `limit` if its page tree says so.

    The page tree's own count (/Count) is read first: a PDF can declare 100,000 pages in a few
    kilobytes, and pypdf's page list builds an object for each, so a file that declares more
    than `limit` is not counted page by page.
    """
    pages = reader.root_object["/Pages"]
    # pypdf resolves an indirect /Count through [], not through get().
    declared = pages["/Count"] if "/Count" in pages else None  # noqa: SIM401
    if isinstance(declared, int) and declared > limit:
        return declared
    return len(reader.pages)


def upload_page_count(data: bytes, title: str) -> int:
    """Pages in an uploaded PDF; a clear PackRenderError if it cannot go into a pack."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise PackRenderError(f"The uploaded file of “{title}” is not a PDF.")
    limit = settings.MAX_UPLOAD_PDF_PAGES
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PackRenderError(
                f"The uploaded PDF of “{title}” is encrypted; upload it without a password."
            )
        count = page_count(reader, limit=limit)
    except PackRenderError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PackRenderError(f"The uploaded PDF of “{title}” cannot be read: {error}") from error
    if count == 0:
        raise PackRenderError(f"The uploaded PDF of “{title}” has no pages.")
    if count > limit:
        raise PackRenderError(
            f"The uploaded PDF of “{title}” has {count:,} pages, more than the {limit:,} one "
            "upload may have; upload it as smaller PDFs."
        )
    return count


def write_pack_pdf(
    html: str, uploads: Sequence[Upload] = (), *, tagged: bool = True, stylesheet=None
) -> WrittenPdf:
    """Lay out `html` and return the finished PDF, with the uploaded pages in their places.

    `tagged` writes the structure tree of a PDF/UA-1 file; a preview's pieces go without it
    (the same layout, about a quarter faster), as the preview is put together from them.
    `stylesheet` (from `print_stylesheet()`) is the print CSS parsed once for many pieces.
    """
    options = PDF_OPTIONS if tagged else {}
    uploaded_pages = sum(upload.page_count for upload in uploads)
    if uploaded_pages > settings.MAX_PACK_UPLOAD_PAGES:
        raise PackRenderError(
            f"The uploaded PDFs of this pack have {uploaded_pages:,} pages together, more than "
            f"the {settings.MAX_PACK_UPLOAD_PAGES:,} a pack may include; remove or shorten "
            "some appendices."
        )
    try:
        extra = {}
        if stylesheet is not None:
            extra = {
                "stylesheets": [stylesheet.css],
                "font_config": stylesheet.font_config,
                "counter_style": stylesheet.counter_style,
            }
        document = weasyprint.HTML(string=html, url_fetcher=_fetcher()).render(**extra, **options)
        _rewrite_one_page_ranges(document)
        swaps = _placeholder_pages(document, uploads)
        finisher = _UploadMerger(swaps) if swaps else None
        data = document.write_pdf(finisher=finisher, **options)
    except PackRenderError:
        raise
    except Exception as error:  # WeasyPrint raises anything from its many dependencies
        logger.exception("WeasyPrint failed to render an agenda pack")
        raise PackRenderError(f"The layout engine failed: {error}") from error
    return WrittenPdf(
        data=data,
        page_count=len(document.pages),
        numbered_pages=sum(page._page_box.page_type.name != FRONT_PAGE for page in document.pages),
    )


@dataclass(frozen=True)
class PrintStylesheet:
    """Print CSS parsed once, with the fonts and counter styles it defines."""

    css: weasyprint.CSS
    font_config: FontConfiguration
    counter_style: CounterStyle


def print_stylesheet(css: str) -> PrintStylesheet:
    """`css` parsed for `write_pack_pdf(stylesheet=…)`: once in the parent, for every piece of a
    preview laid out in the children forked from it (parsing the print CSS of every piece would
    take a tenth of their time).

    WeasyPrint gives it the user's place in the cascade, below the document's own styles:
    the print CSS then gives way to the piece's own rules, as it would were it inlined before
    them, and, as it has no `!important`, to nothing else. Its `@font-face` and
    `@counter-style` rules (the minutes' "(a)") reach the document through the shared font
    configuration and counter styles, as WeasyPrint requires.
    """
    font_config, counter_style = FontConfiguration(), CounterStyle()
    return PrintStylesheet(
        css=weasyprint.CSS(
            string=css,
            url_fetcher=_fetcher(),
            font_config=font_config,
            counter_style=counter_style,
        ),
        font_config=font_config,
        counter_style=counter_style,
    )


def _fetcher():
    # Reports are rich text written by many hands: only embedded (data:) images are drawn, so a
    # render never reaches out to the network or the server's files.
    return weasyprint.URLFetcher(allowed_protocols={"data"})


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


class _UploadMerger:
    """WeasyPrint finisher: draws each uploaded page on its placeholder page.

    It runs on WeasyPrint's own PDF objects before they are written, so the pack is never parsed
    back. The uploaded page becomes a form XObject drawn first; the placeholder's own content
    (the footer with the page number, and the restricted marker) is drawn over it, so the number
    shows even on a scanned page. The placeholder takes the uploaded page's size and the footer
    is scaled and centred to suit; page objects stay, so bookmarks and links stay valid.
    """

    def __init__(self, swaps):
        self.swaps = swaps

    def __call__(self, document, pdf):
        readers, copied = {}, {}
        kids = pdf.pages["Kids"]
        for index, upload, source_index in self.swaps:
            reader = readers.get(upload.anchor)
            if reader is None:
                reader = readers[upload.anchor] = PdfReader(io.BytesIO(upload.data))
            memo = copied.setdefault(upload.anchor, {})
            try:
                form, width, height = _form_xobject(pdf, reader.pages[source_index], memo)
            except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
                raise PackRenderError(
                    f"Page {source_index + 1} of the uploaded PDF of “{upload.title}” cannot be "
                    f"merged: {error}"
                ) from error
            _draw_under(pdf, pdf.objects[int(kids[3 * index])], form, width, height)


def _form_xobject(pdf, source, memo):
    """The uploaded page as a form XObject in `pdf`, turned upright; with its displayed size."""
    box = [float(value) for value in source.cropbox]
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    rotation = (source.rotation or 0) % 360
    # Maps the page's own space onto an upright page with its corner at the origin.
    matrix = {
        0: (1, 0, 0, 1, -x0, -y0),
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }.get(rotation)
    if matrix is None:
        raise ValueError(f"page rotation {rotation} is not a multiple of 90 degrees")
    if rotation in (90, 270):
        width, height = height, width
    contents = source.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        data = b""
    elif isinstance(contents, ArrayObject):
        data = b"\n".join(part.get_object().get_data() for part in contents)
    else:
        data = contents.get_data()
    extra = {
        "Type": "/XObject",
        "Subtype": "/Form",
        "BBox": pydyf.Array(box),
        "Matrix": pydyf.Array(matrix),
    }
    if "/Resources" in source:
        extra["Resources"] = _copy(pdf, source["/Resources"], memo)
    if "/Group" in source:
        extra["Group"] = _copy(pdf, source["/Group"], memo)
    form = pydyf.Stream([data], extra, compress=True)
    pdf.add_object(form)
    return form, width, height


def _draw_under(pdf, page, form, width, height):
    """Draw `form` under the placeholder page's own content, and give the page its size."""
    shared = page["Resources"]
    if isinstance(shared, bytes):  # WeasyPrint's resources, shared by all pages
        shared = pdf.objects[int(shared.split()[0])]
    xobjects = pydyf.Dictionary(dict(shared.get("XObject") or {}))
    xobjects["ScrutinyUploadedPage"] = form.reference
    resources = pydyf.Dictionary(dict(shared))
    resources["XObject"] = xobjects
    page["Resources"] = resources
    scale, shift = footer_fit(width, height)
    before = pydyf.Stream(
        [f"q /ScrutinyUploadedPage Do Q q {scale:f} 0 0 {scale:f} {shift:f} 0 cm".encode()]
    )
    after = pydyf.Stream([b"Q"])
    pdf.add_object(before)
    pdf.add_object(after)
    page["Contents"] = pydyf.Array([before.reference, page["Contents"], after.reference])
    box = pydyf.Array([0, 0, width, height])
    for name in ("MediaBox", "TrimBox", "BleedBox"):
        page[name] = box


def footer_fit(width, height):
    """(scale, shift): how an A4 page's footer is drawn on a page `width` × `height` points.

    WeasyPrint draws the A4 placeholder from its top-left corner, so its footer keeps its
    distance from the bottom edge whatever the new height; it is scaled with the page's short
    side and centred.
    """
    scale = min(width, height) / A4_SHORT_SIDE
    return scale, (width - A4_SHORT_SIDE * scale) / 2


def _copy(pdf, value, memo):
    """`value`, read by pypdf from an uploaded PDF, as a pydyf object of `pdf`.

    Indirect objects are copied once per upload (`memo`), so fonts and images shared by its
    pages are embedded once. Streams keep their encoded bytes and filters.
    """
    if isinstance(value, IndirectObject):
        key = (value.idnum, value.generation)
        if key not in memo:
            target = value.get_object()
            if isinstance(target, StreamObject):
                copy = pydyf.Stream([target._data], {})  # encoded as stored; filters kept
            elif isinstance(target, DictionaryObject):
                copy = pydyf.Dictionary()
            elif isinstance(target, ArrayObject):
                copy = pydyf.Array()
            else:
                return _copy(pdf, target, memo)
            pdf.add_object(copy)
            memo[key] = copy.reference  # before the contents, for cycles
            _fill(pdf, copy, target, memo)
        return memo[key]
    if isinstance(value, StreamObject):
        copy = pydyf.Stream([value._data], {})
        _fill(pdf, copy, value, memo)
        pdf.add_object(copy)  # a stream is always indirect
        return copy.reference
    if isinstance(value, DictionaryObject):
        copy = pydyf.Dictionary()
        _fill(pdf, copy, value, memo)
        return copy
    if isinstance(value, ArrayObject):
        copy = pydyf.Array()
        _fill(pdf, copy, value, memo)
        return copy
    if isinstance(value, NameObject):
        return pydyf.name(value[1:])
    if isinstance(value, BooleanObject):
        return b"true" if value else b"false"
    if isinstance(value, NullObject) or value is None:
        return b"null"
    if isinstance(value, FloatObject):
        return f"{float(value):f}".encode()
    if isinstance(value, NumberObject | int):
        return str(int(value)).encode()
    if isinstance(value, TextStringObject):
        return b"<" + value.original_bytes.hex().encode() + b">"
    if isinstance(value, ByteStringObject | bytes):
        return b"<" + bytes(value).hex().encode() + b">"
    raise TypeError(f"cannot copy a {type(value).__name__}")


def _fill(pdf, copy, source, memo):
    if isinstance(copy, pydyf.Stream):
        copy.extra = {
            _key(key): _copy(pdf, item, memo) for key, item in source.items() if key != "/Length"
        }
    elif isinstance(copy, pydyf.Dictionary):
        for key, item in source.items():
            copy[_key(key)] = _copy(pdf, item, memo)
    else:
        copy.extend(_copy(pdf, item, memo) for item in source)


def _key(name):
    # pydyf writes "/" + key: the key goes in escaped, without its solidus.
    return pydyf.name(name[1:])[1:]
