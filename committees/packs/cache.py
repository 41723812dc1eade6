"""Rendered pack PDFs kept by content hash, so that an unchanged pack is never rendered twice.

The cache is a folder of the default storage (`packs/cache/<hash>.pdf`): every process and
machine that shares the storage shares the cache, and it survives restarts. A hash names one
exact input (the final HTML and the bytes of every uploaded PDF), so an entry never goes stale;
it can only become unused.
"""

import json
import time
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

CACHE_DIR = "packs/cache"


@dataclass(frozen=True)
class CachedPdf:
    data: bytes
    # From the note beside the PDF; None if the note is lost.
    page_count: int | None
    numbered_pages: int | None


def cache_name(content_hash: str) -> str:
    return f"{CACHE_DIR}/{content_hash}.pdf"


def _note_name(content_hash: str) -> str:
    # The page counts beside the PDF: counting the pages of a large tagged PDF with pypdf takes
    # longer than everything else a cache hit does, and which pages are numbered is known only
    # to the layout.
    return f"{CACHE_DIR}/{content_hash}.json"


def get(content_hash: str) -> CachedPdf | None:
    """The cached PDF for `content_hash`, or None."""
    try:
        with default_storage.open(cache_name(content_hash), "rb") as cached:
            data = cached.read()
    except OSError:
        return None
    # Another process may still be writing it: an unfinished file is a miss, not a PDF.
    if not data.rstrip().endswith(b"%%EOF"):
        return None
    try:
        with default_storage.open(_note_name(content_hash), "rb") as note:
            counts = json.load(note)
        page_count, numbered_pages = int(counts["page_count"]), int(counts["numbered_pages"])
    except (OSError, ValueError, KeyError, TypeError):
        page_count = numbered_pages = None
    return CachedPdf(data=data, page_count=page_count, numbered_pages=numbered_pages)


def has(content_hash: str) -> bool:
    """Whether a PDF of `content_hash` is kept (perhaps still being written)."""
    return default_storage.exists(cache_name(content_hash))


def put(content_hash: str, data: bytes, *, page_count: int, numbered_pages: int) -> None:
    """Keep `data` as the PDF of `content_hash`, with its page counts."""
    note = {"page_count": page_count, "numbered_pages": numbered_pages}
    _save(_note_name(content_hash), json.dumps(note).encode())
    _save(cache_name(content_hash), data)


def _save(name, data):
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:
        # Another process stored the same hash meanwhile; its file has the same content.
        default_storage.delete(saved)


# A preview the worker is rendering, or could not render, has a note beside where its PDF will be,
# so that every web process sees it.


def _pending_name(content_hash: str) -> str:
    return f"{CACHE_DIR}/{content_hash}.pending"


def _error_name(content_hash: str) -> str:
    return f"{CACHE_DIR}/{content_hash}.error"


def mark_pending(content_hash: str) -> None:
    """Note that a render of `content_hash` has been handed to the worker, and when."""
    name = _pending_name(content_hash)
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(str(time.time()).encode()))


def pending_since(content_hash: str) -> float | None:
    """When a render of `content_hash` was handed to the worker (a Unix time), or None."""
    try:
        with default_storage.open(_pending_name(content_hash), "rb") as note:
            return float(note.read())
    except (OSError, ValueError):
        return None


def put_error(content_hash: str, message: str) -> None:
    """Keep why `content_hash` could not be rendered, for the officer waiting for it."""
    _save(_error_name(content_hash), message.encode())


def get_error(content_hash: str) -> str | None:
    try:
        with default_storage.open(_error_name(content_hash), "rb") as note:
            return note.read().decode()
    except OSError:
        return None
