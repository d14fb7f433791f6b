"""link_records as a command: FEBRL-style CSV in, rec_id,cluster_id out for every row."""

import csv

import pytest
from django.core.management import CommandError, call_command

ROWS = """rec_id, given_name, surname, date_of_birth, sex, citizenship
r1, Олена, Шевчук, 1990-01-02, f, UKR
r2, Olena, Shevchuk, 19900102, female, UKR
r3, Ion, Rusu, 19700505, m, MDA
r4, , , ,,
"""


@pytest.mark.parametrize("privacy", [[], ["--privacy", "clk", "--secret", "k"]])
def test_link_records_command(tmp_path, privacy):
    source = tmp_path / "in.csv"
    source.write_text(ROWS, encoding="utf-8")
    out = tmp_path / "out.csv"
    call_command("link_records", str(source), "--out", str(out), *privacy)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["rec_id"] for r in rows] == ["r1", "r2", "r3", "r4"]
    clusters = {r["rec_id"]: r["cluster_id"] for r in rows}
    assert clusters["r1"] == clusters["r2"]
    assert len({clusters["r1"], clusters["r3"], clusters["r4"]}) == 3


def test_link_records_needs_rec_id(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("given_name\nAna\n", encoding="utf-8")
    with pytest.raises(CommandError, match="rec_id"):
        call_command("link_records", str(source), "--out", str(tmp_path / "o.csv"))


def test_clk_needs_a_secret(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(ROWS, encoding="utf-8")
    with pytest.raises(CommandError, match="secret"):
        call_command("link_records", str(source), "--out", str(tmp_path / "o.csv"), "--privacy", "clk")
