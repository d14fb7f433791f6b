"""Protocol and catalogue content as data: YAML loading, validation and a readable diff.

A protocol document (one per revision) looks like this (every text in the five languages):

    sector: health
    title: {en: ..., ro: ..., uk: ..., ru: ..., sr-latn: ...}
    intro: {...}         # who the protocol is for
    safety: {...}        # how to ask safely, for the whole protocol
    next_steps: {...}    # what this sector does after a positive result
    questions:
      - key: companion_answers          # stable across revisions
        subjects: [adult, child]
        codes: [cd.isolation, cd.strong_influence]
        text: {...}
        guidance: {...}
"""

import difflib
import re
from pathlib import Path

from kompass.screening import rules

DATA_DIR = Path(__file__).resolve().parent / "data"
PROTOCOL_DIR = DATA_DIR / "protocols"
CATALOGUE_FILE = DATA_DIR / "indicators.yaml"

LANGUAGES = ("en", "ro", "uk", "ru", "sr-latn")
SECTORS = (
    "health",
    "emergency_line",
    "police",
    "education",
    "social_services",
    "refugee_support",
    "labour_inspection",
    "beauty_wellness",
    "hospitality_tourism",
    "online",
    "general_public",
)
TEXT_KEYS = ("title", "intro", "safety", "next_steps")
QUESTION_TEXT_KEYS = ("text", "guidance")
MIN_QUESTIONS, MAX_QUESTIONS = 10, 20
EMERGENCY_MAX_QUESTIONS = 12
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,59}$")


class ContentError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _check_texts(value, where: str, errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(f"{where}: expected a text per language")
        return
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        errors.append(f"{where}: unknown languages {', '.join(unknown)}")
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: missing {language}")


def validate_content(content: dict, *, sector: str | None = None) -> dict:
    """Check a protocol document; raise ContentError listing every problem. Returns the content."""
    errors: list[str] = []
    if not isinstance(content, dict):
        raise ContentError(["the protocol must be a mapping"])
    allowed = {"sector", "questions", *TEXT_KEYS}
    unknown = sorted(set(content) - allowed)
    if unknown:
        errors.append(f"unknown fields: {', '.join(unknown)}")
    if content.get("sector") not in SECTORS:
        errors.append(f"sector: unknown sector {content.get('sector')!r}")
    elif sector is not None and content["sector"] != sector:
        errors.append(f"sector: expected {sector}, got {content['sector']}")
    for key in TEXT_KEYS:
        _check_texts(content.get(key), key, errors)
    questions = content.get("questions")
    if not isinstance(questions, list):
        errors.append("questions: expected a list")
        raise ContentError(errors)
    seen: set[str] = set()
    for n, question in enumerate(questions, start=1):
        if not isinstance(question, dict):
            errors.append(f"question {n}: expected a mapping")
            continue
        key = question.get("key", "")
        where = f"question {n} ({key})"
        extra = sorted(set(question) - {"key", "subjects", "codes", *QUESTION_TEXT_KEYS})
        if extra:
            errors.append(f"{where}: unknown fields {', '.join(extra)}")
        if not isinstance(key, str) or not _KEY.match(key):
            errors.append(f"{where}: the key must be lower-case letters, digits and _")
        elif key in seen:
            errors.append(f"{where}: duplicate key")
        seen.add(key)
        subjects = question.get("subjects")
        if not isinstance(subjects, list) or not subjects or set(subjects) - set(rules.SUBJECTS):
            errors.append(f"{where}: subjects must be a non-empty list of adult, child")
        codes = question.get("codes")
        if not isinstance(codes, list) or not codes:
            errors.append(f"{where}: map the question to at least one catalogue code")
        else:
            bad = [code for code in codes if code not in rules.CODES]
            if bad:
                errors.append(f"{where}: not catalogue codes: {', '.join(map(str, bad))}")
        for text_key in QUESTION_TEXT_KEYS:
            _check_texts(question.get(text_key), f"{where} {text_key}", errors)
    for subject in rules.SUBJECTS:
        count = sum(1 for q in questions if isinstance(q, dict) and subject in (q.get("subjects") or []))
        high = EMERGENCY_MAX_QUESTIONS if content.get("sector") == "emergency_line" else MAX_QUESTIONS
        if not MIN_QUESTIONS <= count <= high:
            errors.append(f"{subject} variant: {count} questions, expected {MIN_QUESTIONS}–{high}")
    if errors:
        raise ContentError(errors)
    return content


def load_yaml(text: str) -> dict:
    import yaml  # imported where used: start-up stays light (docs/architecture.md)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError([f"not valid YAML: {exc}"])
    if not isinstance(data, dict):
        raise ContentError(["the YAML document must be a mapping"])
    return data


def dump_yaml(content: dict) -> str:
    import yaml

    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)


def protocol_file(sector: str) -> Path:
    return PROTOCOL_DIR / f"{sector}.yaml"


def load_protocol_file(sector: str) -> dict:
    return load_yaml(protocol_file(sector).read_text(encoding="utf-8"))


def load_catalogue_file() -> dict:
    import yaml

    return yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))


# --- a readable diff between two revisions --------------------------------------------------------


def diff_content(old: dict | None, new: dict) -> list[dict]:
    """Changes from `old` to `new`, one entry per changed text or question, for people to read.

    Each entry: {"kind": "added" | "removed" | "changed", "what": "question" | "text",
    "key": str, "fields": [{"field": str, "old": str, "new": str}], "question": dict}.
    """
    old = old or {"questions": []}
    changes: list[dict] = []
    for key in TEXT_KEYS:
        fields = _text_changes(key, old.get(key) or {}, new.get(key) or {})
        if fields:
            changes.append(
                {"kind": "changed", "what": "text", "key": key, "fields": fields, "question": None}
            )
    old_q = {q["key"]: q for q in old.get("questions", [])}
    new_q = {q["key"]: q for q in new.get("questions", [])}
    for key, question in new_q.items():
        if key not in old_q:
            changes.append(
                {"kind": "added", "what": "question", "key": key, "fields": [], "question": question}
            )
            continue
        before = old_q[key]
        fields: list[dict] = []
        for text_key in QUESTION_TEXT_KEYS:
            fields += _text_changes(text_key, before.get(text_key) or {}, question.get(text_key) or {})
        for list_key in ("codes", "subjects"):
            if list(before.get(list_key, [])) != list(question.get(list_key, [])):
                fields.append(
                    {
                        "field": list_key,
                        "old": ", ".join(before.get(list_key, [])),
                        "new": ", ".join(question.get(list_key, [])),
                    }
                )
        if fields:
            changes.append(
                {"kind": "changed", "what": "question", "key": key, "fields": fields, "question": question}
            )
    for key, question in old_q.items():
        if key not in new_q:
            changes.append(
                {"kind": "removed", "what": "question", "key": key, "fields": [], "question": question}
            )
    old_order = [k for k in old_q if k in new_q]
    new_order = [k for k in new_q if k in old_q]
    if old_order != new_order:
        changes.append(
            {
                "kind": "changed",
                "what": "order",
                "key": "questions",
                "fields": [{"field": "order", "old": ", ".join(old_order), "new": ", ".join(new_order)}],
                "question": None,
            }
        )
    for change in changes:
        for field in change["fields"]:
            field["old_parts"], field["new_parts"] = word_diff(field["old"], field["new"])
    return changes


def _text_changes(name: str, old: dict, new: dict) -> list[dict]:
    return [
        {"field": f"{name} ({language})", "old": old.get(language, ""), "new": new.get(language, "")}
        for language in LANGUAGES
        if (old.get(language) or "") != (new.get(language) or "")
    ]


def word_diff(old: str, new: str) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
    """Both texts as (changed, words) runs, so a page can mark only the words that differ."""
    a, b = re.split(r"(\s+)", old or ""), re.split(r"(\s+)", new or "")
    left: list[tuple[bool, str]] = []
    right: list[tuple[bool, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append((op != "equal", "".join(a[i1:i2])))
        if j2 > j1:
            right.append((op != "equal", "".join(b[j1:j2])))
    return left, right
