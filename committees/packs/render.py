"""Render a meeting's agenda pack: the HTML and the PDF, public and restricted, from one source.

The PDF is `pdf.html` (the shared `_pack.html` with the print stylesheet) laid out by
WeasyPrint; the HTML is `_pack.html` itself, as the pack page shows it. A render is identified
by its content hash — SHA-256 of the final print HTML and of every uploaded PDF it includes — and
kept in the cache under it, so that an unchanged pack is rendered once however often it is
previewed or published.

These are plain functions of a meeting, so that a task queue can run them as well as a view.
"""

import copy
import dataclasses
import datetime
import hashlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from committees.limits import LimitExceeded, run_limited
from committees.packs import cache
from committees.packs.assemble import Pack, Supplement, assemble
from committees.packs.pdf import PackRenderError, Upload, upload_page_count, write_pack_pdf
from committees.packs.registry import UnknownGenerator

__all__ = [
    "FrozenUpload",
    "PackFiles",
    "PackRenderError",
    "PrintSource",
    "RenderedPdf",
    "SupplementFiles",
    "SupplementRequest",
    "draft_outline",
    "first_page_after",
    "pack_source",
    "print_source",
    "render_pack_files",
    "render_pack_html",
    "render_pack_pdf",
]

logger = logging.getLogger(__name__)

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "pack" / "print.css"
# Printed in the footer of every page of a restricted pack, uploaded pages included, so that a
# printed sheet cannot be mistaken for a public one.
RESTRICTED_NOTE = "Restricted: includes exempt information"
# Part of every content hash: a new engine version, or a change to how uploaded pages are
# merged or to what the cache keeps beside a PDF (bump the first part), must not be served from
# a cache filled by the old one.
ENGINE = f"scrutiny-pack-3 weasyprint-{version('weasyprint')} pypdf-{version('pypdf')}"


@dataclass(frozen=True)
class PrintSource:
    """Everything a PDF render depends on: the final HTML and the uploaded PDFs it includes."""

    pack: Pack
    html: str
    uploads: tuple[Upload, ...]
    content_hash: str


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered pack PDF. `cached` is True when it came from the cache, not the engine.

    `numbered_pages` are the pages after the front sheet and agenda, which carry page numbers.
    """

    data: bytes
    page_count: int
    numbered_pages: int
    content_hash: str
    cached: bool

    @classmethod
    def from_cache(cls, hit: cache.CachedPdf, content_hash: str):
        return cls(
            data=hit.data,
            page_count=hit.page_count,
            numbered_pages=hit.numbered_pages,
            content_hash=content_hash,
            cached=True,
        )


@dataclass(frozen=True)
class SupplementRequest:
    """A supplement to render beside the updated complete packs: its number and date, and the
    last page numbers of the packs it follows (public and restricted), None if not known."""

    number: int
    published_on: datetime.date
    after_page: int | None
    restricted_after_page: int | None


@dataclass(frozen=True)
class SupplementFiles:
    """A supplement's own packs, public and restricted, and their last page numbers."""

    public_pdf: bytes
    restricted_pdf: bytes
    page_count: int
    last_page: int
    restricted_last_page: int


@dataclass(frozen=True)
class PackFiles:
    """What a publication stores: both PDFs, both HTML bodies, and what identifies them.

    `content_hash` and `page_count` are the public pack's (ETag and the page count shown to
    the public); the restricted pack has its own. `supplement` holds a supplement's own packs.
    """

    public_pdf: bytes
    restricted_pdf: bytes
    public_html: str
    restricted_html: str
    content_hash: str
    page_count: int
    last_page: int
    restricted_content_hash: str
    restricted_page_count: int
    restricted_last_page: int
    public_pack: Pack
    restricted_pack: Pack
    uploads: tuple["FrozenUpload", ...]
    supplement: SupplementFiles | None = None


@dataclass(frozen=True)
class FrozenUpload:
    """The bytes of an uploaded PDF exactly as the rendered packs include them."""

    document_pk: int
    title: str
    appendix_ref: str
    exempt: bool
    data: bytes


def print_css(pack: Pack) -> str:
    """The print stylesheet, with the print CSS of the kinds of generated document `pack` shows."""
    return "\n".join(
        [PRINT_CSS.read_text(encoding="utf-8"), *(g.print_css for g in pack.generators())]
    )


def print_source(
    meeting, *, restricted: bool, released=frozenset(), supplement=None
) -> PrintSource:
    """Assemble the pack (a supplement's own, with `supplement`), read its uploaded PDFs and
    render the final print HTML."""
    pack = assemble(meeting, restricted=restricted, released=released, supplement=supplement)
    uploads = tuple(read_uploads(pack))
    html = render_to_string(
        "committees/pack/pdf.html",
        {"pack": pack, "print_css": print_css(pack), "restricted_note": RESTRICTED_NOTE},
    )
    return PrintSource(
        pack=pack, html=html, uploads=uploads, content_hash=content_hash(html, uploads)
    )


def content_hash(html: str, uploads=(), *, engine: str = ENGINE) -> str:
    """SHA-256 naming a render: of the engine, the final print HTML and every uploaded PDF."""
    digest = hashlib.sha256()
    digest.update(engine.encode())
    digest.update(b"\0")
    digest.update(html.encode())
    for upload in uploads:
        digest.update(b"\0" + upload.anchor.encode() + b"\0")
        digest.update(hashlib.sha256(upload.data).digest())
    return digest.hexdigest()


def read_uploads(pack):
    """The uploaded PDFs the pack shows, in order; each document learns its true page count,
    and its part in the pack the file's digest (for the outline)."""
    for entry in pack.items:
        for part in entry.documents:
            document = part.document
            if document is None or not document.upload:
                continue
            try:
                with document.upload.open("rb") as upload:
                    data = upload.read()
            except OSError as error:
                raise PackRenderError(
                    f"The uploaded file of “{part.title}” is missing from storage."
                ) from error
            part.upload_sha256 = hashlib.sha256(data).hexdigest()
            # The layout needs the real count, whatever was recorded at upload.
            document.upload_pages = upload_page_count(data, part.title)
            yield Upload(
                anchor=part.anchor,
                title=part.title,
                data=data,
                page_count=document.upload_pages,
            )


def render_source(source: PrintSource, *, use_cache: bool = True, on_wait=None) -> RenderedPdf:
    """The PDF of `source`: from the cache if this exact content was rendered before.

    A render runs in a child process under the render limits (`committees.limits`); `on_wait()`
    is called every few seconds while it works.
    """
    hit = cache.get(source.content_hash) if use_cache else None
    # Which pages are numbered only the layout knows: a PDF whose note is lost is rendered again.
    if hit is not None and hit.numbered_pages is not None:
        return RenderedPdf.from_cache(hit, source.content_hash)
    try:
        written = run_limited(
            write_pack_pdf,
            source.html,
            source.uploads,
            memory_bytes=settings.RENDER_MEMORY_BYTES,
            cpu_seconds=settings.RENDER_SECONDS,
            wall_seconds=settings.RENDER_SECONDS,
            on_wait=on_wait,
        )
    except LimitExceeded as exceeded:
        raise PackRenderError(
            f"The agenda pack {exceeded} to render, the most one render may take. Shorten or "
            "remove the largest appendices, or ask the portal's administrators to raise the "
            "limit, then try again."
        ) from exceeded
    if use_cache:
        cache.put(
            source.content_hash,
            written.data,
            page_count=written.page_count,
            numbered_pages=written.numbered_pages,
        )
    return RenderedPdf(
        data=written.data,
        page_count=written.page_count,
        numbered_pages=written.numbered_pages,
        content_hash=source.content_hash,
        cached=False,
    )


def render_pack_pdf(meeting, *, restricted: bool, use_cache: bool = True) -> RenderedPdf:
    """The meeting's pack as a PDF; `restricted` includes exempt (Part II) papers."""
    return render_source(pack_source(meeting, restricted=restricted), use_cache=use_cache)


def render_pack_html(meeting, *, restricted: bool) -> str:
    """The meeting's pack as the HTML body of the pack page (`_pack.html`)."""
    return _html(assemble(meeting, restricted=restricted))


def _html(pack):
    return render_to_string("committees/pack/_pack.html", {"pack": pack})


def render_pack_files(
    meeting,
    *,
    published_on=None,
    released=frozenset(),
    supplement: SupplementRequest | None = None,
    on_stage=None,
    on_wait=None,
) -> PackFiles:
    """Both packs, rendered for publication. Raises PackRenderError if either fails, so that
    publication fails as a whole and nothing half-rendered is stored.

    `published_on` is the date the front sheet prints as "Published …", for a first
    publication whose date is not yet saved on the meeting; `released` the To Follow items a
    supplement carries, shown with their reports. Neither changes the database: publication
    writes them only once the render has succeeded. With `supplement`, the supplement's own
    packs (`released` only, numbered on from the packs it follows) are rendered too.
    `on_stage(stage, pages)` is told when the restricted pack starts (with the public pack's
    page count) and when both are done; `on_wait()` every few seconds while a pack renders.
    """
    if published_on is not None and meeting.published_on != published_on:
        meeting = copy.copy(meeting)
        meeting.published_on = published_on
    on_stage = on_stage or (lambda stage, pages: None)
    sheet = restricted_sheet = None
    if supplement is not None:
        sheet = Supplement(
            number=supplement.number,
            published_on=supplement.published_on,
            items=frozenset(released),
            first_page=first_page_after(supplement.after_page),
        )
        restricted_sheet = dataclasses.replace(
            sheet, first_page=first_page_after(supplement.restricted_after_page)
        )

    def render(restricted, sheet):
        """The complete pack and, for a supplement, the supplement's own pack."""
        source = pack_source(meeting, restricted=restricted, released=released)
        pdf = render_source(source, on_wait=on_wait)
        own = None
        if sheet is not None:
            own = render_source(
                pack_source(meeting, restricted=restricted, released=released, supplement=sheet),
                on_wait=on_wait,
            )
        return source, pdf, own

    public, public_pdf, public_supplement = render(False, sheet)
    on_stage("rendering_restricted", public_pdf.page_count)
    restricted, restricted_pdf, restricted_supplement = render(True, restricted_sheet)
    on_stage("storing", restricted_pdf.page_count)
    return PackFiles(
        public_pdf=public_pdf.data,
        restricted_pdf=restricted_pdf.data,
        public_html=_html(public.pack),
        restricted_html=_html(restricted.pack),
        content_hash=public_pdf.content_hash,
        page_count=public_pdf.page_count,
        last_page=public_pdf.numbered_pages,
        restricted_content_hash=restricted_pdf.content_hash,
        restricted_page_count=restricted_pdf.page_count,
        restricted_last_page=restricted_pdf.numbered_pages,
        public_pack=public.pack,
        restricted_pack=restricted.pack,
        uploads=tuple(_frozen_uploads(restricted)),
        supplement=(
            None
            if sheet is None
            else SupplementFiles(
                public_pdf=public_supplement.data,
                restricted_pdf=restricted_supplement.data,
                page_count=public_supplement.page_count,
                last_page=sheet.first_page - 1 + public_supplement.numbered_pages,
                restricted_last_page=(
                    restricted_sheet.first_page - 1 + restricted_supplement.numbered_pages
                ),
            )
        ),
    )


def first_page_after(last_page: int | None) -> int:
    """The first page number of a supplement pack that follows a pack ending on `last_page`.

    Items open on right-hand pages, which carry the odd numbers, so the supplement goes on
    from the next odd number, as its first item would have in the pack it follows (after an
    odd last page, the even number is that page's blank back). A councillor who files the
    supplement behind the agenda keeps one run of numbers. Unknown (a publication recorded
    before packs kept their last page) or no numbered page: from 1.
    """
    if not last_page:
        return 1
    return last_page + 1 if last_page % 2 == 0 else last_page + 2


def draft_outline(meeting, *, restricted: bool) -> list[dict]:
    """The outline that publishing `meeting` now would store, to compare with the version
    live now before publishing. Raises PackRenderError if the pack cannot be assembled."""
    with assembly_errors(meeting):
        pack = assemble(meeting, restricted=restricted)
        for _ in read_uploads(pack):  # reads each uploaded file, for its digest
            pass
        return pack.outline()


def _frozen_uploads(source):
    """Every uploaded PDF of the restricted pack (so exempt ones too), as publication keeps it."""
    data = {upload.anchor: upload.data for upload in source.uploads}
    for entry in source.pack.items:
        for part in entry.documents:
            if part.anchor in data:
                yield FrozenUpload(
                    document_pk=part.document.pk,
                    title=part.title,
                    appendix_ref=part.appendix_ref,
                    exempt=part.document.exempt or entry.item.exempt,
                    data=data[part.anchor],
                )


def pack_source(meeting, *, restricted, released=frozenset(), supplement=None) -> PrintSource:
    """`print_source`, with any failure to assemble the pack as a PackRenderError."""
    with assembly_errors(meeting):
        return print_source(
            meeting, restricted=restricted, released=released, supplement=supplement
        )


@contextmanager
def assembly_errors(meeting):
    try:
        yield
    except PackRenderError:
        raise
    except UnknownGenerator as error:
        raise PackRenderError(str(error)) from error
    except Exception as error:  # a generator or template failing on odd data
        logger.exception("Could not assemble the agenda pack of %s", meeting)
        raise PackRenderError(f"The pack could not be assembled: {error}") from error
