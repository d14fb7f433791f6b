from django.urls import URLPattern, path, re_path
from django.views.decorators.csrf import csrf_exempt

from kompass.api.core import build_api, json_method_not_allowed
from kompass.api.errors import json_error

app_name = "api"

api = build_api()


@csrf_exempt
def not_found(request, *args, **kwargs):
    return json_error("Not found.", status=404)


# Every route under /api/v1/ answers JSON: wrong methods get the error shape, unknown paths a JSON 404.
urlpatterns = [
    *(
        path(str(p.pattern), json_method_not_allowed(p.callback), name=p.name)
        if isinstance(p, URLPattern)
        else p
        for p in api.urls[0]
    ),
    re_path(r"", not_found),
]
