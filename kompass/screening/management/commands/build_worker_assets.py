"""Make the worker mode's audio (espeak-ng → MP3) and font subsets (Noto → WOFF2); `make build` runs it.

Files are named by a hash of what they are made from, so only missing or outdated ones are made, and
files no language needs any more are removed. Nothing here is committed (decision 0035).
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.screening import worker

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))


def find_font(name: str) -> Path:
    for folder in FONT_DIRS:
        path = folder / f"{name}-Regular.ttf"
        if path.exists():
            return path
    raise CommandError(f"{name}-Regular.ttf not found: install Debian's fonts-noto-core (make deps).")


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)


def synthesise(voice: str, text: str) -> bytes:
    """espeak-ng's WAV piped into lame: a small mono MP3 every phone browser plays."""
    speech = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "--stdout", text], check=True, capture_output=True
    ).stdout
    mp3 = subprocess.run(
        ["lame", "--quiet", "--abr", "32", "-m", "m", "--resample", "22.05", "-", "-"],
        input=speech,
        check=True,
        capture_output=True,
    ).stdout
    if not mp3:
        raise CommandError(f"lame produced no audio for {text!r}")
    return mp3


def subset_font(source: Path, text: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # the shaping rules of Indic and Arabic scripts
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    with tempfile.TemporaryFile() as handle:
        subset.save_font(font, handle, options)
        handle.seek(0)
        return handle.read()


class Command(BaseCommand):
    # It builds static files from data files and needs no database: a fresh clone has no var/ yet.
    requires_system_checks: list[str] = []
    help = "Make the worker mode's audio clips and font subsets that are missing or outdated."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")

    def handle(self, *args, language=None, **options):
        for tool, package in (("espeak-ng", "espeak-ng"), ("lame", "lame")):
            if shutil.which(tool) is None:
                raise CommandError(f"{tool} is missing: install Debian's {package} (make deps).")
        langs = worker.languages()
        chosen = language or sorted(langs)
        unknown = sorted(set(chosen) - set(langs))
        if unknown:
            raise CommandError(f"Unknown worker languages: {', '.join(unknown)}")
        made = kept = 0
        wanted: set[Path] = set()
        for code in sorted(langs):
            lang = langs[code]
            paths = []
            if lang.voice:
                paths += [
                    (worker.audio_path(lang, clip), ("audio", text)) for clip, text in lang.clips().items()
                ]
            paths += [(worker.font_path(lang, font), ("font", font)) for font in lang.fonts]
            paths.append((worker.css_path(lang), ("css", "")))
            for relative, (kind, what) in paths:
                target = worker.GENERATED_DIR.parent.parent / relative
                wanted.add(target)
                if code not in chosen:
                    continue
                if target.exists() and target.stat().st_size > 0:
                    kept += 1
                    continue
                if kind == "audio":
                    data = synthesise(lang.voice, what)
                elif kind == "css":
                    data = worker.font_css(lang).encode()
                else:
                    data = subset_font(find_font(what), worker.font_text(lang))
                _atomic_write(target, data)
                made += 1
        removed = 0
        if not language and worker.GENERATED_DIR.exists():
            for path in worker.GENERATED_DIR.rglob("*"):
                if path.is_file() and path not in wanted:
                    path.unlink()
                    removed += 1
        if options["verbosity"]:
            self.stdout.write(f"Worker assets: {made} made, {kept} up to date, {removed} removed.")
