"""Read-only queries of the directory that other apps use."""

from django.db.models import QuerySet

from kompass.directory.codes import ServiceCode
from kompass.directory.models import Entry


def organisations_offering(service_code: str) -> QuerySet:
    """Active organisations with a current published directory entry offering the service."""
    from kompass.organisations.models import Organisation

    if service_code not in ServiceCode.values:
        raise ValueError(f"Unknown service code: {service_code}")
    entries = Entry.objects.current().with_service(service_code)
    return Organisation.objects.filter(is_active=True, pk__in=entries.values("organisation_id")).order_by(
        "name"
    )
