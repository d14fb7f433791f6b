"""Every shipped UI string is translated into every language, in every catalogue.

The strings are re-extracted from the sources (as `make messages` does) into a scratch copy, so a
string added to a template or to Python without a translation fails here.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

REPO = Path(settings.BASE_DIR)
LOCALES = ["ro", "uk", "ru", "sr_Latn"]
# Apps with a kompass/<app>/locale folder keep their own catalogue; every other Kompass app, the
# shared templates, the helpers and the settings go into locale/ (the list comes from the registry).
KOMPASS_APPS = [c for c in apps.get_app_configs() if c.name.startswith("kompass.")]
CATALOGUE_APPS = [c.label for c in KOMPASS_APPS if (Path(c.path) / "locale").is_dir()]
ROOT_SOURCES = [
    "templates",
    "kompass/lib",
    "kompass/settings.py",
    *(f"kompass/{c.label}" for c in KOMPASS_APPS if c.label not in CATALOGUE_APPS),
]


def _catalogues() -> list[tuple[str, Path, list[Path]]]:
    """(name, committed locale dir, source paths) for every catalogue."""
    found = [("root", REPO / "locale", [REPO / p for p in ROOT_SOURCES])]
    for app in CATALOGUE_APPS:
        found.append((app, REPO / "kompass" / app / "locale", [REPO / "kompass" / app]))
    return found


def _extract(sources: list[Path], scratch: Path, monkeypatch) -> dict[str, set[str]]:
    """Run makemessages on a copy of the sources; msgids per locale."""
    for source in sources:
        target = scratch / source.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(
                source, target, ignore=shutil.ignore_patterns("locale", "tests", "__pycache__", "*.mo")
            )
        else:
            shutil.copy(source, target)
    (scratch / "locale").mkdir(exist_ok=True)
    monkeypatch.chdir(scratch)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [])
    call_command("makemessages", locale=LOCALES, no_location=True, verbosity=0)
    result = {}
    for locale in LOCALES:
        po = scratch / "locale" / locale / "LC_MESSAGES" / "django.po"
        result[locale] = {e.msgid for e in polib.pofile(str(po))} if po.exists() else set()
    return result


def _untranslated(po: polib.POFile) -> list[tuple[str, str]]:
    """(msgid, problem) for every live entry that is fuzzy or has an empty translation."""
    bad = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            bad.append((entry.msgid, "fuzzy"))
        elif entry.msgid_plural:
            if not all(v.strip() for v in entry.msgstr_plural.values()):
                bad.append((entry.msgid, "empty plural"))
        elif not entry.msgstr.strip():
            bad.append((entry.msgid, "empty"))
    return bad


@pytest.mark.parametrize(
    ("name", "locale_dir", "sources"), _catalogues(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_catalogue_is_complete(name, locale_dir, sources, tmp_path, monkeypatch):
    sources = [s for s in sources if s.exists()]
    extracted = _extract(sources, tmp_path, monkeypatch)
    problems = []
    for locale in LOCALES:
        if not extracted[locale]:
            continue
        po_path = locale_dir / locale / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            problems.append(f"{po_path.relative_to(REPO)} is missing")
            continue
        po = polib.pofile(str(po_path))
        by_id = {e.msgid: e for e in po if not e.obsolete}
        missing = sorted(extracted[locale] - set(by_id) - {""})
        if missing:
            problems.append(f"{locale}: not in the catalogue (run `make messages`): {missing[:10]}")
        untranslated = [
            f"{problem}: {msgid!r}" for msgid, problem in _untranslated(po) if msgid in extracted[locale]
        ]
        if untranslated:
            problems.append(f"{locale}: untranslated: {untranslated[:10]}")
    assert not problems, f"catalogue {name}:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ro", "uk", "ru", "sr-latn"])
def test_home_page_is_served_in_every_language(client, language):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"'.encode() in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("ro", "Ieșire rapidă"),
        ("uk", "Швидкий вихід"),
        ("ru", "Быстрый выход"),
        ("sr-latn", "Brzi izlaz"),
    ],
)
def test_translated_home_has_translated_quick_exit(client, language, phrase):
    assert phrase in client.get(f"/{language}/").content.decode()
