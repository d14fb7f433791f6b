"""Read-only queries other apps use (statistics)."""

import datetime

from django.db.models import Count
from django.utils import timezone

from kompass.referrals.models import Referral


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
