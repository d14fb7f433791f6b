from datetime import timedelta

import pytest
from django.utils import timezone

from kompass.journeys.models import AwarenessPage, InfoSession

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("/uk", "Фальшиві пропозиції роботи"),
        ("/ru", "Фальшивые предложения работы"),
        ("/ro", "Oferte de muncă false"),
        ("", "Fake job offers"),
        ("/sr-latn", "Lažne ponude za posao"),
    ],
)
def test_awareness_pages_in_five_languages(client, prefix, title):
    page = client.get(f"{prefix}/journeys/awareness/fake-job-offers/").content.decode()
    assert f"<h1>{title}</h1>" in page
    assert "<li>" in page  # red flags as a list


def test_every_seeded_page_has_all_five_languages():
    pages = AwarenessPage.objects.all()
    assert {p.slug for p in pages} >= {"fake-job-offers", "transport-offers", "housing-offers", "online-contacts",
                                       "what-to-do", "rights-romania", "rights-moldova", "rights-poland",
                                       "rights-serbia"}  # fmt: skip
    for page in pages:
        for field in (page.title, page.summary, page.body):
            assert set(field) == {"en", "ro", "uk", "ru", "sr-latn"}, page.slug


def test_index_lists_pages_sessions_and_tracker_free_share_links(client, org_a):
    InfoSession.objects.create(organisation=org_a, title="Безпечна робота", starts_at=timezone.now() + timedelta(days=2),
                               place="Iași", language="uk")  # fmt: skip
    page = client.get("/uk/journeys/awareness/").content.decode()
    assert "Ваші права в Румунії" in page and "Безпечна робота" in page
    assert "https://t.me/share/url?url=" in page
    assert '<script src="http' not in page and "<iframe" not in page


def test_unpublished_page_is_404(client):
    AwarenessPage.objects.filter(slug="rights-poland").update(is_published=False)
    assert client.get("/journeys/awareness/rights-poland/").status_code == 404


@pytest.mark.parametrize(("name", "status"), [("coordinator", 200), ("org_admin_a", 403), ("anonymous", 302)])
def test_only_the_coordinator_edits_pages(client, login, name, status):
    login(client, name)
    assert client.get("/journeys/awareness/fake-job-offers/edit/").status_code == status


def test_coordinator_edits_a_page_per_language(client, login):
    login(client, "coordinator")
    page = AwarenessPage.objects.get(slug="rights-serbia")
    data = {f"{field}_{code}": value for field in ("title", "summary", "body", "authority")
            for code, value in getattr(page, field).items()}  # fmt: skip
    data.update(source_name=page.source_name, source_url=page.source_url, authority_url=page.authority_url,
                last_verified="2026-12-02", is_published="on")  # fmt: skip
    data["title_uk"] = "Ваші права в Сербії (оновлено)"
    assert client.post("/journeys/awareness/rights-serbia/edit/", data).status_code == 302
    page.refresh_from_db()
    assert page.title["uk"] == "Ваші права в Сербії (оновлено)"
    assert page.title["en"] == "Your rights in Serbia"
    assert page.last_verified.isoformat() == "2026-12-02" and page.verified_by is not None


def test_a_rights_page_without_authority_or_source_is_refused(client, login):
    login(client, "coordinator")
    page = AwarenessPage.objects.get(slug="rights-serbia")
    data = {f"{field}_{code}": value for field in ("title", "summary", "body")
            for code, value in getattr(page, field).items()}  # fmt: skip
    data["is_published"] = "on"
    response = client.post("/journeys/awareness/rights-serbia/edit/", data)
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.source_url == "https://www.mup.gov.rs/"


@pytest.mark.parametrize(
    ("prefix", "authority", "heading"),
    [
        ("", "Any police station, or the Asylum Office of the Ministry of the Interior", "Where to apply"),
        ("/ro", "Orice secție de poliție sau Biroul pentru azil", "Unde depuneți cererea"),
        ("/uk", "Будь-який відділок поліції або Відділ з питань притулку МВС Сербії", "Куди звертатися"),
        ("/ru", "Любой полицейский участок или Отдел по вопросам убежища МВД Сербии", "Куда обращаться"),
        ("/sr-latn", "Bilo koja policijska stanica ili Kancelarija za azil", "Gde se podnosi zahtev"),
    ],
)
def test_rights_page_names_the_authority_and_links_the_official_information(
    client, prefix, authority, heading
):
    page = client.get(f"{prefix}/journeys/awareness/rights-serbia/").content.decode()
    assert authority in page and heading in page
    assert '<a href="https://www.mup.gov.rs/" rel="noreferrer">' in page
    assert '<time datetime="2026-12-01">2026-12-01</time>' in page
    assert "Komesarijat" not in page or "ne prima zahteve" in page
    assert "+381 11 785 0000" not in page  # rights questions go to the authority, not to a hotline


def test_organisation_adds_an_information_session(client, login, org_a):
    login(client, "org_admin_a")
    data = {
        "title": "Online session",
        "starts_at": "2030-01-10T18:00",
        "online_url": "https://meet.example.org/x",
        "language": "ru",
    }
    assert client.post("/journeys/awareness/sessions/new/", data).status_code == 302
    assert InfoSession.objects.get().organisation == org_a
    assert client.post("/journeys/awareness/sessions/new/", {**data, "online_url": ""}).status_code == 400


def test_dashboard_partials(client, login):
    login(client, "coordinator")
    page = client.get("/staff/").content.decode()
    assert "/directory/manage/?status=pending" in page
    login(client, "frontline_a")
    page = client.get("/staff/").content.decode()
    assert "/journeys/board/" in page and "/directory/manage/" not in page
