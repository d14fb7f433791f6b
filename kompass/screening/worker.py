"""Worker mode (issue #18): the worker answers the screening on the professional's phone.

The content is data: `data/worker/questions.yaml` (which workplaces exist, and which protocol
question each worker question stands for) and one file per language in `data/worker/languages/`
(the worker's texts, who translated them, whether a native speaker reviewed them, the espeak-ng
voice). Adding a language is adding a file; `make build` then makes its audio and font subsets.

Nothing is stored while the worker answers: the setup and the answers travel between the pages as
one signed value (`dumps_state` / `loads_state`). The verdict comes from the protocol's own
questions through `services.build_screening` — the same path as the professional's screening.
"""

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core import signing

from kompass.screening.content import DATA_DIR

WORKER_DIR = DATA_DIR / "worker"
LANGUAGE_DIR = WORKER_DIR / "languages"
MAPPING_FILE = WORKER_DIR / "questions.yaml"

# The worker's texts that are spoken as well as shown ("listen" and "back" are button labels).
SPOKEN_TEXTS = ("welcome", "answer_yes", "answer_no", "answer_decline", "thanks")
TEXT_KEYS = (
    "welcome_title",
    "welcome",
    "start",
    "answer_yes",
    "answer_no",
    "answer_decline",
    "listen",
    "back",
    "progress",
    "thanks",
)
SCRIPTS = ("Latn", "Cyrl", "Deva", "Beng", "Sinh", "Taml", "Arab")
TRANSLATION_METHODS = ("human", "machine")
# The Noto fonts (Debian fonts-noto-core) that render each script; Noto Sans adds Latin digits and
# punctuation to the others. Subsets of them are served, so the phone's own fonts do not matter.
SCRIPT_FONTS: dict[str, tuple[str, ...]] = {
    "Latn": ("NotoSans",),
    "Cyrl": ("NotoSans",),
    "Deva": ("NotoSansDevanagari", "NotoSans"),
    "Beng": ("NotoSansBengali", "NotoSans"),
    "Sinh": ("NotoSansSinhala", "NotoSans"),
    "Taml": ("NotoSansTamil", "NotoSans"),
    "Arab": ("NotoNastaliqUrdu", "NotoSans"),
}
FONT_FAMILIES = {
    "NotoSans": "Noto Sans",
    "NotoSansDevanagari": "Noto Sans Devanagari",
    "NotoSansBengali": "Noto Sans Bengali",
    "NotoSansSinhala": "Noto Sans Sinhala",
    "NotoSansTamil": "Noto Sans Tamil",
    "NotoNastaliqUrdu": "Noto Nastaliq Urdu",
}

ANSWER_YES, ANSWER_NO, ANSWER_DECLINE = "yes", "no", "decline"
ANSWER_VALUES: dict[str, bool | None] = {ANSWER_YES: True, ANSWER_NO: False, ANSWER_DECLINE: None}
STATE_SALT = "kompass.screening.worker"
# A visit lasts minutes; a state older than this is refused (the professional starts again).
STATE_MAX_AGE = 6 * 3600


class WorkerContentError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class WorkerLanguage:
    code: str
    name: str
    english_name: str
    script: str
    direction: str
    voice: str | None
    translation: dict
    texts: dict[str, str]
    questions: dict[str, str]
    voice_note: str = ""

    @property
    def machine_translated(self) -> bool:
        return self.translation.get("method") == "machine"

    @property
    def reviewed(self) -> bool:
        return bool(self.translation.get("reviewed_by_native_speaker"))

    @property
    def fonts(self) -> tuple[str, ...]:
        return SCRIPT_FONTS[self.script]

    @property
    def font_stack(self) -> str:
        return ", ".join(f'"{FONT_FAMILIES[font]}"' for font in self.fonts) + ", sans-serif"

    def clips(self) -> dict[str, str]:
        """Every text that has audio, by clip name: the spoken texts, then one clip per question."""
        clips = {name: self.texts[name] for name in SPOKEN_TEXTS}
        clips.update({f"q_{concept}": text for concept, text in self.questions.items()})
        return clips

    def all_text(self) -> str:
        return "".join(self.texts.values()) + "".join(self.questions.values()) + self.name + "0123456789/"


@dataclass(frozen=True)
class Mapping:
    settings: dict[str, str]  # workplace → protocol sector
    questions: dict[str, dict[str, str]] = field(default_factory=dict)  # sector → {protocol key: concept}

    @property
    def concepts(self) -> set[str]:
        return {concept for keys in self.questions.values() for concept in keys.values()}


def _validate_language(data: dict, code: str, concepts: set[str]) -> list[str]:
    errors: list[str] = []
    where = f"languages/{code}.yaml"
    if not isinstance(data, dict):
        return [f"{where}: expected a mapping"]
    allowed = {"code", "name", "english_name", "script", "direction", "voice", "voice_note"}
    allowed |= {"translation", "texts", "questions"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        errors.append(f"{where}: unknown fields {', '.join(unknown)}")
    if data.get("code") != code:
        errors.append(f"{where}: code must be {code!r} (the file name)")
    for key in ("name", "english_name"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            errors.append(f"{where}: {key} is missing")
    if data.get("script") not in SCRIPTS:
        errors.append(f"{where}: script must be one of {', '.join(SCRIPTS)}")
    if data.get("direction") not in ("ltr", "rtl"):
        errors.append(f"{where}: direction must be ltr or rtl")
    if data.get("voice") is None and not data.get("voice_note"):
        errors.append(f"{where}: without an espeak-ng voice, say why in voice_note")
    translation = data.get("translation")
    if not isinstance(translation, dict) or not str(translation.get("by", "")).strip():
        errors.append(f"{where}: translation.by must say who or what translated it")
    else:
        if translation.get("method") not in TRANSLATION_METHODS:
            errors.append(f"{where}: translation.method must be human or machine")
        if not isinstance(translation.get("reviewed_by_native_speaker"), bool):
            errors.append(f"{where}: translation.reviewed_by_native_speaker must be true or false")
    texts = data.get("texts") or {}
    for key in TEXT_KEYS:
        if not isinstance(texts.get(key), str) or not texts[key].strip():
            errors.append(f"{where}: texts.{key} is missing")
    if "{n}" not in str(texts.get("progress", "")) or "{total}" not in str(texts.get("progress", "")):
        errors.append(f"{where}: texts.progress must contain {{n}} and {{total}}")
    questions = data.get("questions") or {}
    for concept in sorted(concepts):
        if not isinstance(questions.get(concept), str) or not questions[concept].strip():
            errors.append(f"{where}: question {concept} is missing")
    extra = sorted(set(questions) - concepts)
    if extra:
        errors.append(f"{where}: questions not used by any protocol: {', '.join(extra)}")
    return errors


@functools.cache
def mapping() -> Mapping:
    import yaml  # imported where used: start-up stays light (docs/architecture.md)

    data = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    return Mapping(
        settings=dict(data["settings"]), questions={k: dict(v) for k, v in data["questions"].items()}
    )


@functools.cache
def languages() -> dict[str, WorkerLanguage]:
    """Every worker language, validated; a broken file fails loudly (at build and in tests)."""
    import yaml

    concepts = mapping().concepts
    result: dict[str, WorkerLanguage] = {}
    errors: list[str] = []
    for path in sorted(LANGUAGE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        problems = _validate_language(data, path.stem, concepts)
        if problems:
            errors += problems
            continue
        result[path.stem] = WorkerLanguage(
            code=data["code"],
            name=data["name"],
            english_name=data["english_name"],
            script=data["script"],
            direction=data["direction"],
            voice=data.get("voice"),
            voice_note=data.get("voice_note", ""),
            translation=dict(data["translation"]),
            texts={key: str(data["texts"][key]).strip() for key in TEXT_KEYS},
            questions={concept: str(data["questions"][concept]).strip() for concept in concepts},
        )
    if errors:
        raise WorkerContentError(errors)
    return result


def worker_questions(protocol_questions: list[dict], setting: str) -> list[dict]:
    """The protocol's questions (for the subject) that the worker is asked, in protocol order.

    Each item is the protocol question with the worker question's concept added.
    """
    sector = mapping().settings[setting]
    concepts = mapping().questions.get(sector, {})
    return [{**q, "concept": concepts[q["key"]]} for q in protocol_questions if q["key"] in concepts]


# --- the state that travels in the pages -----------------------------------------------------------


def dumps_state(state: dict) -> str:
    return signing.dumps(state, salt=STATE_SALT, compress=True)


def loads_state(value: str) -> dict:
    """The signed state, or signing.BadSignature (also for an expired one)."""
    return signing.loads(value, salt=STATE_SALT, max_age=STATE_MAX_AGE)


# --- generated files (management command build_worker_assets) -----------------------------------

STATIC_PREFIX = "screening/worker"
GENERATED_DIR = Path(__file__).resolve().parent / "static" / STATIC_PREFIX
AUDIO_FORMAT = "mp3"
# Bump to regenerate every clip (e.g. when the encoder settings below change).
AUDIO_RECIPE = "espeak-ng -s 150 | lame --abr 32 -m m --resample 22.05"


def audio_hash(language: WorkerLanguage, text: str) -> str:
    digest = hashlib.sha256("\x00".join([AUDIO_RECIPE, language.voice or "", text]).encode("utf-8"))
    return digest.hexdigest()[:12]


def audio_path(language: WorkerLanguage, clip: str) -> str:
    """The clip's path under STATIC_URL; its name changes whenever its text or voice changes."""
    text = language.clips()[clip]
    return f"{STATIC_PREFIX}/audio/{language.code}/{clip}.{audio_hash(language, text)}.{AUDIO_FORMAT}"


def font_text(language: WorkerLanguage) -> str:
    """The characters a language's pages show: the subset its fonts must keep."""
    return "".join(sorted(set(language.all_text() + " .,?!:;()-–—'\"«»„“”…")))


def font_path(language: WorkerLanguage, font: str) -> str:
    digest = hashlib.sha256(f"{font}\x00{font_text(language)}".encode()).hexdigest()[:12]
    return f"{STATIC_PREFIX}/fonts/{language.code}/{font}.{digest}.woff2"


def font_css(language: WorkerLanguage) -> str:
    """The language's @font-face rules (relative URLs, so collectstatic's hashing can rewrite them)."""
    rules = [
        f'@font-face {{ font-family: "{FONT_FAMILIES[font]}"; font-display: swap; '
        f'src: url("{font_path(language, font).rsplit("/", 1)[1]}") format("woff2"); }}'
        for font in language.fonts
    ]
    rules.append(f".worker-screen body {{ font-family: {language.font_stack}; }}")
    return "\n".join(rules) + "\n"


def css_path(language: WorkerLanguage) -> str:
    digest = hashlib.sha256(font_css(language).encode()).hexdigest()[:12]
    return f"{STATIC_PREFIX}/fonts/{language.code}/fonts.{digest}.css"
