"""The public numbers page and the coordinator's hotline editing."""

import pytest

from kompass.directory.models import Hotline

pytestmark = pytest.mark.django_db

LANGUAGES = [
    ("", "Moldova", "From abroad:"),
    ("/ro", "Republica Moldova", "Din străinătate:"),
    ("/uk", "Молдова", "З-за кордону:"),
    ("/ru", "Молдова", "Из-за границы:"),
    ("/sr-latn", "Moldavija", "Iz inostranstva:"),
]


@pytest.mark.parametrize(("prefix", "country", "abroad"), LANGUAGES)
def test_numbers_page_shows_source_link_date_and_number_from_abroad(client, prefix, country, abroad):
    page = client.get(f"{prefix}/directory/numbers/").content.decode()
    assert f">{country}</h2>" in page
    assert 'href="tel:+37322233309"' in page and abroad in page
    assert '<a href="https://lastrada.md/" rel="noreferrer">La Strada Moldova</a>' in page
    assert '<time datetime="2026-12-01">2026-12-01</time>' in page


def test_internal_notes_and_withdrawn_numbers_stay_off_the_public_page(client):
    Hotline.objects.filter(number="527").update(internal_note="SECRET-NOTE-527", is_published=False)
    Hotline.objects.filter(number="0 800 77777").update(internal_note="SECRET-NOTE-MD")
    page = client.get("/directory/numbers/").content.decode()
    assert "SECRET-NOTE" not in page and 'href="tel:527"' not in page
    assert "116 006" not in page


def test_coordinator_sees_withdrawn_numbers_marked_with_an_edit_link(client, login):
    Hotline.objects.filter(number="527").update(is_published=False)
    login(client, "coordinator")
    page = client.get("/directory/numbers/").content.decode()
    assert 'href="tel:527"' in page and "Withdrawn: not shown to the public." in page


@pytest.mark.parametrize(("name", "status"), [("coordinator", 200), ("org_admin_a", 403), ("anonymous", 302)])
def test_only_the_coordinator_edits_hotlines(client, login, name, status):
    login(client, name)
    hotline = Hotline.objects.get(number="0 800 77777")
    assert client.get(f"/directory/numbers/{hotline.pk}/edit/").status_code == status


def test_coordinator_updates_source_and_last_verified(client, login):
    user = login(client, "coordinator")
    hotline = Hotline.objects.get(number="0 800 77777")
    data = {
        "number": "0 800 77777",
        "number_from_abroad": "+373 22 23 33 09",
        "purpose": "trafficking",
        "source_name": "La Strada Moldova (called the line)",
        "source_url": "https://lastrada.md/",
        "last_verified": "2026-12-02",
        "internal_note": "Called on 2 December.",
        "is_published": "on",
        **{f"name_{code}": text for code, text in hotline.name.items()},
        "name_uk": "Довірча лінія (перевірено)",
        "hours_en": "Mon–Fri 08:00–20:00",
    }
    assert client.post(f"/directory/numbers/{hotline.pk}/edit/", data).status_code == 302
    hotline.refresh_from_db()
    assert str(hotline.last_verified) == "2026-12-02" and hotline.verified_by == user
    assert hotline.source_name == "La Strada Moldova (called the line)"
    assert hotline.name["uk"] == "Довірча лінія (перевірено)" and hotline.name["en"].startswith(
        "Anti-trafficking"
    )
    assert hotline.hours == {"en": "Mon–Fri 08:00–20:00"}


def test_a_published_number_without_source_page_is_refused(client, login):
    login(client, "coordinator")
    hotline = Hotline.objects.get(number="0 800 77777")
    data = {"number": "0 800 77777", "purpose": "trafficking", "source_name": "x", "source_url": "",
            "last_verified": "2026-12-02", "is_published": "on", "name_en": "Line"}  # fmt: skip
    response = client.post(f"/directory/numbers/{hotline.pk}/edit/", data)
    assert response.status_code == 200
    hotline.refresh_from_db()
    assert hotline.source_url == "https://lastrada.md/"


ABROAD_TITLE = "Calling from abroad"


@pytest.mark.parametrize("prefix", ["", "/ro", "/uk", "/ru", "/sr-latn"])
def test_numbers_page_gathers_the_numbers_to_call_from_abroad(client, prefix):
    from django.utils import translation

    page = client.get(f"{prefix}/directory/numbers/").content.decode()
    language = prefix.strip("/") or "en"
    with translation.override(language):
        title = translation.gettext(ABROAD_TITLE)
    if language != "en":
        assert title != ABROAD_TITLE
    section = page.split('id="from-abroad"', 1)[1].split("</section>", 1)[0]
    assert title in section
    # Romania's and Moldova's free lines from abroad, Serbia's ordinary Belgrade line, Poland's line.
    for tel in ("+40213133100", "+37322233309", "+381117850000", "+48226289999"):
        assert f'href="tel:{tel}"' in section
    # A number reachable only inside its country is not offered to someone abroad.
    assert 'href="tel:0800800678"' not in section and 'href="tel:527"' not in section
    assert section.count('class="fact-source"') == section.count('class="hotline-item"')


def test_a_withdrawn_number_is_not_offered_from_abroad(client):
    Hotline.objects.filter(number="0 800 77777").update(is_published=False)
    page = client.get("/directory/numbers/").content.decode()
    section = page.split('id="from-abroad"', 1)[1].split("</section>", 1)[0]
    assert "+37322233309" not in section
