import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
def test_openapi_merges_every_app_schema(client):
    spec = client.get(reverse("api:openapi")).json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for expected in ["/screening/assess", "/journeys/plan", "/recruitment/check"]:
        assert expected in paths, f"{expected} missing from the merged OpenAPI document"
    for path, operations in paths.items():
        assert path.startswith("/"), path
        assert operations, path
    assert "Error" in spec["components"]["schemas"]


@pytest.mark.django_db
def test_unknown_language_is_an_error_in_the_fixed_shape(client):
    response = client.get(reverse("api:openapi") + "?language=xx")
    assert response.status_code == 400
    assert response.json() == {
        "error": "Unknown language.",
        "errors": {"language": ["Unknown language code."]},
    }


@pytest.mark.django_db
def test_language_of_one_request_does_not_leak(client):
    translation.activate("en")
    client.get(reverse("api:openapi") + "?language=uk")
    assert translation.get_language() == "en"


@pytest.mark.django_db
def test_wrong_method_is_405_with_error_shape(client):
    response = client.delete(reverse("api:index"))
    assert response.status_code == 405
    assert set(response.json()) == {"error", "errors"}
