from django.urls import path

from committees.models import Meeting
from committees.officer import documents, minutes, views

app_name = "officer"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_agenda, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/delete/", views.meeting_delete, name="meeting_delete"),
    path(
        "meetings/<int:pk>/postpone/",
        views.meeting_status,
        {"status": Meeting.Status.POSTPONED},
        name="meeting_postpone",
    ),
    path(
        "meetings/<int:pk>/cancel/",
        views.meeting_status,
        {"status": Meeting.Status.CANCELLED},
        name="meeting_cancel",
    ),
    path("meetings/<int:pk>/items/new/", views.item_add, name="item_add"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/history/", views.meeting_history, name="meeting_history"),
    path("publications/<int:pk>/", views.publication_job, name="publication_job"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/remove/", views.item_delete, name="item_delete"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    # Minutes.
    path("meetings/<int:pk>/minutes/", minutes.minutes_overview, name="minutes"),
    path(
        "meetings/<int:pk>/minutes/attendance/",
        minutes.minutes_attendance,
        name="minutes_attendance",
    ),
    path(
        "meetings/<int:pk>/minutes/from-agenda/",
        minutes.minutes_from_agenda,
        name="minutes_from_agenda",
    ),
    path("meetings/<int:pk>/minutes/new/", minutes.minute_add, name="minute_add"),
    path("meetings/<int:pk>/minutes/publish/", minutes.minutes_publish, name="minutes_publish"),
    path("meetings/<int:pk>/minutes/confirm/", minutes.minutes_confirm, name="minutes_confirm"),
    path("meetings/<int:pk>/minutes/history/", minutes.minutes_history, name="minutes_history"),
    path("minutes/<int:pk>/edit/", minutes.minute_edit, name="minute_edit"),
    path("minutes/<int:pk>/remove/", minutes.minute_remove, name="minute_remove"),
    path("committees/<slug:slug>/standing-items/", views.standing_items, name="standing_items"),
    # The report editor.
    path("items/<int:pk>/documents/new/<str:kind>/", documents.document_add, name="document_add"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("documents/<int:pk>/file/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/preview/", documents.document_preview, name="document_preview"),
    path("documents/<int:pk>/history/", documents.document_history, name="document_history"),
    path("documents/<int:pk>/remove/", documents.document_delete, name="document_delete"),
]
