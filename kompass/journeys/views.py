"""Public pages of the journey guide (no login): safety plan, PDF, offline support, awareness pages."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from kompass.audit.services import record_event
from kompass.directory.codes import REGION_WIDE, country_name
from kompass.directory.models import Hotline
from kompass.journeys.exports import plan_context, plan_pdf_bytes
from kompass.journeys.forms import AwarenessPageForm, InfoSessionForm, PlanForm
from kompass.journeys.models import AwarenessPage, InfoSession
from kompass.journeys.permissions import get_awareness_page_for_edit
from kompass.journeys.planning import PlanRequest, build_plan, is_legacy_token
from kompass.organisations.permissions import staff_required


def _plan_request_from_form(form: PlanForm) -> PlanRequest:
    data = form.cleaned_data
    return PlanRequest(
        waypoints=form.places,
        corridor_km=float(data["corridor_km"]),
        services=list(data["needs"]) if data.get("only_needs") else [],
        language=translation.get_language(),
        start_date=data["start_date"].isoformat() if data.get("start_date") else "",
        end_date=data["end_date"].isoformat() if data.get("end_date") else "",
        with_children=bool(data.get("with_children")),
        needs=list(data["needs"]),
        languages=list(data["languages"]),
    )


def start(request):
    """The safety-plan form (a GET form: nothing is stored, the result lives in the URL)."""
    form = PlanForm(request.GET or None)
    if request.GET and form.is_valid():
        if len(form.places) < 2:
            form.add_error("destination", _("Give at least a start and a destination."))
        else:
            token = _plan_request_from_form(form).to_token()
            return redirect(f"{reverse('journeys:plan')}?{urlencode({'p': token})}")
    suggestions = {
        name: [
            {"name": p.display_name(translation.get_language()), "country": p.country,
             "query": urlencode({**request.GET.dict(), name: p.display_name(translation.get_language())})}
            for p in places
        ]
        for name, places in getattr(form, "suggestions", {}).items()
    }  # fmt: skip
    return render(request, "journeys/start.html", {
        "form": form, "suggestions": suggestions,
        "map_tiles": settings.MAP_TILE_URL, "map_attribution": settings.MAP_TILE_ATTRIBUTION,
    })  # fmt: skip


def _load_plan(request):
    token = request.GET.get("p", "")
    try:
        plan_request = PlanRequest.from_token(token)
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        raise Http404
    if len(plan_request.waypoints) < 2:
        raise Http404
    if is_legacy_token(token):  # a readable link from before: the page's links and QR code are encrypted
        token = plan_request.to_token()
    return token, build_plan(plan_request)


def _plan_context(request, token, plan):
    url = request.build_absolute_uri(f"{reverse('journeys:plan')}?{urlencode({'p': token})}")
    return plan_context(token, plan, plan_url=url)


def plan(request):
    """The plan itself, rebuilt from the signed token in the URL on every visit."""
    token, result = _load_plan(request)
    return render(request, "journeys/plan.html", _plan_context(request, token, result))


def plan_pdf(request):
    token, result = _load_plan(request)
    pdf = plan_pdf_bytes(_plan_context(request, token, result), base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="kompass-safety-plan.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@cache_control(no_cache=True)
def service_worker(request):
    """The service worker, served under /<lang>/journeys/ so that its scope covers the guide's pages."""
    path = finders.find("js/journeys-sw.js")
    if not path:
        raise Http404
    response = HttpResponse(Path(path).read_text(encoding="utf-8"), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("journeys:start")
    return response


# The countries of the displaced people's routes: the offline page lists their anti-trafficking lines.
OFFLINE_COUNTRIES = ("RO", "MD", "RS", "UA")


def _numbers_context(codes) -> dict:
    by_country: dict[str, list] = {code: [] for code in codes}
    for hotline in Hotline.objects.published().filter(country__in=codes).ordered():
        by_country[hotline.country].append(hotline)
    return {
        "emergency": list(Hotline.objects.published().filter(country=REGION_WIDE).ordered()),
        "groups": [(code, country_name(code), by_country[code]) for code in codes],
    }


def offline(request):
    """What the service worker shows when a page is not saved: the numbers of the route countries."""
    return render(request, "journeys/offline.html", _numbers_context(OFFLINE_COUNTRIES))


def numbers(request):
    """The numbers of the countries of a route (`?c=UA&c=MD`), inside the guide so that a plan keeps
    them offline; without a known country, those of the displaced people's routes."""
    known = set(Hotline.objects.published().exclude(country=REGION_WIDE).values_list("country", flat=True))
    codes = list(dict.fromkeys(c.upper() for c in request.GET.getlist("c") if c.upper() in known))
    return render(request, "journeys/numbers.html", _numbers_context(codes or list(OFFLINE_COUNTRIES)))


# --- Awareness and rights ---------------------------------------------------------------------


def awareness(request):
    pages = AwarenessPage.objects.filter(is_published=True)
    sessions = InfoSession.objects.filter(is_published=True, starts_at__gte=timezone.now()).select_related(
        "organisation"
    )[:20]
    share_url = request.build_absolute_uri()
    return render(request, "journeys/awareness.html", {
        "risks": [p for p in pages if p.section == AwarenessPage.Section.RISKS],
        "rights": [p for p in pages if p.section == AwarenessPage.Section.RIGHTS],
        "sessions": sessions,
        "share_url": share_url,
        "share_text": _("Travelling? Check job, transport and housing offers before you accept."),
    })  # fmt: skip


def awareness_page(request, slug):
    try:
        page = AwarenessPage.objects.get(slug=slug, is_published=True)
    except AwarenessPage.DoesNotExist:
        raise Http404
    share_url = request.build_absolute_uri()
    return render(request, "journeys/awareness_page.html", {
        "page": page, "share_url": share_url, "share_text": page.display_title(),
        "blocks": text_blocks(page.display_body()),
    })  # fmt: skip


def text_blocks(text: str) -> list[dict]:
    """Plain text → paragraphs and lists (lines starting with "- "). No HTML is ever taken from data."""
    blocks = []
    for chunk in [c.strip() for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]:
        lines = chunk.split("\n")
        if all(line.startswith("- ") for line in lines):
            blocks.append({"list": [line[2:].strip() for line in lines]})
        elif lines[0].startswith("## "):
            blocks.append({"heading": lines[0][3:].strip()})
            if lines[1:]:
                blocks.append({"text": "\n".join(lines[1:])})
        else:
            blocks.append({"text": chunk})
    return blocks


@staff_required("can_approve_directory")
@require_http_methods(["GET", "POST"])
def awareness_edit(request, slug):
    page = get_awareness_page_for_edit(request.membership, slug)
    form = AwarenessPageForm(request.POST if request.method == "POST" else None, page=page)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        page.title = form.per_language("title")
        page.summary = form.per_language("summary")
        page.body = form.per_language("body")
        page.authority = form.per_language("authority")
        for name in ("authority_url", "source_name", "source_url", "internal_note", "is_published"):
            setattr(page, name, data[name])
        if data["last_verified"] != page.last_verified:
            page.last_verified, page.verified_by = data["last_verified"], request.user
        try:
            page.full_clean()
        except ValidationError as exc:
            form.add_error(None, list(exc.messages))
        else:
            page.save()
            record_event(actor=request.user, action="awareness_page_changed", obj=page)
            messages.success(request, _("The page was saved."))
            return redirect("journeys:awareness_manage")
    return render(request, "journeys/awareness_edit.html", {"form": form, "page": page})


@staff_required("can_edit_directory")
def awareness_manage(request):
    return render(request, "journeys/awareness_manage.html", {
        "pages": AwarenessPage.objects.all(),
        "sessions": InfoSession.objects.filter(organisation=request.membership.organisation),
        "form": InfoSessionForm(),
    })  # fmt: skip


@staff_required("can_edit_directory")
@require_http_methods(["POST"])
def session_create(request):
    form = InfoSessionForm(request.POST)
    if form.is_valid():
        session = InfoSession(organisation=request.membership.organisation, **form.cleaned_data)
        session.full_clean()
        session.save()
        record_event(actor=request.user, action="info_session_created", obj=session,
                     organisation=request.membership.organisation)  # fmt: skip
        messages.success(request, _("The information session was added."))
        return redirect("journeys:awareness_manage")
    return render(request, "journeys/awareness_manage.html", {
        "pages": AwarenessPage.objects.all(),
        "sessions": InfoSession.objects.filter(organisation=request.membership.organisation),
        "form": form,
    }, status=400)  # fmt: skip
