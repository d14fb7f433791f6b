from django.urls import path

from kompass.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("export.csv", views.case_export, name="export"),
    path("tasks/overdue/", views.overdue, name="overdue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("caseload/", views.caseload, name="caseload"),
    path("<uuid:code>/", views.case_detail, name="detail"),
    path("<uuid:code>/edit/", views.case_edit, name="edit"),
    path("<uuid:code>/identity/", views.identity_edit, name="identity"),
    path("<uuid:code>/stage/", views.stage_change, name="stage"),
    path("<uuid:code>/consents/new/", views.consent_add, name="consent_add"),
    path("<uuid:code>/consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("<uuid:code>/risk/", views.risk_assess, name="risk"),
    path("<uuid:code>/needs/new/", views.need_add, name="need_add"),
    path("<uuid:code>/needs/<int:pk>/met/", views.need_met, name="need_met"),
    path("<uuid:code>/plan/", views.plan_edit, name="plan"),
    path("<uuid:code>/plan/goals/new/", views.goal_add, name="goal_add"),
    path("<uuid:code>/plan/goals/<int:pk>/achieved/", views.goal_achieved, name="goal_achieved"),
    path("<uuid:code>/services/new/", views.service_add, name="service_add"),
    path("<uuid:code>/tasks/new/", views.task_add, name="task_add"),
    path("<uuid:code>/tasks/<int:pk>/done/", views.task_done, name="task_done"),
    path("<uuid:code>/notes/new/", views.note_add, name="note_add"),
    path("<uuid:code>/attachments/new/", views.attachment_add, name="attachment_add"),
    path("<uuid:code>/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("<uuid:code>/proceedings/new/", views.proceeding_add, name="proceeding_add"),
    path("<uuid:code>/erase/", views.case_erase, name="erase"),
]
