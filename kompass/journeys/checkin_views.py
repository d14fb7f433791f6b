"""Check-ins: the traveller's pages (secret link, no login) and the organisation's on-duty board."""

import contextlib
from datetime import datetime, time, timedelta

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.journeys import services
from kompass.journeys.forms import BlankLegFormSet, FollowForm, LegFormSet
from kompass.journeys.models import Journey, Leg, OnDuty, retention_days
from kompass.journeys.permissions import get_journey_for_user
from kompass.journeys.planning import PlanRequest
from kompass.organisations.permissions import staff_required


def _legs_from_plan(token: str) -> list[dict]:
    try:
        req = PlanRequest.from_token(token)
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return []
    day = timezone.localdate()
    if req.start_date:
        with contextlib.suppress(ValueError):
            day = datetime.fromisoformat(req.start_date).date()
    arrival = timezone.make_aware(datetime.combine(day, time(12, 0)))
    legs = []
    for a, b in zip(req.waypoints, req.waypoints[1:], strict=False):
        legs.append({"origin": a.display_name(), "destination": b.display_name(),
                     "expected_arrival": arrival.strftime("%Y-%m-%dT%H:%M")})  # fmt: skip
        arrival += timedelta(hours=6)
    return legs


def follow(request):
    """Opt-in: ask an organisation to follow the journey. Says exactly what is kept and how long."""
    if request.method == "POST":
        form = FollowForm(request.POST)
        legs = LegFormSet(request.POST, prefix="legs")
        if form.is_valid() and legs.is_valid():
            try:
                journey = services.start_journey(
                    organisation=form.cleaned_data["organisation"],
                    nickname=form.cleaned_data["nickname"],
                    contact_channel=form.cleaned_data["contact_channel"],
                    contact_value=form.cleaned_data["contact_value"],
                    legs=[leg for leg in legs.cleaned_data if leg],
                    language=translation.get_language(),
                    consent=form.cleaned_data["consent"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Your journey is followed. Save this page's link: it is your key.")
                )
                return redirect(journey.get_traveller_url())
    else:
        form = FollowForm()
        initial = _legs_from_plan(request.GET.get("p", ""))
        legs = LegFormSet(prefix="legs", initial=initial) if initial else BlankLegFormSet(prefix="legs")
    return render(request, "journeys/follow.html", {
        "form": form, "legs": legs, "retention_days": retention_days(),
    })  # fmt: skip


def _journey_by_token(token: str) -> Journey:
    return get_object_or_404(
        Journey.objects.select_related("organisation").prefetch_related("legs"), token=token
    )


def traveller(request, token):
    """The traveller's page: one big button to check in, what we keep, delete now."""
    journey = _journey_by_token(token)
    response = render(
        request, "journeys/traveller.html", {"journey": journey, "next_leg": journey.next_leg()}
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def traveller_checkin(request, token, position):
    journey = _journey_by_token(token)
    leg = get_object_or_404(Leg, journey=journey, position=position)
    services.check_in(journey=journey, leg=leg)
    messages.success(request, _("Thank you, your check-in was received."))
    return redirect(journey.get_traveller_url())


@require_POST
def traveller_finish(request, token):
    journey = _journey_by_token(token)
    if not journey.is_closed:
        services.finish_journey(journey=journey)
    messages.success(request, _("Your journey is finished. Safe arrival!"))
    return redirect(journey.get_traveller_url())


@require_POST
def traveller_delete(request, token):
    journey = _journey_by_token(token)
    services.delete_journey(journey=journey)
    messages.success(request, _("Everything about your journey was deleted."))
    return redirect("journeys:start")


# --- On-duty board ----------------------------------------------------------------------------


@staff_required("can_follow_journeys")
def board(request):
    journeys = list(
        Journey.objects.visible_to(request.membership)
        .active()
        .prefetch_related(Prefetch("legs", queryset=Leg.objects.order_by("position")))
        .order_by("ends_at")
    )
    alerts = [(j, leg) for j in journeys for leg in j.legs.all() if leg.is_alert_open]
    on_duty = OnDuty.objects.filter(membership__organisation=request.membership.organisation).select_related(
        "membership__user"
    )
    return render(request, "journeys/board.html", {
        "journeys": journeys, "alerts": alerts, "on_duty": on_duty,
        "i_am_on_duty": any(d.membership_id == request.membership.pk for d in on_duty), "now": timezone.now(),
    })  # fmt: skip


@staff_required("can_follow_journeys")
@require_POST
def board_duty(request):
    services.set_on_duty(membership=request.membership, on=request.POST.get("on") == "1")
    return redirect("journeys:board")


@staff_required("can_follow_journeys")
def board_journey(request, code):
    journey = get_journey_for_user(request.user, request.membership, code)
    return render(request, "journeys/board_journey.html", {"journey": journey, "legs": journey.legs.all()})


@staff_required("can_follow_journeys")
@require_POST
def board_acknowledge(request, code, position):
    journey = get_journey_for_user(request.user, request.membership, code)
    leg = get_object_or_404(Leg, journey=journey, position=position)
    if leg.alert_raised_at is None:
        raise Http404
    services.acknowledge_alert(leg=leg, by=request.user)
    messages.success(request, _("The alert is acknowledged."))
    return redirect(journey.get_absolute_url())


@staff_required("can_follow_journeys")
@require_POST
def board_close(request, code):
    journey = get_journey_for_user(request.user, request.membership, code)
    if not journey.is_closed:
        services.finish_journey(journey=journey, by=request.user)
    messages.success(request, _("The journey is closed; its data will be deleted on schedule."))
    return redirect("journeys:board")
