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
