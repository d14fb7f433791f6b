"""The parents' handout: one A4 page per language, with a QR code to the help pages."""

import re
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import SCREENSHOTS
from kompass.online import content

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


@pytest.fixture(autouse=True)
def english_phone(client):
    """Unprefixed pages are asked for by an English phone: a bare `?country=` link would otherwise open in
    that country's language (core/middleware.py, link_language)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handout_is_one_page_in_every_language(client, language):
    with translation.override(language):
        url = reverse("online:handout")
    response = client.get(url + "?country=RS")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"online-handout-{language}.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "112" in text
    assert " ".join(content.parents_page().title_in(language).split()[:3]) in " ".join(text.split())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(path), str(path.with_suffix(""))], check=True
    )
