from django import template

from kompass.screening.models import Report

register = template.Library()


@register.simple_tag
def new_report_count(membership) -> int:
    """New reports waiting in the triage inbox (0 for anyone who may not triage)."""
    return Report.objects.visible_to(membership).filter(status=Report.Status.NEW).count()
