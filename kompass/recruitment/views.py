"""Pages: the public checker and report form; staff pages for logged ads and their statistics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kompass.cases.models import Case
from kompass.cases.permissions import get_case_for_user
from kompass.directory.codes import REGION_WIDE, country_name
from kompass.directory.models import Hotline
from kompass.organisations.permissions import staff_required
from kompass.recruitment import selectors, services
from kompass.recruitment.forms import (
    HOME_COUNTRY_BY_LANGUAGE,
    CheckForm,
    LinkCaseForm,
    LogAdForm,
    ReportForm,
    StatisticsFilterForm,
)
from kompass.recruitment.models import ReportedAd
from kompass.recruitment.permissions import can_log_ads, get_ad_for_user

# Platforms a contact channel of the checker points to, to pre-fill the report form.
_CHANNEL_PLATFORM = {"telegram": "telegram", "whatsapp": "whatsapp", "viber": "viber", "website": "job_site"}
ADVICE_HOTLINE_PURPOSES = ("emergency", "trafficking", "victims")


def _hotlines():
    return list(Hotline.objects.published().filter(purpose__in=ADVICE_HOTLINE_PURPOSES).ordered())


def _hotline_groups(countries: list[str]) -> list[dict]:
    """The helplines of each country (the person's first, then the countries of the job), from the
    directory; a country without a line in the directory is named, with no number invented."""
    published = Hotline.objects.published().filter(purpose__in=ADVICE_HOTLINE_PURPOSES)
    if not countries:
        countries = sorted(set(published.exclude(country=REGION_WIDE).values_list("country", flat=True)))
    groups = []
    for country in dict.fromkeys(countries):
        lines = list(published.filter(country=country).ordered())
        groups.append({"country": country, "name": country_name(country), "hotlines": lines})
    region_wide = list(published.filter(country=REGION_WIDE).ordered())
    if region_wide:
        groups.append({"country": REGION_WIDE, "name": _("Everywhere in Europe"), "hotlines": region_wide})
    return groups


def _home_country(request: HttpRequest, form: CheckForm) -> str:
    chosen = form.cleaned_data.get("home_country") if form.is_bound and form.is_valid() else ""
    return chosen or HOME_COUNTRY_BY_LANGUAGE.get(get_language() or "", "")


@never_cache
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Paste an offer, see the risk and why. Nothing is stored: a check is not a report."""
    form = CheckForm(
        request.POST if request.method == "POST" else None,
        initial={"home_country": HOME_COUNTRY_BY_LANGUAGE.get(get_language() or "", "")},
    )
    result = report_form = None
    marked = []
    if request.method == "POST" and form.is_valid():
        result = services.check_offer(**form.cleaned_data)
        report_form = ReportForm(
            initial={
                "text": form.cleaned_data["text"],
                "platform": _CHANNEL_PLATFORM.get(form.cleaned_data["contact_channel"], "other"),
            }
        )
        marked = [
            (form.fields[part].label, result.highlighted(part))
            for part in services.PARTS
            if result.parts[part].strip()
        ]
    return render(
        request,
        "recruitment/check.html",
        {
            "form": form,
            "result": result,
            "report_form": report_form,
            "marked": marked,
            "hotline_groups": _hotline_groups(
                [c for c in [_home_country(request, form), *(result.destinations if result else ())] if c]
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """Report an ad to the coordinator: platform, link, text, country. Nothing about the reporter."""
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.report_ad(**form.cleaned_data)
        return redirect("recruitment:reported")
    return render(request, "recruitment/report.html", {"form": form})


def reported(request: HttpRequest) -> HttpResponse:
    return render(request, "recruitment/reported.html", {"hotlines": _hotlines()})


@staff_required("can_see_ads")
def ad_list(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    ads = ReportedAd.objects.visible_to(membership).select_related("organisation", "case")
    source = request.GET.get("source")
    if source in ReportedAd.Source.values:
        ads = ads.filter(source=source)
    return render(
        request,
        "recruitment/ad_list.html",
        {
            "ads": ads[:200],
            "source": source,
            "can_log": can_log_ads(membership),
            "sources": ReportedAd.Source,
        },
    )


def _case_by_reference(request, membership, reference: str):
    """A case of the user's view by its human reference, checked for write access (and audited)."""
    case = Case.objects.visible_to(membership).filter(reference=reference.strip()).first()
    if case is None:
        return None
    try:
        return get_case_for_user(request.user, case.code, membership=membership, write=True)
    except (Http404, PermissionDenied):
        return None


@staff_required("can_log_ads")
@require_http_methods(["GET", "POST"])
def log_ad(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    form = LogAdForm(
        request.POST if request.method == "POST" else None, initial={"seen_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reference = data.pop("case_reference")
        case = _case_by_reference(request, membership, reference) if reference else None
        if reference and case is None:
            form.add_error("case_reference", _("No case with this reference that you may edit."))
        else:
            ad = services.log_ad(by=request.user, membership=membership, case=case, **data)
            messages.success(request, _("The ad was logged."))
            return redirect("recruitment:ad", code=ad.code)
    return render(request, "recruitment/log_ad.html", {"form": form})


@staff_required("can_see_ads")
@require_http_methods(["GET", "POST"])
def ad_detail(request: HttpRequest, code) -> HttpResponse:
    membership = request.membership
    ad = get_ad_for_user(membership, code)
    may_link = (
        can_log_ads(membership)
        and ad.source == ReportedAd.Source.CASEWORK
        and ad.organisation_id == membership.organisation_id
    )
    link_form = LinkCaseForm(request.POST if request.method == "POST" else None) if may_link else None
    if request.method == "POST":
        ad = get_ad_for_user(membership, code, write=True)
        if link_form.is_valid():
            case = _case_by_reference(request, membership, link_form.cleaned_data["case_reference"])
            if case is None:
                link_form.add_error("case_reference", _("No case with this reference that you may edit."))
            else:
                services.link_ad_to_case(ad=ad, case=case, by=request.user)
                messages.success(request, _("The ad is now linked to the case."))
                return redirect("recruitment:ad", code=ad.code)
    reasons = [services.cue_text_or_code(code) for code in ad.reason_codes]
    return render(
        request, "recruitment/ad_detail.html", {"ad": ad, "link_form": link_form, "reasons": reasons}
    )


@staff_required("can_view_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    """Counts of reported ads by platform and month (public reports and casework logs)."""
    year = timezone.localdate().year
    form = StatisticsFilterForm(request.GET or None, initial={"year": year})
    country = ""
    if form.is_valid():
        year = form.cleaned_data["year"] or year
        country = form.cleaned_data["country"] or ""
    table = selectors.reported_ads_by_platform_and_month(year, country or None)
    labels = dict(ReportedAd.Platform.choices)
    rows = [
        {"code": code, "label": labels[code], "months": months, "total": sum(months)}
        for code, months in table.items()
    ]
    month_totals = [sum(row["months"][i] for row in rows) for i in range(12)]
    return render(
        request,
        "recruitment/statistics.html",
        {
            "form": form,
            "year": year,
            "country": country,
            "rows": rows,
            "month_totals": month_totals,
            "total": sum(month_totals),
            "months": [timezone.datetime(year, m, 1) for m in range(1, 13)],
            "years": selectors.years_with_reports(),
        },
    )
