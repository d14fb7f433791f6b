"""The decision rule of docs/interfaces.md §2, tested exhaustively (pure Python, no database)."""

import itertools

import pytest

from kompass.screening import rules
from kompass.screening.rules import (
    BY_CODE,
    CATALOGUE,
    ELEMENTS,
    INDICATORS_PRESENT,
    NO_INDICATORS,
    POSSIBLE_VICTIM,
    PRESUMED_VICTIM,
    UnknownCodes,
    assess,
    indicators_from_questions,
    is_element_positive,
    subject_for_age,
)


def codes_with(element: str, subject: str, weight: str) -> list[str]:
    return [i.code for i in CATALOGUE if i.element == element and i.weight(subject) == weight]


def pick(element: str, subject: str, strong: int, medium: int, weak: int) -> dict[str, bool]:
    chosen = (
        codes_with(element, subject, "S")[:strong]
        + codes_with(element, subject, "M")[:medium]
        + codes_with(element, subject, "W")[:weak]
    )
    assert len(chosen) == strong + medium + weak, "the catalogue lacks indicators for this combination"
    return dict.fromkeys(chosen, True)


def positive_combination(element: str, subject: str) -> dict[str, bool]:
    """The smallest observed set that makes the element positive for the subject."""
    for strong, medium, weak in [(2, 0, 0), (1, 1, 0), (1, 0, 1), (3, 0, 0), (0, 3, 0), (0, 2, 1)]:
        try:
            return pick(element, subject, strong, medium, weak)
        except AssertionError:
            continue
    raise AssertionError(element)


# --- the catalogue -------------------------------------------------------------------------------


def test_catalogue_has_67_adult_and_65_child_indicators():
    assert len(CATALOGUE) == 67
    assert sum(1 for i in CATALOGUE if i.adult) == 67
    assert sum(1 for i in CATALOGUE if i.child) == 65
    assert len(BY_CODE) == 67


def test_indicators_absent_from_child_list():
    assert {i.code for i in CATALOGUE if i.child is None} == {"vr.false_info_law", "ex.no_social_protection"}


def test_every_code_belongs_to_one_of_six_elements():
    assert {i.element for i in CATALOGUE} == set(ELEMENTS)
    for indicator in CATALOGUE:
        assert indicator.adult in {"S", "M", "W"}
        assert indicator.child in {"S", "M", "W", None}


@pytest.mark.parametrize(
    ("code", "adult", "child"),
    [
        ("dr.nature_of_job", "S", "S"),
        ("dr.education", "W", "S"),
        ("cr.threats_violence", "M", "S"),
        ("cr.abduction_sale", "M", "S"),
        ("cr.debt_bondage", "M", "S"),
        ("vr.cultural_beliefs", "W", "M"),
        ("vr.general_context", "W", "M"),
        ("ex.excessive_hours", "S", "S"),
        ("ex.no_education", "W", "M"),
        ("cd.documents_confiscated", "S", "S"),
        ("cd.strong_influence", "M", "S"),
        ("cd.threat_inform_family", "W", "M"),
        ("vd.past_difficulties", "W", "M"),
        ("vd.personal_characteristics", "W", "M"),
    ],
)
def test_weights_where_adult_and_child_differ(code, adult, child):
    assert (BY_CODE[code].adult, BY_CODE[code].child) == (adult, child)


# --- the threshold -------------------------------------------------------------------------------


def expected_positive(strong: int, medium: int, weak: int) -> bool:
    # The rule written as its four cases, independently of the implementation.
    cases = [(2, 0, 0), (1, 1, 0), (1, 0, 1), (0, 3, 0), (0, 2, 1)]
    return any(strong >= s and medium >= m and weak >= w for s, m, w in cases)


@pytest.mark.parametrize(("strong", "medium", "weak"), list(itertools.product(range(4), range(5), range(4))))
def test_threshold_every_combination(strong, medium, weak):
    assert is_element_positive(strong, medium, weak) is expected_positive(strong, medium, weak)


@pytest.mark.parametrize(
    ("strong", "medium", "weak", "positive"),
    [
        (0, 0, 0, False),
        (1, 0, 0, False),
        (0, 2, 0, False),
        (0, 1, 1, False),
        (0, 1, 3, False),
        (0, 0, 3, False),
        (2, 0, 0, True),
        (1, 1, 0, True),
        (1, 0, 1, True),
        (0, 3, 0, True),
        (0, 2, 1, True),
    ],
)
def test_threshold_boundaries(strong, medium, weak, positive):
    assert is_element_positive(strong, medium, weak) is positive


def available(element: str, subject: str) -> tuple[int, int, int]:
    return tuple(len(codes_with(element, subject, w)) for w in "SMW")


def combinations(element: str, subject: str):
    max_s, max_m, max_w = available(element, subject)
    return itertools.product(range(min(max_s, 3) + 1), range(min(max_m, 4) + 1), range(min(max_w, 2) + 1))


@pytest.mark.parametrize("subject", ["adult", "child"])
@pytest.mark.parametrize("element", ELEMENTS)
def test_assess_counts_every_available_combination_per_element(element, subject):
    for strong, medium, weak in combinations(element, subject):
        answers = pick(element, subject, strong, medium, weak)
        result = assess(subject, answers).elements[element]
        assert (result.strong, result.medium, result.weak) == (strong, medium, weak)
        assert result.positive is expected_positive(strong, medium, weak), (
            element,
            subject,
            strong,
            medium,
            weak,
        )
        for other in ELEMENTS:
            if other != element:
                assert assess(subject, answers).elements[other].positive is False


# --- adult vs child weights ------------------------------------------------------------------------


def test_same_answers_weigh_differently_for_a_child():
    answers = {"cr.threats_violence": True, "cr.abduction_sale": True}  # M + M adult, S + S child
    assert assess("adult", answers).elements["cr"].positive is False
    assert assess("child", answers).elements["cr"].positive is True
    assert assess("child", answers).elements["cr"].strong == 2


def test_weak_for_adult_strong_for_child():
    answers = {"dr.education": True, "dr.wages": True}
    adult = assess("adult", answers).elements["dr"]
    child = assess("child", answers).elements["dr"]
    assert (adult.strong, adult.medium, adult.weak, adult.positive) == (0, 1, 1, False)
    assert (child.strong, child.medium, child.weak, child.positive) == (1, 1, 0, True)


@pytest.mark.parametrize("code", ["vr.false_info_law", "ex.no_social_protection"])
def test_indicator_absent_from_child_list_does_not_count_for_a_child(code):
    element = code.split(".")[0]
    others = dict.fromkeys(codes_with(element, "child", "M")[:2], True)
    answers = {**others, code: True}
    adult = assess("adult", answers).elements[element]
    child = assess("child", answers).elements[element]
    assert adult.medium == 3 and adult.positive
    assert child.medium == 2 and not child.positive
    assert code not in child.observed


@pytest.mark.parametrize("code", ["vr.false_info_law", "ex.no_social_protection"])
def test_indicator_absent_from_child_list_alone_gives_no_indicators_for_a_child(code):
    # docs/interfaces.md §2: an indicator not in the subject's list does not count, not even as a sign.
    child = assess("child", {code: True})
    assert child.verdict == NO_INDICATORS and not child.observed and child.not_counted == (code,)
    assert assess("adult", {code: True}).verdict == INDICATORS_PRESENT


def test_age_uncertain_applies_the_child_rule():
    assert subject_for_age("age_uncertain") == "child"
    assert subject_for_age("adult") == "adult" and subject_for_age("child") == "child"
    with pytest.raises(ValueError):
        subject_for_age("elderly")


# --- verdicts --------------------------------------------------------------------------------------


def positive_for(subject: str, *elements: str) -> dict[str, bool]:
    answers: dict[str, bool] = {}
    for element in elements:
        answers.update(positive_combination(element, subject))
    return answers


@pytest.mark.parametrize("subject", ["adult", "child"])
@pytest.mark.parametrize("positives", [set(c) for n in range(7) for c in itertools.combinations(ELEMENTS, n)])
def test_verdict_for_every_set_of_positive_elements(subject, positives):
    result = assess(subject, positive_for(subject, *sorted(positives)))
    assert set(result.positive_elements) == positives
    means = bool(positives & {"dr", "cr", "vr"})
    destination = bool(positives & {"cd", "vd"})
    if subject == "adult":
        presumed = means and "ex" in positives and destination
    else:
        presumed = means and "ex" in positives
    if presumed:
        assert result.verdict == PRESUMED_VICTIM
    elif positives:
        assert result.verdict == POSSIBLE_VICTIM
    else:
        assert result.verdict == NO_INDICATORS


def test_adult_without_destination_element_is_possible_child_is_presumed():
    answers = positive_for("adult", "dr", "ex")
    assert assess("adult", answers).verdict == POSSIBLE_VICTIM
    assert assess("child", positive_for("child", "dr", "ex")).verdict == PRESUMED_VICTIM


def test_one_observed_indicator_is_indicators_present():
    assert assess("adult", {"vd.unknown_area": True}).verdict == INDICATORS_PRESENT


def test_false_and_null_are_not_observed():
    answers = dict.fromkeys(BY_CODE, False) | {"cd.violence": None, "cr.violence": None}
    result = assess("adult", answers)
    assert result.verdict == NO_INDICATORS
    assert result.urgent is False
    assert all(r.strong == r.medium == r.weak == 0 for r in result.elements.values())


def test_empty_answers():
    result = assess("child", {})
    assert result.verdict == NO_INDICATORS
    assert set(result.elements_dict()) == set(ELEMENTS)
    assert result.elements_dict()["dr"] == {"positive": False, "strong": 0, "medium": 0, "weak": 0}


def test_everything_observed_is_presumed_and_urgent():
    for subject in ("adult", "child"):
        result = assess(subject, dict.fromkeys(BY_CODE, True))
        assert result.verdict == PRESUMED_VICTIM
        assert result.urgent


# --- urgent ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(rules.URGENT_CODES))
@pytest.mark.parametrize("subject", ["adult", "child"])
def test_each_urgent_code_alone_makes_urgent(code, subject):
    result = assess(subject, {code: True})
    assert result.urgent is True
    assert result.urgent_codes == (code,)
    assert result.verdict == INDICATORS_PRESENT


@pytest.mark.parametrize("code", sorted(set(BY_CODE) - rules.URGENT_CODES))
def test_other_codes_are_not_urgent(code):
    assert assess("adult", {code: True}).urgent is False


def test_urgent_list_is_exactly_the_four_codes():
    expected = {"cr.violence", "cr.abduction_sale", "cd.violence", "cd.isolation"}
    assert expected == rules.URGENT_CODES


def test_urgent_is_independent_of_verdict():
    answers = positive_for("adult", "dr", "ex", "vd")
    assert assess("adult", answers).urgent is False
    assert assess("adult", answers).verdict == PRESUMED_VICTIM
    assert assess("adult", answers | {"cd.isolation": True}).urgent is True


# --- errors ----------------------------------------------------------------------------------------


def test_unknown_code_is_an_error():
    with pytest.raises(UnknownCodes) as exc:
        assess("adult", {"dr.wages": True, "xx.nothing": True, "dr.wage": False})
    assert exc.value.codes == ["dr.wage", "xx.nothing"]


def test_unknown_subject_is_an_error():
    with pytest.raises(ValueError):
        assess("teenager", {})


# --- protocol answers to indicator answers ---------------------------------------------------------


def test_indicators_from_questions_yes_wins_over_no_and_unknown():
    questions = [
        {"key": "q1", "codes": ["cd.isolation", "cd.strong_influence"]},
        {"key": "q2", "codes": ["cd.isolation"]},
        {"key": "q3", "codes": ["ex.excessive_hours"]},
        {"key": "q4", "codes": ["ex.low_no_salary"]},
    ]
    result = indicators_from_questions(questions, {"q1": False, "q2": True, "q3": None})
    assert result == {
        "cd.isolation": True,
        "cd.strong_influence": False,
        "ex.excessive_hours": None,
        "ex.low_no_salary": None,
    }


def test_indicators_per_element_match_the_ilo_ec_lists():
    from collections import Counter

    assert Counter(i.element for i in CATALOGUE) == {"dr": 10, "cr": 10, "vr": 16, "ex": 9, "cd": 15, "vd": 7}
