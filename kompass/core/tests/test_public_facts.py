"""Every public page in every language: no internal note, no 116 006, sources shown with the numbers."""

import html as html_lib
import re

import pytest

from kompass.core.tests.crawl import crawl
from kompass.directory.models import Entry, EntryService, Hotline
from kompass.facts.models import fact_models
from kompass.journeys.models import AwarenessPage
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db

MARKER = "INTERNAL-NOTE-NEVER-PUBLIC"
# Words of internal notes and seed files that must never reach a public page.
INTERNAL_WORDS = ("DOMAIN.md", "seed data", "verify before publishing", "re-verify", "stored copy")
TEL = re.compile(r'href="tel:([^"]*)"')
EMERGENCY = "112"  # the same everywhere in the region; its source is on the numbers page
LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]
DEEP_LINKS = [
    "/screening/?sector=health&subject=adult&country=MD",
    "/directory/?near=Chișinău&radius_km=50",
    "/directory/numbers/",
    "/journeys/?origin=Odesa&destination=Chișinău&corridor_km=25",
    "/journeys/offline/",
    "/journeys/awareness/rights-serbia/",
    "/recruitment/",
    "/training/self-help/",
]


@pytest.fixture
def public_data():
    Hotline.objects.update(internal_note=MARKER)
    AwarenessPage.objects.update(internal_note=MARKER)
    org = Organisation.objects.create(name="Fictional Support Centre", country="MD", city="Chișinău")
    entry = Entry.objects.create(organisation=org, name="Chișinău — gara feroviară", kind="support_point",
                                 country="MD", city="Chișinău", lat=47.0136, lon=28.8453,
                                 status=Entry.Status.PUBLISHED, phone="+373 22 000 000")  # fmt: skip
    EntryService.objects.create(entry=entry, service="information")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_internal_note_or_unsourced_number_on_any_public_page(client, public_data, language):
    pages = crawl(client, language, DEEP_LINKS)
    assert len(pages) >= 15, sorted(pages)
    for url, html in pages.items():
        assert MARKER not in html, url
        for word in INTERNAL_WORDS:
            assert word.lower() not in html.lower(), (url, word)
        assert "116 006" not in html and "116006" not in html, url
        assert_every_number_is_sourced(url, html)
    numbers = pages[next(u for u in pages if u.endswith("/directory/numbers/"))]
    by_country = numbers.split('id="from-abroad"', 1)[1].split("</section>", 1)[1]
    assert by_country.count('class="fact-source"') == Hotline.objects.published().count()


def assert_every_number_is_sourced(url: str, html: str) -> None:
    """A number people can call is a published hotline whose source is on the same page, or the
    phone of a published directory entry (the organisation's own contact); nothing else."""
    hotlines: dict[str, list] = {}  # every published fact with a number: hotlines, help services…
    for model in fact_models():
        for fact in model.objects.published():
            for tel in (getattr(fact, "tel", ""), getattr(fact, "tel_from_abroad", "")):
                if tel:
                    hotlines.setdefault(tel, []).append(fact)
    entry_phones = {
        re.sub(r"[^\d+]", "", phone) for phone in Entry.objects.published().values_list("phone", flat=True)
    }
    sources = {html_lib.unescape(s) for s in re.findall(r'class="fact-source">.*?<a [^>]*>([^<]*)</a>', html)}
    for tel in TEL.findall(html):
        if tel == EMERGENCY or tel in entry_phones:
            continue
        assert tel in hotlines, f"{url}: tel:{tel} is not a published, sourced number"
        assert any(h.source_name in sources for h in hotlines[tel]), (
            f"{url}: tel:{tel} is shown without its source"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_crawl_fails_on_an_unsourced_number(client, public_data, language):
    # The check above must be able to fail: a number without its source, or an unknown number.
    prefix = "" if language == "en" else f"/{language}"
    html = client.get(f"{prefix}/directory/numbers/").content.decode()
    assert_every_number_is_sourced("numbers", html)
    with pytest.raises(AssertionError, match="not a published"):
        assert_every_number_is_sourced("numbers", html.replace("tel:0800800678", "tel:0211234567"))
    Hotline.objects.filter(country="RO", number="0800 800 678").update(source_name="", source_url="")
    html = client.get(f"{prefix}/directory/numbers/").content.decode()
    with pytest.raises(AssertionError, match="without its source"):
        assert_every_number_is_sourced("numbers", html)
