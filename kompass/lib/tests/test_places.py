import pytest

from kompass.lib.places import PlaceNotFound, fold, gazetteer, point_place, resolve_place, transliterations


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


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("Medyka-Shehyni", "PL"),
        ("Shehyni–Medyka", "PL"),
        ("Шегині - Медика", "PL"),
        ("Rawa Ruska-Hrebenne", "PL"),
        ("Krakovets-Korczowa", "PL"),
        ("Porubne-Siret", "RO"),
        ("Vylok - Tisabech", "HU"),
        ("Mamalyha", "MD"),
        ("Mohyliv-Podilskyi - Otaci", "MD"),
    ],
)
def test_border_crossings_resolve(query, country):
    place = resolve_place(query)
    assert place.id.startswith("bc-"), query
    assert place.country == country, query


@pytest.mark.parametrize(("query", "expected"), [("Siret", ("Siret", "RO")), ("Chop", ("Chop", "UA"))])
def test_a_town_named_like_one_side_of_a_crossing_stays_the_town(query, expected):
    place = resolve_place(query)
    assert (place.name, place.country) == expected


def test_every_crossing_lies_near_both_named_settlements_border():
    # Positions come from GeoNames settlements on either side: each is within 20 km of the border
    # pair's towns, so never in the wrong region (a wrong match would be hundreds of km off).
    from kompass.lib.geo import haversine_km
    from kompass.lib.places import border_crossings

    crossings = border_crossings()
    assert len(crossings) >= 25
    for crossing in crossings:
        near = gazetteer().nearest(crossing.lat, crossing.lon, max_km=40)
        assert near is not None and near.country in {"UA", crossing.country}, crossing.name
        assert haversine_km(crossing.lat, crossing.lon, near.lat, near.lon) < 40
