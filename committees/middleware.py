from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from committees.stored import StoredFileUnavailable


def private_pages(get_response):
    """Officer pages and anything shown to a signed-in user are never cached by shared caches."""

    def middleware(request):
        response = get_response(request)
        if request.path.startswith("/officer/") or request.path.startswith("/accounts/"):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

    return middleware


def stored_files_unavailable(get_response):
    """A published file that is missing or damaged gives a 'temporarily unavailable' page
    (503, already logged by committees.stored), never a traceback or the damaged bytes."""

    def middleware(request):
        return get_response(request)

    def process_exception(request, exception):
        if isinstance(exception, StoredFileUnavailable):
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "3600"
            add_never_cache_headers(response)
            return response
        return None

    middleware.process_exception = process_exception
    return middleware
