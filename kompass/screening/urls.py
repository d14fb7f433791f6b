from django.urls import path

from kompass.screening.views import protocols, public, triage

app_name = "screening"

urlpatterns = [
    # Public, no login.
    path("", public.start, name="start"),
    path("emergency/", public.emergency, name="emergency"),
    path("result/<uuid:code>/", public.result, name="result"),
    path("result/<uuid:code>/report/", public.report, name="report"),
    path("report/<uuid:code>/sent/", public.report_sent, name="report_sent"),
    # Staff: catalogue and protocols.
    path("indicators/", protocols.indicators, name="indicators"),
    path("protocols/", protocols.protocol_list, name="protocols"),
    path("protocols/<slug:sector>/", protocols.protocol_detail, name="protocol"),
    path("protocols/<slug:sector>/revisions/<int:number>/", protocols.revision_detail, name="revision"),
    path("protocols/<slug:sector>/revisions/<int:number>/export.yaml", protocols.export_yaml, name="export"),
    path("protocols/<slug:sector>/draft/", protocols.draft, name="draft"),
    path("protocols/<slug:sector>/draft/start/", protocols.draft_start, name="draft_start"),
    path("protocols/<slug:sector>/draft/questions/add/", protocols.draft_question, name="draft_question_add"),
    path(
        "protocols/<slug:sector>/draft/questions/<slug:key>/", protocols.draft_question, name="draft_question"
    ),
    path(
        "protocols/<slug:sector>/draft/questions/<slug:key>/remove/",
        protocols.draft_question_remove,
        name="draft_question_remove",
    ),
    path("protocols/<slug:sector>/draft/import/", protocols.draft_import, name="draft_import"),
    path("protocols/<slug:sector>/draft/publish/", protocols.draft_publish, name="draft_publish"),
    path("protocols/<slug:sector>/draft/discard/", protocols.draft_discard, name="draft_discard"),
    # Staff: the coordinator's triage inbox.
    path("reports/", triage.inbox, name="reports"),
    path("reports/<uuid:code>/", triage.report_detail, name="report_detail"),
    path("reports/<uuid:code>/accept/", triage.report_accept, name="report_accept"),
    path("reports/<uuid:code>/dismiss/", triage.report_dismiss, name="report_dismiss"),
]
