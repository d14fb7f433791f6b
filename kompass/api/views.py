from pathlib import Path

import yaml
from django.http import JsonResponse
from django.urls import reverse

from kompass.api.utils import api_view

APPS_DIR = Path(__file__).resolve().parent.parent


def merged_openapi() -> dict:
    """One OpenAPI document built from each app's `openapi.yaml` (paths relative to /api/v1/)."""
    spec: dict = {
        "openapi": "3.1.0",
        "info": {"title": "Kompass API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "paths": {},
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "errors"],
                    "properties": {
                        "error": {"type": "string"},
                        "errors": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                }
            }
        },
    }
    for path in sorted(APPS_DIR.glob("*/openapi.yaml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        spec["paths"].update(part.get("paths", {}))
        for section, items in part.get("components", {}).items():
            spec["components"].setdefault(section, {}).update(items)
    return spec


@api_view()
def index(request):
    return JsonResponse({"version": 1, "openapi": reverse("api:openapi")})


@api_view()
def openapi(request):
    return JsonResponse(merged_openapi())
