"""Campaign links: counted per campaign, channel, language and day, and nothing else (decision 0075)."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kompass.campaigns import services
from kompass.campaigns.models import Campaign, ReachCount

pytestmark = pytest.mark.django_db

LANGS = ["en", "ro", "uk", "ru", "sr-latn"]


@pytest.fixture
def campaign(org_a):
    return Campaign.objects.create(code="spring", name="Spring 2026", target="/journeys/", organisation=org_a)


def test_opening_a_link_stores_a_count_and_nothing_about_the_person(client, campaign, persona):
    user = persona("caseworker_a")
    client.cookies["tracker"] = "abc123"
    headers = {
        "HTTP_USER_AGENT": "Mozilla/5.0 Secret-Agent",
        "HTTP_REFERER": "https://instagram.example/p/123",
        "REMOTE_ADDR": "203.0.113.77",
        "HTTP_X_FORWARDED_FOR": "198.51.100.9",
        "HTTP_ACCEPT_LANGUAGE": "uk",
    }
    before_sessions = _table_rows("django_session")
    response = client.get("/c/spring/?ch=instagram", **headers)

    # A plain HTTP redirect (works without JavaScript), and no cookie set.
    assert response.status_code == 302 and response["Location"] == "/journeys/"
    assert "Set-Cookie" not in str(response.serialize_headers(), "latin-1")
    assert not response.cookies
    assert _table_rows("django_session") == before_sessions
    client.force_login(user)  # a logged-in person is not recorded either
    client.get("/c/spring/?ch=instagram", **headers)

    # Every column of every row written: the key and a count, nothing else.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM campaigns_reachcount")
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    assert sorted(columns) == ["campaign", "channel", "command", "count", "day", "id", "language"]
    assert len(rows) == 1
    row = dict(zip(columns, rows[0], strict=True))
    assert (row["campaign"], row["channel"], row["language"], row["command"], row["count"]) == (
        "spring", "instagram", "uk", "open", 2,
    )  # fmt: skip
    assert str(row["day"]) == str(timezone.localdate())
    dump = repr(rows)
    # No column can hold a user id (the columns above); no value holds an address, agent or cookie.
    for secret in ("203.0.113", "198.51.100", user.email, "abc123", "Secret-Agent", "instagram.example"):
        assert secret not in dump


def _table_rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 — a fixed table name
        return cursor.fetchone()[0]


def test_unknown_channel_counts_as_web_and_lang_parameter_wins(client, campaign):
    client.get("/c/spring/?ch=evil%27--", HTTP_ACCEPT_LANGUAGE="en")
    client.get("/c/spring/?lang=ro")
    keys = sorted(ReachCount.objects.values_list("channel", "language", "count"))
    assert keys == [("web", "en", 1), ("web", "ro", 1)]


def test_unknown_campaign_is_404_and_counts_nothing(client):
    assert client.get("/c/nope/").status_code == 404
    assert not ReachCount.objects.exists()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "journeys/",
        "/no/such/page/",
    ],
)
def test_target_must_be_a_local_page(target):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.validate_target(target)


def test_count_adds_to_the_same_row():
    for _ in range(3):
        services.count(campaign="x", channel="telegram", language="uk", day=date(2026, 5, 1), command="start")
    assert ReachCount.objects.get().count == 3


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("coordinator", 200),
        ("org_admin_a", 200),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("trainer_a", 403),
        ("auditor", 403),
        ("regional", 403),
    ],
)
def test_access_matrix_of_the_staff_page(client, login, who, status):
    login(client, who)
    response = client.get(reverse("campaigns:list"))
    assert response.status_code == status
    if who == "anonymous":
        assert reverse("accounts:login") in response["Location"]


def test_org_admin_creates_a_campaign_and_sees_only_own(client, login, org_b):
    Campaign.objects.create(code="other", name="Other org", target="/", organisation=org_b)
    login(client, "org_admin_a")
    response = client.post(
        reverse("campaigns:list"), {"code": "summer", "name": "Summer", "target": "/journeys/"}
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(code="summer")
    assert campaign.organisation.name == "Organisation A"
    body = client.get(reverse("campaigns:list")).content.decode()
    assert "/c/summer/?ch=instagram" in body and "Other org" not in body


def test_open_redirect_is_refused_with_a_clear_error_and_nothing_saved(client, login):
    login(client, "coordinator")
    response = client.post(
        "/uk" + reverse("campaigns:list"), {"code": "bad", "name": "Bad", "target": "https://evil.example/"}
    )
    assert response.status_code == 200
    assert "Ціль має бути сторінкою цього сайту" in response.content.decode()
    assert not Campaign.objects.exists()


@pytest.mark.parametrize(
    ("lang", "heading", "column"),
    [
        ("en", "Campaign links", "Links opened"),
        ("ro", "Linkuri de campanie", "Linkuri deschise"),
        ("uk", "Посилання кампаній", "Відкриття посилань"),
        ("ru", "Ссылки кампаний", "Открытия ссылок"),
        ("sr-latn", "Veze kampanja", "Otvorene veze"),
    ],
)
def test_staff_page_in_five_languages(client, login, campaign, lang, heading, column):
    login(client, "org_admin_a")
    prefix = "" if lang == "en" else f"/{lang}"
    services.count(campaign="spring", channel="youtube", language=lang, day=timezone.localdate())
    body = client.get(prefix + reverse("campaigns:list")).content.decode()
    assert heading in body and column in body and "Spring 2026" in body and "youtube" in body


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Campaign links and bot commands"),
        ("ro", "Linkuri de campanie și comenzi ale botului"),
        ("uk", "Посилання кампаній і команди бота"),
        ("ru", "Ссылки кампаний и команды бота"),
        ("sr-latn", "Veze kampanja i komande bota"),
    ],
)
def test_counts_beside_training_reach_in_five_languages(client, login, campaign, lang, heading):
    client.get("/c/spring/?ch=telegram&lang=uk")
    services.count(
        campaign="spring", channel="telegram", language="uk", day=timezone.localdate(), command="start"
    )
    login(client, "trainer_a")
    prefix = "" if lang == "en" else f"/{lang}"
    body = client.get(prefix + reverse("training:reach")).content.decode()
    assert heading in body
    assert (
        '<td>Spring 2026</td><td>telegram</td><td>uk</td><td class="num">1</td><td class="num">1</td>' in body
    )


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Prevention: campaign reach"),
        ("ro", "Prevenire: acoperirea campaniilor"),
        ("uk", "Профілактика: охоплення кампаній"),
        ("ru", "Профилактика: охват кампаний"),
        ("sr-latn", "Prevencija: doseg kampanja"),
    ],
)
def test_counts_in_the_annual_report_prevention_section(client, login, campaign, lang, heading):
    year = timezone.localdate().year
    client.get("/c/spring/?ch=youtube&lang=ro")
    services.count(campaign="spring", channel="youtube", language="ro", day=date(year - 1, 6, 1))
    login(client, "coordinator")
    prefix = "" if lang == "en" else f"/{lang}"
    body = client.get(prefix + reverse("stats:report") + f"?year={year}").content.decode()
    assert heading in body
    section = body[body.index('id="prevention"') :]
    assert '<td>Spring 2026</td><td>youtube</td><td>ro</td><td class="num">1</td>' in section
