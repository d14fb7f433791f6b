"""Knowledge checks: scoring, score changes on a hand-computed fixture, anonymity, certificates."""

import subprocess
import uuid

import pytest
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.training import selectors, services
from kompass.training.models import CheckResponse, Training
from kompass.training.questions import question_bank, questions_for
from kompass.training.tests.factories import make_training

pytestmark = pytest.mark.django_db

IND = question_bank()["indicators"]
HND = question_bank()["handling_case"]


def answers(indicators_right: int, handling_right: int) -> dict[str, int]:
    """The first n questions of each module right, the others wrong."""
    out = {}
    for questions, right in ((IND, indicators_right), (HND, handling_right)):
        for i, q in enumerate(questions):
            out[q.id] = q.answer if i < right else (q.answer + 1) % len(q.options)
    return out


@pytest.fixture
def training(org_a):
    return make_training(org_a)


@pytest.fixture
def scored(training):
    p1, p2, p3 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    submit = services.submit_check
    submit(training=training, phase="pre", participant=p1, answers=answers(3, 1))  # 4/10
    submit(training=training, phase="pre", participant=p2, answers=answers(4, 2))  # 6/10
    submit(training=training, phase="post", participant=p1, answers=answers(5, 4))  # 9/10
    submit(training=training, phase="post", participant=p3, answers=answers(4, 3))  # 7/10
    return training


def test_question_bank_has_every_module_in_five_languages():
    bank = question_bank()
    assert set(bank) == {"indicators", "handling_case", "trust_building", "self_care", "sector_specific"}
    for questions in bank.values():
        assert len(questions) >= 5
        for q in questions:
            assert set(q.text) == {"en", "ro", "uk", "ru", "sr-latn"}
            assert all(set(o) == set(q.text) for o in q.options)


def test_test_has_the_questions_of_the_training_modules(training):
    assert [q.module for q in questions_for(training.modules)] == ["indicators"] * 5 + ["handling_case"] * 5


def test_scoring(training):
    response = services.submit_check(
        training=training, phase="pre", participant=uuid.uuid4(), answers=answers(3, 1)
    )
    assert (response.score, response.total) == (4, 10)
    assert response.answers.filter(is_correct=True).count() == 4


def test_unanswered_questions_count_as_wrong(training):
    only_one = {IND[0].id: IND[0].answer}
    response = services.submit_check(
        training=training, phase="pre", participant=uuid.uuid4(), answers=only_one
    )
    assert (response.score, response.total) == (1, 10)


def test_score_change_per_training_and_module(scored, django_assert_num_queries):
    with django_assert_num_queries(3):
        results = selectors.check_results(Training.objects.filter(pk=scored.pk))
    o = results.overall
    # Before: (4 + 6) / 20 = 50 %; after: (9 + 7) / 20 = 80 %; change +30 points.
    assert (o.pre_correct, o.pre_total, o.post_correct, o.post_total) == (10, 20, 16, 20)
    assert (o.pre_percent, o.post_percent, o.change) == (50.0, 80.0, 30.0)
    assert (o.pre_participants, o.post_participants) == (2, 2)
    modules = dict(results.modules)
    # Indicators: before (3 + 4) / 10 = 70 %, after (5 + 4) / 10 = 90 %.
    assert (modules["indicators"].pre_percent, modules["indicators"].post_percent) == (70.0, 90.0)
    assert modules["indicators"].change == pytest.approx(20.0)
    # Handling a case: before (1 + 2) / 10 = 30 %, after (4 + 3) / 10 = 70 %.
    assert (modules["handling_case"].pre_percent, modules["handling_case"].post_percent) == (30.0, 70.0)
    assert modules["handling_case"].change == pytest.approx(40.0)
    # Only participant 1 took both: 90 % − 40 % = +50 points. Passed (≥ 70 %): participants 1 and 3.
    assert (results.paired, results.paired_change, results.passed) == (1, 50.0, 2)


def test_scores_aggregate_over_trainings(scored, org_a):
    other = make_training(org_a, modules=["indicators"], title="Second")
    services.submit_check(
        training=other, phase="pre", participant=uuid.uuid4(), answers={q.id: q.answer for q in IND}
    )
    results = selectors.check_results(Training.objects.all())
    # Indicators before: (3 + 4 + 5) / 15 = 80 %.
    assert dict(results.modules)["indicators"].pre_percent == pytest.approx(80.0)
    assert results.overall.pre_percent == pytest.approx(100 * 15 / 25)


def test_answers_are_anonymous_without_consent(training):
    response = services.submit_check(
        training=training,
        phase="pre",
        participant=uuid.uuid4(),
        answers={},
        consent_to_name=False,
        name="Ana Popescu",
    )
    assert response.name == "" and not response.consent_to_name
    event = AuditEvent.objects.get(action="knowledge_check_submitted")
    assert event.actor is None and "Ana" not in str(event.detail) and "Ana" not in event.object_repr


def test_name_is_kept_with_consent(training):
    response = services.submit_check(
        training=training,
        phase="pre",
        participant=uuid.uuid4(),
        answers={},
        consent_to_name=True,
        name="  Ana Popescu ",
    )
    assert (response.name, response.consent_to_name) == ("Ana Popescu", True)


def test_each_phase_is_answered_once_per_phone(training):
    p = uuid.uuid4()
    first = services.submit_check(training=training, phase="pre", participant=p, answers={})
    with pytest.raises(services.AlreadyAnswered) as caught:
        services.submit_check(training=training, phase="pre", participant=p, answers=answers(5, 5))
    assert caught.value.response == first


def _post_answers(client, training, phase, data):
    return client.post(reverse("training:check", kwargs={"key": training.check_key, "phase": phase}), data)


def _form_data(ans, **extra):
    return {**{k: str(v) for k, v in ans.items()}, **extra}


def test_phone_flow_pairs_pre_and_post_without_an_account(client, training):
    page = client.get(reverse("training:check", kwargs={"key": training.check_key, "phase": "pre"}))
    assert page.status_code == 200 and IND[0].text["en"] in page.content.decode()
    pre = _post_answers(client, training, "pre", _form_data(answers(2, 2)))
    assert pre.status_code == 302
    post = _post_answers(client, training, "post", _form_data(answers(5, 4)))
    result = client.get(post["Location"])
    body = result.content.decode()
    assert "4 / 10" in body and "9 / 10" in body and 'id="score-change"' in body
    responses = CheckResponse.objects.order_by("phase")
    assert responses[0].participant == responses[1].participant
    assert all(r.name == "" for r in responses)


def test_name_without_consent_is_refused_by_the_form(client, training):
    response = _post_answers(client, training, "pre", _form_data(answers(5, 5), name="Ana"))
    assert response.status_code == 200 and not CheckResponse.objects.exists()


def test_missing_answer_shows_the_form_again(client, training):
    data = _form_data(answers(5, 5))
    data.pop(IND[0].id)
    assert _post_answers(client, training, "pre", data).status_code == 200
    assert not CheckResponse.objects.exists()


def test_result_page_belongs_to_the_phone_that_answered(client, training):
    post = _post_answers(client, training, "pre", _form_data(answers(5, 5)))
    client.cookies.clear()
    assert client.get(post["Location"]).status_code == 404


def test_closed_check_accepts_no_answers(client, training):
    training.check_open = False
    training.save(update_fields=["check_open"])
    _post_answers(client, training, "pre", _form_data(answers(5, 5)))
    assert not CheckResponse.objects.exists()


def test_unknown_phase_is_404(client, training):
    assert client.get(f"/training/check/{training.check_key}/during/").status_code == 404


def test_check_form_in_romanian(client, training):
    body = client.get(f"/ro/training/check/{training.check_key}/pre/").content.decode()
    assert IND[0].text["ro"] in body and IND[0].options[1]["ro"] in body


def test_certificate_for_a_pass_with_diacritics_and_cyrillic(client, training):
    post = _post_answers(client, training, "post", _form_data(answers(5, 4)))
    response = CheckResponse.objects.get()
    pdf = client.post(
        reverse("training:check_certificate", kwargs={"code": response.code}),
        {"name": "Ștefănia Țurcanu — Олена Шевченко"},
    )
    assert post.status_code == 302 and pdf["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Ștefănia Țurcanu" in text and "Олена Шевченко" in text


def test_no_certificate_below_the_pass_mark(client, training):
    _post_answers(client, training, "post", _form_data(answers(3, 3)))
    response = CheckResponse.objects.get()
    assert (
        client.post(
            reverse("training:check_certificate", kwargs={"code": response.code}), {"name": "X"}
        ).status_code
        == 404
    )


def test_trainer_page_shows_score_change_and_only_consented_names(client, login, scored):
    services.submit_check(
        training=scored,
        phase="post",
        participant=uuid.uuid4(),
        answers={},
        consent_to_name=True,
        name="Ioana Rusu",
    )
    login(client, "trainer_a")
    body = client.get(scored.get_absolute_url()).content.decode()
    assert "Ioana Rusu" in body and "<svg" in body  # QR codes
    assert "50.0 %" in body
