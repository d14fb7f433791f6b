"""The progress page of a job (refreshes itself without JavaScript) and its result file."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kompass.audit.services import record_event
from kompass.jobs.permissions import get_job_for_user
from kompass.jobs.services import progress_of
from kompass.ops.files import send_protected_file
from kompass.organisations.permissions import staff_required

REFRESH_SECONDS = 2


def _summary(job) -> str:
    summary = job.result.get("summary")
    if not summary:
        return ""
    try:
        return _(summary) % job.result.get("values", {})
    except (KeyError, TypeError, ValueError):
        return _(summary)


@staff_required("can_use_staff_area")
def detail(request, code):
    job = get_job_for_user(request.user, request.membership, code)
    progress = progress_of(job)
    next_url = ""
    if job.result.get("next"):
        try:
            next_url = reverse(job.result["next"])
        except NoReverseMatch:
            next_url = ""
    response = render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "title": _(job.title),
            "percent": progress["percent"],
            "step": _(progress["step"]) if progress["step"] else "",
            "summary": _summary(job),
            "next_url": next_url,
            "refresh": 0 if job.is_over else REFRESH_SECONDS,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@staff_required("can_use_staff_area")
def download(request, code):
    job = get_job_for_user(request.user, request.membership, code)
    if job.status != job.Status.DONE or not job.file:
        from django.http import Http404

        raise Http404
    record_event(
        actor=request.user, action="job_file_downloaded", detail={"kind": job.kind, "job": str(job.code)}
    )
    return send_protected_file(job.file, filename=job.result.get("filename") or job.file.name.rsplit("/", 1)[-1],
                               content_type=job.result.get("content_type") or "application/octet-stream")  # fmt: skip
