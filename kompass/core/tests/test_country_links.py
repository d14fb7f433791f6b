"""Public pages reached from a country's links open in that country's language (issue #20):
`?country=RS` → Serbian (Latin), RO and MD → Romanian, for a visitor who has not chosen a language.
The visitor's choice (the language cookie, a language in the URL) always wins."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kompass.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("country", "language"), [("RS", "sr-latn"), ("rs", "sr-latn"), ("RO", "ro"), ("MD", "ro"), ("UA", "uk")]
)
def test_a_countrys_link_opens_in_its_language(client, country, language):
    response = client.get(f"/online/?country={country}")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/online/?country={country}"
    page = client.get(response["Location"])
    assert page.status_code == 200 and f'<html lang="{language}"' in page.content.decode()
    assert "django_language" not in response.cookies  # nothing stored until the visitor chooses


@pytest.mark.parametrize(
    ("header", "expected"),
    [("de-DE,de;q=0.9", "/sr-latn/online/"), ("*", "/sr-latn/online/"),
     ("uk-UA,uk;q=0.9", "/uk/online/")],
)  # fmt: skip
def test_the_phones_own_language_comes_first_else_the_countrys(client, header, expected):
    # A Ukrainian phone in Serbia reads Ukrainian; a phone asking for none of ours gets Serbian.
    response = client.get("/online/?country=RS", HTTP_ACCEPT_LANGUAGE=header)
    assert response["Location"] == f"{expected}?country=RS"


@pytest.mark.parametrize("chosen", ["en", "ro", "uk", "ru", "sr-latn"])
def test_the_visitors_choice_always_wins(client, chosen):
    client.cookies["django_language"] = chosen
    response = client.get("/online/?country=RS")
    if chosen == "en":
        assert response.status_code == 200 and '<html lang="en"' in response.content.decode()
    else:
        assert response["Location"] == f"/{chosen}/online/?country=RS"
    # A language in the URL is a choice too.
    assert client.get(f"/{'uk' if chosen != 'uk' else 'ru'}/online/?country=RS").status_code == 200


def test_a_form_of_this_site_that_sends_a_country_keeps_the_pages_language(client):
    # The online pages' country choice, from the English page: an answer, not an entry link.
    response = client.get("/online/?country=RS", HTTP_REFERER="http://testserver/online/")
    assert response.status_code == 200 and '<html lang="en"' in response.content.decode()
    # The screening's start form sends the country with the other answers.
    response = client.get(reverse("screening:start") + "?sector=health&subject=adult&country=RS")
    assert response.status_code == 200 and '<html lang="en"' in response.content.decode()


def test_an_unknown_country_changes_nothing(client):
    assert client.get("/online/?country=XX").status_code == 200
    assert client.get("/online/?country=").status_code == 200


def test_a_signed_in_member_keeps_their_own_language(client, login):
    login(client, "caseworker_b")
    response = client.get(reverse("core:home") + "?country=RO")
    assert response.status_code == 200 and '<html lang="en"' in response.content.decode()


@pytest.mark.parametrize(
    ("organisation", "language", "subject"),
    [("a", "ro", "Invitație în Kompass"), ("b", "sr-latn", "Pozvani ste u Kompass")],
)
def test_an_invited_member_starts_in_the_countrys_language(
    orgs, persona, organisation, language, subject, django_capture_on_commit_callbacks
):
    from kompass.organisations.services import invite_member

    admin = persona(f"org_admin_{organisation}").memberships.get()
    with django_capture_on_commit_callbacks(execute=True):
        invite_member(by=admin, organisation=orgs[organisation], email=f"new-{organisation}@example.org",
                      role="caseworker")  # fmt: skip
    assert User.objects.get(email=f"new-{organisation}@example.org").preferred_language == language
    assert [m.subject for m in mail.outbox if m.to == [f"new-{organisation}@example.org"]] == [subject]


@pytest.mark.parametrize(("country", "language"), [("RS", "sr-latn"), ("MD", "ro"), ("UA", "uk")])
def test_a_countrys_first_coordinator_starts_in_its_language(db, country, language):
    call_command("create_coordinator", "--email", f"c-{country.lower()}@example.org", "--organisation",
                 f"NRM {country} (test)", "--country", country, stdout=io.StringIO())  # fmt: skip
    assert User.objects.get(email=f"c-{country.lower()}@example.org").preferred_language == language
