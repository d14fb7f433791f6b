import pytest

from kompass.directory.places import PlaceNotFound, fold, point_place, resolve_place, transliterations


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("Одеса", None, ("Odesa", "UA")),
        ("Odesa", None, ("Odesa", "UA")),
        ("Odessa", None, ("Odesa", "UA")),
        ("Одесса", None, ("Odesa", "UA")),
        ("Кишинёв", None, ("Chisinau", "MD")),
        ("Кишинев", None, ("Chisinau", "MD")),
        ("Chișinău", None, ("Chisinau", "MD")),
        ("Chişinău", None, ("Chisinau", "MD")),
        ("chisinau", None, ("Chisinau", "MD")),
        ("Bucureşti", None, ("Bucharest", "RO")),
        ("București", None, ("Bucharest", "RO")),
        ("Bucharest", None, ("Bucharest", "RO")),
        ("Букурешт", None, ("Bucharest", "RO")),
        ("Бухарест", None, ("Bucharest", "RO")),
        ("Bukurešt", None, ("Bucharest", "RO")),
        ("Харків", None, ("Kharkiv", "UA")),
        ("Харьков", None, ("Kharkiv", "UA")),
        ("Львов", None, ("Lviv", "UA")),
        ("Бердичів", None, ("Berdychiv", "UA")),  # not curated: Ukrainian transliteration
        ("Vinnytsia", None, ("Vinnytsya", "UA")),  # skeleton of a transliteration variant
        ("Яссы", None, ("Iaşi", "RO")),
        ("Iasi", "RO", ("Iaşi", "RO")),
        ("Kraków", None, ("Kraków", "PL")),
        ("Cracovia", None, ("Kraków", "PL")),
        ("Beograd", None, ("Belgrade", "RS")),
        ("Нови Сад", None, ("Novi Sad", "RS")),
        ("Palanca", "MD", ("Palanca", "MD")),
        ("Medyka", None, ("Medyka", "PL")),
    ],
)
def test_names_in_every_language_and_script_resolve(query, country, expected):
    place = resolve_place(query, country)
    assert (place.name, place.country) == expected


def test_misspelling_gets_suggestions_not_a_guess():
    with pytest.raises(PlaceNotFound) as info:
        resolve_place("Odeska")
    assert ("Odesa", "UA") in [(p.name, p.country) for p in info.value.suggestions]


def test_country_filter_excludes_other_countries():
    with pytest.raises(PlaceNotFound):
        resolve_place("Odesa", "RO")


def test_display_names_per_language():
    place = resolve_place("Chisinau")
    assert place.display_name("ru") == "Кишинёв"
    assert place.display_name("ro") == "Chișinău"
    assert place.display_name("sr-latn") == "Kišinjev"


def test_fold_and_transliteration():
    assert fold("Sighetu  Marmaţiei") == "sighetu marmatiei"
    assert "kharkiv" in transliterations("Харків")
    assert "kharkov" in transliterations("Харьков")


def test_map_point_is_named_after_the_nearest_town():
    place = point_place(46.41, 30.09)
    assert place.country == "MD"
    assert "Palanca" in place.display_name("en")


def test_border_crossings_of_the_shared_gazetteer_resolve(shared_data):
    for query, country in [("Medyka-Shehyni", "PL"), ("Шегині - Медика", "PL"), ("Porubne-Siret", "RO"),
                           ("Mamalyha", "MD")]:  # fmt: skip
        place = resolve_place(query)
        assert place.country == country, query
