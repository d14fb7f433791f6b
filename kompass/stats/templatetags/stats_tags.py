from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag
def transnational_this_year(membership) -> dict[str, int]:
    """Cross-border referrals of this year for the member's country (every country for the regional
    body): {"sent": n, "received": n}. Counts only, for the staff who may see statistics."""
    from kompass.referrals.selectors import transnational_referrals

    if membership is None or not membership.can_view_statistics:
        return {"sent": 0, "received": 0}
    counts = transnational_referrals(year=timezone.localdate().year, country=membership.statistics_country)
    return {side: sum(values.values()) for side, values in counts.items()}
