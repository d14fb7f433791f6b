"""The risk level of a case: assessed with a reason and a date, history kept, shown in every list."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kompass.audit.models import AuditEvent
from kompass.cases.models import Case, RiskAssessment
from kompass.cases.services import anonymise_case, assess_risk
from kompass.cases.tests.factories import make_case


def test_assessing_sets_the_current_level_keeps_history_and_audits_once(case_of_a, persona):
    by = persona("caseworker_a")
    assess_risk(
        case=case_of_a,
        by=by,
        level="medium",
        reason="Recruiter phoned her",
        assessed_on=datetime.date(2026, 3, 3),
    )
    assess_risk(case=case_of_a, by=by, level="immediate_danger", reason="Recruiter waits outside the shelter")
    case_of_a.refresh_from_db()
    assert case_of_a.risk_level == "immediate_danger"
    assert case_of_a.risk_assessed_on == timezone.localdate()
    assert [a.level for a in case_of_a.risk_assessments.all()] == ["immediate_danger", "medium"]
    events = AuditEvent.objects.filter(action="risk_assessed", object_id=str(case_of_a.code))
    assert events.count() == 2
    assert all("Recruiter" not in str(e.detail) for e in events), (
        "the reason is case content, not audit detail"
    )
    assert events.first().actor == by


def test_an_older_assessment_joins_the_history_without_replacing_the_current_one(case_of_a, persona):
    by = persona("caseworker_a")
    assess_risk(case=case_of_a, by=by, level="high", reason="Threats", assessed_on=datetime.date(2026, 4, 1))
    assess_risk(
        case=case_of_a, by=by, level="low", reason="Late entry", assessed_on=datetime.date(2026, 3, 5)
    )
    case_of_a.refresh_from_db()
    assert (case_of_a.risk_level, case_of_a.risk_assessed_on) == ("high", datetime.date(2026, 4, 1))
    assert case_of_a.risk_assessments.count() == 2


@pytest.mark.parametrize(
    ("attrs", "field"),
    [
        ({"level": "extreme", "reason": "x"}, "level"),
        ({"level": "high", "reason": "   "}, "reason"),
        ({"level": "high", "reason": "x", "assessed_on": datetime.date(2999, 1, 1)}, "assessed_on"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(case_of_a, persona, attrs, field):
    with pytest.raises(ValidationError) as error:
        assess_risk(case=case_of_a, by=persona("caseworker_a"), **attrs)
    assert field in error.value.message_dict
    case_of_a.refresh_from_db()
    assert case_of_a.risk_level == "" and not RiskAssessment.objects.exists()
    assert not AuditEvent.objects.filter(action="risk_assessed").exists()


def test_caseworker_assesses_from_the_case_page(client, login, case_of_a):
    login(client, "caseworker_a")
    url = reverse("cases:risk", kwargs={"code": case_of_a.code})
    assert 'name="level"' in client.get(url).content.decode()
    response = client.post(
        url,
        {"level": "high", "reason": "Debt to the recruiter", "assessed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    body = client.get(case_of_a.get_absolute_url()).content.decode()
    assert 'class="badge risk risk-high"' in body and "Debt to the recruiter" in body
    assert "caseworker.a@" in body or "Assessed on" in body


def test_the_form_answers_bad_input_with_an_error_not_a_500(client, login, case_of_a):
    login(client, "caseworker_a")
    url = reverse("cases:risk", kwargs={"code": case_of_a.code})
    response = client.post(url, {"level": "high", "reason": "Threats", "assessed_on": "2999-01-01"})
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    response = client.post(url, {"level": "nope", "reason": "", "assessed_on": "2026-01-01"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not RiskAssessment.objects.exists()


def test_every_case_list_shows_the_risk_and_filters_by_it(client, login, persona, org_a, case_of_a):
    by = persona("caseworker_a")
    other = make_case(org_a, by, region="Cluj")
    assess_risk(case=case_of_a, by=by, level="immediate_danger", reason="Threat")
    login(client, "caseworker_a")
    body = client.get(reverse("cases:list")).content.decode()
    assert "risk-immediate_danger" in body and "risk-none" in body
    body = client.get(reverse("cases:list"), {"risk": "immediate_danger"}).content.decode()
    assert case_of_a.reference in body and other.reference not in body
    body = client.get(reverse("cases:list"), {"risk": "bogus"}).content.decode()
    assert "errorlist" in body or case_of_a.reference in body  # an unknown choice never answers 500
    from kompass.cases.services import add_task

    add_task(case=case_of_a, by=by, title="Call back", due_on=datetime.date(2026, 1, 1))
    assert "risk-immediate_danger" in client.get(reverse("cases:overdue")).content.decode()
    assert "risk-immediate_danger" in client.get(reverse("cases:dashboard")).content.decode()


def test_a_referred_organisation_sees_the_risk(client, login, persona, referred_case):
    case = referred_case.case
    assess_risk(case=case, by=persona("caseworker_a"), level="high", reason="Trafficker is her uncle")
    login(client, "caseworker_b")
    body = client.get(case.get_absolute_url()).content.decode()
    assert "risk-high" in body and "Trafficker is her uncle" in body
    assert "risk-high" in client.get(reverse("cases:list")).content.decode()
    assert client.get(reverse("cases:risk", kwargs={"code": case.code})).status_code == 403


def test_the_api_states_the_risk(client, login, persona, case_of_a):
    assess_risk(case=case_of_a, by=persona("caseworker_a"), level="low", reason="Safe with family")
    login(client, "caseworker_a")
    data = client.get(reverse("api:cases_case_detail", kwargs={"code": case_of_a.code})).json()
    assert data["risk_level"] == "low" and data["risk_assessed_on"] == timezone.localdate().isoformat()


def test_anonymisation_removes_the_reasons(case_of_a, persona):
    assess_risk(case=case_of_a, by=persona("caseworker_a"), level="high", reason="Lives at Strada Florilor 3")
    anonymise_case(case=case_of_a, by=None, reason="retention")
    assert not RiskAssessment.objects.filter(reason__contains="Florilor").exists()
    assert Case.objects.get(pk=case_of_a.pk).risk_level == "high"  # statistics keep the level


@pytest.mark.parametrize(
    ("language", "section", "level"),
    [
        ("en", "Risk", "Immediate danger"),
        ("ro", "Risc", "Pericol iminent"),
        ("uk", "Ризик", "Безпосередня небезпека"),
        ("ru", "Риск", "Непосредственная опасность"),
        ("sr-latn", "Rizik", "Neposredna opasnost"),
    ],
)
def test_risk_is_shown_in_each_language(client, login, persona, case_of_a, language, section, level):
    assess_risk(case=case_of_a, by=persona("caseworker_a"), level="immediate_danger", reason="Threat")
    login(client, "caseworker_a")
    prefix = "" if language == "en" else f"/{language}"
    body = client.get(f"{prefix}/cases/{case_of_a.code}/").content.decode()
    assert f">{section} <" in body.replace("\n", " ") or f">{section}<" in body
    assert level in body
    assert level in client.get(f"{prefix}/cases/").content.decode()
