"""Protocols per country (issue #20, point 2): each country revises its own sector protocols, a
screening records the country and revision it used, and one country's publication changes no other's."""

import pytest
from django.urls import reverse

from kompass.screening import services
from kompass.screening.models import Protocol, Screening

pytestmark = pytest.mark.django_db


def _screen(client, country: str) -> Screening:
    """A public screening in `country` (health sector, every question answered yes)."""
    page = client.get(
        reverse("screening:start"), {"sector": "health", "subject": "adult", "country": country}
    )
    revision = page.context["revision"]
    data = {"sector": "health", "subject": "adult", "country": country, "revision": str(revision.code)}
    data.update({f"q_{q['key']}": "yes" for q in revision.questions_for("adult")})
    assert client.post(reverse("screening:start"), data).status_code == 302
    return Screening.objects.order_by("-created_at", "-id").first()


def _start_and_publish(client, login, persona_name: str, suffix: str):
    """The persona's country gets a new published health revision whose first question ends with `suffix`."""
    login(client, persona_name)
    assert client.post(reverse("screening:draft_start", kwargs={"sector": "health"})).status_code == 302
    country = client.get(reverse("screening:protocols")).wsgi_request.membership.country
    protocol = Protocol.objects.get(sector="health", country=country)
    draft = protocol.draft
    question = draft.content["questions"][0]
    reworded = {**question, "text": {lang: f"{text} {suffix}" for lang, text in question["text"].items()}}
    services.save_draft_question(
        revision=draft, by=draft.created_by, question=reworded, replace_key=question["key"]
    )
    draft.refresh_from_db()
    draft.change_note = f"Reworded ({suffix})."
    draft.save()
    assert client.post(reverse("screening:draft_publish", kwargs={"sector": "health"})).status_code == 302
    client.logout()
    return Protocol.objects.get(pk=protocol.pk).published


@pytest.mark.parametrize(
    ("persona_name", "url", "status"),
    [
        ("coordinator_rs", "/screening/protocols/ro/health/", 404),
        ("coordinator_rs", "/screening/protocols/ro/health/revisions/1/", 404),
        ("coordinator_rs", "/screening/protocols/ro/health/revisions/1/export.yaml", 404),
        ("coordinator_rs", "/screening/protocols/rs/health/", 200),
        ("coordinator", "/screening/protocols/rs/health/", 404),
        ("coordinator", "/screening/protocols/ro/health/", 200),
        ("caseworker_b", "/screening/protocols/rs/health/", 200),
        ("caseworker_b", "/screening/protocols/ro/health/", 404),
        ("regional", "/screening/protocols/", 403),
        ("regional", "/screening/protocols/rs/health/", 403),
    ],
)
def test_each_country_sees_its_own_protocols(client, login, persona_name, url, status):
    login(client, persona_name)
    assert client.get(url).status_code == status


def test_a_coordinator_may_not_edit_another_countrys_protocol(client, login):
    login(client, "coordinator_rs")
    assert client.post("/screening/protocols/ro/health/draft/start/").status_code == 404
    assert Protocol.objects.get(sector="health", country="RO").draft is None


def test_publishing_in_one_country_does_not_change_another(client, login):
    base = Protocol.objects.get(sector="health", country="RO").published
    # Until Serbia revises its own, a screening there uses the base revision, and records it.
    before = _screen(client, "RS")
    assert (before.country, before.revision) == ("RS", base)

    serbian = _start_and_publish(client, login, "coordinator_rs", "(RS)")
    assert serbian.protocol.country == "RS" and serbian.number == 1 and serbian.version == "rs-health-1"
    in_serbia = _screen(client, "RS")
    assert in_serbia.revision == serbian and "(RS)" in serbian.content["questions"][0]["text"]["en"]
    # Romania's protocol is untouched, and its screenings keep using it.
    assert Protocol.objects.get(sector="health", country="RO").published == base
    assert _screen(client, "RO").revision == base

    romanian = _start_and_publish(client, login, "coordinator", "(RO)")
    assert romanian.number == base.number + 1 and romanian.protocol.country == "RO"
    # Serbia's published revision did not change, and its screenings keep their revision.
    assert Protocol.objects.get(sector="health", country="RS").published == serbian
    in_serbia.refresh_from_db()
    before.refresh_from_db()
    assert in_serbia.revision == serbian and before.revision == base
    after = _screen(client, "RS")
    assert after.revision == serbian and "(RO)" not in str(after.revision.content)
    assert _screen(client, "RO").revision == romanian
    # Moldova has no revision of its own: it screens with the base country's current one.
    assert _screen(client, "MD").revision == romanian


def test_the_list_shows_the_countrys_own_revision(client, login):
    _start_and_publish(client, login, "coordinator_rs", "(RS)")
    login(client, "caseworker_b")
    page = client.get(reverse("screening:protocols")).content.decode()
    assert 'href="/screening/protocols/health/"' in page
    detail = client.get(reverse("screening:protocol", kwargs={"sector": "health"})).content.decode()
    assert "Reworded ((RS))." in detail and "has no revision of its own" not in detail
    other = client.get(reverse("screening:protocol", kwargs={"sector": "police"})).content.decode()
    assert "has no revision of its own" in other
