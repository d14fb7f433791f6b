"""JSON API for referrals (org-scoped; same authentication as the cases API)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse

from kompass.api.utils import ApiError, parse_json_body
from kompass.cases.api import _date, _json, _uuid, staff_api, validation_errors
from kompass.cases.permissions import get_case_access
from kompass.organisations.models import Organisation
from kompass.referrals import services
from kompass.referrals.models import Referral, Status
from kompass.referrals.permissions import get_referral_for_user


def referral_to_dict(referral: Referral, membership) -> dict:
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
        "created_at": _json(referral.created_at),
        "responded_at": _json(referral.responded_at),
        "completed_at": _json(referral.completed_at),
        "withdrawn_at": _json(referral.withdrawn_at),
        "response_time_seconds": int(referral.response_time.total_seconds())
        if referral.response_time
        else None,
        "allowed_moves": referral.allowed_moves(membership.organisation_id)
        if membership.can_work_on_cases
        else [],
        "url": referral.get_absolute_url(),
    }


def _raise(error: ValidationError):
    if isinstance(error, services.TransitionNotAllowed):
        raise ApiError(" ".join(error.messages), status=409)
    raise validation_errors(error)


@staff_api(("GET", "POST"))
def referrals(request):
    membership = request.membership
    if not membership.can_work_on_cases:
        raise PermissionDenied
    if request.method == "POST":
        return _send(request)
    qs = Referral.objects.visible_to(membership).select_related(
        "case", "from_organisation", "to_organisation"
    )
    direction = request.GET.get("direction", "")
    if direction == "in":
        qs = qs.filter(to_organisation_id=membership.organisation_id)
    elif direction == "out":
        qs = qs.filter(from_organisation_id=membership.organisation_id)
    elif direction:
        raise ApiError("Invalid filter.", {"direction": ["Use in or out."]})
    status = request.GET.get("status", "")
    if status:
        if status not in Status.values:
            raise ApiError("Invalid filter.", {"status": ["Unknown status."]})
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    return JsonResponse({
        "count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages,
        "results": [referral_to_dict(r, membership) for r in page.object_list],
    })  # fmt: skip


def _send(request):
    membership = request.membership
    if not membership.can_edit_cases:
        raise PermissionDenied
    data = parse_json_body(request, allowed=("case", "to_organisation", "kind", "service", "need", "message"))
    errors = {name: ["This field is required."] for name in ("case", "to_organisation") if not data.get(name)}
    if errors:
        raise ApiError("Invalid data.", errors)
    access = get_case_access(
        request.user, membership, _uuid(data["case"], "case"), write=True, action="read_for_referral"
    )
    to_organisation = Organisation.objects.filter(
        code=_uuid(data["to_organisation"], "to_organisation"), is_active=True
    ).first()
    if to_organisation is None:
        raise ApiError("Invalid data.", {"to_organisation": ["Unknown organisation."]})
    kind = data.get("kind", Referral.Kind.SERVICE)
    if kind not in Referral.Kind.values:
        raise ApiError("Invalid data.", {"kind": ["Use service or transfer."]})
    need = None
    if data.get("need") is not None:
        need = access.case.needs.filter(pk=data["need"] if isinstance(data["need"], int) else 0).first()
        if need is None:
            raise ApiError("Invalid data.", {"need": ["Unknown need of this case."]})
    try:
        referral = services.send_referral(
            case=access.case, by=request.user, to_organisation=to_organisation, kind=kind,
            service=str(data.get("service") or ""), need=need, message=str(data.get("message", "")),
        )  # fmt: skip
    except ValidationError as error:
        _raise(error)
    return JsonResponse(referral_to_dict(referral, membership), status=201)


@staff_api(("GET",))
def referral_detail(request, code):
    referral = get_referral_for_user(request.user, request.membership, code)
    return JsonResponse(referral_to_dict(referral, request.membership))


MOVES = {
    "accept": (lambda r, by, d: services.accept_referral(referral=r, by=by), ()),
    "decline": (
        lambda r, by, d: services.decline_referral(referral=r, by=by, reason=str(d.get("reason", ""))),
        ("reason",),
    ),
    "withdraw": (
        lambda r, by, d: services.withdraw_referral(referral=r, by=by, reason=str(d.get("reason", ""))),
        ("reason",),
    ),
    "complete": (
        lambda r, by, d: services.complete_referral(referral=r, by=by, note=str(d.get("note", ""))),
        ("note",),
    ),
}


@staff_api(("POST",))
def referral_move(request, code, move):
    if move not in MOVES:
        raise ApiError("Not found.", status=404)
    referral = get_referral_for_user(request.user, request.membership, code, write=True)
    action, allowed = MOVES[move]
    # The body is optional for these moves: no body (or an empty form) means no reason or note.
    empty = not request.body or (request.content_type.startswith("multipart/") and not request.POST)
    data = {} if empty else parse_json_body(request, allowed=allowed)
    try:
        with transaction.atomic():
            action(referral, request.user, data)
    except ValidationError as error:
        _raise(error)
    referral.refresh_from_db()
    return JsonResponse(referral_to_dict(referral, request.membership))


@staff_api(("POST",))
def referral_services(request, code):
    referral = get_referral_for_user(request.user, request.membership, code, write=True)
    data = parse_json_body(request, allowed=("delivered_on", "note"))
    try:
        delivery = services.record_referral_service(
            referral=referral, by=request.user, delivered_on=_date(data.get("delivered_on"), "delivered_on"),
            note=str(data.get("note", "")),
        )  # fmt: skip
    except ValidationError as error:
        _raise(error)
    return JsonResponse(
        {
            "service": delivery.service,
            "delivered_on": _json(delivery.delivered_on),
            "provider": delivery.provider.name,
        },
        status=201,
    )
