"""The safety plan as a page context and as a PDF: the plan's page, its PDF link and the Telegram bot."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from kompass.directory.codes import SPOKEN_LANGUAGES, ServiceCode
from kompass.journeys.models import AwarenessPage
from kompass.journeys.planning import Plan
from kompass.lib.qr import qr_data_uri, qr_svg


def public_plan_url(token: str) -> str:
    """The plan's absolute link on the public site (SITE_URL), in the active language."""
    return settings.SITE_URL.rstrip("/") + f"{reverse('journeys:plan')}?{urlencode({'p': token})}"


def _qr_svg(url: str) -> str:
    return qr_svg(url, scale=4, dark="#000", light="#fff", title="QR")


def plan_context(token: str, plan: Plan, *, plan_url: str) -> dict:
    """What the plan's page and its PDF show (the page and the Telegram bot use it)."""
    url = plan_url
    req = plan.request
    needs = set(req.needs)
    languages = set(req.languages)
    legs = []
    for leg_index, points in plan.points_by_leg():
        a, b = req.waypoints[leg_index], req.waypoints[leg_index + 1]
        legs.append({
            "origin": a, "destination": b, "km": plan.route.leg_km[leg_index],
            "points": [{"p": p, "e": p.entry, "needs": sorted(needs & set(p.entry.service_list)),
                        "speaks": sorted(languages & set(p.entry.language_list))} for p in points],
        })  # fmt: skip
    map_data = {
        "waypoints": [[w.lat, w.lon, w.display_name()] for w in req.waypoints],
        "points": [[p.entry.lat, p.entry.lon, p.entry.name] for p in plan.points],
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    labels = dict(ServiceCode.choices)
    return {
        "plan": plan,
        "req": req,
        "legs": legs,
        "token": token,
        "plan_url": url,
        "qr_svg": _qr_svg(url),
        "qr_data_uri": qr_data_uri(url, scale=4),
        "map_data": map_data,
        "map_enabled": bool(settings.MAP_TILE_URL),
        "awareness": AwarenessPage.objects.filter(is_published=True, section=AwarenessPage.Section.RISKS),
        "rights": AwarenessPage.objects.filter(
            is_published=True, section=AwarenessPage.Section.RIGHTS, country__in=plan.countries
        ),  # fmt: skip
        "need_labels": [labels[n] for n in req.needs if n in labels],
        "language_labels": [SPOKEN_LANGUAGES[c] for c in req.languages if c in SPOKEN_LANGUAGES],
        "generated_at": timezone.now(),
        "numbers_url": f"{reverse('journeys:numbers')}?{urlencode([('c', c) for c in plan.countries])}",
    }


def plan_pdf_bytes(context: dict, *, base_url: str | None = None) -> bytes:
    """The printable plan (WeasyPrint, imported here: start-up stays light)."""
    from weasyprint import HTML

    html = render_to_string("journeys/plan_pdf.html", context)
    return HTML(string=html, base_url=base_url or settings.SITE_URL.rstrip("/") + "/").write_pdf()
