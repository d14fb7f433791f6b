"""Access to screening objects. Screenings and results are public by their random code; protocols
are readable by every staff member and editable by `can_edit_protocols`; reports are the national
coordinator's (`can_triage_reports`)."""

from uuid import UUID

from django.http import Http404

from kompass.audit.services import record_access
from kompass.organisations.models import Membership
from kompass.screening.models import Report


def get_report_for_user(membership: Membership, code: UUID, *, write: bool = False) -> Report:
    """A report is the coordinator's; everyone else gets 404 (they must not learn it exists)."""
    try:
        report = (
            Report.objects.visible_to(membership)
            .select_related("screening__revision__protocol", "accepted_by_organisation", "triaged_by")
            .get(code=code)
        )
    except (Report.DoesNotExist, ValueError):
        raise Http404
    record_access(actor=membership.user, obj=report)
    return report
