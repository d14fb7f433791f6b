from django import template

from kompass.referrals import selectors

register = template.Library()


@register.simple_tag
def referral_alerts(membership):
    """Overdue referrals and partners' answers for the sending organisation's dashboard card."""
    if membership is None or not membership.can_work_on_cases:
        return {}
    return selectors.sender_alerts(membership.organisation_id)


@register.simple_tag
def referrals_dashboard(membership):
    """Pending referrals in and out for the referrals dashboard card (a fixed number of queries)."""
    if membership is None:
        return {}
    return {"referrals": selectors.pending_referrals(membership.organisation_id)}
