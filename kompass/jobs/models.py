"""Jobs: background work a person started and follows on a progress page."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Job(models.Model):
    """One run of a long task (a linkage run, a report PDF) started from a page.

    `title`, `step` and the result's `summary` are English message ids (marked with gettext_noop
    where they are written) translated when shown, so the page speaks the viewer's language.
    Progress while running lives in the cache (`services.progress`): a long task runs inside one
    database transaction, whose writes no one else sees before it ends.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("job status", "Waiting to start")
        RUNNING = "running", pgettext_lazy("job status", "Running")
        DONE = "done", pgettext_lazy("job status", "Finished")
        FAILED = "failed", pgettext_lazy("job status", "Failed")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    # The Membership capability that lets a person see this job and its result (beside its creator).
    capability = models.CharField(max_length=60, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to="jobs/", max_length=200, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [models.Index(fields=["kind", "status"], name="jobs_kind_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running"]) | Q(finished_at__isnull=False),
                name="jobs_finished_at_when_over",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.code}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", kwargs={"code": self.code})

    @property
    def is_over(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
