"""The recruitment API: check a job offer (DOMAIN.md §6 error shape; no login, nothing stored)."""

from django.http import HttpRequest, JsonResponse

from kompass.api.utils import ApiError, api_view, form_errors, parse_json_body
from kompass.recruitment.forms import CheckForm
from kompass.recruitment.services import CONTACT_CHANNELS, check_offer

CHECK_FIELDS = ("text", "title", "pay", "place", "contact_channel", "company")
_CHANNELS = {value for value, _label in CONTACT_CHANNELS}


@api_view(("POST",))
def check(request: HttpRequest) -> JsonResponse:
    """Risk, score and reasons (each with the exact words that triggered it) for a job offer."""
    data = parse_json_body(request, allowed=CHECK_FIELDS)
    errors = {
        name: ["Must be a string."]
        for name in CHECK_FIELDS
        if name in data and not isinstance(data[name], str)
    }
    if (
        "contact_channel" in data
        and isinstance(data["contact_channel"], str)
        and data["contact_channel"] not in _CHANNELS
    ):
        errors["contact_channel"] = [
            "Unknown contact channel; one of: " + ", ".join(sorted(c for c in _CHANNELS if c)) + "."
        ]
    if errors:
        raise ApiError("The request is not valid.", errors)
    form = CheckForm(data)
    if not form.is_valid():
        raise ApiError("The request is not valid.", form_errors(form))
    return JsonResponse(check_offer(**form.cleaned_data).to_dict())
