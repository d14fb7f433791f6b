"""Read-only queries: the dashboard card, the coordinator's counts, statistics. Fixed query counts."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from kompass.referrals.models import Referral, Status


def pending_referrals(organisation_id: int, *, limit: int = 5) -> dict:
    """Pending referrals in and out of an organisation: the first few and the counts (three queries)."""
    qs = Referral.objects.filter(status=Status.PENDING).select_related(
        "case", "from_organisation", "to_organisation"
    )
    incoming = qs.filter(to_organisation_id=organisation_id)
    outgoing = qs.filter(from_organisation_id=organisation_id)
    counts = Referral.objects.filter(status=Status.PENDING).aggregate(
        incoming=Count("id", filter=Q(to_organisation_id=organisation_id)),
        outgoing=Count("id", filter=Q(from_organisation_id=organisation_id)),
    )
    return {
        "incoming": list(incoming[:limit]),
        "outgoing": list(outgoing[:limit]),
        "incoming_count": counts["incoming"],
        "outgoing_count": counts["outgoing"],
    }


def pending_in_by_organisation() -> dict[int, int]:
    """{organisation id: referrals waiting for its answer}, for the coordinator's table (one query)."""
    return dict(
        Referral.objects.filter(status=Status.PENDING)
        .values_list("to_organisation_id")
        .annotate(n=Count("id"))
        .values_list("to_organisation_id", "n")
    )


def transnational_referrals(*, year: int, country: str | None) -> dict[str, dict[str, int]]:
    """Cross-border referrals sent in `year`, counted for `country` (ISO2; None: the whole coalition).

    {"sent": {partner country: n}, "received": {partner country: n}}: referrals from the country's
    organisations to another country's, and to its organisations from another country's. Counts
    only, never a case: both countries' coordinators see the same referral, each on its side.
    """
    start, end = (timezone.make_aware(datetime.datetime(y, 1, 1)) for y in (year, year + 1))
    rows = (
        Referral.objects.filter(is_cross_border=True, created_at__gte=start, created_at__lt=end)
        .values("from_organisation__country", "to_organisation__country")
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[str, dict[str, int]] = {"sent": {}, "received": {}}
    for row in rows:
        origin, destination, n = row["from_organisation__country"], row["to_organisation__country"], row["n"]
        if country is None or origin == country:
            out["sent"][destination] = out["sent"].get(destination, 0) + n
        if country is None or destination == country:
            out["received"][origin] = out["received"].get(origin, 0) + n
    return {side: dict(sorted(counts.items())) for side, counts in out.items()}


def sender_alerts(organisation_id: int, *, now: datetime.datetime | None = None, limit: int = 5) -> dict:
    """What the sending organisation's dashboard shows about its referrals (two queries):

    - `overdue`: referrals it sent that are still unanswered after their deadline (escalated to its
      admins by the scheduler), oldest deadline first;
    - `responses`: the latest answers of receivers (accepted, declined, completed) of the last
      `RESPONSES_DAYS` days, newest first.
    """
    now = now or timezone.now()
    sent = Referral.objects.filter(from_organisation_id=organisation_id).select_related(
        "case", "to_organisation"
    )
    overdue = list(sent.overdue(now).order_by("respond_by", "id")[:limit])
    since = now - datetime.timedelta(days=RESPONSES_DAYS)
    responses = list(
        sent.filter(responded_at__gte=since)
        .exclude(status=Referral.Status.WITHDRAWN)
        .order_by("-responded_at", "-id")[:limit]
    )
    return {"overdue": overdue, "responses": responses}


RESPONSES_DAYS = 14


# Partners' answers shown as news on the sender's case dashboard (cases.selectors.partner_news).
ANSWERED_STATES = (Status.ACCEPTED, Status.DECLINED, Status.COMPLETED)


def answers_since(
    organisation_id: int, *, since: datetime.datetime, limit: int
) -> tuple[list[Referral], int]:
    """Referrals the organisation sent for its own cases that the receiver answered after `since`:
    the newest `limit` and how many in all (two queries)."""
    answered = Referral.objects.filter(
        from_organisation_id=organisation_id, case__owner_id=organisation_id,
        status__in=ANSWERED_STATES, responded_at__gt=since,
    )  # fmt: skip
    newest = list(answered.select_related("case", "to_organisation").order_by("-responded_at", "-id")[:limit])
    return newest, answered.count()


def overdue_by_caseworker(organisation_id: int) -> dict[int | None, int]:
    """Referrals the organisation sent for its cases, still pending past their deadline, per the case's
    assigned caseworker (None: assigned to no one), for the caseload page (one query)."""
    return dict(
        Referral.objects.overdue()
        .filter(from_organisation_id=organisation_id, case__owner_id=organisation_id)
        .values_list("case__assigned_to")
        .annotate(n=Count("id"))
        .values_list("case__assigned_to", "n")
    )
