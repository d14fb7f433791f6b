"""The public screening flow, without JavaScript: plain GET and POST forms."""

import pytest
from django.urls import reverse
from django.utils import translation

from kompass.screening.models import Report, Screening

pytestmark = pytest.mark.django_db


def published(sector):
    from kompass.screening.models import Protocol

    return Protocol.objects.get(sector=sector).published


def answer_all(revision, subject, value="yes", **overrides):
    data = {"sector": revision.sector, "subject": subject, "country": "RO", "revision": str(revision.code)}
    for question in revision.questions_for(subject):
        data[f"q_{question['key']}"] = overrides.get(question["key"], value)
    return data


def test_start_page_offers_every_sector_without_login(client):
    response = client.get(reverse("screening:start"))
    assert response.status_code == 200
    html = response.content.decode()
    for sector in ("health", "emergency_line", "online", "general_public", "labour_inspection"):
        assert f'value="{sector}"' in html
    assert "<legend>" in html and "fieldset" in html


def test_get_with_sector_and_subject_shows_the_questions(client):
    response = client.get(
        reverse("screening:start"), {"sector": "health", "subject": "child", "country": "RO"}
    )
    html = response.content.decode()
    revision = published("health")
    for question in revision.questions_for("child"):
        assert question["text"]["en"] in html
    assert "work_injury_untreated" not in html  # an adult-only question


def test_questions_in_ukrainian(client):
    with translation.override("uk"):
        url = reverse("screening:start")
    assert url.startswith("/uk/")
    response = client.get(url, {"sector": "health", "subject": "adult", "country": "RO"})
    revision = published("health")
    assert revision.questions_for("adult")[0]["text"]["uk"] in response.content.decode()


def test_answering_yes_to_everything_gives_presumed_victim_and_urgent(client):
    revision = published("health")
    response = client.post(reverse("screening:start"), answer_all(revision, "adult"))
    screening = Screening.objects.get()
    assert response.status_code == 302
    assert response["Location"] == screening.get_absolute_url()
    assert screening.verdict == "presumed_victim"
    assert screening.urgent is True
    assert screening.revision == revision
    page = client.get(response["Location"]).content.decode()
    assert page.index("Call 112 now") < page.index("Presumed victim")
    assert "Coercion at destination" in page


def test_no_answers_gives_no_indicators_and_no_banner(client):
    revision = published("general_public")
    client.post(reverse("screening:start"), answer_all(revision, "child", value="unknown"))
    screening = Screening.objects.get()
    assert screening.verdict == "no_indicators"
    page = client.get(screening.get_absolute_url()).content.decode()
    assert "Call 112 now" not in page
    assert set(screening.answers.values()) == {None}


def test_fetch_submission_returns_the_result_fragment(client):
    revision = published("police")
    response = client.post(
        reverse("screening:start"), answer_all(revision, "adult", value="no"), HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 200
    screening = Screening.objects.get()
    assert response["X-Result-URL"] == screening.get_absolute_url()
    assert "<html" not in response.content.decode()
    assert 'id="result-title"' in response.content.decode()


def test_result_lists_hotlines_for_the_country(client):
    revision = published("general_public")
    client.post(reverse("screening:start"), answer_all(revision, "adult", value="no"))
    page = client.get(Screening.objects.get().get_absolute_url()).content.decode()
    assert "0800 800 678" in page  # Romania's anti-trafficking helpline, from the directory's hotlines
    assert "112" in page


def test_unknown_answer_value_is_rejected(client):
    revision = published("education")
    data = answer_all(revision, "adult")
    data[next(k for k in data if k.startswith("q_"))] = "maybe"
    response = client.post(reverse("screening:start"), data)
    assert response.status_code == 200
    assert Screening.objects.count() == 0


def test_emergency_form_has_at_most_12_questions_and_posts_to_itself(client):
    response = client.get(reverse("screening:emergency"))
    html = response.content.decode()
    assert html.count('class="question"') <= 12
    assert html.count('class="question"') >= 10
    revision = published("emergency_line")
    response = client.post(reverse("screening:emergency"), answer_all(revision, "child"))
    screening = Screening.objects.get()
    assert screening.mode == "emergency"
    assert screening.sector == "emergency_line"
    assert screening.verdict == "presumed_victim"


def test_sending_a_report_gives_a_reference(client):
    revision = published("social_services")
    client.post(reverse("screening:start"), answer_all(revision, "adult"))
    screening = Screening.objects.get()
    response = client.post(
        reverse("screening:report", kwargs={"code": screening.code}),
        {"country": "MD", "region": "Bălți", "location": "near the market", "observations": "Seen twice."},
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert report.screening == screening
    assert report.sector == "social_services"
    assert report.reference.startswith("R-")
    assert report.has_contact is False
    page = client.get(response["Location"]).content.decode()
    assert report.reference in page
    from kompass.audit.models import AuditEvent

    event = AuditEvent.objects.get(action="report_received")
    assert event.object_id == str(report.code) and event.actor is None


def test_report_needs_a_known_country(client):
    revision = published("online")
    client.post(reverse("screening:start"), answer_all(revision, "adult"))
    screening = Screening.objects.get()
    response = client.post(reverse("screening:report", kwargs={"code": screening.code}), {"country": "XX"})
    assert response.status_code == 200
    assert Report.objects.count() == 0


def test_unknown_screening_is_404(client):
    assert client.get("/screening/result/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_report_with_the_robot_field_filled_is_refused(client):
    revision = published("health")
    client.post(reverse("screening:start"), answer_all(revision, "adult"))
    screening = Screening.objects.get()
    response = client.post(
        reverse("screening:report", kwargs={"code": screening.code}),
        {"country": "RO", "observations": "Buy cheap watches", "website": "http://spam.example"},
    )
    assert response.status_code == 200
    assert Report.objects.count() == 0


def test_every_number_shows_its_source_and_last_verification(client):
    from kompass.directory.models import Hotline

    revision = published("police")
    client.post(reverse("screening:start"), answer_all(revision, "adult", value="no"))
    page = client.get(Screening.objects.get().get_absolute_url()).content.decode()
    hotlines = list(Hotline.objects.for_country("RO"))
    assert hotlines
    assert page.count("last verified") == len(hotlines)
    assert hotlines[0].last_verified.isoformat() in page
