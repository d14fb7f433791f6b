"""JSON API for cases (org-scoped): `Authorization: Bearer <token>` or a staff session with the second
factor (kompass.api.auth).

Outputs are built from the viewer's field groups (see permissions.py): a limited view never carries
fields its service does not need.
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from kompass.api.auth import STAFF, require
from kompass.api.errors import ApiError, Error, from_django
from kompass.api.schemas import code
from kompass.audit.services import record_event
from kompass.cases import selectors, services
from kompass.cases.codes import SectorCode, Stage, TraffickingStatus
from kompass.cases.models import CaseIdentity, Consent
from kompass.cases.permissions import (
    CONSENTS,
    HISTORY,
    NEEDS,
    SERVICES,
    CaseAccess,
    access_for,
    accesses_for,
    get_case_access,
)
from kompass.cases.schemas import Case as CaseOut
from kompass.cases.schemas import (
    CaseCreate,
    CasePage,
    CasePatch,
    ConsentCreated,
    ConsentIn,
    ConsentWithdrawn,
    StageIn,
)
from kompass.organisations.models import Organisation

router = Router(tags=["cases"], auth=STAFF, by_alias=True, exclude_unset=True)

PAGE_SIZE = 50
WRITABLE = tuple(name for name in services.CASE_FIELDS if name != "assigned_to")

# Output ------------------------------------------------------------------------------------------


def _case_json(name: str, value):
    if name == "owner":
        return {"code": str(value.code), "name": value.name}
    if name == "assigned_to":
        return value.email if value is not None else None
    if name in ("age_band", "risk_level"):
        return value or None
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _identity_json(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def case_to_dict(access: CaseAccess, *, identity: CaseIdentity | None = None, detail: bool = False) -> dict:
    """The case as the viewer may see it: the fields of its groups (visibility.py), nothing else."""
    case = access.case
    out = {"view": access.level, "url": case.get_absolute_url()}
    out.update({name: _case_json(name, value) for name, value in access.values(platforms=detail).items()})
    if detail:
        if access.can_see_identity:
            out["identity"] = (
                {name: _identity_json(value) for name, value in access.identity_values(identity).items()}
                if identity
                else None
            )
        if access.can(NEEDS):
            needs = case.needs.all()
        else:
            needs = case.needs.filter(service__in=[r.service for r in access.referrals])
        out["needs"] = [{"service": n.service, "priority": n.priority, "met_on": n.met_on} for n in needs]
        if access.can(CONSENTS):
            out["consents"] = [
                {"id": c.pk, "purpose": c.purpose, "organisation": c.organisation.name if c.organisation else None,
                 "service": c.service, "given_on": c.given_on, "withdrawn_on": c.withdrawn_on}
                for c in case.consents.select_related("organisation")
            ]  # fmt: skip
        if access.can(HISTORY):
            out["stage_history"] = [
                {"from": s.from_stage, "to": s.to_stage, "on": s.changed_on} for s in case.stage_changes.all()
            ]
        if access.can(SERVICES):
            deliveries = case.deliveries.select_related("provider")
        else:
            deliveries = case.deliveries.filter(provider_id=access.membership.organisation_id).select_related(
                "provider"
            )
        out["services"] = [
            {"service": d.service, "delivered_on": d.delivered_on, "provider": d.provider.name}
            for d in deliveries
        ]
    return out


def _detail(access: CaseAccess) -> dict:
    identity = CaseIdentity.objects.filter(case=access.case).first() if access.can_see_identity else None
    return case_to_dict(access, identity=identity, detail=True)


# Endpoints ---------------------------------------------------------------------------------------


@router.get("", response={200: CasePage}, summary="Cases visible to the caller")
def list_cases(
    request: HttpRequest,
    stage: code(Stage.values, message="Unknown stage.") | None = Query(None),  # type: ignore[valid-type]
    status: code(TraffickingStatus.values) | None = Query(None),  # type: ignore[valid-type]
    sector: code(SectorCode.values) | None = Query(None, description="Identifying sector"),  # type: ignore[valid-type]
    q: str | None = Query(None, max_length=100, description="Part of the case reference or region"),
    page: int = Query(1, ge=1),
):
    """Own cases in full, cases referred to the caller's organisation in a limited view; 50 a page.
    The filters are the case list page's: a filter on a field the caller's view of a case hides never
    matches that case."""
    membership = request.auth
    if not membership.can_work_on_cases:
        raise PermissionDenied
    # The API lists closed cases too, as it always has.
    filters = {"stage": stage, "status": status, "sector": sector, "q": q or "", "closed": True}
    page_obj = Paginator(
        selectors.case_list(membership, user=request.user, filters=filters), PAGE_SIZE
    ).get_page(page)
    items = list(page_obj.object_list)
    accesses = accesses_for(membership, items)
    results = [case_to_dict(accesses[case.pk]) for case in items if case.pk in accesses]
    record_event(actor=request.user, action="cases_listed", organisation=membership.organisation,
                 detail={"page": page_obj.number, "shown": len(results), "via": "api"})  # fmt: skip
    return {
        "count": page_obj.paginator.count, "page": page_obj.number, "pages": page_obj.paginator.num_pages,
        "results": results,
    }  # fmt: skip


@router.post("", response={201: CaseOut}, summary="Open a case owned by the caller's organisation")
def create_case(request: HttpRequest, body: CaseCreate):
    """Case attributes, `platforms`, and the optional `identity` (stored encrypted; leave it out for an
    anonymous case)."""
    membership = require(request.auth, "can_edit_cases")
    data = body.model_dump(exclude_unset=True)
    identity = data.pop("identity", None)
    platforms = data.pop("platforms", [])
    try:
        case = services.create_case(
            owner=membership.organisation,
            by=request.user,
            identity=identity or None,
            platforms=platforms,
            **data,
        )
    except ValidationError as error:
        raise from_django(error)
    return Status(201, _detail(access_for(membership, case)))


@router.get(
    "{uuid:code}", response={200: CaseOut, 404: Error}, summary="One case, with the fields the caller may see"
)
def case_detail(request: HttpRequest, code: uuid.UUID):
    """The read is audited. A case the caller may not see is 404."""
    return _detail(get_case_access(request.user, request.auth, code))


@router.patch(
    "{uuid:code}",
    response={200: CaseOut, 404: Error, 409: Error},
    summary="Change case attributes; send the version you read",
)
def update_case(request: HttpRequest, code: uuid.UUID, body: CasePatch):
    """Only the fields sent change. `version` must be the one read: 409 if someone saved meanwhile."""
    membership = require(request.auth, "can_edit_cases")
    access = get_case_access(request.user, membership, code, write=True, action="read_for_edit")
    data = body.model_dump(exclude_unset=True)
    version = data.pop("version")
    platforms = data.pop("platforms", None)
    try:
        with transaction.atomic():
            services.update_case(
                case=access.case, by=request.user, expected_version=version, platforms=platforms, **data
            )
    except services.ConcurrentEditError as error:
        raise ApiError(
            "Someone else saved this case since you read it. Read it again and re-apply your change.",
            {"version": [f"The case is now at version {error.case.version}."]},
            status=409,
        )
    except ValidationError as error:
        raise from_django(error)
    access.case.refresh_from_db()
    return _detail(access)


@router.post(
    "{uuid:code}/stage",
    response={200: CaseOut, 404: Error, 409: Error},
    summary="Move the case to another TRM stage (allowed moves only)",
)
def change_stage(request: HttpRequest, code: uuid.UUID, body: StageIn):
    """A move the stage table does not allow is 409."""
    membership = require(request.auth, "can_edit_cases")
    access = get_case_access(request.user, membership, code, write=True, action="read_for_edit")
    try:
        services.change_stage(case=access.case, by=request.user, to_stage=body.to_stage, on=body.on,
                              note=body.note)  # fmt: skip
    except services.TransitionNotAllowed as error:
        raise ApiError(" ".join(error.messages), {"to_stage": error.messages}, status=409)
    return _detail(access)


@router.post(
    "{uuid:code}/consents",
    response={201: ConsentCreated, 404: Error},
    summary="Record the person's consent for one purpose",
)
def record_consent(request: HttpRequest, code: uuid.UUID, body: ConsentIn):
    """Sharing needs the organisation it is given for."""
    membership = require(request.auth, "can_edit_cases")
    access = get_case_access(request.user, membership, code, write=True, action="read_for_edit")
    organisation = None
    if body.organisation:
        organisation = Organisation.objects.filter(code=body.organisation).first()
        if organisation is None:
            raise ApiError("Invalid data.", {"organisation": ["Unknown organisation."]})
    try:
        consent = services.record_consent(
            case=access.case, by=request.user, purpose=body.purpose, organisation=organisation,
            service=body.service, given_on=body.given_on, note=body.note,
        )  # fmt: skip
    except ValidationError as error:
        raise from_django(error)
    return Status(201, {"id": consent.pk, "purpose": consent.purpose, "given_on": consent.given_on})


@router.post(
    "{uuid:code}/consents/{int:id}/withdraw",
    response={200: ConsentWithdrawn, 404: Error, 409: Error},
    summary="Withdraw a consent (open referrals relying on it are withdrawn too)",
)
def withdraw_consent(request: HttpRequest, code: uuid.UUID, id: int):
    membership = require(request.auth, "can_edit_cases")
    access = get_case_access(request.user, membership, code, write=True, action="read_for_edit")
    consent = Consent.objects.filter(case=access.case, pk=id).first()
    if consent is None:
        raise ApiError("Not found.", status=404)
    try:
        services.withdraw_consent(consent=consent, by=request.user)
    except ValidationError as error:
        raise ApiError(" ".join(error.messages), status=409)
    return {"id": consent.pk, "withdrawn_on": consent.withdrawn_on}
