import pytest
from django.urls import reverse
from django.utils.html import escape

from kompass.training.content import self_help_pages

pytestmark = pytest.mark.django_db
PREFIX = {"en": "", "ro": "/ro", "uk": "/uk", "ru": "/ru", "sr-latn": "/sr-latn"}


def test_pages_cover_secondary_trauma_burnout_and_support():
    assert [p.slug for p in self_help_pages()] == ["secondary-trauma", "burnout", "support"]


@pytest.mark.parametrize("language", list(PREFIX))
@pytest.mark.parametrize("slug", ["secondary-trauma", "burnout", "support"])
def test_page_in_every_language(client, language, slug):
    page = next(p for p in self_help_pages() if p.slug == slug)
    url = PREFIX[language] + reverse("training:self_help_page", kwargs={"slug": slug})
    body = client.get(url).content.decode()
    assert escape(page.title[language]) in body
    assert all(escape(section.heading[language]) in body for section in page.sections)
    assert 'href="tel:112"' in body


def test_unknown_page_is_404(client):
    assert client.get(reverse("training:self_help_page", kwargs={"slug": "nothing"})).status_code == 404


def test_helplines_of_the_chosen_country_are_listed(client):
    from kompass.directory.models import Hotline

    if not Hotline.objects.filter(country="MD").exists():
        # A transactional test elsewhere flushed the seeded numbers: seed them again.
        from kompass.directory.data.hotlines import seed_hotlines

        seed_hotlines()
    # An English phone: a bare `?country=MD` link would otherwise open in Moldova's language.
    body = client.get(
        reverse("training:self_help_page", kwargs={"slug": "support"}),
        {"country": "MD"},
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    assert "0 800 77777" in body or "080077777" in body
