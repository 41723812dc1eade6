"""Render a meeting's agenda pack: the HTML and the PDF, public and restricted, from one source.

The PDF is `pdf.html` (the shared `_pack.html` with the print stylesheet) laid out by
WeasyPrint; the HTML is `_pack.html` itself, as the pack page shows it. A render is identified
by its content hash — SHA-256 of the final print HTML and of every uploaded PDF it includes — and
kept in the cache under it, so that an unchanged pack is rendered once however often it is
previewed or published.

These are plain functions of a meeting, so that a task queue can run them as well as a view.
"""

import copy
import hashlib
import io
import logging
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader

from committees.limits import LimitExceeded, run_limited
from committees.packs import cache
from committees.packs.assemble import Pack, assemble
from committees.packs.pdf import PackRenderError, Upload, upload_page_count, write_pack_pdf
from committees.packs.registry import UnknownGenerator

__all__ = [
    "FrozenUpload",
    "PackFiles",
    "PackRenderError",
    "PrintSource",
    "RenderedPdf",
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
# merged (bump the first part), must not be served from a cache filled by the old one.
ENGINE = f"scrutiny-pack-2 weasyprint-{version('weasyprint')} pypdf-{version('pypdf')}"


@dataclass(frozen=True)
class PrintSource:
    """Everything a PDF render depends on: the final HTML and the uploaded PDFs it includes."""

    pack: Pack
    html: str
    uploads: tuple[Upload, ...]
    content_hash: str


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered pack PDF. `cached` is True when it came from the cache, not the engine."""

    data: bytes
    page_count: int
    content_hash: str
    cached: bool


@dataclass(frozen=True)
class PackFiles:
    """What a publication stores: both PDFs, both HTML bodies, and what identifies them.

    `content_hash` and `page_count` are the public pack's (ETag and the page count shown to
    the public); the restricted pack has its own.
    """

    public_pdf: bytes
    restricted_pdf: bytes
    public_html: str
    restricted_html: str
    content_hash: str
    page_count: int
    restricted_content_hash: str
    restricted_page_count: int
    public_pack: Pack
    restricted_pack: Pack
    uploads: tuple["FrozenUpload", ...]


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


def print_source(meeting, *, restricted: bool, released=frozenset()) -> PrintSource:
    """Assemble the pack, read its uploaded PDFs and render the final print HTML."""
    pack = assemble(meeting, restricted=restricted, released=released)
    uploads = tuple(_uploads(pack))
    html = render_to_string(
        "committees/pack/pdf.html",
        {"pack": pack, "print_css": print_css(pack), "restricted_note": RESTRICTED_NOTE},
    )
    digest = hashlib.sha256()
    digest.update(ENGINE.encode())
    digest.update(b"\0")
    digest.update(html.encode())
    for upload in uploads:
        digest.update(b"\0" + upload.anchor.encode() + b"\0")
        digest.update(hashlib.sha256(upload.data).digest())
    return PrintSource(pack=pack, html=html, uploads=uploads, content_hash=digest.hexdigest())


def _uploads(pack):
    """The uploaded PDFs the pack shows, in order; each document learns its true page count."""
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
    if use_cache and (hit := cache.get(source.content_hash)) is not None:
        return RenderedPdf(
            data=hit.data,
            page_count=hit.page_count or len(PdfReader(io.BytesIO(hit.data)).pages),
            content_hash=source.content_hash,
            cached=True,
        )
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
        cache.put(source.content_hash, written.data, page_count=written.page_count)
    return RenderedPdf(
        data=written.data,
        page_count=written.page_count,
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
    meeting, *, published_on=None, released=frozenset(), on_stage=None, on_wait=None
) -> PackFiles:
    """Both packs, rendered for publication. Raises PackRenderError if either fails, so that
    publication fails as a whole and nothing half-rendered is stored.

    `published_on` is the date the front sheet prints as "Published …", for a first
    publication whose date is not yet saved on the meeting; `released` the To Follow items a
    supplement carries, shown with their reports. Neither changes the database: publication
    writes them only once the render has succeeded. `on_stage(stage, pages)` is told when the
    restricted pack starts (with the public pack's page count) and when both are done;
    `on_wait()` every few seconds while a pack renders.
    """
    if published_on is not None and meeting.published_on != published_on:
        meeting = copy.copy(meeting)
        meeting.published_on = published_on
    on_stage = on_stage or (lambda stage, pages: None)
    public = pack_source(meeting, restricted=False, released=released)
    public_pdf = render_source(public, on_wait=on_wait)
    on_stage("rendering_restricted", public_pdf.page_count)
    restricted = pack_source(meeting, restricted=True, released=released)
    restricted_pdf = render_source(restricted, on_wait=on_wait)
    on_stage("storing", restricted_pdf.page_count)
    return PackFiles(
        public_pdf=public_pdf.data,
        restricted_pdf=restricted_pdf.data,
        public_html=_html(public.pack),
        restricted_html=_html(restricted.pack),
        content_hash=public_pdf.content_hash,
        page_count=public_pdf.page_count,
        restricted_content_hash=restricted_pdf.content_hash,
        restricted_page_count=restricted_pdf.page_count,
        public_pack=public.pack,
        restricted_pack=restricted.pack,
        uploads=tuple(_frozen_uploads(restricted)),
    )


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


def pack_source(meeting, *, restricted, released=frozenset()) -> PrintSource:
    """`print_source`, with any failure to assemble the pack as a PackRenderError."""
    try:
        return print_source(meeting, restricted=restricted, released=released)
    except PackRenderError:
        raise
    except UnknownGenerator as error:
        raise PackRenderError(str(error)) from error
    except Exception as error:  # a generator or template failing on odd data
        logger.exception("Could not assemble the agenda pack of %s", meeting)
        raise PackRenderError(f"The pack could not be assembled: {error}") from error
