"""Read-side queries of the training app: reach of the schools programme, knowledge-check scores
and the monthly counts behind the impact page. Each function runs a fixed number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, Min, Sum
from django.db.models.functions import Cast, ExtractYear, TruncMonth
from django.utils import timezone

from kompass.training import impact
from kompass.training.codes import Module, Phase
from kompass.training.models import CheckAnswer, CheckResponse, ParentSession, SchoolSession, Training

# ---------------------------------------------------------------- reach of the schools programme


@dataclass
class Reach:
    pupils: int = 0
    schools: int = 0
    sessions: int = 0
    teachers: int = 0
    parents: int = 0
    parent_sessions: int = 0


@dataclass
class ReachReport:
    rows: list[dict] = field(default_factory=list)  # one per (country, region, year)
    regions: list[dict] = field(default_factory=list)  # one per (country, region), all years
    years: list[dict] = field(default_factory=list)  # one per year, with running totals
    total: Reach = field(default_factory=Reach)


def _session_aggregates():
    return {
        "pupils": Sum("pupils_reached"),
        "sessions": Count("id"),
        "schools": Count("school", distinct=True),
        "teachers": Sum("teachers_present"),
    }


def reach_report(*, sessions=None, parent_sessions=None) -> ReachReport:
    """Pupils, schools and sessions by region and year, by region, by year and in all (5 queries).

    Schools are counted once per group: a school visited in two years counts once in the region's
    total, so region totals are not the sum of the yearly rows.
    """
    sessions = SchoolSession.objects.all() if sessions is None else sessions
    parent_sessions = ParentSession.objects.all() if parent_sessions is None else parent_sessions
    year = ExtractYear("date")
    place = ("school__country", "school__region")

    by_region_year = (
        sessions.values(*place, year=year).annotate(**_session_aggregates()).order_by(*place, "year")
    )
    by_region = sessions.values(*place).annotate(**_session_aggregates()).order_by(*place)
    by_year = sessions.values(year=year).annotate(**_session_aggregates()).order_by("year")
    total = sessions.aggregate(**_session_aggregates())
    parents = (
        parent_sessions.values(*place, year=year)
        .annotate(parents=Sum("parents_reached"), parent_sessions=Count("id"))
        .order_by()
    )

    parents_at: dict[tuple, Reach] = defaultdict(Reach)
    for row in parents:
        for key in (
            (row["school__country"], row["school__region"], row["year"]),
            (row["school__country"], row["school__region"]),
            (row["year"],),
            (),
        ):
            parents_at[key].parents += row["parents"] or 0
            parents_at[key].parent_sessions += row["parent_sessions"]

    def make(row: dict, key: tuple) -> dict:
        return {
            "country": row.get("school__country"),
            "region": row.get("school__region"),
            "year": row.get("year"),
            "pupils": row["pupils"] or 0,
            "schools": row["schools"],
            "sessions": row["sessions"],
            "teachers": row["teachers"] or 0,
            "parents": parents_at[key].parents,
            "parent_sessions": parents_at[key].parent_sessions,
        }

    report = ReachReport()
    report.rows = [make(r, (r["school__country"], r["school__region"], r["year"])) for r in by_region_year]
    report.regions = [make(r, (r["school__country"], r["school__region"])) for r in by_region]
    running = 0
    for r in by_year:
        row = make(r, (r["year"],))
        running += row["pupils"]
        row["pupils_running"] = running
        report.years.append(row)
    report.total = Reach(
        pupils=total["pupils"] or 0,
        schools=total["schools"],
        sessions=total["sessions"],
        teachers=total["teachers"] or 0,
        parents=parents_at[()].parents,
        parent_sessions=parents_at[()].parent_sessions,
    )
    return report


# ---------------------------------------------------------------- knowledge checks


@dataclass
class ScoreChange:
    """Share of correct answers before and after, pooled over participants, in percent."""

    pre_correct: int = 0
    pre_total: int = 0
    post_correct: int = 0
    post_total: int = 0
    pre_participants: int = 0
    post_participants: int = 0

    @property
    def pre_percent(self) -> float | None:
        return 100.0 * self.pre_correct / self.pre_total if self.pre_total else None

    @property
    def post_percent(self) -> float | None:
        return 100.0 * self.post_correct / self.post_total if self.post_total else None

    @property
    def change(self) -> float | None:
        if self.pre_percent is None or self.post_percent is None:
            return None
        return self.post_percent - self.pre_percent


@dataclass
class CheckResults:
    overall: ScoreChange
    modules: list[tuple[str, ScoreChange]]
    paired: int  # participants who took both tests on the same phone
    paired_change: float | None  # mean of their individual changes, in percentage points
    passed: int


def check_results(trainings) -> CheckResults:
    """Scores before and after for a set of trainings, overall and per module (3 queries)."""
    from kompass.training.codes import PASS_MARK_PERCENT

    responses = CheckResponse.objects.filter(training__in=trainings)
    overall = ScoreChange()
    for row in (
        responses.values("phase").annotate(correct=Sum("score"), total=Sum("total"), n=Count("id")).order_by()
    ):
        _add(overall, row["phase"], row["correct"], row["total"], row["n"])

    per_module: dict[str, ScoreChange] = {}
    answers = (
        CheckAnswer.objects.filter(response__training__in=trainings)
        .values("response__phase", "module")
        .annotate(
            correct=Sum(Cast("is_correct", IntegerField())),
            total=Count("id"),
            n=Count("response", distinct=True),
        )
        .order_by()
    )
    for row in answers:
        _add(
            per_module.setdefault(row["module"], ScoreChange()),
            row["response__phase"],
            row["correct"],
            row["total"],
            row["n"],
        )
    modules = [(m.value, per_module[m.value]) for m in Module if m.value in per_module]

    by_participant: dict[tuple, dict[str, float]] = defaultdict(dict)
    passed = 0
    for r in responses.values("training_id", "participant", "phase", "score", "total"):
        percent = 100.0 * r["score"] / r["total"] if r["total"] else 0.0
        by_participant[(r["training_id"], r["participant"])][r["phase"]] = percent
        if r["phase"] == Phase.POST and percent >= PASS_MARK_PERCENT:
            passed += 1
    changes = [p[Phase.POST] - p[Phase.PRE] for p in by_participant.values() if len(p) == 2]
    return CheckResults(
        overall=overall,
        modules=modules,
        paired=len(changes),
        paired_change=sum(changes) / len(changes) if changes else None,
        passed=passed,
    )


def _add(score: ScoreChange, phase: str, correct, total, n) -> None:
    if phase == Phase.PRE:
        score.pre_correct += correct or 0
        score.pre_total += total or 0
        score.pre_participants += n
    else:
        score.post_correct += correct or 0
        score.post_total += total or 0
        score.post_participants += n


# ---------------------------------------------------------------- impact: monthly counts


def last_complete_month(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return impact.add_months(impact.month_start(today), -1)


def _month_key(value) -> date:
    return impact.month_start(value)


def report_month_counts(**filters) -> dict[tuple, Counter]:
    """Screening reports per (sector, country, region) and month (1 query)."""
    from kompass.screening.models import Report

    rows = (
        Report.objects.filter(**filters)
        .annotate(month=TruncMonth("created_at"))
        .values("sector", "country", "region", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[tuple, Counter] = defaultdict(Counter)
    for row in rows:
        out[(row["sector"], row["country"], row["region"])][_month_key(row["month"])] += row["n"]
    return out


def case_month_counts(**filters) -> dict[tuple, Counter]:
    """Cases per identifying sector, country, region and month of identification (1 query)."""
    from kompass.cases.models import Case

    rows = (
        Case.objects.exclude(identifying_sector="")
        .filter(**filters)
        .annotate(month=TruncMonth("identified_on"))
        .values("identifying_sector", "country", "region", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[tuple, Counter] = defaultdict(Counter)
    for row in rows:
        out[(row["identifying_sector"], row["country"], row["region"])][_month_key(row["month"])] += row["n"]
    return out


def data_start() -> dict[str, date | None]:
    """The first month with any report and any case: the start of the observed period (2 queries)."""
    from kompass.cases.models import Case
    from kompass.screening.models import Report

    first_report = Report.objects.aggregate(first=Min("created_at"))["first"]
    first_case = Case.objects.aggregate(first=Min("identified_on"))["first"]
    if first_report is not None:
        first_report = timezone.localtime(first_report)
    return {
        "reports": _month_key(first_report) if first_report else None,
        "cases": _month_key(first_case) if first_case else None,
    }


def training_places(trainings=None) -> list[dict]:
    """(sector, country, region) with in-person trainings: first date, last date, count (1 query)."""
    trainings = Training.objects.all() if trainings is None else trainings
    return list(
        trainings.filter(is_online=False)
        .values("audience_sector", "country", "region")
        .annotate(first=Min("date"), n=Count("id"), participants=Sum("participant_count"))
        .order_by("audience_sector", "country", "region")
    )


def trainings_at(*, sector: str, country: str, region: str) -> list[Training]:
    return list(
        Training.objects.filter(audience_sector=sector, country=country, region=region, is_online=False)
        .select_related("organisation")
        .order_by("date")
    )


# ---------------------------------------------------------------- impact: assembled figures


@dataclass
class PlaceImpact:
    sector: str
    country: str
    region: str
    trainings: int
    participants: int
    first_training: date
    reports: impact.Comparison
    cases: impact.Comparison

    @property
    def comparisons(self) -> tuple[impact.Comparison, impact.Comparison]:
        return self.reports, self.cases


def _compare(counts: Counter, start: date | None, training_month: date, last: date) -> impact.Comparison:
    # Without any data yet the observed period is empty: the comparison then says "too few data".
    first = start or impact.add_months(last, 1)
    return impact.compare_before_after(
        counts, training_month=training_month, first_month=first, last_month=last
    )


def impact_overview(*, today: date | None = None) -> list[PlaceImpact]:
    """For every (sector, country, region) with trainings: before/after the first training (5 queries)."""
    last = last_complete_month(today)
    start = data_start()
    reports = report_month_counts()
    cases = case_month_counts()
    out = []
    for place in training_places():
        key = (place["audience_sector"], place["country"], place["region"])
        month = impact.month_start(place["first"])
        out.append(
            PlaceImpact(
                sector=key[0],
                country=key[1],
                region=key[2],
                trainings=place["n"],
                participants=place["participants"] or 0,
                first_training=place["first"],
                reports=_compare(reports.get(key, Counter()), start["reports"], month, last),
                cases=_compare(cases.get(key, Counter()), start["cases"], month, last),
            )
        )
    return out


@dataclass
class ImpactDetail:
    sector: str
    country: str
    region: str
    trainings: list
    pivot: Training
    months: list[date]
    reports: list[int]
    cases: list[int]
    report_comparison: impact.Comparison
    case_comparison: impact.Comparison
    windows: tuple


def impact_detail(
    *, sector: str, country: str, region: str, pivot_code=None, today: date | None = None
) -> ImpactDetail | None:
    """Monthly series and the before/after comparison around one training of the place (5 queries)."""
    trainings = trainings_at(sector=sector, country=country, region=region)
    if not trainings:
        return None
    pivot = next((t for t in trainings if str(t.code) == str(pivot_code)), trainings[0])
    last = last_complete_month(today)
    start = data_start()
    key = (sector, country, region)
    reports = report_month_counts(sector=sector, country=country, region=region).get(key, Counter())
    cases = case_month_counts(identifying_sector=sector, country=country, region=region).get(key, Counter())
    pivot_month = impact.month_start(pivot.date)
    firsts = [m for m in (start["reports"], start["cases"]) if m] or [pivot_month]
    first_month = min(*firsts, impact.add_months(pivot_month, -impact.WINDOW_MONTHS))
    months = impact.months_between(max(first_month, impact.add_months(last, -71)), last)
    report_cmp = _compare(reports, start["reports"], pivot_month, last)
    case_cmp = _compare(cases, start["cases"], pivot_month, last)
    windows = (
        (impact.add_months(pivot_month, -report_cmp.months_before), impact.add_months(pivot_month, -1)),
        (impact.add_months(pivot_month, 1), impact.add_months(pivot_month, report_cmp.months_after)),
    )
    return ImpactDetail(
        sector=sector,
        country=country,
        region=region,
        trainings=trainings,
        pivot=pivot,
        months=months,
        reports=[reports.get(m, 0) for m in months],
        cases=[cases.get(m, 0) for m in months],
        report_comparison=report_cmp,
        case_comparison=case_cmp,
        windows=windows,
    )
