"""QR codes of links (a session's page, a safety plan, an authenticator's key), drawn as SVG.

The one place that draws them: error correction "m" (a printed code survives a crease), and segno
imported on first use, not when a view module loads (start-up stays light, docs/architecture.md).
"""

from __future__ import annotations

from typing import Any


def _code(data: str):
    import segno

    return segno.make(data, error="m")


def qr_svg(data: str, **options: Any) -> str:
    """An inline `<svg>` of the QR code; `options` are segno's (scale, border, dark, light, title)."""
    return _code(data).svg_inline(**options)


def qr_data_uri(data: str, **options: Any) -> str:
    """The same drawing as a `data:image/svg+xml` URI, for an `<img src>` (a page saved or printed)."""
    return _code(data).svg_data_uri(**options)
