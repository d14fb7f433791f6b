"""Without a broker, tasks run in-process after the same JSON round trip a broker makes."""

import pytest
from django.core import mail

from kompass.ops.brokers import InlineBroker
from kompass.ops.queue import broker_ready, get_broker
from kompass.ops.tasks import queue_mail, send_email


def test_no_broker_means_in_process():
    assert isinstance(get_broker(), InlineBroker)
    assert broker_ready() == (True, "in-process")


def test_queued_mail_is_sent_once_per_message_with_sorted_unique_recipients():
    queue_mail(
        subject="Referral R-1",
        body="See the link.",
        recipients=["b@example.org", "a@example.org", "b@example.org"],
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject == "Referral R-1"


def test_no_recipients_no_message():
    queue_mail(subject="x", body="y", recipients=[])
    assert mail.outbox == []


def test_arguments_that_could_not_travel_through_a_broker_fail_here_too():
    with pytest.raises(TypeError):
        send_email.send("subject", object(), ["a@example.org"])


def test_a_failing_task_is_logged_not_raised_into_the_request(settings, caplog):
    settings.EMAIL_BACKEND = "kompass.ops.tests.test_queue.BrokenBackend"
    queue_mail(subject="s", body="b", recipients=["a@example.org"])
    assert any(r.message == "task failed in-process" for r in caplog.records)


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
