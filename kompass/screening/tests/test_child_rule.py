"""For a child: only the child list counts, "age uncertain" applies the child rule and says why,
and the result always sends the professional to child protection (issue #12.7)."""

import pytest
from django.urls import reverse
from django.utils import translation

from kompass.screening.models import Protocol, Screening

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


def answers(revision, subject_answer, subject, yes=()):
    data = {
        "sector": revision.sector,
        "subject": subject_answer,
        "country": "RO",
        "revision": str(revision.code),
    }
    for question in revision.questions_for(subject):
        data[f"q_{question['key']}"] = "yes" if question["key"] in yes else "no"
    return data


def screen(client, language, subject_answer, *, sector="health", yes=()):
    revision = Protocol.objects.get(sector=sector).published
    subject = "adult" if subject_answer == "adult" else "child"
    with translation.override(language):
        url = reverse("screening:start")
    response = client.post(url, answers(revision, subject_answer, subject, yes), follow=True)
    assert response.status_code == 200
    return Screening.objects.latest("created_at"), response.content.decode()


def texts(language, *msgids):
    with translation.override(language):
        return [translation.gettext(m) for m in msgids]


INVOLVE = "Involve child protection in every case"
WHY = (
    "You were not sure whether the person is under 18. When there are reasons to believe that a person "
    "is a child, they are presumed to be a child and protected as one until their age is established "
    "(Council of Europe Convention on Action against Trafficking in Human Beings, article 10(3)). This "
    "result therefore applies the rule for children."
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_age_uncertain_is_offered_and_applies_the_child_rule(client, language):
    with translation.override(language):
        page = client.get(reverse("screening:start")).content.decode()
    assert 'value="age_uncertain"' in page
    screening, html = screen(client, language, "age_uncertain")
    assert screening.subject == "child" and screening.age_uncertain
    involve, why = texts(language, INVOLVE, WHY)
    assert involve in html and why in html
    assert "10(3)" in html
    if language != "en":
        assert involve != INVOLVE and why != WHY


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("verdict_answers", [(), ("all",)])
def test_child_result_always_involves_child_protection(client, language, verdict_answers):
    revision = Protocol.objects.get(sector="health").published
    yes = [q["key"] for q in revision.questions_for("child")] if verdict_answers else []
    screening, html = screen(client, language, "child", yes=yes)
    assert screening.verdict == ("presumed_victim" if yes else "no_indicators")
    (involve,) = texts(language, INVOLVE)
    assert involve in html
    (why,) = texts(language, WHY)
    assert why not in html  # the age was known


@pytest.mark.parametrize("language", LANGUAGES)
def test_adult_result_does_not_speak_of_a_child(client, language):
    _, html = screen(client, language, "adult")
    (involve,) = texts(language, INVOLVE)
    assert involve not in html


def test_age_uncertain_gives_the_child_verdict_where_the_adult_one_differs(client):
    # Means and exploitation without any sign at destination: a presumed victim only as a child.
    revision = Protocol.objects.get(sector="labour_inspection").published
    yes = [
        q["key"]
        for q in revision.questions_for("child")
        if all(code.split(".")[0] in {"dr", "cr", "vr", "ex"} for code in q["codes"])
    ]
    adult, _ = screen(client, "en", "adult", sector="labour_inspection", yes=yes)
    uncertain, _ = screen(client, "en", "age_uncertain", sector="labour_inspection", yes=yes)
    assert uncertain.verdict == "presumed_victim"
    assert adult.verdict != "presumed_victim"


@pytest.mark.parametrize("code", ["vr.false_info_law", "ex.no_social_protection"])
def test_api_counts_only_the_child_list_for_a_child(client, code):
    def verdict(subject):
        body = {"subject": subject, "answers": {code: True}}
        response = client.post("/api/v1/screening/assess", body, content_type="application/json")
        assert response.status_code == 200
        return response.json()["verdict"]

    assert verdict("child") == "no_indicators"
    assert verdict("adult") == "indicators_present"


def test_the_service_applies_the_child_rule_when_age_is_uncertain():
    from kompass.screening import services

    revision = Protocol.objects.get(sector="health").published
    screening = services.run_screening(revision=revision, subject="adult", answers={}, age_uncertain=True)
    assert screening.subject == "child" and screening.age_uncertain
