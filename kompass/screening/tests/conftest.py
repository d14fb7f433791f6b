import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request to /uk/... leaves Ukrainian active in the test thread; reverse() would follow it.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(scope="session")
def worker_assets():
    """The worker mode's audio and fonts (make build makes them; this makes only what is missing)."""
    call_command("build_worker_assets", verbosity=0)
