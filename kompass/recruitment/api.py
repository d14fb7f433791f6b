"""The recruitment API: check a job offer (no login, nothing stored)."""

from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Field, Router
from pydantic import StringConstraints

from kompass.api.schemas import Input, Output, code
from kompass.recruitment.cues import CUE_CODES
from kompass.recruitment.forms import MAX_TEXT
from kompass.recruitment.services import CONTACT_CHANNELS, check_offer

router = Router(tags=["recruitment"])


def _text(max_length: int, min_length: int = 0):
    # As the web form: surrounding whitespace is dropped before the length is checked.
    return Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=min_length,
                                            max_length=max_length)]  # fmt: skip


class RecruitmentCheckRequest(Input):
    text: _text(MAX_TEXT, 1) = Field(description="The text of the job offer.")
    title: _text(300) = ""
    pay: _text(200) = ""
    place: _text(200) = ""
    contact_channel: code(
        [value for value, _label in CONTACT_CHANNELS if value],
        blank=True,
        message="Unknown contact channel.",
    ) = Field("", description="How the offer asks to get in touch; a messenger counts as a warning sign.")
    company: _text(300) = ""


REASON_CODES = CUE_CODES + ("similar_to_scams",)


class RecruitmentReason(Output):
    code: Literal[REASON_CODES]  # type: ignore[valid-type]
    text: str = Field(description="Why this is a warning sign, in the requested language.")
    evidence: list[Annotated[str, StringConstraints(min_length=1)]] = Field(
        min_length=1, description="The exact words of the offer that triggered the reason."
    )


class RecruitmentCheck(Output):
    risk: Literal["low", "medium", "high"]
    score: float = Field(ge=0, le=1)
    reasons: list[RecruitmentReason]


@router.post("check", response={200: RecruitmentCheck}, summary="Warning signs of a scam or of trafficking "
             "recruitment in a job offer")  # fmt: skip
def check(request: HttpRequest, body: RecruitmentCheckRequest):
    """`text` is the offer (English, Ukrainian, Russian, Romanian or Serbian in either script); the other
    fields are optional details. `risk` is `low` when `score` < 0.3, `medium` when < 0.6, else `high`.
    Each reason gives the exact words of the offer that triggered it. Nothing is stored."""
    return check_offer(**body.model_dump()).to_dict()
