"""Statistics across borders (issue #20, point 4): each country's report counts the victims
identified there; the regional report counts each person once across the coalition."""

import datetime

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
