"""Access tables per persona: trainers manage only their own organisation's trainings."""

import pytest
from django.urls import reverse

from kompass.training.models import Training
from kompass.training.tests.factories import make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_of_a(org_a):
    return make_training(org_a)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("trainer_a", 200),
        ("org_admin_a", 200),
        ("org_admin_b", 404),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("coordinator", 403),
        ("auditor", 403),
        ("caseworker_b", 403),
        ("anonymous", 302),
    ],
)
@pytest.mark.parametrize("name", ["training:detail", "training:edit"])
def test_training_pages_access(client, login, training_of_a, who, status, name):
    login(client, who)
    assert client.get(reverse(name, kwargs={"code": training_of_a.code})).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("trainer_a", 200),
        ("org_admin_a", 200),
        ("org_admin_b", 200),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("coordinator", 403),
        ("auditor", 403),
        ("anonymous", 302),
    ],
)
@pytest.mark.parametrize("name", ["training:list", "training:create", "training:schools"])
def test_training_management_pages_access(client, login, who, status, name):
    login(client, who)
    assert client.get(reverse(name)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("trainer_a", 200),
        ("org_admin_a", 200),
        ("coordinator", 200),
        ("auditor", 200),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("caseworker_b", 403),
        ("anonymous", 302),
    ],
)
@pytest.mark.parametrize(
    "name", ["training:reach", "training:reach_csv", "training:impact", "training:impact_csv"]
)
def test_programme_figures_access(client, login, who, status, name):
    login(client, who)
    assert client.get(reverse(name)).status_code == status


@pytest.mark.parametrize("name", ["training:public_reach", "training:self_help"])
def test_public_pages_need_no_account(client, name):
    assert client.get(reverse(name)).status_code == 200


def test_other_organisation_cannot_change_or_add_attendees(client, login, training_of_a):
    login(client, "org_admin_b")
    edit = client.post(reverse("training:edit", kwargs={"code": training_of_a.code}), {"title": "Taken over"})
    attendee = client.post(
        reverse("training:attendee_add", kwargs={"code": training_of_a.code}),
        {"name": "X", "consent_to_be_named": "on"},
    )
    assert (edit.status_code, attendee.status_code) == (404, 404)
    training_of_a.refresh_from_db()
    assert training_of_a.title != "Taken over" and not training_of_a.attendees.exists()


def test_trainer_lists_only_own_organisation(client, login, org_a, org_b):
    make_training(org_a, title="Training of A")
    make_training(org_b, title="Training of B", country="RS", region="Novi Sad", locality="Novi Sad")
    login(client, "trainer_a")
    body = client.get(reverse("training:list")).content.decode()
    assert "Training of A" in body and "Training of B" not in body


def test_trainer_records_a_training_for_own_organisation(client, login, org_a):
    user = login(client, "trainer_a")
    response = client.post(
        reverse("training:create"),
        {
            "title": "Indicators for nurses",
            "audience_sector": "health",
            "modules": ["indicators", "self_care"],
            "date": "2025-03-04",
            "locality": "Iași",
            "region": "Iași",
            "country": "ro",
            "participant_count": "18",
            "trainers": [user.pk],
            "materials": "https://example.org/slides.pdf",
            "check_open": "on",
        },
    )
    training = Training.objects.get()
    assert response.status_code == 302 and response["Location"] == training.get_absolute_url()
    assert training.organisation == org_a and training.country == "RO"
    assert training.modules == ["indicators", "self_care"] and list(training.trainers.all()) == [user]


def test_trainer_from_another_organisation_cannot_be_named_trainer(client, login, persona, org_a):
    login(client, "trainer_a")
    outsider = persona("org_admin_b")
    response = client.post(
        reverse("training:create"),
        {
            "title": "T",
            "audience_sector": "health",
            "modules": ["indicators"],
            "date": "2025-03-04",
            "region": "Iași",
            "country": "RO",
            "participant_count": "5",
            "trainers": [outsider.pk],
        },
    )
    assert response.status_code == 200 and not Training.objects.exists()


def test_in_person_training_needs_a_region(client, login):
    login(client, "trainer_a")
    response = client.post(
        reverse("training:create"),
        {
            "title": "T",
            "audience_sector": "police",
            "modules": ["indicators"],
            "date": "2025-03-04",
            "country": "RO",
            "participant_count": "5",
        },
    )
    assert response.status_code == 200 and not Training.objects.exists()


def test_named_attendee_requires_consent(client, login, training_of_a):
    login(client, "trainer_a")
    url = reverse("training:attendee_add", kwargs={"code": training_of_a.code})
    client.post(url, {"name": "Ana Popescu"})
    assert not training_of_a.attendees.exists()
    client.post(url, {"name": "Ana Popescu", "consent_to_be_named": "on"})
    assert list(training_of_a.attendees.values_list("name", flat=True)) == ["Ana Popescu"]


def test_trainer_edits_own_training(client, login, training_of_a):
    login(client, "trainer_a")
    response = client.post(
        reverse("training:edit", kwargs={"code": training_of_a.code}),
        {
            "title": "Renamed",
            "audience_sector": "police",
            "modules": ["trust_building"],
            "date": "2024-06-11",
            "is_online": "on",
            "country": "RO",
            "participant_count": "12",
        },
    )
    training_of_a.refresh_from_db()
    assert response.status_code == 302
    assert (training_of_a.title, training_of_a.audience_sector, training_of_a.modules) == (
        "Renamed",
        "police",
        ["trust_building"],
    )
    assert training_of_a.is_online and training_of_a.region == "" and not training_of_a.check_open
