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


# -- one canonical spelling of Ukrainian and Russian, whatever the script -------------------------
# People write Ukrainian and Russian in Latin letters in many ways: the passport tables above
# ("zalyshymo"), English habits ("zalishimo"), Polish or Serbian letters ("zališimo", "szczo"),
# Volapuk ("pasport ostavim u sebja"). `canonical` writes Cyrillic letter by letter with one table
# and folds every Latin spelling of the same sound onto it, so that one Cyrillic pattern, passed
# through `canonical_pattern`, reads all of them. The result is only ever matched, never shown.
# г, ґ and х all become "h" (Ukrainian г is h in Latin, Russian х is often h); и, і, ї, й, ы, j, y
# become "i" (runs of i collapse).
CANONICAL = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "h", "д": "d", "е": "e", "ё": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ь": "", "ъ": "", "ы": "i", "э": "e", "ю": "iu",
    "я": "ia", "ђ": "dj", "ј": "i", "љ": "li", "њ": "ni", "ћ": "ch", "џ": "dzh",
    # Latin letters with diacritics used for the same sounds (Serbian, Czech, Polish, Romanian).
    "š": "sh", "ž": "zh", "č": "ch", "ć": "ch", "đ": "dj", "ș": "sh", "ş": "sh", "ț": "ts",
    "ţ": "ts", "ł": "l", "ś": "s", "ź": "z", "ż": "zh", "ń": "n",
}  # fmt: skip
# Latin spellings of one sound, longest first (applied after the table above).
_LATIN_RULES = {
    "szcz": "sh", "shch": "sh", "sch": "sh", "sz": "sh", "cz": "ch", "kh": "h", "gh": "h", "tz": "ts",
    "ch": "ch", "c": "ts", "g": "h", "x": "h", "w": "v", "q": "k", "y": "i", "j": "i",
}  # fmt: skip
_LATIN_RULE = re.compile("|".join(_LATIN_RULES))
_I_RUN = re.compile("i{2,}")
# At the start of a word є (and Russian е) is written ye, je, ie or e: all become "e".
_INITIAL_IE = re.compile("(?<![a-z])ie")


def _canonical_char(char: str) -> str:
    low = char.lower()
    piece = CANONICAL.get(low)
    if piece is not None:
        return piece
    if low.isascii():
        return low
    import unicodedata

    decomposed = unicodedata.normalize("NFD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or low


_CHAR_CACHE: dict[str, str] = {}


def canonical_with_origin(text: str) -> tuple[str, tuple[int, ...]]:
    """`canonical(text)` and, for each of its characters, the index of the character it came from."""
    import numpy as np  # only when a cue matched (the start-up of Kompass stays without NumPy)

    for char in set(text).difference(_CHAR_CACHE):
        _CHAR_CACHE[char] = _canonical_char(char)
        _TRANSLATE[ord(char)] = _CHAR_CACHE[char]
    out = text.translate(_TRANSLATE)
    origin = np.repeat(np.arange(len(text)), [len(_CHAR_CACHE[char]) for char in text])
    for rule, replace in (
        (_LATIN_RULE, _LATIN_RULES.__getitem__),
        (_I_RUN, lambda _group: "i"),
        (_INITIAL_IE, lambda _group: "e"),
    ):
        parts, origins, last = [], [], 0
        for match in rule.finditer(out):
            replacement = replace(match.group())
            parts += [out[last : match.start()], replacement]
            origins += [origin[last : match.start()], np.full(len(replacement), origin[match.start()])]
            last = match.end()
        if last:
            parts.append(out[last:])
            origins.append(origin[last:])
            out, origin = "".join(parts), np.concatenate(origins)
    return out, tuple(origin.tolist())


_TRANSLATE: dict[int, str] = {}


def canonical(text: str) -> str:
    """Ukrainian or Russian in Cyrillic or in any Latin transliteration, written one way (lower case).

    The same steps as `canonical_with_origin` without the origin, done by str.translate and
    regex substitutions (a test checks that both give the same text)."""
    for char in set(text).difference(_CHAR_CACHE):
        _CHAR_CACHE[char] = _canonical_char(char)
        _TRANSLATE[ord(char)] = _CHAR_CACHE[char]
    out = text.translate(_TRANSLATE)
    out = _LATIN_RULE.sub(lambda match: _LATIN_RULES[match.group()], out)
    out = _I_RUN.sub("i", out)
    return _INITIAL_IE.sub("e", out)


_CLASS = re.compile(r"\[(\^?)((?:\\.|[^\]\\])+)\]")
_QUANTIFIER = "?*+{"


def canonical_pattern(pattern: str) -> str:
    """A regular expression written in Cyrillic (or Latin) letters, for text passed through `canonical`.

    Runs of letters are converted like text; a letter class becomes an alternation when one of
    its letters turns into two ("[шщ]" → "(?:sh)"); a quantified letter keeps its quantifier on
    the whole converted letter ("ш?" → "(?:sh)?"). Escapes, classes with ranges or symbols and
    group names are kept as written.
    """
    out: list[str] = []
    index, length = 0, len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if pattern.startswith("(?P<", index):
            end = pattern.index(">", index) + 1
            out.append(pattern[index:end])
            index = end
            continue
        if char == "[":
            match = _CLASS.match(pattern, index)
            if match is None:  # not a class we can read: keep the rest as written
                out.append(pattern[index:])
                break
            negated, body = match.groups()
            if not negated and body.isalpha():
                choices = sorted({canonical(c) for c in body}, key=lambda c: (-len(c), c))
                if all(len(c) == 1 for c in choices):
                    out.append("[" + "".join(choices) + "]")
                else:
                    out.append("(?:" + "|".join(choices) + ")")
            else:
                out.append(match.group())
            index = match.end()
            continue
        if char.isalpha() or char == "'":
            end = index
            while end < length and (pattern[end].isalpha() or pattern[end] == "'"):
                end += 1
            run = pattern[index:end]
            quantified = end < length and pattern[end] in _QUANTIFIER
            head, last = (run[:-1], run[-1]) if quantified else (run, "")
            out.append(canonical(head))
            if last:
                piece = canonical(last)
                out.append(piece if len(piece) == 1 else f"(?:{piece})")
            index = end
            continue
        out.append(char)
        index += 1
    return "".join(out)
