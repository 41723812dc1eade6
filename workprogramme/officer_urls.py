from django.urls import path

from workprogramme import officer_views as views

app_name = "workprogramme_officer"

urlpatterns = [
    path("", views.index, name="overview"),
    path("new/", views.work_programme_create, name="work_programme_create"),
    path("<int:pk>/", views.work_programme, name="work_programme"),
    path("<int:programme_pk>/topics/new/", views.topic_edit, name="topic_add"),
    path("topics/<int:pk>/edit/", views.topic_edit, name="topic_edit"),
    path("topics/<int:pk>/schedule/", views.topic_schedule, name="topic_schedule"),
    path("topics/<int:pk>/unschedule/", views.topic_unschedule, name="topic_unschedule"),
    path("topics/<int:pk>/withdraw/", views.topic_withdraw, name="topic_withdraw"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
    path("decisions/<int:pk>/notes/", views.decision_note, name="decision_note"),
    path("decisions/<int:pk>/topics/", views.decision_topics, name="decision_topics"),
    path("programmes/new/", views.programme_edit, name="programme_add"),
    path("programmes/<int:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/updates/new/", views.update_create, name="update_add"),
]
