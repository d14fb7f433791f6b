from django import template

from kompass.cases import selectors, services
from kompass.cases.visibility import check_group
from kompass.lib import i18n

register = template.Library()


@register.simple_tag
def cases_dashboard(membership):
    """The numbers and short lists of the per-organisation dashboard (a fixed number of queries).

    Opening it is a visit: partners' news are those since the member's previous visit.
    """
    since = None
    if membership is not None and membership.can_view_cases:
        since = services.record_dashboard_visit(membership=membership)
    return selectors.dashboard(membership, since=since)


@register.filter
def has_group(groups, name: str) -> bool:
    """`{% if groups|has_group:"status" %}`: the viewer sees that field group (kompass/cases/visibility.py).

    An unknown group name is an error, not a silent "no": templates name groups of the one map.
    """
    return check_group(name) in groups


@register.filter
def duration(value) -> str:
    """A timedelta as '2 d 4 h' (or '3 h 5 min')."""
    if value is None:
        return "—"
    total = int(value.total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {rest // 60} min"


@register.filter
def language_name(code: str) -> str:
    """A language code as its name in the reader's language (`{{ consent.language|language_name }}`)."""
    return i18n.language_name(code)
