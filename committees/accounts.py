"""Sign in and out. Django renews the session key at sign-in; django-axes limits failures."""

from django.contrib.auth import views as auth_views
from django.urls import reverse

from committees import roles


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if roles.is_officer(user) or roles.is_author(user):
            return reverse("officer:dashboard")
        return super().get_default_redirect_url()
