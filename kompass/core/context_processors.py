from django.conf import settings


def kompass(request):
    return {
        "membership": getattr(request, "membership", None),
        "demo_mode": settings.DEMO_MODE,
    }
