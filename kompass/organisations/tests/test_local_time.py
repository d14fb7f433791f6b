"""Local time and defaults per country (issue #20, point 5)."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kompass.organisations.middleware import MembershipMiddleware
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _zone_seen_by(user) -> tuple[str, str]:
    request = RequestFactory().get("/")
    request.user = user
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()
        # 12:00 UTC in summer as the member reads it.
        seen["noon"] = timezone.localtime(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC)).strftime(
            "%H:%M"
        )
        return HttpResponse()

    MembershipMiddleware(view)(request)
    return seen["zone"], seen["noon"]


@pytest.mark.parametrize(
    ("persona_name", "zone", "noon"),
    [
        ("coordinator", "Europe/Bucharest", "15:00"),
        ("caseworker_b", "Europe/Belgrade", "14:00"),  # Novi Sad: Central European (Summer) Time
        ("coordinator_rs", "Europe/Belgrade", "14:00"),
        ("regional", "Europe/Chisinau", "15:00"),
    ],
)
def test_members_read_times_in_their_organisations_zone(persona, persona_name, zone, noon):
    assert _zone_seen_by(persona(persona_name)) == (zone, noon)
    # The zone is the request's only: afterwards the platform's default is back.
    assert timezone.get_current_timezone_name() == "Europe/Bucharest"


def test_an_organisation_may_set_its_own_zone(persona, org_b):
    org_b.time_zone = "Europe/Budapest"
    org_b.save()
    assert _zone_seen_by(persona("caseworker_b"))[0] == "Europe/Budapest"


def test_an_unknown_zone_is_refused(client, login, coordinator_org):
    from django.core.exceptions import ValidationError

    organisation = Organisation(name="Zone test", country="RS", time_zone="Europe/Novi_Sad")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "time_zone" in error.value.message_dict


@pytest.mark.parametrize(("organisation", "language"), [("a", "ro"), ("b", "sr-latn")])
def test_new_members_start_in_their_countrys_language(client, login, orgs, organisation, language):
    login(client, f"org_admin_{organisation}")
    page = client.get(reverse("organisations:invite", kwargs={"code": orgs[organisation].code}))
    assert f'<option value="{language}" selected>' in page.content.decode()
