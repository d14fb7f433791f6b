from django import template
from django.utils import timezone

from kompass.recruitment.models import ReportedAd
from kompass.recruitment.permissions import can_log_ads, can_see_ads

register = template.Library()


@register.simple_tag
def recruitment_summary(membership) -> dict | None:
    """What the staff dashboard shows about job ads, or None for roles that do not use them."""
    if membership is None or not (can_see_ads(membership) or membership.can_view_statistics):
        return None
    today = timezone.localdate()
    # The regional body reads the count across the coalition's countries, and no ad.
    ads = ReportedAd.objects.visible_to(membership) if can_see_ads(membership) else ReportedAd.objects.all()
    ads = ads.filter(seen_on__year=today.year, seen_on__month=today.month)
    return {
        "this_month": ads.count(),
        "can_see_ads": can_see_ads(membership),
        "can_log": can_log_ads(membership),
        "can_view_statistics": membership.can_view_statistics,
    }
