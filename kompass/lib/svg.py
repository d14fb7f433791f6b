"""Inline SVG drawn on the server (charts, maps): readable without JavaScript, printable in PDFs.

The one place that opens an SVG document and escapes what goes into it. A chart builds its shapes
with `format_html` (or `escape` for text it writes itself) and wraps them with `document`, which
labels the picture for screen readers by its title.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

__all__ = ["document", "escape", "format_html"]


def document(
    parts: Iterable[str],
    *,
    title: str,
    width: float,
    height: float,
    css_class: str,
    title_id: str = "",
    fluid: bool = False,
    **attrs,
) -> SafeString:
    """`<svg class viewBox role="img">` labelled by `<title>`, then the parts (already escaped).

    With `title_id` the picture is labelled by reference (`aria-labelledby`), else by `aria-label`.
    `fluid` draws it as wide as its container. Extra attributes (`font_size=13` → `font-size="13"`)
    are escaped like the rest.
    """
    if fluid:
        attrs = {"width": "100%", **attrs}
    label = (
        format_html('aria-labelledby="{}"', title_id) if title_id else format_html('aria-label="{}"', title)
    )
    extra = format_html_join(
        "", ' {}="{}"', ((name.replace("_", "-"), value) for name, value in attrs.items())
    )
    head = format_html(
        '<svg class="{}" viewBox="0 0 {} {}" role="img" {} xmlns="http://www.w3.org/2000/svg"{}>',
        css_class,
        width,
        height,
        label,
        extra,
    )
    title_tag = (
        format_html('<title id="{}">{}</title>', title_id, title)
        if title_id
        else format_html("<title>{}</title>", title)
    )
    return mark_safe(head + title_tag + "".join(parts) + "</svg>")  # noqa: S308 — head and title escaped here, parts by their builders
