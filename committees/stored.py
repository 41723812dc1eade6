"""Files frozen by publications: stored once per content, checked against their hash when read.

A stored file is named by a keyed hash of its content (HMAC with the site's secret key), so the
names of restricted files cannot be worked out from anything public. Storage goes through
Django's storage API, so the files can live on a local disk or in object storage.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from committees.models import StoredFile

logger = logging.getLogger(__name__)

STORED_DIR = "published"


class StoredFileUnavailable(Exception):
    """A stored file is missing or its bytes no longer match its hash: never serve it."""


class StorageFailed(Exception):
    """Storing a file failed (a full disk, a lost connection); nothing partial is left."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_name(digest: str, suffix: str) -> str:
    key = settings.SECRET_KEY.encode()
    keyed = hmac.new(key, digest.encode(), hashlib.sha256).hexdigest()
    return f"{STORED_DIR}/{keyed[:2]}/{keyed}{suffix}"


def store(data: bytes, *, suffix: str, created: list[str]) -> StoredFile:
    """The StoredFile holding `data`, writing it only if no identical file is stored.

    Names written by this call are appended to `created`, so that a caller whose later step
    fails can remove them with `discard`. Raises StorageFailed, leaving no partial file.
    """
    digest = sha256(data)
    existing = StoredFile.objects.filter(sha256=digest).first()
    if existing is not None and _intact(existing):
        return existing
    name = existing.name if existing is not None else stored_name(digest, suffix)
    try:
        if default_storage.exists(name):
            default_storage.delete(name)  # a damaged or orphaned copy: replace it
        saved = default_storage.save(name, ContentFile(data))
    except Exception as error:
        _delete_quietly(name)
        logger.exception("Could not store %s (%d bytes)", name, len(data))
        raise StorageFailed(
            "The published files could not be stored (the server's storage refused them: "
            f"{error}). Nothing was published; the previous version is still live. Try again "
            "later, and tell the system administrator if it happens again."
        ) from error
    created.append(saved)
    if existing is not None:
        existing.name = saved
        existing.save(update_fields=["name"])
        return existing
    try:
        with transaction.atomic():
            return StoredFile.objects.create(sha256=digest, name=saved, size=len(data))
    except IntegrityError:  # another publication stored the same bytes meanwhile
        return StoredFile.objects.get(sha256=digest)


def discard(names: list[str]) -> None:
    """Remove files written by `store` for a publication that was then not recorded."""
    referenced = set(StoredFile.objects.filter(name__in=names).values_list("name", flat=True))
    for name in names:
        if name not in referenced:
            _delete_quietly(name)


def _delete_quietly(name):
    try:
        if default_storage.exists(name):
            default_storage.delete(name)
    except Exception:
        logger.exception("Could not remove %s", name)


def _intact(stored: StoredFile) -> bool:
    try:
        read_verified(stored)
    except StoredFileUnavailable:
        return False
    return True


def read_verified(stored: StoredFile) -> bytes:
    """The bytes of `stored`, checked against its recorded hash.

    Raises StoredFileUnavailable (and logs why) if the file is missing, unreadable or damaged.
    """
    try:
        with default_storage.open(stored.name, "rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as error:
        logger.error("Stored file %s is missing or unreadable: %s", stored.name, error)
        raise StoredFileUnavailable(stored.name) from error
    if len(data) != stored.size or sha256(data) != stored.sha256:
        logger.error(
            "Stored file %s is damaged: %d bytes, expected %d with SHA-256 %s",
            stored.name,
            len(data),
            stored.size,
            stored.sha256,
        )
        raise StoredFileUnavailable(stored.name)
    return data
