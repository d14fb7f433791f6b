import time

# How often an active session's expiry is pushed forward; saving it on every request would make
# every page a database write.
TOUCH_INTERVAL_SECONDS = 60


class IdleTimeoutMiddleware:
    """Staff sessions end after SESSION_COOKIE_AGE without a request (sliding expiry)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get("_touched", 0) >= TOUCH_INTERVAL_SECONDS:
                request.session["_touched"] = now  # marks the session modified: saved with a new expiry
        return self.get_response(request)
