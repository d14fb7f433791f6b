"""The EMSCAD classifier on EMSCAD's dev split (../shared/data, which only benchmarks may read):
scores independent of location and job id, calibration, reproducible training, cues agreeing with the
reasons shown. Run by `make bench` (pytest bench/test_emscad_model.py); the product's own tests of the
model, which need no data set, are in kompass/recruitment/tests/test_model.py."""

import numpy as np
import pytest

from kompass.recruitment import model

pytestmark = pytest.mark.skipif(
    not model.DEV_SPLIT.exists(), reason=f"EMSCAD dev split absent at {model.DEV_SPLIT}"
)


@pytest.fixture(scope="module")
def dev():
    return model.load_dev_split()


def test_scores_do_not_change_with_location_or_job_id(dev):
    sample = dev.sample(120, random_state=3).reset_index(drop=True)
    before = model.score_frame(sample)
    changed = sample.copy()
    changed["location"] = [None if isinstance(v, str) else "US, NY, New York" for v in changed["location"]]
    changed["job_id"] = changed["job_id"] + 100_000
    assert np.array_equal(before, model.score_frame(changed))
    assert np.array_equal(before, model.score_frame(sample.drop(columns=["location"])))


def test_probabilities_are_calibrated_and_separate_the_classes(dev):
    scores = model.score_frame(dev)
    assert ((scores >= 0) & (scores <= 1)).all()
    fraud = dev["fraudulent"] == 1
    # In-sample, so only a sanity check; the benchmark reports cross-validated figures.
    assert scores[fraud].mean() > 0.7 > 0.3 > scores[~fraud].mean()
    assert abs(scores.mean() - fraud.mean()) < 0.1


def test_training_is_reproducible(dev):
    sample = dev.sample(300, random_state=1).reset_index(drop=True)
    first = model.score_frame(sample, model.train(sample))
    second = model.score_frame(sample, model.train(sample))
    assert np.array_equal(first, second)


def test_cue_features_agree_with_the_reasons_shown(dev):
    from kompass.recruitment.cues import cue_vector, find_cues

    for text in model._joined(dev.sample(150, random_state=5), model.OFFER_FIELDS):
        found = {hit.code for hit in find_cues(text)}
        assert cue_vector(text) == [int(code in found) for code in model.ALL_CODES]
