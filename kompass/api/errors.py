"""The API's one error shape (docs/interfaces.md §6): `{"error": "<message>", "errors": {<field>: [<messages>]}}`
with a 4xx status. Everything that goes wrong in a request ends here, pydantic's errors included."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from pydantic import BaseModel, ConfigDict


class ApiError(Exception):
    """Raise inside an endpoint to answer with the fixed error shape."""

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.status = status


class Error(BaseModel):
    """Every 4xx answer: a message for people, and the messages per field (dotted paths) for programs."""

    model_config = ConfigDict(extra="forbid")

    error: str
    errors: dict[str, list[str]]


def json_error(message: str, errors: dict[str, list[str]] | None = None, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message, "errors": errors or {}}, status=status)


def from_django(error: DjangoValidationError, *, status: int = 400) -> ApiError:
    """A model or service ValidationError as an ApiError, keeping its fields."""
    if hasattr(error, "error_dict"):
        errors = {
            field: [str(m) for m in DjangoValidationError(errs).messages]
            for field, errs in error.error_dict.items()
        }
        return ApiError("Invalid data.", errors, status=status)
    return ApiError(" ".join(error.messages), {}, status=status)


# pydantic error types → the sentence a client reads; other types keep pydantic's message.
MESSAGES = {
    "extra_forbidden": "Unknown field.",
    "missing": "This field is required.",
    "bool_type": "Must be true or false.",
    "string_type": "Must be a string.",
    "int_type": "Must be a whole number.",
    "int_parsing": "Must be a whole number.",
    "float_type": "Must be a number.",
    "list_type": "Must be a list.",
    "dict_type": "Must be an object.",
    "model_type": "Must be an object.",
    "model_attributes_type": "Must be an object.",
    "uuid_parsing": "Not a valid code.",
    "uuid_type": "Not a valid code.",
}


def pydantic_errors(errors: list[dict], *, strip: int) -> dict[str, list[str]]:
    """pydantic's error list as {dotted field path: [messages]}; `strip` drops the leading loc parts
    that name where the value came from (body, query, the endpoint's parameter name)."""
    out: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error["loc"][strip:] if part != "[key]"]
        message = MESSAGES.get(error["type"]) or error["msg"].removeprefix("Value error, ")
        if error["type"] in ("literal_error", "enum") and "expected" in error.get("ctx", {}):
            message = f"Unknown code; use one of {error['ctx']['expected']}."
        out.setdefault(".".join(loc) or "body", []).append(message)
    return out
