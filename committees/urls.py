from django.urls import path

from committees import views

app_name = "committees"

urlpatterns = [
    path("", views.home, name="home"),
]
