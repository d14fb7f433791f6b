"""POST /api/v1/online/reports: report online exploitation as JSON. Text only, never files."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router
from ninja.responses import Status
from pydantic import StringConstraints

from kompass.api.errors import ApiError
from kompass.api.schemas import Input, Output, code
from kompass.online.forms import COUNTRY_CHOICES, MAX_TEXT, OnlineReportForm
from kompass.screening import services as screening_services
from kompass.screening.models import OnlineConcern, ReportPlatform, Subject

router = Router(tags=["online"])


def _text(max_length: int, min_length: int = 0):
    return Annotated[str, StringConstraints(strict=True, min_length=min_length, max_length=max_length)]


class OnlineReportRequest(Input):
    platform: code(ReportPlatform.values)  # type: ignore[valid-type]
    platform_account: _text(500) = Field("", description="The account name or link.")  # type: ignore[valid-type]
    concern: code(OnlineConcern.values)  # type: ignore[valid-type]
    subject: code(Subject.values, blank=True) = Field(  # type: ignore[valid-type]
        "", description='Whether the person harmed is under 18 ("" unknown).'
    )
    observations: _text(MAX_TEXT, 1)  # type: ignore[valid-type]
    country: code([value for value, _label in COUNTRY_CHOICES])  # type: ignore[valid-type]
    region: _text(120) = ""  # type: ignore[valid-type]
    reporter_role: _text(200) = ""  # type: ignore[valid-type]
    reporter_name: _text(200) = ""  # type: ignore[valid-type]
    reporter_phone: _text(40) = ""  # type: ignore[valid-type]
    reporter_email: _text(254) = ""  # type: ignore[valid-type]


class OnlineReportCreated(Output):
    reference: str = Field(description="The reference to quote.")
    code: str = Field(json_schema_extra={"format": "uuid"})


@router.post(
    "reports",
    response={201: OnlineReportCreated},
    summary="Report online exploitation to the national coordinator's triage",
)
def report(request: HttpRequest, body: OnlineReportRequest):
    """No login. The report reaches the same triage inbox as screening reports, with sector `online`
    and its platform. Text only: never files, images or multipart bodies (415), nor text that embeds a
    file (a data: URI or a base64 blob, 400). The same checks as the public form."""
    form = OnlineReportForm(body.model_dump())
    if not form.is_valid():
        raise ApiError(
            "The request is not valid.",
            {field: [str(e) for e in errors] for field, errors in form.errors.items()},
        )
    sent = screening_services.send_report(**form.report_fields())
    return Status(201, {"reference": sent.reference, "code": str(sent.code)})
