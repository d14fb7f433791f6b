from kompass.audit.context import current_ip


def client_ip(request) -> str | None:
    # REMOTE_ADDR is the peer; a trusted reverse proxy is expected to set it (see docs/configuration.md).
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
