"""ISO 3166-1 alpha-2 ↔ alpha-3: the table lives in `kompass.lib.countries` (names: `kompass.lib.names`)."""

from kompass.lib.countries import ALPHA2, ALPHA3, is_alpha3, to_alpha2, to_alpha3

__all__ = ["ALPHA2", "ALPHA3", "is_alpha3", "to_alpha2", "to_alpha3"]
