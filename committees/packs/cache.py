"""Rendered pack PDFs kept by content hash, so that an unchanged pack is never rendered twice.

The cache is a folder of the default storage (`packs/cache/<hash>.pdf`): every process and
machine that shares the storage shares the cache, and it survives restarts. A hash names one
exact input (the final HTML and the bytes of every uploaded PDF), so an entry never goes stale;
it can only become unused.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

CACHE_DIR = "packs/cache"


def cache_name(content_hash: str) -> str:
    return f"{CACHE_DIR}/{content_hash}.pdf"


def get(content_hash: str) -> bytes | None:
    """The cached PDF for `content_hash`, or None."""
    try:
        with default_storage.open(cache_name(content_hash), "rb") as cached:
            data = cached.read()
    except OSError:
        return None
    # Another process may still be writing it: an unfinished file is a miss, not a PDF.
    if not data.rstrip().endswith(b"%%EOF"):
        return None
    return data


def put(content_hash: str, data: bytes) -> None:
    """Keep `data` as the PDF of `content_hash`."""
    name = cache_name(content_hash)
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:
        # Another process stored the same hash meanwhile; its file has the same content.
        default_storage.delete(saved)
