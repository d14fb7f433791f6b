"""Who may see which case, and how much of it (the field groups are defined in `visibility.py`).

- The owning organisation's case roles (caseworker, org admin) get the FULL view, identity included.
- An organisation with an open service referral, or a pending transfer, gets a LIMITED view: only
  the field groups the referred service needs.
- Everyone else gets 404: outsiders must not learn that a case exists.
Every read goes to the audit trail through `record_access`.
"""

from dataclasses import dataclass, field
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kompass.audit.services import record_access
from kompass.cases.models import Case
from kompass.cases.visibility import (  # noqa: F401 (the group names are part of this module's interface)
    ACCESS_LOG,
    ATTACHMENTS,
    CASEWORK,
    CONSENTS,
    EXPLOITATION,
    HISTORY,
    IDENTITY_CONTACT,
    IDENTITY_FULL,
    NEEDS,
    NOTES,
    PLAN,
    PROCEEDINGS,
    PROFILE,
    RECORD,
    REFERRALS,
    RESTRICTED_NOTES,
    RISK,
    SERVICES,
    STATUS,
    TASKS,
    case_values,
    check_group,
    grants,
    identity_values,
    open_grants_to,
    owner_groups,
    referral_groups,
    visible_fields,
)
from kompass.organisations.models import Membership

FULL = "full"
LIMITED = "limited"


@dataclass
class CaseAccess:
    """What one membership may see and do on one case."""

    case: Case
    membership: Membership
    level: str
    groups: frozenset[str]
    referrals: list = field(default_factory=list)  # the referrals that give a limited view

    @property
    def is_owner(self) -> bool:
        return self.level == FULL

    @property
    def can_edit(self) -> bool:
        return self.is_owner and self.membership.can_edit_cases and not self.case.anonymised_at

    def can(self, group: str) -> bool:
        return check_group(group) in self.groups

    def fields(self, group: str) -> tuple[str, ...]:
        """The fields of `group` this viewer may see (empty when it does not see the group)."""
        return visible_fields(self.groups, group)

    def values(self, *, platforms: bool = False) -> dict:
        """Every case field and derived value this viewer may see (see `visibility.case_values`)."""
        return case_values(self.case, self.groups, platforms=platforms)

    def identity_values(self, identity) -> dict:
        return identity_values(identity, self.groups) if identity is not None else {}

    @property
    def can_see_identity(self) -> bool:
        return IDENTITY_CONTACT in self.groups

    @property
    def can_erase(self) -> bool:
        return self.is_owner and self.membership.can_erase_cases


def owner_access(membership, case: Case) -> CaseAccess:
    return CaseAccess(case=case, membership=membership, level=FULL, groups=owner_groups(membership))


def limited_access(membership, case: Case, referrals: list) -> CaseAccess | None:
    groups = referral_groups(referrals)
    if not groups:
        return None
    return CaseAccess(case=case, membership=membership, level=LIMITED, groups=groups, referrals=referrals)


def access_for(membership, case: Case) -> CaseAccess | None:
    """The access a membership has to a case, or None. Does not record anything."""
    if membership is None or not membership.can_work_on_cases:
        return None
    if membership.can_view_cases and case.owner_id == membership.organisation_id:
        return owner_access(membership, case)
    return limited_access(
        membership, case, list(open_grants_to(membership.organisation_id).filter(case=case))
    )


def accesses_for(membership, cases: list[Case]) -> dict[int, CaseAccess]:
    """The access to each case of a list page (one query for the referrals), by case id."""
    referred = [
        c.pk for c in cases if not (membership.can_view_cases and c.owner_id == membership.organisation_id)
    ]
    by_case: dict[int, list] = {}
    if referred:
        for referral in open_grants_to(membership.organisation_id).filter(case_id__in=referred):
            by_case.setdefault(referral.case_id, []).append(referral)
    out = {}
    for case in cases:
        access = (
            limited_access(membership, case, by_case.get(case.pk, []))
            if case.pk in by_case or case.pk in referred
            else owner_access(membership, case)
        )
        if access is not None:
            out[case.pk] = access
    return out


def get_case_access(
    user, membership, code: UUID | str, *, write: bool = False, action: str = "read"
) -> CaseAccess:
    """Fetch a case the user may see; 404 for outsiders, 403 for read-only access to a write.

    The read (or the attempt to change) is recorded in the audit trail.
    """
    try:
        case = Case.objects.select_related("owner", "assigned_to").get(code=code)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404
    access = access_for(membership, case)
    if access is None:
        raise Http404
    if write and not access.can_edit:
        raise PermissionDenied
    record_access(actor=user, obj=case, action=action, detail={"view": access.level})
    return access


def get_case_for_user(user, code: UUID | str, *, membership=None, write: bool = False) -> Case:
    """The case itself, for callers that do not need the view level (see `get_case_access`)."""
    if membership is None:
        from kompass.organisations.permissions import get_membership

        membership = get_membership(user)
    return get_case_access(user, membership, code, write=write).case
