"""Server-rendered SVG: the impact chart and the reach map. No JavaScript, no third-party requests."""

from __future__ import annotations

import math
from datetime import date

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kompass.lib import svg
from kompass.lib.places.regions import locate, outlines
from kompass.lib.svg import escape


def _nice_step(value: float, ticks: int = 4) -> int:
    """A whole-number step (1, 2, 5 × 10ⁿ) so that `ticks` steps cover `value`: counts need no decimals."""
    raw = max(value / ticks, 1)
    magnitude = 10 ** int(math.floor(math.log10(raw)))
    for step in (1, 2, 5, 10):
        if raw <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def impact_chart(
    *,
    months: list[date],
    reports: list[int],
    cases: list[int],
    trainings: list[tuple[date, str]],
    windows: tuple[tuple[date, date], tuple[date, date]] | None = None,
    title: str,
) -> SafeString:
    """Monthly reports (bars) and cases (line), trainings marked by numbered lines."""
    width, height, left, right, top, bottom = 760, 300, 44, 12, 28, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(months), 1)
    step = plot_w / n
    tick = _nice_step(max([*reports, *cases, 1]))
    peak = 4 * tick
    index = {m: i for i, m in enumerate(months)}

    def x(i: float) -> float:
        return left + i * step

    def y(v: float) -> float:
        return top + plot_h - v / peak * plot_h

    parts = []
    if windows:
        for (first, last), css in zip(windows, ("window-before", "window-after"), strict=True):
            if first in index and last in index:
                parts.append(
                    f'<rect class="{css}" x="{x(index[first]):.1f}" y="{top}" '
                    f'width="{(index[last] - index[first] + 1) * step:.1f}" height="{plot_h}"/>'
                )
    for k in range(5):
        value = peak * k / 4
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
        )
        parts.append(
            f'<text class="axis" x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    bar_w = max(step * 0.7, 1)
    for i, (month, count) in enumerate(zip(months, reports, strict=True)):
        if count:
            parts.append(
                f'<rect class="bar" x="{x(i) + (step - bar_w) / 2:.1f}" y="{y(count):.1f}" width="{bar_w:.1f}" '
                f'height="{y(0) - y(count):.1f}"><title>{month:%Y-%m}: {count}</title></rect>'
            )
        # Year labels on January, and on the first month unless a January follows within 3 months.
        if month.month == 1 or (i == 0 and month.month < 10):
            parts.append(
                f'<text class="axis" x="{x(i) + 1:.1f}" y="{height - bottom + 16}">{month:%Y}</text>'
            )
            parts.append(
                f'<line class="tick" x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{y(0):.1f}" y2="{y(0) + 5:.1f}"/>'
            )
    if cases:
        points = " ".join(f"{x(i) + step / 2:.1f},{y(c):.1f}" for i, c in enumerate(cases))
        parts.append(f'<polyline class="line" points="{points}"/>')
    for number, (day, label) in enumerate(trainings, start=1):
        month = date(day.year, day.month, 1)
        if month not in index:
            continue
        cx = x(index[month]) + step * (day.day - 1) / 31
        parts.append(
            f'<line class="training" x1="{cx:.1f}" x2="{cx:.1f}" y1="{top - 4}" y2="{y(0):.1f}">'
            f"<title>{escape(label)}</title></line>"
        )
        parts.append(
            f'<text class="training-label" x="{cx:.1f}" y="{top - 8}" text-anchor="middle">{number}</text>'
        )
    legend_y = height - 10
    reports_label = _("Screening reports per month")
    cases_label = _("Cases identified per month")
    training_label = _("Training (numbered)")
    parts += [
        f'<rect class="bar" x="{left}" y="{legend_y - 9}" width="12" height="10"/>',
        f'<text class="legend" x="{left + 16}" y="{legend_y}">{escape(reports_label)}</text>',
        f'<line class="line" x1="{left + 250}" x2="{left + 270}" y1="{legend_y - 4}" y2="{legend_y - 4}"/>',
        f'<text class="legend" x="{left + 276}" y="{legend_y}">{escape(cases_label)}</text>',
        f'<line class="training" x1="{left + 510}" x2="{left + 510}" y1="{legend_y - 11}" y2="{legend_y + 1}"/>',
        f'<text class="legend" x="{left + 516}" y="{legend_y}">{escape(training_label)}</text>',
    ]
    return svg.document(
        parts,
        title=title,
        width=width,
        height=height,
        css_class="impact-chart",
        title_id="impact-chart-title",
    )


def reach_map(regions: list[dict], *, title: str) -> tuple[SafeString, list[dict]]:
    """Circles sized by pupils reached on rough country silhouettes. Returns (svg, unplaced regions)."""
    silhouettes = outlines()
    lon_min, lon_max, lat_min, lat_max = 18.5, 30.5, 41.8, 48.6
    width = 760
    # Equirectangular projection, corrected for latitude so shapes are not stretched.
    k = width / ((lon_max - lon_min) * math.cos(math.radians(45.5)))
    height = round((lat_max - lat_min) * k)

    def project(lat: float, lon: float) -> tuple[float, float]:
        return (lon - lon_min) * k * math.cos(math.radians(45.5)), (lat_max - lat) * k

    parts = []
    for country, points in silhouettes.items():
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in (project(lat, lon) for lon, lat in points))
        parts.append(f'<polygon class="country" points="{path}"><title>{escape(country)}</title></polygon>')
    biggest = max([r["pupils"] for r in regions] + [1])
    unplaced, labels = [], []
    for region in sorted(regions, key=lambda r: -r["pupils"]):
        where = locate(region["country"], region["region"])
        if where is None:
            unplaced.append(region)
            continue
        cx, cy = project(*where)
        radius = 3 + 19 * math.sqrt(region["pupils"] / biggest)
        label = _("%(region)s: %(pupils)s pupils, %(schools)s schools") % {
            "region": region["region"],
            "pupils": region["pupils"],
            "schools": region["schools"],
        }
        parts.append(
            f'<circle class="reach" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}"><title>{escape(label)}</title></circle>'
        )
        # Label below the circle, else above it; skip it when both would overlap an earlier label
        # (the circle's tooltip and the table below still name the region).
        half = 3.3 * len(region["region"])
        for ly in (cy + radius + 11, cy - radius - 4):
            box = (cx - half, ly - 10, cx + half, ly + 2)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in labels):
                labels.append(box)
                parts.append(
                    f'<text class="place" x="{cx:.1f}" y="{ly:.1f}" text-anchor="middle">{escape(region["region"])}</text>'
                )
                break
    chart = svg.document(
        parts, title=title, width=width, height=height, css_class="reach-map", title_id="reach-map-title"
    )
    return chart, unplaced
