"""The safety plan's link is encrypted: whoever sees it cannot read the route (#13.13)."""

import base64
import json
import zlib

import pytest
from django.core import signing
from django.test import override_settings

from kompass.journeys.planning import TOKEN_PREFIX, TOKEN_SALT, PlanRequest
from kompass.lib.places import resolve_place

pytestmark = pytest.mark.django_db


def _request():
    places = [resolve_place("Odesa", "UA"), resolve_place("Palanca", "MD"), resolve_place("Chișinău", "MD")]
    return PlanRequest(waypoints=places, language="uk", start_date="2026-12-01", needs=["legal_assistance"])


def _readable_parts(token: str) -> str:
    """Everything an onlooker can get out of a token without a key: base64, then any zlib stream in it."""
    body = token.removeprefix(TOKEN_PREFIX).lstrip(".").split(":")[0]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    found = [raw.decode("latin-1")]
    for start in range(len(raw)):
        try:
            found.append(zlib.decompressobj().decompress(raw[start:]).decode("utf-8", "replace"))
        except zlib.error:
            continue
    return " ".join(found)


def _shows(readable: str, text: str) -> bool:
    return text in readable or json.dumps(text)[1:-1] in readable


def test_the_old_signed_token_was_readable_by_anyone():
    data = {"w": [["Одеса", "UA", 46.48, 30.72], ["Кишинів", "MD", 47.0, 28.86]], "l": "uk"}
    legacy = signing.dumps(data, salt=TOKEN_SALT, compress=True)
    assert _shows(_readable_parts(legacy), "Одеса")  # what the probe did


def test_the_new_token_reveals_no_place_date_or_need():
    token = _request().to_token()
    assert token.startswith(TOKEN_PREFIX)
    readable = _readable_parts(token)
    for secret in ("Одеса", "Odesa", "Palanca", "46.4", "2026-12-01", "legal_assistance"):
        assert not _shows(readable, secret)


def test_the_token_round_trips_and_two_links_of_one_plan_differ():
    request = _request()
    first, second = request.to_token(), request.to_token()
    assert first != second  # a fresh nonce each time: links cannot be matched to each other
    again = PlanRequest.from_token(first)
    assert [p.country for p in again.waypoints] == ["UA", "MD", "MD"]
    assert again.needs == ["legal_assistance"] and again.start_date == "2026-12-01"


def test_a_tampered_or_foreign_token_is_refused():
    token = _request().to_token()
    with pytest.raises(signing.BadSignature):
        PlanRequest.from_token(token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"))
    with pytest.raises(signing.BadSignature):
        PlanRequest.from_token(TOKEN_PREFIX + "not-base64!")
    with (
        override_settings(SECRET_KEY="another-installation-" + "x" * 50),
        pytest.raises(signing.BadSignature),
    ):
        PlanRequest.from_token(token)


def test_links_survive_a_key_rotation():
    token = _request().to_token()
    old_key = "kompass-old-secret-" + "y" * 50
    with override_settings(SECRET_KEY=old_key):
        token = _request().to_token()
    with override_settings(SECRET_KEY="kompass-new-secret-" + "z" * 50, SECRET_KEY_FALLBACKS=[old_key]):
        assert len(PlanRequest.from_token(token).waypoints) == 3


def test_an_old_signed_link_still_opens_and_the_page_hands_out_an_encrypted_one(client):
    request = _request()
    data = {
        "w": [[p.display_name("uk"), p.country, round(p.lat, 5), round(p.lon, 5)] for p in request.waypoints],
        "c": 25.0, "s": [], "l": "uk", "d": ["2026-12-01", ""], "k": 0, "n": [], "g": [],
    }  # fmt: skip
    legacy = signing.dumps(data, salt=TOKEN_SALT, compress=True)
    response = client.get("/uk/journeys/plan/", {"p": legacy})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"p={TOKEN_PREFIX}" in page and legacy not in page


def test_a_broken_link_answers_not_found(client):
    assert client.get("/uk/journeys/plan/", {"p": TOKEN_PREFIX + "AAAA"}).status_code == 404
