"""Reports of online exploitation are counted by platform in the annual statistics."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kompass.screening import services as screening_services
from kompass.screening.selectors import online_reports_by_platform

pytestmark = pytest.mark.django_db


def _reports(platform, n, year=2025, country="RO"):
    for _ in range(n):
        screening_services.send_report(
            sector="online", country=country, platform=platform, concern="grooming", observations="…",
            created_at=timezone.make_aware(datetime.datetime(year, 3, 3, 10)),
        )  # fmt: skip


def test_counts_per_platform_year_and_country():
    _reports("snapchat", 3)
    _reports("snapchat", 2, country="MD")
    _reports("discord", 1, year=2024)
    assert online_reports_by_platform(year=2025)["snapchat"] == 5
    assert online_reports_by_platform(year=2025, country="RO")["snapchat"] == 3
    assert online_reports_by_platform(year=2025)["discord"] == 0


def test_the_annual_report_shows_them_with_small_counts_withheld(client, login):
    _reports("tiktok", 6)
    _reports("discord", 2)
    login(client, "coordinator")
    response = client.get(reverse("stats:report") + "?year=2025&country=ROU")
    section = next(s for s in response.context["sections"] if s.key == "online_reports")
    rows = dict(section.rows)
    assert rows["TikTok"] == 6
    assert rows["Discord"] is None
