"""The linkage engine on small hand-made inputs (no database)."""

import pandas as pd
import pytest

from kompass.stats.linkage import encode_records, link_records
from kompass.stats.linkage.clk import dice
from kompass.stats.linkage.normalise import normalise_date, normalise_text, skeleton

PEOPLE = pd.DataFrame(
    [
        ("a1", "Олександр", "Шевченко", "1990-03-05", "m", "UKR", "Харків"),
        ("b1", "Oleksandr", "Shevchenko", "19900305", "male", "UKR", "Kharkiv"),
        ("c1", "Aleksandr", "Shevchenko", "05.03.1990", "M", "UKR", ""),
        ("a2", "Марія", "Коваленко", "1985-11-20", "f", "UKR", "Одеса"),
        ("b2", "Maria", "Popescu", "1979-01-02", "f", "ROU", "Iași"),
        ("c2", "Јелена", "Ђорђевић", "2001-07-14", "f", "SRB", "Нови Сад"),
        ("d2", "Jelena", "Djordjevic", "20010714", "f", "SRB", "Novi Sad"),
    ],
    columns=["rec_id", "given_name", "surname", "date_of_birth", "sex", "citizenship", "place_of_birth"],
)


def clusters(result) -> dict[str, int]:
    return dict(zip(result.clusters["rec_id"], result.clusters["cluster_id"], strict=True))


@pytest.mark.parametrize("privacy", [None, "clk"])
def test_same_person_in_cyrillic_and_latin_is_one_cluster(privacy):
    c = clusters(link_records(PEOPLE, privacy=privacy, secret="s3cret"))
    assert c["a1"] == c["b1"] == c["c1"]
    assert c["c2"] == c["d2"]
    assert len({c["a1"], c["a2"], c["b2"], c["c2"]}) == 4


@pytest.mark.parametrize("rows", [0, 1, 2])
def test_tiny_inputs_give_a_row_per_record(rows):
    result = link_records(PEOPLE.head(rows))
    assert list(result.clusters["rec_id"]) == list(PEOPLE["rec_id"].head(rows))


def test_only_rec_id_is_required():
    result = link_records(pd.DataFrame({"rec_id": ["x", "y", "z"]}))
    assert sorted(result.clusters["cluster_id"]) == [0, 1, 2]


def test_missing_rec_id_is_an_error():
    with pytest.raises(ValueError, match="rec_id"):
        link_records(pd.DataFrame({"given_name": ["a"]}))


def test_clk_needs_a_secret():
    with pytest.raises(ValueError, match="secret"):
        link_records(PEOPLE, privacy="clk")


def test_encodings_hold_no_plaintext():
    encoded = encode_records(PEOPLE, secret="s3cret")
    text = " ".join(str(v) for v in encoded.drop(columns=["rec_id"]).to_numpy().ravel()).lower()
    for value in ("shevchenko", "oleksandr", "1990", "ukr", "kharkiv", "jelena"):
        assert value not in text
    # Filters of the same name in two scripts are identical; another name is far away.
    assert encoded["surname_bf"][0] == encoded["surname_bf"][1]
    assert dice(encoded["surname_bf"][0], encoded["surname_bf"][4]) < 0.3


def test_the_secret_changes_every_encoding():
    one = encode_records(PEOPLE, secret="one")
    two = encode_records(PEOPLE, secret="two")
    assert one["surname_bf"][0] != two["surname_bf"][0]
    assert one["blk_dob"][0] != two["blk_dob"][0]


def test_review_decisions_override_the_model():
    rejected = clusters(link_records(PEOPLE, decisions=[("c2", "d2", False)]))
    assert rejected["c2"] != rejected["d2"]
    confirmed = clusters(link_records(PEOPLE, decisions=[("a2", "b2", True)]))
    assert confirmed["a2"] == confirmed["b2"]


def test_normalisation():
    assert normalise_text("  Ђорђевић ") == "dordevic"
    assert skeleton(normalise_text("Григорій")) == skeleton(normalise_text("Grigoriy"))
    assert skeleton(normalise_text("Юлія")) == skeleton(normalise_text("Yuliia"))
    assert (
        normalise_date("1990-03-05")
        == normalise_date("19900305")
        == normalise_date("05.03.1990")
        == "19900305"
    )
    assert normalise_date("not a date") == ""
