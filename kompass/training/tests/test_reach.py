"""Reach totals of the schools programme on a hand-computed fixture."""

from datetime import date

import pytest
from django.urls import reverse

from kompass.training import selectors
from kompass.training.models import ParentSession, School, SchoolSession
from kompass.training.tests.factories import make_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(org_a, org_b):
    s1 = make_school("Liceul Teoretic Miron Costin", "Iași", "Iași", "RO")
    s2 = make_school("Școala Gimnazială Ion Creangă", "Pașcani", "Iași", "RO")
    s3 = make_school("Liceul Teoretic Ion Creangă", "Bălți", "Bălți", "MD")

    def session(school, day, pupils, teachers=0, org=org_a):
        return SchoolSession.objects.create(
            organisation=org,
            school=school,
            date=day,
            grade_from=7,
            grade_to=8,
            pupils_reached=pupils,
            teachers_present=teachers,
            topic_sextortion=True,
        )

    session(s1, date(2023, 10, 2), 30, 2)
    session(s1, date(2024, 3, 5), 25, 1)
    session(s2, date(2024, 11, 12), 40, 3)
    session(s3, date(2024, 4, 18), 20, 1, org=org_b)
    session(s3, date(2025, 2, 20), 10, 0, org=org_b)
    ParentSession.objects.create(organisation=org_a, school=s1, date=date(2024, 3, 5), parents_reached=15)
    return s1, s2, s3


def test_reach_by_region_and_year(programme, django_assert_num_queries):
    with django_assert_num_queries(4):
        report = selectors.reach_report()
    rows = {
        (r["country"], r["region"], r["year"]): (r["pupils"], r["schools"], r["sessions"], r["parents"])
        for r in report.rows
    }
    assert rows == {
        ("RO", "Iași", 2023): (30, 1, 1, 0),
        ("RO", "Iași", 2024): (65, 2, 2, 15),
        ("MD", "Bălți", 2024): (20, 1, 1, 0),
        ("MD", "Bălți", 2025): (10, 1, 1, 0),
    }


def test_region_totals_count_a_school_once(programme):
    regions = {
        (r["country"], r["region"]): (r["pupils"], r["schools"], r["sessions"], r["teachers"])
        for r in selectors.reach_report().regions
    }
    # Iași: school 1 visited in 2023 and 2024 counts once → 2 schools, not 3.
    assert regions == {("RO", "Iași"): (95, 2, 3, 6), ("MD", "Bălți"): (30, 1, 2, 1)}


def test_regions_carry_a_running_total_by_year(programme):
    running = [(r["region"], r["year"], r["pupils_running"]) for r in selectors.reach_report().rows]
    assert running == [("Bălți", 2024, 20), ("Bălți", 2025, 30), ("Iași", 2023, 30), ("Iași", 2024, 95)]


def test_years_carry_a_running_total(programme):
    years = [
        (y["year"], y["pupils"], y["pupils_running"], y["schools"], y["sessions"])
        for y in selectors.reach_report().years
    ]
    assert years == [(2023, 30, 30, 1, 1), (2024, 85, 115, 3, 3), (2025, 10, 125, 1, 1)]


def test_grand_total(programme):
    total = selectors.reach_report().total
    assert (
        total.pupils,
        total.schools,
        total.sessions,
        total.teachers,
        total.parents,
        total.parent_sessions,
    ) == (125, 3, 5, 7, 15, 1)


def test_reach_of_one_organisation(programme, org_a):
    report = selectors.reach_report(
        sessions=SchoolSession.objects.filter(organisation=org_a),
        parent_sessions=ParentSession.objects.filter(organisation=org_a),
    )
    assert (report.total.pupils, report.total.schools, report.total.sessions) == (95, 2, 3)


def test_public_page_shows_aggregates_only(client, programme):
    body = client.get(reverse("training:public_reach")).content.decode()
    assert "125" in body and "Bălți" in body and "<svg" in body
    assert "Miron Costin" not in body and "Ion Creangă" not in body


def test_public_page_query_count_does_not_grow(client, programme, django_assert_max_num_queries, org_a):
    with django_assert_max_num_queries(7):
        client.get(reverse("training:public_reach"))
    school = make_school("Another", "Cluj-Napoca", "Cluj", "RO")
    for i in range(30):
        SchoolSession.objects.create(
            organisation=org_a,
            school=school,
            date=date(2022, 1, 1 + i % 28),
            grade_from=5,
            grade_to=6,
            pupils_reached=10,
            topic_digital_abuse=True,
        )
    with django_assert_max_num_queries(7):
        client.get(reverse("training:public_reach"))


def test_reach_csv(client, login, programme):
    login(client, "coordinator")
    lines = client.get(reverse("training:reach_csv")).content.decode().splitlines()
    assert (
        lines[0]
        == "country,region,year,pupils,pupils_running,schools,sessions,teachers,parents,parent_sessions,page_opens"
    )
    assert "RO,Iași,2024,65,95,2,2,4,15,1,0" in lines


def test_trainer_records_school_and_session(client, login, org_a):
    login(client, "trainer_a")
    client.post(
        reverse("training:schools"),
        {
            "kind": "school",
            "school-name": "Școala nr. 5",
            "school-locality": "Cahul",
            "school-region": "Cahul",
            "school-country": "md",
        },
    )
    school = School.objects.get()
    assert school.country == "MD"
    response = client.post(
        reverse("training:schools"),
        {
            "kind": "session",
            "session-school": school.pk,
            "session-date": "2025-05-06",
            "session-grade_from": "8",
            "session-grade_to": "9",
            "session-pupils_reached": "56",
            "session-teachers_present": "2",
            "session-topics": ["online_grooming", "sextortion"],
        },
    )
    assert response.status_code == 302
    session = SchoolSession.objects.get()
    assert session.organisation == org_a and session.topics == ["online_grooming", "sextortion"]


def test_school_session_of_another_organisation_cannot_be_deleted(client, login, programme):
    session_of_b = SchoolSession.objects.filter(organisation__name="Organisation B").first()
    login(client, "trainer_a")
    response = client.post(reverse("training:school_session_delete", kwargs={"code": session_of_b.code}))
    assert response.status_code == 404 and SchoolSession.objects.filter(pk=session_of_b.pk).exists()


def test_csv_neutralises_formulas(client, login, org_a):
    school = make_school("=HYPERLINK(1)", "X", "=cmd|' /C calc'!A0", "RO")
    SchoolSession.objects.create(
        organisation=org_a,
        school=school,
        date=date(2024, 1, 9),
        grade_from=5,
        grade_to=5,
        pupils_reached=3,
        topic_sextortion=True,
    )
    login(client, "coordinator")
    body = client.get(reverse("training:reach_csv")).content.decode()
    assert "'=cmd" in body and "\n=cmd" not in body and ",=cmd" not in body
