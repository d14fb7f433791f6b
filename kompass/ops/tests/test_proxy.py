"""Behind the proxy, the client's address comes from X-Real-IP — only when the proxy is trusted."""

import pytest
from django.test import RequestFactory, override_settings

from kompass.ops.proxy import ProxiedClientAddressMiddleware


def _address(**meta):
    request = RequestFactory().get("/", **meta)
    return ProxiedClientAddressMiddleware(lambda r: r.META["REMOTE_ADDR"])(request)


@override_settings(BEHIND_PROXY=True, TRUSTED_PROXIES=["127.0.0.1"])
@pytest.mark.parametrize(
    ("peer", "real_ip", "seen"),
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),  # from nginx
        ("198.51.100.9", "203.0.113.7", "198.51.100.9"),  # someone else claiming an address
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_behind_a_trusted_proxy(peer, real_ip, seen):
    assert _address(REMOTE_ADDR=peer, HTTP_X_REAL_IP=real_ip) == seen


@override_settings(BEHIND_PROXY=False)
def test_without_a_proxy_the_header_is_ignored():
    assert _address(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7") == "127.0.0.1"
