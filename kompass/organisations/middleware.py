from django.utils import timezone

from kompass.organisations.models import zone_info
from kompass.organisations.permissions import get_membership


class MembershipMiddleware:
    """Attach the user's active membership (or None) to the request, once, and show a signed-in
    user times in their time zone: their own choice, else their organisation's (its own, else its
    country's). This is the one place a request's time zone is activated."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = get_membership(request.user) if request.user.is_authenticated else None
        if request.membership is not None:
            zone = zone_info(request.membership.time_zone)
        else:
            zone = zone_info(getattr(request.user, "time_zone", ""))
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
