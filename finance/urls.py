from django.urls import path, re_path

from finance import views

app_name = "finance"

urlpatterns = [
    path("finance/", views.public_index, name="public_index"),
    path("finance/<slug:slug>/<int:start_year>/", views.committee_year, name="committee_year"),
    path("officer/finance/", views.index, name="index"),
    path("officer/finance/import/", views.monitor_import, name="monitor_import"),
    path("officer/finance/years/<int:start_year>/", views.year_detail, name="year"),
    re_path(
        r"^officer/finance/years/(?P<start_year>[0-9]{4})/template\.(?P<extension>xlsx|csv)$",
        views.template_download,
        name="template",
    ),
    path("officer/finance/monitors/<int:pk>/", views.monitor_detail, name="monitor"),
    path(
        "officer/finance/monitors/<int:pk>/import/", views.monitor_replace, name="monitor_replace"
    ),
    path("officer/finance/monitors/<int:pk>/lines/", views.monitor_lines, name="monitor_lines"),
    path(
        "officer/finance/monitors/<int:pk>/key-issues/<int:directorate_pk>/",
        views.monitor_key_issues,
        name="monitor_key_issues",
    ),
    path(
        "officer/finance/monitors/<int:pk>/override/",
        views.monitor_override,
        name="monitor_override",
    ),
]
