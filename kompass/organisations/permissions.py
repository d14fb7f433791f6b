"""The access module: every staff view is guarded here, and every role question is a capability.

- `staff_required` guards a view: login, an active membership, the second factor for case-data
  roles, then an optional capability of `Membership`.
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

from kompass.organisations.models import Membership, Organisation


def get_membership(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.active().select_related("organisation").filter(user=user).first()


def needs_second_factor(user, membership: Membership | None) -> bool:
    """True while a user who must use two factors has not yet given the second one."""
    must = user.is_staff or user.is_superuser or (membership is not None and membership.requires_two_factor)
    # Right after login() the request's user is the plain model, which OTPMiddleware has not wrapped.
    is_verified = getattr(user, "is_verified", None)
    return must and not (is_verified is not None and is_verified())


def staff_required(capability: str | None = None) -> Callable:
    """Guard a staff view. `capability` names a boolean property of Membership."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = getattr(request, "membership", None)
            if membership is None:
                membership = request.membership = get_membership(request.user)
            if needs_second_factor(request.user, membership):
                return redirect("accounts:two_factor")
            if membership is None:
                raise PermissionDenied
            if capability is not None and not getattr(membership, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

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
    if not (membership.can_manage_members or membership.can_manage_organisations):
        raise PermissionDenied
    if write and not can_change_member(membership, member):
        raise PermissionDenied
    return member


def can_change_member(membership: Membership, member: Membership) -> bool:
    if membership.can_manage_organisations:
        return True
    return membership.can_manage_members and member.organisation_id == membership.organisation_id
