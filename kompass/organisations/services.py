"""Organisation and membership use cases: every change is validated, saved atomically and audited."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kompass.accounts.models import User
from kompass.audit.services import record_event
from kompass.ops.tasks import queue_mail
from kompass.organisations.models import Membership, Organisation
from kompass.organisations.permissions import can_change_member


@transaction.atomic
def create_organisation(
    *, by: User, name: str, country: str, kind: str, city: str = "", email: str = "", phone: str = ""
) -> Organisation:
    organisation = Organisation(
        name=name, country=country.upper(), kind=kind, city=city, email=email, phone=phone
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


def _check_role_allowed(actor: Membership, organisation: Organisation, role: str) -> None:
    if role == Membership.Role.COORDINATOR and not organisation.is_national_coordinator:
        raise ValidationError({"role": _("Only the national coordinator's organisation has coordinators.")})
    if role == Membership.Role.COORDINATOR and not actor.can_manage_organisations:
        raise PermissionDenied


@transaction.atomic
def invite_member(
    *,
    by: Membership,
    organisation: Organisation,
    email: str,
    role: str,
    full_name: str = "",
    language: str = "en",
) -> Membership:
    """Create the account (no password yet) and the membership, and email a link to set a password."""
    if not (by.can_manage_organisations or (by.can_manage_members and by.organisation_id == organisation.pk)):
        raise PermissionDenied
    _check_role_allowed(by, organisation, role)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, full_name=full_name, preferred_language=language)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif Membership.objects.filter(user=user, is_active=True).exists():
        raise ValidationError({"email": _("This person already belongs to an organisation.")})
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    if membership is None:
        membership = Membership(user=user, organisation=organisation, role=role, invited_by=by.user)
    membership.role = role
    membership.is_active = True
    membership.full_clean()
    membership.save()
    _sync_admin_access(membership)
    record_event(
        actor=by.user,
        action="member_invited",
        obj=membership,
        organisation=organisation,
        detail={"email": email, "role": role},
    )
    # Sent once the membership is committed: a rolled-back invitation must not reach anyone.
    transaction.on_commit(lambda: _send_invitation(membership))
    return membership


def _sync_admin_access(membership: Membership) -> None:
    """The coordinator configures the platform in the Django admin; no other role uses it."""
    user = membership.user
    is_staff = membership.is_active and membership.role == Membership.Role.COORDINATOR
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
    """The first account of a new installation: the national coordinator (no demo data, no password yet).

    Creates the national coordinator's organisation when there is none (else uses it; its name must
    match), and the coordinator's account with an unusable password: the account sets its password
    through `invitation_link(user)` and enrols its second factor at the first login.
    """
    email = email.strip().lower()
    organisation = Organisation.objects.filter(is_national_coordinator=True).first()
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
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address exists already.")})
    user = User(email=email, full_name=full_name, preferred_language=language)
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
def change_member_role(*, by: Membership, member: Membership, role: str) -> Membership:
    if not can_change_member(by, member):
        raise PermissionDenied
    _check_role_allowed(by, member.organisation, role)
    if member.pk == by.pk:
        raise ValidationError({"role": _("You cannot change your own role.")})
    old = member.role
    member.role = role
    member.full_clean()
    member.save(update_fields=["role"])
    _sync_admin_access(member)
    record_event(
        actor=by.user,
        action="member_role_changed",
        obj=member,
        organisation=member.organisation,
        detail={"from": old, "to": role},
    )
    return member


@transaction.atomic
def set_member_active(*, by: Membership, member: Membership, active: bool) -> Membership:
    if not can_change_member(by, member):
        raise PermissionDenied
    if member.pk == by.pk:
        raise ValidationError(_("You cannot deactivate yourself."))
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
    )
    return member
