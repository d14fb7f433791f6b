"""Country as a scope (issue #20): one NRM coordinator per country, each seeing its own country's
reports and statistics; the regional body sees counts across countries, nothing else."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from kompass.organisations.models import Membership, Organisation
from kompass.organisations.permissions import grantable_roles
from kompass.screening import services as screening_services

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "coordinator_rs", "regional", "auditor", "caseworker_b", "anonymous"]


def _expect(table, persona):
    return table[PERSONAS.index(persona)]


def test_one_coordinator_organisation_per_country(coordinator_org):
    Organisation.objects.create(name="Serbian centre (test)", country="RS", is_national_coordinator=True)
    Organisation.objects.create(
        name="Moldovan secretariat (test)", country="MD", is_national_coordinator=True
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Second Romanian (test)", country="RO", is_national_coordinator=True)


@pytest.fixture
def reports(persona):
    persona("coordinator_rs")  # Serbia has its coordinator (else Serbian reports go to the first one)
    return {
        country: screening_services.send_report(sector="health", country=country, region="R")
        for country in ("RO", "RS")
    }


@pytest.mark.parametrize("persona_name", PERSONAS)
@pytest.mark.parametrize(
    ("page", "table"),
    [
        #                     ro   rs   reg  aud  cw_b anon
        ("triage_inbox", [200, 200, 403, 403, 403, 302]),
        ("report_ro", [200, 404, 403, 403, 403, 302]),
        ("report_rs", [404, 200, 403, 403, 403, 302]),
        ("statistics", [200, 200, 200, 200, 403, 302]),
        ("statistics_ro", [200, 404, 200, 200, 403, 302]),
        ("statistics_rs", [404, 200, 200, 200, 403, 302]),
        ("statistics_ro_csv", [200, 404, 200, 200, 403, 302]),
        ("cases", [200, 200, 403, 403, 200, 302]),
    ],
)
def test_country_access_matrix(client, login, reports, page, table, persona_name):
    urls = {
        "triage_inbox": reverse("screening:reports"),
        "report_ro": reports["RO"].get_absolute_url(),
        "report_rs": reports["RS"].get_absolute_url(),
        "statistics": reverse("stats:report") + "?year=2025",
        "statistics_ro": reverse("stats:report") + "?year=2025&country=ROU",
        "statistics_rs": reverse("stats:report") + "?year=2025&country=SRB",
        "statistics_ro_csv": reverse("stats:download", args=["csv"]) + "?year=2025&country=ROU",
        "cases": reverse("cases:list"),
    }
    login(client, persona_name)
    assert client.get(urls[page]).status_code == _expect(table, persona_name)


def test_each_coordinator_triages_the_reports_of_its_country(client, login, reports):
    login(client, "coordinator_rs")
    page = client.get(reverse("screening:reports")).content.decode()
    assert reports["RS"].reference in page and reports["RO"].reference not in page
    login(client, "coordinator")
    page = client.get(reverse("screening:reports")).content.decode()
    assert reports["RO"].reference in page and reports["RS"].reference not in page


def test_coordinator_statistics_default_to_its_own_country(client, login):
    login(client, "coordinator_rs")
    assert "SRB" in client.get(reverse("stats:report") + "?year=2025").content.decode()
    login(client, "coordinator")
    assert "ROU" in client.get(reverse("stats:report") + "?year=2025").content.decode()


def test_statistics_api_is_scoped_to_the_coordinators_country(client, login):
    login(client, "coordinator_rs")
    assert client.get("/api/v1/stats/nrm?year=2025").json()["country"] == "SRB"
    assert client.get("/api/v1/stats/nrm?year=2025&country=ROU").status_code == 404
    login(client, "regional")
    assert client.get("/api/v1/stats/nrm?year=2025&country=ROU").status_code == 200


def test_regional_body_sees_counts_only(persona):
    membership = persona("regional").memberships.get()
    assert membership.can_view_statistics and membership.can_view_regional_statistics
    assert membership.statistics_country is None
    for capability in ("can_triage_reports", "can_view_cases", "can_edit_protocols", "can_review_linkage",
                       "can_work_on_cases", "can_view_all_audit", "can_manage_organisations"):  # fmt: skip
        assert not getattr(membership, capability), capability


def test_a_coordinator_names_coordinators_of_its_own_country_only(persona, coordinator_org):
    rs = persona("coordinator_rs").memberships.get()
    ro = persona("coordinator").memberships.get()
    assert Membership.Role.COORDINATOR not in grantable_roles(rs, coordinator_org)
    assert Membership.Role.COORDINATOR in grantable_roles(ro, coordinator_org)
    assert Membership.Role.COORDINATOR in grantable_roles(rs, rs.organisation)
    assert Membership.Role.REGIONAL in grantable_roles(ro, coordinator_org)


def test_ctdc_export_is_the_coordinators_country(client, login, persona, org_a, org_b):
    from kompass.cases.services import create_case

    for owner in (org_a, org_a, org_a, org_b, org_b):
        create_case(owner=owner, by=persona("caseworker_a"), identity=None, is_anonymous=True,
                    country=owner.country, identified_on=__import__("datetime").date(2025, 2, 1))  # fmt: skip
    # Identical anonymous cases: every k-anonymity group is big enough, no row is left out.
    expected = {"coordinator": 3, "coordinator_rs": 2, "regional": 5}
    for name, rows in expected.items():
        login(client, name)
        body = client.get(reverse("stats:ctdc_export") + "?k=2").content.decode()
        assert len(body.strip().splitlines()) - 1 == rows, name


def test_coordinators_dashboard_counts_its_countrys_organisations(client, login):
    login(client, "coordinator")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Organisation A" in page and "Organisation B" not in page
    login(client, "coordinator_rs")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Organisation B" in page and "Organisation A" not in page


def test_a_report_from_a_country_without_a_coordinator_reaches_the_first_coordinator(client, login, reports):
    """Ukraine has no coordinator on the platform: its reports are triaged by the first one registered
    (Romania's here), never by Serbia's, and never left unread."""
    from_ukraine = screening_services.send_report(sector="online", country="UA", region="Chernivtsi")
    login(client, "coordinator")
    assert from_ukraine.reference in client.get(reverse("screening:reports")).content.decode()
    assert client.get(from_ukraine.get_absolute_url()).status_code == 200
    login(client, "coordinator_rs")
    assert from_ukraine.reference not in client.get(reverse("screening:reports")).content.decode()
    assert client.get(from_ukraine.get_absolute_url()).status_code == 404
