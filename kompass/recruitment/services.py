"""Use cases of the recruitment app: check an offer, score a file of offers, report and log ads."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kompass.audit.services import record_event
from kompass.recruitment.models import ReportedAd

if TYPE_CHECKING:
    import pandas as pd

# The statistical model (scikit-learn, pandas) is imported by the functions that score, not at
# start-up: every page and management command would otherwise pay for it (docs/architecture.md).

# Contact channels offered by the checker form; a messenger there is itself a cue.
CONTACT_CHANNELS = (
    ("", _("I don't know")),
    ("phone", _("Phone call")),
    ("email", _("E-mail")),
    ("website", _("Company website or job site")),
    ("telegram", "Telegram"),
    ("whatsapp", "WhatsApp"),
    ("viber", "Viber"),
    ("signal", "Signal"),
    ("other", _("Other")),
)

MODEL_REASON_TEXT = _("The wording is close to fraudulent job ads we learned from; these words weighed most.")
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "we",
        "our",
        "with",
        "for",
        "will",
        "are",
        "this",
        "that",
        "to",
        "of",
        "in",
        "is",
        "be",
        "as",
        "on",
        "have",
        "work",
        "job",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Span:
    part: str  # which field of the offer: title, pay, place, company, text
    start: int
    end: int


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    evidence: tuple[str, ...]
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict:
        return {"code": self.code, "text": self.text, "evidence": list(self.evidence)}


@dataclass
class CheckResult:
    risk: str
    score: float
    reasons: list[Reason]
    parts: dict[str, str] = field(default_factory=dict)
    used_model: bool = False
    # Signs in the offer's favour (a named employer, a licence number…): shown, never a verdict.
    mitigating: list[Reason] = field(default_factory=list)
    language: str = ""
    destinations: tuple[str, ...] = ()  # countries the offer names as the place of work
    home_country: str = ""

    def to_dict(self) -> dict:
        return {"risk": self.risk, "score": self.score, "reasons": [r.to_dict() for r in self.reasons]}

    def highlighted(self, part: str) -> list[tuple[str, bool]]:
        """The text of one part cut into (segment, is_evidence) pieces for display."""
        text = self.parts.get(part, "")
        spans = sorted({(s.start, s.end) for r in self.reasons for s in r.spans if s.part == part})
        pieces, cursor = [], 0
        for start, end in spans:
            if start < cursor:
                start = cursor
            if start >= end:
                continue
            if start > cursor:
                pieces.append((text[cursor:start], False))
            pieces.append((text[start:end], True))
            cursor = end
        if cursor < len(text):
            pieces.append((text[cursor:], False))
        return pieces


PARTS = ("title", "pay", "place", "company", "text")


# The classifier learned from whole English job ads (hundreds of words, with company profiles); a
# short pasted message is outside what it knows, so it is only asked about longer English offers.
MODEL_MIN_WORDS = 60


def looks_english(text: str) -> bool:
    """True for English offers long enough for the statistical model (see MODEL_MIN_WORDS)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MODEL_MIN_WORDS:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.08


def check_offer(
    *,
    text: str,
    title: str = "",
    pay: str = "",
    place: str = "",
    contact_channel: str = "",
    company: str = "",
    home_country: str = "",
) -> CheckResult:
    """Assess a pasted job offer. Stores nothing: a check is not a report."""
    import pandas as pd

    from kompass.recruitment import model as job_model
    from kompass.recruitment.cues import analyse  # its tables compile on first use, not at start-up

    parts = {"title": title, "pay": pay, "place": place, "company": company, "text": text}
    # One document so that cues can join parts (a hostess job in the title, Dubai in the place).
    offsets, chunks, cursor = {}, [], 0
    for name in PARTS:
        offsets[name] = cursor
        chunks.append(parts[name])
        cursor += len(parts[name]) + 2
    document = "\n\n".join(chunks)

    def locate(start: int, end: int) -> Span | None:
        for name in PARTS:
            base = offsets[name]
            if base <= start and end <= base + len(parts[name]):
                return Span(name, start - base, end - base)
        return None

    # Strongest signs first.
    found, reading = analyse(document, contact_channel)
    hits = sorted(found, key=lambda hit: (not hit.strong, -hit.weight))

    def reason(hit) -> Reason:
        return Reason(
            hit.code,
            hit.text,
            tuple(e.text for e in hit.evidence),
            tuple(s for e in hit.evidence if e.start >= 0 and (s := locate(e.start, e.end))),
        )

    reasons = [reason(hit) for hit in hits if not hit.mitigating]
    mitigating = [reason(hit) for hit in hits if hit.mitigating]
    # The learnt multilingual model weighs the cues and the wording; the bounds keep the verdict in
    # line with the signs shown (a strong sign is high; no sign found is never medium or high).
    from kompass.recruitment import multilingual

    score = multilingual.bounded(float(multilingual.probability([document])[0]), hits)
    used_model = False
    if looks_english(text):
        frame = pd.DataFrame(
            [
                {
                    "title": title,
                    "description": text,
                    "salary_range": pay,
                    **({"company_profile": company} if company else {}),
                }
            ]
        )
        probability = float(job_model.score_frame(frame)[0])
        used_model = True
        if probability >= job_model.MEDIUM_FROM:
            evidence, spans = [], []
            for term in job_model.top_terms(frame):
                words = r"\W+".join(re.escape(w) for w in term.split())
                match = re.search(rf"(?i)\b{words}\b", text)
                if match:
                    evidence.append(match.group())
                    spans.append(Span("text", match.start(), match.end()))
            if evidence:
                reasons.append(
                    Reason("similar_to_scams", str(MODEL_REASON_TEXT), tuple(evidence), tuple(spans))
                )
                score = max(score, probability)
    score = round(min(max(score, 0.0), 1.0), 4)
    return CheckResult(
        job_model.risk_band(score),
        score,
        reasons,
        parts,
        used_model,
        mitigating,
        reading.language,
        reading.destinations,
        home_country,
    )


# -- scoring a file (manage.py score_job_offers) ---------------------------------------------


class JobOfferFileError(Exception):
    """The input cannot be scored; the message says why and where."""


def _read_offers(source: Path) -> pd.DataFrame:
    import pandas as pd

    if not source.exists() or not source.is_file():
        raise JobOfferFileError(f"Input file not found: {source}")
    raw = source.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise JobOfferFileError(f"{source} looks gzip-compressed but cannot be read: {error}")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JobOfferFileError(f"{source} is not UTF-8 text (byte {error.start}).")
    if not content.strip():
        raise JobOfferFileError(f"{source} is empty: expected a CSV header with a job_id column.")
    try:
        frame = pd.read_csv(io.StringIO(content), dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise JobOfferFileError(f"{source} is not a valid CSV file: {error}")
    frame.columns = [str(c).strip() for c in frame.columns]
    if "job_id" not in frame.columns:
        raise JobOfferFileError(
            f"{source} has no job_id column (found: {', '.join(frame.columns) or 'none'}); job_id is required."
        )
    if list(frame.columns).count("job_id") > 1:
        raise JobOfferFileError(f"{source} has more than one job_id column.")
    blank = [i for i, v in enumerate(frame["job_id"].tolist()) if not str(v).strip()]
    if blank:
        # +2: one for the header line, one because lines count from 1 (rows with embedded
        # newlines shift physical lines; this is the record number counted like a spreadsheet).
        raise JobOfferFileError(f"{source}: empty job_id in record {blank[0] + 2} (line 1 is the header).")
    return frame


def score_offers(frame: pd.DataFrame) -> list[float]:
    """The score of each offer of an EMSCAD-layout frame.

    English offers are scored by the EMSCAD classifier (what it was built and measured for), raised
    to the checker's score when the checker finds a strong sign (documents kept, fees, debts,
    penalties for leaving); offers in Romanian, Ukrainian, Russian or Serbian by the multilingual
    checker (docs/decisions/0015).
    """
    from kompass.recruitment import model as job_model
    from kompass.recruitment import multilingual
    from kompass.recruitment.countries import guess_language
    from kompass.recruitment.cues import analyse

    texts = job_model._joined(frame, job_model.OFFER_FIELDS)
    english = [guess_language(text) == "en" for text in texts]
    scores = [0.0] * len(texts)
    if any(english):
        emscad = job_model.score_frame(frame, job_model.load())
        for index, text in enumerate(texts):
            if english[index]:
                scores[index] = float(emscad[index])
                if any(hit.strong for hit in analyse(text)[0]):
                    scores[index] = max(scores[index], float(multilingual.score_texts([text])[0]))
    others = [index for index, is_english in enumerate(english) if not is_english]
    if others:
        for index, score in zip(others, multilingual.score_texts([texts[i] for i in others]), strict=True):
            scores[index] = float(score)
    return [min(max(score, 0.0), 1.0) for score in scores]


def score_job_offer_file(*, source: Path, destination: Path) -> int:
    """Write `job_id,score,risk` for every offer of `source`; all or nothing."""
    from kompass.recruitment import model as job_model

    frame = _read_offers(Path(source))
    scores = score_offers(frame)
    destination = Path(destination)
    if not destination.parent.exists():
        raise JobOfferFileError(f"Output folder does not exist: {destination.parent}")
    # Write beside the destination and rename: a failure never leaves a partial output file.
    handle, temporary = tempfile.mkstemp(prefix=".score_job_offers-", suffix=".csv", dir=destination.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["job_id", "score", "risk"])
            for job_id, score in zip(frame["job_id"].tolist(), scores, strict=True):
                value = min(max(float(score), 0.0), 1.0)
                writer.writerow([str(job_id).strip(), f"{value:.6f}", job_model.risk_band(value)])
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(frame)


def cue_text_or_code(code: str) -> str:
    """The translated text of a stored reason code (codes from an older version stay readable)."""
    if code == "similar_to_scams":
        return str(MODEL_REASON_TEXT)
    from kompass.recruitment.cues import cue_text

    try:
        return cue_text(code)
    except KeyError:
        return code


# -- reported ads ---------------------------------------------------------------------------


def _assessed(text: str) -> dict:
    if not text.strip():
        return {"risk": "", "score": None, "reason_codes": []}
    result = check_offer(text=text)
    return {"risk": result.risk, "score": result.score, "reason_codes": [r.code for r in result.reasons]}


@transaction.atomic
def report_ad(*, platform: str, link: str = "", text: str = "", country: str = "") -> ReportedAd:
    """A member of the public reports an ad. Only what they chose to send is stored."""
    ad = ReportedAd(
        source=ReportedAd.Source.PUBLIC,
        platform=platform,
        link=link.strip(),
        text=text.strip(),
        country=country.strip().upper(),
        **_assessed(text),
    )
    ad.full_clean()
    ad.save()
    record_event(actor=None, action="job_ad_reported", obj=ad, detail={"platform": platform})
    return ad


@transaction.atomic
def log_ad(
    *,
    by,
    membership,
    platform: str,
    link: str = "",
    text: str = "",
    country: str = "",
    seen_on: date | None = None,
    case=None,
) -> ReportedAd:
    """Staff log an ad met in casework, for their organisation, optionally linked to a case."""
    ad = ReportedAd(
        source=ReportedAd.Source.CASEWORK,
        platform=platform,
        link=link.strip(),
        text=text.strip(),
        country=country.strip().upper(),
        organisation=membership.organisation,
        created_by=by,
        case=case,
        **_assessed(text),
    )
    if seen_on is not None:
        ad.seen_on = seen_on
    ad.full_clean()
    ad.save()
    record_event(
        actor=by,
        action="job_ad_logged",
        obj=ad,
        detail={"platform": platform, "case": str(case.code) if case else None},
    )
    return ad


@transaction.atomic
def link_ad_to_case(*, ad: ReportedAd, case, by) -> ReportedAd:
    """Attach a logged ad to a case (the case was fetched with write access by the caller)."""
    ad.case = case
    ad.full_clean()
    ad.save(update_fields=["case"])
    record_event(actor=by, action="job_ad_linked_to_case", obj=ad, detail={"case": str(case.code)})
    return ad
