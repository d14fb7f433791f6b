"""Protocol revisions: draft → published → retired; the editor; old screenings keep their revision."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.screening import content, services
from kompass.screening.models import Protocol, ProtocolRevision, Screening

pytestmark = pytest.mark.django_db


@pytest.fixture
def health():
    return Protocol.objects.get(sector="health")


def first_question(revision):
    return revision.content["questions"][0]


def reworded(question: dict, suffix: str) -> dict:
    return {**question, "text": {lang: f"{text} {suffix}" for lang, text in question["text"].items()}}


# --- the state machine ---------------------------------------------------------------------------


TRANSITIONS = [
    ("draft", "published", True),
    ("draft", "retired", False),
    ("published", "retired", True),
    ("published", "draft", False),
    ("retired", "published", False),
    ("retired", "draft", False),
]


@pytest.mark.parametrize(("status", "target", "allowed"), TRANSITIONS)
def test_transition_table(status, target, allowed):
    assert ProtocolRevision(status=status).can_become(target) is allowed


def test_publishing_a_draft_retires_the_published_revision(health, persona):
    coordinator = persona("coordinator")
    old = health.published
    draft = services.start_draft(protocol=health, by=coordinator)
    assert draft.number == 2 and draft.content == old.content
    draft.change_note = "Clearer wording."
    draft.save()
    services.publish_revision(revision=draft, by=coordinator)
    old.refresh_from_db()
    draft.refresh_from_db()
    assert old.status == "retired" and old.retired_at is not None
    assert draft.status == "published" and draft.effective_date is not None
    assert health.published == draft
    assert AuditEvent.objects.filter(action="protocol_published", object_id=str(draft.code)).exists()


def test_publish_twice_and_retire_a_draft_are_refused(health, persona):
    coordinator = persona("coordinator")
    with pytest.raises(ValidationError):
        services.publish_revision(revision=health.published, by=coordinator)
    draft = services.start_draft(protocol=health, by=coordinator)
    with pytest.raises(ValidationError):
        services.retire_revision(revision=draft, by=coordinator)


def test_only_one_draft_at_a_time(health, persona):
    first = services.start_draft(protocol=health, by=persona("coordinator"))
    assert services.start_draft(protocol=health, by=persona("coordinator")) == first


def test_old_screening_is_redisplayed_with_its_own_revision(client, health, persona):
    coordinator = persona("coordinator")
    old = health.published
    question = first_question(old)
    screening = services.run_screening(
        revision=old, subject="adult", answers={question["key"]: True}, country="RO"
    )
    draft = services.start_draft(protocol=health, by=coordinator)
    services.save_draft_question(
        revision=draft, by=coordinator, question=reworded(question, "(REVISED)"), replace_key=question["key"]
    )
    draft.refresh_from_db()
    draft.change_note = "Reworded the first question."
    draft.save()
    services.publish_revision(revision=draft, by=coordinator)

    old_page = client.get(screening.get_absolute_url()).content.decode()
    assert question["text"]["en"] in old_page
    assert "(REVISED)" not in old_page
    assert "revision 1" in old_page

    new_questions = client.get(
        reverse("screening:start"), {"sector": "health", "subject": "adult", "country": "RO"}
    )
    assert "(REVISED)" in new_questions.content.decode()
    screening.refresh_from_db()
    assert screening.revision == old


def test_answers_posted_for_the_old_revision_are_assessed_with_it(client, health, persona):
    coordinator = persona("coordinator")
    old = health.published
    draft = services.start_draft(protocol=health, by=coordinator)
    services.publish_revision(revision=draft, by=coordinator)
    data = {"sector": "health", "subject": "adult", "country": "RO", "revision": str(old.code)}
    data.update({f"q_{q['key']}": "yes" for q in old.questions_for("adult")})
    client.post(reverse("screening:start"), data)
    assert Screening.objects.get().revision == old


# --- the editor ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("coordinator", 200),
        ("org_admin_a", 403),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("auditor", 403),
    ],
)
def test_draft_editor_access(client, login, health, persona, name, status):
    services.start_draft(protocol=health, by=persona("coordinator"))
    login(client, name)
    assert client.get(reverse("screening:draft", kwargs={"sector": "health"})).status_code == status


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("coordinator", 200),
        ("caseworker_a", 200),
        ("frontline_a", 200),
        ("trainer_a", 200),
        ("anonymous", 302),
    ],
)
def test_protocol_pages_are_for_staff(client, login, name, status):
    login(client, name)
    for url in (
        reverse("screening:protocols"),
        reverse("screening:protocol", kwargs={"sector": "online"}),
        reverse("screening:revision", kwargs={"sector": "online", "number": 1}),
        reverse("screening:indicators"),
    ):
        assert client.get(url).status_code == status, url


def test_editor_shows_readable_diff_and_publishes(client, login, health):
    login(client, "coordinator")
    client.post(reverse("screening:draft_start", kwargs={"sector": "health"}))
    draft = health.draft
    question = first_question(draft)
    form = {
        "key": question["key"],
        "subjects": question["subjects"],
        "codes": question["codes"] + ["cr.isolation"],
    }
    for lang in content.LANGUAGES:
        form[f"text_{lang}"] = question["text"][lang] + (" — alone?" if lang == "en" else "")
        form[f"guidance_{lang}"] = question["guidance"][lang]
    url = reverse("screening:draft_question", kwargs={"sector": "health", "key": question["key"]})
    assert client.post(url, form).status_code == 302
    page = client.get(reverse("screening:draft", kwargs={"sector": "health"})).content.decode()
    assert "text (en)" in page and "— alone?" in page
    assert "cr.isolation" in page

    response = client.post(reverse("screening:draft_publish", kwargs={"sector": "health"}))
    assert health.published.number == 1, "no change note, no publication"
    details = {"change_note": "Asked about isolation.", "effective_date": "2026-12-01"}
    for key in content.TEXT_KEYS:
        for lang in content.LANGUAGES:
            details[f"{key}_{lang}"] = draft.content[key][lang]
    assert client.post(reverse("screening:draft", kwargs={"sector": "health"}), details).status_code == 302
    response = client.post(reverse("screening:draft_publish", kwargs={"sector": "health"}))
    assert response.status_code == 302
    published = Protocol.objects.get(sector="health").published
    assert published.number == 2
    assert str(published.effective_date) == "2026-12-01"
    assert "cr.isolation" in published.content["questions"][0]["codes"]


def test_question_form_rejects_codes_outside_the_catalogue(client, login, health, persona):
    services.start_draft(protocol=health, by=persona("coordinator"))
    login(client, "coordinator")
    form = {"key": "new_question", "subjects": ["adult"], "codes": ["cd.isolation", "cd.made_up"]}
    for lang in content.LANGUAGES:
        form[f"text_{lang}"] = "x"
        form[f"guidance_{lang}"] = "y"
    response = client.post(reverse("screening:draft_question_add", kwargs={"sector": "health"}), form)
    assert response.status_code == 200
    assert "cd.made_up" in response.content.decode()
    assert all(q["key"] != "new_question" for q in health.draft.content["questions"])


def test_question_form_requires_all_five_languages(client, login, health, persona):
    services.start_draft(protocol=health, by=persona("coordinator"))
    login(client, "coordinator")
    form = {"key": "new_question", "subjects": ["adult"], "codes": ["cd.isolation"]}
    for lang in content.LANGUAGES:
        form[f"text_{lang}"] = "" if lang == "sr-latn" else "x"
        form[f"guidance_{lang}"] = "y"
    response = client.post(reverse("screening:draft_question_add", kwargs={"sector": "health"}), form)
    assert response.status_code == 200
    assert "text_sr-latn" in response.context["form"].errors


def test_remove_question_and_discard_draft(client, login, health):
    login(client, "coordinator")
    client.post(reverse("screening:draft_start", kwargs={"sector": "health"}))
    key = first_question(health.draft)["key"]
    client.post(reverse("screening:draft_question_remove", kwargs={"sector": "health", "key": key}))
    assert key not in {q["key"] for q in health.draft.content["questions"]}
    client.post(reverse("screening:draft_discard", kwargs={"sector": "health"}))
    assert health.draft is None


def test_yaml_export_and_import_round_trip(client, login, health):
    login(client, "coordinator")
    exported = client.get(reverse("screening:export", kwargs={"sector": "health", "number": 1}))
    assert exported["Content-Type"].startswith("application/yaml")
    document = content.load_yaml(exported.content.decode())
    assert document == health.published.content
    document["questions"][0]["text"]["ro"] = "Întrebare nouă?"
    upload = io.BytesIO(content.dump_yaml(document).encode())
    upload.name = "health.yaml"
    client.post(reverse("screening:draft_import", kwargs={"sector": "health"}), {"document": upload})
    assert health.draft.content["questions"][0]["text"]["ro"] == "Întrebare nouă?"


def test_yaml_import_rejects_non_catalogue_code(client, login, health):
    login(client, "coordinator")
    document = health.published.content | {}
    document = content.load_yaml(content.dump_yaml(document))
    document["questions"][0]["codes"] = ["zz.nope"]
    upload = io.BytesIO(content.dump_yaml(document).encode())
    upload.name = "health.yaml"
    client.post(reverse("screening:draft_import", kwargs={"sector": "health"}), {"document": upload})
    assert health.draft is None


@pytest.mark.parametrize(
    ("name", "status"), [("caseworker_a", 403), ("org_admin_a", 403), ("anonymous", 302)]
)
def test_editor_actions_are_refused_to_others(client, login, health, persona, name, status):
    services.start_draft(protocol=health, by=persona("coordinator"))
    login(client, name)
    for url_name in ("draft_start", "draft_publish", "draft_discard", "draft_import", "draft_question_add"):
        response = client.post(reverse(f"screening:{url_name}", kwargs={"sector": "health"}))
        assert response.status_code == status, url_name
    assert health.published.number == 1
    assert health.draft is not None


def test_indicator_page_shows_the_catalogue_history(client, login):
    login(client, "caseworker_a")
    page = client.get(reverse("screening:indicators")).content.decode()
    assert "ilo-ec-2009.1" in page
    assert "cd.isolation" in page
