"""What each viewer may see of a case: the one map of field groups.

Every field of `Case` and `CaseIdentity` belongs to exactly one group (a test checks it), and every
related record (consents, notes, files…) is a group of its own. A viewer sees a set of groups:

- the owning organisation's case roles: `OWNER_GROUPS`, plus the identity and restricted notes;
- an organisation with an open service referral: what that service needs (`SERVICE_GROUPS`);
- an organisation with a pending transfer: enough to decide whether to take the case on
  (`TRANSFER_GROUPS`); once it accepts, it owns the case.

Pages (`access.can(group)` and the `sees` template filter), list filters (`visible_condition`),
exports and the API (`visible_fields`, `case_values`) all read this map; nothing else lists fields.

The rows that grant another organisation its view are referrals; cases does not import them. The
referrals app registers them from its AppConfig.ready() (`register_grant_source`), as it registers
the steps that end referrals when a case closes (docs/architecture.md, "Layers").
"""

from collections.abc import Collection, Iterable
from typing import Any, Protocol

from django.db.models import Q, QuerySet

from kompass.cases.codes import ServiceCode

# Groups of case fields.
RECORD = "record"  # code, reference, owner, stage and dates of the record: whoever may open the case
PROFILE = "profile"  # sex, age band, citizenship, where assisted, reflection period
CASEWORK = "casework"  # the owner's working data: caseworker, identification, exact age, version
STATUS = "status"  # trafficking status and deciding body
EXPLOITATION = "exploitation"  # exploitation types, means, recruiter, months, recruitment
# The person's current risk level and its history: every organisation that works with the person
# (owner, service receiver, transfer) needs it to keep them and its own staff safe.
RISK = "risk"
# Groups of identity fields (CaseIdentity, encrypted).
IDENTITY_CONTACT = "identity_contact"  # name, phone, languages: enough to meet the person
IDENTITY_FULL = "identity_full"  # the rest of the identity
# Groups of related records.
CONSENTS = "consents"
NEEDS = "needs"
PLAN = "plan"
SERVICES = "services"
TASKS = "tasks"
NOTES = "notes"
RESTRICTED_NOTES = "restricted_notes"
ATTACHMENTS = "attachments"
PROCEEDINGS = "proceedings"
REFERRALS = "referrals"
HISTORY = "history"
ACCESS_LOG = "access_log"

CASE_FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    RECORD: ("id", "code", "reference", "owner", "stage", "created_at", "updated_at", "closed_at", "anonymised_at"),
    PROFILE: ("sex", "citizenship", "country", "region", "reflection_start", "reflection_end"),
    CASEWORK: (
        "assigned_to", "version", "identified_on", "identifying_sector", "birth_year", "age_at_identification",
        "is_anonymous", "source_report",
    ),
    STATUS: ("trafficking_status", "deciding_body"),
    RISK: ("risk_level", "risk_assessed_on"),
    EXPLOITATION: (
        "country_of_exploitation", "is_sexual_exploitation", "is_forced_labour", "is_other_exploitation",
        "labour_agriculture", "labour_construction", "labour_domestic_work", "labour_hospitality",
        "sex_prostitution", "sex_pornography", "means_debt_bondage", "means_threats", "means_abuse",
        "means_false_promises", "means_drugs_alcohol", "means_deny_basic_needs", "means_excessive_hours",
        "means_withhold_docs", "recruiter_relation", "trafficking_months", "recruitment_method",
        "is_recruited_online",
    ),
}  # fmt: skip
# Values computed from a group's fields (or its related rows), shown with that group.
DERIVED_FIELDS: dict[str, str] = {"age_band": PROFILE, "platforms": EXPLOITATION}
IDENTITY_FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    IDENTITY_CONTACT: ("given_name", "surname", "phone", "languages"),
    IDENTITY_FULL: (
        "id", "case", "other_names", "date_of_birth", "place_of_birth", "sex", "address", "document_numbers",
        "updated_at",
    ),
}  # fmt: skip
# Related records, each a group (listed so that every group name is known here).
RELATED_GROUPS = (CONSENTS, NEEDS, PLAN, SERVICES, TASKS, NOTES, RESTRICTED_NOTES, ATTACHMENTS,
                  PROCEEDINGS, REFERRALS, HISTORY, ACCESS_LOG)  # fmt: skip
GROUPS = frozenset(CASE_FIELD_GROUPS) | frozenset(IDENTITY_FIELD_GROUPS) | frozenset(RELATED_GROUPS)

# The owner's case roles see everything of the case; identity and restricted notes only those who
# work with the person (`can_edit_cases`), the access log only those who read the trail.
OWNER_GROUPS = frozenset(GROUPS - {IDENTITY_CONTACT, IDENTITY_FULL, RESTRICTED_NOTES, ACCESS_LOG})
IDENTITY_GROUPS = frozenset({IDENTITY_CONTACT, IDENTITY_FULL})

# Every viewer of a referred case: the record, the profile, the risk and the referrals it is part of.
REFERRED_BASE = frozenset({RECORD, PROFILE, RISK, REFERRALS})
_CONTACT = REFERRED_BASE | {IDENTITY_CONTACT}
# What a receiving organisation needs to give each service; nothing else of the case reaches it.
SERVICE_GROUPS: dict[str, frozenset[str]] = {
    ServiceCode.CRISIS_INTERVENTION: _CONTACT | {EXPLOITATION},
    ServiceCode.EMERGENCY_ACCOMMODATION: _CONTACT,
    ServiceCode.FOOD: _CONTACT,
    ServiceCode.COUNSELLING: _CONTACT | {EXPLOITATION},
    ServiceCode.PSYCHOTHERAPY: _CONTACT | {EXPLOITATION},
    ServiceCode.LEGAL_ASSISTANCE: _CONTACT | {IDENTITY_FULL, STATUS, EXPLOITATION, PROCEEDINGS},
    ServiceCode.MEDICAL_CARE: _CONTACT | {IDENTITY_FULL, EXPLOITATION},
    ServiceCode.INTERPRETATION: _CONTACT,
    ServiceCode.TRANSPORT: _CONTACT,
    ServiceCode.EDUCATION_TRAINING: _CONTACT,
    ServiceCode.EMPLOYMENT_SUPPORT: _CONTACT,
    ServiceCode.FINANCIAL_SUPPORT: _CONTACT | {IDENTITY_FULL},
    ServiceCode.RETURN_ASSISTANCE: _CONTACT | {IDENTITY_FULL, STATUS},
    ServiceCode.CHILD_PROTECTION: _CONTACT | {IDENTITY_FULL, EXPLOITATION, STATUS},
    ServiceCode.INFORMATION: REFERRED_BASE,
}
# A pending transfer: enough to decide whether to take the case on (it becomes theirs on acceptance).
TRANSFER_GROUPS = _CONTACT | {STATUS, EXPLOITATION, NEEDS}

# The assessed needs a receiving organisation sees on a service referral: those of the service it
# is asked for and of the few services it cannot give without knowing (a shelter feeds the person),
# never the case's other needs (their notes may tell what the referral does not need to share).
SERVICE_NEEDS: dict[str, frozenset[str]] = {code: frozenset({code}) for code in ServiceCode.values}
SERVICE_NEEDS[ServiceCode.EMERGENCY_ACCOMMODATION] = frozenset(
    {ServiceCode.EMERGENCY_ACCOMMODATION, ServiceCode.FOOD}
)
SERVICE_NEEDS[ServiceCode.CRISIS_INTERVENTION] = frozenset(
    {ServiceCode.CRISIS_INTERVENTION, ServiceCode.EMERGENCY_ACCOMMODATION, ServiceCode.MEDICAL_CARE}
)


def visible_need_services(groups: Iterable[str], referrals: Iterable) -> frozenset[str] | None:
    """The services whose assessed needs a viewer sees: None for all (who sees the NEEDS group), else
    those of its open service referrals (`SERVICE_NEEDS`); nothing for a viewer with no grant."""
    if NEEDS in frozenset(groups):
        return None
    services: set[str] = set()
    for referral in referrals:
        if referral.kind == referral.Kind.SERVICE and grants(referral):
            services |= SERVICE_NEEDS.get(referral.service, frozenset())
    return frozenset(services)


def group_of(field: str) -> str:
    """The group of a case field (or of a derived value)."""
    for group, fields in CASE_FIELD_GROUPS.items():
        if field in fields:
            return group
    if field in DERIVED_FIELDS:
        return DERIVED_FIELDS[field]
    raise KeyError(f"{field} is not a field of the case map.")


def check_group(name: str) -> str:
    if name not in GROUPS:
        raise ValueError(f"Unknown field group {name!r}; see kompass/cases/visibility.py.")
    return name


def owner_groups(membership) -> frozenset[str]:
    """The groups the owning organisation's member sees."""
    groups = set(OWNER_GROUPS)
    if membership.can_edit_cases:
        groups |= IDENTITY_GROUPS | {RESTRICTED_NOTES}
    if membership.can_view_org_audit:
        groups.add(ACCESS_LOG)
    return frozenset(groups)


def grants(referral) -> frozenset[str]:
    """The groups one referral gives its receiver: an open service referral, or a pending transfer."""
    if referral.kind == referral.Kind.TRANSFER:
        return TRANSFER_GROUPS if referral.status == referral.Status.PENDING else frozenset()
    if referral.is_open:
        return SERVICE_GROUPS.get(referral.service, REFERRED_BASE)
    return frozenset()


def referral_groups(referrals: Iterable) -> frozenset[str]:
    groups: set[str] = set()
    for referral in referrals:
        groups |= grants(referral)
    return frozenset(groups)


def visible_fields(groups: Iterable[str], group: str) -> tuple[str, ...]:
    """The case (or identity) fields of `group` for a viewer who sees `groups` (empty if not seen).

    `groups` is a viewer's group set, e.g. `access.groups`.
    """
    check_group(group)
    if group not in groups:
        return ()
    fields = CASE_FIELD_GROUPS.get(group) or IDENTITY_FIELD_GROUPS.get(group, ())
    derived = tuple(name for name, owner in DERIVED_FIELDS.items() if owner == group)
    return fields + derived


def case_values(case, groups: Iterable[str], *, platforms: bool = False) -> dict[str, Any]:
    """Every case field and derived value the viewer may see, by name (Python values, FKs as objects).

    The `id` is internal and never returned. `platforms` (one more query) is the sorted list of
    platform codes, included on request.
    """
    groups = frozenset(groups)
    values: dict[str, Any] = {}
    for group in CASE_FIELD_GROUPS:
        for name in visible_fields(groups, group):
            if name == "id" or (name == "platforms" and not platforms):
                continue
            if name == "platforms":
                values[name] = sorted(p.platform for p in case.platforms.all())
            else:
                values[name] = getattr(case, name)
    return values


def identity_values(identity, groups: Iterable[str]) -> dict[str, Any]:
    """The identity fields the viewer may see (empty when it sees none)."""
    groups = frozenset(groups)
    names = [
        name
        for group in IDENTITY_FIELD_GROUPS
        for name in visible_fields(groups, group)
        if name not in ("id", "case", "updated_at")
    ]
    return {name: getattr(identity, name) for name in names}


# Which cases a membership may open, and in which of them it sees a group (for lists and filters).

MAX_LITERAL_IDS = 1000


class GrantSource(Protocol):
    """Where the grants of a referred organisation come from (the referrals app registers one).

    A grant row has `case_id` and is read by `grants(row)`; `open_to` gives the rows that grant an
    organisation a view now (open service referrals, pending transfers), `giving` those among `rows`
    that grant one of `services`, or any transfer when `transfer`.
    """

    def open_to(self, organisation_id: int) -> QuerySet: ...

    def giving(self, rows: QuerySet, *, services: Collection[str], transfer: bool) -> QuerySet: ...


_grant_source: GrantSource | None = None


def register_grant_source(source: GrantSource) -> None:
    """Called once, from the referrals app's AppConfig.ready()."""
    global _grant_source
    _grant_source = source


def grant_source() -> GrantSource:
    if _grant_source is None:
        # Without it, referred organisations would silently lose their view of the cases sent to them.
        raise LookupError("No grant source is registered: is kompass.referrals installed?")
    return _grant_source


def open_grants_to(organisation_id: int) -> QuerySet:
    """The rows that give an organisation a view of a case (see `grants`)."""
    return grant_source().open_to(organisation_id)


def _case_ids(referrals):
    # Materialised (one small query): a literal id list lets the database use its indexes on both
    # sides of the OR below, where a subquery made SQLite scan every case (bench/bench_cases.py).
    # An organisation with very many open referrals keeps the subquery (bounded parameter count).
    ids = list(referrals.values_list("case_id", flat=True)[: MAX_LITERAL_IDS + 1])
    return ids if len(ids) <= MAX_LITERAL_IDS else referrals.values("case_id")


def visible_case_filter(membership) -> Q | None:
    """The condition selecting the cases a membership may open, or None for no case at all."""
    return visible_condition(membership, RECORD)


def visible_condition(membership, group: str) -> Q | None:
    """The cases a membership may open AND in which it sees `group`; None when there are none.

    A list filter on a field of `group` must be combined with this condition, so that filtering
    never tells a viewer what its view of a case hides.
    """
    check_group(group)
    if membership is None or not membership.can_work_on_cases:
        return None
    source = grant_source()
    services = [code for code, groups in SERVICE_GROUPS.items() if group in groups]
    granting = source.giving(
        source.open_to(membership.organisation_id), services=services, transfer=group in TRANSFER_GROUPS
    )
    condition = Q(pk__in=_case_ids(granting))
    if membership.can_view_cases and group in owner_groups(membership):
        condition |= Q(owner_id=membership.organisation_id)
    return condition
