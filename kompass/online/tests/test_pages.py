"""The public pages for young people, parents and the platform guides, in every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from kompass.online import content

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


def _url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_in_every_language(client, language):
    names = [("online:start", {}), ("online:parents", {}), ("online:platforms", {}), ("online:report", {})]
    names += [("online:topic", {"slug": t.slug}) for t in content.topics()]
    names += [("online:platform", {"code": g.code}) for g in content.platform_guides()]
    for name, kwargs in names:
        response = client.get(_url(name, language, **kwargs))
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'lang="{language}"' in html
        assert 'id="quick-exit"' in html
        assert "style=" not in html and "onclick" not in html.lower()


@pytest.mark.django_db
def test_topic_page_shows_what_to_do_and_help_for_the_chosen_country(client):
    response = client.get(_url("online:topic", "ro", slug="sextortion") + "?country=MD")
    html = response.content.decode()
    assert content.topic("sextortion").title_in("ro") in html
    assert 'value="MD" selected' in html
    assert "tel:112" in html


@pytest.mark.django_db
def test_unknown_topic_and_platform_are_404(client):
    assert client.get(_url("online:topic", "en", slug="nothing-here")).status_code == 404
    assert client.get(_url("online:platform", "en", code="myspace")).status_code == 404


def test_every_platform_guide_cites_the_platforms_own_help_page():
    hosts = {
        "instagram": "help.instagram.com", "tiktok": "support.tiktok.com", "facebook": "www.facebook.com",
        "snapchat": "values.snap.com", "telegram": "telegram.org", "discord": "discord.com",
        "whatsapp": "faq.whatsapp.com", "viber": "help.viber.com", "olx": "help.olx.ua",
    }  # fmt: skip
    guides = {g.code: g for g in content.platform_guides()}
    assert set(guides) == set(hosts)
    for code, host in hosts.items():
        assert guides[code].source.startswith(f"https://{host}/")
        assert guides[code].verified is not None
