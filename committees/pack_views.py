"""Agenda pack PDF downloads: the published files, the restricted pack and officers' previews.

Everyone but an officer previewing is served the latest publication's stored files, never a
render of the draft: the public with headers that let HTTP caches and CDNs keep them, readers of
restricted packs checked on every request and never cached by anyone but the reader.
"""

import re
import time

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date, quote_etag

from committees import roles, stored
from committees.access import officer_required, require
from committees.models import Publication
from committees.packs import assemble, cache, preview
from committees.packs.changes import withdrawn
from committees.packs.render import PackRenderError
from committees.public_cache import remember
from committees.tasks import render_preview

PUBLIC_MAX_AGE = 300
# Beyond the render's own time limit, before a preview handed to the worker counts as lost.
PREVIEW_GRACE_SECONDS = 60
# A preview needing at most this many items laid out (about one a core) is made in the request,
# each within this time (under gunicorn's 30 s): an edit since the last preview shows at once.
PREVIEW_IN_REQUEST_ITEMS = 2
PREVIEW_IN_REQUEST_SECONDS = 20


def pack_filename(meeting, *, restricted=False, what="agenda pack"):
    """'2019-07-24 Performance Finance and Customer Focus agenda pack.pdf'."""
    name = re.sub(r"[^\w\s-]", "", meeting.committee.mapping_name)
    name = " ".join(name.split())
    suffix = " (restricted)" if restricted else ""
    return f"{meeting.date:%Y-%m-%d} {name} {what}{suffix}.pdf"


def stored_response(request, stored_file, *, filename, content_type, etag, last_modified=None):
    """A stored file, checked against its hash, or 304 Not Modified when the reader's copy is
    current. A missing or damaged file raises StoredFileUnavailable (a 503 page), never garbage.
    """
    etag = quote_etag(etag)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    # A 304 Not Modified carries the same validators as the full response.
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = HttpResponse(stored.read_verified(stored_file), content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(False, filename)
    response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    return response


def latest_publication(meeting):
    """What the public is served: the meeting's latest publication, or 404 if none."""
    publication = meeting.publications.select_related(
        "public_pdf", "restricted_pdf", "public_html"
    ).newest()
    if publication is None:
        raise Http404("The agenda for this meeting has not been published.")
    return publication


def pack_pdf(request, pk):
    """The public agenda pack as last published; which file that is, is looked up once for
    each public version (committees.public_cache), the bytes checked on every request."""

    def lookup():
        meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
        publication = latest_publication(meeting)
        return (
            publication.public_pdf,
            pack_filename(meeting),
            publication.content_hash,
            publication.published_at,
        )

    stored_file, filename, content_hash, published_at = remember(lookup, "pack_pdf", pk)
    response = stored_response(
        request,
        stored_file,
        filename=filename,
        content_type="application/pdf",
        etag=content_hash,
        last_modified=published_at,
    )
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def pack_restricted_pdf(request, pk):
    """The pack with exempt (Part II) papers as last published, for officers and the
    committee's councillors. Officers preview drafts with `pack_preview_pdf`."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    refused = require(request, roles.can_read_restricted(request.user, meeting))
    if refused:
        return refused
    publication = latest_publication(meeting)
    response = stored_response(
        request,
        publication.restricted_pdf,
        filename=pack_filename(meeting, restricted=True),
        content_type="application/pdf",
        etag=publication.restricted_pdf.sha256,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def publication_pdf(request, pk, publication, *, restricted=False, supplement=False):
    """One publication's pack as it was published, whichever is the latest: its agenda pack,
    or a supplement's own pack; restricted ones only for readers of exempt papers."""
    field = "restricted_pdf" if restricted else "public_pdf"
    if supplement:
        field = f"supplement_{field}"

    def lookup():
        found = get_object_or_404(
            Publication.objects.select_related("meeting__committee", field),
            pk=publication,
            meeting=pk,
        )
        versions = found.meeting.publications.latest_first().only("meeting", "agenda")
        return found, getattr(found, field), withdrawn(versions)

    # Which file that is changes only with a publication: looked up once for each public
    # version (committees.public_cache). Who may read a restricted one is checked every time.
    found, stored_file, withdrawn_versions = remember(
        lookup, "publication_pdf", pk, publication, field
    )
    meeting = found.meeting
    if restricted:
        refused = require(request, roles.can_read_restricted(request.user, meeting))
        if refused:
            return refused
    elif found.pk in withdrawn_versions:
        raise Http404("This version was withdrawn: a later one withholds some of what it showed.")
    if supplement:
        what = f"supplement {found.supplement_number} to the agenda"
    else:
        published_at = timezone.localtime(found.published_at)
        what = f"agenda pack as published {published_at:%Y-%m-%d %H.%M}"
    if stored_file is None:
        raise Http404("This publication has no supplement pack.")
    response = stored_response(
        request,
        stored_file,
        filename=pack_filename(meeting, restricted=restricted, what=what),
        content_type="application/pdf",
        etag=stored_file.sha256,
        last_modified=found.published_at,
    )
    if restricted:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


@officer_required
def pack_preview_pdf(request, pk):
    """Officers' preview of the pack as it stands now, published or not.

    The restricted pack by default; `?version=public` shows what the public would get. The
    preview is put together from items laid out once each (`committees.packs.preview`): one
    previewed before is served at once, and one that needs at most a couple of items laid out
    again (an edit since the last preview) is made in the request. Otherwise the worker makes
    it, and this page waits, refreshing itself, until it can serve it.
    """
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    restricted = request.GET.get("version") != "public"
    try:
        source = preview.preview_source(meeting, restricted=restricted)
        pdf = None
        if cache.has(source.content_hash) or (
            len(preview.unrendered_items(source)) <= PREVIEW_IN_REQUEST_ITEMS
        ):
            pdf = preview.render_preview(source, within=PREVIEW_IN_REQUEST_SECONDS)
    except PackRenderError as error:
        return _preview_waiting(request, meeting, restricted, error=str(error))
    except preview.PreviewDeferred:
        pdf = None
    if pdf is not None:
        if request.htmx:  # the waiting page's poll: now open the PDF itself
            return HttpResponse(headers={"HX-Redirect": request.get_full_path()})
        filename = pack_filename(meeting, restricted=restricted).replace(
            "agenda pack", "agenda pack preview"
        )
        response = HttpResponse(pdf.data, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(False, filename)
        patch_cache_control(response, private=True, no_store=True)
        return response
    error = cache.get_error(source.content_hash)
    if error is None:
        since = cache.pending_since(source.content_hash)
        # A render handed to a worker that has since stopped is handed out again.
        if since is None or time.time() - since > settings.RENDER_SECONDS + PREVIEW_GRACE_SECONDS:
            cache.mark_pending(source.content_hash)
            render_preview.enqueue(meeting.pk, restricted)
    return _preview_waiting(request, meeting, restricted, error=error)


def _preview_waiting(request, meeting, restricted, *, error=None):
    template = "officer/_preview_waiting.html" if request.htmx else "officer/preview_waiting.html"
    response = render(
        request,
        template,
        {"meeting": meeting, "restricted": restricted, "error": error},
        status=500 if error else 202,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
