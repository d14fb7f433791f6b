"""Referral pages: lists in and out, sending, and one view per transition."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.audit.services import record_event
from kompass.cases.codes import ServiceCode
from kompass.cases.models import CaseIdentity
from kompass.cases.permissions import access_for, get_case_access
from kompass.cases.visibility import visible_need_services
from kompass.lib.forms import add_errors
from kompass.organisations.permissions import staff_required
from kompass.referrals import forms, services
from kompass.referrals.models import Referral, Side, Status
from kompass.referrals.permissions import get_referral_for_user


@staff_required("can_work_on_cases")
def referral_list(request):
    membership = request.membership
    direction = "out" if request.GET.get("direction") == "out" else "in"
    status = request.GET.get("status", "")
    qs = Referral.objects.visible_to(membership).select_related(
        "case", "from_organisation", "to_organisation"
    )
    if direction == "in":
        qs = qs.filter(to_organisation_id=membership.organisation_id)
    else:
        qs = qs.filter(from_organisation_id=membership.organisation_id)
    if status in Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    record_event(
        actor=request.user, action="referrals_listed", organisation=membership.organisation,
        detail={"direction": direction, "status": status, "page": page.number, "shown": len(page.object_list)},
    )  # fmt: skip
    return render(
        request, "referrals/list.html",
        {"page": page, "direction": direction, "status": status, "statuses": Status.choices},
    )  # fmt: skip


@staff_required("can_edit_cases")
def referral_create(request, case_code):
    access = get_case_access(
        request.user, request.membership, case_code, write=True, action="read_for_referral"
    )
    case = access.case
    need = (
        case.needs.filter(pk=request.GET.get("need") or 0).first()
        if request.GET.get("need", "").isdigit()
        else None
    )
    # Step 1 (GET, no JavaScript needed): the service chosen filters the organisations; step 2 posts.
    chosen = request.POST.get("service", "") if request.method == "POST" else request.GET.get("service", "")
    if request.method == "GET" and "service" not in request.GET and need is not None:
        chosen = need.service
    step = forms.ServiceStepForm(initial={"service": chosen})
    service = chosen if chosen in ServiceCode.values else ""
    providers = services.referral_targets(case=case, service=service)
    initial = {"service": service}
    if chosen == forms.ServiceStepForm.TRANSFER:
        initial["kind"] = Referral.Kind.TRANSFER
    if service:
        # The nearest organisation that is not full is preselected; full ones stay listed.
        best = next((p for p in providers if not p.is_full), None)
        initial["to_organisation"] = best.organisation.pk if best else None
    form = forms.ReferralForm(
        request.POST if request.method == "POST" else None, case=case, providers=providers, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.send_referral(
                case=case, by=request.user, to_organisation=data["to_organisation"], kind=data["kind"],
                service=data["service"], need=need, message=data["message"], legal_basis=data["legal_basis"],
                urgency=data["urgency"] or Referral.Urgency.ROUTINE, respond_by=data["respond_by"],
            )  # fmt: skip
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Referral sent to %(organisation)s.") % {"organisation": referral.to_organisation}
            )
            return redirect(referral)
    consents = case.consents.filter(purpose="sharing").select_related("organisation")
    selected = form["to_organisation"].value() if form.is_bound else initial.get("to_organisation")
    return render(
        request, "referrals/form.html",
        {"form": form, "step": step, "case": case, "providers": providers, "service": service,
         "selected": str(selected or ""), "consents": consents, "need": need},
    )  # fmt: skip


@staff_required("can_work_on_cases")
def referral_detail(request, code):
    membership = request.membership
    referral = get_referral_for_user(request.user, membership, code)
    access = access_for(membership, referral.case)
    side = referral.side_of(membership.organisation_id)
    identity = None
    if access is not None and access.can_see_identity:
        identity = CaseIdentity.objects.filter(case=referral.case).first()
    deliveries = referral.case.deliveries.filter(referral_code=referral.code).select_related("provider")
    # The needs the viewer may see: all of them for the case's owner, for a receiver only those of
    # the services it is asked for (cases.visibility.SERVICE_NEEDS), never more than its grants.
    needs = None
    if access is not None:
        services_seen = visible_need_services(access.groups, access.referrals)
        needs = referral.case.needs.order_by("met_on", "service")
        if services_seen is not None:
            needs = needs.filter(service__in=services_seen)
    return render(
        request, "referrals/detail.html",
        {
            "referral": referral, "access": access, "side": side, "identity": identity,
            "groups": access.groups if access else frozenset(),
            "moves": referral.allowed_moves(membership.organisation_id) if membership.can_work_on_cases else [],
            "deliveries": deliveries, "needs": needs,
            "decline_form": forms.DeclineForm(), "withdraw_form": forms.WithdrawForm(),
            "complete_form": forms.CompleteForm(),
            "service_form": forms.ReferralServiceForm(initial={"delivered_on": timezone.localdate()}),
            "deadline_form": forms.DeadlineForm(
                initial={"urgency": referral.urgency, "respond_by": timezone.localtime(referral.respond_by)}
            ),
            "can_change_deadline": side == Side.SENDER and membership.can_edit_cases and referral.is_awaiting_answer,
        },
    )  # fmt: skip


def _move(request, code, form_class, action, template_title):
    referral = get_referral_for_user(request.user, request.membership, code, write=True)
    form = form_class(request.POST if request.method == "POST" else None) if form_class else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            with transaction.atomic():
                action(referral, form.cleaned_data if form else {})
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect(referral)
            add_errors(form, error)
        else:
            return redirect(referral)
    if form is None:
        return redirect(referral)
    return render(
        request, "referrals/move.html", {"form": form, "referral": referral, "title": template_title}
    )


@staff_required("can_work_on_cases")
@require_POST
def referral_accept(request, code):
    def action(referral, data):
        services.accept_referral(referral=referral, by=request.user)
        messages.success(request, _("Referral accepted."))

    return _move(request, code, None, action, "")


@staff_required("can_work_on_cases")
def referral_decline(request, code):
    def action(referral, data):
        services.decline_referral(referral=referral, by=request.user, reason=data["reason"])
        messages.success(request, _("Referral declined."))

    return _move(request, code, forms.DeclineForm, action, _("Decline the referral"))


@staff_required("can_work_on_cases")
def referral_withdraw(request, code):
    def action(referral, data):
        services.withdraw_referral(referral=referral, by=request.user, reason=data["reason"])
        messages.success(request, _("Referral withdrawn."))

    return _move(request, code, forms.WithdrawForm, action, _("Withdraw the referral"))


@staff_required("can_work_on_cases")
def referral_complete(request, code):
    def action(referral, data):
        services.complete_referral(referral=referral, by=request.user, note=data["note"])
        messages.success(request, _("Referral completed."))

    return _move(request, code, forms.CompleteForm, action, _("Complete the referral"))


@staff_required("can_work_on_cases")
def referral_service(request, code):
    def action(referral, data):
        services.record_referral_service(
            referral=referral, by=request.user, delivered_on=data["delivered_on"], note=data["note"]
        )
        if data["complete"]:
            services.complete_referral(referral=referral, by=request.user)
            messages.success(request, _("Service recorded and referral completed."))
        else:
            messages.success(request, _("Service recorded."))

    return _move(request, code, forms.ReferralServiceForm, action, _("Record the service given"))


@staff_required("can_work_on_cases")
def referral_deadline(request, code):
    def action(referral, data):
        services.change_referral_deadline(
            referral=referral, by=request.user, respond_by=data["respond_by"], urgency=data["urgency"]
        )
        messages.success(request, _("Deadline changed."))

    return _move(request, code, forms.DeadlineForm, action, _("Change the deadline"))
