"""Staff pages of the statistics app: access table, report page, downloads, review queue."""

import datetime

import pytest
from django.urls import reverse

from kompass.stats.models import ReviewPair
from kompass.stats.services import refresh_linkage

REPORT = reverse("stats:report")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 200),
        ("auditor", 200),
        ("org_admin_a", 403),
        ("caseworker_a", 403),
        ("caseworker_b", 403),
        ("frontline_a", 403),
        ("anonymous", 302),
    ],
)
def test_report_access(client, login, who, status):
    login(client, who)
    assert client.get(REPORT + "?year=2025").status_code == status


@pytest.mark.parametrize(
    ("who", "status"), [("coordinator", 200), ("auditor", 403), ("caseworker_a", 403), ("anonymous", 302)]
)
def test_review_queue_is_for_the_coordinator(client, login, who, status):
    login(client, who)
    assert client.get(reverse("stats:review")).status_code == status


def test_report_page_shows_charts_and_withheld_cells(client, login, orgs, make_case):
    for i in range(7):
        make_case(
            orgs["a"],
            sex="female" if i < 6 else "male",
            country_of_exploitation="ROU",
            identified_on=datetime.date(2025, 5, 1),
        )
    login(client, "coordinator")
    response = client.get(REPORT + "?year=2025&country=ROU")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "withheld" in html
    assert "UNODC" in html and "500" in html  # GLOTIP total for Romania, 2022


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [
        ("csv", "text/csv; charset=utf-8", b"section,category,value"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_downloads(client, login, orgs, make_case, fmt, content_type, magic):
    for _ in range(6):
        make_case(orgs["a"])
    login(client, "coordinator")
    response = client.get(reverse("stats:download", args=[fmt]) + "?year=2025")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)


def test_coordinator_decides_a_pair(client, login, orgs, make_case):
    a = make_case(orgs["a"], identity={"given_name": "Iryna", "surname": "Bondar"})
    b = make_case(orgs["b"], identity={"given_name": "Irina", "surname": "Bondarenko"})
    refresh_linkage()
    low, high = sorted((a.pk, b.pk))
    pair = (
        ReviewPair.objects.create(case_a_id=low, case_b_id=high, probability=0.6)
        if not ReviewPair.objects.exists()
        else ReviewPair.objects.get()
    )
    login(client, "coordinator")
    page = client.get(reverse("stats:review")).content.decode()
    assert "Bondar" not in page and "Iryna" not in page
    response = client.post(reverse("stats:review_decide", args=[pair.code]), {"decision": "different"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == "rejected"


def test_ctdc_export_download(client, login, orgs, make_case):
    login(client, "auditor")
    response = client.get(reverse("stats:ctdc_export"))
    assert response.status_code == 200
    assert response.content.decode().startswith("yearOfRegistration,gender,ageBroad")


def test_dashboard_card_for_statistics_roles(client, login):
    login(client, "coordinator")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("stats:report") in page and reverse("stats:review") in page
    login(client, "caseworker_a")
    assert reverse("stats:report") not in client.get(reverse("core:dashboard")).content.decode()
