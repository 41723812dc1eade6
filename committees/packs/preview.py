"""An officer's preview of a pack, put together from pieces laid out once each.

Every item of a pack starts on a right-hand page, so its layout depends on nothing before it
but the number on its pages. The preview therefore lays out each item on its own, without page
numbers (`preview_part.html`), and keeps it in the render cache under the hash of its own print
HTML (the whole pack's print CSS and whether the pack is restricted included) and uploads. Only
items whose content changed are laid out again, side by side in limited child processes, one a
core. Then the front sheet is laid out with the page ranges the items' page counts give, and the
pieces are put together with pypdf: the blank left-hand pages, the "Page n" footers (drawn from
cached pages that have nothing but the pack's own footer, so they look exactly as published),
the bookmarks and the document's title.

A number is drawn on rather than laid out with the item, so that an edit that changes one item's
length re-lays out that item and the front sheet, never the items after it. The pieces go
untagged (the same layout, faster): the tagged PDF/UA-1 file is what publication renders, whole,
as before (`committees.packs.render`).
"""

import functools
import hashlib
import io
import os
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

from committees.limits import LimitExceeded, run_limited_all
from committees.packs import cache
from committees.packs.assemble import Pack, assemble
from committees.packs.pdf import (
    PackRenderError,
    Upload,
    footer_fit,
    print_stylesheet,
    write_pack_pdf,
)
from committees.packs.render import (
    ENGINE,
    RESTRICTED_NOTE,
    RenderedPdf,
    assembly_errors,
    content_hash,
    first_page_after,
    print_css,
    read_uploads,
)

PART_TEMPLATE = "committees/pack/preview_part.html"
NUMBERS_TEMPLATE = "committees/pack/preview_numbers.html"
# Footers are laid out this many pages to a cached piece, for every preview to draw from.
NUMBERS_PER_PIECE = 50
PREVIEW_ENGINE = f"{ENGINE} preview-1"
_ITEM_LINK = re.compile(r' href="#item-\d+"')


@dataclass(frozen=True)
class Piece:
    """Something laid out on its own: its print HTML, the print CSS (given to WeasyPrint
    parsed, not inlined), its uploads and the hash naming them."""

    name: str
    html: str
    css: str
    uploads: tuple[Upload, ...] = ()

    @property
    def key(self):
        return content_hash(f"{self.css}\0{self.html}", self.uploads, engine=PREVIEW_ENGINE)


@dataclass(frozen=True)
class PreviewSource:
    """The pieces of a meeting's preview and the hash naming the preview they make."""

    pack: Pack
    items: tuple[Piece, ...]
    blank: Piece
    content_hash: str


@dataclass(frozen=True)
class PreviewPdf(RenderedPdf):
    """A preview; `rendered` names the pieces the layout engine laid out for it (none when the
    preview came from the cache)."""

    rendered: tuple[str, ...] = ()


def preview_source(meeting, *, restricted: bool) -> PreviewSource:
    """The pieces of the meeting's pack as it stands now; PackRenderError if it cannot be
    assembled."""
    with assembly_errors(meeting):
        pack = assemble(meeting, restricted=restricted)
        uploads = {upload.anchor: upload for upload in read_uploads(pack)}
        css = print_css(pack)
        context = {"pack": pack, "restricted_note": RESTRICTED_NOTE}
        items = tuple(
            Piece(
                name=entry.anchor,
                html=render_to_string(PART_TEMPLATE, {**context, "entry": entry}),
                css=css,
                uploads=tuple(
                    uploads[part.anchor] for part in entry.documents if part.anchor in uploads
                ),
            )
            for entry in pack.items
            if entry.has_pages or entry.withheld
        )
        blank = Piece("blank", render_to_string(PART_TEMPLATE, {**context, "blank": True}), css)
        # The front sheet without its ranges: they follow from the items' layouts.
        front = _front_piece(pack, css, ranges=[])
    digest = hashlib.sha256(front.key.encode())
    for piece in (blank, *items):
        digest.update(piece.key.encode())
    return PreviewSource(pack=pack, items=items, blank=blank, content_hash=digest.hexdigest())


class PreviewDeferred(Exception):
    """A preview asked for `within` some seconds would take longer: the worker makes it."""


def unrendered_items(preview: PreviewSource) -> list[Piece]:
    """The items of `preview` that were never laid out: what making it will cost, roughly."""
    return [piece for piece in preview.items if not cache.has(piece.key)]


def render_preview(preview: PreviewSource, *, on_wait=None, within=None) -> PreviewPdf:
    """The preview PDF: from the cache if this exact pack was previewed before, otherwise put
    together from its pieces, laying out only those not laid out before.

    `within` (seconds) bounds the layouts for a caller that cannot wait long (a web request):
    if they take longer, PreviewDeferred is raised.
    """
    hit = cache.get(preview.content_hash)
    if hit is not None and hit.numbered_pages is not None:
        return PreviewPdf.from_cache(hit, preview.content_hash)
    rendered = []
    deadline = None if within is None else time.monotonic() + within
    laid_out = _lay_out([preview.blank, *preview.items], rendered, on_wait, deadline)
    counts = [laid_out[piece.key].page_count for piece in preview.items]
    starts = _first_pages(counts)
    css = preview.blank.css
    # A withheld item has a page saying so, but no range: "Not for publication" instead.
    ranged = {entry.anchor for entry in preview.pack.items if entry.has_pages}
    front = _front_piece(
        preview.pack,
        css,
        ranges=[
            {"anchor": piece.name, "first": first, "last": first + count - 1}
            for piece, first, count in zip(preview.items, starts, counts, strict=True)
            if piece.name in ranged
        ],
    )
    numbered = starts[-1] + counts[-1] - 1 if counts else 0
    numbers = [
        Piece(
            f"numbers {first}-{first + NUMBERS_PER_PIECE - 1}",
            render_to_string(NUMBERS_TEMPLATE, {"first": first, "pages": range(NUMBERS_PER_PIECE)}),
            css,
        )
        for first in range(1, numbered + 1, NUMBERS_PER_PIECE)
    ]
    laid_out |= _lay_out([front, *numbers], rendered, on_wait, deadline)
    data, page_count = _put_together(
        front=laid_out[front.key],
        blank=laid_out[preview.blank.key],
        items=[laid_out[piece.key] for piece in preview.items],
        starts=starts,
        numbers=[laid_out[piece.key] for piece in numbers],
    )
    cache.put(preview.content_hash, data, page_count=page_count, numbered_pages=numbered)
    return PreviewPdf(
        data=data,
        page_count=page_count,
        numbered_pages=numbered,
        content_hash=preview.content_hash,
        cached=False,
        rendered=tuple(rendered),
    )


def _front_piece(pack, css, *, ranges):
    """The front sheet, with the page ranges written in.

    Its agenda's links to the items are left out: the items are not in the same layout, and a
    preview has bookmarks to them. The text looks and flows the same without them.
    """
    html = render_to_string(
        PART_TEMPLATE, {"pack": pack, "restricted_note": RESTRICTED_NOTE, "ranges": ranges}
    )
    return Piece("front", _ITEM_LINK.sub("", html), css)


def _first_pages(counts):
    """The first page number of each item: page 1, then each on the next right-hand (odd)
    page after the one before."""
    starts, page = [], 1
    for count in counts:
        starts.append(page)
        page = first_page_after(page + count - 1)
    return starts


def _lay_out(pieces, rendered, on_wait, deadline):
    """{key: cached PDF} of `pieces`: those not in the cache are laid out, side by side in
    limited child processes, and their names added to `rendered`."""
    found, missing = {}, {}
    for piece in pieces:
        hit = cache.get(piece.key)
        if hit is not None and hit.page_count is not None:
            found[piece.key] = hit
        else:
            missing.setdefault(piece.key, piece)
    if not missing:
        return found
    _warm_up()
    # The longest first, so that the last to finish is a short one and no core waits long.
    missing = dict(sorted(missing.items(), key=lambda pair: -_size(pair[1])))
    stylesheets = {css: print_stylesheet(css) for css in {p.css for p in missing.values()}}
    calls = [
        (
            lambda piece=piece: write_pack_pdf(
                piece.html, piece.uploads, tagged=False, stylesheet=stylesheets[piece.css]
            )
        )
        for piece in missing.values()
    ]
    try:
        written = run_limited_all(
            calls,
            processes=len(os.sched_getaffinity(0)),
            memory_bytes=settings.RENDER_MEMORY_BYTES,
            cpu_seconds=settings.RENDER_SECONDS,
            wall_seconds=min(
                settings.RENDER_SECONDS,
                settings.RENDER_SECONDS if deadline is None else deadline - time.monotonic(),
            ),
            on_wait=on_wait,
        )
    except LimitExceeded as exceeded:
        if deadline is not None and exceeded.kind == "time":
            raise PreviewDeferred from exceeded
        raise PackRenderError(
            f"An item of the agenda pack {exceeded} to render, the most one render may take. "
            "Shorten or remove its largest appendices, or ask the portal's administrators to "
            "raise the limit, then try again."
        ) from exceeded
    for piece, result in zip(missing.values(), written, strict=True):
        cache.put(
            piece.key,
            result.data,
            page_count=result.page_count,
            numbered_pages=result.numbered_pages,
        )
        found[piece.key] = cache.CachedPdf(
            data=result.data, page_count=result.page_count, numbered_pages=result.numbered_pages
        )
        rendered.append(piece.name)
    return found


@functools.cache
def _warm_up():
    """Load the fonts and WeasyPrint's caches in this process, once: every child forked from it
    then starts with them, which saves each about 50 ms. A fixed page, no one's input."""
    write_pack_pdf('<html lang="en-GB"><p>Warming up</p></html>', tagged=False)


def _size(piece):
    """Roughly how long `piece` takes to lay out: its HTML, and its uploaded pages."""
    return len(piece.html) + 10_000 * sum(upload.page_count for upload in piece.uploads)


def _put_together(*, front, blank, items, starts, numbers):
    """The preview's bytes and page count: the front sheet, then each item from its first page
    number on, with blank pages between and every numbered page's footer drawn on."""
    writer = PdfWriter()
    front_reader = _reader(front)
    blank_page = _reader(blank).pages[1]  # the piece is item, blank page, item
    number_pages = [page for piece in numbers for page in _reader(piece).pages]
    forms = {}
    restore = _stream(writer, b"Q ")
    save = _stream(writer, b" q ")

    def add(page, number):
        added = writer.add_page(page)
        if number is None:
            return added
        form = forms.get(number)
        if form is None:
            form = forms[number] = _form(writer, number_pages[number - 1])
        resources = added["/Resources"].get_object()
        xobjects = resources.get("/XObject")
        if xobjects is None:
            xobjects = resources[NameObject("/XObject")] = DictionaryObject()
        name = NameObject(f"/PackPageNumber{number}")
        xobjects.get_object()[name] = form
        contents = added.raw_get("/Contents")
        parts = contents.get_object()
        parts = list(parts) if isinstance(parts, ArrayObject) else [contents]
        # An uploaded page keeps its own size: the footer goes on it as the whole render puts it.
        scale, shift = footer_fit(float(added.mediabox.width), float(added.mediabox.height))
        draw = f"q {scale:f} 0 0 {scale:f} {shift:f} 0 cm {name} Do Q"
        added[NameObject("/Contents")] = ArrayObject(
            [save, *parts, restore, _stream(writer, draw.encode())]
        )
        return added

    for page in front_reader.pages:
        add(page, None)
    _copy_outline(writer, front_reader, offset=0)
    if items and len(front_reader.pages) % 2:
        add(blank_page, None)
    for position, (piece, first) in enumerate(zip(items, starts, strict=True)):
        reader = _reader(piece)
        offset = len(writer.pages)
        for number, page in enumerate(reader.pages, start=first):
            add(page, number)
        _copy_outline(writer, reader, offset=offset)
        if position + 1 < len(items):
            for number in range(first + len(reader.pages), starts[position + 1]):
                add(blank_page, number)
    writer.add_metadata(front_reader.metadata or {})
    if "/Lang" in front_reader.root_object:
        writer._root_object[NameObject("/Lang")] = front_reader.root_object["/Lang"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


def _reader(cached):
    return PdfReader(io.BytesIO(cached.data))


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _form(writer, page):
    """A page of footers as a form XObject of `writer`, to draw over a page of the preview."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(page.mediabox),
            NameObject("/Resources"): page["/Resources"].clone(writer),
        }
    )
    return writer._add_object(form)


def _copy_outline(writer, reader, *, offset, entries=None, parent=None):
    """The bookmarks of a piece, pointing at its pages in the preview."""
    last = None
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):
            _copy_outline(writer, reader, offset=offset, entries=entry, parent=last)
        else:
            page = reader.get_destination_page_number(entry)
            last = writer.add_outline_item(
                title=entry.title, page_number=offset + page, parent=parent
            )
