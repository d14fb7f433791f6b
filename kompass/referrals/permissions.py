"""Who may see and act on a referral: the sending and the receiving organisation's case roles."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kompass.audit.services import record_access
from kompass.referrals.models import Referral


def get_referral_for_user(user, membership, code: UUID | str, *, write: bool = False) -> Referral:
    """Fetch a referral of the user's organisation; 404 for outsiders, 403 for read-only roles writing."""
    try:
        referral = (
            Referral.objects.visible_to(membership)
            .select_related("case", "case__owner", "from_organisation", "to_organisation", "created_by")
            .get(code=code)
        )
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404
    if write and not membership.can_work_on_cases:
        raise PermissionDenied
    record_access(actor=user, obj=referral.case, action="read_referral", detail={"referral": referral.code})
    return referral
