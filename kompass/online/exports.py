"""A platform summary as CSV, JSON or PDF (one definition of the columns for all three)."""

from __future__ import annotations

import io
import json

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from kompass.lib import spreadsheet
from kompass.online.summaries import METRICS, PlatformSummary
from kompass.stats.disclosure import WITHHELD

METRIC_LABELS = {
    "reported_ads": _("Job ads reported as suspicious"),
    "exploitation_reports": _("Reports of online exploitation"),
    "online_recruited_victims": _("Victims recruited online (persons)"),
}


def summary_json(summary: PlatformSummary) -> str:
    return json.dumps(summary.as_dict(), ensure_ascii=False, indent=2)


def summary_csv(summary: PlatformSummary) -> str:
    """Machine-readable: English column names, one row per month and a total row; [c] = withheld."""
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer, lineterminator="\n")
    writer.writerow(["platform", "period", *METRICS])
    for row in summary.months:
        writer.writerow([summary.platform, row["month"], *(_cell(row[m]) for m in METRICS)])
    writer.writerow([summary.platform, str(summary.year), *(_cell(summary.total[m]) for m in METRICS)])
    return buffer.getvalue()


def _cell(value: int | None) -> str:
    return WITHHELD if value is None else str(value)


def summary_pdf(summary: PlatformSummary, *, base_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "online/summary_pdf.html",
        {"summary": summary, "metrics": [(m, METRIC_LABELS[m]) for m in METRICS], "withheld": WITHHELD},
    )
    return HTML(string=html, base_url=base_url).write_pdf()
