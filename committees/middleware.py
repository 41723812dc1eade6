from django.utils.cache import add_never_cache_headers, patch_cache_control


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
