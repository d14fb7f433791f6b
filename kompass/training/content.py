"""Self-help pages for professionals, stored as data in content/self_help.yaml (five languages)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kompass.lib.i18n import missing_languages, translated

CONTENT = Path(__file__).resolve().parent / "content" / "self_help.yaml"


@dataclass(frozen=True)
class Section:
    heading: dict
    paragraphs: tuple[dict, ...]
    items: tuple[dict, ...]

    def heading_in(self, language=None) -> str:
        return translated(self.heading, language)

    def paragraphs_in(self, language=None) -> list[str]:
        return [translated(p, language) for p in self.paragraphs]

    def items_in(self, language=None) -> list[str]:
        return [translated(i, language) for i in self.items]


@dataclass(frozen=True)
class Page:
    slug: str
    title: dict
    summary: dict
    sections: tuple[Section, ...]

    def title_in(self, language=None) -> str:
        return translated(self.title, language)

    def summary_in(self, language=None) -> str:
        return translated(self.summary, language)


@cache
def self_help_pages() -> list[Page]:
    import yaml  # imported where used: start-up stays light (docs/architecture.md)

    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    pages = []
    for raw in data["pages"]:
        sections = tuple(
            Section(
                heading=s["heading"],
                paragraphs=tuple(s.get("paragraphs", [])),
                items=tuple(s.get("items", [])),
            )
            for s in raw["sections"]
        )
        page = Page(slug=raw["slug"], title=raw["title"], summary=raw["summary"], sections=sections)
        texts = [page.title, page.summary] + [
            t for s in sections for t in (s.heading, *s.paragraphs, *s.items)
        ]
        for text in texts:
            if missing_languages(text):
                raise ValueError(f"self-help page {page.slug}: missing {missing_languages(text)} in {text}")
        pages.append(page)
    return pages


def self_help_page(slug: str) -> Page | None:
    return next((p for p in self_help_pages() if p.slug == slug), None)
