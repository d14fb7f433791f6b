"""Case pages. Every view: access helper → form → service → redirect or render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.audit.models import AuditEvent
from kompass.audit.services import record_event
from kompass.cases import forms, selectors, services
from kompass.cases.models import Case, CaseIdentity, CaseNote
from kompass.cases.permissions import (
    ACCESS_LOG,
    EXPLOITATION,
    PROCEEDINGS,
    RESTRICTED_NOTES,
    RISK,
    get_case_access,
)
from kompass.lib.forms import add_errors
from kompass.ops.files import send_protected_file
from kompass.organisations.permissions import staff_required

PAGE_SIZE = 50


def conflict_message() -> str:
    return _(
        "Someone else saved this case while you were editing it. Your changes are NOT saved yet: "
        "they are still in the form below. Compare them with the saved case, then save again."
    )


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page") or 1))
    except ValueError:
        return 1


@staff_required("can_work_on_cases")
def case_list(request):
    """The organisation's cases (and cases referred to it), searchable, a fixed number of queries."""
    membership = request.membership
    form = forms.CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.case_page(
        membership, user=request.user, filters=filters, number=_page_number(request), per_page=PAGE_SIZE
    )
    record_event(
        actor=request.user, action="cases_listed", organisation=membership.organisation,
        detail={"page": page.number, "shown": len(page.object_list)},
    )  # fmt: skip
    return render(
        request, "cases/list.html", {"form": form, "page": page, "own_org": membership.organisation_id}
    )  # fmt: skip


@staff_required("can_edit_cases")
def case_create(request):
    owner = request.membership.organisation
    form = forms.CaseCreateForm(
        request.POST if request.method == "POST" else None, owner=owner, initial={"country": owner.country}
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_case(
                owner=owner, by=request.user, identity=form.identity(),
                platforms=form.cleaned_data["platforms"], **form.attrs(),
            )  # fmt: skip
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Case %(reference)s opened.") % {"reference": case.reference})
            return redirect(case)
    return render(request, "cases/form.html", {"form": form, "title": _("Open a case"), "wide": True})


@staff_required("can_work_on_cases")
def case_detail(request, code):
    access = get_case_access(request.user, request.membership, code)
    case = access.case
    context = {"access": access, "case": case, "groups": access.groups, "access_log": None}
    if access.is_owner:
        notes = case.notes.select_related("author")
        if not access.can(RESTRICTED_NOTES):
            notes = notes.exclude(level=CaseNote.Level.RESTRICTED)
        plan = getattr(case, "plan", None) if hasattr(case, "plan") else None
        context.update(
            identity=CaseIdentity.objects.filter(case=case).first() if access.can_see_identity else None,
            platforms=case.platforms.all(),
            stage_changes=case.stage_changes.select_related("by"),
            consents=case.consents.select_related("organisation"),
            risk_assessments=list(case.risk_assessments.select_related("assessed_by")),
            proceedings=case.proceedings.all(),
            needs=case.needs.all(),
            plan=plan,
            goals=plan.goals.all() if plan else [],
            deliveries=case.deliveries.select_related("provider"),
            tasks=case.tasks.select_related("assigned_to"),
            notes=notes,
            attachments=case.attachments.all(),
            referrals=case.referrals.select_related("to_organisation", "from_organisation"),
            stage_form=forms.StageForm(case=case, initial={"changed_on": timezone.localdate()}),
            today=timezone.localdate(),
        )
        if access.can(ACCESS_LOG):
            context["access_log"] = AuditEvent.objects.filter(
                object_type="cases.case", object_id=str(case.code)
            ).select_related("actor")[:100]
    else:
        context.update(
            identity=CaseIdentity.objects.filter(case=case).first() if access.can_see_identity else None,
            needs=case.needs.filter(service__in=[r.service for r in access.referrals]),
            proceedings=case.proceedings.all() if access.can(PROCEEDINGS) else [],
            platforms=case.platforms.all() if access.can(EXPLOITATION) else [],
            deliveries=case.deliveries.filter(provider=request.membership.organisation).select_related(
                "provider"
            ),
            referrals=access.referrals,
            risk_assessments=list(case.risk_assessments.select_related("assessed_by"))
            if access.can(RISK)
            else [],
        )
    return render(request, "cases/detail.html", context)


@staff_required("can_edit_cases")
def case_edit(request, code):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    case = access.case
    form = forms.CaseForm(request.POST if request.method == "POST" else None, instance=case, owner=case.owner)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(
                case=Case.objects.get(pk=case.pk), by=request.user, expected_version=form.cleaned_data["version"],
                platforms=form.cleaned_data["platforms"], **form.attrs(),
            )  # fmt: skip
        except services.ConcurrentEditError as error:
            # Nothing is lost: the form keeps what this user typed, and shows the saved version beside it.
            conflict = error.case
            data = request.POST.copy()
            data["version"] = conflict.version
            form = forms.CaseForm(data, instance=conflict, owner=case.owner)
            form.is_valid()
            form.add_error(None, conflict_message())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Case saved."))
            return redirect(case)
    status = 409 if conflict else 200
    return render(
        request, "cases/form.html",
        {"form": form, "case": case, "conflict": conflict, "title": _("Edit case %(reference)s") % {"reference": case.reference}, "wide": True},
        status=status,
    )  # fmt: skip


@staff_required("can_edit_cases")
def identity_edit(request, code):
    access = get_case_access(
        request.user, request.membership, code, write=True, action="read_identity_for_edit"
    )
    case = access.case
    identity = CaseIdentity.objects.filter(case=case).first() or CaseIdentity(case=case)
    form = forms.IdentityForm(
        request.POST if request.method == "POST" else None,
        instance=identity,
        initial={"version": case.version},
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CaseIdentity.IDENTITY_FIELDS}
        try:
            services.update_identity(
                case=case, by=request.user, expected_version=form.cleaned_data["version"], **fields
            )
        except services.ConcurrentEditError as error:
            data = request.POST.copy()
            data["version"] = error.case.version
            form = forms.IdentityForm(data, instance=identity)
            form.is_valid()
            form.add_error(None, conflict_message())
            status = 409
        else:
            messages.success(request, _("Identity saved."))
            return redirect(case)
    return render(
        request, "cases/form.html",
        {"form": form, "case": case, "title": _("Identity for case %(reference)s") % {"reference": case.reference}},
        status=status,
    )  # fmt: skip


def _case_form_view(request, code, *, form_class, title, action, form_kwargs=None, instance_case=False):
    """The shape shared by the small 'add something to a case' pages."""
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    case = access.case
    kwargs = dict(form_kwargs or {})
    if "case" in kwargs:
        kwargs["case"] = case
    form = form_class(request.POST if request.method == "POST" else None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            action(case, form)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(case.get_absolute_url() + request.POST.get("anchor", ""))
    return render(request, "cases/form.html", {"form": form, "case": case, "title": title})


@staff_required("can_edit_cases")
def stage_change(request, code):
    def action(case, form):
        services.change_stage(
            case=case, by=request.user, to_stage=form.cleaned_data["to_stage"],
            on=form.cleaned_data["changed_on"], note=form.cleaned_data["note"],
        )  # fmt: skip

    return _case_form_view(
        request,
        code,
        form_class=forms.StageForm,
        title=_("Change stage"),
        action=action,
        form_kwargs={"case": None},
    )


@staff_required("can_edit_cases")
def consent_add(request, code):
    def action(case, form):
        services.record_consent(case=case, by=request.user, **form.service_kwargs())

    return _case_form_view(
        request,
        code,
        form_class=forms.ConsentForm,
        title=_("Record consent"),
        action=action,
        form_kwargs={"case": None},
    )


@staff_required("can_edit_cases")
@require_POST
def consent_withdraw(request, code, pk):
    case = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit").case
    consent = get_object_or_404(case.consents, pk=pk)
    try:
        services.withdraw_consent(consent=consent, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Consent withdrawn. Open referrals that relied on it were withdrawn too.")
        )
    return redirect(case.get_absolute_url() + "#consent")


@staff_required("can_edit_cases")
def risk_assess(request, code):
    def action(case, form):
        services.assess_risk(case=case, by=request.user, **form.cleaned_data)

    return _case_form_view(
        request, code, form_class=forms.RiskForm, title=_("Assess the risk"), action=action,
        form_kwargs={"initial": {"assessed_on": timezone.localdate()}},
    )  # fmt: skip


@staff_required("can_edit_cases")
def need_add(request, code):
    def action(case, form):
        data = form.cleaned_data
        services.assess_need(
            case=case, by=request.user, service=data["service"], priority=data["priority"], note=data["note"]
        )

    return _case_form_view(request, code, form_class=forms.NeedForm, title=_("Assess a need"), action=action)


@staff_required("can_edit_cases")
@require_POST
def need_met(request, code, pk):
    case = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit").case
    services.mark_need_met(need=get_object_or_404(case.needs, pk=pk), by=request.user)
    return redirect(case.get_absolute_url() + "#needs")


@staff_required("can_edit_cases")
def plan_edit(request, code):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    case = access.case
    plan = getattr(case, "plan", None) if hasattr(case, "plan") else None
    form = forms.PlanForm(
        request.POST if request.method == "POST" else None,
        instance=plan,
        initial={"agreed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        services.save_plan(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(case.get_absolute_url() + "#plan")
    return render(request, "cases/form.html", {"form": form, "case": case, "title": _("Assistance plan")})


@staff_required("can_edit_cases")
def goal_add(request, code):
    def action(case, form):
        services.add_goal(case=case, by=request.user, **form.cleaned_data)

    return _case_form_view(request, code, form_class=forms.GoalForm, title=_("Add a goal"), action=action)


@staff_required("can_edit_cases")
@require_POST
def goal_achieved(request, code, pk):
    case = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit").case
    goal = get_object_or_404(case.plan.goals, pk=pk) if hasattr(case, "plan") else None
    if goal is None:
        raise Http404
    services.achieve_goal(goal=goal, by=request.user)
    return redirect(case.get_absolute_url() + "#plan")


@staff_required("can_edit_cases")
def service_add(request, code):
    def action(case, form):
        services.record_service(
            case=case, by=request.user, provider=request.membership.organisation, **form.cleaned_data
        )

    return _case_form_view(
        request, code, form_class=forms.ServiceForm, title=_("Record a service"), action=action
    )


@staff_required("can_edit_cases")
def task_add(request, code):
    def action(case, form):
        services.add_task(case=case, by=request.user, **form.cleaned_data)

    return _case_form_view(
        request,
        code,
        form_class=forms.TaskForm,
        title=_("Add a task"),
        action=action,
        form_kwargs={"case": None},
    )


@staff_required("can_edit_cases")
@require_POST
def task_done(request, code, pk):
    case = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit").case
    try:
        services.complete_task(task=get_object_or_404(case.tasks, pk=pk), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.POST.get("next") == "overdue":
        return redirect("cases:overdue")
    return redirect(case.get_absolute_url() + "#tasks")


@staff_required("can_edit_cases")
def note_add(request, code):
    def action(case, form):
        services.add_note(case=case, by=request.user, **form.cleaned_data)

    return _case_form_view(request, code, form_class=forms.NoteForm, title=_("Add a note"), action=action)


@staff_required("can_edit_cases")
def attachment_add(request, code):
    def action(case, form):
        services.add_attachment(
            case=case, by=request.user, upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
        )

    return _case_form_view(
        request, code, form_class=forms.AttachmentForm, title=_("Attach a file"), action=action
    )


@staff_required("can_view_cases")
def attachment_download(request, code, pk):
    access = get_case_access(request.user, request.membership, code, action="read_attachment")
    if not access.can("attachments"):
        raise Http404
    attachment = get_object_or_404(access.case.attachments, pk=pk)
    record_event(
        actor=request.user,
        action="attachment_downloaded",
        obj=access.case,
        detail={"attachment": attachment.pk},
    )
    return send_protected_file(
        attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )


@staff_required("can_edit_cases")
def proceeding_add(request, code):
    def action(case, form):
        services.add_proceeding(case=case, by=request.user, **form.cleaned_data)

    return _case_form_view(
        request, code, form_class=forms.ProceedingForm, title=_("Record proceedings"), action=action
    )


@staff_required("can_edit_cases")
def case_erase(request, code):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_erasure")
    if not access.can_erase:
        raise PermissionDenied
    case = access.case
    form = forms.EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.erase_case_on_request(case=case, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("The person's data was erased from case %(reference)s.") % {"reference": case.reference},
        )
        return redirect(case)
    return render(
        request,
        "cases/form.html",
        {"form": form, "case": case, "title": _("Erase personal data on request"), "danger": True},
    )


@staff_required("can_export_cases")
def case_export(request):
    data = services.export_cases(membership=request.membership, by=request.user)
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cases-{timezone.localdate():%Y%m%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required("can_view_cases")
def overdue(request):
    tasks = selectors.overdue_tasks(request.membership.organisation_id)
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    record_event(
        actor=request.user, action="overdue_tasks_listed", organisation=request.membership.organisation
    )
    return render(request, "cases/overdue.html", {"page": page, "today": timezone.localdate()})


@staff_required("can_supervise_caseload")
def caseload(request):
    """The supervisor's view: counts per caseworker of the own organisation, never case contents."""
    organisation = request.membership.organisation
    rows = selectors.caseload(organisation.pk)
    record_event(actor=request.user, action="caseload_viewed", organisation=organisation)
    return render(request, "cases/caseload.html", {"rows": rows, "organisation": organisation})


@staff_required("can_work_on_cases")
def dashboard(request):
    """The dashboard partial on its own (the staff dashboard includes the same template)."""
    return render(request, "cases/dashboard_page.html", {"membership": request.membership})
