import pytest

from kompass.lib.langdetect import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The person needs a shelter place for two nights, please confirm today.", "en"),
        ("Persoana are nevoie de un loc într-un adăpost pentru două nopți, vă rugăm să confirmați.", "ro"),
        ("Людині потрібне місце в притулку на дві ночі, будь ласка, підтвердіть сьогодні.", "uk"),
        ("Человеку нужно место в приюте на две ночи, пожалуйста, подтвердите сегодня.", "ru"),
        ("Osobi je potreban smeštaj u sigurnoj kući na dve noći, molimo potvrdite danas.", "sr-latn"),
        ("Особи је потребан смештај у сигурној кући на две ноћи, молимо потврдите данас.", "sr"),
    ],
)
def test_the_language_of_a_message(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "ok", "12345 678 90", "—"])
def test_too_little_text_says_nothing(text):
    assert detect_language(text) == ""
