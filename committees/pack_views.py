"""Agenda pack PDF downloads: the published files, the restricted pack and officers' previews.

The public is served the latest publication's stored PDF, never a re-render, with headers that
let HTTP caches and CDNs keep it. Restricted packs are checked on every request and never cached
by anyone but the reader.
"""

import re

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date, quote_etag

from committees import roles
from committees.packs import assemble
from committees.packs.render import PackRenderError, render_pack_pdf

PUBLIC_MAX_AGE = 300


def pack_filename(meeting, *, restricted=False):
    """'2019-07-24 Performance Finance and Customer Focus agenda pack.pdf'."""
    name = re.sub(r"[^\w\s-]", "", meeting.committee.mapping_name)
    name = " ".join(name.split())
    suffix = " (restricted)" if restricted else ""
    return f"{meeting.date:%Y-%m-%d} {name} agenda pack{suffix}.pdf"


def _latest_publication(meeting, field):
    return meeting.publications.exclude(**{field: ""}).order_by("-published_at").first()


def _pdf_response(request, *, stored=None, data=None, filename, etag=None, last_modified=None):
    """A PDF response, or 304 Not Modified when the reader's copy is current."""
    etag = quote_etag(etag) if etag else None
    timestamp = int(last_modified.timestamp()) if last_modified else None
    # A 304 Not Modified carries the same validators as the full response.
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None and stored is not None:
        response = FileResponse(
            stored.open("rb"), filename=filename, content_type="application/pdf"
        )
    elif response is None:
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(False, filename)
    if etag:
        response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    return response


def _rendered(request, meeting, *, restricted, filename):
    try:
        rendered = render_pack_pdf(meeting, restricted=restricted)
    except PackRenderError as error:
        return HttpResponse(
            f"The agenda pack could not be rendered: {error}",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
    return _pdf_response(request, data=rendered.data, filename=filename, etag=rendered.content_hash)


def _require(request, allowed):
    """Anonymous readers log in first; signed-in readers without the right are refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied
    return None


def pack_pdf(request, pk):
    """The public agenda pack as published."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    filename = pack_filename(meeting)
    publication = _latest_publication(meeting, "public_pdf")
    if publication is not None:
        response = _pdf_response(
            request,
            stored=publication.public_pdf,
            filename=filename,
            etag=publication.content_hash,
            last_modified=publication.published_at,
        )
    elif meeting.is_published:
        # Published before the portal kept publication records (the demo's 2019 meetings):
        # rendered from the data, once per content hash.
        response = _rendered(request, meeting, restricted=False, filename=filename)
    else:
        raise Http404("The agenda for this meeting has not been published.")
    if response.status_code < 500:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def pack_restricted_pdf(request, pk):
    """The pack with exempt (Part II) papers, for officers and the committee's councillors."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    refused = _require(request, roles.can_read_restricted(request.user, meeting))
    if refused:
        return refused
    filename = pack_filename(meeting, restricted=True)
    publication = _latest_publication(meeting, "restricted_pdf")
    if publication is not None:
        response = _pdf_response(request, stored=publication.restricted_pdf, filename=filename)
    elif meeting.is_published or roles.is_officer(request.user):
        response = _rendered(request, meeting, restricted=True, filename=filename)
    else:
        raise Http404("The agenda for this meeting has not been published.")
    patch_cache_control(response, private=True, no_store=True)
    return response


def pack_preview_pdf(request, pk):
    """Officers' preview of the pack as it stands now, published or not.

    The restricted pack by default; `?version=public` shows what the public would get.
    """
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    refused = _require(request, roles.is_officer(request.user))
    if refused:
        return refused
    public = request.GET.get("version") == "public"
    filename = pack_filename(meeting, restricted=not public).replace(
        "agenda pack", "agenda pack preview"
    )
    response = _rendered(request, meeting, restricted=not public, filename=filename)
    patch_cache_control(response, private=True, no_store=True)
    return response
