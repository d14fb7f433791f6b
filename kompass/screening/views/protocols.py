"""Staff pages for the catalogue and the versioned sector protocols."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.lib.i18n import translated
from kompass.organisations.permissions import staff_required
from kompass.screening import content, services
from kompass.screening.forms import DraftDetailsForm, QuestionForm, YamlImportForm
from kompass.screening.models import Indicator, Protocol, ProtocolRevision
from kompass.screening.permissions import get_protocol_for_user


def _errors(exc: Exception) -> list[str]:
    if isinstance(exc, content.ContentError):
        return exc.errors
    return [str(m) for m in exc.messages] if isinstance(exc, ValidationError) else [str(exc)]


@staff_required("can_read_protocols")
def indicators(request: HttpRequest) -> HttpResponse:
    catalogue = content.load_catalogue_file()
    return render(
        request,
        "screening/indicators.html",
        {
            "indicators": Indicator.objects.all(),
            "version": catalogue["version"],
            "source": catalogue["source"],
            "history": catalogue["history"],
        },
    )


@staff_required("can_read_protocols")
def protocol_list(request: HttpRequest) -> HttpResponse:
    country = request.membership.country
    protocols = Protocol.objects.for_country(country).with_published().prefetch_related("revisions")
    rows = [
        {
            "protocol": p,
            "published": p.published,
            # Another country's draft is not this country's business.
            "draft": next((r for r in p.revisions.all() if r.status == "draft"), None)
            if p.country == country
            else None,
        }
        for p in sorted(protocols, key=lambda p: p.sector)
    ]
    return render(request, "screening/protocol_list.html", {"rows": rows})


@staff_required("can_read_protocols")
def protocol_detail(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    protocol = get_protocol_for_user(request.membership, sector, country=country)
    return render(
        request,
        "screening/protocol_detail.html",
        {"protocol": protocol, "revisions": protocol.revisions.select_related("published_by", "created_by")},
    )


def _question_rows(revision: ProtocolRevision) -> list[dict]:
    return [
        {
            "key": q["key"],
            "text": translated(q["text"]),
            "guidance": translated(q["guidance"]),
            "codes": q["codes"],
            "subjects": q["subjects"],
        }
        for q in revision.content.get("questions", [])
    ]


@staff_required("can_read_protocols")
def revision_detail(
    request: HttpRequest, sector: str, number: int, country: str | None = None
) -> HttpResponse:
    protocol = get_protocol_for_user(request.membership, sector, country=country)
    revision = get_object_or_404(
        ProtocolRevision.objects.select_related("protocol"), protocol=protocol, number=number
    )
    texts = {key: revision.text(key) for key in content.TEXT_KEYS}
    return render(
        request,
        "screening/revision_detail.html",
        {"revision": revision, "questions": _question_rows(revision), "texts": texts},
    )


@staff_required("can_read_protocols")
def export_yaml(request: HttpRequest, sector: str, number: int, country: str | None = None) -> HttpResponse:
    protocol = get_protocol_for_user(request.membership, sector, country=country)
    revision = get_object_or_404(ProtocolRevision, protocol=protocol, number=number)
    response = HttpResponse(
        content.dump_yaml(revision.content), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{sector}-{number}.yaml"'
    return response


def _own_protocol(request: HttpRequest, sector: str, country: str | None) -> Protocol:
    """The member's country's own protocol to edit (404 while the country has none: no draft yet)."""
    protocol = get_protocol_for_user(request.membership, sector, country=country, write=True)
    if protocol.country != request.membership.country:
        raise Http404
    return protocol


def _draft_or_404(protocol: Protocol) -> ProtocolRevision:
    draft = protocol.draft
    if draft is None:
        raise Http404
    return draft


@staff_required("can_edit_protocols")
@require_POST
def draft_start(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    protocol = get_protocol_for_user(request.membership, sector, country=country, write=True)
    try:
        if protocol.country != request.membership.country:
            # The country's first own revision, copied from the base country's published one.
            protocol = services.start_country_protocol(
                country=request.membership.country, sector=sector, by=request.user
            )
        services.start_draft(protocol=protocol, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
        return redirect(protocol)
    return redirect("screening:draft", sector=sector)


@staff_required("can_edit_protocols")
def draft(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    """Edit the draft: details and texts, its questions, and the diff against the published revision."""
    protocol = _own_protocol(request, sector, country)
    revision = _draft_or_404(protocol)
    form = DraftDetailsForm(
        request.POST if request.method == "POST" else None, initial=DraftDetailsForm.initial_from(revision)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_draft_details(
                revision=revision,
                by=request.user,
                change_note=form.cleaned_data["change_note"],
                effective_date=form.cleaned_data["effective_date"],
                texts=form.texts(),
            )
        except (ValidationError, content.ContentError) as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("screening:draft", sector=sector)
    published = protocol.published
    changes = content.diff_content(published.content if published else None, revision.content)
    return render(
        request,
        "screening/draft.html",
        {
            "protocol": protocol,
            "revision": revision,
            "published": published,
            "form": form,
            "questions": _question_rows(revision),
            "changes": changes,
            "import_form": YamlImportForm(),
        },
    )


@staff_required("can_edit_protocols")
def draft_question(
    request: HttpRequest, sector: str, key: str | None = None, country: str | None = None
) -> HttpResponse:
    """Add a question to the draft (no key) or edit one."""
    protocol = _own_protocol(request, sector, country)
    revision = _draft_or_404(protocol)
    questions = revision.content.get("questions", [])
    current = None
    if key is not None:
        current = next((q for q in questions if q["key"] == key), None)
        if current is None:
            raise Http404
    other_keys = {q["key"] for q in questions} - ({key} if key else set())
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        existing_keys=other_keys,
        initial=QuestionForm.initial_from(current) if current else {"subjects": ["adult", "child"]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_draft_question(
                revision=revision, by=request.user, question=form.question(), replace_key=key
            )
        except (ValidationError, content.ContentError) as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("The question was saved in the draft."))
            return redirect("screening:draft", sector=sector)
    return render(
        request,
        "screening/question_form.html",
        {"protocol": protocol, "revision": revision, "form": form, "question_key": key},
    )


@staff_required("can_edit_protocols")
@require_POST
def draft_question_remove(
    request: HttpRequest, sector: str, key: str, country: str | None = None
) -> HttpResponse:
    protocol = _own_protocol(request, sector, country)
    revision = _draft_or_404(protocol)
    try:
        services.remove_draft_question(revision=revision, by=request.user, key=key)
    except (ValidationError, content.ContentError) as exc:
        messages.error(request, "; ".join(_errors(exc)))
    else:
        messages.success(request, _("The question was removed from the draft."))
    return redirect("screening:draft", sector=sector)


@staff_required("can_edit_protocols")
@require_POST
def draft_import(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    protocol = _own_protocol(request, sector, country)
    form = YamlImportForm(request.POST, request.FILES)
    if form.is_valid():
        document = form.cleaned_data["document"]
        if document.get("sector") != sector:
            messages.error(request, _("The file is for another sector."))
        else:
            services.import_protocol(content=document, by=request.user, country=protocol.country)
            messages.success(request, _("The file was imported into the draft."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("screening:draft", sector=protocol.sector)


@staff_required("can_edit_protocols")
@require_POST
def draft_publish(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    protocol = _own_protocol(request, sector, country)
    revision = _draft_or_404(protocol)
    if not revision.change_note.strip():
        messages.error(request, _("Write a change note before publishing."))
        return redirect("screening:draft", sector=sector)
    try:
        services.publish_revision(revision=revision, by=request.user)
    except (ValidationError, content.ContentError) as exc:
        messages.error(request, "; ".join(_errors(exc)))
        return redirect("screening:draft", sector=sector)
    messages.success(request, _("Revision %(number)s is published.") % {"number": revision.number})
    return redirect(protocol)


@staff_required("can_edit_protocols")
@require_POST
def draft_discard(request: HttpRequest, sector: str, country: str | None = None) -> HttpResponse:
    protocol = _own_protocol(request, sector, country)
    revision = _draft_or_404(protocol)
    try:
        services.discard_draft(revision=revision, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    return redirect(protocol)
