"""Question banks of the knowledge checks, stored as data (questions/<module>.yaml), five languages."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kompass.lib.i18n import LANGUAGE_CODES, missing_languages, translated
from kompass.training.codes import Module

QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"


@dataclass(frozen=True)
class Question:
    id: str
    module: str
    text: dict
    options: tuple[dict, ...]
    answer: int

    def text_in(self, language: str | None = None) -> str:
        return translated(self.text, language)

    def options_in(self, language: str | None = None) -> list[str]:
        return [translated(option, language) for option in self.options]


class QuestionBankError(ValueError):
    pass


def _load(module: str) -> list[Question]:
    import yaml  # imported where used: start-up stays light (docs/architecture.md)

    data = yaml.safe_load((QUESTIONS_DIR / f"{module}.yaml").read_text(encoding="utf-8"))
    if data.get("module") != module:
        raise QuestionBankError(f"{module}.yaml declares module {data.get('module')!r}")
    questions = []
    for raw in data["questions"]:
        question = Question(
            id=raw["id"], module=module, text=raw["text"], options=tuple(raw["options"]), answer=raw["answer"]
        )
        problems = [f"text: {missing_languages(question.text)}"] if missing_languages(question.text) else []
        problems += [
            f"option {i}: {missing_languages(o)}"
            for i, o in enumerate(question.options)
            if missing_languages(o)
        ]
        if not question.id.startswith(f"{module}.") or not 0 <= question.answer < len(question.options):
            problems.append("bad id or answer index")
        unknown = {k for part in (question.text, *question.options) for k in part} - set(LANGUAGE_CODES)
        if unknown:
            problems.append(f"unknown languages {sorted(unknown)}")
        if problems:
            raise QuestionBankError(f"{question.id}: {'; '.join(problems)}")
        questions.append(question)
    return questions


@cache
def question_bank() -> dict[str, list[Question]]:
    """Every module's questions, validated once per process."""
    return {module.value: _load(module.value) for module in Module}


def questions_for(modules: list[str]) -> list[Question]:
    """The questions of a test: every question of the training's modules, in module order."""
    bank = question_bank()
    return [q for module in Module.values if module in modules for q in bank[module]]
