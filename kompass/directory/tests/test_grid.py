import random

import pytest

from kompass.directory.models import Entry, grid_cell, grid_cells
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_database_and_python_agree_on_grid_cells():
    org = Organisation.objects.create(name="Grid", country="RO")
    rng = random.Random(3)
    points = [(rng.uniform(-89, 89), rng.uniform(-179, 179)) for _ in range(300)]
    points += [(0.0, 0.0), (-0.1, -0.1), (0.249999, 0.25), (47.0, 28.75), (-33.9, 151.2)]
    Entry.objects.bulk_create(
        [
            Entry(organisation=org, name=f"P{i}", kind="office", country="RO", lat=lat, lon=lon)
            for i, (lat, lon) in enumerate(points)
        ]  # fmt: skip
    )
    for entry in Entry.objects.all():
        assert entry.grid_cell == grid_cell(entry.lat, entry.lon), (entry.lat, entry.lon)
        assert entry.grid_cell in grid_cells(
            entry.lat - 0.01, entry.lat + 0.01, entry.lon - 0.01, entry.lon + 0.01
        )


def test_entries_without_coordinates_have_no_cell():
    org = Organisation.objects.create(name="Grid", country="RO")
    entry = Entry.objects.create(organisation=org, name="Hotline", kind="hotline", country="RO")
    entry.refresh_from_db()
    assert entry.grid_cell is None
