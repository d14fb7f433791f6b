"""Public JSON of the schools programme's reach: aggregates only (for partners and funders)."""

from django.http import HttpRequest
from ninja import Field, Query, Router

from kompass.api.schemas import Output
from kompass.training import selectors
from kompass.training.models import ParentSession, SchoolSession

router = Router(tags=["training"])

REACH_FIELDS = ("pupils", "schools", "sessions", "teachers", "parents", "parent_sessions")


class TrainingReachFigures(Output):
    pupils: int = Field(ge=0)
    schools: int = Field(ge=0)
    sessions: int = Field(ge=0)
    teachers: int = Field(ge=0)
    parents: int = Field(ge=0)
    parent_sessions: int = Field(ge=0)


class TrainingReachYear(TrainingReachFigures):
    year: int
    pupils_running: int = Field(ge=0, description="Pupils reached up to the end of that year.")


class TrainingReachRegion(TrainingReachFigures):
    country: str
    region: str


class TrainingReach(Output):
    country: str | None
    total: TrainingReachFigures
    by_year: list[TrainingReachYear]
    by_region: list[TrainingReachRegion]


@router.get(
    "reach", response={200: TrainingReach}, summary="Reach of the schools programme (aggregates only)"
)
def reach(
    request: HttpRequest,
    country: str | None = Query(
        None, pattern=r"^[A-Z]{2}$", description="Only schools in this country (ISO 3166-1 alpha-2)."
    ),
):
    """Pupils, schools, sessions, teachers and parents reached by the coalition's schools programme on
    digital safety: in all, by calendar year (with a running total of pupils) and by region. No school
    or person is named. A school counts once in each group, so school totals are not sums of the rows."""
    sessions, parents = SchoolSession.objects.all(), ParentSession.objects.all()
    if country is not None:
        sessions = sessions.filter(school__country=country)
        parents = parents.filter(school__country=country)
    report = selectors.reach_report(sessions=sessions, parent_sessions=parents)
    return {
        "country": country,
        "total": {name: getattr(report.total, name) for name in REACH_FIELDS},
        "by_year": [
            {"year": y["year"], "pupils_running": y["pupils_running"], **{n: y[n] for n in REACH_FIELDS}}
            for y in report.years
        ],
        "by_region": [
            {"country": r["country"], "region": r["region"], **{n: r[n] for n in REACH_FIELDS}}
            for r in report.regions
        ],
    }
