import zoneinfo

from django.utils import timezone

from kompass.organisations.permissions import get_membership


class MembershipMiddleware:
    """Attach the user's active membership (or None) to the request, once, and show a signed-in
    member times in their organisation's time zone (its own, else its country's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = get_membership(request.user) if request.user.is_authenticated else None
        if request.membership is None:
            return self.get_response(request)
        try:
            timezone.activate(zoneinfo.ZoneInfo(request.membership.time_zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
