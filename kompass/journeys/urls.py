from django.urls import path

from kompass.journeys import checkin_views, views

app_name = "journeys"

urlpatterns = [
    path("", views.start, name="start"),
    path("plan/", views.plan, name="plan"),
    path("plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("numbers/", views.numbers, name="numbers"),
    path("awareness/", views.awareness, name="awareness"),
    path("awareness/manage/", views.awareness_manage, name="awareness_manage"),
    path("awareness/sessions/new/", views.session_create, name="session_create"),
    path("awareness/<slug:slug>/", views.awareness_page, name="awareness_page"),
    path("awareness/<slug:slug>/edit/", views.awareness_edit, name="awareness_edit"),
    path("follow/", checkin_views.follow, name="follow"),
    path("follow/<str:token>/", checkin_views.traveller, name="traveller"),
    path("follow/<str:token>/checkin/<int:position>/", checkin_views.traveller_checkin, name="checkin"),
    path("follow/<str:token>/finish/", checkin_views.traveller_finish, name="traveller_finish"),
    path("follow/<str:token>/delete/", checkin_views.traveller_delete, name="traveller_delete"),
    path("board/", checkin_views.board, name="board"),
    path("board/duty/", checkin_views.board_duty, name="board_duty"),
    path("board/<uuid:code>/", checkin_views.board_journey, name="board_journey"),
    path(
        "board/<uuid:code>/legs/<int:position>/acknowledge/",
        checkin_views.board_acknowledge,
        name="acknowledge",
    ),
    path("board/<uuid:code>/close/", checkin_views.board_close, name="board_close"),
]
