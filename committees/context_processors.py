from committees.models import Council


def council(request):
    """The council's name and contacts for the page header and footer (one query, cached)."""
    if not hasattr(request, "_council"):
        request._council = Council.current()
    return {"council": request._council}
