"""Behind the shipped nginx, the client's address is the one nginx saw (X-Real-IP), not nginx's.

The login lockout, the rate limits and the audit trail read REMOTE_ADDR. gunicorn sets it to the
peer, which behind a reverse proxy is the proxy for every request; this middleware puts back the
client's address, but only for requests that come from a trusted proxy
(KOMPASS_TRUSTED_PROXIES) while KOMPASS_BEHIND_PROXY is on, so nobody can choose their own.
"""

import contextlib
import ipaddress

from django.conf import settings


class ProxiedClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Addresses or networks ("127.0.0.1", "172.16.0.0/12" for a container network).
        self.trusted = (
            [ipaddress.ip_network(p, strict=False) for p in settings.TRUSTED_PROXIES]
            if settings.BEHIND_PROXY
            else []
        )

    def _trusted(self, address: str) -> bool:
        try:
            peer = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(peer in network for network in self.trusted)

    def __call__(self, request):
        if self.trusted and self._trusted(request.META.get("REMOTE_ADDR", "")):
            real = request.META.get("HTTP_X_REAL_IP", "").strip()
            with contextlib.suppress(ValueError):  # no address, or not one: the peer stays
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(real))
        return self.get_response(request)
