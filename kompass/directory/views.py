"""Directory pages: public search and entry pages; staff editing, approval and hotline upkeep."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.directory import services
from kompass.directory.codes import HOTLINE_COUNTRIES, ServiceCode, country_name
from kompass.directory.forms import CapacityForm, EntryForm, HotlineForm, ReviewForm, SearchForm
from kompass.directory.models import Entry, EntryService, Hotline, ServiceCapacity
from kompass.directory.permissions import get_entry_for_user
from kompass.directory.selectors import capacity_text, entries_near
from kompass.lib.forms import add_errors
from kompass.lib.places import PlaceNotFound, resolve_place
from kompass.organisations.permissions import staff_required


def search(request):
    """Public search by text, service, language and "near a place"."""
    form = SearchForm(request.GET or None)
    entries = Entry.objects.current().select_related("organisation").prefetch_related("services")
    place = origin = None
    located = False
    suggestions = []
    results = None
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"]
            entries = entries.filter(
                Q(name__icontains=q)
                | Q(organisation__name__icontains=q)
                | Q(city__icontains=q)
                | Q(address__icontains=q)
            )
        if data["service"]:
            entries = entries.with_service(data["service"])
        if data["language"]:
            entries = entries.with_language(data["language"])
        if data["near"]:
            try:
                place = resolve_place(data["near"])
            except PlaceNotFound as exc:
                suggestions = exc.suggestions
                form.add_error("near", _("We do not know the place “%(name)s”.") % {"name": data["near"]})
        if place is not None:
            origin = (place.lat, place.lon)
        elif not request.GET.get("near") and data.get("lat") is not None and data.get("lon") is not None:
            origin = (round(data["lat"], 2), round(data["lon"], 2))
            located = True
        if origin is not None:
            results = entries_near(entries, origin, data["radius_km"] or 50)
    if results is None:
        results = list(entries.order_by("name")[:500]) if form.is_bound else []
    page = Paginator(results, 25).get_page(request.GET.get("page"))
    language = translation.get_language()
    return render(request, "directory/search.html", {
        "form": form, "page": page, "place": place,
        "place_name": place.display_name(language) if place else "", "located": located,
        "suggestions": [f"{p.display_name(language)} ({p.country})" for p in suggestions],
        "searched": form.is_bound,
    })  # fmt: skip


def entry(request, code):
    try:
        item = (
            Entry.objects.current().select_related("organisation").prefetch_related("services").get(code=code)
        )
    except (Entry.DoesNotExist, ValidationError):
        raise Http404
    return render(request, "directory/entry.html", {"entry": item})


def hotlines(request):
    """Public list of every published number by country, each with its source and last-verified date.

    The coordinator sees the withdrawn numbers too (marked), with a link to edit each one.
    """
    membership = getattr(request, "membership", None)
    staff = membership is not None and membership.can_review_facts
    numbers = (Hotline.objects.all() if staff else Hotline.objects.published()).ordered()
    by_country: dict[str, list[Hotline]] = {}
    for hotline in numbers:
        by_country.setdefault(hotline.country, []).append(hotline)
    order = [c for c in HOTLINE_COUNTRIES if c in by_country] + sorted(
        c for c in by_country if c not in HOTLINE_COUNTRIES
    )
    groups = [{"code": c, "name": country_name(c), "hotlines": by_country[c]} for c in order]
    abroad = [h for c in order for h in by_country[c] if h.is_published and h.international_number]
    return render(request, "directory/hotlines.html", {"groups": groups, "staff": staff, "abroad": abroad})


# --- Staff ------------------------------------------------------------------------------------


@staff_required("can_edit_directory")
def manage(request):
    membership = request.membership
    entries = Entry.objects.visible_to(membership).select_related("organisation").prefetch_related("services")
    status = request.GET.get("status", "")
    if status in Entry.Status.values:
        entries = entries.filter(status=status)
    return render(request, "directory/manage.html", {
        "page": Paginator(entries, 50).get_page(request.GET.get("page")), "status": status,
        "statuses": Entry.Status.choices,
        "pending": Entry.objects.filter(status=Entry.Status.PENDING).count() if membership.can_approve_directory else 0,
    })  # fmt: skip


@staff_required("can_edit_directory")
def edit(request, code=None):
    membership = request.membership
    instance = get_entry_for_user(membership, code, write=True) if code else None
    form = EntryForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EntryForm.Meta.fields}
        description = dict(instance.description) if instance else {}
        description[request.LANGUAGE_CODE] = form.cleaned_data["description_text"]
        fields["description"] = {k: v for k, v in description.items() if v}
        fields["names"] = form.names()
        try:
            saved = services.save_entry(
                membership=membership,
                entry=instance,
                fields=fields,
                services=form.cleaned_data["services"],
                languages=form.cleaned_data["languages"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The entry was saved."))
            return redirect("directory:manage_entry", code=saved.code)
    return render(request, "directory/edit.html", {"form": form, "entry": instance})


@staff_required("can_edit_directory")
def manage_entry(request, code):
    item = get_entry_for_user(request.membership, code)
    return render(request, "directory/manage_entry.html", {"entry": item, "review_form": ReviewForm()})


@staff_required("can_edit_directory")
@require_POST
def change_status(request, code, status):
    item = get_entry_for_user(request.membership, code)
    form = ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.change_entry_status(membership=request.membership, entry=item, status=status, by=request.user,
                                     note=note)  # fmt: skip
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The entry's status is now: %(status)s.") % {"status": item.get_status_display()}
        )
    return redirect("directory:manage_entry", code=item.code)


@staff_required("can_approve_directory")
def export_csv(request):
    response = HttpResponse(services.export_directory(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kompass-directory.csv"'
    return response


@staff_required("can_review_facts")
def hotline_edit(request, pk):
    hotline = get_object_or_404(Hotline, pk=pk)
    form = HotlineForm(request.POST if request.method == "POST" else None, instance=hotline)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in HotlineForm.Meta.fields}
        services.update_hotline(
            hotline=hotline, by=request.user, name=form.names(), hours=form.hours(), **fields
        )
        messages.success(request, _("The number was saved."))
        return redirect("directory:hotlines")
    return render(request, "directory/hotline_edit.html", {"form": form, "hotline": hotline})


@staff_required("can_declare_capacity")
def capacity(request):
    """The own organisation's declared capacity per service it offers (free places, taking referrals)."""
    membership = request.membership
    organisation = membership.organisation
    offered = sorted(
        set(
            EntryService.objects.filter(
                entry__in=Entry.objects.current().filter(organisation=organisation)
            ).values_list("service", flat=True)
        )
    )
    declared = {
        c.service: c
        for c in ServiceCapacity.objects.filter(organisation=organisation).select_related("updated_by")
    }
    bound = None
    if request.method == "POST":
        bound = CapacityForm(request.POST, auto_id=f"id_{request.POST.get('service', '')}_%s")
        if bound.is_valid():
            data = bound.cleaned_data
            try:
                services.declare_capacity(
                    membership=membership, service=data["service"], places_free=data["places_free"],
                    accepts_referrals=data["accepts_referrals"], by=request.user,
                )  # fmt: skip
            except ValidationError as exc:
                add_errors(bound, exc)
            else:
                messages.success(
                    request,
                    _("Capacity for %(service)s saved.") % {"service": ServiceCode(data["service"]).label},
                )
                return redirect("directory:capacity")
    rows = []
    for code in offered:
        if bound is not None and bound.data.get("service") == code:
            form = bound
        else:
            current = declared.get(code)
            form = CapacityForm(
                auto_id=f"id_{code}_%s",
                initial={"service": code, "places_free": current.places_free if current else None,
                         "accepts_referrals": current.accepts_referrals if current else True},
            )  # fmt: skip
        rows.append({"service": ServiceCode(code), "capacity": declared.get(code), "form": form,
                     "text": capacity_text(declared.get(code))})  # fmt: skip
    invalid = bound is not None and bool(bound.errors)
    # A service the organisation does not offer has no row of its own: its errors go above the rows.
    stray = bound if invalid and bound.data.get("service") not in offered else None
    return render(
        request, "directory/capacity.html", {"rows": rows, "organisation": organisation, "stray": stray},
        status=400 if invalid else 200,
    )  # fmt: skip
