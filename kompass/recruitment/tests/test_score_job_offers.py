"""`manage.py score_job_offers INPUT.csv --out OUTPUT.csv` exactly as docs/interfaces.md §6 item 6."""

import csv
import gzip

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from kompass.recruitment import model

pytestmark = pytest.mark.skipif(
    not model.DEV_SPLIT.exists(), reason=f"EMSCAD dev split absent at {model.DEV_SPLIT}"
)


@pytest.fixture(scope="module")
def sample():
    return model.load_dev_split().sample(60, random_state=7).reset_index(drop=True)


def _read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_scores_every_row_in_order(tmp_path, sample):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    sample.to_csv(source, index=False)
    call_command("score_job_offers", str(source), "--out", str(out))
    rows = _read(out)
    assert out.read_text(encoding="utf-8").splitlines()[0] == "job_id,score,risk"
    assert [r["job_id"] for r in rows] == [str(j) for j in sample["job_id"]]
    for row in rows:
        score = float(row["score"])
        assert 0 <= score <= 1
        assert row["risk"] == model.risk_band(score)


def test_same_scores_as_the_checker_and_fraud_ranks_higher(tmp_path, sample):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    sample.to_csv(source, index=False)
    call_command("score_job_offers", str(source), "--out", str(out))
    scores = [float(r["score"]) for r in _read(out)]
    from kompass.recruitment.services import score_offers

    assert scores == pytest.approx(score_offers(sample), abs=1e-6)
    # Whole English ads: never below what the EMSCAD classifier says.
    assert all(s >= e - 1e-6 for s, e in zip(scores, model.score_frame(sample), strict=True))
    fraud = sample["fraudulent"].to_numpy() == 1
    assert pd.Series(scores)[fraud].mean() > pd.Series(scores)[~fraud].mean()


def test_reads_gzip_and_ignores_other_columns(tmp_path, sample):
    source, out = tmp_path / "in.csv.gz", tmp_path / "out.csv"
    frame = sample.assign(extra_column="ignored")
    source.write_bytes(gzip.compress(frame.to_csv(index=False).encode()))
    call_command("score_job_offers", str(source), "--out", str(out))
    assert len(_read(out)) == len(sample)


def test_only_job_id_is_required(tmp_path):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(
        "job_id,description\n1,Send a copy of your passport and pay a registration fee.\nA-2,\n"
    )
    call_command("score_job_offers", str(source), "--out", str(out))
    assert [r["job_id"] for r in _read(out)] == ["1", "A-2"]


def test_header_only_gives_header_only(tmp_path):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("job_id,title\n")
    call_command("score_job_offers", str(source), "--out", str(out))
    assert out.read_text() == "job_id,score,risk\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"title,description\nx,y\n", "no job_id column"),
        (b"job_id,title\n1,a\n,b\n", "empty job_id in record 3"),
        (b"", "empty"),
        (b"job_id,title\n1,\xff\xfe\n", "not UTF-8"),
        (b'job_id,title\n1,"unclosed\n', "not a valid CSV"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(tmp_path, content, message):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("score_job_offers", str(source), "--out", str(out))
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_existing_output_is_left_alone_on_error(tmp_path):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("title\nx\n")
    out.write_text("previous\n")
    with pytest.raises(CommandError):
        call_command("score_job_offers", str(source), "--out", str(out))
    assert out.read_text() == "previous\n"


def test_missing_input_file(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("score_job_offers", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o.csv"))
