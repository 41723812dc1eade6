from django.urls import path

from committees import views

app_name = "committees"

urlpatterns = [
    path("", views.home, name="home"),
    path("committees/", views.CommitteeListView.as_view(), name="committee_list"),
    path("committees/<slug:slug>/", views.CommitteeDetailView.as_view(), name="committee"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/pack/", views.meeting_pack, name="pack"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("councillors/", views.CouncillorListView.as_view(), name="councillor_list"),
    path("councillors/<slug:slug>/", views.CouncillorDetailView.as_view(), name="councillor"),
    path("calendar/", views.calendar_current, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar_month"),
    path("corporate-plan/", views.corporate_plan, name="corporate_plan"),
]
