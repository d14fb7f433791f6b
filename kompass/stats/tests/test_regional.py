"""Statistics across borders (issue #20, point 4): each country's report counts the victims
identified there; the regional report counts each person once across the coalition."""

import datetime

import pytest
from django.core.management import CommandError
from django.urls import reverse

from kompass.stats.disclosure import Method
from kompass.stats.report import REGIONAL, nrm_statistics
from kompass.stats.services import refresh_linkage

ONE = Method(threshold=1)


def test_same_person_in_serbia_and_romania_is_one_in_the_regional_report(orgs, make_case):
    dob = datetime.date(1999, 6, 2)
    # Identified in Novi Sad, written in Serbian Cyrillic; later in Timișoara, in Latin letters.
    make_case(orgs["b"], country="RS", citizenship="UKR", identified_on=datetime.date(2025, 3, 1),
              identity={"given_name": "Јелена", "surname": "Петровић", "date_of_birth": dob})  # fmt: skip
    make_case(orgs["a"], country="RO", citizenship="UKR", identified_on=datetime.date(2025, 8, 9),
              identity={"given_name": "Jelena", "surname": "Petrović", "date_of_birth": dob})  # fmt: skip
    # Someone else in each country.
    make_case(orgs["b"], country="RS", identity={"given_name": "Marko", "surname": "Ilić",
              "date_of_birth": datetime.date(1987, 1, 5)})  # fmt: skip
    make_case(orgs["a"], identity={"given_name": "Ana", "surname": "Popescu",
              "date_of_birth": datetime.date(1990, 5, 1)})  # fmt: skip
    refresh_linkage()

    serbia = nrm_statistics(year=2025, country="SRB", method=ONE)
    romania = nrm_statistics(year=2025, country="ROU", method=ONE)
    regional = nrm_statistics(year=2025, country=REGIONAL, method=ONE)
    assert serbia["victims"] == 2 and romania["victims"] == 2
    assert regional["victims"] == 3, "the person met in both countries is counted once"
    assert regional["by_citizenship"]["UKR"] == 1


def test_regional_report_page_is_for_the_regional_body(client, login):
    url = reverse("stats:report") + f"?year=2025&country={REGIONAL}"
    login(client, "regional")
    page = client.get(url)
    assert page.status_code == 200 and 'id="regional-report"' in page.content.decode()
    assert client.get(f"/api/v1/stats/nrm?year=2025&country={REGIONAL}").json()["country"] == REGIONAL
    for name in ("coordinator", "coordinator_rs"):
        login(client, name)
        assert client.get(url).status_code == 404, name
        assert client.get(f"/api/v1/stats/nrm?year=2025&country={REGIONAL}").status_code == 404, name


def _command(name, *args):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_nrm_statistics_command_takes_the_regional_scope_as_the_web_does(orgs, make_case):
    import json

    dob = datetime.date(1999, 6, 2)
    make_case(orgs["b"], country="RS", identified_on=datetime.date(2025, 3, 1),
              identity={"given_name": "Јелена", "surname": "Петровић", "date_of_birth": dob})  # fmt: skip
    make_case(orgs["a"], country="RO", identified_on=datetime.date(2025, 8, 9),
              identity={"given_name": "Jelena", "surname": "Petrović", "date_of_birth": dob})  # fmt: skip
    make_case(orgs["a"], identity={"given_name": "Ana", "surname": "Popescu",
              "date_of_birth": datetime.date(1990, 5, 1)})  # fmt: skip
    args = ("--year", "2025", "--format", "json", "--threshold", "1")
    regional = json.loads(_command("nrm_statistics", *args, "--country", "all"))
    assert regional["country"] == REGIONAL and regional["victims"] == 2
    assert regional == nrm_statistics(year=2025, country=REGIONAL, method=ONE) | {"country": REGIONAL}
    assert json.loads(_command("nrm_statistics", *args, "--country", "SRB"))["victims"] == 1
    assert json.loads(_command("nrm_statistics", *args, "--country", "ROU"))["victims"] == 2


@pytest.mark.parametrize(
    ("given", "says"),
    [("RS", "its alpha-3 code is SRB"), ("XYZ", "ROU, MDA or SRB"), ("Serbia", f"or {REGIONAL}")],
)
def test_statistics_commands_name_an_unknown_country_clearly(db, given, says):
    for name, args in (("nrm_statistics", ("--year", "2025")), ("export_ctdc", ())):
        with pytest.raises(CommandError) as error:
            _command(name, *args, "--country", given)
        assert says in str(error.value) and repr(given) in str(error.value), name


def test_export_ctdc_takes_the_regional_scope(orgs, make_case):
    make_case(orgs["b"], country="RS", identity={"given_name": "Marko", "surname": "Ilić"})
    make_case(orgs["a"], identity={"given_name": "Ana", "surname": "Popescu"})
    every = _command("export_ctdc", "--k", "1", "--country", "ALL")
    assert every == _command("export_ctdc", "--k", "1")
    assert len(every.strip().splitlines()) == 3
    assert len(_command("export_ctdc", "--k", "1", "--country", "SRB").strip().splitlines()) == 2
