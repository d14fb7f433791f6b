"""Read-side queries of the training app: reach of the schools programme, knowledge-check scores
and the monthly counts behind the impact page. Each function runs a fixed number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Case, Count, IntegerField, Max, Min, Sum, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from kompass.lib.places.regions import region_key
from kompass.training import impact
from kompass.training.codes import Module, Phase
from kompass.training.models import (
    CheckAnswer,
    CheckResponse,
    ParentSession,
    SchoolSession,
    SchoolSessionVisit,
    Training,
)

# ---------------------------------------------------------------- reach of the schools programme


@dataclass
class Reach:
    pupils: int = 0
    schools: int = 0
    sessions: int = 0
    teachers: int = 0
    parents: int = 0
    parent_sessions: int = 0
    page_opens: int = 0  # openings of the sessions' pupil QR codes (counted, never tracked)


@dataclass
class ReachReport:
    rows: list[dict] = field(default_factory=list)  # one per (country, region, year)
    regions: list[dict] = field(default_factory=list)  # one per (country, region), all years
    years: list[dict] = field(default_factory=list)  # one per year, with running totals
    total: Reach = field(default_factory=Reach)


def _year_bucket(field: str, first: date | None, last: date | None):
    """The calendar year of a date column as a plain CASE expression.

    ExtractYear runs as a Python function per row on SQLite; comparisons with year boundaries run
    natively on every database and use the index on the date.
    """
    if first is None or last is None:
        return Value(None, output_field=IntegerField())
    whens = [
        When(**{f"{field}__lt": date(year + 1, 1, 1)}, then=Value(year))
        for year in range(first.year, last.year + 1)
    ]
    return Case(*whens, default=Value(None), output_field=IntegerField())


def reach_report(*, sessions=None, parent_sessions=None) -> ReachReport:
    """Pupils, schools and sessions by region and year, by region, by year and in all (4 queries).

    One grouped query returns a row per school and year; the totals are summed from those rows in
    Python. Schools are counted once per group: a school visited in two years counts once in the
    region's total, so region totals are not the sum of the yearly rows.
    """
    sessions = SchoolSession.objects.all() if sessions is None else sessions
    parent_sessions = ParentSession.objects.all() if parent_sessions is None else parent_sessions
    bounds = sessions.aggregate(first=Min("date"), last=Max("date"))
    place = ("school__country", "school__region")
    per_school = (
        sessions.annotate(year=_year_bucket("date", bounds["first"], bounds["last"]))
        .values("school_id", *place, "year")
        .annotate(pupils=Sum("pupils_reached"), sessions=Count("id"), teachers=Sum("teachers_present"))
        .order_by()
    )
    groups: dict[tuple, dict] = defaultdict(
        lambda: {
            "pupils": 0,
            "sessions": 0,
            "teachers": 0,
            "schools": set(),
            "parents": 0,
            "parent_sessions": 0,
            "page_opens": 0,
        }
    )
    for row in per_school:
        keys = (
            (row["school__country"], row["school__region"], row["year"]),
            (row["school__country"], row["school__region"]),
            (row["year"],),
            (),
        )
        for key in keys:
            group = groups[key]
            group["pupils"] += row["pupils"] or 0
            group["sessions"] += row["sessions"]
            group["teachers"] += row["teachers"] or 0
            group["schools"].add(row["school_id"])
    parents = (
        parent_sessions.values(*place, "date")
        .annotate(parents=Sum("parents_reached"), parent_sessions=Count("id"))
        .order_by()
    )
    for row in parents:
        year = row["date"].year
        for key in (
            (row["school__country"], row["school__region"], year),
            (row["school__country"], row["school__region"]),
            (year,),
            (),
        ):
            groups[key]["parents"] += row["parents"] or 0
            groups[key]["parent_sessions"] += row["parent_sessions"]
    # Pupils who opened the online-safety pages from a session's QR code, by the day they did.
    visits = (
        SchoolSessionVisit.objects.filter(session__in=sessions)
        .values("session__school__country", "session__school__region", "day")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for row in visits:
        country, region, year = (
            row["session__school__country"],
            row["session__school__region"],
            row["day"].year,
        )
        for key in ((country, region, year), (country, region), (year,), ()):
            groups[key]["page_opens"] += row["n"] or 0

    def make(key: tuple, **where) -> dict:
        group = groups[key]
        return {
            **where,
            "pupils": group["pupils"],
            "schools": len(group["schools"]),
            "sessions": group["sessions"],
            "teachers": group["teachers"],
            "parents": group["parents"],
            "parent_sessions": group["parent_sessions"],
            "page_opens": group["page_opens"],
        }

    report = ReachReport()
    group_keys = [k for k in groups if k]
    report.rows = [
        make(k, country=k[0], region=k[1], year=k[2])
        for k in sorted((k for k in group_keys if len(k) == 3), key=lambda k: (k[0], k[1], k[2] or 0))
    ]
    running_by_region: dict[tuple, int] = defaultdict(int)
    for row in report.rows:  # sorted by region, then year
        running_by_region[(row["country"], row["region"])] += row["pupils"]
        row["pupils_running"] = running_by_region[(row["country"], row["region"])]
    report.regions = [
        make(k, country=k[0], region=k[1], year=None) for k in sorted(k for k in group_keys if len(k) == 2)
    ]
    running = 0
    for k in sorted((k for k in group_keys if len(k) == 1), key=lambda k: k[0] or 0):
        row = make(k, country=None, region=None, year=k[0])
        running += row["pupils"]
        row["pupils_running"] = running
        report.years.append(row)
    total = make(())
    report.total = Reach(
        **{
            name: total[name]
            for name in (
                "pupils",
                "schools",
                "sessions",
                "teachers",
                "parents",
                "parent_sessions",
                "page_opens",
            )
        }
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
    for answer in answers:
        _add(
            per_module.setdefault(answer["module"], ScoreChange()),
            answer["response__phase"],
            answer["correct"],
            answer["total"],
            answer["n"],
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


def _month_bucket(field: str, months: list[date], *, aware: bool):
    """The index of the month (in `months`) a date or datetime column falls in, as a CASE expression.

    TruncMonth runs as a Python function per row on SQLite; comparing with month boundaries (in the
    local time zone for datetimes) runs natively on every database. The comparisons are nested as a
    balanced binary search, so each row needs about log2(months) of them. Rows outside are NULL.
    """
    if not months:
        return Value(None, output_field=IntegerField())

    def boundary(index: int):
        month = impact.add_months(months[0], index)
        return timezone.make_aware(datetime.combine(month, datetime.min.time())) if aware else month

    def node(lo: int, hi: int):
        if hi - lo == 1:
            return Value(lo, output_field=IntegerField())
        mid = (lo + hi) // 2
        return Case(
            When(**{f"{field}__lt": boundary(mid)}, then=node(lo, mid)),
            default=node(mid, hi),
            output_field=IntegerField(),
        )

    return Case(
        When(**{f"{field}__lt": boundary(0)}, then=Value(None)),
        When(**{f"{field}__gte": boundary(len(months))}, then=Value(None)),
        default=node(0, len(months)),
        output_field=IntegerField(),
    )


def report_month_counts(*, months: list[date], **filters) -> dict[tuple, Counter]:
    """Screening reports per (sector, country, region) and month, for the given months (1 query)."""
    from kompass.screening.models import Report

    rows = (
        Report.objects.filter(**filters)
        .annotate(month=_month_bucket("created_at", months, aware=True))
        .exclude(month=None)
        .values("sector", "country", "region", "month")
        .annotate(n=Count("id"))
        .values_list("sector", "country", "region", "month", "n")
        .order_by()
    )
    out: dict[tuple, Counter] = defaultdict(Counter)
    for sector, country, region, month, n in rows:
        out[(sector, country, region_key(region))][months[month]] += n
    return out


def case_month_counts(*, months: list[date], **filters) -> dict[tuple, Counter]:
    """Cases per identifying sector, country, region and month of identification (1 query)."""
    from kompass.cases.models import Case as CaseRecord

    rows = (
        CaseRecord.objects.exclude(identifying_sector="")
        .filter(**filters)
        .annotate(month=_month_bucket("identified_on", months, aware=False))
        .exclude(month=None)
        .values("identifying_sector", "country", "region", "month")
        .annotate(n=Count("id"))
        .values_list("identifying_sector", "country", "region", "month", "n")
        .order_by()
    )
    out: dict[tuple, Counter] = defaultdict(Counter)
    for sector, country, region, month, n in rows:
        out[(sector, country, region_key(region))][months[month]] += n
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
        "reports": impact.month_start(first_report) if first_report else None,
        "cases": impact.month_start(first_case) if first_case else None,
    }


def training_places(trainings=None) -> list[dict]:
    """(sector, country, region) with in-person trainings: first date, count, participants (1 query).

    Spellings of one region are merged; the place is shown with the spelling used most often.
    """
    trainings = Training.objects.all() if trainings is None else trainings
    rows = (
        trainings.filter(is_online=False)
        .values("audience_sector", "country", "region")
        .annotate(first=Min("date"), n=Count("id"), participants=Sum("participant_count"))
        .order_by("audience_sector", "country", "region")
    )
    places: dict[tuple, dict] = {}
    for row in rows:
        key = (row["audience_sector"], row["country"], region_key(row["region"]))
        place = places.get(key)
        if place is None:
            places[key] = {**row, "key": key, "participants": row["participants"] or 0, "_spelling": row["n"]}
            continue
        if row["n"] > place["_spelling"]:
            place["region"], place["_spelling"] = row["region"], row["n"]
        place["first"] = min(place["first"], row["first"])
        place["n"] += row["n"]
        place["participants"] += row["participants"] or 0
    return [{k: v for k, v in p.items() if k != "_spelling"} for p in places.values()]


def trainings_at(*, sector: str, country: str, region: str) -> list[Training]:
    key = region_key(region)
    candidates = (
        Training.objects.filter(audience_sector=sector, country=country, is_online=False)
        .select_related("organisation")
        .order_by("date")
    )
    return [t for t in candidates if region_key(t.region) == key]


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


def _observed(start: date | None, last: date) -> list[date]:
    """The observed months: from the first record to the last complete month."""
    return impact.months_between(start, last) if start else []


def _compare(counts: Counter, start: date | None, training_month: date, last: date) -> impact.Comparison:
    if start is None:  # no report (or case) anywhere yet: nothing has been observed
        return impact.Comparison(
            training_month=training_month,
            months_before=0,
            months_after=0,
            count_before=0,
            count_after=0,
            sufficient=False,
            reason="no_data",
        )
    return impact.compare_before_after(
        counts, training_month=training_month, first_month=start, last_month=last
    )


def impact_overview(*, today: date | None = None) -> list[PlaceImpact]:
    """For every (sector, country, region) with trainings: before/after the first training (5 queries)."""
    last = last_complete_month(today)
    start = data_start()
    reports = report_month_counts(months=_observed(start["reports"], last))
    cases = case_month_counts(months=_observed(start["cases"], last))
    out = []
    for place in training_places():
        key = place["key"]
        month = impact.month_start(place["first"])
        out.append(
            PlaceImpact(
                sector=place["audience_sector"],
                country=place["country"],
                region=place["region"],
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
    # Every spelling of the region is counted: the filter stops at the country, the key merges the rest.
    key = (sector, country, region_key(region))
    reports = report_month_counts(
        months=_observed(start["reports"], last), sector=sector, country=country
    ).get(key, Counter())
    cases = case_month_counts(
        months=_observed(start["cases"], last), identifying_sector=sector, country=country
    ).get(key, Counter())
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
