"""The coordinator's review list: facts not verified for six months, mark verified, withdraw."""

import datetime

import pytest
import time_machine

from kompass.audit.models import AuditEvent
from kompass.directory.models import Hotline
from kompass.facts.models import fact_models
from kompass.journeys.models import AwarenessPage

pytestmark = pytest.mark.django_db

REVIEW = "/facts/review/"


@pytest.mark.parametrize(
    ("name", "status"),
    [("coordinator", 200), ("org_admin_a", 403), ("caseworker_a", 403), ("auditor", 403), ("anonymous", 302)],
)
def test_review_list_access(client, login, name, status):
    login(client, name)
    assert client.get(REVIEW).status_code == status


@pytest.mark.parametrize("name", ["org_admin_a", "caseworker_a", "anonymous"])
def test_only_the_coordinator_verifies_or_withdraws(client, login, name):
    login(client, name)
    hotline = Hotline.objects.get(number="527")
    for action in ("verify", "withdraw"):
        response = client.post(f"{REVIEW}directory.hotline/{hotline.pk}/{action}/")
        assert response.status_code in (302, 403)
    hotline.refresh_from_db()
    assert hotline.is_published and hotline.last_verified.isoformat() == "2026-12-01"


@time_machine.travel(datetime.datetime(2027, 7, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_lists_numbers_and_rights_pages_not_verified_for_six_months(client, login):
    Hotline.objects.filter(number="527").update(last_verified=datetime.date(2027, 6, 1))
    login(client, "coordinator")
    page = client.get(REVIEW).content.decode()
    assert "UA 0 800 505 501" in page and "UA 527 " not in page
    assert "Your rights in Serbia" in page
    assert "Checked at the source" in page


def test_nothing_is_due_right_after_the_check(client, login):
    login(client, "coordinator")
    page = client.get(REVIEW).content.decode()
    assert page.count("Nothing to review.") == len(fact_models())
    assert "UA 527" in client.get(REVIEW + "?all=1").content.decode()


@time_machine.travel(datetime.datetime(2027, 7, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_mark_verified_sets_today_and_the_coordinator_and_is_audited(client, login):
    user = login(client, "coordinator")
    hotline = Hotline.objects.get(number="527")
    assert client.post(f"{REVIEW}directory.hotline/{hotline.pk}/verify/").status_code == 302
    hotline.refresh_from_db()
    assert hotline.last_verified == datetime.date(2027, 7, 1) and hotline.verified_by == user
    assert AuditEvent.objects.filter(
        action="fact_verified", actor=user, object_type="directory.hotline"
    ).exists()
    assert f"directory.hotline/{hotline.pk}/verify/" not in client.get(REVIEW).content.decode()


def test_withdrawn_number_leaves_every_public_page(client, login):
    user = login(client, "coordinator")
    hotline = Hotline.objects.get(number="0 800 77777")
    response = client.post(f"{REVIEW}directory.hotline/{hotline.pk}/withdraw/", {"reason": "Line closed"})
    assert response.status_code == 302
    hotline.refresh_from_db()
    assert not hotline.is_published and "Line closed" in hotline.internal_note
    assert AuditEvent.objects.filter(action="fact_withdrawn", actor=user).exists()
    client.logout()
    assert 'href="tel:080077777"' not in client.get("/directory/numbers/").content.decode()
    assert "0 800 77777" not in [h.number for h in Hotline.objects.for_country("MD")]


def test_withdrawn_rights_page_is_gone(client, login):
    login(client, "coordinator")
    page = AwarenessPage.objects.get(slug="rights-moldova")
    client.post(f"{REVIEW}journeys.awarenesspage/{page.pk}/withdraw/")
    client.logout()
    assert client.get("/journeys/awareness/rights-moldova/").status_code == 404


@pytest.mark.parametrize("label", ["accounts.user", "cases.case", "nothing.here"])
def test_only_fact_models_can_be_acted_on(client, login, label):
    user = login(client, "coordinator")
    assert client.post(f"{REVIEW}{label}/{user.pk}/withdraw/").status_code == 404
