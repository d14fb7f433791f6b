from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.audit.models import AuditEvent
from kompass.lib.forms import add_errors
from kompass.organisations import services
from kompass.organisations.forms import InviteForm, OrganisationForm, RoleForm
from kompass.organisations.models import GLOBAL_ROLES
from kompass.organisations.permissions import (
    can_change_member,
    get_member_for_user,
    get_organisation_for_user,
    grantable_roles,
    organisations_visible_to,
    staff_required,
)


@staff_required("can_manage_organisations")
def organisation_list(request):
    organisations = organisations_visible_to(request.membership).order_by("country", "name")
    return render(request, "organisations/list.html", {"organisations": organisations})


@staff_required("can_manage_organisations")
def organisation_create(request):
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The organisation was created."))
            return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form})


@staff_required("can_use_staff_area")
def organisation_detail(request, code):
    organisation = get_organisation_for_user(request.membership, code)
    membership = request.membership
    can_manage = membership.can_manage_organisations or (
        membership.can_manage_members and membership.organisation_id == organisation.pk
    )
    members = organisation.memberships.select_related("user") if can_manage else None
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "members": members,
            "can_manage": can_manage,
            "can_invite": bool(grantable_roles(membership, organisation)),
        },
    )


@staff_required("can_use_staff_area")
def my_organisation(request):
    return redirect(request.membership.organisation)


@staff_required("can_manage_organisations")
def organisation_edit(request, code):
    organisation = get_organisation_for_user(request.membership, code, write=True)
    form = OrganisationForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation(
                by=request.user,
                organisation=organisation,
                **{k: form.cleaned_data[k] for k in form.Meta.fields},
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@staff_required("can_invite_members")
def member_invite(request, code):
    organisation = get_organisation_for_user(request.membership, code)
    roles = grantable_roles(request.membership, organisation)
    if not roles:
        raise PermissionDenied
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        roles=roles,
        initial={"language": organisation.default_language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(by=request.membership, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The invitation was sent."))
            return redirect(organisation)
    return render(request, "organisations/invite.html", {"form": form, "organisation": organisation})


@staff_required("can_invite_members")
def member_detail(request, code):
    member = get_member_for_user(request.membership, code)
    may_change = can_change_member(request.membership, member) and member.pk != request.membership.pk
    # The second-factor reset (kompass/accounts) is offered for the admin's own organisation only.
    may_reset_second_factor = (
        request.membership.can_reset_second_factors
        and member.organisation_id == request.membership.organisation_id
        and member.user_id != request.user.pk
    )
    roles = grantable_roles(request.membership, member.organisation) if may_change else []
    if member.role not in roles:
        roles = [role for role in roles if (role in GLOBAL_ROLES) == (member.role in GLOBAL_ROLES)]
    form = RoleForm(
        request.POST if request.method == "POST" else None,
        roles=roles,
        initial={"role": member.role, "audit_scope": member.audit_scope},
    )
    if request.method == "POST":
        member = get_member_for_user(request.membership, code, write=True)
        if form.is_valid():
            try:
                services.change_member_role(
                    by=request.membership,
                    member=member,
                    role=form.cleaned_data["role"],
                    audit_scope=form.cleaned_data.get("audit_scope", ""),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The role was changed."))
                return redirect(member)
    return render(
        request,
        "organisations/member.html",
        {
            "member": member,
            "form": form if roles else None,
            "may_change": may_change,
            "may_reset_second_factor": may_reset_second_factor,
        },
    )


@require_POST
@staff_required("can_invite_members")
def member_set_active(request, code):
    member = get_member_for_user(request.membership, code, write=True)
    active = request.POST.get("active") == "1"
    try:
        services.set_member_active(by=request.membership, member=member, active=active)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The member was reactivated.") if active else _("The member was deactivated.")
        )
    return redirect(member)


@staff_required("can_view_org_audit")
def audit_trail(request):
    """The audit trail: org admins see their organisation's events; auditors and the coordinator all.

    The page lives here, not in audit, because audit sits below organisations (docs/architecture.md).
    """
    events = AuditEvent.objects.visible_to(request.membership).select_related("organisation")
    action = request.GET.get("action", "").strip()
    who = request.GET.get("who", "").strip()
    obj = request.GET.get("object", "").strip()
    if action:
        events = events.filter(action=action)
    if who:
        events = events.filter(actor_label__icontains=who)
    if obj:
        events = events.filter(object_id=obj)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "action": action, "who": who, "object": obj})
