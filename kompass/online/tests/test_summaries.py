"""Platform summaries: counts only, disclosure control, the access table, the three formats."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from kompass.online.summaries import METRICS, PLATFORMS, platform_summary
from kompass.recruitment.models import ReportedAd
from kompass.screening import services as screening_services

YEAR = 2025


def _report(platform: str, month: int, n: int = 1):
    for i in range(n):
        screening_services.send_report(
            sector="online",
            country="RO",
            platform=platform,
            platform_account=f"https://example.invalid/secret-account-{month}-{i}",
            concern="sextortion",
            observations="Private words that must never leave the triage.",
            reporter_name="Maria Exemplu",
            created_at=timezone.make_aware(datetime.datetime(YEAR, month, 10, 12)),
        )


def _ad(platform: str, month: int, n: int = 1):
    for i in range(n):
        ReportedAd.objects.create(
            source="public", platform=platform, link=f"https://example.invalid/ad/{month}/{i}",
            seen_on=datetime.date(YEAR, month, 5),
        )  # fmt: skip


@pytest.mark.django_db
def test_small_cells_are_withheld_and_the_total_never_reveals_them():
    _report("tiktok", 1, 7)
    _report("tiktok", 2, 6)
    _report("tiktok", 3, 2)  # below the threshold: withheld, and one more month with it
    summary = platform_summary(platform="tiktok", year=YEAR)
    column = {row["month"]: row["exploitation_reports"] for row in summary.months}
    assert column[f"{YEAR}-03"] is None
    assert summary.total["exploitation_reports"] == 15
    withheld = [m for m, v in column.items() if v is None]
    assert len(withheld) >= 2
    assert all(v is None or v >= summary.threshold for v in column.values())
    assert summary.suppressed_cells == sum(
        1 for row in summary.months for m in METRICS if row[m] is None
    ) + sum(1 for m in METRICS if summary.total[m] is None)


@pytest.mark.django_db
def test_counts_join_reports_and_ads_by_platform_code():
    for month, n in ((4, 5), (5, 6), (6, 7)):
        _ad("olx", month, n)
        _report("olx", month, n)
    _report("instagram", 5, 9)
    summary = platform_summary(platform="olx", year=YEAR)
    # The zeros and the smallest month are withheld together, so the total reveals none of them.
    assert summary.months[3]["reported_ads"] is None
    assert summary.months[4]["reported_ads"] == 6 and summary.months[4]["exploitation_reports"] == 6
    assert summary.total == {"reported_ads": 18, "exploitation_reports": 18, "online_recruited_victims": None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 200),
        ("auditor", 200),
        ("caseworker_a", 403),
        ("org_admin_b", 403),
        ("trainer_a", 403),
        ("anonymous", 302),
    ],
)
def test_summary_access(client, login, who, status):
    login(client, who)
    assert client.get(reverse("online:summaries")).status_code == status
    url = reverse("online:summary_download", args=["tiktok", YEAR, "json"])
    assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json", "pdf"])
def test_downloads_hold_counts_and_no_personal_data(client, login, fmt):
    _report("instagram", 5, 6)
    _report("instagram", 6, 5)
    login(client, "coordinator")
    response = client.get(reverse("online:summary_download", args=["instagram", YEAR, fmt]))
    assert response.status_code == 200
    body = response.content
    for private in (b"secret-account", b"Private words", b"Maria", b"example.invalid"):
        assert private not in body
    if fmt == "json":
        data = json.loads(body)
        assert data["months"][4]["exploitation_reports"] == 6
        assert set(data) == {
            "platform",
            "platform_name",
            "year",
            "country",
            "method",
            "threshold",
            "months",
            "total",
            "suppressed_cells",
            "generated_at",
        }
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows[0] == ["platform", "period", *METRICS]
        assert rows[5][3] == "6" and rows[1][3] == "[c]"
    else:
        assert body.startswith(b"%PDF")


@pytest.mark.django_db
def test_unknown_platform_or_format_is_404(client, login):
    login(client, "coordinator")
    assert client.get(reverse("online:summary_download", args=["myspace", YEAR, "csv"])).status_code == 404
    assert client.get(reverse("online:summary_download", args=["tiktok", YEAR, "xml"])).status_code == 404


def test_every_platform_with_a_guide_has_a_summary():
    from kompass.online.content import platform_guides

    assert {g.code for g in platform_guides()} <= set(PLATFORMS)
