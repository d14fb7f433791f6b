"""Access to screening objects. Screenings and results are public by their random code; protocols
are readable by every staff member and editable by `can_edit_protocols`; reports are the national
coordinator's (`can_triage_reports`)."""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kompass.audit.services import record_access
from kompass.organisations.models import Membership
from kompass.screening.models import Protocol, Report
from kompass.screening.selectors import REPORTER_FIELDS


def get_protocol_for_user(
    membership: Membership, sector: str, *, country: str | None = None, write: bool = False
) -> Protocol:
    """The protocol of `sector` in use in the member's country (its own, else the base country's).

    Staff read their own country's protocols only: another country's are 404 (decision 0051). Only
    `can_edit_protocols` (the country's coordinator) may change them (403 otherwise).
    """
    country = (country or membership.country).upper()
    if country != membership.country:
        raise Http404
    protocol = Protocol.objects.for_country(country).filter(sector=sector).first()
    if protocol is None:
        raise Http404
    if write and not membership.can_edit_protocols:
        raise PermissionDenied
    return protocol


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


def get_sent_report_for_user(user, code: UUID) -> Report:
    """A report the user sent signed in (their "My reports"); 404 for anyone else's.

    Only the fields the reporter may see are loaded: nothing the coordinator wrote, nothing of a case.
    """
    try:
        return Report.objects.only(*REPORTER_FIELDS).get(reported_by=user, code=code)
    except (Report.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
