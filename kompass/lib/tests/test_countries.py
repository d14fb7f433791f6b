from kompass.lib import countries


def test_alpha2_and_alpha3_both_ways():
    assert countries.to_alpha3("rs") == "SRB" and countries.to_alpha2("MDA") == "MD"
    assert countries.to_alpha3("") == "" and countries.to_alpha2("XYZ") == ""
    assert countries.is_alpha3("ROU") and not countries.is_alpha3("RO")
    assert all(countries.to_alpha2(countries.to_alpha3(a2)) == a2 for a2 in countries.ALPHA3)
