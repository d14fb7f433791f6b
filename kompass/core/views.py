from pathlib import Path

from django.apps import apps
from django.shortcuts import render

from kompass.organisations.permissions import staff_required


def dashboard_partials() -> list[str]:
    """Each app's dashboard card (`<app>/_dashboard.html`), in the order of INSTALLED_APPS.

    The list comes from the app registry: an app gets a card by shipping the partial, which decides
    what the role may use.
    """
    return [
        f"{config.label}/_dashboard.html"
        for config in apps.get_app_configs()
        if (Path(config.path) / "templates" / config.label / "_dashboard.html").is_file()
    ]


def home(request):
    return render(request, "core/home.html")


@staff_required("can_use_staff_area")
def dashboard(request):
    return render(request, "core/dashboard.html", {"partials": dashboard_partials()})


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def server_error(request):
    return render(request, "errors/500.html", status=500)
