from django.urls import path

from kompass.online.views import public, summaries

app_name = "online"

urlpatterns = [
    # Public, no account.
    path("", public.start, name="start"),
    path("parents/", public.parents, name="parents"),
    path("parents/handout.pdf", public.handout, name="handout"),
    path("report/", public.report, name="report"),
    path("report/<uuid:code>/sent/", public.report_sent, name="report_sent"),
    path("platforms/", public.platforms, name="platforms"),
    path("platforms/<slug:code>/", public.platform, name="platform"),
    # Staff: summaries for platforms' trust and safety teams.
    path("summaries/", summaries.summary_list, name="summaries"),
    path(
        "summaries/<slug:platform>/<int:year>.<str:fmt>", summaries.summary_download, name="summary_download"
    ),
    path("<slug:slug>/", public.topic, name="topic"),
]
