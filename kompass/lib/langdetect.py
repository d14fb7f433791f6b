"""Which language a message is written in: py3langid (a naive Bayes model shipped inside its wheel).

Nothing is translated (no translation service is reachable); the reader is told the language, by
its name in their own language (`lib.i18n.language_name`), and may switch the page to it.
"""

import functools

# The languages written on the coalition's referrals and by the people it assists. A guess outside
# this list would more often be wrong than useful. Croatian and Bosnian are left out on purpose:
# on a short Serbian message in Latin script the model often hesitates between the three, and the
# coalition has partners in Serbia, none in Croatia or Bosnia (decision 0066).
CANDIDATES = (
    "en", "ro", "uk", "ru", "sr", "bg", "hu", "de", "fr", "it", "es", "pl", "tr", "ar", "fa", "vi", "ne", "hi",
    "bn", "ur", "si", "ta",
)  # fmt: skip
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 12  # below this the model guesses


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy: only when a message is written

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def detect_language(text: str) -> str:
    """The language code of `text` ("ro", "uk", "sr-latn"…), or "" when it is too short or unclear.

    Serbian is told apart by script: "sr" in Cyrillic, "sr-latn" in Latin letters (Django's codes).
    """
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return ""
    language, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE or language not in CANDIDATES:
        return ""
    if language == "sr":
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
        return "sr" if cyrillic > len(letters) / 2 else "sr-latn"
    return language
