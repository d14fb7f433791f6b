"""The screening API (docs/interfaces.md §6 item 1): assess answers; read published protocols. No login."""

import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Router
from pydantic import WithJsonSchema

from kompass.api.errors import ApiError, Error
from kompass.api.schemas import Input, Output, StrictBool, code, code_keys
from kompass.lib.i18n import translated
from kompass.screening import content, rules
from kompass.screening.models import BASE_PROTOCOL_COUNTRY, Protocol, ProtocolRevision

router = Router(tags=["screening"])

Sector = code(content.SECTORS, message="Unknown sector code.")
Subject = Literal["adult", "child"]
IndicatorCode = code_keys(rules.CODES, message="Unknown indicator code.")
Answers = Annotated[
    dict[IndicatorCode, StrictBool | None],
    WithJsonSchema(
        {
            "type": "object",
            "description": "Indicator code → true (observed), false or null (not observed).",
            "propertyNames": {"enum": sorted(rules.CODES)},
            "additionalProperties": {"type": ["boolean", "null"]},
        }
    ),
]


class ScreeningAssessRequest(Input):
    subject: Subject
    answers: Answers
    sector: Sector | None = Field(None, description="The sector protocol used, if any.")


class ScreeningElement(Output):
    positive: bool
    strong: int = Field(ge=0)
    medium: int = Field(ge=0)
    weak: int = Field(ge=0)


class ScreeningElements(Output):
    dr: ScreeningElement
    cr: ScreeningElement
    vr: ScreeningElement
    ex: ScreeningElement
    cd: ScreeningElement
    vd: ScreeningElement


class ScreeningProtocolVersion(Output):
    sector: str | None
    version: str = Field(
        description="The sector's published revision (e.g. health-2), or the catalogue version when no "
        "sector was given."
    )


class ScreeningAssessment(Output):
    verdict: Literal[rules.VERDICTS]  # type: ignore[valid-type]
    urgent: bool = Field(
        description="cr.violence, cr.abduction_sale, cd.violence or cd.isolation observed: call 112 now."
    )
    elements: ScreeningElements
    protocol: ScreeningProtocolVersion


class QuestionCounts(Output):
    adult: int
    child: int


class ScreeningProtocolSummary(Output):
    sector: str
    version: str
    effective_date: datetime.date | None
    title: str
    questions: QuestionCounts


class ScreeningProtocolList(Output):
    language: str
    protocols: list[ScreeningProtocolSummary]


class ScreeningQuestion(Output):
    key: str
    subjects: list[Subject]
    codes: list[str]
    text: str
    guidance: str = Field(description="How to ask safely.")


class ScreeningProtocol(Output):
    sector: str
    version: str
    revision: int
    effective_date: datetime.date | None
    language: str
    title: str
    intro: str
    safety: str
    next_steps: str
    questions: list[ScreeningQuestion]


def _published_revision(sector: str) -> ProtocolRevision | None:
    return (
        ProtocolRevision.objects.select_related("protocol")
        .filter(
            protocol__sector=sector,
            protocol__country=BASE_PROTOCOL_COUNTRY,
            status=ProtocolRevision.Status.PUBLISHED,
        )
        .first()
    )


@router.post("assess", response={200: ScreeningAssessment}, summary="Verdict of the ILO/EC decision rule")
def assess(request: HttpRequest, body: ScreeningAssessRequest):
    """Answers are keyed by catalogue indicator code (docs/interfaces.md §2); `true` is observed, `false` and
    `null` are not. Unknown fields, subjects, sectors or codes are 400 errors. Nothing is stored."""
    revision = _published_revision(body.sector) if body.sector is not None else None
    assessment = rules.assess(body.subject, body.answers)
    return {
        "verdict": assessment.verdict,
        "urgent": assessment.urgent,
        "elements": assessment.elements_dict(),
        "protocol": {
            "sector": body.sector,
            "version": revision.version if revision is not None else rules.CATALOGUE_VERSION,
        },
    }


def _active_language(request: HttpRequest) -> str:
    """`?language=` (activated for the request) wins; else Accept-Language; else English."""
    if request.GET.get("language"):
        return translation.get_language()
    return translation.get_language_from_request(request, check_path=False)


def revision_to_dict(revision: ProtocolRevision, language: str) -> dict:
    def t(value: dict) -> str:
        return translated(value, language)

    return {
        "sector": revision.sector,
        "version": revision.version,
        "revision": revision.number,
        "effective_date": revision.effective_date,
        "language": language,
        "title": t(revision.content["title"]),
        "intro": t(revision.content["intro"]),
        "safety": t(revision.content["safety"]),
        "next_steps": t(revision.content["next_steps"]),
        "questions": [
            {
                "key": q["key"],
                "subjects": q["subjects"],
                "codes": q["codes"],
                "text": t(q["text"]),
                "guidance": t(q["guidance"]),
            }
            for q in revision.content["questions"]
        ],
    }


@router.get("protocols", response={200: ScreeningProtocolList}, summary="Published sector protocols")
def protocols(request: HttpRequest):
    """One entry per sector with a published revision, titles in the requested language."""
    language = _active_language(request)
    items = []
    for protocol in Protocol.objects.for_country(BASE_PROTOCOL_COUNTRY).with_published():
        revision = protocol.published
        if revision is None:
            continue
        items.append(
            {
                "sector": protocol.sector,
                "version": revision.version,
                "effective_date": revision.effective_date,
                "title": translated(revision.content["title"], language),
                "questions": {s: len(revision.questions_for(s)) for s in rules.SUBJECTS},
            }
        )
    return {"language": language, "protocols": items}


@router.get(
    "protocols/{sector}",
    response={200: ScreeningProtocol, 404: Error},
    summary="The published revision of one sector protocol, in one language",
)
def protocol(request: HttpRequest, sector: str):
    """Each question has the catalogue codes it observes and guidance on asking safely. Unknown sector → 404."""
    revision = _published_revision(sector)
    if revision is None:
        raise ApiError("Unknown sector.", {"sector": ["Unknown sector code."]}, status=404)
    return revision_to_dict(revision, _active_language(request))
