"""Read-only queries for work lists and dashboards. Each runs a fixed number of queries."""

import datetime
import heapq
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kompass.cases.codes import RiskLevel, Stage
from kompass.cases.models import Case, ServiceDelivery, Task
from kompass.cases.visibility import (
    _case_ids,
    group_of,
    open_grants_to,
    visible_case_filter,
    visible_condition,
)

# Numbers other apps add to the coordinator's table of organisations: column → function giving
# {organisation id: n} in one query. referrals registers "pending_in" from its AppConfig.ready().
ORGANISATION_COUNTS: dict[str, Callable[[], dict[int, int]]] = {}
# Numbers other apps add to each row of an organisation's caseload: column → function(organisation id)
# giving {assigned caseworker's user id, or None: n} in one query. referrals registers "overdue_referrals".
CASELOAD_COUNTS: dict[str, Callable[[int], dict[int | None, int]]] = {}
# What partners answered, for the sender's dashboard news: function(organisation id, since=, limit=)
# giving (the newest answers, how many) in two queries. referrals registers it (key "responses").
PARTNER_ANSWERS: dict[str, Callable[..., tuple[list, int]]] = {}

# A list filter's name → the case field it matches.
FILTER_FIELDS = {
    "stage": "stage",
    "status": "trafficking_status",
    "sector": "identifying_sector",
    "risk": "risk_level",
}


def case_list(membership, *, user, filters: dict):
    """The cases a membership may open, filtered; ordered by last change (the API's list).

    A filter on a field matches only cases whose view shows that field (visibility.py): filtering
    by a status the viewer does not see of a referred case must not tell it that status.
    `filters` may hold `q` (reference or region), `stage`, `status`, `sector`, `risk`, `mine`, `closed`.
    """
    cases = _filtered(Case.objects.visible_to(membership), membership, user=user, filters=filters)
    return cases.select_related("owner", "assigned_to").order_by(*LIST_ORDER)


LIST_ORDER = ("-updated_at", "-id")
# Past this page, filter instead (a page costs reading every page before it).
MAX_PAGE = 200


def _filtered(cases, membership, *, user, filters: dict):
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
    return cases


@dataclass
class WindowPage:
    """One page of a list read in index order, without counting the whole list.

    Counting every matching case made the case list grow with the data (bench/bench_cases.py);
    the page knows only whether there is a next one. Quacks like Django's `Page` for
    `_pagination.html` (no `paginator`: the total is not known).
    """

    object_list: list
    number: int
    has_next: bool
    paginator: None = None

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def case_page(membership, *, user, filters: dict, number: int, per_page: int) -> WindowPage:
    """A page of `case_list`, at a cost that does not grow with the organisation's caseload.

    The owned cases are read in the order of the index (owner, -updated_at, -id) and the database
    stops after the page; the cases referred to the organisation (a short list of ids) are read
    apart; the two ordered streams are merged here. Five queries or so, whatever the number of cases.
    """
    number = min(max(1, number), MAX_PAGE)
    wanted = number * per_page + 1
    condition = visible_case_filter(membership)
    if condition is None:
        return WindowPage([], number, False)
    org = membership.organisation_id
    base = _filtered(Case.objects.all(), membership, user=user, filters=filters)
    # The pages before this one are read as sort keys only; the page's cases are then read whole.
    streams = []
    if membership.can_view_cases:
        streams.append(
            list(base.filter(owner_id=org).order_by(*LIST_ORDER).values_list("updated_at", "id")[:wanted])
        )
    referred = _case_ids(open_grants_to(org))
    if not isinstance(referred, list) or referred:
        streams.append(
            list(
                base.filter(pk__in=referred)
                .exclude(owner_id=org)
                .order_by(*LIST_ORDER)
                .values_list("updated_at", "id")[:wanted]
            )
        )
    merged = list(heapq.merge(*streams, reverse=True))
    start = (number - 1) * per_page
    ids = [pk for _, pk in merged[start : start + per_page]]
    # `or [0]`: an empty page runs the same query (no case has id 0), so the count stays constant.
    cases = (
        Case.objects.filter(pk__in=ids or [0]).select_related("owner", "assigned_to").order_by(*LIST_ORDER)
    )
    return WindowPage(list(cases), number, len(merged) > start + per_page)


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


HIGH_RISK = (RiskLevel.HIGH, RiskLevel.IMMEDIATE_DANGER)


def caseload(organisation_id: int, *, today: datetime.date | None = None) -> list[dict]:
    """Per caseworker of the organisation: open cases (and how many at high risk or in immediate
    danger), overdue tasks and referrals waiting past their deadline on those cases (four queries).

    Counts only. Cases count under their assigned caseworker; the last rows are the cases assigned to
    no one and those assigned to someone who is no longer a caseworker here.
    """
    from kompass.organisations.models import Membership

    members = list(
        Membership.objects.active()
        .with_capability("can_edit_cases")
        .filter(organisation_id=organisation_id)
        .select_related("user")
        .order_by("user__email")
    )
    open_cases = {
        row["assigned_to"]: row
        for row in Case.objects.filter(owner_id=organisation_id)
        .exclude(stage=Stage.CLOSED)
        .values("assigned_to")
        .annotate(open=Count("id"), high_risk=Count("id", filter=Q(risk_level__in=HIGH_RISK)))
    }
    overdue = dict(
        Task.objects.overdue(today)
        .filter(case__owner_id=organisation_id)
        .values_list("case__assigned_to")
        .annotate(n=Count("id"))
        .values_list("case__assigned_to", "n")
    )
    added = {column: counts(organisation_id) for column, counts in CASELOAD_COUNTS.items()}
    columns = ("open", "high_risk", "overdue_tasks", *added)

    def row(key, label, user=None) -> dict:
        counts: dict[str, Any] = dict(open_cases.get(key, {}))
        return {
            "label": label, "user": user, "open": counts.get("open", 0), "high_risk": counts.get("high_risk", 0),
            "overdue_tasks": overdue.get(key, 0), **{column: n.get(key, 0) for column, n in added.items()},
        }  # fmt: skip

    rows = [row(m.user_id, str(m.user), m.user) for m in members]
    rows.append(row(None, _("Not assigned")))
    known = {m.user_id for m in members} | {None}
    others = [row(key, "") for key in set(open_cases).union(overdue, *added.values()) if key not in known]
    if others:
        rows.append(
            {
                "label": _("Assigned to someone no longer a caseworker here"), "user": None,
                **{k: sum(o[k] for o in others) for k in columns},
            }
        )  # fmt: skip
    return rows


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


def partner_news(organisation_id: int, *, since: datetime.datetime, limit: int = 10) -> dict:
    """What partners did for the organisation's cases since `since` (four queries).

    `responses`: referrals it sent that the receiver accepted or declined; `deliveries`: services
    another organisation recorded for one of its cases. Newest first, at most `limit` each.
    """
    answers = PARTNER_ANSWERS.get("responses")
    responses, responses_count = answers(organisation_id, since=since, limit=limit) if answers else ([], 0)
    deliveries = ServiceDelivery.objects.filter(
        case__owner_id=organisation_id, recorded_at__gt=since
    ).exclude(provider_id=organisation_id)
    return {
        "since": since,
        "responses": responses,
        "responses_count": responses_count,
        "deliveries": list(
            deliveries.select_related("case", "provider").order_by("-recorded_at", "-id")[:limit]
        ),
        "deliveries_count": deliveries.count(),
    }


def dashboard(
    membership, *, today: datetime.date | None = None, since: datetime.datetime | None = None
) -> dict:
    """Everything the per-organisation dashboard shows, for what the role may use.

    `since`: the start of the member's news window (services.record_dashboard_visit); no news without.
    """
    today = today or timezone.localdate()
    data: dict = {"membership": membership}
    if membership is None:
        return data
    org = membership.organisation_id
    if membership.can_view_cases and since is not None:
        data["news"] = partner_news(org, since=since)
    if membership.can_view_cases:
        data["stages"] = open_cases_by_stage(org)
        data["open_total"] = sum(n for _, _, n in data["stages"])
        overdue = overdue_tasks(org, today=today)
        data["overdue"] = list(overdue[:5])
        data["overdue_count"] = overdue.count()
    if membership.is_coordinator:
        data["by_organisation"] = counts_by_organisation(membership.statistics_country)
    return data
