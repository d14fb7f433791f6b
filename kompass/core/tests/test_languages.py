"""The language switcher and the first visit (docs/decisions/0021-language-of-a-page.md)."""

import re
from html import unescape
from itertools import permutations
from urllib.parse import urlencode

import pytest

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]
# Pages as the unprefixed (English) path, some with a query string that must survive a switch.
PAGES = [
    "/",
    "/screening/?sector=health&subject=adult&country=RO",
    "/directory/?country=RO",
    "/recruitment/",
    "/journeys/awareness/",
    "/online/",
]
SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


def at(language: str, page: str) -> str:
    return page if language == "en" else f"/{language}{page}"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode())[1]


def switcher_href(response, language: str) -> str:
    nav = SWITCHER.search(response.content.decode())[0]
    return unescape(re.search(rf'<a href="([^"]+)" hreflang="{language}"', nav)[1])


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("source", "target"), list(permutations(LANGUAGES, 2)))
def test_the_switcher_leads_from_every_language_to_every_other(client, page, source, target):
    url = at(source, page)
    # Reached from a page of the site (a link from outside naming a country opens in its language).
    response = client.get(url, HTTP_REFERER=f"http://testserver{url}")
    # A phone in yet another language must not pull the visitor back: the switch is a choice.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "uk-UA,uk;q=0.9" if target != "uk" else "ro-RO"
    assert response.status_code == 200
    assert html_lang(response) == source
    href = switcher_href(response, target)
    switched = client.get(href, HTTP_REFERER=f"http://testserver{url}", follow=True)
    assert switched.status_code == 200
    assert html_lang(switched) == target
    path = page.split("?")[0]
    assert switched.request["PATH_INFO"] in (at(target, path), f"/en{path}")
    assert switched.request.get("QUERY_STRING", "") == (page.split("?") + [""])[1]
    # The choice is remembered: the same page without prefix now opens in the chosen language.
    again = client.get(page, follow=True)
    assert html_lang(again) == target


@pytest.mark.parametrize(
    ("header", "expected"),
    [("uk-UA", "/uk/"), ("ro-RO", "/ro/"), ("ru", "/ru/"), ("sr-Latn-RS", "/sr-latn/"),
     ("uk-UA,uk;q=0.9,en-US;q=0.8", "/uk/"), ("de-DE,de;q=0.9,ru;q=0.8", "/ru/")],
)  # fmt: skip
def test_a_first_visit_follows_the_phones_language_and_sets_no_cookie(client, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert not response.cookies
    assert "Accept-Language" in response["Vary"]
    page = client.get(expected, HTTP_ACCEPT_LANGUAGE=header)
    assert page.status_code == 200
    assert html_lang(page) == expected.strip("/")
    assert not page.cookies


@pytest.mark.parametrize("header", ["en-GB", "en-GB,en;q=0.9,uk;q=0.5", "de-DE", ""])
def test_a_first_visit_in_english_or_an_unknown_language_stays_unprefixed(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert not response.cookies
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_deep_link_keeps_its_path_and_query_on_the_first_visit(client):
    response = client.get("/directory/?country=MD", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    assert response["Location"] == "/ru/directory/?country=MD"


def test_a_prefixed_link_is_never_redirected(client):
    response = client.get("/ro/", HTTP_ACCEPT_LANGUAGE="uk-UA")
    assert response.status_code == 200
    assert html_lang(response) == "ro"
    assert not response.cookies


def test_reading_pages_in_one_language_sets_no_cookie(client):
    first = client.get("/uk/")
    following = client.get("/uk/screening/", HTTP_REFERER="http://testserver/uk/")
    assert not first.cookies and not following.cookies


def test_switching_to_english_on_a_ukrainian_phone_stays_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "uk-UA"
    assert client.get("/")["Location"] == "/uk/"
    english = client.get("/en/screening/", HTTP_REFERER="http://testserver/uk/screening/")
    assert english.status_code == 200
    assert html_lang(english) == "en"
    assert english.cookies["django_language"].value == "en"
    # The English page's own links are unprefixed, and now stay English.
    assert 'href="/directory/"' in english.content.decode() or 'href="/' in english.content.decode()
    assert client.get("/directory/").status_code == 200


def test_the_switcher_works_without_javascript(client):
    nav = SWITCHER.search(client.get("/ru/online/").content.decode())[0]
    assert "<script" not in nav and "<select" not in nav
    assert nav.count("<a href=") == len(LANGUAGES)
    assert 'aria-current="page"' in nav


def test_pages_name_their_other_languages_for_search_engines(client):
    html = client.get("/ro/directory/?country=RO").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates["en"] == "http://testserver/directory/?country=RO"
    assert alternates["sr-latn"] == "http://testserver/sr-latn/directory/?country=RO"
    assert len(alternates) == len(LANGUAGES)


OFFER = "Робота в Польщі, 3000 євро.\nВізьміть з собою паспорт, ми його залишимо у себе на час роботи."


def _resubmission(response) -> tuple[dict, dict]:
    """The switcher's form on a page answering a POST: its hidden fields and each language's target."""
    nav = SWITCHER.search(response.content.decode())[0]
    fields = {
        unescape(n): unescape(v) for n, v in re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', nav)
    }
    targets = dict(re.findall(r'formaction="([^"]+)" lang="([^"]+)"', nav))
    return fields, {lang: href for href, lang in targets.items()}


@pytest.mark.parametrize(
    ("source", "target"), [("uk", "ru"), ("ru", "en"), ("en", "sr-latn"), ("sr-latn", "ro")]
)
def test_the_job_offer_checker_keeps_the_offer_and_its_result_when_switching(client, source, target):
    response = client.post(at(source, "/recruitment/"), {"text": OFFER, "pay": "3000 EUR"})
    assert response.status_code == 200
    assert 'id="result"' in response.content.decode()
    fields, targets = _resubmission(response)
    assert fields["text"].replace("\r\n", "\n") == OFFER
    assert fields["pay"] == "3000 EUR"
    assert set(targets) == set(LANGUAGES) - {source}
    switched = client.post(
        targets[target], fields, HTTP_REFERER=f"http://testserver{at(source, '/recruitment/')}"
    )
    assert switched.status_code == 200
    assert html_lang(switched) == target
    html = switched.content.decode()
    assert 'id="result"' in html, "the result is shown again, in the other language"
    assert "ми його залишимо у себе" in unescape(html), "the pasted offer is still there"
    assert switched.cookies["django_language"].value == target


def _form_post(client, url, data):
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


def test_a_form_with_errors_keeps_what_was_typed_across_languages(client):
    response = _form_post(
        client, "/uk/online/report/", {"platform": "", "observations": "Хтось пише моїй доньці"}
    )
    fields, targets = _resubmission(response)
    assert "Хтось пише моїй доньці" in fields.values()
    switched = _form_post(client, targets["ro"], fields)
    assert html_lang(switched) == "ro"
    assert "Хтось пише моїй доньці" in unescape(switched.content.decode())


def test_a_password_is_never_copied_into_the_switcher(client, persona):
    user = persona("caseworker_a")
    response = client.post("/uk/accounts/login/", {"username": user.email, "password": PASSWORD + "x"})
    fields, _targets = _resubmission(response)
    assert fields.get("username") == user.email
    assert not any("password" in name for name in fields)
    assert PASSWORD not in response.content.decode()
