"""The annual report as labelled tables: one source for the page, CSV, XLSX and PDF."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompass.cases.codes import Platform, SectorCode, Sex
from kompass.directory.codes import ServiceCode
from kompass.lib.names import age_band_label, country_name
from kompass.referrals.models import Status as ReferralStatus
from kompass.screening.models import ReportPlatform

EXPLOITATION_LABELS = {
    "sexual": gettext_lazy("Sexual exploitation"),
    "forced_labour": gettext_lazy("Forced labour"),
    "other": gettext_lazy("Other exploitation"),
}
SUBTYPE_LABELS = {
    "labour_agriculture": gettext_lazy("Labour: agriculture"),
    "labour_construction": gettext_lazy("Labour: construction"),
    "labour_domestic_work": gettext_lazy("Labour: domestic work"),
    "labour_hospitality": gettext_lazy("Labour: hospitality"),
    "sex_prostitution": gettext_lazy("Sexual: prostitution"),
    "sex_pornography": gettext_lazy("Sexual: pornography"),
}


@dataclass
class Table:
    key: str
    title: str
    rows: list[tuple[str, int | None]]
    note: str = ""


def _label(choices, code: str) -> str:
    if code == "unknown":
        return _("Unknown")
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def tables(report: dict, reported_ads: dict | None = None, online_reports: dict | None = None) -> list[Table]:
    out = [
        Table(
            "victims", _("Victims identified (persons, counted once)"), [(_("Victims"), report["victims"])]
        ),
        Table("by_sex", _("By sex"), [(_label(Sex, k), v) for k, v in report["by_sex"].items()]),
        Table(
            "by_age_group",
            _("By age group"),
            [
                (_("Unknown") if k == "unknown" else age_band_label(k), v)
                for k, v in report["by_age_group"].items()
            ],
        ),
        Table(
            "by_citizenship",
            _("By citizenship"),
            [
                (_("Unknown") if k == "unknown" else country_name(k), v)
                for k, v in report["by_citizenship"].items()
            ],
        ),
        Table(
            "by_exploitation",
            _("By form of exploitation"),
            [(str(EXPLOITATION_LABELS[k]), v) for k, v in report["by_exploitation"].items()],
            _("A person may be counted under several forms."),
        ),
        Table(
            "by_exploitation_subtype",
            _("By sector of exploitation"),
            [(str(SUBTYPE_LABELS[k]), v) for k, v in report["by_exploitation_subtype"].items()],
        ),
        Table(
            "where",
            _("Country of exploitation"),
            [(_("At home"), report["exploited_domestically"]), (_("Abroad"), report["exploited_abroad"])],
            _("Persons whose country of exploitation is unknown are in neither line."),
        ),
        Table(
            "recruited_online", _("Recruited online"), [(_("Recruited online"), report["recruited_online"])]
        ),
        Table(
            "by_recruitment_platform",
            _("By recruitment platform"),
            [(_label(Platform, k), v) for k, v in report["by_recruitment_platform"].items()],
        ),
        Table(
            "by_identifying_sector",
            _("By identifying sector"),
            [(_label(SectorCode, k), v) for k, v in report["by_identifying_sector"].items()],
        ),
        Table(
            "services",
            _("Persons who received each service"),
            [(_label(ServiceCode, k), v) for k, v in report["services"].items()],
        ),
        Table(
            "referrals",
            _("Referrals by status"),
            [(_label(ReferralStatus, k), v) for k, v in report["referrals"].items()],
        ),
        Table("trend", _("Victims per year"), [(str(y), v) for y, v in report["trend"].items()]),
    ]
    if reported_ads is not None:
        out.append(
            Table(
                "reported_ads",
                _("Job ads reported as suspicious, by platform"),
                [(_label(Platform, k), v) for k, v in reported_ads.items()],
                _("Ads, not persons: no disclosure control is needed."),
            )
        )
    if online_reports is not None:
        out.append(
            Table(
                "online_reports",
                _("Reports of online exploitation, by platform"),
                [(_label(ReportPlatform, k), v) for k, v in online_reports.items()],
                _("Reports received by the national coordinator, not persons; small counts are withheld."),
            )
        )
    return out


def method_text(report: dict) -> str:
    method = report["method"]
    if method.epsilon is None:
        return _(
            "Disclosure control: every cell below %(k)s persons (zeros included) is withheld, and further "
            "cells are withheld so that no withheld cell can be worked out from a total."
        ) % {"k": method.threshold}
    return _(
        "Disclosure control: counts released with differential privacy (discrete Laplace noise, total "
        "epsilon %(epsilon)s, OpenDP), then every cell below %(k)s is withheld as above."
    ) % {"epsilon": method.epsilon, "k": method.threshold}
