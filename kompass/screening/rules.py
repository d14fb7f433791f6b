"""The ILO/EC indicator catalogue and the decision rule (docs/interfaces.md §2). Pure Python, no Django.

Other tools check this rule, so it is implemented literally: an element is positive when its
observed indicators, weighted for the subject, make at least 2 strong; or 1 strong and 1 medium
or weak; or 3 medium; or 2 medium and 1 weak.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Subject = Literal["adult", "child"]
Weight = Literal["S", "M", "W"]

SUBJECTS: tuple[str, ...] = ("adult", "child")
# "Age uncertain" is an answer, not a subject: when there are reasons to believe the person is a
# child, they are presumed to be one (Council of Europe Convention on Action against Trafficking in
# Human Beings, art. 10(3)), so the child rule applies. See `subject_for_age`.
AGE_UNCERTAIN = "age_uncertain"
AGE_ANSWERS: tuple[str, ...] = (*SUBJECTS, AGE_UNCERTAIN)
ELEMENTS: tuple[str, ...] = ("dr", "cr", "vr", "ex", "cd", "vd")
MEANS_ELEMENTS: tuple[str, ...] = ("dr", "cr", "vr")
DESTINATION_ELEMENTS: tuple[str, ...] = ("cd", "vd")

PRESUMED_VICTIM = "presumed_victim"
POSSIBLE_VICTIM = "possible_victim"
INDICATORS_PRESENT = "indicators_present"
NO_INDICATORS = "no_indicators"
VERDICTS: tuple[str, ...] = (PRESUMED_VICTIM, POSSIBLE_VICTIM, INDICATORS_PRESENT, NO_INDICATORS)

URGENT_CODES: frozenset[str] = frozenset({"cr.violence", "cr.abduction_sale", "cd.violence", "cd.isolation"})

# The version of the catalogue below; the API reports it when no sector protocol was used.
CATALOGUE_VERSION = "ilo-ec-2009.1"


@dataclass(frozen=True)
class Indicator:
    code: str
    adult: Weight | None
    child: Weight | None
    label: str

    @property
    def element(self) -> str:
        return self.code.split(".", 1)[0]

    def weight(self, subject: Subject) -> Weight | None:
        return self.adult if subject == "adult" else self.child


_ = None  # weight "–": not in that subject's list
CATALOGUE: tuple[Indicator, ...] = (
    Indicator("dr.nature_of_job", "S", "S", "deceived about the nature of the job, location or employer"),
    Indicator("dr.wages", "M", "M", "deceived about wages / earnings"),
    Indicator("dr.conditions_of_work", "M", "M", "deceived about conditions of work"),
    Indicator("dr.contract", "M", "M", "deceived about content or legality of the work contract"),
    Indicator("dr.housing", "M", "M", "deceived about housing and living conditions"),
    Indicator(
        "dr.legal_documents", "M", "M", "deceived about legal documentation or obtaining legal migrant status"
    ),
    Indicator("dr.travel_conditions", "M", "M", "deceived about travel and recruitment conditions"),
    Indicator("dr.family_reunification", "M", "M", "deceived about family reunification"),
    Indicator("dr.marriage_adoption", "M", "M", "deceived through promises of marriage or adoption"),
    Indicator("dr.education", "W", "S", "deceived about access to education opportunities"),
    Indicator("cr.violence", "S", "S", "violence on victims"),
    Indicator("cr.threats_violence", "M", "S", "threats of violence against victim"),
    Indicator(
        "cr.abduction_sale", "M", "S", "abduction, forced marriage, forced adoption or selling of victim"
    ),
    Indicator("cr.debt_bondage", "M", "S", "debt bondage"),
    Indicator("cr.documents_confiscated", "M", "M", "confiscation of documents"),
    Indicator("cr.isolation", "M", "M", "isolation, confinement or surveillance"),
    Indicator("cr.threat_denunciation", "M", "M", "threat of denunciation to authorities"),
    Indicator("cr.threat_inform_family", "M", "M", "threat to inform family, community or public"),
    Indicator("cr.violence_family", "M", "M", "violence on family (threats or effective)"),
    Indicator("cr.money_withheld", "M", "M", "withholding of money"),
    Indicator("vr.difficult_family_situation", "M", "M", "abuse of difficult family situation"),
    Indicator("vr.illegal_status", "M", "M", "abuse of illegal status"),
    Indicator("vr.lack_of_education", "M", "M", "abuse of lack of education (language)"),
    Indicator("vr.lack_of_information", "M", "M", "abuse of lack of information"),
    Indicator("vr.control_by_exploiters", "M", "M", "control by exploiters"),
    Indicator("vr.economic_reasons", "M", "M", "economic reasons"),
    Indicator("vr.false_info_migration", "M", "M", "false information about successful migration"),
    Indicator("vr.false_info_law", "M", _, "false information about law, attitude of authorities"),
    Indicator("vr.family_situation", "M", "M", "family situation"),
    Indicator("vr.personal_situation", "M", "M", "personal situation"),
    Indicator("vr.emotional_dependency", "M", "M", "psychological and emotional dependency"),
    Indicator("vr.relationship_authorities", "M", "M", "relationship with authorities / legal status"),
    Indicator("vr.past_difficulties", "M", "M", "difficulties in the past"),
    Indicator("vr.difficulty_organising_travel", "M", "M", "difficulty to organise the travel"),
    Indicator("vr.cultural_beliefs", "W", "M", "cultural / religious beliefs"),
    Indicator("vr.general_context", "W", "M", "general context"),
    Indicator("ex.excessive_hours", "S", "S", "excessive working days or hours"),
    Indicator("ex.low_no_salary", "M", "M", "low or no salary"),
    Indicator("ex.wage_manipulation", "M", "M", "wage manipulation"),
    Indicator("ex.bad_living_conditions", "M", "M", "bad living conditions"),
    Indicator("ex.very_bad_working_conditions", "M", "M", "very bad working conditions"),
    Indicator("ex.hazardous_work", "M", "M", "hazardous work"),
    Indicator("ex.labour_law_breach", "M", "M", "no respect of labour laws or of the contract signed"),
    Indicator("ex.no_social_protection", "M", _, "no social protection (contract, insurance…)"),
    Indicator("ex.no_education", "W", "M", "no access to education"),
    Indicator("cd.documents_confiscated", "S", "S", "confiscation of documents"),
    Indicator("cd.debt_bondage", "S", "S", "debt bondage"),
    Indicator("cd.isolation", "S", "S", "isolation, confinement or surveillance"),
    Indicator("cd.violence", "S", "S", "violence on victims"),
    Indicator("cd.threats_violence", "M", "S", "threats of violence against victim"),
    Indicator("cd.illicit_activities", "M", "S", "forced into illicit / criminal activities"),
    Indicator("cd.forced_tasks_clients", "M", "S", "forced tasks or clients"),
    Indicator("cd.strong_influence", "M", "S", "under strong influence"),
    Indicator("cd.act_against_peers", "M", "M", "forced to act against peers"),
    Indicator("cd.lie_to_authorities", "M", "M", "forced to lie to authorities, family…"),
    Indicator("cd.threat_denunciation", "M", "M", "threat of denunciation to authorities"),
    Indicator("cd.threat_worse_conditions", "M", "M", "threat to impose even worse working conditions"),
    Indicator("cd.violence_family", "M", "M", "violence on family (threats or effective)"),
    Indicator("cd.wages_withheld", "M", "M", "withholding of wages"),
    Indicator("cd.threat_inform_family", "W", "M", "threats to inform family, community or public"),
    Indicator("vd.dependency_on_exploiters", "M", "M", "dependency on exploiters"),
    Indicator("vd.unknown_area", "M", "M", "difficulty to live in an unknown area"),
    Indicator("vd.economic_reasons", "M", "M", "economic reasons"),
    Indicator("vd.family_situation", "M", "M", "family situation"),
    Indicator("vd.relationship_authorities", "M", "M", "relationship with authorities / legal status"),
    Indicator("vd.past_difficulties", "W", "M", "difficulties in the past"),
    Indicator("vd.personal_characteristics", "W", "M", "personal characteristics"),
)
del _

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in CATALOGUE}
CODES: frozenset[str] = frozenset(BY_CODE)


def is_element_positive(strong: int, medium: int, weak: int) -> bool:
    """The fixed threshold: 2S; or 1S + 1 (M or W); or 3M; or 2M + 1W."""
    return strong >= 2 or (strong >= 1 and medium + weak >= 1) or medium >= 3 or (medium >= 2 and weak >= 1)


@dataclass(frozen=True)
class ElementResult:
    positive: bool
    strong: int
    medium: int
    weak: int
    observed: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"positive": self.positive, "strong": self.strong, "medium": self.medium, "weak": self.weak}


@dataclass(frozen=True)
class Assessment:
    subject: str
    verdict: str
    urgent: bool
    elements: dict[str, ElementResult]
    urgent_codes: tuple[str, ...] = ()
    observed: tuple[str, ...] = field(default=())
    # Observed, but not in the subject's list (weight –): shown, never counted.
    not_counted: tuple[str, ...] = ()

    @property
    def positive_elements(self) -> tuple[str, ...]:
        return tuple(code for code in ELEMENTS if self.elements[code].positive)

    def elements_dict(self) -> dict[str, dict]:
        return {code: self.elements[code].to_dict() for code in ELEMENTS}


class UnknownCodes(ValueError):
    def __init__(self, codes: list[str]):
        super().__init__(f"Unknown indicator codes: {', '.join(codes)}")
        self.codes = codes


def subject_for_age(answer: str) -> Subject:
    """The subject whose rule applies to an answer about age: "age_uncertain" presumes a child."""
    if answer == AGE_UNCERTAIN:
        return "child"
    if answer not in SUBJECTS:
        raise ValueError(f"Unknown subject: {answer!r}")
    return answer  # type: ignore[return-value]


def is_presumed_victim(subject: str, positive: set[str]) -> bool:
    means = bool(positive & set(MEANS_ELEMENTS))
    if subject == "child":
        # For a child the means are not required at destination (Palermo art. 3(c)).
        return means and "ex" in positive
    return means and "ex" in positive and bool(positive & set(DESTINATION_ELEMENTS))


def assess(subject: str, answers: Mapping[str, bool | None]) -> Assessment:
    """Verdict, urgency and per-element counts for answers keyed by indicator code.

    `True` is observed; `False` and `None` (unknown) are not. Unknown codes raise UnknownCodes.
    An indicator outside the subject's list (weight –) does not count at all, not even towards
    `indicators_present`: `observed` holds only those that count, `not_counted` the others.
    """
    if subject not in SUBJECTS:
        raise ValueError(f"Unknown subject: {subject!r}")
    unknown = sorted(code for code in answers if code not in BY_CODE)
    if unknown:
        raise UnknownCodes(unknown)
    answered_yes = tuple(indicator.code for indicator in CATALOGUE if answers.get(indicator.code) is True)
    observed = tuple(code for code in answered_yes if BY_CODE[code].weight(subject) is not None)  # type: ignore[arg-type]
    not_counted = tuple(code for code in answered_yes if code not in observed)
    counts = {code: {"S": 0, "M": 0, "W": 0} for code in ELEMENTS}
    per_element: dict[str, list[str]] = {code: [] for code in ELEMENTS}
    for code in observed:
        indicator = BY_CODE[code]
        weight = indicator.weight(subject)  # type: ignore[arg-type]
        counts[indicator.element][weight] += 1
        per_element[indicator.element].append(code)
    elements = {
        code: ElementResult(
            positive=is_element_positive(c["S"], c["M"], c["W"]),
            strong=c["S"],
            medium=c["M"],
            weak=c["W"],
            observed=tuple(per_element[code]),
        )
        for code, c in counts.items()
    }
    positive = {code for code, result in elements.items() if result.positive}
    if is_presumed_victim(subject, positive):
        verdict = PRESUMED_VICTIM
    elif positive:
        verdict = POSSIBLE_VICTIM
    elif observed:
        verdict = INDICATORS_PRESENT
    else:
        verdict = NO_INDICATORS
    urgent_codes = tuple(code for code in observed if code in URGENT_CODES)
    return Assessment(
        subject=subject,
        verdict=verdict,
        urgent=bool(urgent_codes),
        elements=elements,
        urgent_codes=urgent_codes,
        observed=observed,
        not_counted=not_counted,
    )


def indicators_from_questions(
    questions: list[dict], answers: Mapping[str, bool | None]
) -> dict[str, bool | None]:
    """Indicator answers from protocol answers: a code is observed when any question mapping to it is
    answered yes; it is `False` when only "no" answers map to it; otherwise unknown (`None`)."""
    result: dict[str, bool | None] = {}
    for question in questions:
        answer = answers.get(question["key"])
        for code in question["codes"]:
            if answer is True:
                result[code] = True
            elif answer is False and result.get(code) is not True:
                result[code] = False
            else:
                result.setdefault(code, None)
    return result
