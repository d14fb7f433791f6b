"""JSON API for referrals (org-scoped; the same authentication as every staff endpoint)."""

import datetime
import uuid
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Query, Router
from ninja.responses import Status

from kompass.api.auth import STAFF
from kompass.api.errors import ApiError, Error, from_django
from kompass.api.schemas import Input, IsoDate, Output, Page, StrictInt, code
from kompass.audit.services import record_event
from kompass.cases.codes import ServiceCode
from kompass.cases.permissions import get_case_access
from kompass.organisations.models import Organisation
from kompass.referrals import services
from kompass.referrals.models import Referral as ReferralModel
from kompass.referrals.models import Status as ReferralStatus
from kompass.referrals.permissions import get_referral_for_user

router = Router(tags=["referrals"], auth=STAFF)

PAGE_SIZE = 50

Note = Field("", max_length=10_000)


class ReferralIn(Input):
    case: uuid.UUID
    to_organisation: uuid.UUID
    kind: Literal["service", "transfer"] = "service"
    service: code(ServiceCode.values, blank=True) = ""  # type: ignore[valid-type]
    need: StrictInt | None = Field(None, description="Id of one of the case's assessed needs")
    message: str = Note
    legal_basis: str = Field(
        "", max_length=2000,
        description="Only to another country: the legal basis of the transfer (default: the person's "
        "explicit consent, GDPR art. 49(1)(a), and the receiving organisation's own law)",
    )  # fmt: skip


class ReasonIn(Input):
    reason: str = Note


class NoteIn(Input):
    note: str = Note


class DeliveryIn(Input):
    delivered_on: IsoDate | None = Field(None, description="Default: today")
    note: str = Note


class OrganisationRef(Output):
    code: str = Field(json_schema_extra={"format": "uuid"})
    name: str


class CaseRef(Output):
    code: str = Field(json_schema_extra={"format": "uuid"})
    reference: str


class Referral(Output):
    code: str = Field(json_schema_extra={"format": "uuid"})
    case: CaseRef
    kind: Literal["service", "transfer"]
    service: str | None
    from_organisation: OrganisationRef
    to_organisation: OrganisationRef
    status: ReferralStatus
    message: str
    response_note: str
    created_at: datetime.datetime
    responded_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    response_time_seconds: int | None
    cross_border: bool = Field(description="To an organisation in another country (decision 0052)")
    legal_basis: str
    allowed_moves: list[ReferralStatus] = Field(
        description="The moves the caller's organisation may make now"
    )
    url: str


class ReferralPage(Page):
    results: list[Referral]


class DeliveryOut(Output):
    service: str
    delivered_on: datetime.date
    provider: str


def referral_to_dict(referral: ReferralModel, membership) -> dict:
    return {
        "code": str(referral.code),
        "case": {"code": str(referral.case.code), "reference": referral.case.reference},
        "kind": referral.kind,
        "service": referral.service or None,
        "from_organisation": {
            "code": str(referral.from_organisation.code),
            "name": referral.from_organisation.name,
        },
        "to_organisation": {
            "code": str(referral.to_organisation.code),
            "name": referral.to_organisation.name,
        },
        "status": referral.status,
        "message": referral.message,
        "response_note": referral.response_note,
        "created_at": referral.created_at,
        "responded_at": referral.responded_at,
        "completed_at": referral.completed_at,
        "withdrawn_at": referral.withdrawn_at,
        "response_time_seconds": int(referral.response_time.total_seconds())
        if referral.response_time
        else None,
        "allowed_moves": referral.allowed_moves(membership.organisation_id)
        if membership.can_work_on_cases
        else [],
        "cross_border": referral.is_cross_border,
        "legal_basis": referral.legal_basis,
        "url": referral.get_absolute_url(),
    }


def _refused(error: ValidationError) -> ApiError:
    if isinstance(error, services.TransitionNotAllowed):
        return ApiError(" ".join(error.messages), status=409)
    return from_django(error)


@router.get(
    "", response={200: ReferralPage}, summary="Referrals sent or received by the caller's organisation"
)
def list_referrals(
    request: HttpRequest,
    direction: Literal["in", "out"] | None = Query(None),
    status: ReferralStatus | None = Query(None),
    page: int = Query(1, ge=1),
):
    membership = request.auth
    if not membership.can_work_on_cases:
        raise PermissionDenied
    qs = ReferralModel.objects.visible_to(membership).select_related(
        "case", "from_organisation", "to_organisation"
    )
    if direction == "in":
        qs = qs.filter(to_organisation_id=membership.organisation_id)
    elif direction == "out":
        qs = qs.filter(from_organisation_id=membership.organisation_id)
    if status:
        qs = qs.filter(status=status)
    page_obj = Paginator(qs.order_by("-created_at", "-id"), PAGE_SIZE).get_page(page)
    results = [referral_to_dict(r, membership) for r in page_obj.object_list]
    record_event(actor=request.user, action="referrals_listed", organisation=membership.organisation,
                 detail={"direction": direction or "", "status": status or "", "page": page_obj.number,
                         "shown": len(results), "via": "api"})  # fmt: skip
    return {
        "count": page_obj.paginator.count, "page": page_obj.number, "pages": page_obj.paginator.num_pages,
        "results": results,
    }  # fmt: skip


@router.post(
    "",
    response={201: Referral, 404: Error, 409: Error},
    summary="Refer a case to another organisation (refused without the person's consent to share)",
)
def send_referral(request: HttpRequest, body: ReferralIn):
    membership = request.auth
    if not membership.can_edit_cases:
        raise PermissionDenied
    access = get_case_access(request.user, membership, body.case, write=True, action="read_for_referral")
    to_organisation = Organisation.objects.filter(code=body.to_organisation, is_active=True).first()
    if to_organisation is None:
        raise ApiError("Invalid data.", {"to_organisation": ["Unknown organisation."]})
    need = None
    if body.need is not None:
        need = access.case.needs.filter(pk=body.need).first()
        if need is None:
            raise ApiError("Invalid data.", {"need": ["Unknown need of this case."]})
    try:
        referral = services.send_referral(
            case=access.case, by=request.user, to_organisation=to_organisation, kind=body.kind,
            service=body.service, need=need, message=body.message, legal_basis=body.legal_basis,
        )  # fmt: skip
    except ValidationError as error:
        raise _refused(error)
    return Status(201, referral_to_dict(referral, membership))


@router.get(
    "{uuid:code}", response={200: Referral, 404: Error}, summary="One referral of the caller's organisation"
)
def referral_detail(request: HttpRequest, code: uuid.UUID):
    """With `allowed_moves`: what the caller's organisation may do with it now."""
    return referral_to_dict(get_referral_for_user(request.user, request.auth, code), request.auth)


def _move(request: HttpRequest, code: uuid.UUID, action) -> dict:
    referral = get_referral_for_user(request.user, request.auth, code, write=True)
    try:
        with transaction.atomic():
            action(referral)
    except ValidationError as error:
        raise _refused(error)
    referral.refresh_from_db()
    return referral_to_dict(referral, request.auth)


MOVE_RESPONSES = {200: Referral, 404: Error, 409: Error}


@router.post("{uuid:code}/accept", response=MOVE_RESPONSES, summary="The receiving organisation accepts")
def accept(request: HttpRequest, code: uuid.UUID):
    """A move not in the transition table, or by the wrong side, is 409."""
    return _move(request, code, lambda r: services.accept_referral(referral=r, by=request.user))


@router.post("{uuid:code}/decline", response=MOVE_RESPONSES, summary="The receiving organisation declines")
def decline(request: HttpRequest, code: uuid.UUID, body: ReasonIn | None = None):
    """A reason is required."""
    reason = body.reason if body else ""
    return _move(
        request, code, lambda r: services.decline_referral(referral=r, by=request.user, reason=reason)
    )


@router.post("{uuid:code}/withdraw", response=MOVE_RESPONSES, summary="The sending organisation withdraws")
def withdraw(request: HttpRequest, code: uuid.UUID, body: ReasonIn | None = None):
    reason = body.reason if body else ""
    return _move(
        request, code, lambda r: services.withdraw_referral(referral=r, by=request.user, reason=reason)
    )


@router.post("{uuid:code}/complete", response=MOVE_RESPONSES, summary="The receiving organisation completes")
def complete(request: HttpRequest, code: uuid.UUID, body: NoteIn | None = None):
    note = body.note if body else ""
    return _move(request, code, lambda r: services.complete_referral(referral=r, by=request.user, note=note))


@router.post(
    "{uuid:code}/services",
    response={201: DeliveryOut, 404: Error, 409: Error},
    summary="The receiving organisation records the service it gave under an accepted referral",
)
def record_service(request: HttpRequest, code: uuid.UUID, body: DeliveryIn):
    referral = get_referral_for_user(request.user, request.auth, code, write=True)
    try:
        delivery = services.record_referral_service(
            referral=referral, by=request.user, delivered_on=body.delivered_on, note=body.note
        )
    except ValidationError as error:
        raise _refused(error)
    return Status(201, {"service": delivery.service, "delivered_on": delivery.delivered_on,
                        "provider": delivery.provider.name})  # fmt: skip
