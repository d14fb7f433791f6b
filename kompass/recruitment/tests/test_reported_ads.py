"""Reporting ads (public), logging them in casework (staff), linking to cases, and who sees what."""

import datetime

import pytest
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.cases.tests.factories import make_case
from kompass.recruitment import services
from kompass.recruitment.models import ReportedAd
from kompass.recruitment.selectors import reported_ads_by_platform, reported_ads_by_platform_and_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_ad():
    return services.report_ad(
        platform="telegram", text="Девушки 18-25, работа в Дубае, пишите в телеграм.", country="UKR"
    )


@pytest.fixture
def logged_ad_a(persona, orgs):
    user = persona("caseworker_a")
    return services.log_ad(
        by=user, membership=user.memberships.get(), platform="facebook", link="https://facebook.com/x"
    )


# -- public report ----------------------------------------------------------------------------


def test_public_report_stores_only_the_ad(client):
    response = client.post(
        reverse("recruitment:report"),
        {
            "platform": "telegram",
            "link": "t.me/jobs_abroad",
            "text": "Hostess in Dubai, free flights.",
            "country": "MDA",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("recruitment:reported")
    ad = ReportedAd.objects.get()
    assert (ad.source, ad.platform, ad.country, ad.link) == (
        "public",
        "telegram",
        "MDA",
        "https://t.me/jobs_abroad",
    )
    assert ad.organisation is None and ad.created_by is None and ad.case is None
    assert ad.risk in {"medium", "high"} and "hostess_abroad" in ad.reason_codes
    assert AuditEvent.objects.filter(action="job_ad_reported").count() == 1


def test_report_needs_a_link_or_text(client):
    response = client.post(reverse("recruitment:report"), {"platform": "olx"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ReportedAd.objects.exists()


def test_unknown_platform_is_refused(client):
    response = client.post(reverse("recruitment:report"), {"platform": "myspace", "text": "x"})
    assert "platform" in response.context["form"].errors
    assert not ReportedAd.objects.exists()


def test_thank_you_page(client):
    assert client.get(reverse("recruitment:reported")).status_code == 200


# -- staff ------------------------------------------------------------------------------------

PAGES = ["recruitment:ads", "recruitment:log_ad", "recruitment:statistics"]


@pytest.mark.parametrize(
    ("persona_name", "expected"),
    [
        ("coordinator", {"recruitment:ads": 200, "recruitment:log_ad": 403, "recruitment:statistics": 200}),
        ("auditor", {"recruitment:ads": 200, "recruitment:log_ad": 403, "recruitment:statistics": 200}),
        ("org_admin_a", {"recruitment:ads": 200, "recruitment:log_ad": 200, "recruitment:statistics": 403}),
        ("caseworker_a", {"recruitment:ads": 200, "recruitment:log_ad": 200, "recruitment:statistics": 403}),
        ("frontline_a", {"recruitment:ads": 403, "recruitment:log_ad": 403, "recruitment:statistics": 403}),
        ("trainer_a", {"recruitment:ads": 403, "recruitment:log_ad": 403, "recruitment:statistics": 403}),
        ("caseworker_b", {"recruitment:ads": 200, "recruitment:log_ad": 200, "recruitment:statistics": 403}),
        ("anonymous", {"recruitment:ads": 302, "recruitment:log_ad": 302, "recruitment:statistics": 302}),
    ],
)
def test_staff_pages_access(client, login, persona_name, expected):
    login(client, persona_name)
    for name in PAGES:
        assert client.get(reverse(name)).status_code == expected[name], name


@pytest.mark.parametrize(
    ("persona_name", "status"),
    [
        ("caseworker_a", 200),
        ("org_admin_a", 200),
        ("coordinator", 200),
        ("auditor", 200),
        ("caseworker_b", 404),
        ("frontline_a", 403),
        ("anonymous", 302),
    ],
)
def test_ad_detail_access(client, login, logged_ad_a, persona_name, status):
    login(client, persona_name)
    assert client.get(reverse("recruitment:ad", args=[logged_ad_a.code])).status_code == status


def test_public_reports_are_seen_by_the_coordinator_only(client, login, public_ad):
    login(client, "caseworker_a")
    assert client.get(reverse("recruitment:ad", args=[public_ad.code])).status_code == 404
    login(client, "coordinator")
    response = client.get(reverse("recruitment:ads"))
    assert public_ad in response.context["ads"]


def test_caseworker_logs_an_ad_linked_to_a_case(client, login, persona, orgs):
    user = login(client, "caseworker_a")
    case = make_case(orgs["a"], user)
    response = client.post(
        reverse("recruitment:log_ad"),
        {
            "platform": "olx",
            "text": "Pay a registration fee of 100 EUR",
            "seen_on": "2026-03-01",
            "case_reference": case.reference,
            "country": "ROU",
        },
    )
    assert response.status_code == 302
    ad = ReportedAd.objects.get()
    assert (ad.source, ad.organisation, ad.case, ad.created_by) == ("casework", orgs["a"], case, user)
    assert ad.seen_on == datetime.date(2026, 3, 1)
    assert "fees" in ad.reason_codes
    assert AuditEvent.objects.filter(action="job_ad_logged").exists()


def test_case_of_another_organisation_cannot_be_linked(client, login, persona, orgs):
    other = persona("caseworker_b")
    case_b = make_case(orgs["b"], other)
    login(client, "caseworker_a")
    response = client.post(
        reverse("recruitment:log_ad"),
        {"platform": "olx", "text": "x", "seen_on": "2026-03-01", "case_reference": case_b.reference},
    )
    assert response.status_code == 200
    assert "case_reference" in response.context["form"].errors
    assert not ReportedAd.objects.exists()


def test_link_an_existing_ad_to_a_case(client, login, logged_ad_a, orgs):
    user = login(client, "caseworker_a")
    case = make_case(orgs["a"], user)
    response = client.post(
        reverse("recruitment:ad", args=[logged_ad_a.code]), {"case_reference": case.reference}
    )
    assert response.status_code == 302
    logged_ad_a.refresh_from_db()
    assert logged_ad_a.case == case


def test_coordinator_cannot_link_an_organisations_ad(client, login, logged_ad_a):
    login(client, "coordinator")
    response = client.post(reverse("recruitment:ad", args=[logged_ad_a.code]), {"case_reference": "X"})
    assert response.status_code == 403


def test_future_date_is_refused(client, login):
    login(client, "caseworker_a")
    response = client.post(
        reverse("recruitment:log_ad"), {"platform": "olx", "text": "x", "seen_on": "2999-01-01"}
    )
    assert "seen_on" in response.context["form"].errors


# -- counts -----------------------------------------------------------------------------------


def test_counts_by_platform_and_month(client, login, persona, orgs):
    services.report_ad(platform="telegram", text="a", country="UKR")
    services.report_ad(platform="telegram", link="https://t.me/a", country="ROU")
    user = persona("caseworker_a")
    services.log_ad(
        by=user,
        membership=user.memberships.get(),
        platform="olx",
        text="b",
        seen_on=datetime.date(2025, 5, 3),
    )
    this_year = datetime.date.today().year
    assert reported_ads_by_platform()["telegram"] == 2
    assert reported_ads_by_platform(year=2025) == {**dict.fromkeys(ReportedAd.Platform.values, 0), "olx": 1}
    assert reported_ads_by_platform(country="ukr")["telegram"] == 1
    assert list(reported_ads_by_platform()) == list(ReportedAd.Platform.values)
    table = reported_ads_by_platform_and_month(this_year)
    assert sum(table["telegram"]) == 2
    # Romania's coordinator counts the ads seen in Romania (issue #20); the regional body every country's.
    for name, telegram, total in (("coordinator", 1, 1), ("regional", 2, 2)):
        login(client, name)
        response = client.get(reverse("recruitment:statistics"), {"year": this_year})
        row = next(r for r in response.context["rows"] if r["code"] == "telegram")
        assert (row["total"], response.context["total"]) == (telegram, total), name
    # An ad logged in casework without a country counts for the country of the organisation that logged it.
    assert reported_ads_by_platform(year=2025, country="ROU")["olx"] == 1
    assert reported_ads_by_platform(year=2025, country="SRB")["olx"] == 0


def test_statistics_page_query_count(client, login, django_assert_max_num_queries):
    for _ in range(5):
        services.report_ad(platform="viber", text="x")
    login(client, "coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("recruitment:statistics")).status_code == 200


def test_ad_list_query_count(client, login, django_assert_max_num_queries):
    for _ in range(10):
        services.report_ad(platform="viber", text="x")
    login(client, "coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("recruitment:ads")).status_code == 200
