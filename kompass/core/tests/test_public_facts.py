"""Every public page in every language: no internal note, no 116 006, sources shown with the numbers."""

import pytest

from kompass.core.tests.crawl import crawl
from kompass.directory.models import Entry, EntryService, Hotline
from kompass.journeys.models import AwarenessPage
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db

MARKER = "INTERNAL-NOTE-NEVER-PUBLIC"
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
        assert "DOMAIN.md" not in html and "seed data" not in html, url
        assert "116 006" not in html and "116006" not in html, url
    numbers = pages[next(u for u in pages if u.endswith("/directory/numbers/"))]
    assert numbers.count('class="fact-source"') == Hotline.objects.published().count()
