"""`/api/v1/`: one django-ninja API. Each installed app with an `api` module holding a `router` gets
`/api/v1/<app label>/`; request and response schemas, validation and the OpenAPI document all come from
those routers (docs/decisions/0025-api-django-ninja.md).

What every endpoint shares lives here: the error shape for every failure (pydantic's included),
`?language=`, unknown query parameters and non-JSON bodies as errors, JSON 404 and 405.
"""

import json
from functools import wraps
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import module_has_submodule
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError, ValidationErrorContext
from ninja.parser import Parser
from ninja.renderers import JSONRenderer

from kompass.api.errors import ApiError, from_django, json_error, pydantic_errors
from kompass.api.schemas import LANGUAGE_CODES, Output
from kompass.core.ratelimit import API_GROUPS, exceeded

UNSET = object()


class RequestInvalid(ValidationError):
    """pydantic's errors for one request, keyed by dotted field path."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__([])
        self.fields = fields


class Renderer(JSONRenderer):
    # Cyrillic place names stay readable and short; NaN or infinity would not be JSON, so they fail loudly.
    json_dumps_params = {"ensure_ascii": False, "allow_nan": False}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class JsonParser(Parser):
    """Strict JSON (no NaN or Infinity); the body was parsed once by `_prepare`."""

    def parse_body(self, request: HttpRequest) -> Any:
        cached = getattr(request, "_api_json", UNSET)
        if cached is not UNSET:
            return cached
        return json.loads(request.body, parse_constant=_reject_constant)


def _language(request: HttpRequest) -> str:
    if "language" not in request.GET:
        return translation.get_language() or "en"
    language = request.GET["language"]
    if language not in LANGUAGE_CODES:
        raise ApiError("Unknown language.", {"language": ["Unknown language code."]})
    return language


def _body_is_empty(request: HttpRequest) -> bool:
    # A form post with no fields (what many clients send for "no body") counts as no body.
    if not request.body:
        return True
    if not request.content_type.startswith("multipart/"):
        return False
    request.upload_handlers = []  # a file in the form is read past, never written anywhere
    try:
        return not request.POST and not request.FILES
    except MultiPartParserError:
        return False


def _read_body(request: HttpRequest, *, takes_body: bool, body_required: bool) -> None:
    if _body_is_empty(request):
        if body_required:
            raise ApiError("The body must be a JSON object.")
        request._api_json = None
        return
    if request.content_type != "application/json":
        raise ApiError("Send a JSON body with Content-Type: application/json.", status=415)
    try:
        data = json.loads(request.body, parse_constant=_reject_constant)
        bad = dict(_unstorable(data))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(f"The body is not valid JSON: {exc}.")
    except RecursionError:
        raise ApiError("The body is nested too deeply.")
    if not isinstance(data, dict):
        raise ApiError("The body must be a JSON object.")
    if not takes_body and data:
        raise ApiError("This request takes no body.", {name: ["Unknown field."] for name in sorted(data)})
    if bad:
        raise ApiError("The request is not valid.", bad)
    request._api_json = data


def _unstorable(value: Any, path: str = ""):
    """(path, message) for each string no database column can hold: NUL characters, lone surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            yield path or "body", ["Text may not contain NUL characters."]
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                yield path or "body", ["Text must be valid Unicode."]
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unstorable(key, f"{path}.{key}".lstrip(".") if isinstance(key, str) else path)
            yield from _unstorable(item, f"{path}.{key}".lstrip("."))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _unstorable(item, f"{path}.{i}".lstrip("."))


def _prepare(run):
    """Wraps every operation (before authentication and validation): language, query, body."""
    operation = run.__self__
    query_names, body_models = {"language"}, []
    for model in operation.models:
        if model.__ninja_param_source__ == "query":
            query_names |= set(model.__ninja_flatten_map__)
        elif model.__ninja_param_source__ == "body":
            body_models.append(model)
    body_required = any(field.is_required() for model in body_models for field in model.model_fields.values())

    @wraps(run)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not operation.auth_callbacks:  # a public operation: rate-limited per client address
            groups = ["api"] + (
                [API_GROUPS[name]] if (name := _operation_name(operation)) in API_GROUPS else []
            )
            wait = exceeded(request, groups)
            if wait:
                response = operation.api.on_exception(
                    request, ApiError("Too many requests from your address: wait and try again.", status=429)
                )
                response["Retry-After"] = str(wait)
                return response
        try:
            language = _language(request)
            unknown = sorted(set(request.GET) - query_names)
            if unknown:
                raise ApiError("Unknown parameters.", {name: ["Unknown parameter."] for name in unknown})
            bad = dict(_unstorable({name: request.GET.getlist(name) for name in request.GET}))
            if bad:
                raise ApiError("The request is not valid.", {k.split(".")[0]: v for k, v in bad.items()})
            if request.method in ("POST", "PUT", "PATCH", "DELETE"):
                _read_body(request, takes_body=bool(body_models), body_required=body_required)
        except RequestDataTooBig:
            return operation.api.on_exception(request, ApiError("The body is too large.", status=413))
        except SuspiciousOperation as exc:  # e.g. too many query parameters
            return operation.api.on_exception(request, ApiError(str(exc) or "Bad request."))
        except ApiError as exc:
            return operation.api.on_exception(request, exc)
        # override() restores the previous language afterwards: nothing leaks to the next request.
        with translation.override(language):
            return run(request, *args, **kwargs)

    return wrapped


class KompassAPI(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts: list[ValidationErrorContext]):
        fields: dict[str, list[str]] = {}
        for context in error_contexts:
            model = context.model
            # A body read into one schema parameter: drop that parameter's name from the path.
            strip = 1 if getattr(model, "__read_from_single_attr__", None) else 0
            if model.__ninja_param_source__ != "body":
                errors = [
                    {**e, "loc": model.__ninja_flatten_map_reverse__.get(e["loc"], e["loc"])}
                    for e in context.pydantic_validation_error.errors(include_url=False)
                ]
                for name, messages in pydantic_errors(errors, strip=0).items():
                    fields.setdefault(name, []).extend(messages)
                continue
            for name, messages in pydantic_errors(
                context.pydantic_validation_error.errors(include_url=False), strip=strip
            ).items():
                fields.setdefault(name, []).extend(messages)
        return RequestInvalid(fields)

    def get_openapi_operation_id(self, operation) -> str:
        return _operation_name(operation)

    def get_operation_url_name(self, operation, router) -> str:
        return _operation_name(operation)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Paths relative to the server URL `/api/v1`, as the API has always published them."""
        root = self.get_root_path(path_params or {}).rstrip("/")
        schema = super().get_openapi_schema(path_prefix="", path_params=path_params)
        schema["servers"] = [{"url": root}]
        _document_shared_behaviour(schema)
        return schema


def _operation_name(operation) -> str:
    module = operation.view_func.__module__.split(".")
    app = module[1] if len(module) > 2 and module[0] == "kompass" and module[1] != "api" else ""
    return f"{app}_{operation.view_func.__name__}" if app else operation.view_func.__name__


def _document_shared_behaviour(schema: dict) -> None:
    """What `_prepare`, the authentication and the error handlers do for every operation."""
    components = schema.setdefault("components", {})
    components.setdefault("parameters", {})["Language"] = {
        "name": "language",
        "in": "query",
        "required": False,
        "description": "Language of texts in the answer; without it, the Accept-Language header decides.",
        "schema": {"type": "string", "enum": list(LANGUAGE_CODES)},
    }
    error = {"$ref": "#/components/schemas/Error"}
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components.setdefault("responses", {})
    for operations in schema["paths"].values():
        for operation in operations.values():
            parameters = operation.setdefault("parameters", [])
            if not any(p.get("name") == "language" for p in parameters):
                parameters.append({"$ref": "#/components/parameters/Language"})
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            variants = body.get("schema", {}).get("anyOf", [])
            if len(variants) == 2 and {"type": "null"} in variants:
                # An optional body: leave it out, or send an object (`null` is not a body).
                body["schema"] = next(v for v in variants if v != {"type": "null"})
            responses = operation["responses"]
            shared = {400: "Invalid request: unknown parameter or language, or invalid body."}
            if "requestBody" in operation:
                shared[413] = "The body is too large."
                shared[415] = "The body is not application/json."
            if operation.get("security"):
                shared[401] = "No valid token or session, or the second factor is missing."
                shared[403] = "The caller's role may not do this."
            else:
                shared[429] = (
                    "Too many requests from the caller's address; the Retry-After header says how long to wait."
                )
            for status, description in shared.items():
                responses.setdefault(
                    status, {"description": description, "content": {"application/json": {"schema": error}}}
                )
            operation["responses"] = dict(sorted(responses.items(), key=lambda item: int(item[0])))


ERROR_SCHEMA = {
    "title": "Error",
    "description": "Every 4xx answer (docs/interfaces.md §6).",
    "type": "object",
    "additionalProperties": False,
    "required": ["error", "errors"],
    "properties": {
        "error": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
}


def _handlers(api: NinjaAPI) -> None:
    def shape(request, message, errors=None, status=400):
        return api.create_response(request, {"error": message, "errors": errors or {}}, status=status)

    api.add_exception_handler(ApiError, lambda r, e: shape(r, e.message, e.errors, e.status))
    api.add_exception_handler(RequestInvalid, lambda r, e: shape(r, "The request is not valid.", e.fields))
    api.add_exception_handler(
        AuthenticationError, lambda r, e: shape(r, "Authentication required.", status=401)
    )
    api.add_exception_handler(HttpError, lambda r, e: shape(r, str(e), status=e.status_code))
    api.add_exception_handler(Http404, lambda r, e: shape(r, "Not found.", status=404))
    api.add_exception_handler(PermissionDenied, lambda r, e: shape(r, "Forbidden.", status=403))

    def django_invalid(request, exc):
        error = from_django(exc)
        return shape(request, error.message, error.errors, error.status)

    api.add_exception_handler(DjangoValidationError, django_invalid)


class Index(Output):
    version: int
    openapi: str


def routers() -> list[tuple[str, Router]]:
    """(app label, router) of every installed app with an `api` module: no list kept by hand."""
    found = []
    for config in apps.get_app_configs():
        if config.name == __package__ or not module_has_submodule(config.module, "api"):
            continue
        router = getattr(import_module(f"{config.name}.api"), "router", None)
        if isinstance(router, Router):
            found.append((config.label, router))
    return found


def build_api() -> KompassAPI:
    api = KompassAPI(
        title="Kompass API",
        version="1",
        description="Screening, journeys, job-offer checks and programme reach are public; cases, "
        "referrals and statistics need a bearer token (manage.py create_api_token) or a staff "
        'session with the second factor. Every error is `{"error", "errors"}` with a 4xx status.',
        urls_namespace="api",
        openapi_url=None,  # served below, through the same checks as every endpoint
        docs_url=None,
        renderer=Renderer(),
        parser=JsonParser(),
    )
    _handlers(api)
    api.add_decorator(_prepare, mode="view")

    @api.get("", response=Index, url_name="index", summary="The API's version and its OpenAPI document")
    def index(request: HttpRequest):
        return {"version": 1, "openapi": reverse("api:openapi")}

    documents: dict[str, dict] = {}  # the document does not change while the process runs

    @api.get("openapi.json", include_in_schema=False, url_name="openapi")
    def openapi(request: HttpRequest):
        root = api.get_root_path({})
        if root not in documents:
            documents[root] = api.get_openapi_schema()
        return documents[root]

    for label, router in routers():
        api.add_router(f"/{label}/", router, tags=router.tags or [label])
    return api


def json_method_not_allowed(view):
    """ninja answers a wrong method with an empty 405; answer with the error shape instead."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = json_error(f"Method {request.method} is not allowed.", status=405)
            response["Allow"] = allowed
        return response

    wrapped.csrf_exempt = True
    return wrapped
