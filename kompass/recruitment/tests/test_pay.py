"""The wage table: every figure says where it comes from and how sure we are of it."""

import datetime

import pytest
from django.utils import translation

from kompass.recruitment import pay
from kompass.recruitment.cues import find_cues

WAGES = pay.wages()


@pytest.mark.parametrize("country", sorted(WAGES))
def test_every_row_states_its_basis_and_source(country):
    wage = WAGES[country]
    assert wage.basis in pay.BASES
    assert wage.source_name and wage.source_url.startswith("https://")
    assert wage.published_figure
    if wage.basis == "estimate":
        # Not verified against its source: judged loosely, never shown, no "last verified" date.
        assert wage.factor >= pay.ESTIMATE_FACTOR and not wage.shown and not wage.verified_on
    else:
        verified = datetime.date.fromisoformat(wage.verified_on)
        assert verified <= datetime.date.today()
        assert wage.shown and wage.factor >= pay.FACTOR


def test_published_figures_are_the_ones_their_source_states():
    # The net figures as the offices publish them (read on the date in the table).
    assert WAGES["RO"].average_net_monthly == 5443 and "5,443" in WAGES["RO"].published_figure
    assert WAGES["RS"].average_net_monthly == 107476 and "107,476" in WAGES["RS"].published_figure


def test_a_published_figure_is_shown_with_its_source():
    (hit,) = [
        h
        for h in find_cues("Culegători de căpșuni în România, 4000 euro pe lună.")
        if h.code == "unrealistic_pay"
    ]
    assert "INS Romania" in hit.text and "2025-09" in hit.text


@pytest.mark.parametrize("language", ["en", "ro", "uk", "ru", "sr-latn"])
def test_an_estimated_figure_is_never_shown(language):
    with translation.override(language):
        (hit,) = [
            h
            for h in find_cues("Cleaners wanted in Germany, 6500 EUR per month.")
            if h.code == "unrealistic_pay"
        ]
    typical = pay.typical_eur("DE", "elementary")
    assert f"{typical:,.0f}".replace(",", " ") not in hit.text
    assert "6 500" in hit.text


def test_an_estimated_figure_is_judged_loosely():
    # 4,500 € a month for cleaning in Germany is high, but not beyond what an unverified figure can tell.
    assert "unrealistic_pay" not in {
        h.code for h in find_cues("Cleaners wanted in Germany, 4500 EUR per month.")
    }
    # Against a published figure the usual tolerance holds.
    assert "unrealistic_pay" in {h.code for h in find_cues("Curățenie în România, 15000 lei pe lună.")}
