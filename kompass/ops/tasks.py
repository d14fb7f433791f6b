"""E-mail through the task queue, with retries."""

from __future__ import annotations

from django.core.mail import send_mail

from kompass.ops.queue import actor


@actor(max_retries=8, min_backoff=15_000, max_backoff=3_600_000)
def send_email(subject: str, body: str, recipients: list[str]) -> None:
    """One message to its recipients; an SMTP failure is retried (15 s, 30 s, … up to an hour)."""
    send_mail(subject, body, None, recipients, fail_silently=False)


def queue_mail(*, subject: str, body: str, recipients) -> None:
    """Send an e-mail through the queue. Call it once the data it announces is committed."""
    recipients = sorted(set(recipients))
    if recipients:
        send_email.send(str(subject), str(body), recipients)
