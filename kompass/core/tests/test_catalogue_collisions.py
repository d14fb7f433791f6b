"""One msgid, one translation across every catalogue.

Django merges all catalogues of a language into one (LOCALE_PATHS first, then the apps in
INSTALLED_APPS order), so a msgid translated differently in two catalogues shows one app's
translation in the other's pages: "Address" on directory pages read "IP address" (the audit trail's
column) in four languages. Where the same English word means different things, the source gives it
a context (`pgettext`, `{% translate "Address" context "IP address" %}`), which keeps the entries apart.
"""

import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

LOCALES = ["ro", "uk", "ru", "sr_Latn"]


def catalogues(locale: str) -> list[Path]:
    """Every django.po Django merges for `locale`: LOCALE_PATHS, then each installed app's locale/."""
    dirs = [Path(p) for p in settings.LOCALE_PATHS]
    dirs += [Path(app.path) / "locale" for app in apps.get_app_configs() if app.name.startswith("kompass.")]
    return [
        d / locale / "LC_MESSAGES" / "django.po"
        for d in dirs
        if (d / locale / "LC_MESSAGES" / "django.po").exists()
    ]


def collisions(files: list[Path]) -> list[str]:
    """Entries with the same context and msgid but different translations in two catalogues."""
    seen: dict[tuple, dict[str, object]] = defaultdict(dict)
    for path in files:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            value = tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
            seen[(entry.msgctxt, entry.msgid)][str(path)] = value
    return [
        f"{msgid!r}{f' (context {context!r})' if context else ''}: {found}"
        for (context, msgid), found in seen.items()
        if len(set(found.values())) > 1
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_msgid_has_two_translations_across_catalogues(locale):
    found = collisions(catalogues(locale))
    assert not found, f"{locale}: give one translation, or a context in the source:\n" + "\n".join(found)


def test_a_collision_is_caught(tmp_path):
    for name, text in (("a", "Adresă"), ("b", "Adresă IP")):
        po = polib.POFile()
        po.append(polib.POEntry(msgid="Address", msgstr=text))
        po.save(str(tmp_path / f"{name}.po"))
    assert collisions([tmp_path / "a.po", tmp_path / "b.po"])


@pytest.mark.parametrize("language", ["ro", "uk", "ru", "sr-latn"])
def test_address_is_a_postal_address_and_the_audit_column_an_ip_address(language):
    with translation.override(language):
        assert "IP" not in translation.gettext("Address")
        assert "IP" in translation.pgettext("IP address", "Address")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "address"), [("ro", "Adresă"), ("uk", "Адреса"), ("ru", "Адрес"), ("sr-latn", "Adresa")]
)
def test_a_directory_entry_shows_its_address_not_an_ip_address(client, org_a, language, address):
    from kompass.directory.models import Entry

    entry = Entry.objects.create(
        organisation=org_a, name="Iași day centre", kind="office", city="Iași", country="RO",
        address="Strada Exemplu 1", status="published",
    )  # fmt: skip
    html = client.get(f"/{language}/directory/entries/{entry.code}/").content.decode()
    assert f"<dt>{address}</dt>" in html
    assert "IP" not in html


# Phrasings reviewers found wrong or awkward (issue 12), per locale: none may come back. A polite
# "you" is lower case in the middle of a sentence, as everywhere else in the catalogues.
MID_SENTENCE_CAPITAL = r"[a-zа-яёіїєґčćžšđ,;:]\s+(Ва(ми|шої|шого|шим|шій|м|с)|Va(m|s|še|šeg|šoj))\b"
WRONG_PHRASINGS = {
    "uk": ["Щасливо дістатися", "[Пп]одорож", "механізму перенаправлення", "повідомлене оголошення", "ми вчилися",
           "негайно залишити", MID_SENTENCE_CAPITAL],
    "ru": ["Счастливо добраться", "[Пп]утешеств", "сообщено", "сообщённ", "немедленно покинуть", MID_SENTENCE_CAPITAL],
    "sr_Latn": ["Srećan dolazak", "[Rr]egrut", "svoju putanju", "Obriši moje podatke sada", MID_SENTENCE_CAPITAL],
    "ro": ["Condiții de muncă de exploatare", "o acoperire frecventă"],
}  # fmt: skip
# The job checker may speak of a "travel" offer (a trap dressed as a trip); elsewhere a journey is no holiday.
TRAVEL_OFFER_OK = {"screening", "recruitment"}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_reviewed_phrasings_do_not_come_back(locale):
    found = []
    for path in catalogues(locale):
        app = path.parents[3].name
        for entry in polib.pofile(str(path)):
            texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in texts:
                for bad in WRONG_PHRASINGS[locale]:
                    if bad.startswith("[Пп]") and app in TRAVEL_OFFER_OK:
                        continue
                    if re.search(bad, text):
                        found.append(f"{app}: {bad!r} in {text!r}")
    assert not found, "\n".join(found)


def test_the_romanian_risk_page_says_people_are_pushed_to_leave(db):
    from kompass.journeys.models import AwarenessPage

    bodies = " ".join(p.body.get("ro", "") for p in AwarenessPage.objects.filter(section="risks"))
    assert "Vi se cere să plecați în grabă" in bodies
    assert "Sunteți grăbit" not in bodies
