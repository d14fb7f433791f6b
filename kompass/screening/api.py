"""The screening API (DOMAIN.md §6 item 1): assess answers; read published protocols."""

from django.http import HttpRequest, JsonResponse
from django.utils import translation

from kompass.api.utils import ApiError, api_view, parse_json_body
from kompass.lib.i18n import translated
from kompass.screening import content, rules
from kompass.screening.models import Protocol, ProtocolRevision

ASSESS_FIELDS = ("subject", "answers", "sector")


def _published_revision(sector: str) -> ProtocolRevision | None:
    return (
        ProtocolRevision.objects.select_related("protocol")
        .filter(protocol__sector=sector, status=ProtocolRevision.Status.PUBLISHED)
        .first()
    )


@api_view(("POST",))
def assess(request: HttpRequest) -> JsonResponse:
    """Verdict for indicator answers. Unknown fields, subjects, sectors or codes are 400 errors."""
    data = parse_json_body(request, allowed=ASSESS_FIELDS)
    errors: dict[str, list[str]] = {}
    subject = data.get("subject")
    if subject not in rules.SUBJECTS:
        errors["subject"] = ['Must be "adult" or "child".']
    answers = data.get("answers")
    if not isinstance(answers, dict):
        errors["answers"] = ["Must be an object of indicator codes to true, false or null."]
    else:
        for code, value in answers.items():
            if code not in rules.CODES:
                errors[f"answers.{code}"] = ["Unknown indicator code."]
            elif value is not None and not isinstance(value, bool):
                errors[f"answers.{code}"] = ["Must be true, false or null."]
    sector = data.get("sector")
    revision = None
    if sector is not None:
        if sector not in content.SECTORS:
            errors["sector"] = ["Unknown sector code."]
        else:
            revision = _published_revision(sector)
    if errors:
        raise ApiError("The request is not valid.", errors)
    assessment = rules.assess(subject, answers)
    return JsonResponse(
        {
            "verdict": assessment.verdict,
            "urgent": assessment.urgent,
            "elements": assessment.elements_dict(),
            "protocol": {
                "sector": sector,
                "version": revision.version if revision is not None else rules.CATALOGUE_VERSION,
            },
        }
    )


def _active_language(request: HttpRequest) -> str:
    """`?language=` (activated by api_view) wins; else Accept-Language; else English."""
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
        "effective_date": revision.effective_date.isoformat() if revision.effective_date else None,
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


@api_view(("GET",))
def protocols(request: HttpRequest) -> JsonResponse:
    language = _active_language(request)
    items = []
    for protocol in Protocol.objects.with_published():
        revision = protocol.published
        if revision is None:
            continue
        items.append(
            {
                "sector": protocol.sector,
                "version": revision.version,
                "effective_date": revision.effective_date.isoformat() if revision.effective_date else None,
                "title": translated(revision.content["title"], language),
                "questions": {s: len(revision.questions_for(s)) for s in rules.SUBJECTS},
            }
        )
    return JsonResponse({"language": language, "protocols": items})


@api_view(("GET",))
def protocol_detail(request: HttpRequest, sector: str) -> JsonResponse:
    revision = _published_revision(sector)
    if revision is None:
        raise ApiError("Unknown sector.", {"sector": ["Unknown sector code."]}, status=404)
    return JsonResponse(revision_to_dict(revision, _active_language(request)))
