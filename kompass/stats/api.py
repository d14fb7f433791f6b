"""JSON API of the statistics app: the annual NRM report (docs/interfaces.md §6 item 5) over HTTP."""

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router

from kompass.api.auth import STAFF, require
from kompass.api.errors import ApiError
from kompass.api.schemas import Output
from kompass.stats import countries
from kompass.stats.disclosure import DEFAULT_THRESHOLD, Method
from kompass.stats.report import REGIONAL, nrm_statistics
from kompass.stats.services import ensure_linkage_current

router = Router(tags=["stats"], auth=STAFF)

NullableCount = int | None


class NrmReport(Output):
    """Persons counted once across organisations; a cell withheld by disclosure control is null."""

    year: int
    country: str
    victims: NullableCount = Field(ge=0)
    by_sex: dict[str, NullableCount]
    by_age_group: dict[str, NullableCount]
    by_citizenship: dict[str, NullableCount]
    by_exploitation: dict[str, NullableCount]
    exploited_domestically: NullableCount = Field(ge=0)
    exploited_abroad: NullableCount = Field(ge=0)
    recruited_online: NullableCount = Field(ge=0)
    by_recruitment_platform: dict[str, NullableCount]
    suppressed_cells: int = Field(ge=0)


@router.get("nrm", response={200: NrmReport}, summary="The annual NRM report (disclosure-controlled)")
def nrm(
    request: HttpRequest,
    year: int = Query(..., ge=1900, le=2100),
    country: str | None = Query(
        None,
        pattern=r"^[A-Za-z]{3}$",
        description="ISO 3166-1 alpha-3 (default: the caller's country for a national coordinator), or ALL: the regional report, each person counted once across countries.",
    ),
    threshold: int = Query(DEFAULT_THRESHOLD, ge=1, description="Smallest count published."),
):
    """The same JSON as `manage.py nrm_statistics --year YYYY --format json`. Needs the statistics
    capability (a national coordinator for its own country; the regional body and the
    platform auditor for any)."""
    membership = require(request.auth, "can_view_statistics")
    regional = country is not None and country.upper() == REGIONAL
    if country is not None and not regional and not countries.is_alpha3(country.upper()):
        raise ApiError("Invalid query.", {"country": ["Unknown ISO 3166-1 alpha-3 country code."]})
    own = membership.statistics_country
    if regional:
        if not membership.can_view_regional_statistics:
            raise Http404
    elif country is None and own:
        country = countries.to_alpha3(own)
    elif country is not None and not membership.sees_country(countries.to_alpha2(country)):
        raise Http404  # another country's coordinator: its statistics do not exist for this caller
    ensure_linkage_current()
    return nrm_statistics(year=year, country=country.upper() if country else None,
                          method=Method(threshold=threshold))  # fmt: skip
