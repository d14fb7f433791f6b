"""The pages for young people and parents, and the platform guides, stored as data (five languages).

Texts live in content/*.yaml so that a reviewer reads them as a whole; every text must exist in
every language (checked when the files are loaded, and by the tests).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kompass.lib.i18n import missing_languages, translated

CONTENT = Path(__file__).resolve().parent / "content"


def _check(where: str, text: dict) -> dict:
    missing = missing_languages(text)
    if missing:
        raise ValueError(f"{where}: missing {missing} in {text}")
    return text


@dataclass(frozen=True)
class Topic:
    """One "something is wrong online" page: what it is, how it starts, what to do."""

    slug: str
    concern: str
    takedown: bool
    title: dict
    summary: dict
    signs: tuple[dict, ...]
    steps: tuple[dict, ...]

    def title_in(self, language: str | None = None) -> str:
        return translated(self.title, language)

    def summary_in(self, language: str | None = None) -> str:
        return translated(self.summary, language)

    def signs_in(self, language: str | None = None) -> list[str]:
        return [translated(t, language) for t in self.signs]

    def steps_in(self, language: str | None = None) -> list[str]:
        return [translated(t, language) for t in self.steps]


@dataclass(frozen=True)
class Section:
    key: str
    heading: dict
    items: tuple[dict, ...]

    def heading_in(self, language: str | None = None) -> str:
        return translated(self.heading, language)

    def items_in(self, language: str | None = None, limit: int | None = None) -> list[str]:
        return [translated(t, language) for t in self.items[:limit]]

    def handout_items(self) -> list[str]:
        """The first three items: what fits on the one-page handout (the most important come first)."""
        return self.items_in(limit=3)


@dataclass(frozen=True)
class ParentsPage:
    title: dict
    summary: dict
    sections: tuple[Section, ...]

    def title_in(self, language: str | None = None) -> str:
        return translated(self.title, language)

    def summary_in(self, language: str | None = None) -> str:
        return translated(self.summary, language)


@dataclass(frozen=True)
class PlatformGuide:
    """How to report on one platform, following the platform's own help page (`source`)."""

    code: str
    name: str
    source: str
    verified: datetime.date
    steps: tuple[dict, ...]

    def steps_in(self, language: str | None = None) -> list[str]:
        return [translated(t, language) for t in self.steps]


def _load(name: str) -> dict:
    import yaml  # imported where used: start-up stays light (docs/architecture.md)

    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


@cache
def topics() -> tuple[Topic, ...]:
    out = []
    for raw in _load("young.yaml")["topics"]:
        where = f"young.yaml {raw['slug']}"
        out.append(
            Topic(
                slug=raw["slug"],
                concern=raw["concern"],
                takedown=bool(raw["takedown"]),
                title=_check(where, raw["title"]),
                summary=_check(where, raw["summary"]),
                signs=tuple(_check(where, t) for t in raw["signs"]),
                steps=tuple(_check(where, t) for t in raw["steps"]),
            )
        )
    return tuple(out)


def topic(slug: str) -> Topic | None:
    return next((t for t in topics() if t.slug == slug), None)


@cache
def parents_page() -> ParentsPage:
    raw = _load("parents.yaml")
    sections = tuple(
        Section(
            key=s["key"],
            heading=_check(f"parents.yaml {s['key']}", s["heading"]),
            items=tuple(_check(f"parents.yaml {s['key']}", t) for t in s["items"]),
        )
        for s in raw["sections"]
    )
    return ParentsPage(
        title=_check("parents.yaml", raw["title"]),
        summary=_check("parents.yaml", raw["summary"]),
        sections=sections,
    )


@cache
def platform_guides() -> tuple[PlatformGuide, ...]:
    raw = _load("platforms.yaml")
    verified = raw["verified"]
    return tuple(
        PlatformGuide(
            code=p["code"],
            name=p["name"],
            source=p["source"],
            verified=p.get("verified", verified),
            steps=tuple(_check(f"platforms.yaml {p['code']}", t) for t in p["steps"]),
        )
        for p in raw["platforms"]
    )


def platform_guide(code: str) -> PlatformGuide | None:
    return next((p for p in platform_guides() if p.code == code), None)
