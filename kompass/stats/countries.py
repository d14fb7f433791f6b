"""ISO 3166-1 alpha-2 ↔ alpha-3: the table lives in `kompass.lib.countries` (names: `kompass.lib.names`);
and the regional scope of the statistics."""

from kompass.lib.countries import ALPHA2, ALPHA3, is_alpha3, to_alpha2, to_alpha3

__all__ = ["ALPHA2", "ALPHA3", "REGIONAL", "is_alpha3", "to_alpha2", "to_alpha3", "unknown_country_message"]

# The regional scope: every country of the coalition, each person counted once (decision 0050).
REGIONAL = "ALL"


def unknown_country_message(given: str) -> str:
    """What a command answers to a --country that is neither an alpha-3 code nor the regional scope."""
    alpha3 = to_alpha3(given.strip())
    hint = f" (its alpha-3 code is {alpha3})" if alpha3 else ""
    return (
        f"unknown country {given!r}{hint}: give an ISO 3166-1 alpha-3 code such as ROU, MDA or SRB, "
        f"or {REGIONAL} for the regional report"
    )
