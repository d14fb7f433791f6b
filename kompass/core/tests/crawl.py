"""A small crawler of the public pages, as an outside visitor (no login) sees them.

It starts from the home page of a language and a few deep links (a screening with its questions, a
directory search, a safety plan…), follows every same-site link of the page's own language and keeps
the pages that answer 200. Tests use it to check what every public page must (or must not) show.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')
SKIP = re.compile(r"(^/en/|^/static/|^/api/|/admin/|\.pdf$|\.csv$|\.js$|\.yaml$|/logout/|^/i18n/)")
PREFIXES = ("ro", "uk", "ru", "sr-latn")


def language_of(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in PREFIXES else "en"


def crawl(client, language: str, extra: list[str] = (), limit: int = 80) -> dict[str, str]:
    """{url: html} of the public pages reachable in `language` ("en" is unprefixed)."""
    prefix = "" if language == "en" else f"/{language}"
    queue = deque([f"{prefix}/", *[f"{prefix}{url}" for url in extra]])
    seen: set[str] = set(queue)
    pages: dict[str, str] = {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        final = response.request["PATH_INFO"] + (
            "?" + response.request["QUERY_STRING"] if response.request.get("QUERY_STRING") else ""
        )
        if final.startswith("/accounts/login") or final.startswith(f"{prefix}/accounts/login"):
            if "login" in pages:
                continue
            final = "login"
        html = response.content.decode()
        pages[final] = html
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
                continue
            if language_of(parts.path) != language:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages
