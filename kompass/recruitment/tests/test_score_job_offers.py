"""`manage.py score_job_offers INPUT.csv --out OUTPUT.csv` exactly as docs/interfaces.md §6 item 6."""

import csv
import gzip

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from kompass.recruitment import model

# Fictional ads in EMSCAD's columns (the data set itself stays outside the repository, for benchmarks).
ORDINARY = [
    (
        "Accountant",
        "Bucharest",
        "Full-time accountant for our Bucharest office. Written contract, "
        "monthly salary by bank transfer, 21 days of paid leave. Apply through our careers page.",
        "Degree in economics, two years of experience.",
    ),
    (
        "Warehouse operator",
        "Cluj-Napoca",
        "Picking and packing in a logistics centre, two shifts, "
        "meal vouchers, transport from the city centre. Employment contract from the first day.",
        "Forklift licence is a plus.",
    ),
    (
        "Nurse",
        "Iasi",
        "The county hospital hires nurses for the cardiology ward. Salary according to "
        "the public pay scale, contract for an indefinite period.",
        "Registered nurse, valid licence.",
    ),
    (
        "Software developer",
        "Timisoara",
        "Backend developer for a product team, hybrid work, private health insurance, training budget.",
        "Python and SQL, three years of experience.",
    ),
    (
        "Shop assistant",
        "Brasov",
        "Sales assistant in a bookshop, 8 hours a day, weekends by rota, written contract and paid overtime.",
        "Friendly, speaks English.",
    ),
]
WARNING = [
    (
        "Work abroad, start tomorrow",
        "",
        "Work in a factory abroad, 3000 euro a month, free housing. "
        "Bring your passport, we will keep it while you work. Pay a 500 euro fee for the visa.",
        "",
    ),
    (
        "Easy job in Germany",
        "",
        "Travel on a tourist visa, the work permit will be sorted on arrival. "
        "Transport and housing costs are deducted from your first salary. Write only on Telegram.",
        "",
    ),
    (
        "Hostess abroad",
        "",
        "Young girls wanted as hostesses abroad, high pay, no experience needed. "
        "We pay the ticket, you work off the debt. Give us your passport for the visa.",
        "",
    ),
    (
        "Online operator",
        "",
        "Customer support operator in Cambodia, 2500 USD a month, free flight and "
        "accommodation. Penalty of 3000 USD if you leave before the end of the contract.",
        "",
    ),
    (
        "Farm work abroad",
        "",
        "Seasonal work, pay the registration fee first, the employer keeps your "
        "documents for safety. Contact only by WhatsApp.",
        "",
    ),
]


@pytest.fixture(scope="module")
def sample():
    rows = []
    for fraudulent, ads in ((0, ORDINARY), (1, WARNING)):
        for title, location, description, requirements in ads:
            rows.append({
                "job_id": 100 + len(rows), "title": title, "location": location, "department": "",
                "salary_range": "", "company_profile": "" if fraudulent else "A registered company.",
                "description": description, "requirements": requirements, "benefits": "",
                "telecommuting": 0, "has_company_logo": 1 - fraudulent, "has_questions": 0,
                "employment_type": "Full-time", "required_experience": "", "required_education": "",
                "industry": "", "function": "", "fraudulent": fraudulent,
            })  # fmt: skip
    return pd.DataFrame(rows)


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
