"""Building blocks for request and response schemas: strict JSON types, so that what the OpenAPI
document says is exactly what validation accepts (no `"yes"` for a boolean, no number for a date)."""

import datetime
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from django.conf import settings
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

__all__ = [
    "Input",
    "Output",
    "IsoDate",
    "StrictBool",
    "StrictFloat",
    "StrictInt",
    "StrictStr",
    "Language",
    "LANGUAGE_CODES",
    "code",
    "code_list",
    "code_keys",
    "Page",
]


class Input(BaseModel):
    """A request body: unknown fields are errors, never ignored."""

    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    """A response body: every key documented (a key missing from the schema fails the tests)."""

    model_config = ConfigDict(extra="forbid")


DATE_PATTERN = r"^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$"


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not re.match(DATE_PATTERN, value):
        raise PydanticCustomError("date_type", "Use an ISO date, YYYY-MM-DD, between 1900 and 2099.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_format", "Not a calendar date.")


# A calendar date written YYYY-MM-DD in 1900–2099 (case references and reports carry 4-digit years);
# numbers (which pydantic would read as timestamps) and lists are errors.
IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)


def _normalise_language(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().lower().replace("_", "-")
    return value


# One of the site's languages; "sr_Latn", "SR-LATN" and "sr-latn" are the same code.
Language = Annotated[Literal[LANGUAGE_CODES], BeforeValidator(_normalise_language)]  # type: ignore[valid-type]


def code(values: Iterable[str], *, blank: bool = False, message: str = "Unknown code."):
    """A string that must be one of `values` (or "" when `blank`), documented as an enum."""
    allowed = (*([""] if blank else []), *values)

    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError("unknown_code", message)
        return value

    return Annotated[
        StrictStr, AfterValidator(check), WithJsonSchema({"type": "string", "enum": list(allowed)})
    ]


def code_list(values: Iterable[str], *, message: str = "Unknown code: {codes}."):
    """A list of codes from `values`. Unknown codes are reported on the list itself, all at once."""
    allowed = tuple(values)

    def check(items: list[str]) -> list[str]:
        unknown = [item for item in items if item not in allowed]
        if unknown:
            raise PydanticCustomError("unknown_code", message.format(codes=", ".join(unknown)))
        return items

    return Annotated[
        list[StrictStr],
        AfterValidator(check),
        WithJsonSchema({"type": "array", "items": {"type": "string", "enum": list(allowed)}}),
    ]


def code_keys(values: Iterable[str], *, message: str = "Unknown code."):
    """A string used as an object key that must be one of `values` (the error names the key)."""
    allowed = frozenset(values)

    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError("unknown_code", message)
        return value

    return Annotated[str, AfterValidator(check)]


class Page(Output):
    """One page of a list: `count` items in all, `pages` pages of at most 50."""

    count: int
    page: int
    pages: int
