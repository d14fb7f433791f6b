from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Background work: the task queue (Dramatiq), jobs with progress pages, the schedule."""

    name = "kompass.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")
