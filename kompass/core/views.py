from django.shortcuts import render

from kompass.organisations.permissions import staff_required

# The staff dashboard shows each app's card; an app's partial decides what the role may use.
DASHBOARD_APPS = [
    "screening",
    "cases",
    "referrals",
    "directory",
    "journeys",
    "stats",
    "recruitment",
    "training",
    "online",
    "facts",
]


def home(request):
    return render(request, "core/home.html")


@staff_required("can_use_staff_area")
def dashboard(request):
    partials = [f"{app}/_dashboard.html" for app in DASHBOARD_APPS]
    return render(request, "core/dashboard.html", {"partials": partials})


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def server_error(request):
    return render(request, "errors/500.html", status=500)
