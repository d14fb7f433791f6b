"""Names instead of codes, in the reader's language: countries, languages, age bands.

Country and language names come from Babel's CLDR data (a maintained library, every locale we
serve, Serbian in Latin script for `sr-latn`), never from hand-written tables. Each helper takes
the Django language code to write in, the active language when omitted, and answers the code itself
when it names nothing it knows (an unknown code is shown, never hidden).
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import translation

from kompass.lib.countries import to_alpha2

EN_DASH = "\u2013"


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(translation.to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def reader_locale(language: str | None = None) -> Locale:
    """Babel's locale for a Django language code ('sr-latn' → sr_Latn), the active one by default."""
    return _locale((language or translation.get_language() or "en").lower())


def _capitalised(name: str) -> str:
    # CLDR writes language names in lower case for ro, uk, ru, sr (as inside a sentence); standing
    # alone in a list cell or a label they start with a capital, as in every language we serve.
    return name[:1].upper() + name[1:] if name else name


def country_name(code: str | None, language: str | None = None) -> str:
    """'RS' or 'SRB' → 'Serbia' / 'Srbija' / 'Сербія'…; '' for no code; the code when unknown."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    iso2 = code if len(code) == 2 else to_alpha2(code)
    return reader_locale(language).territories.get(iso2, code) if iso2 else code


def language_name(code: str | None, language: str | None = None) -> str:
    """'uk' → 'Ukrainian' / 'ucraineană' → capitalised; 'sr-latn' → 'Serbian (Latin)'; the code when unknown."""
    code = (code or "").strip()
    if not code:
        return ""
    locale = reader_locale(language)
    try:
        named = Locale.parse(translation.to_locale(code.lower()))
    except (UnknownLocaleError, ValueError):
        name = locale.languages.get(code.lower())
    else:
        name = named.get_display_name(locale)
    return _capitalised(name) if name else code


def age_band_label(band: str | None) -> str:
    """A CTDC age band as people write it: '21--23' → '21–23', '09--17' → '9–17', '48+' → '48+'."""
    band = (band or "").strip()
    if "--" not in band:
        return band
    low, high = band.split("--", 1)
    return f"{int(low) if low.isdigit() else low}{EN_DASH}{high}"
