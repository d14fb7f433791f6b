"""What a referral lets its receiver see of a case: the grant rows of the case field-group map.

`cases.visibility` holds the map (which groups a service referral or a pending transfer shows) and
reads the rows through this source, registered in `apps.py`: cases never imports referrals.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Q, QuerySet

from kompass.referrals.models import OPEN_STATES, Referral


def open_to(organisation_id: int) -> QuerySet[Referral]:
    """Open service referrals and pending transfers to the organisation."""
    service = Q(kind=Referral.Kind.SERVICE, status__in=OPEN_STATES)
    transfer = Q(kind=Referral.Kind.TRANSFER, status=Referral.Status.PENDING)
    return Referral.objects.filter(service | transfer, to_organisation_id=organisation_id)


def giving(rows: QuerySet[Referral], *, services: Collection[str], transfer: bool) -> QuerySet[Referral]:
    """Those of `rows` that are service referrals for one of `services`, or transfers when `transfer`."""
    granting = Q(kind=Referral.Kind.SERVICE, service__in=services)
    if transfer:
        granting |= Q(kind=Referral.Kind.TRANSFER)
    return rows.filter(granting)
