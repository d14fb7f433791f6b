"""The shipped catalogue and sector protocols: catalogue codes only, five languages everywhere."""

import copy

import pytest

from kompass.screening import content, rules
from kompass.screening.models import Indicator, Protocol

LANGUAGES = ("en", "ro", "uk", "ru", "sr-latn")


def shipped(sector: str) -> dict:
    return content.load_protocol_file(sector)


def test_there_is_a_protocol_file_for_every_sector_code():
    files = {path.stem for path in content.PROTOCOL_DIR.glob("*.yaml")}
    assert files == set(content.SECTORS)


@pytest.mark.parametrize("sector", content.SECTORS)
def test_every_question_maps_only_to_catalogue_codes(sector):
    for question in shipped(sector)["questions"]:
        assert question["codes"], question["key"]
        assert set(question["codes"]) <= rules.CODES, question["key"]


@pytest.mark.parametrize("sector", content.SECTORS)
def test_every_text_is_in_all_five_languages(sector):
    document = shipped(sector)
    for key in content.TEXT_KEYS:
        assert set(document[key]) == set(LANGUAGES), key
        assert all(document[key][language].strip() for language in LANGUAGES), key
    for question in document["questions"]:
        for key in ("text", "guidance"):
            assert set(question[key]) == set(LANGUAGES), (question["key"], key)
            assert all(question[key][language].strip() for language in LANGUAGES), (question["key"], key)


@pytest.mark.parametrize("sector", content.SECTORS)
def test_shipped_protocol_passes_validation(sector):
    content.validate_content(shipped(sector), sector=sector)


@pytest.mark.parametrize("sector", content.SECTORS)
@pytest.mark.parametrize("subject", rules.SUBJECTS)
def test_each_variant_has_10_to_20_questions_and_can_reach_presumed_victim(sector, subject):
    questions = [q for q in shipped(sector)["questions"] if subject in q["subjects"]]
    high = 12 if sector == "emergency_line" else 20
    assert 10 <= len(questions) <= high
    answers = rules.indicators_from_questions(questions, {q["key"]: True for q in questions})
    assert rules.assess(subject, answers).verdict == rules.PRESUMED_VICTIM


@pytest.mark.parametrize("sector", content.SECTORS)
def test_questions_in_a_language_are_not_just_copies_of_english(sector):
    for question in shipped(sector)["questions"]:
        for language in ("ro", "uk", "ru", "sr-latn"):
            assert question["text"][language] != question["text"]["en"], (question["key"], language)


def test_validation_rejects_a_code_outside_the_catalogue():
    document = copy.deepcopy(shipped("health"))
    document["questions"][0]["codes"] = ["cd.isolation", "cd.not_a_code"]
    with pytest.raises(content.ContentError) as exc:
        content.validate_content(document)
    assert "not catalogue codes: cd.not_a_code" in str(exc.value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_validation_rejects_a_missing_language(language):
    document = copy.deepcopy(shipped("police"))
    del document["questions"][3]["guidance"][language]
    with pytest.raises(content.ContentError) as exc:
        content.validate_content(document)
    assert f"missing {language}" in str(exc.value)


def test_validation_rejects_duplicate_keys_and_too_few_questions():
    document = copy.deepcopy(shipped("online"))
    document["questions"][1]["key"] = document["questions"][0]["key"]
    document["questions"] = document["questions"][:9]
    with pytest.raises(content.ContentError) as exc:
        content.validate_content(document)
    assert "duplicate key" in str(exc.value)
    assert "adult variant: 9 questions, expected 10–20" in str(exc.value)


def test_catalogue_file_has_all_codes_in_five_languages():
    data = content.load_catalogue_file()
    assert set(data["indicators"]) == rules.CODES
    for code, texts in data["indicators"].items():
        assert set(texts) == set(LANGUAGES), code
    assert data["history"], "corrections to the catalogue are recorded in its history"


@pytest.mark.django_db
def test_migration_loaded_catalogue_with_weights_matching_the_rule():
    assert Indicator.objects.count() == 67
    for indicator in Indicator.objects.all():
        expected = rules.BY_CODE[indicator.code]
        assert indicator.weight_adult == (expected.adult or "")
        assert indicator.weight_child == (expected.child or "")
        assert indicator.element == expected.element
    assert Indicator.objects.filter(weight_child="").count() == 2


@pytest.mark.django_db
def test_migration_published_one_revision_per_sector():
    assert Protocol.objects.count() == len(content.SECTORS)
    for protocol in Protocol.objects.all():
        assert protocol.published is not None
        assert protocol.published.number == 1


def test_diff_reports_added_removed_and_changed_questions():
    old = shipped("health")
    new = copy.deepcopy(old)
    new["questions"][0]["text"]["uk"] = "Новий текст"
    new["questions"][1]["codes"] = ["cd.violence", "cr.violence"]
    removed = new["questions"].pop(2)
    new["questions"].append({**copy.deepcopy(removed), "key": "brand_new"})
    changes = content.diff_content(old, new)
    kinds = {(c["kind"], c["key"]) for c in changes}
    assert ("changed", old["questions"][0]["key"]) in kinds
    assert ("changed", old["questions"][1]["key"]) in kinds
    assert ("removed", removed["key"]) in kinds
    assert ("added", "brand_new") in kinds
    text_change = next(c for c in changes if c["key"] == old["questions"][0]["key"])
    assert [(f["field"], f["old"], f["new"]) for f in text_change["fields"]] == [
        ("text (uk)", old["questions"][0]["text"]["uk"], "Новий текст")
    ]
    codes_change = next(c for c in changes if c["key"] == old["questions"][1]["key"])
    assert (codes_change["fields"][0]["old"], codes_change["fields"][0]["new"]) == (
        "cd.violence",
        "cd.violence, cr.violence",
    )


def test_word_diff_marks_only_the_changed_words():
    left, right = content.word_diff("Is the person locked in?", "Is the person locked in or watched?")
    assert "".join(text for _, text in left) == "Is the person locked in?"
    assert [text for changed, text in right if changed] == ["in or watched?"]
    assert [text for changed, text in left if changed] == ["in?"]


def test_diff_of_identical_documents_is_empty():
    assert content.diff_content(shipped("education"), shipped("education")) == []
