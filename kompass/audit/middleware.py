from django.conf import settings

from kompass.audit.context import current_ip

# Answers that refuse a signed-in user: 403 (may see, may not do) and 404 (no relation, or nothing
# there). A curious member of another organisation probing case codes leaves a trail (#13.11).
REFUSED = (403, 404)


def client_ip(request) -> str | None:
    # REMOTE_ADDR is the peer; a trusted reverse proxy is expected to set it (see docs/configuration.md).
    return request.META.get("REMOTE_ADDR") or None


def _signed_in_user(request):
    # Without a session cookie or a token nobody is signed in: do not even read the session.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META:
        return None
    user = getattr(request, "user", None)  # a bearer token sets it while the API authenticates
    return user if user is not None and user.is_authenticated else None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            response = self.get_response(request)
            if response.status_code in REFUSED and not request.path.startswith(settings.STATIC_URL):
                user = _signed_in_user(request)
                if user is not None:
                    self._record_refusal(request, response, user)
            return response
        finally:
            current_ip.reset(token)

    @staticmethod
    def _record_refusal(request, response, user) -> None:
        from kompass.audit.services import record_event

        match = request.resolver_match
        record_event(
            actor=user,
            action="access_refused",
            detail={
                "status": response.status_code,
                "method": request.method,
                "path": request.path[:300],
                "view": match.view_name if match is not None else "",
                "via": "api" if request.path.startswith("/api/") else "page",
            },
        )
