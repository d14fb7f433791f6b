from django.urls import path

from kompass.screening.views import mine, protocols, public, triage, worker, worker_voices

app_name = "screening"

urlpatterns = [
    # Public, no login.
    path("", public.start, name="start"),
    path("emergency/", public.emergency, name="emergency"),
    path("result/<uuid:code>/", public.result, name="result"),
    path("result/<uuid:code>/report/", public.report, name="report"),
    path("report/<uuid:code>/sent/", public.report_sent, name="report_sent"),
    # Public, no login: the worker answers on the professional's phone (issue #18).
    path("worker/", worker.setup, name="worker_setup"),
    path("worker/start/", worker.intro, name="worker_intro"),
    path("worker/step/", worker.step, name="worker_step"),
    path("worker/result/", worker.result, name="worker_result"),
    path("worker/report/", worker.report, name="worker_report"),
    path("worker/sw.js", worker.service_worker, name="worker_sw"),
    path("worker/voice/<uuid:code>/", worker.recording, name="worker_recording"),
    # Staff: recorded voices for the worker mode.
    path("worker-voices/", worker_voices.voices, name="worker_voices"),
    path("worker-voices/<uuid:code>/withdraw/", worker_voices.voice_withdraw, name="worker_voice_withdraw"),
    # Staff: catalogue and protocols.
    path("indicators/", protocols.indicators, name="indicators"),
    path("protocols/", protocols.protocol_list, name="protocols"),
    # The member's own country's protocols (their country is the only one they see)...
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
    # ...and the same pages with the country named (a coordinator of another country gets 404).
    path("protocols/<str:country>/<slug:sector>/", protocols.protocol_detail, name="protocol"),
    path(
        "protocols/<str:country>/<slug:sector>/revisions/<int:number>/",
        protocols.revision_detail,
        name="revision",
    ),
    path(
        "protocols/<str:country>/<slug:sector>/revisions/<int:number>/export.yaml",
        protocols.export_yaml,
        name="export",
    ),
    path("protocols/<str:country>/<slug:sector>/draft/", protocols.draft, name="draft"),
    path("protocols/<str:country>/<slug:sector>/draft/start/", protocols.draft_start, name="draft_start"),
    path(
        "protocols/<str:country>/<slug:sector>/draft/questions/add/",
        protocols.draft_question,
        name="draft_question_add",
    ),
    path(
        "protocols/<str:country>/<slug:sector>/draft/questions/<slug:key>/",
        protocols.draft_question,
        name="draft_question",
    ),
    path(
        "protocols/<str:country>/<slug:sector>/draft/questions/<slug:key>/remove/",
        protocols.draft_question_remove,
        name="draft_question_remove",
    ),
    path("protocols/<str:country>/<slug:sector>/draft/import/", protocols.draft_import, name="draft_import"),
    path(
        "protocols/<str:country>/<slug:sector>/draft/publish/", protocols.draft_publish, name="draft_publish"
    ),
    path(
        "protocols/<str:country>/<slug:sector>/draft/discard/", protocols.draft_discard, name="draft_discard"
    ),
    # Staff: the reports a signed-in professional sent and what became of them.
    path("my-reports/", mine.my_reports, name="my_reports"),
    path("my-reports/<uuid:code>/", mine.my_report, name="my_report"),
    # Staff: the coordinator's triage inbox.
    path("reports/", triage.inbox, name="reports"),
    path("reports/<uuid:code>/", triage.report_detail, name="report_detail"),
    path("reports/<uuid:code>/accept/", triage.report_accept, name="report_accept"),
    path("reports/<uuid:code>/dismiss/", triage.report_dismiss, name="report_dismiss"),
]
