"""Access to followed journeys: only the organisation that follows a journey sees it."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kompass.audit.services import record_access
from kompass.journeys.models import AwarenessPage, Journey


def get_journey_for_user(user, membership, code: UUID) -> Journey:
    """A followed journey: 404 outside the following organisation, 403 for roles that do not follow."""
    journey = get_object_or_404(
        Journey.objects.visible_to(membership).select_related("organisation"), code=code
    )
    if membership is None or not membership.can_follow_journeys:
        raise PermissionDenied
    record_access(actor=user, obj=journey)
    return journey


def get_awareness_page_for_edit(membership, slug: str) -> AwarenessPage:
    if not membership.can_approve_directory:
        raise PermissionDenied
    return get_object_or_404(AwarenessPage, slug=slug)
