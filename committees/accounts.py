"""Sign in and out. Django renews the session key at sign-in; django-axes limits failures."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse

from committees import roles
from committees.officer.forms.base import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    """Django's sign-in form with GOV.UK inputs and messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["username"].widget.attrs["spellcheck"] = "false"
        self.fields["password"].error_messages["required"] = "Enter your password"


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Where each role starts: officers and authors at their dashboard, councillors at
        the meetings of their committees."""
        user = self.request.user
        if roles.is_staff_member(user):
            return reverse("officer:dashboard")
        if roles.is_councillor(user):
            return reverse("committees:my_meetings")
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
