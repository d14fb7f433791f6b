"""The language of a page: the URL says it; a first visit follows the phone (docs/decisions/0021).

- `/uk/…`, `/ro/…`, `/ru/…`, `/sr-latn/…` are those languages; an unprefixed URL is English.
- A GET of an unprefixed page by a visitor who chose a language before (the language cookie), or
  whose browser asks for one of ours first (Accept-Language), is redirected to that language's URL.
  Nothing is stored for such a visitor: no cookie until they choose.
- A link from a country (`?country=RS` alone on a page, followed from outside: a poster's QR
  code, a campaign, a partner's site) opens in that country's language (sr-latn for Serbia, ro for
  Romania and Moldova, `organisations.models.COUNTRY_LANGUAGES`) for a visitor who has not chosen
  one and whose phone asks for none of our languages. The phone's language comes first (a
  Ukrainian phone in Serbia reads Ukrainian, as the schools' pupil links do).
- Choosing is using the switcher. Its links go straight to the same page in another language; the
  English link is `/en/…` (served as the unprefixed page, so that it is not redirected back to the
  browser's language). Arriving at a page from a page of this site in another language (its
  Referer), or through `/en/…`, is a choice: it is remembered in the language cookie for next time.
"""

from urllib.parse import unquote_plus, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

from kompass.organisations.models import COUNTRY_LANGUAGES

DEFAULT = settings.LANGUAGE_CODE
ENGLISH_PREFIX = f"/{DEFAULT}/"


def path_language(path: str) -> str:
    """The language a path of this site is in: its prefix, else English."""
    return translation.get_language_from_path(path) or DEFAULT


def browser_language(request: HttpRequest) -> str | None:
    """The remembered choice, else the first of the browser's languages that we have, else None."""
    remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if remembered:
        try:
            return translation.get_supported_language_variant(remembered)
        except LookupError:
            pass
    for accepted, _quality in translation.trans_real.parse_accept_lang_header(
        request.headers.get("Accept-Language", "")
    ):
        if accepted == "*":
            return None
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return None


def link_language(request: HttpRequest) -> str | None:
    """The language of the country an entry link names (`?country=RS` → sr-latn), for a visitor
    (not a signed-in member, who has their own language); None when it names none of ours.

    An entry link comes from outside (a QR code, a poster, a partner's site: no Referer of this
    site) and carries only the country. A form of this site that sends a country (the screening's
    start, the online pages' country choice) is an answer, not a link: its page keeps its language.
    """
    # Read from the raw query string: parsing request.GET here would raise on a query with too many
    # fields before the view (the API answers those with its own JSON 400).
    query = request.META.get("QUERY_STRING", "")
    if not query.startswith("country=") or "&" in query or ";" in query or _referer_path(request) is not None:
        return None
    country = unquote_plus(query[len("country=") :]).strip().upper()
    if not country or getattr(getattr(request, "user", None), "is_authenticated", False):
        return None
    language = COUNTRY_LANGUAGES.get(country)
    return language if language in dict(settings.LANGUAGES) else None


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, plus the first-visit redirect, `/en/` and the remembered choice."""

    def process_request(self, request: HttpRequest) -> None:
        request.language_chosen = None
        path = request.path_info
        if path.startswith(ENGLISH_PREFIX) or path == ENGLISH_PREFIX.rstrip("/"):
            unprefixed = path[len(ENGLISH_PREFIX) - 1 :] or "/"
            request.path = request.path[: len(request.path) - len(path)] + unprefixed
            request.path_info = unprefixed
            request.language_chosen = DEFAULT
        super().process_request(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if (
            request.method not in ("GET", "HEAD")
            or request.language_chosen
            or translation.get_language_from_path(request.path_info)
            or getattr(view_func, "chooses_language", False)
        ):
            return None
        language = browser_language(request) or link_language(request)
        if language is None or language == DEFAULT:
            return None
        target = f"/{language}{request.path_info}"
        urlconf = getattr(request, "urlconf", None)
        with translation.override(language):
            if not is_valid_path(target, urlconf):
                return None
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(
            get_script_prefix().rstrip("/") + target + (f"?{query}" if query else "")
        )
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if not translation.get_language_from_path(request.path_info):
            # An unprefixed page depends on the cookie and the browser's languages.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        chosen = getattr(request, "language_chosen", None) or _switched_to(request)
        if (
            chosen
            and response.status_code < 400
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def _referer_path(request: HttpRequest) -> str | None:
    """The path of the page of this site the request came from, or None."""
    referer = request.headers.get("Referer", "")
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(referer)
    if not parts.netloc:
        return None
    prefix = get_script_prefix().rstrip("/")
    return parts.path[len(prefix) :] if prefix and parts.path.startswith(prefix) else parts.path


def _switched_to(request: HttpRequest) -> str | None:
    """The page's language when the visitor came from a page of this site in another language."""
    referer_path = _referer_path(request)
    if referer_path is None or referer_path.startswith(settings.STATIC_URL):
        return None
    here = path_language(request.path_info)
    return here if path_language(referer_path) != here else None
