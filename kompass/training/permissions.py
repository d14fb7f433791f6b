"""Access to training records: trainers and organisation administrators manage their own
organisation's trainings and sessions. Other organisations' records answer 404."""

from uuid import UUID

from django.shortcuts import get_object_or_404

from kompass.organisations.models import Membership
from kompass.training.models import SchoolSession, Training


def get_training_for_user(membership: Membership, code: UUID) -> Training:
    """A training of the user's own organisation; 404 for any other."""
    return get_object_or_404(
        Training.objects.visible_to(membership).select_related("organisation"), code=code
    )


def get_school_session_for_user(membership: Membership, code: UUID) -> SchoolSession:
    return get_object_or_404(SchoolSession.objects.visible_to(membership).select_related("school"), code=code)
