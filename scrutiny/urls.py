from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from committees.accounts import LoginView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("officer/work-programmes/", include("workprogramme.officer_urls")),
    path("officer/", include("committees.officer.urls")),
    path("work-programmes/", include("workprogramme.urls")),
    path("", include("finance.urls")),
    path("", include("committees.urls")),
]
