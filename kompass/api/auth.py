"""Who calls a staff endpoint: a bearer token bound to one membership, or a staff session that passed
the second factor (CSRF checked for writes). Both resolve to the caller's `Membership`."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from ninja.security import APIKeyCookie, HttpBearer

from kompass.api.errors import ApiError
from kompass.api.models import ApiToken
from kompass.audit.services import record_event
from kompass.organisations.models import Membership
from kompass.organisations.permissions import get_membership, needs_second_factor

TOKEN_PREFIX = "kmp_"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(*, membership: Membership, name: str, by=None) -> tuple[ApiToken, str]:
    """Create a token; the clear text is returned once and never stored."""
    prefix = secrets.token_hex(4)
    clear = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(membership=membership, name=name, prefix=prefix, key_hash=_hash(clear))
    record_event(actor=by or membership.user, action="api_token_issued", obj=membership.organisation,
                 detail={"token": prefix, "for": membership.user.email})  # fmt: skip
    return token, clear


def token_membership(clear: str) -> Membership | None:
    """The active membership a clear-text token belongs to, or None (unknown, revoked, inactive)."""
    clear = clear.strip()
    if not clear.startswith(TOKEN_PREFIX) or clear.count("_") < 2:
        return None
    prefix = clear[len(TOKEN_PREFIX) :].split("_", 1)[0]
    token = (
        ApiToken.objects.active()
        .select_related("membership__user", "membership__organisation")
        .filter(prefix=prefix)
        .first()
    )
    if token is None or not secrets.compare_digest(token.key_hash, _hash(clear)):
        return None
    if not token.membership.organisation.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.membership


class BearerToken(HttpBearer):
    """`Authorization: Bearer kmp_…` (manage.py create_api_token). A bad token is 401, never a fallback."""

    def authenticate(self, request: HttpRequest, token: str) -> Membership:
        membership = token_membership(token)
        if membership is None:
            raise ApiError("Invalid or revoked token.", status=401)
        request.user = membership.user
        request.membership = membership
        return membership


class StaffSession(APIKeyCookie):
    """The session of a signed-in staff user who passed the second factor; writes need the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, after authentication (401 comes before 403)

    def __call__(self, request: HttpRequest) -> Membership | None:
        return self.authenticate(request, None)

    def authenticate(self, request: HttpRequest, key: str | None) -> Membership | None:
        if not request.user.is_authenticated:
            return None
        membership = get_membership(request.user)
        if needs_second_factor(request.user, membership):
            raise ApiError("Second factor required.", status=401)
        if request.method not in SAFE_METHODS:
            rejected = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
            if rejected is not None:
                raise ApiError("CSRF check failed.", status=403)
        if membership is None:
            raise PermissionDenied
        request.membership = membership
        return membership


# Staff endpoints: a router or operation passes `auth=STAFF`; the view reads `request.auth` (a Membership).
STAFF = [BearerToken(), StaffSession()]


def require(membership: Membership, capability: str) -> Membership:
    """403 unless the membership has `capability` (a boolean property of Membership)."""
    if not getattr(membership, capability):
        raise PermissionDenied
    return membership
