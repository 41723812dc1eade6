"""Public pages cached by what they show, answered with 304 when the reader's copy is current.

Everything a public page shows is frozen at publication or kept in a handful of records
(meetings, committees, councillors…). Each change to those records replaces, in the same
transaction, the token of the one `PublicVersion` row; a page is cached under that token, so a
page cached before the change is never served again, by any process on any machine sharing the
database, from the moment the change is committed. The token is read from the database on every
request (one query by primary key): no process trusts its own memory to know what changed, and
the cache (local memory, Redis, Memcached) only saves the render.

A token, not a counter: a transaction rolled back puts the old token back with the old data, so
what was cached under it is still right.

Pages are cached for anonymous readers only (no session or messages cookie): what a signed-in
user sees depends on who they are. Each cached page keeps its content hash (the ETag) and the
time it was rendered (Last-Modified); the nonce of the Content-Security-Policy is replaced on
every response, so no two responses share one.

Records a public page shows are watched with `watch(Model)`: an app whose records appear on a
public page calls it in its `AppConfig.ready()`. Writes that bypass model signals
(`bulk_create`, `QuerySet.update`) on watched records call `changed()` themselves.
"""

import datetime
import hashlib
import time
import uuid
from dataclasses import dataclass
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

# Browsers check with the server each time (a 304 costs it a query); shared caches such as a
# CDN may keep a page for a minute, which absorbs a publication day's peak.
PAGE_CACHE_CONTROL = {"public": True, "max_age": 0, "s_maxage": 60}
# A cached page is dropped after a day at most; its key changes with any change anyway.
PAGE_TIMEOUT = 24 * 3600
VERSION_ROW = 1


def changed() -> None:
    """Record that something a public page shows has changed: every cached page is stale from
    the moment the current transaction commits."""
    from committees.models import PublicVersion

    fields = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    if PublicVersion.objects.filter(pk=VERSION_ROW).update(**fields):
        return
    try:
        with transaction.atomic():
            PublicVersion.objects.create(pk=VERSION_ROW, **fields)
    except IntegrityError:  # created meanwhile by another process: replace its token
        PublicVersion.objects.filter(pk=VERSION_ROW).update(**fields)


def version() -> str:
    """The current token: one query."""
    from committees.models import PublicVersion

    token = PublicVersion.objects.filter(pk=VERSION_ROW).values_list("token", flat=True).first()
    if token is None:  # a database without the row (flushed): start one
        changed()
        return version()
    return token


def _changed_by_signal(sender, **kwargs):
    changed()


def watch(*models) -> None:
    """Public pages show these models' rows: any save or deletion makes their pages stale."""
    for model in models:
        uid = f"public_cache:{model._meta.label}"
        post_save.connect(_changed_by_signal, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed_by_signal, sender=model, dispatch_uid=uid)
        m2m_changed.connect(_changed_by_signal, sender=model, dispatch_uid=uid)


@once
def code_fingerprint() -> str:
    """What the pages were rendered with: this release's templates, code and static manifest,
    so that a deployment never serves pages a previous release cached in a shared cache."""
    base = Path(settings.BASE_DIR)
    roots = [base / "templates"] + [
        Path(config.path) for config in apps.get_app_configs() if base in Path(config.path).parents
    ]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts:
                digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def cacheable(request) -> bool:
    """The request is an anonymous reader's GET: it gets what every anonymous reader gets."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def key(*parts) -> str:
    """A cache key for `parts` under the code and the current public version."""
    text = "\0".join(str(part) for part in (code_fingerprint(), version(), *parts))
    return f"public:{hashlib.sha256(text.encode()).hexdigest()}"


def expires_at(request, when: datetime.datetime | None) -> None:
    """The page being rendered changes by itself at `when` (a meeting starts, leaving the
    upcoming list), so its cached copy must go then."""
    if when is not None:
        timeout = max(1, int((when - timezone.now()).total_seconds()))
        request.public_cache_timeout = min(
            timeout, getattr(request, "public_cache_timeout", timeout)
        )


@dataclass(frozen=True)
class CachedPage:
    """A rendered page as the cache keeps it, with the nonce it was rendered with."""

    content: bytes
    content_type: str
    nonce: str
    etag: str
    rendered_at: int


def _freeze(request, response) -> CachedPage:
    content = response.content
    nonce = getattr(request, "_csp_nonce", None) or ""
    stable = content.replace(nonce.encode(), b"") if nonce else content
    return CachedPage(
        content=content,
        content_type=response["Content-Type"],
        nonce=nonce,
        etag=f'"{hashlib.sha256(stable).hexdigest()[:32]}"',
        rendered_at=int(time.time()),
    )


def _thaw(request, page: CachedPage) -> HttpResponse:
    content = page.content
    if page.nonce:
        content = content.replace(page.nonce.encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content, content_type=page.content_type)
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.rendered_at)
    patch_cache_control(response, **PAGE_CACHE_CONTROL)
    patch_vary_headers(response, ["Cookie"])
    return (
        get_conditional_response(
            request, etag=page.etag, last_modified=page.rendered_at, response=response
        )
        or response
    )


def public_page(view):
    """Cache an anonymous reader's copy of the page `view` renders, under the public version;
    answer a conditional request whose copy is current with 304 Not Modified.

    Keys include the day, for pages that say what is current (members, upcoming meetings).
    Anything but a 200 is not cached.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not cacheable(request):
            return view(request, *args, **kwargs)
        page_key = key("page", timezone.localdate(), request.path, request.GET.urlencode())
        page = cache.get(page_key)
        if page is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            # Only what every anonymous reader gets: no error, no stream, no cookie of its own
            # (a CSRF token, for one, belongs to one reader).
            if (
                response.status_code != 200
                or response.streaming
                or response.cookies
                or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            ):
                return response
            page = _freeze(request, response)
            timeout = getattr(request, "public_cache_timeout", PAGE_TIMEOUT)
            cache.set(page_key, page, min(timeout, PAGE_TIMEOUT))
        return _thaw(request, page)

    return wrapper


def remember(compute, *parts, timeout=PAGE_TIMEOUT):
    """`compute()`, cached under `parts` and the public version: for what a file download
    looks up before it serves the stored bytes."""
    lookup_key = key(*parts)
    value = cache.get(lookup_key)
    if value is None:
        value = compute()
        cache.set(lookup_key, value, timeout)
    return value
