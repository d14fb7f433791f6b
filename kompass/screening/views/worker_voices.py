"""Staff: an organisation records its own voice for the worker mode's clips (issue #18)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.organisations.permissions import staff_required
from kompass.screening import services, worker
from kompass.screening.forms import WorkerRecordingForm, WorkerSetupForm
from kompass.screening.models import WorkerRecording


def _clip_labels(language: worker.WorkerLanguage) -> dict[str, str]:
    return {clip: f"{clip} — {text}" for clip, text in language.clips().items()}


@staff_required("can_record_worker_voices")
def voices(request: HttpRequest) -> HttpResponse:
    """Per language: every clip, its text, and the recording that replaces the synthetic voice."""
    langs = worker.languages()
    code = request.GET.get("language") or request.POST.get("language") or "ne"
    if code not in langs:
        raise Http404
    language = langs[code]
    form = WorkerRecordingForm(
        request.POST if request.method == "POST" else None,
        request.FILES or None,
        clips=_clip_labels(language),
        initial={"language": code},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_worker_recording(
                organisation=request.membership.organisation,
                language=code,
                clip=form.cleaned_data["clip"],
                upload=form.cleaned_data["file"],
                content_type=form.cleaned_data["file"].detected_type,
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The recording now replaces the synthetic voice."))
            return redirect(f"{request.path}?language={code}")
    current = WorkerRecording.objects.current_for(code)
    rows = [
        {"clip": clip, "text": text, "recording": current.get(clip)}
        for clip, text in language.clips().items()
    ]
    return render(
        request,
        "screening/worker/voices.html",
        {
            "form": form,
            "language": language,
            "language_label": WorkerSetupForm.language_label(language),
            "languages": [(c, WorkerSetupForm.language_label(lang)) for c, lang in langs.items()],
            "rows": rows,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required("can_record_worker_voices")
def voice_withdraw(request: HttpRequest, code) -> HttpResponse:
    """Withdraw a recording of the own organisation (404 for other organisations' recordings)."""
    recording = get_object_or_404(
        WorkerRecording, code=code, is_active=True, organisation=request.membership.organisation
    )
    services.withdraw_worker_recording(recording=recording, by=request.user)
    messages.success(request, _("The recording is withdrawn."))
    return redirect(f"{redirect('screening:worker_voices').url}?language={recording.language}")
