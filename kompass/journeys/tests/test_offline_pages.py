"""What a plan keeps offline, in every language: the note on quick exit, the route's numbers page
and the offline page with the anti-trafficking lines of RO, MD, RS and UA (#12.4)."""

import pytest
from django.utils import translation

from kompass.journeys.tests.test_plan_pages import make_plan, points  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
LANGUAGES = [("en", ""), ("ro", "/ro"), ("uk", "/uk"), ("ru", "/ru"), ("sr-latn", "/sr-latn")]
QUICK_EXIT_NOTE = (
    "Quick exit also erases the copy of this plan saved on this phone, with the pages saved with it. "
    "Keep the link or the PDF somewhere safe if you need the plan again."
)
# The anti-trafficking lines of the four route countries, as the directory's data lists them.
LINES = {"RO": "0800 800 678", "MD": "0 800 77777", "RS": "+381 11 785 0000", "UA": "527"}


def gettext(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_plan_says_quick_exit_erases_it_and_links_the_route_numbers(client, points, language, prefix):  # noqa: F811
    location = make_plan(client).replace("/uk/", f"{prefix}/", 1)
    page = client.get(location).content.decode()
    note = gettext(language, QUICK_EXIT_NOTE)
    assert note in page
    if language != "en":
        assert note != QUICK_EXIT_NOTE
    assert f'href="{prefix}/journeys/numbers/?c=UA&amp;c=MD"' in page
    assert 'data-precache="links"' in page and "<script>" not in page


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_route_numbers_page(client, language, prefix):
    page = client.get(f"{prefix}/journeys/numbers/", {"c": ["rs", "XX", "MD"]}).content.decode()
    assert "0800 100 388" in page and "+381 11 785 0000" in page and "0 800 77777" in page
    assert "+373 22 23 33 09" in page  # Moldova's line from abroad
    assert "0800 800 678" not in page  # Romania is not on this route
    assert page.count('class="fact-source"') >= 5
    assert gettext(language, "Numbers for the countries of your route") in page


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_offline_page_lists_the_anti_trafficking_lines_of_the_route_countries(client, language, prefix):
    page = client.get(f"{prefix}/journeys/offline/").content.decode()
    for number in LINES.values():
        assert number in page
    assert gettext(language, "You are offline") in page
