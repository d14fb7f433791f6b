"""A school session's QR code leads pupils to the online-safety pages, counted without tracking."""

from datetime import date

import pytest
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.training import selectors
from kompass.training.models import SchoolSession, SchoolSessionVisit
from kompass.training.tests.factories import make_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(org_a):
    school = make_school("Școala Gimnazială nr. 7", "Suceava", "Suceava", "RO")
    return SchoolSession.objects.create(
        organisation=org_a, school=school, date=date(2025, 5, 6), grade_from=6, grade_to=8,
        pupils_reached=48, topic_sextortion=True,
    )  # fmt: skip


def _link(session):
    return f"/training/s/{session.pupil_key}/"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("ro-RO,ro;q=0.9,en;q=0.5", "/ro/online/"), ("uk-UA,uk;q=0.9", "/uk/online/"),
     ("sr-Latn-RS", "/sr-latn/online/"), ("en-GB,en;q=0.8", "/online/"), ("de-DE", "/ro/online/"), ("", "/ro/online/")],
)  # fmt: skip
def test_the_pupils_phone_language_decides_the_page(client, session, header, expected):
    response = client.get(_link(session), HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"{expected}?country=RO"


def test_a_prefixed_link_keeps_its_language(client, session):
    response = client.get(f"/ru/training/s/{session.pupil_key}/", HTTP_ACCEPT_LANGUAGE="ro")
    assert response["Location"] == "/ru/online/?country=RO"


def test_an_opening_is_counted_per_day_and_language_and_nothing_else_is_kept(client, session):
    events = AuditEvent.objects.count()
    for header in ("ro", "ro", "uk"):
        response = client.get(_link(session), HTTP_ACCEPT_LANGUAGE=header)
        assert not response.cookies, "no cookie for a pupil"
    counts = dict(SchoolSessionVisit.objects.values_list("language", "count"))
    assert counts == {"ro": 2, "uk": 1}
    assert AuditEvent.objects.count() == events, "no audit event: it would keep the address"
    assert {f.name for f in SchoolSessionVisit._meta.get_fields()} == {
        "id",
        "session",
        "day",
        "language",
        "count",
    }
    report = selectors.reach_report()
    assert report.total.page_opens == 3
    assert report.regions[0]["page_opens"] == 3


def test_an_unknown_key_is_404(client, session):
    assert client.get("/training/s/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("trainer_a", 200), ("org_admin_a", 200), ("org_admin_b", 404), ("caseworker_a", 403), ("coordinator", 403),
     ("anonymous", 302)],
)  # fmt: skip
def test_qr_page_access(client, login, session, who, status):
    login(client, who)
    response = client.get(reverse("training:school_session_qr", args=[session.code]))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert f"/training/s/{session.pupil_key}/" in html and "<svg" in html
