import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request to /uk/... leaves Ukrainian active in the test thread; reverse() would follow it.
    translation.activate("en")
    yield
    translation.activate("en")
