"""The access module: every staff view is guarded here, and every role question is a capability.

- `staff_required("capability")` guards a view: login, an active membership, the second factor,
  then the capability of `Membership` the view needs (every staff view names one).
- One fetch-and-check helper per object kind: 404 when the user has no relation to the object,
  403 when they may see but not change it.
"""

from collections.abc import Callable
from functools import wraps
from uuid import UUID

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect

from kompass.organisations.models import GLOBAL_ROLES, ORGANISATION_ROLES, Membership, Organisation, Role


def get_membership(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.active().select_related("organisation").filter(user=user).first()


def needs_second_factor(user, membership: Membership | None) -> bool:
    """True while a signed-in user who must give a second factor has not given it yet.

    Every role must (`requires_two_factor`), and so must staff users and anyone who has set up an
    authenticator: a confirmed device is never skipped.
    """
    # Right after login() the request's user is the plain model, which OTPMiddleware has not wrapped.
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    if user.is_staff or user.is_superuser or (membership is not None and membership.requires_two_factor):
        return True
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


def staff_required(capability: str) -> Callable:
    """Guard a staff view with the capability (a boolean attribute of Membership) it needs.

    Login → active membership → second factor → capability. The name is checked when the view is
    defined, so a typo fails at start-up rather than letting everyone in or no one.
    """
    if not hasattr(Membership, capability):
        raise AttributeError(f"Membership has no capability {capability!r}.")

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = getattr(request, "membership", None)
            if membership is None:
                # MembershipMiddleware sets it on every request; a view called without it sets it here.
                membership = request.membership = get_membership(request.user)  # type: ignore[attr-defined]
            if needs_second_factor(request.user, membership):
                return redirect("accounts:two_factor")
            if membership is None or not getattr(membership, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.capability = capability  # type: ignore[attr-defined]
        return wrapped

    return decorator


def organisations_visible_to(membership: Membership):
    """The organisations whose members a user may see."""
    if membership.can_manage_organisations:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk=membership.organisation_id)


def get_organisation_for_user(membership: Membership, code: UUID, *, write: bool = False) -> Organisation:
    """An organisation page: own organisation for everyone, all of them for the coordinator."""
    organisation = get_object_or_404(organisations_visible_to(membership), code=code)
    if write and not (
        membership.can_manage_organisations
        or (membership.can_manage_members and organisation.pk == membership.organisation_id)
    ):
        raise PermissionDenied
    return organisation


def members_visible_to(membership: Membership):
    """Memberships a user may see: their own organisation's, or every one for the coordinator."""
    qs = Membership.objects.select_related("user", "organisation")
    if membership.can_manage_organisations:
        return qs
    return qs.filter(organisation_id=membership.organisation_id)


def get_member_for_user(membership: Membership, code: UUID, *, write: bool = False) -> Membership:
    """A member page. Outsiders get 404; members who may not manage get 403."""
    try:
        member = members_visible_to(membership).get(code=code)
    except (Membership.DoesNotExist, ValueError):
        raise Http404
    if not membership.can_invite_members:
        raise PermissionDenied
    if write and not can_change_member(membership, member):
        raise PermissionDenied
    return member


def get_member_for_second_factor_reset(membership: Membership, code: UUID) -> Membership:
    """A member whose second factor the user may reset: 404 outside the own organisation (even for
    the coordinator, who sees every member), 403 without `can_reset_second_factors` or for oneself
    (one's own authenticator is replaced with a recovery code, not by this reset)."""
    try:
        member = members_visible_to(membership).get(code=code, organisation_id=membership.organisation_id)
    except (Membership.DoesNotExist, ValueError):
        raise Http404
    if not membership.can_reset_second_factors or member.user_id == membership.user_id:
        raise PermissionDenied
    return member


def has_active_admin(organisation: Organisation) -> bool:
    return (
        Membership.objects.active()
        .filter(organisation=organisation)
        .with_capability("can_manage_members")
        .exists()
    )


def grantable_roles(membership: Membership, organisation: Organisation) -> list[str]:
    """The roles `membership` may give in `organisation` (invitation or role change).

    An organisation administrator gives the organisation's own roles in their organisation, never a
    role that reaches beyond it. The national coordinator gives the global roles (auditor and regional
    body anywhere, coordinator in its own organisation) and an organisation's FIRST administrator, never a case
    role: counts, not case contents.
    """
    roles: set[str] = set()
    if membership.can_manage_members and membership.organisation_id == organisation.pk:
        roles |= ORGANISATION_ROLES
    if membership.can_grant_global_roles:
        roles |= {Role.AUDITOR, Role.REGIONAL}
        # Each country's coordinator names the coordinators of its own country only.
        if organisation.is_national_coordinator and organisation.pk == membership.organisation_id:
            roles.add(Role.COORDINATOR)
        if not has_active_admin(organisation):
            roles.add(Role.ORG_ADMIN)
    return [role for role in Role.values if role in roles]


def can_change_member(membership: Membership, member: Membership) -> bool:
    """Who may change a membership: its organisation's admin for the organisation's own roles, the
    coordinator for global roles (and to deactivate any account, e.g. a stolen one)."""
    if member.role in GLOBAL_ROLES:
        return membership.can_grant_global_roles
    if membership.can_grant_global_roles:
        return True
    return membership.can_manage_members and member.organisation_id == membership.organisation_id
