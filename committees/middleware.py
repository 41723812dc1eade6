import datetime as dt
import time

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from committees.stored import StoredFileUnavailable

# Powerful browser features the portal never uses, refused for the page and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
LAST_ACTIVITY = "last_activity"
# The last activity is stored at most once a minute, so most requests do not write the session.
ACTIVITY_RESOLUTION_SECONDS = 60


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


def permissions_policy(get_response):
    """Every response refuses the camera, microphone, location, payments and the like."""

    def middleware(request):
        response = get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


def idle_timeout(get_response):
    """Sign out a user idle for longer than SESSION_IDLE_SECONDS, and tell them so.

    The session also ends SESSION_COOKIE_AGE after sign-in however active the user is: the
    activity stamps below save the session, which would otherwise extend its expiry each time.
    """

    def middleware(request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            if last is None:
                request.session[LAST_ACTIVITY] = now
                request.session.set_expiry(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE))
            elif now - last > settings.SESSION_IDLE_SECONDS:
                logout(request)
                minutes = settings.SESSION_IDLE_SECONDS // 60
                messages.info(
                    request,
                    f"You were signed out because you had not used the portal for {minutes} "
                    "minutes. Sign in again to carry on.",
                )
            elif now - last >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY] = now
        return get_response(request)

    return middleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, on HTML pages only.

    Chrome shows a PDF through a plugin that the pages' `object-src 'none'` would block
    (crbug.com/271452), so PDFs and other files are served without it.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith("text/html"):
            response._csp_exempt = True
        return super().process_response(request, response)
