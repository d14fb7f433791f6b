from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from kompass.journeys import services
from kompass.journeys.models import Journey, Leg, OnDuty
from kompass.organisations.models import Membership

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Europe/Bucharest")
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)


@pytest.fixture
def journey(org_a):
    with time_machine.travel(T0, tick=False):
        return services.start_journey(
            organisation=org_a,
            nickname="Olena",
            contact_channel="telegram",
            contact_value="@olena_travels",
            legs=[
                {"origin": "Odesa", "destination": "Palanca", "expected_arrival": T0 + timedelta(hours=3)},
                {"origin": "Palanca", "destination": "Chișinău", "expected_arrival": T0 + timedelta(hours=6)},
            ],
            language="uk",
            consent=True,
        )


def test_journey_needs_consent(org_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.start_journey(
            organisation=org_a,
            nickname="X",
            contact_channel="phone",
            contact_value="1",
            legs=[{"origin": "A", "destination": "B", "expected_arrival": T0}],
            consent=False,
        )


def test_deletion_date_is_retention_days_after_the_last_arrival(journey, settings):
    assert journey.ends_at == T0 + timedelta(hours=6)
    assert journey.delete_after == journey.ends_at + timedelta(days=7)


def test_missed_checkin_raises_an_alert_and_emails_the_on_duty_worker(journey, persona, client, login):
    worker = persona("caseworker_a")
    OnDuty.objects.create(membership=Membership.objects.get(user=worker))
    with time_machine.travel(T0 + timedelta(hours=3, minutes=59), tick=False):
        call_command("check_missed_checkins")
    assert not Leg.objects.filter(alert_raised_at__isnull=False).exists()
    assert mail.outbox == []
    with time_machine.travel(T0 + timedelta(hours=4, minutes=1), tick=False):
        call_command("check_missed_checkins")
        call_command("check_missed_checkins")  # idempotent
    leg = Leg.objects.get(journey=journey, position=1)
    assert leg.alert_raised_at is not None and leg.is_alert_open
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [worker.email]
    assert "Olena" in mail.outbox[0].subject
    assert "@olena_travels" not in mail.outbox[0].body  # contact details stay behind the login
    assert str(journey.code) in mail.outbox[0].body
    login(client, "caseworker_a")
    board = client.get("/journeys/board/").content.decode()
    assert "Missed check-ins" in board and "Olena" in board and "Odesa → Palanca" in board


def test_checked_in_leg_raises_no_alert(journey, client):
    with time_machine.travel(T0 + timedelta(hours=2, minutes=50), tick=False):
        response = client.post(f"/journeys/follow/{journey.token}/checkin/1/")
        assert response.status_code == 302
    with time_machine.travel(T0 + timedelta(hours=5), tick=False):
        raised = services.raise_missed_checkin_alerts()
    assert raised == []
    assert Leg.objects.get(journey=journey, position=1).checked_in_at is not None


def test_alert_without_anyone_on_duty_goes_to_the_organisation_admin(journey, persona):
    admin = persona("org_admin_a")
    persona("caseworker_a")
    with time_machine.travel(T0 + timedelta(hours=5), tick=False):
        services.raise_missed_checkin_alerts()
    assert mail.outbox[0].to == [admin.email]


def test_acknowledge_alert_from_the_board(journey, client, login):
    with time_machine.travel(T0 + timedelta(hours=5), tick=False):
        services.raise_missed_checkin_alerts()
    login(client, "frontline_a")
    response = client.post(f"/journeys/board/{journey.code}/legs/1/acknowledge/")
    assert response.status_code == 302
    assert not Leg.objects.get(journey=journey, position=1).is_alert_open


def test_retention_command_deletes_expired_journeys_only(journey, org_a):
    with time_machine.travel(T0, tick=False):
        later = services.start_journey(organisation=org_a, nickname="Later", contact_channel="phone",
                                       contact_value="+373", consent=True,
                                       legs=[{"origin": "A", "destination": "B",
                                              "expected_arrival": T0 + timedelta(days=20)}])  # fmt: skip
    with time_machine.travel(journey.delete_after - timedelta(minutes=1), tick=False):
        call_command("purge_journeys")
    assert Journey.objects.count() == 2
    with time_machine.travel(journey.delete_after + timedelta(minutes=1), tick=False):
        call_command("purge_journeys", "--dry-run")
        assert Journey.objects.count() == 2
        call_command("purge_journeys")
    assert list(Journey.objects.all()) == [later]
    assert not Leg.objects.filter(journey_id=journey.pk).exists()


def test_traveller_can_finish_and_delete(journey, client):
    page = client.get(f"/journeys/follow/{journey.token}/").content.decode()
    assert "Olena" in page and "I have arrived in Palanca" in page
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        client.post(f"/journeys/follow/{journey.token}/finish/")
    journey.refresh_from_db()
    assert journey.closed_at is not None
    assert journey.delete_after == T0 + timedelta(hours=1) + timedelta(days=7)
    client.post(f"/journeys/follow/{journey.token}/delete/")
    assert not Journey.objects.exists()


def test_follow_form_creates_a_journey(client, org_a, make_entry):
    make_entry("Iași office", 47.16, 27.58, country="RO", org=org_a)
    data = {
        "organisation": org_a.pk,
        "nickname": "Masha",
        "contact_channel": "whatsapp",
        "contact_value": "+380 1",
        "consent": "on",
        "legs-TOTAL_FORMS": "1",
        "legs-INITIAL_FORMS": "0",
        "legs-MIN_NUM_FORMS": "1",
        "legs-MAX_NUM_FORMS": "6",
        "legs-0-origin": "Chișinău",
        "legs-0-destination": "Iași",
        "legs-0-expected_arrival": "2026-12-01T18:00",
    }
    response = client.post("/journeys/follow/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    journey = Journey.objects.get()
    assert response["Location"] == journey.get_traveller_url()
    assert journey.legs.get().destination == "Iași"


def test_follow_form_explains_what_is_kept(client):
    page = client.get("/journeys/follow/").content.decode()
    assert "What we keep, and for how long" in page and "7 days" in page


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("caseworker_a", 200),
        ("frontline_a", 200),
        ("org_admin_a", 200),
        ("caseworker_b", 404),
        ("coordinator", 403),  # does not follow journeys: refused before any lookup
        ("trainer_a", 403),
        ("anonymous", 302),
    ],
)
def test_board_journey_access(client, login, journey, name, status):
    login(client, name)
    assert client.get(f"/journeys/board/{journey.code}/").status_code == status


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("caseworker_a", 200),
        ("frontline_a", 200),
        ("caseworker_b", 200),
        ("trainer_a", 403),
        ("auditor", 403),
        ("anonymous", 302),
    ],
)
def test_board_access(client, login, orgs, name, status):
    login(client, name)
    assert client.get("/journeys/board/").status_code == status


def test_board_shows_only_own_organisations_journeys(client, login, journey):
    login(client, "caseworker_b")
    assert "Olena" not in client.get("/journeys/board/").content.decode()


def test_follow_form_with_empty_extra_legs(client, org_a, make_entry):
    make_entry("Iași office", 47.16, 27.58, country="RO", org=org_a)
    page = client.get("/journeys/follow/").content.decode()
    assert 'name="legs-TOTAL_FORMS" value="4"' in page
    data = {
        "organisation": org_a.pk,
        "nickname": "Masha",
        "contact_channel": "phone",
        "contact_value": "+380 1",
        "consent": "on",
        "legs-TOTAL_FORMS": "4",
        "legs-INITIAL_FORMS": "0",
        "legs-MIN_NUM_FORMS": "1",
        "legs-MAX_NUM_FORMS": "6",
        "legs-0-origin": "Chișinău",
        "legs-0-destination": "Iași",
        "legs-0-expected_arrival": "2026-12-01T18:00",
        **{f"legs-{i}-{f}": "" for i in (1, 2, 3) for f in ("origin", "destination", "expected_arrival")},
    }
    assert client.post("/journeys/follow/", data).status_code == 302
    assert Journey.objects.get().legs.count() == 1


def test_follow_form_is_prefilled_from_a_plan(client):
    from kompass.journeys.planning import PlanRequest
    from kompass.lib.places import resolve_place

    token = PlanRequest(waypoints=[resolve_place("Odesa"), resolve_place("Palanca", "MD"), resolve_place("Chisinau")],
                        language="en", start_date="2026-12-01").to_token()  # fmt: skip
    page = client.get("/journeys/follow/", {"p": token}).content.decode()
    assert 'name="legs-TOTAL_FORMS" value="2"' in page
    assert 'value="Palanca"' in page and 'value="2026-12-01T12:00"' in page


def test_a_missed_checkin_email_shows_times_in_each_workers_zone_and_language(journey, persona):
    worker = persona("caseworker_a")
    worker.time_zone, worker.preferred_language = "Europe/Belgrade", "sr-latn"
    worker.save(update_fields=["time_zone", "preferred_language"])
    OnDuty.objects.create(membership=Membership.objects.get(user=worker))
    with time_machine.travel(T0 + timedelta(hours=4, minutes=1), tick=False):
        call_command("check_missed_checkins")
    body = mail.outbox[0].body
    # Expected at 11:00 in Bucharest, which is 10:00 in Belgrade.
    assert "10:00" in body and "11:00" not in body and "(Europe/Belgrade)" in body
    assert "Propušten" in mail.outbox[0].subject or "Olena" in mail.outbox[0].subject
