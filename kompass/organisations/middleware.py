from kompass.organisations.permissions import get_membership


class MembershipMiddleware:
    """Attach the user's active membership (or None) to the request, once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = get_membership(request.user) if request.user.is_authenticated else None
        return self.get_response(request)
