"""The annual report as a page context and in every download format: CSV, XLSX and PDF (the PDF is
made by a background job). Views only choose the format; cells go through `lib.spreadsheet`."""

from __future__ import annotations

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from kompass.campaigns.selectors import campaign_reach
from kompass.directory.codes import country_name
from kompass.lib import spreadsheet
from kompass.recruitment.selectors import reported_ads_by_platform
from kompass.stats import charts, countries
from kompass.stats.disclosure import DEFAULT_THRESHOLD, WITHHELD, Method, protect_group
from kompass.stats.models import LinkageRun
from kompass.stats.report import REGIONAL, annual_report
from kompass.stats.tables import footnote, method_text, tables


def _online_reports(year: int, country: str, method: Method) -> dict:
    """Reports of online exploitation by platform, small counts withheld (reports about children)."""
    from kompass.screening.selectors import online_reports_by_platform

    counts = online_reports_by_platform(year=year, country=countries.to_alpha2(country) or None)
    return protect_group(counts, threshold=method.threshold, total_published=False)


def _transnational(year: int, country: str, method: Method) -> dict:
    """Cross-border referrals sent from and received in the country, small counts withheld."""
    from kompass.referrals.selectors import transnational_referrals

    counts = transnational_referrals(year=year, country=countries.to_alpha2(country) or None)
    return {
        side: protect_group(values, threshold=method.threshold, total_published=False)
        for side, values in counts.items()
    }


def _transnational_rows(counts: dict) -> list[tuple[str, int | None, int | None]]:
    partners = sorted(set(counts["sent"]) | set(counts["received"]))
    return [(p, counts["sent"].get(p, 0), counts["received"].get(p, 0)) for p in partners]


def report_context(*, year: int, country: str, method: Method) -> dict:
    """Everything the report page and the PDF show, already protected by disclosure control."""
    report = annual_report(year=year, country=country, method=method)
    ads = reported_ads_by_platform(year=year, country=None if country == REGIONAL else country)
    sections = tables(report, ads, _online_reports(year, country, method))
    for section in sections:
        section.chart = charts.bars(section.rows, title=section.title) if len(section.rows) > 1 else ""
    glotip = report["glotip"]
    ours = dict(report["trend"])
    theirs = {y: int(m["total"]) for y, m in glotip.items() if m.get("total", "").isdigit() and y >= year - 9}
    comparison = charts.columns(
        {_("Kompass (persons)"): ours, _("UNODC GLOTIP (detected victims)"): theirs},
        title=_("Victims per year compared with UNODC GLOTIP"),
    )
    return {
        "year": year,
        "country": country,
        "country_label": (
            _("All countries")
            if country == REGIONAL
            else country_name(countries.to_alpha2(country)) or country
        ),
        "footnote": footnote(method.threshold),
        "report": report,
        "sections": sections,
        "method_text": method_text(report),
        "comparison": comparison,
        "glotip_rows": [(y, m) for y, m in glotip.items() if y >= year - 9],
        "last_run": LinkageRun.objects.first(),
        "transnational_rows": _transnational_rows(_transnational(year, country, method)),
        # Prevention: campaign reach is counted per campaign/channel/language, never per country or person.
        "campaign_reach": campaign_reach(year=year),
        "years": list(range(timezone.localdate().year, timezone.localdate().year - 10, -1)),
    }


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_csv(context: dict) -> str:
    """The report's tables as `section,category,value` rows. A withheld cell is `[c]`, never empty
    (empty would read as missing data); the notes rows at the end say what `[c]` means, and a
    table's own note (e.g. which categories were merged) follows its rows."""
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "category", "value"])
    for section in context["sections"]:
        for label, value in section.rows:
            writer.writerow([section.title, label, WITHHELD if value is None else value])
        if section.note:
            writer.writerow([section.title, _("Note"), section.note])
    writer.writerow([_("Method"), context["method_text"], ""])
    writer.writerow([pgettext("table footnotes", "Notes"), WITHHELD, context["footnote"]])
    return buffer.getvalue()


def report_xlsx(context: dict) -> bytes:
    """The report as a workbook: title, method, then each table (a withheld cell says so)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = str(context["year"])
    title = _("Annual NRM report %(year)s, %(country)s") % {
        "year": context["year"],
        "country": context["country_label"],
    }
    spreadsheet.append_xlsx_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    spreadsheet.append_xlsx_row(sheet, [context["method_text"]])
    for section in context["sections"]:
        sheet.append([])
        spreadsheet.append_xlsx_row(sheet, [section.title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, value in section.rows:
            spreadsheet.append_xlsx_row(sheet, [label, value if value is not None else WITHHELD])
        if section.note:
            spreadsheet.append_xlsx_row(sheet, [section.note])
            sheet.cell(row=sheet.max_row, column=1).font = Font(italic=True)
    sheet.append([])
    spreadsheet.append_xlsx_row(sheet, [context["footnote"]])
    sheet.cell(row=sheet.max_row, column=1).font = Font(italic=True)
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf(
    *, year: int, country: str, epsilon: float | None, language: str, progress
) -> tuple[bytes, str]:
    """The report as a PDF in `language`: (bytes, file name)."""
    from weasyprint import HTML

    with translation.override(language):
        method = Method(threshold=DEFAULT_THRESHOLD, epsilon=epsilon)
        context = report_context(year=year, country=country, method=method)
        context["LANGUAGE_CODE"] = language
        progress(40, gettext_noop("Laying out the PDF"))
        html = render_to_string("stats/report_pdf.html", context)
        pdf = HTML(string=html, base_url=settings.SITE_URL).write_pdf()
    return pdf, f"nrm-report-{country}-{year}.pdf"
