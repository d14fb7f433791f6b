"""Counts per country (issue #20): the linkage review, reported job ads and the platform summaries
a coordinator sees are its own country's; another country's are a 404. The regional body reads the
counts of every country, and no ad, report or case."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kompass.cases.services import create_case
from kompass.recruitment.models import ReportedAd
from kompass.screening import services as screening_services
from kompass.stats.models import ReviewPair

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "coordinator_rs", "regional", "auditor", "caseworker_b", "anonymous"]
YEAR = timezone.localdate().year


@pytest.fixture
def world(persona, org_a, org_b):
    """In Romania and in Serbia: a pair to review, a job ad seen there, an online report made there."""
    persona("coordinator_rs")  # Serbia has its coordinator (else Serbian items go to the first one)
    by = persona("caseworker_a")
    out = {}
    for country, owner, ads in (("RO", org_a, 3), ("RS", org_b, 2)):
        one, two = (create_case(owner=owner, by=by, identity=None, is_anonymous=True, country=country,
                                identified_on=datetime.date(YEAR, 1, 2)) for _ in range(2))  # fmt: skip
        out[f"pair_{country}"] = ReviewPair.objects.create(case_a=one, case_b=two, probability=0.7)
        out[f"ads_{country}"] = [
            ReportedAd.objects.create(
                source="public",
                platform="telegram",
                seen_on=datetime.date(YEAR, 1, 5),
                text="Job",
                country={"RO": "ROU", "RS": "SRB"}[country],
            )  # fmt: skip
            for _ in range(ads)
        ]
        screening_services.send_report(sector="online", country=country, platform="telegram",
                                       concern="sextortion", observations="words")  # fmt: skip
    return out


@pytest.mark.parametrize("persona_name", PERSONAS)
@pytest.mark.parametrize(
    ("page", "table"),
    [
        #                          ro   rs   reg  aud  cw_b anon
        ("review", [200, 200, 403, 403, 403, 302]),
        ("decide_ro", [302, 404, 403, 403, 403, 302]),
        ("decide_rs", [404, 302, 403, 403, 403, 302]),
        ("ads", [200, 200, 403, 200, 200, 302]),
        ("ad_ro", [200, 404, 403, 200, 404, 302]),
        ("ad_rs", [404, 200, 403, 200, 404, 302]),
        ("ads_statistics", [200, 200, 200, 200, 403, 302]),
        ("ads_statistics_ro", [200, 404, 200, 200, 403, 302]),
        ("ads_statistics_rs", [404, 200, 200, 200, 403, 302]),
        ("summaries", [200, 200, 200, 200, 403, 302]),
        ("summaries_ro", [200, 404, 200, 200, 403, 302]),
        ("summaries_rs", [404, 200, 200, 200, 403, 302]),
        ("summary_ro_json", [200, 404, 200, 200, 403, 302]),
    ],
)
def test_country_counts_access_matrix(client, login, world, page, table, persona_name):
    decide = {"decision": "different"}
    requests = {
        "review": ("get", reverse("stats:review"), None),
        "decide_ro": ("post", reverse("stats:review_decide", args=[world["pair_RO"].code]), decide),
        "decide_rs": ("post", reverse("stats:review_decide", args=[world["pair_RS"].code]), decide),
        "ads": ("get", reverse("recruitment:ads"), None),
        "ad_ro": ("get", reverse("recruitment:ad", kwargs={"code": world["ads_RO"][0].code}), None),
        "ad_rs": ("get", reverse("recruitment:ad", kwargs={"code": world["ads_RS"][0].code}), None),
        "ads_statistics": ("get", reverse("recruitment:statistics"), None),
        "ads_statistics_ro": ("get", reverse("recruitment:statistics") + f"?year={YEAR}&country=ROU", None),
        "ads_statistics_rs": ("get", reverse("recruitment:statistics") + f"?year={YEAR}&country=SRB", None),
        "summaries": ("get", reverse("online:summaries"), None),
        "summaries_ro": ("get", reverse("online:summaries") + "?country=RO", None),
        "summaries_rs": ("get", reverse("online:summaries") + "?country=RS", None),
        "summary_ro_json": (
            "get", reverse("online:summary_download", args=["telegram", YEAR, "json"]) + "?country=RO", None
        ),
    }  # fmt: skip
    method, url, data = requests[page]
    login(client, persona_name)
    assert getattr(client, method)(url, data).status_code == table[PERSONAS.index(persona_name)]


def _ads_total(client) -> int:
    page = client.get(reverse("recruitment:statistics") + f"?year={YEAR}").content.decode()
    row = page.split('data-platform="telegram"')[1].split("</tr>")[0]
    return int(row.split('class="total">')[1].split("<")[0])


def _summary(client, country: str = "") -> dict:
    url = reverse("online:summary_download", args=["telegram", YEAR, "json"])
    return client.get(url + (f"?country={country}" if country else "")).json()


def test_each_coordinator_counts_its_own_countrys_ads_and_reports(client, login, world):
    login(client, "coordinator_rs")
    assert _ads_total(client) == 2
    ads = client.get(reverse("recruitment:ads")).content.decode()
    assert str(world["ads_RS"][0].code) in ads and str(world["ads_RO"][0].code) not in ads
    summary = _summary(client)
    assert summary["country"] == "RS" and summary["total"]["reported_ads"] is None  # 2 < 5: withheld
    login(client, "coordinator")
    assert _ads_total(client) == 3
    assert _summary(client)["country"] == "RO"


def test_the_regional_body_counts_every_country_and_reads_no_ad(client, login, world):
    login(client, "regional")
    assert _ads_total(client) == 5
    summary = _summary(client)
    assert summary["country"] == "ALL" and summary["total"]["reported_ads"] == 5
    assert _summary(client, "RS")["country"] == "RS"
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("recruitment:statistics") in dashboard and reverse("recruitment:ads") not in dashboard


def test_each_coordinator_reviews_the_pairs_of_its_country(client, login, world):
    pending = {}
    for name in ("coordinator", "coordinator_rs"):
        login(client, name)
        page = client.get(reverse("stats:review")).content.decode()
        pending[name] = [country for country in ("RO", "RS") if str(world[f"pair_{country}"].code) in page]
    assert pending == {"coordinator": ["RO"], "coordinator_rs": ["RS"]}


def test_a_pair_across_two_countries_is_in_both_queues(client, login, world):
    pair = ReviewPair.objects.create(
        case_a=world["pair_RO"].case_a, case_b=world["pair_RS"].case_b, probability=0.6
    )
    for name in ("coordinator", "coordinator_rs"):
        login(client, name)
        assert str(pair.code) in client.get(reverse("stats:review")).content.decode(), name


SCOPE = {
    "en": ("Counts of Serbia only.", "Counts of every country of the coalition, each person counted once."),
    "ro": ("Doar cifrele: Serbia.", "Cifrele tuturor țărilor coaliției, fiecare persoană numărată o singură dată."),
    "uk": ("Лише дані: Сербія.", "Дані всіх країн коаліції, кожну особу враховано один раз."),
    "ru": ("Только данные: Сербия.", "Данные всех стран коалиции, каждый человек учтён один раз."),
    "sr-latn": ("Samo brojke: Srbija.", "Brojke svih zemalja koalicije, svaka osoba brojana jednom."),
}  # fmt: skip


@pytest.mark.parametrize("language", list(SCOPE))
def test_the_summaries_say_whose_counts_they_are_in_every_language(client, login, world, language):
    own, every = SCOPE[language]
    with translation.override(language):
        login(client, "coordinator_rs")
        assert own in client.get(reverse("online:summaries")).content.decode()
        login(client, "regional")
        assert every in client.get(reverse("online:summaries")).content.decode()
