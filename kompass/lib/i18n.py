"""Per-language content stored as data: one fallback helper."""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated(value: dict | None, language: str | None = None) -> str:
    """The text in `language` (default: the active one), else English, else any language present."""
    if not value:
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for code in (language, language.split("-")[0], settings.LANGUAGE_CODE):
        if value.get(code):
            return value[code]
    return next((text for text in value.values() if text), "")


def missing_languages(value: dict | None) -> list[str]:
    """The configured languages without text in `value` (for validation of translated data)."""
    value = value or {}
    return [code for code in LANGUAGE_CODES if not (value.get(code) or "").strip()]


def chooses_language(view):
    """Mark a view that picks its language itself (a QR code's landing page), so that the first-visit
    redirect of `kompass.core.middleware.LanguageMiddleware` leaves it alone."""
    view.chooses_language = True
    return view


def language_name(code: str) -> str:
    """A language code ("ro", "sr-latn") named in the active language, from Django's own translated
    language list; "" for none, the code itself when Django does not know it."""
    if not code:
        return ""
    try:
        return str(translation.get_language_info(code)["name_translated"]).strip()
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    """Every language Django names (one entry per language, Serbian Latin included), as (code, name
    in the active language), sorted by that name."""
    from django.conf.locale import LANG_INFO

    codes = [
        code for code, info in LANG_INFO.items() if "name" in info and ("-" not in code or code == "sr-latn")
    ]
    return sorted(((code, language_name(code)) for code in codes), key=lambda pair: pair[1].casefold())
