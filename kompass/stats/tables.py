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
from kompass.stats.report import noise_scale

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


def footnote(threshold: int) -> str:
    """What [c] means: printed under the page's tables, in the CSV and in the workbook."""
    return _(
        "[c] = confidential: withheld by disclosure control because it counts fewer than %(k)s persons, "
        "or because it would let a withheld count be worked out from a total. It is not a missing value "
        "and not zero."
    ) % {"k": threshold}


def _merge_note(report: dict, name: str, labels) -> str:
    keys = report.get("merged", {}).get(name, ())
    if not keys:
        return ""
    return _("Categories of fewer than %(k)s persons are counted under “Other / unknown”: %(list)s.") % {
        "k": report["method"].threshold,
        "list": ", ".join(labels(k) for k in keys),
    }


def _residual(report: dict, name: str, key: str, label: str) -> str:
    """The label of `unknown`: "Other / unknown" once small categories were merged into it."""
    if key == "unknown":
        return _("Other / unknown") if report.get("merged", {}).get(name) else _("Unknown")
    return label


def tables(report: dict, reported_ads: dict | None = None, online_reports: dict | None = None) -> list[Table]:
    out = [
        Table(
            "victims", _("Victims identified (persons, counted once)"), [(_("Victims"), report["victims"])]
        ),
        Table(
            "by_sex",
            _("By sex"),
            [(_residual(report, "by_sex", k, _label(Sex, k)), v) for k, v in report["by_sex"].items()],
            _merge_note(report, "by_sex", lambda k: _label(Sex, k)),
        ),
        Table(
            "by_age_group",
            _("By age group"),
            [
                (_residual(report, "by_age_group", k, age_band_label(k)), v)
                for k, v in report["by_age_group"].items()
            ],
            _merge_note(report, "by_age_group", age_band_label),
        ),
        Table(
            "by_citizenship",
            _("By citizenship"),
            [
                (_residual(report, "by_citizenship", k, country_name(k)), v)
                for k, v in report["by_citizenship"].items()
            ],
            _merge_note(report, "by_citizenship", country_name),
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
            [
                (_residual(report, "by_identifying_sector", k, _label(SectorCode, k)), v)
                for k, v in report["by_identifying_sector"].items()
            ],
            _merge_note(report, "by_identifying_sector", lambda k: _label(SectorCode, k)),
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
            "Disclosure control: categories below %(k)s persons are first merged into “Other / unknown”; "
            "then every cell still below %(k)s persons (zeros included) is withheld, and further cells are "
            "withheld only where a withheld cell could otherwise be worked out from a total."
        ) % {"k": method.threshold}
    return _(
        "Disclosure control: a little random noise was added to every count (differential privacy: discrete "
        "Laplace noise, total epsilon %(epsilon)s, OpenDP), so that no single person can be inferred; totals "
        "may differ from the true count by about %(n)s. Then every cell below %(k)s is withheld as above."
    ) % {"epsilon": method.epsilon, "k": method.threshold, "n": noise_scale(method.epsilon)}
