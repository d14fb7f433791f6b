"""Publishable statistics (issue #16, point 7): small categories merged before anything is
suppressed, withheld cells marked [c] in every download and explained, the country from a list,
differential privacy as a plain-language option (epsilon under "advanced")."""

import csv
import datetime
import io
import itertools

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from kompass.stats.disclosure import protect_group, protect_merged
from kompass.stats.report import nrm_statistics

REPORT = reverse("stats:report")
LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]

# A 90-victim year: one person of other sex and two of unknown sex.
NINETY = {"female": 63, "male": 24, "other": 1, "unknown": 2}


def test_merging_keeps_the_sex_breakdown_of_a_90_victim_year():
    published, merged = protect_merged(NINETY, threshold=5, total_published=True)
    assert merged == ("other",)
    assert published == {"female": 63, "male": 24, "unknown": None}
    # Without merging first, the small cells pull "male" down with them.
    assert protect_group(NINETY, threshold=5, total_published=True)["male"] is None


def test_merged_residual_large_enough_is_published():
    published, merged = protect_merged(
        {"female": 60, "male": 25, "other": 2, "unknown": 4}, threshold=5, total_published=True
    )
    assert merged == ("other",) and published == {"female": 60, "male": 25, "unknown": 6}


@pytest.mark.parametrize("threshold", [3, 5])
def test_merging_never_publishes_a_small_cell_nor_lets_one_category_be_worked_out(threshold):
    for values in itertools.product([0, 1, 2, 4, 5, 9, 30], repeat=4):
        cells = dict(zip(["a", "b", "c", "unknown"], values, strict=True))
        total = sum(values)
        published, merged = protect_merged(cells, threshold=threshold, total_published=total >= threshold)
        shown = {k: v for k, v in published.items() if v is not None}
        assert all(v >= threshold for v in shown.values())
        # A published count is the true one: a category's own, or the residual with what merged into it.
        for key, value in shown.items():
            assert value == (
                cells[key] if key != "unknown" else cells["unknown"] + sum(cells[m] for m in merged)
            )
        hidden = [k for k, v in published.items() if v is None]
        if total >= threshold and hidden:
            hidden_sources = [k for k in (*hidden, *merged) if cells[k] > 0]
            worked_out = total - sum(shown.values())
            # What the total gives away is either at least the threshold, or spread over two or more
            # categories, or only persons whose category is unknown.
            assert (
                worked_out >= threshold or len(set(hidden_sources)) >= 2 or set(hidden_sources) <= {"unknown"}
            ), (cells, published, merged)


@pytest.fixture
def year_of_ninety(orgs, make_case):
    for sex, n in NINETY.items():
        for i in range(n):
            make_case(orgs["a"], sex=sex, identified_on=datetime.date(2025, 1 + i % 12, 1 + i % 28),
                      country_of_exploitation="ROU")  # fmt: skip


@pytest.mark.slow
def test_interface_publishes_the_sex_breakdown_with_keys_unchanged(year_of_ninety):
    data = nrm_statistics(year=2025, country="ROU")
    assert data["victims"] == 90
    assert data["by_sex"] == {"female": 63, "male": 24, "other": None, "unknown": None}
    assert data["suppressed_cells"] >= 2


@pytest.mark.slow
def test_downloads_mark_withheld_cells_and_explain_them(client, login, year_of_ninety):
    from openpyxl import load_workbook

    login(client, "coordinator")
    body = client.get(reverse("stats:download", args=["csv"]) + "?year=2025&country=ROU").content.decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0]) == ["section", "category", "value"]
    sex = {r["category"]: r["value"] for r in rows if r["section"] == "By sex" and r["category"] != "Note"}
    assert sex == {"Female": "63", "Male": "24", "Other / unknown": "[c]"}
    assert all(r["value"] != "" for r in rows if r["section"] not in ("Method",))
    notes = [r for r in rows if r["section"] == "Notes"]
    assert notes and notes[0]["category"] == "[c]" and "fewer than 5 persons" in notes[0]["value"]
    assert any(
        r["category"] == "Note" and "Other / unknown" in r["value"] for r in rows if r["section"] == "By sex"
    )
    xlsx = client.get(reverse("stats:download", args=["xlsx"]) + "?year=2025&country=ROU").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Other / unknown", "[c]"] in [row[:2] for row in cells]
    assert any(isinstance(row[0], str) and row[0].startswith("[c] = ") for row in cells)
    assert None not in [row[1] for row in cells if row[0] in ("Female", "Male", "Other / unknown")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_offers_countries_by_name_and_plain_privacy_in_each_language(client, login, language):
    login(client, "coordinator")
    with translation.override(language):
        page = client.get(reverse("stats:report")).content.decode()
        romania = translation.gettext("Romania")
        explanation = translation.gettext("Advanced")
        noise = translation.gettext("Also add a little random noise (differential privacy)")
    assert "ISO 3166-1" not in page and 'name="country" value=' not in page
    assert f'<option value="ROU" selected>{romania}</option>' in page
    assert noise in page and explanation in page and 'id="noise-effect"' in page
    if language != "en":
        assert noise != "Also add a little random noise (differential privacy)"


def test_noise_option_uses_the_default_epsilon_and_says_what_it_does(client, login, orgs, make_case):
    for _ in range(6):
        make_case(orgs["a"])
    login(client, "coordinator")
    page = client.get(REPORT + "?year=2025&country=ROU&privacy=noise").content.decode()
    assert "total epsilon 3.0" in page and "may differ from the true count by about 4" in page
    assert (
        'value="noise" id="id_privacy_1" checked' in page
        or 'value="noise" id="id_privacy_1"  checked' in page
    )


@pytest.mark.parametrize("epsilon", ["abc", "0", "50", "-1"])
def test_a_bad_epsilon_is_explained_not_a_500(client, login, epsilon):
    login(client, "coordinator")
    response = client.get(REPORT + f"?year=2025&country=ROU&privacy=noise&epsilon={epsilon}")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist' in page and '<details class="advanced" open>' in page


def test_another_countrys_report_is_still_404(client, login):
    login(client, "coordinator")
    assert client.get(REPORT + "?country=SRB").status_code == 404


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_demo_year_publishes_the_sex_breakdown(settings):
    """The seeded demo's last complete year: no published sex cell below the threshold, and the
    breakdown itself (women and men) is published."""
    settings.DEMO_MODE = True
    call_command("seed_demo")
    year = timezone.localdate().year - 1
    data = nrm_statistics(year=year)
    published = [v for v in data["by_sex"].values() if v is not None]
    assert all(v >= 5 for v in published)
    assert data["by_sex"]["female"] is not None and data["by_sex"]["male"] is not None
