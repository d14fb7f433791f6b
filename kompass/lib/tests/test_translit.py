import pytest

from kompass.lib import translit
from kompass.lib.translit import cyrillic_language, transliterate


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
