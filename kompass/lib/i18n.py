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
