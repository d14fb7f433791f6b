"""Cyrillic → Latin: the national transliteration tables, defined once.

- Serbian: the official Gaj Latin alphabet (one letter for one letter, but љ њ џ → lj nj dž);
- Ukrainian: Cabinet of Ministers resolution 55/2010 (passports), with its word-initial forms;
- Russian: ICAO Doc 9303 as used in Russian passports since 2013 (record linkage), and the
  customary English spellings (й y, ю yu, я ya) under which place names are known (the gazetteer).

`transliterate` picks the table from letters only one of the languages has. Used by the gazetteer
(`kompass.lib.places`), record linkage (`kompass.stats.linkage.normalise`) and the job-offer cues
(`kompass.recruitment.cues`).
"""

from __future__ import annotations

import re

SERBIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip
UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    "ы": "y", "э": "e", "ё": "e", "ъ": "",
}  # fmt: skip
# At the start of a word the Ukrainian table writes є ї й ю я as ye yi y yu ya.
UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# The spellings English texts and maps use (Yalta, Ryazan, Odesa's Russian form Odessa).
RUSSIAN_CUSTOMARY = RUSSIAN | {
    "й": "y", "ъ": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "", "’": "",
}  # fmt: skip
TABLES = {"sr": SERBIAN, "uk": UKRAINIAN, "ru": RUSSIAN}

CYRILLIC = re.compile("[\u0400-\u04ff]")
_UK_ONLY = set("іїєґ")
_SR_ONLY = set("ђјљњћџ")
_RU_ONLY = set("ыэъё")


def cyrillic_language(text: str) -> str:
    """Guess which table to use from letters only one of the languages has (default Ukrainian)."""
    letters = set(text.lower())
    if letters & _SR_ONLY:
        return "sr"
    if letters & _UK_ONLY:
        return "uk"
    if letters & _RU_ONLY:
        return "ru"
    return "uk"


def transliterate(text: str, language: str | None = None) -> str:
    """Cyrillic → Latin with the table of the (guessed) language, keeping capitals; other text unchanged."""
    if not CYRILLIC.search(text):
        return text
    language = language or cyrillic_language(text)
    table = TABLES[language]
    out = []
    at_start = True
    for ch in text:
        low = ch.lower()
        if language == "uk" and at_start and low in UKRAINIAN_INITIAL:
            rep = UKRAINIAN_INITIAL[low]
        else:
            rep = table.get(low, ch)
        if ch != low and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        at_start = not ch.isalpha()
    return "".join(out)
