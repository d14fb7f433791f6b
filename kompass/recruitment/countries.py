"""Which language an offer is written in, and which countries it names as the place of work.

Both work on the folded text of `cues` (lower case, no diacritics; Serbian Cyrillic also seen in
Latin), so that "в Польщі", "în Polonia", "u Poljskoj" and "у Пољској" all name Poland.
Pure Python, no Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kompass.recruitment.folding import canonical_fold, fold

# ISO 3166-1 alpha-2 → stems of the country's name and main cities in en, ro, uk, ru and sr
# (folded: "Ș"→"s", "ї"→"і", "й"→"и"). A stem matches at the start of a word.
_COUNTRY_STEMS: dict[str, tuple[str, ...]] = {
    "RO": ("romania", "romani[ae]i", "румуні", "румыни", "rumunij", "bucharest", "bucuresti", "бухарест"),
    "MD": ("moldova", "moldavi", "молдов", "молдав", "moldavij", "chisinau", "кишин", "balti", "бельц", "cahul",
           "кагул", "tiraspol", "тираспол", "orhei", "орхе", "ungheni", "унгень", "унген", "comrat", "комрат"),
    "UA": ("ukrain", "ucrain", "україн", "украин", "ukrajin", "kyiv", "kiev", "києв", "киев", "kijev"),
    "RS": ("serbia", "сербі", "сербии", "сербия", "srbij", "belgrade", "belgrad", "белград", "beograd"),
    "PL": ("poland", "polish", "poloni", "polsk", "польщ", "польш", "польск", "poljsk", "warsaw", "varsovia",
           "варшав", "varsav", "wroclaw", "вроцлав", "krakow", "cracovia", "краков", "poznan", "познан",
           "gdansk", "гданськ", "гданьск", "lodz", "лодз"),
    "DE": ("germany", "german", "germani", "німеччин", "германи", "немечк", "nemack", "nemck", "berlin",
           "берлін", "берлин", "munich", "munchen", "мюнхен", "hamburg", "гамбург", "frankfurt", "франкфурт"),
    "CZ": ("czech", "cehi", "чехі", "чехи", "чешск", "cesk", "prague", "praga", "прага", "празі",
           "brno", "брно"),
    "IT": ("italy", "itali", "італі", "итали", r"rome(?!\w)", r"рим(?:і|е|а)?(?!\w)", "milano", r"мілан(?!\w)"),
    "ES": ("spain", "spani", "іспані", "испани", "spanij", "madrid", "мадрид", "barcelona", "барселон",
           "huelva", "уэльв", "almeria", "альмер"),
    "NL": ("netherlands", "holland", "dutch", "olanda", "olandei", "tarile de jos", "нідерланд", "голланд",
           "нидерланд", "holandij", "holandi", "amsterdam", "амстердам", "rotterdam", "роттердам"),
    "AT": ("austria", "австрі", "австри", "austrij", "vienna", "viena", "wien", "відн", "вена", "вене"),
    "GB": ("united kingdom", "britain", "british", "england", "scotland", "marea britanie", "anglia",
           "британі", "британи", r"англі(?:я|ї|ю)(?!\w)", r"англи(?:я|и|ю)(?!\w)", "velika britanij", "velikoj britanij", "engleskoj",
           "engleska", "london", "londra", "лондон", "londonu"),
    "US": ("united states", "usa(?!\\w)", "u\\.s\\.a?\\.?", "new york", "california", "texas", "florida", "chicago",
           "los angeles", "san francisco", "boston", "seattle", "сша", "америк", "statele unite", "sjedinjen", "сједињен"),
    "AE": ("dubai", "dubaj", "дуба[иїйе]", "uae", "emirates", "emiratele", "емірат", "эмират", "оае",
           "оаэ", "emirat", "abu dhabi", "абу-дабі", "абу-даби"),
    "TR": ("turkey", "turkiye", "turcia", "туреччин", "турци", "турск", "turska", "turskoj", "istanbul",
           "стамбул", "antalya", "анталі", "анталь"),
    "IL": ("israel", "ізраїл", "израил", "izrael", "tel aviv", "тель-авів", "тель-авив"),
    "CY": ("cyprus", "cipru", "кіпр", "кипр", "kipar", "kipr", "limassol", "лімасол", "лимассол"),
    "GR": ("greece", "grecia", "греці", "греци", "grck", "grcij", "athens", "atena", "афін", "афин"),
    "FR": ("france", "franta", "франці", "франци", "francusk", "paris", "париж"),
    "BE": ("belgium", "belgia", "бельгі", "бельги", "belgij"),
    "HU": ("hungary", "ungaria", "угорщин", "венгри", "madjarsk", "madarsk", "budapest", "будапешт"),
    "BG": ("bulgaria", "болгарі", "болгари", "bugarsk", "sofia", "софі", "софи"),
    "JP": ("japan", "japonia", "японі", "япони"),
    "KR": ("korea", "coreea", r"коре(?:я|ї|ю|е)(?!\w)", "корейськ", "корейск", "korej"),
    "QA": ("qatar", "катар", "katar", "doha", "доха"),
    "SA": ("saudi", "arabia saudit", "сауд", "saudijsk"),
    "KH": ("cambodia", "cambodgia", "камбодж", "kambodz", "phnom penh", "пномпен", "sihanoukville", "сіанукв",
           "сиануквил"),
    "MM": ("myanmar", "burma", "мянм", "м'янм", "мьянм", "mjanmar", "birmani", "бірм", "бирм"),
    "LA": ("laos", "лаос"),
    "TH": ("thailand", "thailanda", "таїланд", "таиланд", "тайланд", "tajland", "bangkok", "бангкок"),
    "PH": ("philippines", "filipine", "філіппін", "филиппин", "filipin", "manila", "манил"),
    "MY": ("malaysia", "malaezia", "малайзі", "малайзи", "malezij", "kuala lumpur", "куала"),
    "VN": ("vietnam", "в'єтнам", "вєтнам", "вьетнам", "vijetnam"),
}  # fmt: skip

# Where scam compounds recruit for "online" work (UNODC 2023, IOM and La Strada warnings).
SCAM_HUBS = frozenset({"KH", "MM", "LA", "TH", "PH", "MY", "VN", "AE", "QA", "SA"})


def _stem_regex(stems: tuple[str, ...]) -> str:
    return r"(?<!\w)(?:" + "|".join(stems) + r")\w*"


COUNTRY_PATTERNS: dict[str, re.Pattern] = {
    iso: re.compile(fold(_stem_regex(stems))) for iso, stems in _COUNTRY_STEMS.items()
}
# One regex for all of them, to find the spans of place names (evidence).
ANY_COUNTRY = re.compile(fold(_stem_regex(tuple(s for stems in _COUNTRY_STEMS.values() for s in stems))))

# The Ukrainian and Russian names again, for the canonical view (also in Latin transliteration:
# "v Polshchi", "v Nimechchyni", "v Yaponii").
_CYRILLIC = re.compile("[\u0400-\u04ff]")
CANONICAL_COUNTRY_PATTERNS: dict[str, re.Pattern] = {
    iso: re.compile(canonical_fold(_stem_regex(tuple(s for s in stems if _CYRILLIC.search(s)))))
    for iso, stems in _COUNTRY_STEMS.items()
    if any(_CYRILLIC.search(s) for s in stems)
}
CANONICAL_ANY_COUNTRY = re.compile(
    canonical_fold(
        _stem_regex(tuple(s for stems in _COUNTRY_STEMS.values() for s in stems if _CYRILLIC.search(s)))
    )
)

# A word "abroad" in the five languages.
ABROAD_WORDS = re.compile(
    fold(
        r"(?<!\w)(?:abroad|overseas|за кордон\w*|за границ\w*|закордон\w*|зарубеж\w*|[iî]n str[aă]in[aă]tate|"
        r"in strainatate|peste hotare|u inostranstv\w*|inostranstv\w*|у иностранств\w*|u inostranstvu|"
        r"van zemlje|ван земље|in the eu|in europe|в (?:європ|европ)\w*|в ес\b|u eu\b|[iî]n europa|u evrop\w*)"
    )
)


@lru_cache(maxsize=2048)
def country_of(name: str, canonical: bool = False) -> str:
    """The ISO code of one place name found by ANY_COUNTRY (or CANONICAL_ANY_COUNTRY)."""
    patterns = CANONICAL_COUNTRY_PATTERNS if canonical else COUNTRY_PATTERNS
    return next((iso for iso, pattern in patterns.items() if pattern.match(name)), "")


def countries_named(folded: str, *, canonical: bool = False) -> list[str]:
    """ISO codes of the countries named in the (folded, or canonical) text, in order of first mention."""
    found: list[str] = []
    for match in (CANONICAL_ANY_COUNTRY if canonical else ANY_COUNTRY).finditer(folded):
        iso = country_of(match.group(), canonical)
        if iso and iso not in found:
            found.append(iso)
    return found


# -- language -----------------------------------------------------------------------------------

LANGUAGES = ("en", "ro", "uk", "ru", "sr")
HOME_COUNTRY = {"ro": "RO", "uk": "UA", "sr": "RS", "ru": "", "en": ""}

_WORDS = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "you",
            "your",
            "we",
            "our",
            "with",
            "for",
            "will",
            "are",
            "this",
            "that",
            "to",
            "of",
            "in",
            "is",
            "be",
            "on",
            "have",
            "work",
            "job",
        ]
    ),
    "ro": frozenset(
        [
            "si",
            "de",
            "la",
            "in",
            "cu",
            "pentru",
            "pe",
            "este",
            "sunt",
            "un",
            "o",
            "care",
            "se",
            "va",
            "nu",
            "din",
            "ca",
            "mai",
            "sau",
            "locuri",
            "munca",
        ]
    ),
    "sr": frozenset(
        [
            "i",
            "u",
            "na",
            "za",
            "je",
            "su",
            "se",
            "da",
            "od",
            "sa",
            "po",
            "kao",
            "sve",
            "ili",
            "posao",
            "rad",
            "plata",
            "nije",
            "mesto",
            "sati",
        ]
    ),
}
_SR_CYRILLIC = set("ђјљњћџ")
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]")
_LATIN_RUN = re.compile("[a-z]")
_UK_LETTERS = set("іїєґ")
_RU_LETTERS = set("ыэъё")


def guess_language(text: str) -> str:
    """en, ro, uk, ru or sr, from letters only one language has and from common short words."""
    lowered = text[:3000].lower()
    letters = set(lowered)
    cyrillic = len(_CYRILLIC_RUN.findall(lowered))
    latin = len(_LATIN_RUN.findall(lowered))
    if cyrillic > latin:
        if letters & _SR_CYRILLIC:
            return "sr"
        uk = sum(lowered.count(ch) for ch in _UK_LETTERS)
        ru = sum(lowered.count(ch) for ch in _RU_LETTERS)
        if uk >= ru and uk:
            return "uk"
        if ru:
            return "ru"
        return "uk"
    if letters & set("ășțşţ"):
        return "ro"
    if letters & set("čćđžš"):
        return "sr"
    words = _WORDS.findall(lowered)
    counts = {lang: len(stops.intersection(words)) for lang, stops in _STOPWORDS.items()}
    best = max(("ro", "sr"), key=lambda lang: counts[lang])
    # Romanian or Serbian only on clear evidence: a few of their short words, more than English ones.
    return best if counts[best] >= 3 and counts[best] > counts["en"] else "en"
