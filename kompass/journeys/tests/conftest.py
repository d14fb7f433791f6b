import pytest

from kompass.directory.models import Entry, EntryService
from kompass.organisations.models import Organisation


@pytest.fixture
def make_entry(db):
    """Create a published directory entry (with services) quickly."""

    def make(
        name, lat, lon, *, country="UA", kind="support_point", services=("information",), org=None, **extra
    ):
        organisation = (
            org or Organisation.objects.get_or_create(name="Route Aid", defaults={"country": "MD"})[0]
        )
        entry = Entry.objects.create(
            organisation=organisation,
            name=name,
            kind=kind,
            lat=lat,
            lon=lon,
            country=country,
            status=Entry.Status.PUBLISHED,
            **extra,
        )
        EntryService.objects.bulk_create([EntryService(entry=entry, service=s) for s in services])
        return entry

    return make
