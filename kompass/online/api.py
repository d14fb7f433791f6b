"""POST /api/v1/online/reports: report online exploitation as JSON. Text only, never files."""

from django.http import HttpRequest, JsonResponse

from kompass.api.utils import ApiError, api_view, form_errors, parse_json_body
from kompass.online.forms import OnlineReportForm
from kompass.online.uploads import FILES_REFUSED, is_multipart
from kompass.screening import services as screening_services

REPORT_FIELDS = (
    "platform", "platform_account", "concern", "subject", "observations", "country", "region",
    "reporter_role", "reporter_name", "reporter_phone", "reporter_email",
)  # fmt: skip


@api_view(("POST",))
def report(request: HttpRequest) -> JsonResponse:
    """The same validation as the public form; 415 for multipart or any body that is not JSON."""
    if is_multipart(request):
        raise ApiError(str(FILES_REFUSED), {"body": [str(FILES_REFUSED)]}, status=415)
    data = parse_json_body(request, allowed=REPORT_FIELDS)
    wrong_type = {name: ["Must be a string."] for name, value in data.items() if not isinstance(value, str)}
    if wrong_type:
        raise ApiError("The request is not valid.", wrong_type)
    form = OnlineReportForm(data)
    if not form.is_valid():
        raise ApiError("The request is not valid.", form_errors(form))
    sent = screening_services.send_report(**form.report_fields())
    return JsonResponse({"reference": sent.reference, "code": str(sent.code)}, status=201)
