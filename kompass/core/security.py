"""Answers that carry someone's data are never stored by a browser or a proxy (#13.10).

Every page seen by a signed-in user (staff pages, case pages, the admin) and every API answer gets
`Cache-Control: private, no-store`: nothing of a case stays in the browser's cache or history of a
shared or seized computer or phone, and no shared cache keeps it. Public pages for visitors who never
signed in keep their caching (nginx's micro-cache serves them).
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Without a session cookie nobody is signed in: the session is not even read (no Vary: Cookie
        # on anonymous pages, which nginx's micro-cache serves).
        user = getattr(request, "user", None) if settings.SESSION_COOKIE_NAME in request.COOKIES else None
        signed_in = user is not None and user.is_authenticated
        if signed_in or request.path.startswith("/api/") or "HTTP_AUTHORIZATION" in request.META:
            # no-store wins over any max-age a view set; private keeps shared caches out as well.
            response.headers.pop("Cache-Control", None)
            response.headers.pop("Expires", None)
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
