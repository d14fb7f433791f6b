import re

import pytest

from kompass.lib import translit
from kompass.lib.translit import (
    canonical,
    canonical_pattern,
    canonical_with_origin,
    cyrillic_language,
    transliterate,
)


@pytest.mark.parametrize(
    ("text", "language", "latin"),
    [
        ("Ђорђевић", "sr", "Đorđević"),
        ("Љубљана Џеваир", "sr", "Ljubljana Dževair"),
        ("Олександр Юрченко", "uk", "Oleksandr Yurchenko"),  # word-initial ю → yu
        ("Їжакевич", "uk", "Yizhakevych"),
        ("Фёдор Юрьевич Щербаков", "ru", "Fedor Iurevich Shcherbakov"),  # ICAO 9303
        ("Maria Popescu", "uk", "Maria Popescu"),
    ],
)
def test_transliterate_by_national_table(text, language, latin):
    assert cyrillic_language(text) == language or not translit.CYRILLIC.search(text)
    assert transliterate(text) == latin


def test_every_table_maps_lower_case_cyrillic_only():
    for table in (translit.SERBIAN, translit.UKRAINIAN, translit.RUSSIAN, translit.RUSSIAN_CUSTOMARY):
        for letter in table:
            assert letter == letter.lower()
            assert translit.CYRILLIC.match(letter) or letter in "'’ʼ"


def test_the_gazetteer_linkage_and_cues_share_the_tables():
    from kompass.lib import places
    from kompass.recruitment import cues
    from kompass.stats.linkage import normalise

    assert "dordevic" in places.transliterations("Ђорђевић")  # Gaj, then folded
    assert {"yurii", "yuriy"} <= places.transliterations("Юрій")  # Ukrainian and customary Russian
    assert normalise.normalise_text("Ђорђевић") == "dordevic"
    assert cues.SERBIAN is places.SERBIAN is translit.SERBIAN
    assert normalise.transliterate is translit.transliterate


# -- the canonical spelling of Ukrainian and Russian (job-offer cues) ------------------------------
@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("паспорт залишимо у себе", "pasport zalyshymo u sebe"),  # KMU 55/2010
        ("паспорт залишимо у себе", "pasport zalishimo u sebe"),  # English habits
        ("паспорт залишимо у себе", "pasport zališimo u sebe"),  # Latin with diacritics
        ("паспорт оставим у себя", "pasport ostavim u sebya"),
        ("паспорт оставим у себя", "pasport ostavim u sebja"),
        ("паспорт оставим у себя", "pasport ostavim u sebia"),  # ICAO
        ("зарплата 3000 євро", "zarplata 3000 evro"),
        ("зарплата 3000 євро", "zarplata 3000 yevro"),
        ("агенція", "agentsiya"),
        ("агенція", "agencija"),
        ("щодня", "shchodnia"),
        ("щодня", "szczodnia"),
        ("хостес", "khostes"),
        ("хостес", "hostes"),
    ],
)
def test_canonical_reads_transliterations_like_cyrillic(cyrillic, latin):
    assert canonical(latin) == canonical(cyrillic)


@pytest.mark.parametrize(
    "text",
    ["Паспорт, ми його ЗАЛИШИМО!", "Pasport ostavim u sebya", "Єдине — щоденно: 3 000 €", "ґ'ї ь ", ""],
)
def test_canonical_with_origin_gives_the_same_text_and_maps_back(text):
    out, origin = canonical_with_origin(text)
    assert out == canonical(text)
    assert len(origin) == len(out)
    assert list(origin) == sorted(origin) and all(0 <= i < len(text) for i in origin)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?:залиш\w*|оставим)\s+(?:\w+\s+){0,2}?паспорт\w*", "zalyshymo vash pasport"),
        (r"пере[дт]оплат\w*", "peredoplata"),
        (r"(?<!\w)внес(?:ок|ку)(?!\w)", "vnesok"),
        (r"[её]ш?ко", "yeshko"),
        (r"(?P<EUR>євро)", "yevro"),
    ],
)
def test_canonical_pattern_matches_transliterated_text(pattern, text):
    assert re.search(canonical_pattern(pattern), canonical(text))
