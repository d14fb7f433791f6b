"""Test helpers: the generated OpenAPI document and validation of real answers against it."""

import jsonschema


def openapi() -> dict:
    """The document served at /api/v1/openapi.json."""
    from kompass.api.urls import api

    return api.get_openapi_schema()


def conforms(spec: dict, schema_name: str, data) -> None:
    """Raise unless `data` is valid against components/schemas/<schema_name> of `spec`."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
