"""Read-only queries for work lists and dashboards. Each runs a fixed number of queries."""

import datetime
from collections.abc import Callable

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise

from kompass.cases.codes import Stage
from kompass.cases.models import Case, Task
from kompass.cases.visibility import group_of, visible_condition

# Numbers other apps add to the coordinator's table of organisations: column → function giving
# {organisation id: n} in one query. referrals registers "pending_in" from its AppConfig.ready().
ORGANISATION_COUNTS: dict[str, Callable[[], dict[int, int]]] = {}

# A list filter's name → the case field it matches.
FILTER_FIELDS = {
    "stage": "stage",
    "status": "trafficking_status",
    "sector": "identifying_sector",
    "risk": "risk_level",
}


def case_list(membership, *, user, filters: dict):
    """The cases a membership may open, filtered; ordered by last change (the page and the API).

    A filter on a field matches only cases whose view shows that field (visibility.py): filtering
    by a status the viewer does not see of a referred case must not tell it that status.
    `filters` may hold `q` (reference or region), `stage`, `status`, `sector`, `risk`, `mine`, `closed`.
    """
    cases = Case.objects.visible_to(membership).select_related("owner", "assigned_to")
    q = (filters.get("q") or "").strip()
    if q:
        cases = cases.filter(Q(reference__icontains=q) | Q(region__icontains=q))
    for name, field in FILTER_FIELDS.items():
        if filters.get(name):
            cases = cases.filter(Q(**{field: filters[name]}) & _visible(membership, group_of(field)))
    if filters.get("mine"):
        cases = cases.filter(Q(assigned_to=user) & _visible(membership, group_of("assigned_to")))
    if not filters.get("closed") and not filters.get("stage"):
        cases = cases.exclude(stage=Stage.CLOSED)
    return cases.order_by("-updated_at", "-id")


def _visible(membership, group: str) -> Q:
    """visible_condition, or a condition no case meets when the membership sees none."""
    condition = visible_condition(membership, group)
    return condition if condition is not None else Q(pk__in=[])


def open_cases_by_stage(organisation_id: int) -> list[tuple[str, str | Promise, int]]:
    counts = dict(
        Case.objects.filter(owner_id=organisation_id)
        .exclude(stage=Stage.CLOSED)
        .values_list("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    return [
        (stage, Stage(stage).label, counts.get(stage, 0)) for stage in Stage.values if stage != Stage.CLOSED
    ]


def overdue_tasks(organisation_id: int, *, today: datetime.date | None = None):
    return (
        Task.objects.overdue(today)
        .filter(case__owner_id=organisation_id)
        .select_related("case", "assigned_to")
        .order_by("due_on", "id")
    )


def counts_by_organisation(country: str | None = None) -> list[dict]:
    """The coordinator's view: numbers per organisation of its country (all countries when None),
    never case contents (two grouped queries, and one per column in ORGANISATION_COUNTS)."""
    from kompass.organisations.models import Organisation

    open_cases = dict(
        Case.objects.exclude(stage=Stage.CLOSED)
        .values_list("owner_id")
        .annotate(n=Count("id"))
        .values_list("owner_id", "n")
    )
    others = {column: counts() for column, counts in ORGANISATION_COUNTS.items()}
    return [
        {"name": name, "open_cases": open_cases.get(pk, 0), **{c: n.get(pk, 0) for c, n in others.items()}}
        for pk, name in Organisation.objects.filter(
            is_active=True, **({"country": country} if country else {})
        )
        .order_by("name")
        .values_list("pk", "name")
    ]


def dashboard(membership, *, today: datetime.date | None = None) -> dict:
    """Everything the per-organisation dashboard shows, for what the role may use."""
    today = today or timezone.localdate()
    data: dict = {"membership": membership}
    if membership is None:
        return data
    org = membership.organisation_id
    if membership.can_view_cases:
        data["stages"] = open_cases_by_stage(org)
        data["open_total"] = sum(n for _, _, n in data["stages"])
        overdue = overdue_tasks(org, today=today)
        data["overdue"] = list(overdue[:5])
        data["overdue_count"] = overdue.count()
    if membership.is_coordinator:
        data["by_organisation"] = counts_by_organisation(membership.statistics_country)
    return data
