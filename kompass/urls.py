import importlib.util

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from django_otp.admin import OTPAdminSite

from kompass.api.mount import LazyInclude
from kompass.campaigns import views as campaign_views

# The admin demands a verified second factor, like every other staff page.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Kompass"

# Every Kompass app with a `urls` module is mounted at /<label>/ under its namespace (the list comes
# from the app registry); core serves the root and the API its own prefix.
APP_URLS = [
    path(f"{config.label}/", include(f"{config.name}.urls"))
    for config in apps.get_app_configs()
    if config.name.startswith("kompass.")
    and config.label not in {"core", "api"}
    and importlib.util.find_spec(f"{config.name}.urls")
]

# The API is built on first use, not when this URLconf loads (kompass/api/mount.py).
urlpatterns = [
    LazyInclude("api/v1/", "kompass.api.urls", app_name="api"),
    # A campaign link: counted without tracking, then redirected (kompass/campaigns, decision 0075).
    path("c/<str:code>/", campaign_views.go, name="campaign_link"),
]

urlpatterns += i18n_patterns(
    path("", include("kompass.core.urls")),
    path("audit/", include("kompass.organisations.audit_urls")),
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    *APP_URLS,
    prefix_default_language=False,
)

handler404 = "kompass.core.views.not_found"
handler403 = "kompass.core.views.forbidden"
handler500 = "kompass.core.views.server_error"

if settings.DEBUG:
    urlpatterns += [path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg"))]
