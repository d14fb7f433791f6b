from django.utils import translation

from kompass.lib.i18n import missing_languages, translated


def test_translated_prefers_active_language_then_english():
    text = {"en": "Call", "uk": "Дзвоніть"}
    with translation.override("uk"):
        assert translated(text) == "Дзвоніть"
    with translation.override("ro"):
        assert translated(text) == "Call"
    assert translated({"ru": "Звоните"}, "ro") == "Звоните"
    assert translated(None) == ""


def test_missing_languages_lists_empty_ones():
    assert missing_languages({"en": "a", "ro": " ", "uk": "b", "ru": "c"}) == ["ro", "sr-latn"]
