from django import template
from django.utils import timezone

from kompass.recruitment.models import ReportedAd
from kompass.recruitment.permissions import can_log_ads, can_see_ads

register = template.Library()


@register.simple_tag
def recruitment_summary(membership) -> dict | None:
    """What the staff dashboard shows about job ads, or None for roles that do not use them."""
    if not can_see_ads(membership):
        return None
    today = timezone.localdate()
    this_month = (
        ReportedAd.objects.visible_to(membership)
        .filter(seen_on__year=today.year, seen_on__month=today.month)
        .count()
    )
    return {
        "this_month": this_month,
        "can_log": can_log_ads(membership),
        "can_view_statistics": membership.can_view_statistics,
    }
