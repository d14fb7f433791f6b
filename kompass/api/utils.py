"""The API's one error shape, body parsing and view decorator (DOMAIN.md §6)."""

import json
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt


class ApiError(Exception):
    """Raise inside an API view to answer with the fixed error shape."""

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.status = status


def json_error(message: str, errors: dict[str, list[str]] | None = None, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message, "errors": errors or {}}, status=status)


def parse_json_body(request: HttpRequest, *, allowed: Iterable[str] | None = None) -> dict:
    """The request body as a JSON object; unknown top-level fields are errors when `allowed` is given."""
    if request.content_type != "application/json":
        raise ApiError("Send a JSON body with Content-Type: application/json.", status=415)
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(f"The body is not valid JSON: {exc}.")
    if not isinstance(data, dict):
        raise ApiError("The body must be a JSON object.")
    if allowed is not None:
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise ApiError("Unknown fields.", {name: ["Unknown field."] for name in unknown})
    return data


def form_errors(form) -> dict[str, list[str]]:
    return {field: [str(e) for e in errs] for field, errs in form.errors.items()}


def api_view(methods: tuple[str, ...] = ("GET",), *, csrf: bool = False) -> Callable:
    """JSON endpoint: method check, the fixed error shape, and language from ?language= or Accept-Language.

    Endpoints that use the session cookie for writes pass csrf=True to keep CSRF protection.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method not in methods:
                response = json_error(f"Method {request.method} is not allowed.", status=405)
                response["Allow"] = ", ".join(methods)
                return response
            language = request.GET.get("language")
            try:
                if language and language not in dict(settings.LANGUAGES):
                    raise ApiError("Unknown language.", {"language": ["Unknown language code."]})
                # override() restores the previous language afterwards: nothing leaks to the next request.
                with translation.override(language or translation.get_language()):
                    return view(request, *args, **kwargs)
            except ApiError as exc:
                return json_error(exc.message, exc.errors, exc.status)
            except Http404:
                return json_error("Not found.", status=404)
            except PermissionDenied:
                return json_error("Forbidden.", status=403)

        return wrapped if csrf else csrf_exempt(wrapped)

    return decorator
