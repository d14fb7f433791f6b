"""The classifier: committed artefact, no learning from location or job_id, reproducible training."""

import pandas as pd
import pytest

from kompass.recruitment import model


def test_artefact_is_committed_small_and_loads_offline():
    assert model.ARTEFACT_PATH.exists()
    assert model.ARTEFACT_PATH.stat().st_size < 5 * 1024 * 1024
    assert model.load() is model.load()


def test_location_and_job_id_are_not_features():
    assert "location" not in model.USED_COLUMNS
    assert "job_id" not in model.USED_COLUMNS
    names = model.load().named_steps["features"].feature_names()
    assert not [n for n in names if n.startswith(("empty:location", "length:location", "flag:location"))]


def test_missing_columns_are_unknown_not_empty():
    only_text = pd.DataFrame([{"description": "Data analyst for our Berlin office, permanent contract."}])
    assert 0 <= model.score_frame(only_text)[0] <= 1


@pytest.mark.parametrize(
    ("score", "risk"),
    [(0.0, "low"), (0.29, "low"), (0.3, "medium"), (0.59, "medium"), (0.6, "high"), (1.0, "high")],
)
def test_risk_bands(score, risk):
    assert model.risk_band(score) == risk
