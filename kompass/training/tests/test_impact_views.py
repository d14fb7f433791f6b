"""The impact page wired to screening reports and cases, on a hand-computed fixture."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kompass.cases.models import Case
from kompass.screening.models import Report
from kompass.training import selectors
from kompass.training.impact import add_months
from kompass.training.tests.factories import make_training

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Europe/Bucharest")
TODAY = dt.datetime(2025, 8, 15, 12, 0, tzinfo=TZ)  # last complete month: July 2025
TRAINING_DAY = dt.date(2024, 6, 10)


def reports(n, month, *, sector="health", region="Iași", country="RO"):
    Report.objects.bulk_create(
        [
            Report(
                sector=sector,
                country=country,
                region=region,
                created_at=dt.datetime(month.year, month.month, 1 + i % 27, 10, tzinfo=TZ),
            )
            for i in range(n)
        ]
    )


_refs = iter(range(1, 10_000))


def cases(n, day, owner, *, sector="health", region="Iași"):
    for _ in range(n):
        Case.objects.create(
            owner=owner,
            reference=f"KMP-T-{next(_refs):05d}",
            identified_on=day,
            identifying_sector=sector,
            country="RO",
            region=region,
        )


@pytest.fixture
def fixture(org_a):
    """Health, Iași: 1 report a month for the 12 months before June 2024, 3 a month for the 12 after.

    June 2024 itself has 40 reports (left out). Reports start in June 2023, so the observed period for
    reports begins then. Cases: one every other month, from July 2023 (the first case anywhere) on.
    """
    make_training(org_a, date=TRAINING_DAY)
    month = dt.date(2024, 6, 1)
    for i in range(1, 13):
        reports(1, add_months(month, -i))
        reports(3, add_months(month, i))
    reports(40, month)
    for i in range(1, 13, 2):
        cases(1, add_months(month, -i), org_a)
        cases(1, add_months(month, i), org_a)
    # Police in Cluj: trained in March 2025, only 4 months of data after it by July 2025.
    make_training(
        org_a, date=dt.date(2025, 3, 3), audience_sector="police", region="Cluj", locality="Cluj-Napoca"
    )
    for i in range(1, 13):
        reports(2, add_months(dt.date(2025, 3, 1), -i), sector="police", region="Cluj")
    return org_a


@time_machine.travel(TODAY, tick=False)
def test_overview_figures(fixture, django_assert_num_queries):
    with django_assert_num_queries(5):
        overview = {(p.sector, p.region): p for p in selectors.impact_overview()}
    health = overview[("health", "Iași")]
    r = health.reports
    assert (r.months_before, r.count_before, r.months_after, r.count_after) == (12, 12, 12, 36)
    assert r.rate_ratio == pytest.approx(3.0) and r.direction == "rise"
    c = health.cases
    # Cases are observed from July 2023: 11 months before (6 cases), 12 after (6 cases) → (6/12) / (6/11).
    assert (c.months_before, c.count_before, c.months_after, c.count_after) == (11, 6, 12, 6)
    assert c.rate_ratio == pytest.approx(11 / 12) and c.direction == "unclear"
    police = overview[("police", "Cluj")]
    assert police.reports.count_before == 24 and police.reports.months_after == 4
    assert not police.reports.sufficient and police.reports.reason == "months_after"


@time_machine.travel(TODAY, tick=False)
def test_detail_series_and_chart(client, login, fixture):
    login(client, "coordinator")
    response = client.get(reverse("training:impact"), {"place": "health|RO|Iași"})
    detail = response.context["detail"]
    months = dict(zip(detail.months, detail.reports, strict=True))
    assert (
        months[dt.date(2024, 6, 1)] == 40
        and months[dt.date(2024, 7, 1)] == 3
        and months[dt.date(2024, 5, 1)] == 1
    )
    assert detail.months[-1] == dt.date(2025, 7, 1)
    body = response.content.decode()
    assert '<svg class="impact-chart"' in body and 'class="training"' in body
    assert "Rate ratio 3.00" in body and "A rise" in body


@time_machine.travel(TODAY, tick=False)
def test_too_few_data_is_said_not_claimed(client, login, fixture):
    login(client, "trainer_a")
    body = client.get(reverse("training:impact"), {"place": "police|RO|Cluj"}).content.decode()
    assert "Too few data to compare." in body and "No effect is claimed." in body
    assert "Only 4 whole months since the training" in body


@time_machine.travel(TODAY, tick=False)
def test_unknown_place_is_404(client, login, fixture):
    login(client, "trainer_a")
    assert client.get(reverse("training:impact"), {"place": "health|RO|Nowhere"}).status_code == 404


@time_machine.travel(TODAY, tick=False)
def test_csv_exports(client, login, fixture):
    login(client, "coordinator")
    overview = client.get(reverse("training:impact_csv")).content.decode().splitlines()
    assert overview[0].startswith("sector,country,region,trainings,first_training,series")
    assert "health,RO,Iași,1,2024-06-10,reports,12,12,12,36,3.000," in "\n".join(overview)
    monthly = (
        client.get(reverse("training:impact_csv"), {"place": "health|RO|Iași"}).content.decode().splitlines()
    )
    assert monthly[0] == "month,sector,country,region,reports,cases,trainings"
    assert "2024-06,health,RO,Iași,40,0,1" in monthly


@time_machine.travel(TODAY, tick=False)
def test_impact_page_query_count_is_constant(client, login, fixture, org_a, django_assert_max_num_queries):
    login(client, "coordinator")
    url = reverse("training:impact")
    with django_assert_max_num_queries(20) as before:
        client.get(url, {"place": "health|RO|Iași"})
    for i in range(10):
        make_training(org_a, date=dt.date(2023, 1 + i, 5), region=f"Region {i}", audience_sector="education")
        reports(5, dt.date(2024, 1 + i, 1), sector="education", region=f"Region {i}")
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url, {"place": "health|RO|Iași"})


@time_machine.travel(TODAY, tick=False)
def test_without_any_data_the_page_says_so(client, login, org_a):
    make_training(org_a, date=TRAINING_DAY)
    overview = selectors.impact_overview()
    assert [(p.reports.reason, p.cases.reason) for p in overview] == [("no_data", "no_data")]
    login(client, "trainer_a")
    body = client.get(reverse("training:impact"), {"place": "health|RO|Iași"}).content.decode()
    assert body.count("There are no data of this kind yet.") == 2 and "Rate ratio" not in body


@time_machine.travel(TODAY, tick=False)
def test_online_trainings_are_not_places(org_a):
    make_training(org_a, date=TRAINING_DAY, is_online=True, region="", locality="")
    assert selectors.impact_overview() == []


@time_machine.travel(TODAY, tick=False)
def test_spellings_of_a_region_are_one_place(org_a):
    make_training(org_a, date=TRAINING_DAY, region="Iași")
    make_training(org_a, date=dt.date(2024, 9, 2), region="Iasi")
    for i in range(1, 13):
        reports(1, add_months(dt.date(2024, 6, 1), -i), region="Iasi")
        reports(2, add_months(dt.date(2024, 6, 1), i), region=" iași ")
    overview = selectors.impact_overview()
    assert len(overview) == 1 and overview[0].trainings == 2 and overview[0].region in ("Iași", "Iasi")
    assert (overview[0].reports.count_before, overview[0].reports.count_after) == (12, 24)
    detail = selectors.impact_detail(sector="health", country="RO", region="Iasi")
    assert len(detail.trainings) == 2 and sum(detail.reports) == 36


@time_machine.travel(TODAY, tick=False)
def test_monthly_counts_agree_with_the_screening_selector(fixture):
    """Our native month buckets give the same counts as screening's report_counts (TruncMonth)."""
    from kompass.screening.selectors import report_counts

    # A report at 00:30 local time on 1 July is July locally but still June in UTC.
    Report.objects.create(
        sector="health", country="RO", region="Iași", created_at=dt.datetime(2024, 7, 1, 0, 30, tzinfo=TZ)
    )
    start = selectors.data_start()["reports"]
    months = selectors._observed(start, selectors.last_complete_month())
    ours = selectors.report_month_counts(months=months)
    theirs = {}
    for row in report_counts(by=("sector", "country", "region", "month")):
        if row["month"] in months:
            key = (row["sector"], row["country"], selectors.region_key(row["region"]))
            theirs.setdefault(key, {})[row["month"]] = row["count"]
    assert {k: dict(v) for k, v in ours.items()} == theirs
    assert ours[("health", "RO", "iasi")][dt.date(2024, 7, 1)] == 4
