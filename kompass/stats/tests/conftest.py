import datetime

import pytest

from kompass.cases.services import create_case


@pytest.fixture(autouse=True)
def linkage_secret(settings):
    settings.LINKAGE_SECRET = "test-coalition-secret"


@pytest.fixture
def third_org(orgs):
    from kompass.organisations.models import Organisation

    return Organisation.objects.create(name="Organisation C", country="RO", city="Cluj")


@pytest.fixture
def make_case(persona):
    """`make_case(owner, identity=..., **attrs)` through the cases app's service."""
    user = persona("caseworker_a")

    def make(owner, *, identity=None, **attrs):
        attrs.setdefault("country", "RO")
        attrs.setdefault("identified_on", datetime.date(2025, 4, 1))
        attrs.setdefault("sex", "female")
        attrs.setdefault("citizenship", "ROU")
        return create_case(owner=owner, by=user, identity=identity, **attrs)

    return make
