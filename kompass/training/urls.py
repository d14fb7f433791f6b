from django.urls import path

from kompass.training import views

app_name = "training"

urlpatterns = [
    path("", views.training_list, name="list"),
    path("new/", views.training_create, name="create"),
    path("<uuid:code>/", views.training_detail, name="detail"),
    path("<uuid:code>/edit/", views.training_edit, name="edit"),
    path("<uuid:code>/attendees/", views.attendee_add, name="attendee_add"),
    path("<uuid:code>/attendees/<int:pk>/remove/", views.attendee_remove, name="attendee_remove"),
    path("schools/", views.school_sessions, name="schools"),
    path("schools/sessions/<uuid:code>/delete/", views.school_session_delete, name="school_session_delete"),
    path("schools/sessions/<uuid:code>/qr/", views.school_session_qr, name="school_session_qr"),
    path("reach/", views.reach_dashboard, name="reach"),
    path("reach.csv", views.reach_csv, name="reach_csv"),
    path("impact/", views.impact_page, name="impact"),
    path("impact.csv", views.impact_csv, name="impact_csv"),
    # Public pages: no account.
    path("schools-programme/", views.public_reach, name="public_reach"),
    path("s/<uuid:key>/", views.pupil_link, name="pupil_link"),
    path("check/<uuid:key>/<str:phase>/", views.take_check, name="check"),
    path("check/result/<uuid:code>/", views.check_result, name="check_result"),
    path("check/result/<uuid:code>/certificate.pdf", views.check_certificate, name="check_certificate"),
    path("self-help/", views.self_help_index, name="self_help"),
    path("self-help/<slug:slug>/", views.self_help_detail, name="self_help_page"),
]
