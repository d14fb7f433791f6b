"""JSON API for cases (org-scoped): session with second factor, or `Authorization: Bearer <token>`.

Outputs are explicit dictionaries built from the viewer's field groups (see permissions.py):
a limited view never carries fields its service does not need.
"""

import datetime
import hashlib
import secrets
import uuid
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from kompass.api.utils import ApiError, api_view, parse_json_body
from kompass.audit.services import record_event
from kompass.cases import selectors, services
from kompass.cases.codes import Stage
from kompass.cases.models import ApiToken, Case, CaseIdentity, Consent
from kompass.cases.permissions import (
    CONSENTS,
    HISTORY,
    NEEDS,
    SERVICES,
    access_for,
    accesses_for,
    get_case_access,
)
from kompass.organisations.models import Membership, Organisation
from kompass.organisations.permissions import get_membership, needs_second_factor

TOKEN_PREFIX = "kmp_"
PAGE_SIZE = 50


# Authentication ----------------------------------------------------------------------------------


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


def _token_membership(header: str) -> Membership | None:
    clear = header.removeprefix("Bearer ").strip()
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


def staff_api(methods: tuple[str, ...] = ("GET",), capability: str | None = None) -> Callable:
    """A staff JSON endpoint: bearer token, or session + second factor (CSRF checked for writes)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            header = request.headers.get("Authorization", "")
            if header.startswith("Bearer "):
                membership = _token_membership(header)
                if membership is None:
                    raise ApiError("Invalid or revoked token.", status=401)
                request.user = membership.user
            else:
                if not request.user.is_authenticated:
                    raise ApiError("Authentication required.", status=401)
                membership = get_membership(request.user)
                if needs_second_factor(request.user, membership):
                    raise ApiError("Second factor required.", status=401)
                if request.method not in ("GET", "HEAD", "OPTIONS"):
                    rejected = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
                    if rejected is not None:
                        raise ApiError("CSRF check failed.", status=403)
            if membership is None:
                raise PermissionDenied
            if capability and not getattr(membership, capability):
                raise PermissionDenied
            request.membership = membership
            return view(request, *args, **kwargs)

        return csrf_exempt(api_view(methods)(wrapped))

    return decorator


# Input helpers -----------------------------------------------------------------------------------


def validation_errors(error: ValidationError) -> ApiError:
    if hasattr(error, "error_dict"):
        errors = {
            field: [str(m) for m in ValidationError(errs).messages]
            for field, errs in error.error_dict.items()
        }
        return ApiError("Invalid data.", errors)
    return ApiError(" ".join(error.messages), {})


def convert(model: type[models.Model], data: dict, names) -> dict:
    """Turn JSON values into model values with the model's own field types; collect every error."""
    values, errors = {}, {}
    for name in names:
        if name not in data:
            continue
        field = model._meta.get_field(name)
        value = data[name]
        if isinstance(field, models.BooleanField) and not isinstance(value, bool):
            errors[name] = ["Must be true or false."]
            continue
        if value is None and not field.null:
            value = "" if isinstance(field, models.CharField | models.TextField) else value
        try:
            values[name] = field.to_python(value) if value not in (None, "") or field.null else value
        except ValidationError as exc:
            errors[name] = [str(m) for m in exc.messages]
    if errors:
        raise ApiError("Invalid data.", errors)
    return values


def _date(value, name: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ApiError("Invalid data.", {name: ["Use an ISO date, YYYY-MM-DD."]})


# Output ------------------------------------------------------------------------------------------


def _json(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _case_json(name: str, value):
    if name == "owner":
        return {"code": str(value.code), "name": value.name}
    if name == "assigned_to":
        return value.email if value is not None else None
    if name == "age_band":
        return value or None
    return _json(value)


def case_to_dict(access, *, identity: CaseIdentity | None = None, detail: bool = False) -> dict:
    """The case as the viewer may see it: the fields of its groups (visibility.py), nothing else."""
    case = access.case
    out = {"view": access.level, "url": case.get_absolute_url()}
    out.update({name: _case_json(name, value) for name, value in access.values(platforms=detail).items()})
    if detail:
        if access.can_see_identity:
            out["identity"] = (
                {name: _json(value) or "" for name, value in access.identity_values(identity).items()}
                if identity
                else None
            )
        if access.can(NEEDS):
            needs = case.needs.all()
        else:
            needs = case.needs.filter(service__in=[r.service for r in access.referrals])
        out["needs"] = [
            {"service": n.service, "priority": n.priority, "met_on": _json(n.met_on)} for n in needs
        ]
        if access.can(CONSENTS):
            out["consents"] = [
                {"id": c.pk, "purpose": c.purpose, "organisation": c.organisation.name if c.organisation else None,
                 "service": c.service, "given_on": _json(c.given_on), "withdrawn_on": _json(c.withdrawn_on)}
                for c in case.consents.select_related("organisation")
            ]  # fmt: skip
        if access.can(HISTORY):
            out["stage_history"] = [
                {"from": s.from_stage, "to": s.to_stage, "on": _json(s.changed_on)}
                for s in case.stage_changes.all()
            ]
        if access.can(SERVICES):
            deliveries = case.deliveries.select_related("provider")
        else:
            deliveries = case.deliveries.filter(provider_id=access.membership.organisation_id).select_related(
                "provider"
            )
        out["services"] = [
            {"service": d.service, "delivered_on": _json(d.delivered_on), "provider": d.provider.name}
            for d in deliveries
        ]
    return out


# Endpoints ---------------------------------------------------------------------------------------

WRITABLE = tuple(name for name in services.CASE_FIELDS if name != "assigned_to")


@staff_api(("GET", "POST"))
def cases(request):
    membership = request.membership
    if request.method == "POST":
        return _create(request)
    if not membership.can_work_on_cases:
        raise PermissionDenied
    stage = request.GET.get("stage")
    if stage and stage not in Stage.values:
        raise ApiError("Invalid filter.", {"stage": ["Unknown stage."]})
    # The API lists closed cases too, as it always has.
    filters = {"stage": stage, "q": request.GET.get("q", ""), "closed": True}
    qs = selectors.case_list(membership, user=request.user, filters=filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    accesses = accesses_for(membership, items)
    results = [case_to_dict(accesses[case.pk]) for case in items if case.pk in accesses]
    record_event(actor=request.user, action="cases_listed", organisation=membership.organisation,
                 detail={"page": page.number, "shown": len(results), "via": "api"})  # fmt: skip
    return JsonResponse({
        "count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages, "results": results,
    })  # fmt: skip


def _create(request):
    membership = request.membership
    if not membership.can_edit_cases:
        raise PermissionDenied
    data = parse_json_body(request, allowed=(*WRITABLE, "platforms", "identity"))
    attrs = convert(Case, data, WRITABLE)
    identity = data.get("identity")
    if identity is not None:
        if not isinstance(identity, dict):
            raise ApiError("Invalid data.", {"identity": ["Must be an object."]})
        unknown = sorted(set(identity) - set(CaseIdentity.IDENTITY_FIELDS))
        if unknown:
            raise ApiError("Unknown fields.", {f"identity.{n}": ["Unknown field."] for n in unknown})
        identity = dict(identity)
        if "date_of_birth" in identity:
            identity["date_of_birth"] = _date(identity["date_of_birth"], "identity.date_of_birth")
    platforms = data.get("platforms", [])
    if not isinstance(platforms, list):
        raise ApiError("Invalid data.", {"platforms": ["Must be a list of platform codes."]})
    try:
        case = services.create_case(
            owner=membership.organisation,
            by=request.user,
            identity=identity or None,
            platforms=platforms,
            **attrs,
        )
    except ValidationError as error:
        raise validation_errors(error)
    access = access_for(membership, case)
    return JsonResponse(case_to_dict(access, identity=CaseIdentity.objects.filter(case=case).first(), detail=True),
                        status=201)  # fmt: skip


@staff_api(("GET", "PATCH"))
def case_detail(request, code):
    membership = request.membership
    if request.method == "PATCH":
        if not membership.can_edit_cases:
            raise PermissionDenied
        access = get_case_access(request.user, membership, code, write=True, action="read_for_edit")
        data = parse_json_body(request, allowed=(*WRITABLE, "platforms", "version"))
        if not isinstance(data.get("version"), int):
            raise ApiError("Invalid data.", {"version": ["Send the version you read (optimistic locking)."]})
        attrs = convert(Case, data, WRITABLE)
        platforms = data.get("platforms")
        try:
            with transaction.atomic():
                services.update_case(
                    case=access.case,
                    by=request.user,
                    expected_version=data["version"],
                    platforms=platforms,
                    **attrs,
                )
        except services.ConcurrentEditError as error:
            raise ApiError(
                "Someone else saved this case since you read it. Read it again and re-apply your change.",
                {"version": [f"The case is now at version {error.case.version}."]},
                status=409,
            )
        except ValidationError as error:
            raise validation_errors(error)
        access.case.refresh_from_db()
    else:
        access = get_case_access(request.user, membership, code)
    identity = CaseIdentity.objects.filter(case=access.case).first() if access.can_see_identity else None
    return JsonResponse(case_to_dict(access, identity=identity, detail=True))


@staff_api(("POST",), capability="can_edit_cases")
def case_stage(request, code):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    data = parse_json_body(request, allowed=("to_stage", "on", "note"))
    try:
        services.change_stage(
            case=access.case, by=request.user, to_stage=str(data.get("to_stage", "")),
            on=_date(data.get("on"), "on"), note=str(data.get("note", "")),
        )  # fmt: skip
    except services.TransitionNotAllowed as error:
        raise ApiError(" ".join(error.messages), {"to_stage": error.messages}, status=409)
    return JsonResponse(case_to_dict(access, detail=True))


@staff_api(("POST",), capability="can_edit_cases")
def case_consents(request, code):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    data = parse_json_body(request, allowed=("purpose", "organisation", "service", "given_on", "note"))
    organisation = None
    if data.get("organisation"):
        organisation = Organisation.objects.filter(code=_uuid(data["organisation"], "organisation")).first()
        if organisation is None:
            raise ApiError("Invalid data.", {"organisation": ["Unknown organisation."]})
    try:
        consent = services.record_consent(
            case=access.case, by=request.user, purpose=str(data.get("purpose", "")), organisation=organisation,
            service=str(data.get("service", "")), given_on=_date(data.get("given_on"), "given_on"),
            note=str(data.get("note", "")),
        )  # fmt: skip
    except ValidationError as error:
        raise validation_errors(error)
    return JsonResponse(
        {"id": consent.pk, "purpose": consent.purpose, "given_on": _json(consent.given_on)}, status=201
    )


@staff_api(("POST",), capability="can_edit_cases")
def consent_withdraw(request, code, pk):
    access = get_case_access(request.user, request.membership, code, write=True, action="read_for_edit")
    consent = Consent.objects.filter(case=access.case, pk=pk).first()
    if consent is None:
        raise ApiError("Not found.", status=404)
    try:
        services.withdraw_consent(consent=consent, by=request.user)
    except ValidationError as error:
        raise ApiError(" ".join(error.messages), status=409)
    return JsonResponse({"id": consent.pk, "withdrawn_on": _json(consent.withdrawn_on)})


def _uuid(value, name):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ApiError("Invalid data.", {name: ["Not a valid code."]})
