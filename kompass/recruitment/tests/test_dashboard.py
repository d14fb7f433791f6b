import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kompass.recruitment import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Other tests may leave another language active in this thread.
    with translation.override("en"):
        yield


def _render(persona, name):
    user = persona(name)
    return render_to_string("recruitment/_dashboard.html", {"membership": user.memberships.get()})


def test_coordinator_sees_counts_and_statistics(persona):
    services.report_ad(platform="telegram", text="Girls 18-25 wanted")
    html = _render(persona, "coordinator")
    assert reverse("recruitment:statistics") in html
    assert "1 job ad reported or logged this month." in html
    assert reverse("recruitment:log_ad") not in html


def test_caseworker_may_log_but_not_see_statistics(persona):
    html = _render(persona, "caseworker_a")
    assert reverse("recruitment:log_ad") in html
    assert reverse("recruitment:statistics") not in html


@pytest.mark.parametrize("name", ["frontline_a", "trainer_a"])
def test_roles_without_job_ads_see_nothing(persona, name):
    assert _render(persona, name).strip() == ""
