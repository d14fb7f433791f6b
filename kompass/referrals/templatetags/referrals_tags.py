from django import template

from kompass.referrals import selectors

register = template.Library()


@register.simple_tag
def referral_alerts(membership):
    """Overdue referrals and partners' answers for the sending organisation's dashboard card."""
    if membership is None or not membership.can_work_on_cases:
        return {}
    return selectors.sender_alerts(membership.organisation_id)
