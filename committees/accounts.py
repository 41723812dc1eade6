"""Sign in and out. Django renews the session key at sign-in; django-axes limits failures."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse

from committees import roles


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if roles.is_staff_member(user):
            return reverse("officer:dashboard")
        return super().get_default_redirect_url()


def client_ip_address(request):
    """The address django-axes counts sign-in failures by (AXES_CLIENT_IP_CALLABLE).

    REMOTE_ADDR, unless CLIENT_IP_HEADER names the header a reverse proxy puts the client's
    address in. Each of the CLIENT_IP_PROXY_COUNT proxies appends the address it received the
    request from, so the client is that many entries from the right; anything further left was
    sent by the client and may be forged.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    if not settings.CLIENT_IP_HEADER:
        return remote_addr
    header = request.headers.get(settings.CLIENT_IP_HEADER, "")
    addresses = [address.strip() for address in header.split(",") if address.strip()]
    if len(addresses) < settings.CLIENT_IP_PROXY_COUNT:
        # Not through every proxy (a request straight to the application server).
        return remote_addr
    return addresses[-settings.CLIENT_IP_PROXY_COUNT]
