"""Rendered pack PDFs kept by content hash, so that an unchanged pack is never rendered twice.

The cache is a folder of the default storage (`packs/cache/<hash>.pdf`): every process and
machine that shares the storage shares the cache, and it survives restarts. A hash names one
exact input (the final HTML and the bytes of every uploaded PDF), so an entry never goes stale;
it can only become unused.
"""

import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

CACHE_DIR = "packs/cache"


@dataclass(frozen=True)
class CachedPdf:
    data: bytes
    page_count: int | None  # None if the note beside it is lost


def cache_name(content_hash: str) -> str:
    return f"{CACHE_DIR}/{content_hash}.pdf"


def _note_name(content_hash: str) -> str:
    # The page count beside the PDF: counting the pages of a large tagged PDF with pypdf takes
    # longer than everything else a cache hit does.
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
            page_count = int(json.load(note)["page_count"])
    except (OSError, ValueError, KeyError, TypeError):
        page_count = None
    return CachedPdf(data=data, page_count=page_count)


def put(content_hash: str, data: bytes, *, page_count: int) -> None:
    """Keep `data` as the PDF of `content_hash`."""
    _save(_note_name(content_hash), json.dumps({"page_count": page_count}).encode())
    _save(cache_name(content_hash), data)


def _save(name, data):
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:
        # Another process stored the same hash meanwhile; its file has the same content.
        default_storage.delete(saved)
