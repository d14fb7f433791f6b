"""Text views the checker matches on, each with a map back to the characters of the offer.

- the *folded* view: lower case, diacritics removed (ș→s, ž→z, ї→і, й→и, ё→е), so that "fara"
  matches "fără" and offers typed without diacritics;
- the *Latin* view: the folded view with Cyrillic written in Serbian Latin (the project's one
  Serbian table, `kompass.lib.translit.SERBIAN`), so that one set of Serbian patterns covers
  both scripts ("пасош" → "pasos") and Latin transliterations of Russian and Ukrainian words
  ("pasport") are found in Cyrillic text as well;
- the *canonical* view (`kompass.lib.translit.canonical`): Ukrainian and Russian in either script,
  written one way. Cyrillic goes letter by letter through the one canonical table, Latin
  transliterations (passport, Volapuk, Polish or Serbian style, with or without diacritics) are
  folded to the same letters ("zalyshymo", "zalishimo", "залишимо" → "zalishimo"). The Ukrainian
  and Russian patterns are written in Cyrillic and matched on this view, so "pasport ostavim u
  sebya" is read like "паспорт оставим у себя".

Before either view, look-alike letters of the other script inside a word ("пaспoрт" typed with
Latin a and o, a trick to slip past filters) are replaced by the letters of the word's own script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kompass.lib.translit import SERBIAN, canonical, canonical_pattern, canonical_with_origin

SERBIAN_LETTERS = re.compile("[" + "".join(SERBIAN) + "]")

# Latin letters that look like Cyrillic ones, both cases.
_LATIN_TO_CYRILLIC = dict(zip("aceopxyiABCEHKMOPTXki", "асеорхуіАВСЕНКМОРТХкі", strict=True))
_CYRILLIC_TO_LATIN = {cyr: lat for lat, cyr in _LATIN_TO_CYRILLIC.items()}
_MIXED_WORD = re.compile(r"\w*(?:[a-zA-Z]\w*[\u0400-\u04ff]|[\u0400-\u04ff]\w*[a-zA-Z])\w*")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")


def _unmix_word(match: re.Match) -> str:
    word = match.group()
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    latin = len(_LATIN_LETTER.findall(word))
    table = _LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN
    return "".join(table.get(ch, ch) for ch in word)


def unmix_scripts(text: str) -> str:
    """Replace look-alike letters of the other script inside mixed words (same length as `text`)."""
    return _MIXED_WORD.sub(_unmix_word, text)


def fold_char(char: str) -> str:
    lowered = char.lower()
    if lowered == "đ":
        return "d"
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped or lowered


_GROUP_NAME = re.compile(r"(\(\?P<\w+>)")


def fold(pattern: str) -> str:
    """Fold a pattern written with natural spelling the same way the text is folded."""
    out = []
    for index, part in enumerate(_GROUP_NAME.split(pattern)):
        if index % 2:  # a named group's opening, kept as written
            out.append(part)
            continue
        escaped = False
        for char in part:
            # Keep regex escapes such as \W, \S, \B as written.
            out.append(char if escaped else fold_char(char))
            escaped = char == "\\" and not escaped
    return "".join(out)


@dataclass(frozen=True)
class View:
    text: str
    origin: tuple[int, ...] | None  # origin[i] = index in the original text; None when 1:1

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=4096)
def _piece(char: str, latin: bool) -> str:
    lowered = char.lower()
    if latin:
        lowered = SERBIAN.get(lowered, lowered)
    return "".join(fold_char(c) for c in lowered)


def build_view(text: str, *, latin: bool) -> View:
    table = {char: _piece(char, latin) for char in set(text)}
    if all(len(piece) == 1 for piece in table.values()):
        # The common case: one character for one character, done in C by str.translate.
        return View(text.translate({ord(c): p for c, p in table.items()}), None)
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = table[char]
        out.append(piece)
        origin.extend([index] * len(piece))
    return View("".join(out), tuple(origin))


def views(text: str) -> list[View]:
    """The folded view, and the Latin view when the text has Cyrillic letters."""
    if _CYRILLIC_LETTER.search(text):
        if _LATIN_LETTER.search(text):
            text = unmix_scripts(text)
        return [build_view(text, latin=False), build_view(text, latin=True)]
    return [build_view(text, latin=False)]


@dataclass(frozen=True)
class CanonicalView(View):
    """The canonical view; the map back to the offer is worked out only when a cue matches."""

    source: str = ""

    @cached_property
    def _origin(self) -> tuple[int, ...]:
        text, origin = canonical_with_origin(self.source)
        assert text == self.text
        return origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._origin[start], self._origin[end - 1] + 1


def canonical_view(text: str) -> View:
    """The canonical view of Ukrainian and Russian (Cyrillic and its Latin transliterations)."""
    if _CYRILLIC_LETTER.search(text) and _LATIN_LETTER.search(text):
        text = unmix_scripts(text)
    return CanonicalView(canonical(text), None, text)


def canonical_fold(pattern: str) -> str:
    """A pattern written in Cyrillic (and Latin) turned into the canonical view's letters."""
    return canonical_pattern(fold(pattern))


__all__ = ["SERBIAN", "View", "build_view", "canonical", "canonical_fold", "canonical_view", "fold", "views"]
