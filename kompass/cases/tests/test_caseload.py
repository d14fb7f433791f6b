"""The supervisor's caseload page: counts per caseworker of the own organisation only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kompass.cases.services import add_task, assess_risk, update_case
from kompass.cases.tests.factories import consent_to_share, make_case, offer
from kompass.referrals.models import Referral
from kompass.referrals.services import send_referral

URL = reverse("cases:caseload")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("org_admin_a", 200), ("caseworker_a", 403), ("org_admin_b", 200), ("caseworker_b", 403),
        ("coordinator", 403), ("auditor", 403), ("auditor_a", 403), ("frontline_a", 403), ("trainer_a", 403),
        ("regional", 403), ("anonymous", 302),
    ],
)  # fmt: skip
def test_caseload_access(client, login, who, status):
    login(client, who)
    assert client.get(URL).status_code == status


def _load_of_a(persona, org_a, org_b, n=1):
    worker = persona("caseworker_a")
    offer(org_b, "medical_care")
    for _ in range(n):
        case = make_case(org_a, worker)
        update_case(case=case, by=worker, expected_version=case.version, assigned_to=worker)
        assess_risk(case=case, by=worker, level="immediate_danger", reason="Threats")
        add_task(case=case, by=worker, title="Call", due_on=datetime.date(2020, 1, 1))
        consent_to_share(case, org_b, worker, service="medical_care")
        referral = send_referral(case=case, by=worker, to_organisation=org_b, service="medical_care")
        # Sent three days ago, due yesterday: past its deadline.
        Referral.objects.filter(pk=referral.pk).update(
            created_at=referral.created_at - datetime.timedelta(days=3),
            respond_by=referral.created_at - datetime.timedelta(days=1),
        )
    make_case(org_a, worker, region="Unassigned region")
    return worker


def test_counts_per_caseworker(client, login, persona, org_a, org_b):
    worker = _load_of_a(persona, org_a, org_b, n=2)
    login(client, "org_admin_a")
    response = client.get(URL)
    rows = {row["label"]: row for row in response.context["rows"]}
    assert rows[str(worker)] == {
        "label": str(worker), "user": worker, "open": 2, "high_risk": 2, "overdue_tasks": 2, "overdue_referrals": 2,
    }  # fmt: skip
    assert rows["Not assigned"]["open"] == 1 and rows["Not assigned"]["overdue_tasks"] == 0


def test_another_organisation_sees_none_of_it(client, login, persona, org_a, org_b):
    worker = _load_of_a(persona, org_a, org_b)
    login(client, "org_admin_b")
    body = client.get(URL).content.decode()
    assert str(worker) not in body
    login(client, "org_admin_b")
    rows = client.get(URL).context["rows"]
    assert sum(row["open"] + row["overdue_tasks"] + row["overdue_referrals"] for row in rows) == 0


def test_caseload_runs_a_constant_number_of_queries(
    client, login, persona, org_a, org_b, django_assert_num_queries
):
    _load_of_a(persona, org_a, org_b)
    login(client, "org_admin_a")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    _load_of_a(persona, org_a, org_b, n=5)
    persona("caseworker_b")
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    ("language", "title", "column"),
    [
        ("ro", "Volumul de cazuri", "Trimiteri întârziate"),
        ("uk", "Навантаження", "Прострочені направлення"),
        ("ru", "Нагрузка", "Просроченные направления"),
        ("sr-latn", "Opterećenje", "Zakasneli uputi"),
    ],
)
def test_caseload_is_translated(client, login, language, title, column):
    login(client, "org_admin_a")
    body = client.get(f"/{language}/cases/caseload/").content.decode()
    assert title in body and column in body
