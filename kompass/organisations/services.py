"""Organisation and membership use cases: every change is validated, saved atomically and audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kompass.audit.services import record_event
from kompass.ops.tasks import queue_mail
from kompass.organisations.models import GLOBAL_ROLES, Membership, Organisation
from kompass.organisations.permissions import can_change_member, grantable_roles

if TYPE_CHECKING:
    # accounts' pages use organisations (a member's second factor), so organisations reaches the
    # user model through Django (get_user_model), never by importing accounts.
    from kompass.accounts.models import User


@transaction.atomic
def create_organisation(
    *, by: User, name: str, country: str, kind: str, city: str = "", email: str = "", phone: str = "",
    time_zone: str = "",
) -> Organisation:  # fmt: skip
    organisation = Organisation(
        name=name,
        country=country.upper(),
        kind=kind,
        city=city,
        email=email,
        phone=phone,
        time_zone=time_zone,
    )
    organisation.full_clean()
    organisation.save()
    record_event(actor=by, action="organisation_created", obj=organisation)
    return organisation


@transaction.atomic
def update_organisation(*, by: User, organisation: Organisation, **fields) -> Organisation:
    changed = [name for name, value in fields.items() if getattr(organisation, name) != value]
    for name in changed:
        setattr(organisation, name, fields[name])
    organisation.full_clean()
    organisation.save(update_fields=changed or None)
    record_event(actor=by, action="organisation_changed", obj=organisation, detail={"fields": changed})
    return organisation


def notify_organisation(
    *,
    organisation: Organisation,
    compose: Callable[[], tuple[str, str]],
    capability: str = "can_manage_members",
) -> int:
    """E-mail the organisation's members who have `capability`, and its contact address, each in
    their preferred language; returns the number of recipients. `compose()` returns (subject, body)
    and is called once per language. The messages go through the task queue (retried when the mail
    server fails): call this once the change it announces is committed."""
    by_language: dict[str, set[str]] = {}
    for membership in Membership.objects.active().filter(organisation=organisation).select_related("user"):
        if getattr(membership, capability):
            language = membership.user.preferred_language or settings.LANGUAGE_CODE
            by_language.setdefault(language, set()).add(membership.user.email)
    if organisation.email:
        by_language.setdefault(settings.LANGUAGE_CODE, set()).add(organisation.email)
    sent = 0
    for language, recipients in sorted(by_language.items()):
        with translation.override(language):
            subject, body = compose()
            queue_mail(subject=subject, body=body, recipients=recipients)
            sent += len(recipients)
    return sent


def _grant_detail(membership: Membership) -> dict:
    return {"role": membership.role, "audit_scope": membership.audit_scope}


def _tell_organisation_about(membership: Membership, *, by: Membership, what: str) -> None:
    """The coordinator acted on one of an organisation's accounts: its administrators learn of it."""
    if by.organisation_id == membership.organisation_id and not by.can_grant_global_roles:
        return

    def compose() -> tuple[str, str]:
        subject = _("Kompass: the national coordinator changed an account of %(organisation)s") % {
            "organisation": membership.organisation.name
        }
        messages = {
            "invited": _("%(coordinator)s invited %(email)s to %(organisation)s as %(role)s."),
            "role_changed": _(
                "%(coordinator)s changed the role of %(email)s in %(organisation)s to %(role)s."
            ),
            "deactivated": _("%(coordinator)s deactivated the account of %(email)s in %(organisation)s."),
            "reactivated": _(
                "%(coordinator)s reactivated the account of %(email)s in %(organisation)s as %(role)s."
            ),
        }
        body = messages[what] % {
            "coordinator": by.user.email,
            "email": membership.user.email,
            "organisation": membership.organisation.name,
            "role": membership.role_label,
        }
        note = _("If your organisation did not ask for this, reply to the national coordinator at once.")
        url = settings.SITE_URL + membership.organisation.get_absolute_url()
        return subject, f"{body}\n\n{note}\n\n{url}"

    organisation = membership.organisation
    # Sent once the change is committed: a rolled-back change must not be announced.
    transaction.on_commit(lambda: notify_organisation(organisation=organisation, compose=compose))


def _check_grant(by: Membership, organisation: Organisation, role: str, audit_scope: str) -> str:
    """The audit scope to store; ValidationError when `by` may not give `role` in `organisation`."""
    if role not in grantable_roles(by, organisation):
        raise ValidationError({"role": _("You cannot give this role in this organisation.")})
    if role == Membership.Role.AUDITOR:
        if audit_scope not in Membership.AuditScope.values:
            raise ValidationError(
                {"audit_scope": _("Say what the auditor reads: one organisation or the platform.")}
            )
        return audit_scope
    return ""


@transaction.atomic
def invite_member(
    *,
    by: Membership,
    organisation: Organisation,
    email: str,
    role: str,
    full_name: str = "",
    language: str = "",
    audit_scope: str = "",
) -> Membership:
    """Create the account (no password yet) and the membership, and email a link to set a password.

    The new member's language is `language`, else the organisation's country's (ro for Romania and
    Moldova, sr-latn for Serbia). Roles follow `grantable_roles`; what the coordinator grants is
    announced to the organisation.
    """
    language = language or organisation.default_language
    if not (by.can_grant_global_roles or (by.can_manage_members and by.organisation_id == organisation.pk)):
        raise PermissionDenied
    audit_scope = _check_grant(by, organisation, role, audit_scope)
    email = email.strip().lower()
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_model(email=email, full_name=full_name, preferred_language=language)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif Membership.objects.filter(user=user, is_active=True).exists():
        raise ValidationError({"email": _("This person already belongs to an organisation.")})
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    if membership is None:
        membership = Membership(user=user, organisation=organisation, role=role, invited_by=by.user)
    membership.role = role
    membership.audit_scope = audit_scope
    membership.is_active = True
    membership.full_clean()
    membership.save()
    _sync_admin_access(membership)
    record_event(
        actor=by.user,
        action="member_invited",
        obj=membership,
        organisation=organisation,
        detail={"email": email, **_grant_detail(membership), "by_coordinator": by.can_grant_global_roles},
    )
    # Sent once the membership is committed: a rolled-back invitation must not reach anyone.
    transaction.on_commit(lambda: _send_invitation(membership))
    _tell_organisation_about(membership, by=by, what="invited")
    return membership


def _sync_admin_access(membership: Membership) -> None:
    """The coordinator configures the platform in the Django admin; no other role uses it."""
    user = membership.user
    is_staff = membership.is_active and membership.can_use_admin
    if user.is_staff != is_staff and not user.is_superuser:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def invitation_link(user: User) -> str:
    """The link with which a new account sets its password (valid until it is used)."""
    return settings.SITE_URL + reverse(
        "accounts:accept_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def _send_invitation(membership: Membership) -> None:
    user = membership.user
    link = invitation_link(user)
    with translation.override(user.preferred_language):
        context = {"membership": membership, "link": link}
        queue_mail(
            subject=_("You are invited to Kompass"),
            body=render_to_string("emails/invitation.txt", context),
            recipients=[user.email],
        )


@transaction.atomic
def create_coordinator(
    *, email: str, organisation_name: str, country: str, full_name: str = "", language: str = "en",
    kind: str = Organisation.Kind.STATE,
) -> Membership:  # fmt: skip
    """The first account of a country: its national coordinator (no demo data, no password yet).

    Creates the country's coordinator organisation when there is none (else uses it; its name must
    match), and the coordinator's account with an unusable password: the account sets its password
    through `invitation_link(user)` and enrols its second factor at the first login.
    """
    email = email.strip().lower()
    organisation = Organisation.objects.filter(is_national_coordinator=True, country=country.upper()).first()
    if organisation is None:
        organisation = Organisation(name=organisation_name, country=country.upper(), kind=kind,
                                    is_national_coordinator=True)  # fmt: skip
        organisation.full_clean()
        organisation.save()
        record_event(
            actor=None, action="organisation_created", obj=organisation, actor_label="create_coordinator"
        )
    elif organisation.name != organisation_name:
        raise ValidationError(
            {
                "organisation_name": _("The national coordinator is already %(name)s.")
                % {"name": organisation.name}
            }
        )
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address exists already.")})
    user = user_model(email=email, full_name=full_name, preferred_language=language)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    membership = Membership(user=user, organisation=organisation, role=Membership.Role.COORDINATOR)
    membership.full_clean()
    membership.save()
    _sync_admin_access(membership)
    record_event(actor=None, action="member_invited", obj=membership, organisation=organisation,
                 actor_label="create_coordinator", detail={"email": email, "role": membership.role})  # fmt: skip
    return membership


@transaction.atomic
def change_member_role(*, by: Membership, member: Membership, role: str, audit_scope: str = "") -> Membership:
    """Give a member another role (or an auditor another scope), within `grantable_roles`."""
    if not can_change_member(by, member):
        raise PermissionDenied
    if member.pk == by.pk:
        raise ValidationError({"role": _("You cannot change your own role.")})
    audit_scope = _check_grant(by, member.organisation, role, audit_scope)
    if (member.role in GLOBAL_ROLES) != (role in GLOBAL_ROLES) and role != member.role:
        # An organisation role never becomes a global one in place (nor the reverse): the
        # coordinator would otherwise turn a caseworker into an auditor of the platform, or an
        # auditor into a caseworker. Deactivate and invite instead.
        raise ValidationError({"role": _("A role of the organisation and a global role are not exchanged.")})
    old = _grant_detail(member)
    member.role = role
    member.audit_scope = audit_scope
    member.full_clean()
    member.save(update_fields=["role", "audit_scope"])
    _sync_admin_access(member)
    record_event(
        actor=by.user,
        action="member_role_changed",
        obj=member,
        organisation=member.organisation,
        detail={"from": old, "to": _grant_detail(member), "by_coordinator": by.can_grant_global_roles},
    )
    _tell_organisation_about(member, by=by, what="role_changed")
    return member


@transaction.atomic
def set_member_active(*, by: Membership, member: Membership, active: bool) -> Membership:
    """Deactivate or reactivate a membership. The coordinator may deactivate any account (a stolen
    one, say) but reactivate only the global roles it gives."""
    if not can_change_member(by, member):
        raise PermissionDenied
    if member.pk == by.pk:
        raise ValidationError(_("You cannot deactivate yourself."))
    if active and member.role not in grantable_roles(by, member.organisation) and not member.is_active:
        raise ValidationError(_("Only the organisation's administrator can reactivate this account."))
    if active and Membership.objects.filter(user=member.user, is_active=True).exclude(pk=member.pk).exists():
        raise ValidationError(_("This person is active in another organisation."))
    member.is_active = active
    member.save(update_fields=["is_active"])
    _sync_admin_access(member)
    record_event(
        actor=by.user,
        action="member_reactivated" if active else "member_deactivated",
        obj=member,
        organisation=member.organisation,
        detail={**_grant_detail(member), "by_coordinator": by.can_grant_global_roles},
    )
    _tell_organisation_about(member, by=by, what="reactivated" if active else "deactivated")
    return member
