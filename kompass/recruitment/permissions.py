"""Who may do what with reported job ads, and the one fetch-and-check helper."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kompass.recruitment.models import ReportedAd


def can_log_ads(membership) -> bool:
    return membership is not None and membership.can_log_ads


def can_see_ads(membership) -> bool:
    return membership is not None and membership.can_see_ads


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def get_ad_for_user(membership, code: UUID, *, write: bool = False) -> ReportedAd:
    """An ad the membership may see; 404 for others' ads, 403 for a change without the right."""
    require(can_see_ads(membership))
    ad = get_object_or_404(
        ReportedAd.objects.visible_to(membership).select_related("organisation", "case"), code=code
    )
    if write and not (
        can_log_ads(membership)
        and ad.source == ReportedAd.Source.CASEWORK
        and ad.organisation_id == membership.organisation_id
    ):
        raise PermissionDenied
    return ad
