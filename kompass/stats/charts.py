"""Small SVG charts rendered on the server (readable without JavaScript, printable in the PDF)."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kompass.lib import svg
from kompass.lib.svg import escape, format_html

BAR = "#1f5f8b"
OTHER = "#c2693f"
_STYLE = {"fluid": True, "font_family": "sans-serif"}


def bars(rows: list[tuple[str, int | None]], *, title: str, width: int = 560) -> SafeString:
    """Horizontal bars; a withheld cell (None) shows the word instead of a bar."""
    row_h, label_w = 24, 190
    height = row_h * len(rows) + 8
    top = max([v for _, v in rows if v is not None] + [1])
    parts = []
    scale = (width - label_w - 70) / top
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(
            format_html('<text x="{}" y="{}" text-anchor="end">{}</text>', label_w - 8, y + 16, label)
        )
        if value is None:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" fill="#555" font-style="italic">{}</text>',
                    label_w,
                    y + 16,
                    _("withheld"),
                )
            )
        else:
            w = max(1, round(value * scale)) if value else 0
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    label_w,
                    y + 3,
                    w,
                    row_h - 8,
                    BAR,
                )
            )
            parts.append(format_html('<text x="{}" y="{}">{}</text>', label_w + w + 6, y + 16, value))
    return svg.document(
        parts, title=title, width=width, height=height, css_class="chart", **_STYLE, font_size=13
    )


def columns(
    series: dict[str, dict[int, int | None]], *, title: str, width: int = 560, height: int = 220
) -> SafeString:
    """Grouped columns per year for one or two series (ours vs UNODC GLOTIP)."""
    years = sorted({y for values in series.values() for y in values})
    if not years:
        return mark_safe("")
    colours = [BAR, OTHER]
    values = [v for s in series.values() for v in s.values() if isinstance(v, int)]
    top = max([*values, 1])
    left, bottom = 40, height - 40
    group_w = (width - left - 10) / len(years)
    bar_w = max(4, group_w / (len(series) + 1))
    parts = [
        format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333"/>', left, bottom, width - 5, bottom),
    ]
    for i, year in enumerate(years):
        x0 = left + i * group_w + bar_w / 2
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                round(x0 + bar_w * len(series) / 2),
                bottom + 16,
                year,
            )
        )
        for j, (_name, data) in enumerate(series.items()):
            value = data.get(year)
            x = round(x0 + j * bar_w)
            if isinstance(value, int):
                h = round((bottom - 20) * value / top)
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                        x,
                        bottom - h,
                        round(bar_w - 2),
                        h,
                        colours[j % 2],
                    )
                )
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
                        x + round(bar_w / 2),
                        bottom - h - 3,
                        value,
                    )
                )
    for j, name in enumerate(series):
        y = height - 10
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>',
                left + j * 220,
                y - 9,
                colours[j % 2],
            )
        )
        parts.append(format_html('<text x="{}" y="{}">{}</text>', left + j * 220 + 14, y, escape(name)))
    return svg.document(
        parts, title=title, width=width, height=height, css_class="chart", **_STYLE, font_size=12
    )
