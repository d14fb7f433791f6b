"""Small builders shared by the cases and referrals tests (fixtures live in each app's conftest)."""

import datetime

from kompass.cases.models import Case
from kompass.cases.services import create_case, record_consent


def offer(organisation, *services: str):
    """Declare in the directory that `organisation` offers `services` (a published entry)."""
    from kompass.directory.models import Entry, EntryService

    entry, _ = Entry.objects.get_or_create(
        organisation=organisation,
        name=f"{organisation.name} office",
        defaults={"kind": "office", "country": organisation.country, "status": Entry.Status.PUBLISHED},
    )
    for service in services:
        EntryService.objects.get_or_create(entry=entry, service=service)
    return entry


def make_case(owner, by, **attrs) -> Case:
    attrs.setdefault("country", owner.country)
    attrs.setdefault("region", "Iași")
    attrs.setdefault("sex", "female")
    attrs.setdefault("age_at_identification", 24)
    attrs.setdefault("citizenship", "ROU")
    attrs.setdefault("identified_on", datetime.date(2026, 3, 2))
    identity = attrs.pop(
        "identity", {"given_name": "Maria", "surname": "Secretescu", "phone": "+40 700 000 111"}
    )
    return create_case(owner=owner, by=by, identity=identity, **attrs)


def consent_to_share(case, organisation, by, service: str = ""):
    """Consent to share with `organisation`; for one in another country, also the person's explicit
    consent to the cross-border transfer (a purpose of its own, decision 0052)."""
    if organisation.country != case.owner.country:
        record_consent(case=case, by=by, purpose="cross_border_transfer", organisation=organisation)
    return record_consent(case=case, by=by, purpose="sharing", organisation=organisation, service=service)
