"""Optional error reporting to Sentry (or a compatible server such as GlitchTip): only when a DSN is set.

Events carry what the logs carry: the exception type and stack, the URL pattern and the request
id; never the exception message, local variables, request body, cookies, headers, query string,
user or client address.
"""

from __future__ import annotations


def scrub(event: dict, hint: dict | None = None) -> dict:
    from kompass.ops.context import current_request_id

    for exception in (event.get("exception") or {}).get("values") or []:
        exception["value"] = ""
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    request = event.get("request") or {}
    # The URL pattern (transaction_style="url"), never the path with its codes or tokens.
    event["request"] = {"method": request.get("method", ""), "url": event.get("transaction", "")}
    event.pop("user", None)
    event.pop("breadcrumbs", None)
    event.pop("extra", None)
    event["server_name"] = ""
    event.setdefault("tags", {})["request_id"] = current_request_id.get()
    if event.get("logentry"):
        event["logentry"] = {"message": event["logentry"].get("message", "")}
    event.pop("message", None)
    return event


def init_error_reporting(dsn: str, *, environment: str = "production") -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(transaction_style="url")],
        default_integrations=True,
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "stack_frame_variables": False,
            "frame_context_lines": 0,
        },
        max_breadcrumbs=0,
        traces_sample_rate=0,
        before_send=scrub,
    )
