import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kompass.cases.models import Case, CaseIdentity, StageChange
from kompass.cases.services import add_task, change_stage
from kompass.cases.tests.factories import consent_to_share, make_case, offer
from kompass.referrals.services import send_referral


def _form_data(case: Case, **changes) -> dict:
    data = {
        "version": case.version, "identified_on": case.identified_on.isoformat(), "country": case.country,
        "region": case.region, "sex": case.sex, "age_at_identification": case.age_at_identification or "",
        "citizenship": case.citizenship, "trafficking_status": case.trafficking_status,
    }  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_caseworker_opens_a_case_with_identity(client, login):
    login(client, "caseworker_a")
    response = client.post(
        reverse("cases:create"),
        {
            "identified_on": "2026-03-01", "country": "RO", "region": "Cluj", "sex": "female",
            "age_at_identification": "19", "citizenship": "MDA", "trafficking_status": "possible",
            "is_forced_labour": "on", "recruitment_method": "online_advertisement", "platforms": ["facebook", "olx"],
            "given_name": "Ana", "surname": "Rusu",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert case.reference.startswith("KMP-2026-")
    assert case.is_recruited_online and case.age_band == "18--20"
    assert sorted(case.platforms.values_list("platform", flat=True)) == ["facebook", "olx"]
    assert CaseIdentity.objects.get(case=case).full_name == "Ana Rusu"
    assert str(case.code) in response["Location"]
    assert StageChange.objects.filter(case=case, to_stage="identification").exists()


def test_create_refuses_bad_codes_and_short_reflection(client, login):
    login(client, "caseworker_a")
    response = client.post(
        reverse("cases:create"),
        {"identified_on": "2026-03-01", "country": "RO", "sex": "female", "citizenship": "M1X",
         "trafficking_status": "possible", "reflection_start": "2026-03-01", "reflection_end": "2026-03-10"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Case.objects.exists()
    body = response.content.decode()
    assert "three-letter ISO country code" in body and "at least 30 days" in body


def test_second_concurrent_edit_is_refused_and_nothing_is_lost(client, login, case_of_a):
    """Two caseworkers open the same case; the first saves; the second is told, and keeps their input."""
    from django.test import Client

    first, second = client, Client()
    login(first, "caseworker_a")
    login(second, "org_admin_a")
    url = reverse("cases:edit", kwargs={"code": case_of_a.code})
    assert first.get(url).status_code == 200
    assert second.get(url).status_code == 200  # both forms carry version 1

    assert first.post(url, _form_data(case_of_a, region="Suceava")).status_code == 302
    response = second.post(url, _form_data(case_of_a, region="Botoșani", trafficking_months="7"))

    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved this case while you were editing it" in body
    assert 'value="Botoșani"' in body and 'value="7"' in body  # the second user's input is still there
    assert 'name="version" value="2"' in body  # ready to save again over the saved version
    case = Case.objects.get(pk=case_of_a.pk)
    assert case.region == "Suceava" and case.trafficking_months is None and case.version == 2

    # Saving again, deliberately, now works and keeps the first user's change history intact.
    assert second.post(url, _form_data(case, region="Botoșani", trafficking_months="7")).status_code == 302
    case.refresh_from_db()
    assert case.region == "Botoșani" and case.trafficking_months == 7 and case.version == 3


def test_concurrent_identity_edit_is_refused(client, login, case_of_a):
    from django.test import Client

    other = Client()
    login(client, "caseworker_a")
    login(other, "org_admin_a")
    url = reverse("cases:identity", kwargs={"code": case_of_a.code})
    client.get(url)
    other.get(url)
    assert (
        client.post(url, {"version": 1, "given_name": "Mariana", "date_of_birth": "2001-05-04"}).status_code
        == 302
    )
    response = other.post(url, {"version": 1, "given_name": "Marina", "surname": "S."})
    assert response.status_code == 409
    assert 'value="Marina"' in response.content.decode()
    identity = CaseIdentity.objects.get(case=case_of_a)
    assert identity.given_name == "Mariana" and identity.date_of_birth == datetime.date(2001, 5, 4)


def test_stage_change_records_history_and_reflection_period(client, login, case_of_a):
    login(client, "caseworker_a")
    url = reverse("cases:stage", kwargs={"code": case_of_a.code})
    response = client.post(url, {"to_stage": "first_assistance", "changed_on": "2026-03-05"})
    assert response.status_code == 302
    case = Case.objects.get(pk=case_of_a.pk)
    assert case.stage == "first_assistance"
    assert case.reflection_start == datetime.date(2026, 3, 5)
    assert case.reflection_end == datetime.date(2026, 4, 4)
    # A move the table does not allow is not offered, and refused if posted.
    assert client.post(url, {"to_stage": "identification", "changed_on": "2026-03-06"}).status_code == 200
    assert Case.objects.get(pk=case_of_a.pk).stage == "first_assistance"


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("scan.pdf", b"%PDF-1.7 ...", True),
        ("photo.png", b"\x89PNG\r\n\x1a\n....", True),
        ("photo.jpg", b"\xff\xd8\xff\xe0....", True),
        ("notes.txt", "Întâlnire la 10:00".encode(), True),
        ("virus.exe", b"MZ....", False),
        ("fake.pdf", b"MZ not a pdf", False),
        ("empty.pdf", b"", False),
    ],
)
def test_attachment_type_checks(client, login, case_of_a, name, content, ok):
    login(client, "caseworker_a")
    url = reverse("cases:attachment_add", kwargs={"code": case_of_a.code})
    response = client.post(url, {"kind": "other", "file": SimpleUploadedFile(name, content)})
    assert (response.status_code == 302) is ok
    assert case_of_a.attachments.count() == (1 if ok else 0)


def test_attachment_size_limit(client, login, case_of_a, settings):
    settings.KOMPASS_ATTACHMENT_MAX_BYTES = 1024
    login(client, "caseworker_a")
    url = reverse("cases:attachment_add", kwargs={"code": case_of_a.code})
    response = client.post(
        url, {"kind": "other", "file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)}
    )
    assert response.status_code == 200
    assert "too large" in response.content.decode()


def test_restricted_notes_are_hidden_from_the_owners_auditor_and_shown_to_caseworkers(
    client, login, case_of_a
):
    login(client, "caseworker_a")
    client.post(
        reverse("cases:note_add", kwargs={"code": case_of_a.code}), {"text": "Secret", "level": "restricted"}
    )
    assert "Secret" in client.get(case_of_a.get_absolute_url()).content.decode()


def _many_cases(org_a, org_b, persona, n: int) -> None:
    by = persona("caseworker_a")
    offer(org_b, "medical_care")
    for i in range(n):
        case = make_case(org_a, by, region=f"Region {i}")
        add_task(case=case, by=by, title="Follow up", due_on=datetime.date(2020, 1, 1))
        if i % 2:
            consent_to_share(case, org_b, by)
            send_referral(case=case, by=by, to_organisation=org_b, service="medical_care")
        if i % 3 == 0:
            change_stage(case=case, by=by, to_stage="first_assistance")


@pytest.mark.parametrize("url_name", ["cases:list", "cases:dashboard"])
@pytest.mark.parametrize("who", ["caseworker_a", "caseworker_b", "coordinator"])
def test_list_and_dashboard_run_a_constant_number_of_queries(
    client, login, persona, org_a, org_b, django_assert_num_queries, url_name, who
):
    _many_cases(org_a, org_b, persona, 2)
    login(client, who)
    url = reverse(url_name)
    client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _many_cases(org_a, org_b, persona, 30)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_case_list_filters_and_search(client, login, persona, org_a):
    by = persona("caseworker_a")
    make_case(org_a, by, region="Cluj", identifying_sector="health")
    iasi = make_case(
        org_a,
        by,
        region="Iași",
        identifying_sector="police",
        trafficking_status="actual",
        deciding_body="police",
    )
    closed = make_case(org_a, by, region="Iași")
    change_stage(case=closed, by=by, to_stage="closed")
    login(client, "caseworker_a")
    body = client.get(reverse("cases:list"), {"q": "Iași"}).content.decode()
    assert iasi.reference in body and closed.reference not in body
    body = client.get(reverse("cases:list"), {"q": "Iași", "closed": "on"}).content.decode()
    assert closed.reference in body
    body = client.get(reverse("cases:list"), {"sector": "health"}).content.decode()
    assert iasi.reference not in body
    body = client.get(reverse("cases:list"), {"status": "actual"}).content.decode()
    assert iasi.reference in body


def test_dashboard_shows_counts_and_coordinator_sees_no_contents(client, login, persona, org_a, org_b):
    _many_cases(org_a, org_b, persona, 4)
    login(client, "caseworker_a")
    body = client.get(reverse("cases:dashboard")).content.decode()
    assert "4 open cases" in body and "Overdue tasks" in body
    login(client, "coordinator")
    body = client.get(reverse("cases:dashboard")).content.decode()
    assert "Organisation A" in body and "Across the coalition" in body
    assert "KMP-" not in body and "Follow up" not in body


def test_staff_dashboard_shows_the_cards_to_case_roles_only(client, login, case_of_a):
    login(client, "caseworker_a")
    body = client.get(reverse("core:dashboard")).content.decode()
    assert "1 open case" in body and "Pending referrals" in body
    login(client, "frontline_a")
    body = client.get(reverse("core:dashboard")).content.decode()
    assert "open case" not in body and "Pending referrals" not in body


@pytest.mark.parametrize(
    ("language", "heading", "section"),
    [
        ("ro", "Cazul", "Consimțământ"),
        ("uk", "Справа", "Згода"),
        ("ru", "Дело", "Согласие"),
        ("sr-latn", "Slučaj", "Pristanak"),
    ],
)
def test_case_page_is_translated(client, login, case_of_a, language, heading, section):
    login(client, "caseworker_a")
    body = client.get(f"/{language}/cases/{case_of_a.code}/").content.decode()
    assert f"{heading} {case_of_a.reference}" in body and section in body


@pytest.mark.parametrize(
    ("language", "citizenship", "assisted_in"),
    [
        ("en", "Serbia", "Romania"),
        ("ro", "Serbia", "România"),
        ("uk", "Сербія", "Румунія"),
        ("ru", "Сербия", "Румыния"),
        ("sr-latn", "Srbija", "Rumunija"),
    ],
)
def test_case_page_and_list_show_names_not_codes(
    client, login, org_a, persona, language, citizenship, assisted_in
):
    from kompass.cases.tests.factories import make_case

    case = make_case(org_a, persona("caseworker_a"), citizenship="SRB", age_at_identification=22)
    login(client, "caseworker_a")
    prefix = "" if language == "en" else f"/{language}"
    body = client.get(f"{prefix}/cases/{case.code}/").content.decode()
    assert citizenship in body and assisted_in in body and "21–23" in body
    assert "SRB" not in body and "21--23" not in body
    listing = client.get(f"{prefix}/cases/").content.decode()
    assert "21–23" in listing and "21--23" not in listing
