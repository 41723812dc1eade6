from django.urls import path

from workprogramme import views

app_name = "workprogramme"

urlpatterns = [
    path("", views.index, name="index"),
    path("tracker/", views.tracker_page, name="tracker"),
    path("programmes/<slug:slug>/", views.programme_history, name="programme_history"),
    path("<slug:slug>/<int:year>/", views.programme, name="programme"),
]
