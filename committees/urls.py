from django.urls import path

from committees import pack_views, views

app_name = "committees"

urlpatterns = [
    path("", views.home, name="home"),
    path("my-meetings/", views.my_meetings, name="my_meetings"),
    path("committees/", views.CommitteeListView.as_view(), name="committee_list"),
    path("committees/<slug:slug>/", views.CommitteeDetailView.as_view(), name="committee"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/pack/", views.meeting_pack, name="pack"),
    path("meetings/<int:pk>/pack.pdf", pack_views.pack_pdf, name="pack_pdf"),
    path(
        "meetings/<int:pk>/pack-restricted.pdf",
        pack_views.pack_restricted_pdf,
        name="pack_restricted_pdf",
    ),
    path(
        "meetings/<int:pk>/pack-preview.pdf", pack_views.pack_preview_pdf, name="pack_preview_pdf"
    ),
    path(
        "meetings/<int:pk>/publications/<int:publication>/pack.pdf",
        pack_views.publication_pdf,
        name="publication_pdf",
    ),
    path(
        "meetings/<int:pk>/publications/<int:publication>/pack-restricted.pdf",
        pack_views.publication_pdf,
        {"restricted": True},
        name="publication_restricted_pdf",
    ),
    path(
        "meetings/<int:pk>/publications/<int:publication>/supplement.pdf",
        pack_views.publication_pdf,
        {"supplement": True},
        name="supplement_pdf",
    ),
    path(
        "meetings/<int:pk>/publications/<int:publication>/supplement-restricted.pdf",
        pack_views.publication_pdf,
        {"supplement": True, "restricted": True},
        name="supplement_restricted_pdf",
    ),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("councillors/", views.CouncillorListView.as_view(), name="councillor_list"),
    path("councillors/<slug:slug>/", views.CouncillorDetailView.as_view(), name="councillor"),
    path("calendar/", views.calendar_current, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar_month"),
    path("corporate-plan/", views.corporate_plan, name="corporate_plan"),
]
