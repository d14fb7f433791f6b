import json

import pytest

from kompass.api.testing import conforms, openapi


def check(value, schema, components, path="$"):
    """A small validator for the subset of JSON Schema our documents use (type, required, properties,
    items, enum, $ref, allOf)."""
    if "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    for part in schema.get("allOf", []):
        check(value, part, components, path)
    kind = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "number": (int, float), "boolean": bool}
    if kind:
        assert isinstance(value, types[kind]), f"{path}: expected {kind}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in enum"
    for name in schema.get("required", []):
        assert name in value, f"{path}: missing {name}"
    for name, sub in schema.get("properties", {}).items():
        if isinstance(value, dict) and name in value:
            check(value[name], sub, components, f"{path}.{name}")
    if kind == "array" and "items" in schema:
        for i, item in enumerate(value):
            check(item, schema["items"], components, f"{path}[{i}]")


@pytest.mark.django_db
def test_plan_response_matches_the_schema(client, make_entry):
    make_entry("Palanca tent", 46.4010, 30.0900, country="MD")
    body = {"waypoints": [{"place": "Одеса"}, {"place": "Palanca", "country": "MD"}, {"place": "Chișinău"}]}
    response = client.post("/api/v1/journeys/plan", json.dumps(body), content_type="application/json")
    spec = openapi()
    components = spec["components"]["schemas"]
    check(response.json(), components["JourneyPlan"], components)
    conforms(spec, "JourneyPlan", response.json())
    bad = client.post("/api/v1/journeys/plan", json.dumps({"waypoints": [{"place": "Odeska"}, {"place": "Lviv"}]}),
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 400
    conforms(spec, "PlaceErrorOut", bad.json())
    assert "/journeys/plan" in spec["paths"]
