"""Transparent rule cues for risky job offers, in English, Romanian, Ukrainian, Russian and Serbian.

Each cue is a list of regular expressions matched on meaning, not on one phrasing: stems cover
inflections, optional letters cover common misspellings, the views of `folding` cover missing
diacritics, Serbian in either script, Latin transliteration and look-alike letters of the other
script. A cue returns the exact words it matched (the evidence), so every reason shown to a person
points at their own text. Pure Python: no Django import except lazy translations of the cue texts.

Cues are of two kinds:
- *warning* signs, with a weight; the strongest (documents kept by the employer, fees, debts to
  work off, penalties for leaving) make an offer `high` on their own;
- *mitigating* signs (a named, verifiable employer, a licence number, a written contract, an
  official way to apply, legal housing for seasonal work), which lower the weight of the weaker
  warning signs but never of the strong ones.

The weights here are the transparent starting point; the learnt model (`multilingual`) re-weighs
the same cues together with character n-grams of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from operator import itemgetter

from django.utils.translation import gettext_lazy as _

from kompass.recruitment import pay
from kompass.recruitment.countries import (
    ABROAD_WORDS,
    ANY_COUNTRY,
    CANONICAL_ANY_COUNTRY,
    HOME_COUNTRY,
    SCAM_HUBS,
    countries_named,
    country_of,
    guess_language,
)
from kompass.recruitment.folding import (
    SERBIAN,
    CanonicalView,
    View,
    canonical,
    canonical_fold,
    canonical_view,
    fold,
    views,
)

__all__ = ["SERBIAN", "fold"]


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CueHit:
    code: str
    text: str
    weight: float
    evidence: tuple[Evidence, ...]
    strong: bool = False
    mitigating: bool = False

    @property
    def evidence_texts(self) -> list[str]:
        return [e.text for e in self.evidence]


_TOKEN = re.compile(r"\w+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Where a pattern is matched: the folded and Latin views (patterns written in Latin letters), or
# the canonical view (patterns with Cyrillic letters: Ukrainian and Russian in either script).
FOLDED, CANONICAL = "folded", "canonical"
_MAX_PREFIX = 8


@dataclass(frozen=True)
class _Gate:
    """Word prefixes (and a few symbols) of which every match of one pattern contains one.

    All gates are put in one index (`_Index`): one set intersection between the prefixes of the
    offer's words and the prefixes of all gates tells which patterns may match; only those run.
    This keeps the scorer above 1,000 ads per second. A test runs every example with and without
    gates.
    """

    prefixes: frozenset[str]
    substrings: tuple[str, ...]

    @classmethod
    def build(cls, literals: list[str]) -> _Gate:
        prefixes, subs = set(), []
        for literal in literals:
            word = _TOKEN.fullmatch(literal)
            if word and len(literal) >= 3:
                prefixes.add(literal[:_MAX_PREFIX])
            else:
                subs.append(literal)
        return cls(frozenset(prefixes), tuple(subs))


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(?:b|c)" → ["a", "(?:b|c)"])."""
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:])
    return branches


def _prefixes(texts: list[str]) -> set[str]:
    """Every prefix of 3 to _MAX_PREFIX letters of every word of the texts."""
    words = {w for text in texts for w in _TOKEN.findall(text)}
    words |= {w.lstrip("0123456789") for w in words if w[:1].isdigit()}
    # set(map(itemgetter(...))) slices in C; far faster than a generator over the words.
    prefixes: set[str] = set()
    for n in range(3, _MAX_PREFIX + 1):
        prefixes.update(map(itemgetter(slice(None, n)), words))
    return prefixes


# Words that turn a sign into its opposite when they come just before it or inside it
# ("no fees", "we never keep your passport", "не потрібно платити", "fără taxe", "bez naknade").
_NEGATION_SOURCE = (
    r"(?<!\w)ne (?:naplać|naplac|tra[zž]|zadr[zž]|uzim|[cč]uva|pla[cć]a|morate|treba|mora|sme|smete)|(?<!\w)(?:no|not|never|don'?t|doesn'?t|won'?t|without|free of|zero|не|ні|ни|нет|немає|без|ніколи|"
    r"никогда|жодн\w*|никак\w*|nu|niciodat[aă]|f[aă]r[aă]|niciun\w*|nicio|nici|zero|nikada|nikad|nema|"
    r"bez|ni|nije|nisu)(?!\w)"
)
_NEGATION = {
    FOLDED: re.compile(fold(_NEGATION_SOURCE)),
    CANONICAL: re.compile(canonical_fold(_NEGATION_SOURCE)),
}


@dataclass(frozen=True)
class Cue:
    code: str
    text: object  # lazy translated string
    weight: float
    patterns: tuple[str, ...]
    # Literals (separated by |) of which every match contains one; each pattern is gated by those
    # literals that occur in its own source.
    gate: str = ""
    strong: bool = False  # high on its own, whatever else the offer says
    mitigating: bool = False  # a sign in the offer's favour
    negatable: bool = True  # dropped when a negation comes just before or inside the match
    unless: str = ""  # a match containing this (folded) pattern is not evidence
    # "abroad": also needs a country other than the offer's own, or the word "abroad";
    # "scam_hub": also needs a place where scam compounds recruit (countries.SCAM_HUBS).
    place: str = ""

    # Compiled once per process, on the first check (see `_Index`), not at import: the patterns
    # take a fraction of a second to compile, which every start of Kompass would otherwise pay.
    @cached_property
    def compiled(self) -> tuple[tuple[re.Pattern, _Gate | None, str, int], ...]:
        """(regex, gate, view kind) for each branch of each pattern: Latin ones on the folded
        views, Cyrillic ones on the canonical view; a branch with both scripts runs on both.

        Each top-level alternative of a pattern is its own regex with its own gate, so that only
        the alternatives whose words occur in the offer run (and each starts with a letter the
        regex engine can skip to)."""
        literals = [lit.replace("\\", "") for lit in fold(self.gate).split("|")] if self.gate else []
        compiled = []
        for group, pattern in (
            (g, branch) for g, whole in enumerate(self.patterns) for branch in _branches(whole)
        ):
            # Character classes such as [sș] stand for their first letter when looking for literals.
            source = re.sub(r"\[(\w)[^\]]*\]", r"\1", fold(pattern).replace("\\", ""))
            mine = [lit for lit in literals if lit in source]
            cyrillic = bool(_CYRILLIC.search(pattern))
            latin = bool(re.search("[a-z]", re.sub(r"\\.|\(\?P<\w+>|\[\^?[^\]]*-[^\]]*\]", "", source)))
            if latin or not cyrillic:
                compiled.append(
                    (re.compile(fold(pattern)), _Gate.build(mine) if mine else None, FOLDED, group)
                )
            if cyrillic:
                gate = _Gate.build([canonical(lit) for lit in mine]) if mine else None
                compiled.append((re.compile(canonical_fold(pattern)), gate, CANONICAL, group))
        return tuple(compiled)

    @cached_property
    def compiled_unless(self) -> dict[str, re.Pattern | None]:
        if not self.unless:
            return {FOLDED: None, CANONICAL: None}
        return {FOLDED: re.compile(fold(self.unless)), CANONICAL: re.compile(canonical_fold(self.unless))}


# Shared fragments (written unfolded; fold() handles diacritics).
_S = r"[^.!?\n]"  # a character inside one sentence
_MESSENGER = (
    r"(?:telegram\w*|телеграм\w*|телеграмм\w*|whats\s?app\w*|watsap\w*|vacap\w*|vocap\w*|вотсап\w*|ватсап\w*|"
    r"вацап\w*|viber\w*|vajber\w*|вайбер\w*|вајбер\w*|signal(?!\w)|сигнал(?!\w)|t\.me/|wa\.me/)"
)
_DOCS_EN = r"(?:passports?|id cards?|identity (?:cards?|documents?)|documents|papers|ids)"
_DOCS_UK_RU = r"(?:паспорт\w*|документ\w*|закордонн\w+ паспорт\w*|загранпаспорт\w*|pasport\w*|dokument\w*)"
_DOCS_RO = r"(?:pa[sș]aport\w*|pa[sș]apoart\w*|acte(?:le)?|documente(?:le)?|buletin\w*|cart\w+ de identitate)"
_DOCS_SR = r"(?:paso[sš]\w*|li[cč]n\w* kart\w*|dokument\w*|isprav\w*)"
_ONLINE_ROLE = (
    r"(?:online operator\w*|chat operator\w*|operators? (?:online|chat|call|support)\w*|customer (?:support|service|care)|"
    r"call[- ]?cent(?:er|re)|typing job|data entry|crypto\w*|telemarketing|online (?:sales|marketing|job|work)|"
    r"онлайн[- ]?оператор\w*|оператор\w* (?:чат\w*|колл?[- ]?центр\w*|онлайн|підтримк\w*|поддержк\w*|кол-центр\w*)|"
    r"чат[- ]?менеджер\w*|підтримк\w+ клієнт\w*|поддержк\w+ клиент\w*|служб\w+ підтримк\w*|служб\w+ поддержк\w*|"
    r"кол[- ]?центр\w*|колл[- ]?центр\w*|крипт\w*|онлайн[- ]?(?:продаж\w*|робот\w*|работ\w*)|"
    r"operator\w* (?:online|chat|call ?center|suport)|suport (?:clien\w*|tehnic)|asisten[tț][aă] clien[tț]\w*|"
    r"call ?center|cripto\w*|v[aâ]nz[aă]ri online|munc[aă] online|"
    r"onlajn operat\w*|online operat\w*|operat\w* (?:u )?(?:call ?cent\w*|kol ?cent\w*|korisni[cč]k\w*|[cč]et\w*|chat\w*)|"
    r"korisni[cč]k\w+ podr[sš]k\w*|podr[sš]k\w+ (?:korisnik\w*|klijent\w*)|kol ?centar\w*|call ?centar\w*|kripto\w*|"
    r"onlajn prodaj\w*|rad onlajn)"
)

CUES: tuple[Cue, ...] = (
    # -- strong signs: high on their own ------------------------------------------------------
    Cue(
        "documents",
        _("The employer or an intermediary wants to keep your passport or documents. Nobody may keep them: this is a strong sign of trafficking."),
        0.8,
        (
            # "we will keep your passport", "the employer holds the documents"
            rf"(?:we|employer|agency|company|coordinator|manager|boss|recruiter|driver|supervisor|team leader|foreman|landlord|they|he|she)\b{_S}{{0,30}}?\b(?:keep|keeps|hold|holds|retain|retains|take|takes|collect|collects|store|stores|look after|looks after|safeguard|safeguards)\b{_S}{{0,25}}?\b{_DOCS_EN}\b",
            rf"\b(?:hand over|hand in|hand|surrender|give|leave|deposit)\b{_S}{{0,25}}?\b{_DOCS_EN}\b{_S}{{0,40}}?\b(?:on arrival|upon arrival|to (?:the |your |our )?(?:employer|coordinator|agency|manager|boss|driver|supervisor|team leader|foreman)|for safe ?keeping|until|for the (?:duration|period|time)|while you work|during)",
            rf"\b{_DOCS_EN}\b{_S}{{0,30}}?\b(?:will be |are |is )?(?:kept|held|retained|stored|collected|confiscated|taken)\b{_S}{{0,30}}?\b(?:by (?:us|the employer|the agency|the company|the coordinator)|on arrival|until|during|for the|while)",
            rf"\b{_DOCS_EN}\b{_S}{{0,40}}?\b(?:we|they|the (?:employer|agency|coordinator|company|manager|boss|driver|supervisor))(?:'ll| will| shall)? (?:keep|hold|retain|take|store|look after|collect)s?\b",
            rf"\b{_DOCS_EN}\b{_S}{{0,20}}?\b(?:stays?|remains?)\b{_S}{{0,20}}?\bwith (?:us|the employer|the agency|the company|the coordinator)",
            # uk / ru: "паспорт ... залишимо у себе", "сдать паспорт координатору"
            rf"{_DOCS_UK_RU}{_S}{{0,40}}?(?:залиш\w*|зберіга\w*|збереж\w*|забер\w*|забира\w*|трима\w*|оставим|оставля\w*|оставит\w*|оста[её]тся|остаются|хран\w*|забер\w*|забира\w*|держ\w*|изыма\w*|вилуча\w*){_S}{{0,30}}?(?:у себе|у себя|у нас|в нас|у роботодав\w*|у працедав\w*|у работодател\w*|у координатор\w*|у бригадир\w*|в офіс\w*|в офис\w*|в агенц\w*|в агентств\w*|на час|на врем\w*|на период|на період|до кінця|до конца|на зберігання|на хранени\w*|до поверненн\w*|до возврат\w*)",
            rf"{_DOCS_UK_RU}{_S}{{0,30}}?(?:сда|зда|переда|отда|відда)\w*{_S}{{0,25}}?(?:координатор\w*|роботодав\w*|працедав\w*|работодател\w*|бригадир\w*|агенц\w*|агентств\w*|водіє\w*|водител\w*|на зберігання|на хранени\w*)",
            rf"{_DOCS_UK_RU}{_S}{{0,20}}?(?:будуть|буде|знаход\w*|перебува\w*|будут|будет|наход\w*|лежат\w*|лежать) (?:у|в) (?:бригадир\w*|координатор\w*|роботодав\w*|працедав\w*|работодател\w*|агенц\w*|агентств\w*|нас|менеджер\w*|начальник\w*|керівник\w*|руководител\w*)",
            rf"(?:залишимо|залишаємо|забираємо|заберемо|зберігаємо|тримаємо|оставляем|оставим|забираем|заберем|храним|держим|изымаем|вилучаємо)\s+(?:\w+\s+){{0,2}}?{_DOCS_UK_RU}",
            rf"(?:зда|відда|переда|сда|отда|переда)\w*{_S}{{0,25}}?{_DOCS_UK_RU}{_S}{{0,40}}?(?:координатор\w*|роботодав\w*|працедав\w*|работодател\w*|бригадир\w*|агенц\w*|агентств\w*|водіє\w*|водител\w*|на зберігання|на хранени\w*|по приїзд\w*|після приїзд\w*|по приезд\w*|после приезд\w*|на кордоні|на границе|на час|на врем\w*)",
            # ro
            rf"{_DOCS_RO}{_S}{{0,40}}?(?:r[aă]m[aâ]n\w*|p[aă]str\w*|re[tț]in\w*|[tț]in\w*|lu[aă]m|prelu[aă]m|preiau|colect\w*|confisc\w*){_S}{{0,25}}?(?:la noi|noi|(?<!\w)(?:el|ea|ei)(?!\w)|p[aâ]n[aă](?!\w)|la firm\w*|la angajator\w*|la coordonator\w*|la agen[tț]i\w*|la birou|pe (?:toat[aă] )?durata|p[aâ]n[aă] la|c[aâ]t timp|[iî]n timpul|[iî]n siguran[tț][aă]|[iî]n p[aă]strare)",
            rf"(?:p[aă]str[aă]m|re[tț]inem|lu[aă]m|prelu[aă]m|confisc[aă]m|(?<!\w)ia|(?<!\w)iau|p[aă]streaz[aă]|re[tț]ine|confisc[aă])\s+(?:\w+\s+){{0,2}}?{_DOCS_RO}",
            rf"(?:preda|l[aă]sa)\w*{_S}{{0,20}}?{_DOCS_RO}{_S}{{0,40}}?(?:la sosire|coordonator\w*|angajator\w*|[sș]ofer\w*|agen[tț]i\w*|pe durata|p[aâ]n[aă]|[iî]n p[aă]strare)",
            # sr (both scripts through the Latin view)
            rf"{_DOCS_SR}{_S}{{0,40}}?(?:ostaj\w*|ostavlj\w*|zadr[zž]\w*|[cč]uva\w*|[cč]uvamo|uzima\w*|uze[cć]emo|oduzim\w*|oduze\w*){_S}{{0,25}}?(?:kod nas|kod njega|kod nje|kod njih|kod [sš]ef\w*|kod poslodav\w*|kod koordinator\w*|u firmi|u agencij\w*|u kancelarij\w*|tokom|za vreme|do kraja|na [cč]uvanj\w*|dok radite)",
            rf"(?:zadr[zž]a\w*|[cč]uva\w*|uzima\w*|uze[cć]emo|oduzima\w*|oduze[cć]emo)\s+(?:\w+\s+){{0,2}}?{_DOCS_SR}",
            rf"{_DOCS_SR}{_S}{{0,20}}?(?:preda|ostavlja|ostavite)\w*{_S}{{0,20}}?(?:koordinator\w*|poslodav\w*|voza[cč]\w*|agencij\w*|[sš]ef\w*|brigadir\w*)",
            rf"(?:preda|ostav)\w*{_S}{{0,20}}?{_DOCS_SR}{_S}{{0,40}}?(?:po dolasku|koordinator\w*|poslodav\w*|voza[cč]\w*|agencij\w*|tokom|za vreme|na [cč]uvanj\w*)",
        ),
        gate=r"passport|id card|identity|documents|papers|ids|паспорт|загранпаспорт|закордонн|документ|pasport|dokument|pașaport|pașapoart|acte|documente|buletin|carte|pasoš|ličn|isprav|залишимо|залишаємо|забираємо|заберемо|зберігаємо|тримаємо|оставляем|оставим|забираем|заберем|храним|держим|изымаем|вилучаємо|păstrăm|reținem|luăm|preluăm|confiscăm|ia|iau|păstrează|reține|confiscă|zadrža|čuva|uzima|uzećemo|oduzima|oduzećemo",
        strong=True,
    ),
    Cue(
        "fees",
        _("You are asked to pay for the job: a fee, deposit or “registration” before you start. A real employer never asks for money."),
        0.75,
        (
            r"\b(?:regist\w*|process\w*|applica\w*|placement|agency|recruit\w*|training|visa|service|booking|job|document|medical) fees?\b|"
            r"\b(?:pay|send|transfer|deposit)\b(?: us)?(?: a| an| the)? (?:small |one-?time |refundable )?(?:fee|deposit|advance|upfront|commission)\b|"
            r"\bupfront (?:payment|fee|cost)s?\b|\badvance payment\b|\brefundable deposit\b|\bpay (?:for|before) (?:the |your )?(?:job|place|visa|work permit|contract)\b",
            r"(?:оплат\w*|вартість|внес\w*|сплат\w*|заплат\w*)\s(?:\w+\s)?(?:за )?(?:оформленн\w*|реєстраці\w*|послуг\w*|працевлаштуван\w*|документ\w*|віз\w*|місц\w*|запрошенн\w*)|"
            r"передоплат\w*|завдат\w*|реєстраційн\w+ внес\w*|(?<!\w)внес(?:ок|ку|ком)(?!\w)|комісі\w+ агенц\w*|(?:платн\w+|оплачуван\w+) (?:оформленн\w*|працевлаштуван\w*)",
            r"(?:оплат\w*|стоимост\w*|внес\w*|заплат\w*)\s(?:\w+\s)?(?:за )?(?:оформлени\w*|регистраци\w*|услуг\w*|трудоустройств\w*|документ\w*|виз\w*|мест\w*|приглашени\w*)|"
            r"предоплат\w*|регистрационн\w+ взнос\w*|(?<!\w)взнос\w*|(?<!\w)залог\w*|комисси\w+ агентств\w*|(?:платн\w+) (?:оформлени\w*|трудоустройств\w*)",
            r"tax[aăe]\w* (?:de )?(?:[iî]nregistrare|procesare|[iî]nscriere|recrutare|viz[aă]|plasare|intermediere|dosar)|comision(?:ul)? (?:agen[tț]iei|de recrutare|de plasare)|"
            r"plat[aă] [iî]n avans|avans(?:ul)? de \d+|garan[tț]i[ae] de \d+|trebuie s[aă] (?:achita[tț]i|pl[aă]ti[tț]i)|se pl[aă]te[sș]te (?:un |o )?(?:avans|tax[aă]|comision)|"
            r"(?:achita|pl[aă]ti)\w*[^.!?\n]{0,20}?(?:locul de munc[aă]|viza|dosarul|contractul|plasarea)",
            r"(?:taks[aeu]|naknad[aeu]|provizij\w*)\s(?:\w+\s)?(?:za )?(?:registracij\w*|prijav\w*|obrad\w*|posredovanj\w*|viz\w*|agencij\w*|zaposlenj\w*|dokumen\w*)|"
            r"uplat\w* unapred|pla[cć]anj\w* unapred|(?:uplat\w*|platit\w*|pla[cć]a\w*) depozit\w*|depozit\w* (?:od|u iznosu od) \d+|akontacij\w*|(?:treba|potrebno je|morate) (?:da )?uplat\w*|(?:platit\w*|platite) (?:za )?(?:posao|mesto|vizu|radnu dozvolu)",
        ),
        gate=r"fee|pay|send|transfer|deposit|upfront|advance|оплат|вартість|внес|сплат|заплат|передоплат|завдат|реєстраційн|комісі|платн|оплачуван|стоимост|предоплат|регистрационн|взнос|залог|комисси|tax|comision|plat|avans|garan|trebuie|se plătește|achita|plăti|taks|naknad|provizij|uplat|plaćanj|placanj|depozit|akontac|treba|potrebno|morate|platit",
        strong=True,
    ),
    Cue(
        "debt_bondage",
        _("Travel, visa or recruitment costs are to be deducted from your wages or worked off. A debt to the employer is how people are held in forced labour."),
        0.75,
        (
            rf"\b(?:deduct\w*|subtract\w*|withh[oe]ld\w*|recover\w*|taken? out)\b{_S}{{0,40}}?\b(?:from|out of|off) (?:your |the )?(?:first |future |monthly )?(?:salary|salaries|wages?|pay|earnings|paychecks?)",
            rf"\b(?:costs?|expenses|tickets?|travel|flights?|visas?|fees?|debts?|loans?|advances?)\b{_S}{{0,40}}?\b(?:are |is |will be )?(?:deducted|taken|withheld|recovered|repaid|paid back|subtracted)\b",
            rf"\b(?:costs?|expenses|tickets?|travel|flights?|visas?|debts?|loans?|advances?)\b{_S}{{0,30}}?\b(?:comes?|taken|goes?) (?:off|out of|from) (?:your |the )?(?:first |next |future )?(?:\w+ )?(?:salary|salaries|wages?|pay|pay ?packets?|pay ?checks?|payslips?|earnings)\b",
            rf"\b(?:work off|pay off|repay|pay back|work to repay)\b{_S}{{0,30}}?\b(?:the |your |a )?(?:debt|loan|costs?|tickets?|travel|advance|expenses)",
            rf"\bfirst (?:\w+ )?(?:months?|salary|salaries|wages?|paychecks?)\b{_S}{{0,30}}?\b(?:go(?:es)? to|covers?|to cover|pays? for|paid to)\b",
            rf"(?:вирахову\w*|відрахову\w*|утриму\w*|вирахуємо|віднімемо|утримаємо|відрахуємо|списуємо|покрива\w*|вираху\w*|відрах\w*){_S}{{0,40}}?(?:з|із) (?:\w+ )?(?:зарплат\w*|заробітн\w*|заробіт\w*|виплат\w*|зп|першої|перших)",
            rf"(?:витрат\w*|вартість|кошти|дорог\w*|квит\w*|віз\w*|борг\w*|аванс\w*|переїзд\w*|проїзд\w*){_S}{{0,40}}?(?:вирахову\w*|відрахову\w*|утриму\w*|вираху\w*|відрах\w*|спису\w*|поверта\w*|повернете|гаси\w*)?{_S}{{0,10}}?(?:з|із) (?:першої |перших |вашої |майбутньої )?(?:зарплат\w*|зп|заробітк\w*|виплат\w*)",
            rf"(?:відпрацю\w*|відроб\w*|відпрацю)\w*{_S}{{0,30}}?(?:борг\w*|витрат\w*|квит\w*|дорог\w*|віз\w*|аванс\w*|переїзд\w*)",
            rf"(?:вычит\w*|вычтем|удерж\w*|спиш\w*|списыва\w*|отним\w*|высчит\w*){_S}{{0,40}}?(?:из|с) (?:\w+ )?(?:зарплат\w*|заработ\w*|зп|выплат\w*|первой|первых)",
            rf"(?:расход\w*|стоимост\w*|затрат\w*|дорог\w*|билет\w*|виз\w*|долг\w*|аванс\w*|переезд\w*|проезд\w*){_S}{{0,40}}?(?:из|с) (?:первой |первых |вашей |будущей )?(?:зарплат\w*|зп|заработк\w*|выплат\w*)",
            rf"(?:отработ\w*){_S}{{0,30}}?(?:долг\w*|расход\w*|билет\w*|дорог\w*|виз\w*|аванс\w*|переезд\w*)",
            rf"(?:борг\w*|долг\w*){_S}{{0,30}}?(?:відпрацю\w*|відроб\w*|отработ\w*|погаси\w*|погаш\w*)",
            rf"(?:re[tț]in\w*|sc[aă]d\w*|deduc\w*|opre\w*|recuper\w*){_S}{{0,40}}?din (?:primul |primele |prima |viitorul )?(?:salari\w*|leaf\w*|c[aâ][sș]tig\w*|plat\w*)",
            rf"(?:cheltuiel\w*|costul|costurile|biletul|transportul|drumul|viza|datori\w*|avansul){_S}{{0,40}}?din (?:primul |primele |prima |viitorul )?(?:salari\w*|leaf\w*|c[aâ][sș]tig\w*)",
            rf"datori\w*{_S}{{0,30}}?(?:muncit\w*|munc[aă]\w*|lucra\w*|achit\w*|recuper\w*)|(?:lucra|munci)\w*{_S}{{0,20}}?(?:ca s[aă]|pentru a) (?:achita|pl[aă]ti|acoperi|recupera)\w*",
            rf"(?:odbi\w*|oduzim\w*|oduze\w*|skida\w*|skinu\w*|zadr[zž]ava\w*|naplati\w*){_S}{{0,40}}?(?:od|iz|sa) (?:prve |prvih |va[sš]e |budu[cć]e )?(?:plat\w*|zarad\w*|dnevnic\w*)",
            rf"(?:tro[sš]k\w*|put\w*|kart\w*|viz\w*|dug\w*|akontacij\w*){_S}{{0,40}}?(?:od|iz) (?:prve |prvih |va[sš]e |budu[cć]e )?(?:plat\w*|zarad\w*)",
            rf"(?:odradi\w*|otplat\w*|odraditi|odra[dđ]uje\w*){_S}{{0,30}}?(?:dug\w*|tro[sš]k\w*|kart\w*|put\w*|viz\w*)|dug\w*{_S}{{0,30}}?(?:odrad\w*|otpla\w*)",
        ),
        # Rent for housing taken from wages is legal in seasonal work (and told apart by its amount).
        gate=r"salar|wage|pay|earning|paycheck|deduct|taken|withh|recover|repaid|paid|subtract|work|repay|first|зарплат|заробіт|виплат|зп|першої|перших|відпрацю|відроб|борг|долг|заработ|выплат|первой|первых|отработ|salari|leaf|câștig|castig|plat|datori|lucra|munci|zarad|dnevnic|odradi|otplat|odrađ|odrad|dug",
        unless=r"housing|accommodation|rent\b|житл|проживан|жиль|квартплат|cazar|chiri|sme[sš]taj|stanarin|смештај",
        strong=True,
    ),
    Cue(
        "exit_penalty",
        _("You would be fined, lose your pay or have to pay back costs if you leave. Being unable to leave a job is a sign of forced labour."),
        0.65,
        (
            rf"\b(?:penalty|penalties|fine|fined|forfeit\w*|pay back|repay|reimburse|lose (?:your |all )?(?:wages|salary|deposit|pay))\b{_S}{{0,50}}?\b(?:leave|leaves|leaving|quit|quitting|break(?:ing)? the contract|before the end|early)\b",
            rf"\b(?:if|when|should) you (?:leave|quit|go home|break the contract)\b{_S}{{0,50}}?\b(?:pay|penalty|fine|lose|forfeit|repay|owe|will not be paid|no pay)\b",
            r"\b(?:cannot|can'?t|not allowed to|may not) (?:leave|quit|go home)\b",
            rf"\b(?:leaving|leave|leaves|quitting|quit|quits|going home|go home|goes home) (?:early|before)\b{_S}{{0,40}}?\b(?:lose|loses|pay|penalty|fine|forfeit|repay|owe)\b",
            rf"plecare\w*{_S}{{0,30}}?(?:pierde\w*|pl[aă]ti\w*|penalit\w*|amend\w*|returna\w*)",
            rf"(?:штраф\w*|неустойк\w*|поверн\w*|відшкоду\w*|втрачає\w*|втратите|не (?:отрима|виплач)\w*){_S}{{0,50}}?(?:звільн\w*|піде\w*|поїде\w*|виїд\w*|достроков\w*|раніше|до кінця|розірв\w*|залиш\w* робот\w*|піти)",
            rf"(?:якщо|у разі|при)\s(?:\w+\s)?(?:звільн\w*|піде\w*|поїде\w*|виїзд\w*|достроков\w*|розірв\w*|підете|поїдете|залишите)\w*{_S}{{0,50}}?(?:штраф\w*|поверн\w*|заплат\w*|сплат\w*|відшкод\w*|втрат\w*|не отрима\w*|не виплач\w*)",
            r"(?:не можна|не маєте права|заборонено) (?:звільн\w*|піти|поїхати|виїхати|залишити)",
            rf"(?:штраф\w*|неустойк\w*|вернуть|верн[её]те|возмест\w*|потеря\w*|потеряете|не (?:получ|выплат)\w*){_S}{{0,50}}?(?:уволь\w*|уход\w*|уйд\w*|уедет\w*|уезд\w*|досрочн\w*|раньше|до конца|расторж\w*)",
            rf"(?:если|в случае|при)\s(?:\w+\s)?(?:уволь\w*|уход\w*|уйд\w*|уед\w*|отъезд\w*|досрочн\w*|расторж\w*)\w*{_S}{{0,50}}?(?:штраф\w*|верн\w*|заплат\w*|оплат\w*|возмест\w*|потеря\w*|не получ\w*|не выплач\w*)",
            r"(?:нельзя|не имеете права|запрещено) (?:уволи\w*|уйти|уехать|покинуть)",
            rf"(?:penalit\w*|amend\w*|desp[aă]gub\w*|returna\w*|ramburs\w*|pierde\w*){_S}{{0,50}}?(?:plec\w*|demisi\w*|[iî]nainte de termen|[iî]nainte de sf[aâ]r[sș]it\w*|rezilier\w*|rezilia\w*)",
            rf"(?:dac[aă]|[iî]n cazul [iî]n care)\s(?:\w+\s)?(?:pleca\w*|pleci|demisiona\w*|renun[tț]a\w*|rezilia\w*)\w*{_S}{{0,50}}?(?:penalit\w*|amend\w*|pl[aă]t\w*|returna\w*|ramburs\w*|pierde\w*|nu (?:primi|ve[tț]i primi)\w*)",
            r"nu (?:ave[tț]i voie|pute[tț]i|ai voie|po[tț]i) s[aă] (?:pleca[tț]i|pleci|demisiona[tț]i)",
            rf"(?:kazn\w*|penal\w*|vrati\w*|vra[cć]a\w*|nadoknad\w*|gubi\w*|izgubi\w*){_S}{{0,50}}?(?:odlaz\w*|odete|ode\b|napust\w*|prekid\w*|raskid\w*|pre (?:isteka|kraja|roka)|ranije)",
            rf"(?:ako|ko|u slu[cč]aju)\s(?:\w+\s)?(?:odete|ode|odla[zs]\w*|napust\w*|raskin\w*|prekin\w*|odustane\w*|odustanete)\w*{_S}{{0,50}}?(?:kazn\w*|penal\w*|plat\w*|vrat\w*|vra[cć]\w*|nadoknad\w*|gubi\w*|izgubi\w*)",
            r"ne (?:mo[zž]ete|smete|sme) (?:da )?(?:odete|napustite|prekinete)",
        ),
        gate=r"leav|quit|break|before|early|pay|penalt|fine|lose|forfeit|repay|owe|paid|cannot|can|not|allowed|may|going|звільн|піде|поїде|виїд|достроков|раніше|кінця|розірв|залиш|піти|штраф|поверн|заплат|сплат|відшкод|втрат|отрима|виплач|можна|маєте|заборон|уволь|уход|уйд|уедет|уезд|досрочн|раньше|конца|расторж|верн|оплат|возмест|потеря|получ|выплач|нельзя|имеете|запрещ|plec|demisi|inainte|înainte|rezili|penalit|amend|plat|plăt|returna|ramburs|pierde|primi|aveți|aveti|puteți|puteti|voie|poți|poti|odlaz|odlas|odete|ode|napust|prekid|raskid|isteka|kraja|roka|ranije|kazn|penal|vrat|vrać|vrac|nadoknad|gubi|izgubi|možete|mozete|smete|sme",
        strong=True,
        negatable=False,
    ),
    # -- other warning signs ------------------------------------------------------------------
    Cue(
        "unrealistic_pay",
        _("The pay promised is far above what such work pays in that country, or is called easy money."),
        0.35,
        (
            r"\b(?:easy|quick|fast|big) money\b|\bhigh(?:ly)? paid\b|\bvery high (?:salary|pay|income)\b|\bearn (?:up to )?(?:thousands|a fortune)\b",
            r"легк\w+ (?:гроші|грошей|заробіт\w*|деньг\w+|заработ\w*)|швидк\w+ (?:заробіт\w*|гроші)|быстр\w+ (?:заработ\w*|деньг\w*)|"
            r"(?:дуже|очень) висок\w+ (?:зарплат\w+|оплат\w+|заробіт\w+)|очень высок\w+ (?:зарплат\w+|оплат\w+|заработ\w+)|"
            r"висок\w+ зарплат\w+ без|высок\w+ зарплат\w+ без|великі гроші|большие деньги",
            r"bani (?:u[sș]ori|rapizi|mul[tț]i)|c[aâ][sș]tig(?:uri)? (?:rapid\w*|u[sș]or\w*|garantat\w*|foarte mari)|salariu (?:foarte )?mare f[aă]r[aă]|salarii uria[sș]e",
            r"lak(?:a|u|e|o)? (?:zarad\w+|novac|pare)|brz\w* (?:zarad\w+|novac)|veli(?:ka|ku|ke) zarad\w+|visok\w* plat\w+ bez|ogromn\w+ zarad\w+",
        ),
        gate=r"easy|quick|fast|big|high|very|earn|легк|швидк|быстр|дуже|очень|висок|высок|великі|большие|bani|câștig|castig|salariu|salarii|lak|brz|veli|visok|ogromn",
        negatable=False,
    ),
    Cue(
        "document_copies",
        _("A recruiter asks for a scan or photo of your passport before any contract. Send copies only to an employer you have checked, for a stated purpose such as a work permit."),
        0.15,
        (
            r"\b(?:send|upload|email|e-mail|forward)\w*(?: us| me)?(?: a| an| the| your)?(?: (?:copy|copies|scan|scans|photo|photos|picture|pictures)) of(?: your)? (?:passport|id card|identity card|documents)\b|"
            r"\b(?:passport|id card)s? (?:copy|scan|photo)\b",
            r"(?:надішл|надсила|скин|відправ|пришл|присыл|отправ|скинь)\w*[^.!?\n]{0,25}?(?:фото|скан\w*|копі\w*|копи\w*|знімок)\s+(?:\w+\s+)?(?:паспорт\w*|документ\w*)|"
            r"(?:фото|скан\w*|копі\w*|копи\w*) (?:вашого |вашего )?(?:паспорт\w*|документ\w*)[^.!?\n]{0,25}?(?:надішл|надсила|скин|відправ|пришл|присыл|отправ|у телеграм|в телеграм|на вайбер|на viber|в viber|на whatsapp|у whatsapp|в whatsapp)\w*",
            r"(?:trimite|trimite[tț]i|trimi[tț]i)\w*[^.!?\n]{0,25}?(?:copie|copia|scan\w*|poz[aă]|poza|fotografi[ae]) (?:dup[aă] |a |cu |de pe )?(?:pa[sș]aport\w*|buletin\w*|actel\w*)",
            r"(?:po[sš]alj\w*|dostav\w*|prosled\w*)[^.!?\n]{0,25}?(?:kopij\w*|sken\w*|fotografij\w*|slik\w*) (?:va[sš]eg )?(?:paso[sš]\w*|li[cč]n\w* kart\w*|dokument\w*)",
        ),
        gate=r"send|upload|email|e-mail|forward|passport|id card|надішл|надсила|скин|відправ|пришл|присыл|отправ|скинь|фото|скан|копі|копи|trimite|trimiț|trimit|pošalj|posalj|dostav|prosled",
    ),
    Cue(
        "tourist_visa",
        _("You would travel on a tourist visa or without a work permit, with the papers “sorted on arrival”. Working without a permit leaves you unprotected and easy to threaten."),
        0.5,
        (
            r"\btourist visas?\b|\bvisit(?:or)? visas?\b",
            rf"\b(?:work permits?|permits?|papers|documents|legali[sz]ation|residence (?:permit|card))\b{_S}{{0,30}}?\b(?:sorted|arranged|done|issued|fixed|processed|handled|made|obtained)\b{_S}{{0,25}}?\b(?:on arrival|upon arrival|after (?:you )?arriv\w*|once (?:you are )?there|on the spot|later)",
            r"\b(?:no|without (?:a )?)(?:work )?(?:permit|visa)s?(?: (?:is |are )?(?:needed|required))?\b",
            r"туристичн\w+ віз\w*|туристичн\w+ безвіз\w*",
            rf"(?:дозвіл\w*|документ\w*|легалізац\w*|карт\w* побиту|віз\w*|робоч\w+ віз\w*){_S}{{0,30}}?(?:оформ\w*|зроб\w*|отрима\w*|виріш\w*|зробл\w*){_S}{{0,25}}?(?:на місці|після приїзд\w*|по приїзд\w*|вже там|пізніше)",
            r"без (?:дозвол\w* на робот\w*|робоч\w+ віз\w*|віз\w*)|дозвіл на роботу не потрібен",
            r"туристическ\w+ виз\w*|гостев\w+ виз\w*",
            rf"(?:разрешени\w*|документ\w*|легализаци\w*|виз\w*|вид на жительство|рабоч\w+ виз\w*){_S}{{0,30}}?(?:оформ\w*|сдела\w*|получ\w*|реш\w*){_S}{{0,25}}?(?:на месте|после приезд\w*|по приезд\w*|уже там|позже)",
            r"без (?:разрешени\w* на работ\w*|рабоч\w+ виз\w*|виз\w*)|разрешение на работу не нужно",
            r"viz[aă] (?:de )?turis\w*|viz[aă] turistic\w*",
            rf"(?:permis\w*|actele|documentele|legaliz\w*|viza|fo[aă]ia de [sș]edere){_S}{{0,30}}?(?:se fac\w*|se rezolv\w*|rezolv\w*|ob[tț]in\w*|aranj\w*|facem|face|se ob[tț]in\w*){_S}{{0,25}}?(?:la (?:fa[tț]a locului|sosire)|dup[aă] (?:sosire|ce ajunge[tț]i)|acolo|ulterior|mai t[aâ]rziu)",
            r"f[aă]r[aă] (?:permis de munc[aă]|viz[aă] de munc[aă])|permisul de munc[aă] nu (?:este|e) necesar",
            r"turist\w* viz\w*",
            rf"(?:dozvol\w*|papir\w*|dokument\w*|legalizacij\w*|viz\w*|boravi[sš]n\w*){_S}{{0,30}}?(?:sredi\w*|sre[dđ]uje\w*|re[sš]i\w*|re[sš]ava\w*|dobi\w*|izvadi\w*|uradi\w*|pravi\w*){_S}{{0,25}}?(?:na licu mesta|po dolasku|kad stignete|kada stignete|tamo|na mestu|kasnije)",
            r"bez (?:radne dozvole|radne vize|vize)|radna dozvola (?:nije potrebna|ne treba)",
        ),
        gate=r"tourist|visit|arriv|once|spot|later|permit|visa|туристичн|місці|приїзд|там|пізніше|дозвол|робоч|віз|дозвіл|туристическ|гостев|месте|приезд|позже|разрешени|виз|viz|fața|fata|sosire|ajunge|acolo|ulterior|târziu|tarziu|permis|turist|licu|dolasku|stignete|tamo|mestu|kasnije|radne|vize|radna",
        negatable=False,
    ),
    Cue(
        "scam_compound",
        _("“Online operator” or customer-support work in South-East Asia or the Gulf for high pay: the usual bait of scam compounds, where people are held and forced to defraud others."),
        0.55,
        (_ONLINE_ROLE,),
        gate=r"online|chat|operator|customer|call|typing|data|crypto|telemarketing|онлайн|оператор|чат|підтримк|поддержк|служб|кол|крипт|suport|asisten|cripto|vânzări|vanzari|muncă|munca|onlajn|operat|korisni|podršk|podrsk|kripto",
        place="scam_hub",
        negatable=False,
    ),
    Cue(
        "hostess_abroad",
        _("Work as a hostess, dancer, model or “companion” abroad: a frequent cover for sexual exploitation."),
        0.55,
        (
            r"\b(?:hostess\w*|(?:photo |fashion )?models? (?:wanted|needed)|(?:as|for) (?:a )?(?:photo )?models?\b|"
            r"modell?ing (?:job|work|agency)|dancers?|dancing|go-?go|strip\w*|escort\w*|night ?club|bar girls?|companions?|"
            r"erotic massage|massage girls?|webcam\w*|vip (?:hostess|companion|girls?))\b",
            r"хостес\w*|фотомодел\w*|(?:як|как|в качестве) модел\w*|модел[іи] (?:потрібн\w+|нужны|требуются)|"
            r"(?:робот\w*|работ\w*) модел\w*|танцівниц\w*|танцюрист\w*|танцовщиц\w*|стрип\w*|ескорт\w*|эскорт\w*|"
            r"нічн\w+ клуб\w*|ночн\w+ клуб\w*|компаньйонк\w*|компаньонк\w*|еротичн\w+ масаж\w*|эротическ\w+ массаж\w*|"
            r"вебкам\w*|веб-?модел\w*|супровід\w*|сопровождени\w*",
            r"dansatoare|dansatori|animatoare|ca model|model(?:e)? (?:foto|pentru)|hostes[ae]\w*|club de noapte|escort\w*|"
            r"masaj erotic|videochat\w*|companie pentru",
            r"plesa[cč]ic\w+|igra[cč]ic\w+|manekenk\w*|kao model\w*|foto model\w*|no[cć]n\w+ klub\w*|hostes\w*|eskort\w*|"
            r"erotsk\w+ masa[zž]\w*|pratilj\w*|dru[sš]tvo (?:za|gospod)\w*",
        ),
        place="abroad",
        gate=r"hostess|model|danc|go-go|gogo|strip|escort|night|club|bar girl|companion|erotic|massage|webcam|vip|хостес|модел|танців|танцюр|танцовщ|стрип|ескорт|эскорт|клуб|компаньй|компаньон|еротичн|эротическ|вебкам|веб|супровід|сопровождени|dansat|animatoare|hostes|masaj|videochat|companie|plesač|igrač|maneken|eskort|erotsk|pratilj|društvo",
        negatable=False,
    ),
    Cue(
        "age_gender",
        _("The offer targets young women or girls by age or looks, a common sign of recruitment for sexual exploitation."),
        0.45,
        (
            # an age range next to girls or women, never hours ("09-18"), dates or pay ranges
            r"\b(?:girls?|women|ladies|females?)\b[^.!?\n]{0,20}?\b(?:aged |from |between )?(?:1[6-9]|[2-3]\d) ?(?:[-–—]|to|and) ?(?:[2-4]\d)\b(?! ?(?:[:.,]\d|h\b|hours?|hrs|am|pm|eur|€|\$|usd|lei|%|/))|"
            r"\b(?:girls?|women|ladies|females?) (?:aged|under|from) (?:1[6-9]|[2-3]\d)\b|\b(?:young|attractive|pretty|slim|beautiful|good-looking) (?:girls|women|ladies)\b|"
            r"\b(?:pleasant|attractive) appearance\b|\bgirls? (?:from|under|over) (?:1[6-9]|[2-3]\d)\b",
            r"(?:дівчат\w*|дівчин\w*|девуш\w*|девоч\w*) (?:віком |в возрасте )?(?:від|до|от|старше|після|после) (?:1[6-9]|[2-3]\d)(?!\d)",
            r"(?:fete|tinere|domni[sș]oare) (?:de la|sub|peste|[iî]ntre) (?:1[6-9]|[2-3]\d)(?!\d)|(?:devojk\w*|devojak) (?:od|do|preko|ispod) (?:1[6-9]|[2-3]\d)(?!\d)",
            r"(?:дівчат\w*|дівчин\w*|жінк\w*|жінок)[^.!?\n]{0,20}?(?:віком )?(?:від )?(?:1[6-9]|[2-3]\d) ?(?:[-–—]|до) ?(?:[2-4]\d)(?! ?(?:[:.,]\d|год\b|годин|грн|євро|€|\$|%|/))|"
            r"(?:молод\w+|гарн\w+|симпатичн\w+|струнк\w+|вродлив\w+) (?:дівчат\w*|дівчин\w*|жін\w*)|приємн\w+ зовнішн\w+|"
            r"(?:девуш\w*|девоч\w*|женщин\w*)[^.!?\n]{0,20}?(?:в возрасте )?(?:от )?(?:1[6-9]|[2-3]\d) ?(?:[-–—]|до) ?(?:[2-4]\d)(?! ?(?:[:.,]\d|час|ч\b|руб|евро|€|\$|%|/))|"
            r"(?:молод\w+|красив\w+|симпатичн\w+|стройн\w+) (?:девуш\w*|девоч\w*|женщин\w*)|приятн\w+ внешн\w+",
            r"(?:fete|femei|tinere|domni[sș]oare)[^.!?\n]{0,20}?(?:[iî]ntre |de la |cu v[aâ]rsta )?(?:1[6-9]|[2-3]\d) ?(?:[-–—]|[sș]i) ?(?:[2-4]\d)(?! ?(?:[:.,]\d|ore|lei|euro|€|\$|%|/))|"
            r"(?:fete|tinere|domni[sș]oare|femei) (?:tinere|frumoase|atr[aă]g[aă]toare|dr[aă]gu[tț]e|sub[tț]iri)|(?:aspect|fizic) (?:fizic )?pl[aă]cut",
            r"(?:devojk\w*|devojak|[zž]en\w*|dame)[^.!?\n]{0,20}?(?:od )?(?:1[6-9]|[2-3]\d) ?(?:[-–—]|do) ?(?:[2-4]\d)(?! ?(?:[:.,]\d|h\b|sati|din|evra|€|\$|%|/))|"
            r"(?:mlad\w+|lep\w+|zgodn\w+|atraktivn\w+|vitk\w+) (?:devojk\w*|devojak|dame|[zž]ene)|prijat\w+ izgled\w*",
        ),
        gate=r"girl|women|ladies|female|young|attractive|pretty|slim|beautiful|good|pleasant|дівч|жінк|жінок|молод|гарн|симпатичн|струнк|вродлив|приємн|девуш|девоч|женщин|красив|стройн|приятн|fete|femei|tinere|domniș|aspect|fizic|devojk|devojak|žen|dame|mlad|lep|zgodn|atraktivn|vitk|prijat",
        negatable=False,
    ),
    Cue(
        "no_contract",
        _("There is no written contract or the work is unofficial, so you would have no protection."),
        0.35,
        (
            r"\b(?:no|without(?: a)?) (?:written |employment |work )?contract\b|\bcontract (?:is )?not (?:needed|required|necessary)\b|"
            r"\b(?:cash in hand|paid in cash daily|off the books|unofficial(?:ly)?|no paperwork|undeclared)\b",
            r"без (?:письмов\w+ |трудов\w+ )?(?:договор\w*|контракт\w*)|неофіційн\w+|без (?:офіційн\w+ |официальн\w+ )?оформлен\w+|договір не (?:потрібен|обов\W?язков\w*)|"
            r"без (?:письменн\w+ |трудов\w+ )?(?:договор\w*|контракт\w*)|неофициальн\w+|без оформлени\w+|договор не (?:нужен|требуется)|"
            r"(?:зарплат\w*|оплат\w*) (?:в|у) конверт\w*|(?:готівк\w*|налич\w*) (?:без|щодня|ежедневно)",
            r"f[aă]r[aă] (?:contract|forme legale|carte de munc[aă]|acte)|la negru|contractul nu (?:este|e) necesar|neoficial\w*",
            r"bez (?:pisanog )?(?:ugovor\w*|prijave)|na crno|neprijavljen\w*|ugovor nije (?:potreban|neophodan)|nezvani[cč]n\w*",
        ),
        gate=r"contract|cash|off the books|unofficial|paperwork|undeclared|договор|договір|контракт|неофіційн|оформлен|неофициальн|конверт|готівк|налич|forme legale|carte de muncă|negru|acte|neoficial|ugovor|prijave|crno|neprijavljen|nezvanič",
        negatable=False,
    ),
    Cue(
        "messenger_only",
        _("Contact is only through a messenger (Telegram, WhatsApp, Viber), so the employer cannot be checked."),
        0.3,
        (_MESSENGER,),  # only when the offer gives no other way to reach the employer, see find_cues
        gate=r"telegram|телеграм|whats|watsap|vacap|vocap|вотсап|ватсап|вацап|viber|vajber|вайбер|вајбер|signal|сигнал|t.me/|wa.me/",
        negatable=False,
    ),
    Cue(
        "no_company",
        _("The employer is not named or its details are hidden until later, so it cannot be verified."),
        0.3,
        (
            r"\b(?:company|employer)(?: name| details)? (?:will be )?(?:disclosed|given|revealed|provided|told) (?:later|at (?:the )?interview|after|on request|in private)\b|"
            r"\bdetails (?:in|via|by) (?:private|pm|dm|direct message|inbox)\b|\bconfidential (?:employer|company|client)\b|"
            r"\bmore (?:info|details) (?:in|via|by) (?:pm|dm|private|inbox|direct)\b|\b(?:write|message) (?:me |us )?(?:in )?(?:pm|dm|private)\b",
            r"(?:подробиц\w*|деталі|детали|подробност\w*|інформаці\w*|информаци\w*) (?:в|у) (?:особист\w*|приват\w*|директ\w*|лс|личк\w*|личн\w*)|"
            r"назв\w* (?:компанії|фірми|роботодавця) (?:повідом\w+|скаж\w+|дізнаєте\w*) (?:пізніше|на співбесід\w+|особисто)|"
            r"назван\w* (?:компании|фирмы|работодателя) (?:сообщ\w+|скаж\w+|узнаете) (?:позже|на собеседовани\w+|лично)|"
            r"пиш\w* (?:в|у) (?:особист\w*|лс|личк\w*|директ)",
            r"detalii (?:[iî]n privat|pe privat|pe pm|[iî]n mesaj privat|la mesaj|pe mess)|"
            r"numele (?:firmei|companiei|angajatorului) (?:va fi )?(?:comunicat|dezv[aă]luit|spus) (?:ulterior|mai t[aâ]rziu|la interviu)|scrie\w* (?:[iî]n|pe) privat",
            r"detalj\w* (?:u|na) (?:inbo[xk]s?\w*|privat\w*|poruc\w+|pp)|vi[sš]e informacija (?:u|na) (?:inbo[xk]s?\w*|privat\w*|poruc\w+)|"
            r"ime (?:firme|kompanije|poslodavca) (?:[cć]e biti )?(?:saop[sš]ten\w*|re[cč]eno|poznato) (?:kasnije|na razgovoru)|pi[sš]\w* (?:u|na) (?:inbox|privat\w*|pp)",
        ),
        gate=r"company|employer|details|confidential|more|write|message|подробиц|деталі|детали|подробност|інформаці|информаци|назв|назван|пиш|detalii|numele|scrie|detalj|više|vise|ime|piš|pis",
        negatable=False,
    ),
    Cue(
        "no_licence",
        _("An agency that places workers abroad gives no licence number, so you cannot check that it is allowed to do so."),
        0.2,
        (
            r"\b(?:recruitment|employment|staffing|job|travel) agenc(?:y|ies)\b|\bagency\b|\brecruiters?\b|\bintermediar(?:y|ies)\b|"
            r"агенці\w*|агенств\w*|агентств\w*|кадров\w+ (?:агенц\w*|агентств\w*|компан\w*)|рекрут\w*|посередни\w*|посредни\w*|"
            r"agen[tț]i\w*|agen[tț]ie de (?:recrutare|plasare|munc[aă])|recrut\w*|intermediar\w*|"
            r"agencij\w*|posredni\w*|posredovanj\w*|regrut\w*",
        ),
        place="abroad",  # and no licence number, see find_cues
        gate=r"recruitment|employment|staffing|job|travel|agency|agencies|recruiter|intermediar|агенці|агенств|агентств|кадров|рекрут|посередни|посредни|agenți|agenti|agenție|agentie|recrut|agencij|posredni|posredovanj|regrut",
        negatable=False,
    ),
    Cue(
        "all_paid",
        _("Travel, visa or housing are promised “all paid” by the employer."),
        0.2,
        (
            r"\b(?:free|paid|provided) (?:accommodation|housing|lodging|flights?|tickets?|travel|visas?)\b|"
            r"\b(?:accommodation|housing|flights?|tickets?|travel|visas?)(?: and \w+)? (?:is |are )?(?:free|paid|provided|covered)\b|"
            r"\bwe (?:pay|cover) (?:for )?(?:your )?(?:travel|tickets?|flights?|visas?|accommodation|housing)\b|"
            r"\ball expenses (?:are )?(?:paid|covered)\b|\beverything is paid\b|\ball paid\b",
            r"безкоштовн\w+ (?:житл\w+|проживання|квит\w+|дорог\w+|віз\w+|переїзд\w*)|"
            r"(?:житло|проживання|квитки|дорог\w|віз\w|переліт)\w* (?:надається|безкоштовн\w+|оплачу\w+|за (?:наш |власн\w+ )?рахунок)|"
            r"оплачу\w+ (?:дорог\w+|квитк\w+|віз\w+|житл\w+|переліт|проїзд)|все оплачено|всё оплачено|усе оплачено|"
            r"бесплатн\w+ (?:жиль\w+|жилье|проживани\w+|билет\w+|дорог\w+|виз\w+|перел[её]т)|"
            r"(?:жиль[её]|проживание|билеты|дорога|виза|перел[её]т) (?:предоставляется|бесплатн\w+|оплачива\w+|за (?:наш )?сч[её]т)|"
            r"оплачива\w+ (?:дорог\w+|билет\w+|виз\w+|жиль\w+|перел[её]т|проезд)",
            r"(?:cazare|transport(?:ul)?|biletele?|zborul|viza)(?: [sș]i \w+)? (?:gratuit\w*|asigurat\w*|pl[aă]tit\w*|inclus\w*)|"
            r"(?:totul|toate cheltuielile) (?:este |sunt )?(?:pl[aă]tit\w*|suportat\w*|asigurat\w*)|"
            r"pl[aă]tim (?:transportul|biletele|viza|cazarea|zborul)",
            r"besplat\w+ (?:sme[sš]taj\w*|prevoz\w*|kart\w+|viz\w+|let\w*)|"
            r"(?:sme[sš]taj|prevoz|put|karte|viza|avionska karta)\w* (?:je |su )?(?:besplat\w+|obezbe[dđ]\w+|pla[cć]en\w+)|"
            r"sve (?:je )?pla[cć]eno|pla[cć]amo (?:put|prevoz|karte|vizu|sme[sš]taj)",
        ),
        gate=r"free|paid|provided|accommodation|housing|lodging|flight|ticket|travel|visa|expenses|everything|all paid|безкоштов|житл|проживан|квит|дорог|віз|переліт|оплач|оплачено|бесплат|жиль|билет|виз|перел|cazare|transport|bilet|zbor|viza|totul|toate|plătim|besplat|smeštaj|prevoz|put|karte|plaćamo|placamo|sve",
        negatable=False,
    ),
    Cue(
        "no_experience",
        _("No experience or knowledge of the language is needed, which is unusual for well-paid work abroad."),
        0.1,
        (
            r"\bno (?:prior |previous )?(?:work )?experience(?: is)? (?:needed|required|necessary)\b|"
            r"\bexperience (?:is )?not (?:needed|required|necessary)\b|\bwithout (?:any )?experience\b|"
            r"\bno (?:english|language|foreign language)s?(?: skills)?(?: is| are)? (?:needed|required|necessary)\b|"
            r"\b(?:english|language skills?|knowledge of (?:the )?language) (?:is |are )?not (?:needed|required|necessary)\b|"
            r"\bwithout (?:knowing|knowledge of) (?:the )?language\b",
            r"без досвіду|досвід (?:роботи )?не (?:потрібен|обов\W?язков\w*)|без знання мов\w*|"
            r"знання мов\w* не (?:потрібн\w+|обов\W?язков\w*)",
            r"без опыта|опыт (?:работы )?не (?:нужен|требуется|обязател\w+)|без знания язык\w*|"
            r"знание язык\w* не (?:нужно|требуется|обязательно)",
            r"f[aă]r[aă] experien[tț][aă]|nu (?:este|e) necesar[aă] experien[tț][aă]|experien[tț]a nu (?:este|e) necesar[aă]|"
            r"f[aă]r[aă] (?:cunoa[sș]terea|cuno[sș]tin[tț]e de) limb\w+|nu (?:este|e) necesar[aă] cunoa[sș]terea limbii",
            r"bez (?:prethodnog )?iskustva|iskustvo nije (?:potrebno|neophodno|uslov)|"
            r"bez znanja (?:stranog )?jezika|znanje (?:stranog )?jezika nije (?:potrebno|neophodno|uslov)",
        ),
        gate=r"experience|english|language|knowledge|without|досвід|мов|опыт|язык|experien|cunoaș|cunoștin|limb|iskust|jezik",
        negatable=False,
    ),
    Cue(
        "urgency",
        _("The offer pushes you to decide in a hurry (urgent, leaving tomorrow, few places)."),
        0.1,
        (
            r"\burgent(?:ly)?\b|\bstart (?:immediately|today|tomorrow)\b|\bleav(?:e|ing) (?:tomorrow|this week|next week)\b|"
            r"\blimited (?:places|spots|seats)\b|\bonly \d+ (?:places|spots|seats|vacancies)\b|\bhurry\b|\bdon'?t miss\b",
            r"(?<!\w)терміново|(?<!\w)негайно|виїзд (?:завтра|вже|цього тижня|найближчим часом)|кількість місць обмежен\w+|лише \d+ місц\w+",
            r"(?<!\w)срочно|(?<!\w)немедленно|выезд (?:завтра|уже|на этой неделе|в ближайшее время)|количество мест ограничен\w+|только \d+ мест\w*|спешите",
            r"\burgent\b|plecare (?:imediat[aă]|m[aâ]ine|s[aă]pt[aă]m[aâ]na aceasta)|locuri limitate|doar \d+ locuri|gr[aă]bi[tț]i-v[aă]",
            r"\bhitno\b|odmah|polazak (?:sutra|ove nedelje|odmah)|broj mesta (?:je )?ograni[cč]en|samo \d+ mesta|po[zž]urite",
        ),
        gate=r"urgent|start|leav|limited|only|hurry|miss|терміново|негайно|виїзд|кількість|лише|срочно|немедленно|выезд|количество|только|спешите|plecare|locuri|doar|grăbi|hitno|odmah|polazak|broj|samo|požur|pozur",
        negatable=False,
    ),
    # -- mitigating signs ---------------------------------------------------------------------
    Cue(
        "licence_number",
        _("The agency gives a licence number you can check in the official register."),
        0.35,
        (
            r"(?:licen[cs]e|licen[tț][aăe]|licen[cz]\w*|ліценз\w*|лиценз\w*|kraz|aüg|autoriza[tț]i\w*|registration|[iî]nregistrare|реєстрац\w*|регистрац\w*|registr\w*|dozvol\w*)[^.!?\n]{0,25}?(?:№|nr\.?|no\.?|number|num[aă]r\w*|номер\w*|br\.?|broj\w*|:)\s?[a-z]{0,4}[ ./-]?\d[\d/ .-]{2,}",
            r"(?:licensed|registered) (?:by|with|under) (?:the )?(?:gla|gangmasters|anofm|itm|ministry|ministerul|national)|"
            r"agent de munc[aă] temporar[aă]|registrul (?:agen[tț]|furnizor)\w*|rejestr agencji zatrudnienia",
        ),
        gate=r"licen|лиценз|ліценз|kraz|aüg|autoriza|registration|înregistrare|inregistrare|реєстрац|регистрац|registr|dozvol|licensed|registered|agent de muncă|agent de munca|rejestr",
        mitigating=True,
        negatable=False,
    ),
    Cue(
        "written_contract",
        _("A written employment contract is offered."),
        0.25,
        (
            r"\b(?:employment|work|written|labou?r|permanent|fixed[- ]term) contracts?\b|\bcontract of employment\b|\bumowa o prac[eę]\b|\barbeitsvertrag\b",
            r"трудов\w+ (?:договір\w*|договор\w*|контракт\w*)|офіційн\w+ (?:працевлаштуван\w*|оформленн\w*)|офіційно (?:працевлаштов\w*|оформл\w*)|"
            r"официальн\w+ (?:трудоустройств\w*|оформлени\w*)|официально (?:трудоустро\w*|оформл\w*)|письмов\w+ (?:договір\w*|договор\w*)|письменн\w+ договор\w*",
            r"contract (?:de munc[aă]|individual de munc[aă]|pe perioad[aă]|legal|[iî]n limba)|contract(?:ul)? cim\b|carte de munc[aă]|forme legale|angajare legal[aă]",
            r"ugovor (?:o radu|na (?:neodre|odre)\w*|o zaposlenju)|prijav\w* (?:od prvog dana|na puno radno|u skladu sa zakonom)|legaln\w+ zaposlenj\w*|pisan\w+ ugovor\w*",
        ),
        gate=r"employment|work|written|labour|labor|permanent|fixed|contract|umowa|arbeitsvertrag|трудов|офіційн|офіційно|официальн|официально|письмов|письменн|carte|forme|angajare|ugovor|prijav|legaln|pisan",
        mitigating=True,
    ),
    Cue(
        "named_employer",
        _("The employer is named with its legal form or registration number, so it can be checked."),
        0.2,
        (
            r"(?<!\w)(?:s\.r\.l\.?|s\.a\.(?!\w)|gmbh|sp\. z ?o\.o\.|sp\.? z\.?o\.?o\.?|s\.r\.o\.?|d\.o\.o\.?|ltd\.?|llc|plc|b\.v\.?|s\.l\.u?\.?|s\.p\.a\.?|"
            r"тов(?!\w)|тзов(?!\w)|ооо(?!\w)|прат(?!\w)|пат(?!\w)|фоп(?!\w)|д\.о\.о\.?|доо(?!\w)|srl(?!\w)|doo(?!\w))|"
            r"(?:cui|cif|єдрпоу|едрпоу|инн|idno|pib|mati[cč]ni broj|krs|nip|hrb|company (?:no|number)|reg\. ?no)\.?:? ?(?:ro)?\d{5,}",
        ),
        gate=r"s.r.l|s.a.|gmbh|sp.|s.r.o|d.o.o|ltd|llc|plc|b.v|s.l|s.p.a|тов|тзов|ооо|прат|пат|фоп|д.о.о|доо|srl|doo|cui|cif|єдрпоу|едрпоу|инн|idno|pib|matičn|maticn|krs|nip|hrb|company|reg.",
        mitigating=True,
        negatable=False,
    ),
    Cue(
        "official_channel",
        _("You can apply through an official channel: the company's website, an e-mail address, a job board or an office."),
        0.2,
        (
            r"[\w.+-]+@[\w-]+\.[a-z]{2,}|(?:https?://|www\.)(?!t\.me|wa\.me)[\w.-]+\.[a-z]{2,}",
            r"\b(?:ejobs|bestjobs|hipo|work\.ua|robota\.ua|rabota\.ua|rabota\.md|hh\.ru|infostud\w*|helloworld|eures|anofm|"
            r"nsz\.gov|nsz|pracuj\.pl|indeed|linkedin|stepstone|jooble|olx praca|lucru\.md|dou\.ua|djinni)\b",
            r"\b(?:apply|send (?:your |us your )?(?:cv|resume|application))\b|\bcv\b|curriculum|резюме|(?:trimite|depune)\w* cv|cv-?ul|biografij\w*|"
            r"(?:interview|interviu|співбесід\w*|собеседовани\w*|razgovor\w*)[^.!?\n]{0,30}?(?:office|sediu|birou|офіс\w*|офис\w*|kancelarij\w*|prostorij\w*)",
        ),
        gate=r"@|http|www|ejobs|bestjobs|hipo|work.ua|robota|rabota|hh.ru|infostud|helloworld|eures|anofm|nsz|pracuj|indeed|linkedin|stepstone|jooble|olx|lucru|dou.ua|djinni|apply|send|cv|curriculum|резюме|trimite|depune|biografij|interview|interviu|співбесід|собеседовани|razgovor",
        mitigating=True,
        negatable=False,
    ),
    Cue(
        "legal_accommodation",
        _("The housing for seasonal work is described as meeting the legal standards (certified, with a contract or a set number of people per room)."),
        0.2,
        (
            r"\bsnf\b|\bcertified (?:housing|accommodation)\b|\baccommodation (?:meets|according to|in line with) (?:the )?(?:legal|law|standards)|"
            r"\brooms? (?:for|of) [1-4] (?:people|persons)\b|\b[1-4]-(?:person|bed) rooms?\b|\btenancy agreement\b",
            r"(?:кімнат\w*|комнат\w*) (?:на|по|для) [1-4](?:[-–][1-4])?(?:-х|-ох|-и)? (?:особ\w*|люд\w*|осіб|человек\w*|чел)|легальн\w+ (?:житл\w*|жиль\w*)|"
            r"договір (?:оренди|найму) житла|договор (?:аренды|найма) жиль\w*",
            r"camer\w* (?:de|cu|pentru) [1-4] (?:persoane|paturi)|cazare (?:conform|legal\w*|autorizat\w*)|contract de [iî]nchiriere",
            r"sob\w* (?:za|sa) [1-4] (?:osob\w*|kreve\w*)|(?:dvokrevet|trokrevet)\w*|legaln\w+ sme[sš]taj\w*|ugovor o zakupu",
        ),
        gate=r"snf|certified|accommodation|rooms|room|person|bed|tenancy|кімнат|комнат|легальн|договір|договор|camer|cazare|contract|sob|dvokrevet|trokrevet|legaln|ugovor",
        mitigating=True,
        negatable=False,
    ),
)  # fmt: skip
CUE_CODES: tuple[str, ...] = tuple(cue.code for cue in CUES if not cue.mitigating)
MITIGATING_CODES: tuple[str, ...] = tuple(cue.code for cue in CUES if cue.mitigating)
STRONG_CODES: frozenset[str] = frozenset(cue.code for cue in CUES if cue.strong)
ALL_CODES: tuple[str, ...] = CUE_CODES + MITIGATING_CODES
_BY_CODE = {cue.code: cue for cue in CUES}


class _TwoWay:
    """A pattern written in Latin and Cyrillic, for the folded views and for the canonical view."""

    def __init__(self, source: str) -> None:
        self.folded = re.compile(fold(source))
        self.canonical = re.compile(canonical_fold(source))

    def search(self, views_: list[View], canonical_: View) -> bool:
        return any(self.folded.search(v.text) for v in views_) or bool(self.canonical.search(canonical_.text))


# Contact channels the checker form offers; a messenger chosen there is itself evidence.
MESSENGER_CHANNELS = {"telegram": "Telegram", "whatsapp": "WhatsApp", "viber": "Viber", "signal": "Signal"}
_MESSENGER_RE = re.compile(fold(_MESSENGER))
# Another way to reach the employer than a messenger: a phone call, an office, an address.
_OTHER_CHANNEL = _TwoWay(
    r"(?<!\w)(?:call|phone|tel\.?|telephone|landline|office|address|телефон\w*|тел\.?|дзвон\w*|зателефон\w*|"
    r"звон\w*|позвон\w*|офіс\w*|офис\w*|адрес\w*|suna\w*|telefon\w*|sediu\w*|birou\w*|adres[aă]\w*|"
    r"pozov\w*|zov\w*|nazov\w*|kancelarij\w*|adres\w*)(?!\w)"
)


# Pay called high, in words ("high salary", "висока зарплата", "câștiguri mari").
_HIGH_PAY = _TwoWay(
    r"(?:high|huge|big|great|excellent|attractive)\w* (?:salar|pay|income|commission|bonus|earning)\w*|"
    r"(?:висок|великі|великий|велик)\w* (?:зарплат|дох|оплат|заробіт|комісі|бонус)\w*|"
    r"(?:высок|больш|огромн)\w* (?:зарплат|доход|оплат|заработ|комисси|бонус)\w*|"
    r"(?:salari\w*|c[aâ][sș]tig\w*|venit\w*|comisioane) (?:mari|mare|foarte mari|uria[sș]e|atractiv\w*)|"
    r"(?:visok|ogromn|velik)\w* (?:plat|zarad|provizij|bonus)\w*"
)

# "No calls" does not offer a phone.
_CALLS_REFUSED = _TwoWay(
    r"no (?:phone )?calls|do not call|don'?t call|звонки не\s\w+|дзвінки не\s\w+|не (?:звонит\w*|телефонуйт\w*|дзвонit\w*|дзвоніть)|"
    r"nu suna\w*|f[aă]r[aă] apeluri|bez poziva|ne zovite|pozivi nisu|позиви нису|не зовите"
)


def _sentence_prefix(text: str, start: int, width: int = 25) -> str:
    prefix = text[max(0, start - width) : start]
    cut = max(prefix.rfind(mark) for mark in ".!?\n;")
    return prefix[cut + 1 :]


def _find(
    view: View, regex: re.Pattern, original: str, negation: re.Pattern | None, unless: re.Pattern | None
) -> list[Evidence]:
    found = []
    for match in regex.finditer(view.text):
        if match.end() == match.start():
            continue
        if unless is not None and unless.search(match.group()):
            continue
        if negation is not None and negation.search(
            _sentence_prefix(view.text, match.start()) + match.group()
        ):
            continue
        start, end = view.span(match.start(), match.end())
        found.append(Evidence(start, end, original[start:end].strip()))
    return found


class _Index:
    """Every pattern of every cue compiled once, with one index of their gates per view kind."""

    def __init__(self) -> None:
        # (cue number, regex, kind, negation, unless) per pattern, in cue order
        self.patterns: list[tuple[int, re.Pattern, str, re.Pattern | None, re.Pattern | None]] = []
        self.ungated: set[int] = set()
        self.by_prefix: dict[str, dict[str, set[int]]] = {FOLDED: {}, CANONICAL: {}}
        self.by_substring: dict[str, list[tuple[str, int]]] = {FOLDED: [], CANONICAL: []}
        for number, cue in enumerate(CUES):
            for regex, gate, kind, group in cue.compiled:
                pid = len(self.patterns)
                negation = _NEGATION[kind] if cue.negatable else None
                self.patterns.append((number, regex, kind, negation, cue.compiled_unless[kind], group))
                if gate is None:
                    self.ungated.add(pid)
                    continue
                for prefix in gate.prefixes:
                    self.by_prefix[kind].setdefault(prefix, set()).add(pid)
                self.by_substring[kind] += [(sub, pid) for sub in gate.substrings]
        self.keys = {kind: frozenset(table) for kind, table in self.by_prefix.items()}
        self.substrings = {}
        for kind, pairs in self.by_substring.items():
            table: dict[str, set[int]] = {}
            for sub, pid in pairs:
                table.setdefault(sub, set()).add(pid)
            # Longest first, and overlapping finds: every symbol present is found.
            alternatives = "|".join(re.escape(sub) for sub in sorted(table, key=len, reverse=True))
            self.substrings[kind] = (re.compile(f"(?=({alternatives}))"), table)

    def open_patterns(self, texts: dict[str, list[str]]) -> set[int]:
        """The patterns whose gate opens on the texts of each view kind."""
        found = set(self.ungated)
        for kind, kind_texts in texts.items():
            table = self.by_prefix[kind]
            for prefix in self.keys[kind].intersection(_prefixes(kind_texts)):
                found |= table[prefix]
            regex, table = self.substrings[kind]
            for sub in {sub for text in kind_texts for sub in regex.findall(text)}:
                found |= table[sub]
        return found


@cache
def _index() -> _Index:
    return _Index()


def _merge(evidence: list[Evidence], original: str) -> tuple[Evidence, ...]:
    """Sort spans; join overlapping ones into one span of the original text."""
    ordered = sorted(set(evidence), key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Evidence] = []
    for item in ordered:
        last = kept[-1] if kept else None
        if last is not None and item.start >= 0 and item.start < last.end:
            end = max(last.end, item.end)
            kept[-1] = Evidence(last.start, end, original[last.start : end].strip())
            continue
        kept.append(item)
    return tuple(kept)


@dataclass(frozen=True)
class Reading:
    """What the checker reads from an offer besides the cues: language and the countries named."""

    language: str
    destinations: tuple[str, ...]  # countries named, other than the offer's own, in order
    pay: pay.PayJudgement | None
    latin: str = ""  # the Latin view of the whole offer (the learnt model's n-grams)


def _place_evidence(views_: list[View], original: str, countries: set[str]) -> list[Evidence]:
    """Spans naming one of `countries` (the last view given may be the canonical one)."""
    found = []
    for view in views_:
        canonical_ = isinstance(view, CanonicalView)
        for match in (CANONICAL_ANY_COUNTRY if canonical_ else ANY_COUNTRY).finditer(view.text):
            if country_of(match.group(), canonical_) in countries:
                start, end = view.span(match.start(), match.end())
                found.append(Evidence(start, end, original[start:end].strip()))
    return found


def read(text: str) -> tuple[list[CueHit], Reading]:
    return analyse(text or "", "")


def find_cues(text: str, *, contact_channel: str = "") -> list[CueHit]:
    """Return the cues found in `text` (warning and mitigating), each with the exact words that triggered it."""
    return analyse(text or "", contact_channel)[0]


def analyse(text: str, contact_channel: str = "", *, gated: bool = True) -> tuple[list[CueHit], Reading]:
    views_ = views(text)
    canonical_ = canonical_view(text)
    index = _index()
    # Latin patterns read the Latin view only (see below), Cyrillic ones the canonical view.
    texts = {FOLDED: [views_[-1].text], CANONICAL: [canonical_.text]}
    open_ = index.open_patterns(texts) if gated else set(range(len(index.patterns)))
    language = guess_language(text)
    home = HOME_COUNTRY[language]
    named: list[str] = []
    for view in views_:
        named += [c for c in countries_named(view.text) if c not in named]
    named += [c for c in countries_named(canonical_.text, canonical=True) if c not in named]
    destinations = tuple(c for c in named if c != home)
    abroad_cache: list[list[Evidence]] = []

    def abroad() -> list[Evidence]:
        """Spans naming a country other than the offer's own, or the word "abroad" (found once, when needed)."""
        if not abroad_cache:
            words_ = [
                Evidence(*view.span(m.start(), m.end()), "")
                for view in views_[:1]
                for m in ABROAD_WORDS.finditer(view.text)
            ]
            abroad_cache.append(
                _place_evidence([*views_, canonical_], text, set(destinations))
                + [Evidence(e.start, e.end, text[e.start : e.end].strip()) for e in words_]
            )
        return abroad_cache[0]

    judgement = pay.judge(views_[0].text, list(destinations) or list(named), kind_text=views_[-1].text)

    hits: list[CueHit] = []
    found: list[list[Evidence]] = [[] for _cue in CUES]
    # A pattern in Latin letters finds in the Latin view everything it finds in the folded one
    # (the Latin words are the same in both), so a text with Cyrillic is read once, in Latin.
    latin_views = views_[-1:]
    # The branches of one pattern find what the whole alternation would: leftmost first, an earlier
    # branch first at the same place, no overlaps.
    by_group: dict[tuple[int, int, int], list[tuple[int, int, Evidence]]] = {}
    for pid in sorted(open_):
        number, regex, kind, negation, unless, group = index.patterns[pid]
        for view_number, view in enumerate(latin_views if kind == FOLDED else (canonical_,)):
            key = (number, group, view_number if kind == FOLDED else -1)
            by_group.setdefault(key, []).extend(
                (e.start, pid, e) for e in _find(view, regex, text, negation, unless)
            )
    for (number, _group, _view), matches in by_group.items():
        end = -1
        for start, _pid, evidence in sorted(matches, key=lambda m: (m[0], m[1])):
            if start >= end:
                found[number].append(evidence)
                end = evidence.end
    by_code: dict[str, list[Evidence]] = {}
    for cue, evidence in zip(CUES, found, strict=True):
        if cue.code == "unrealistic_pay" and judgement is not None:
            amount = judgement.amount
            start, end = views_[0].span(amount.start, amount.end)
            evidence.append(Evidence(start, end, text[start:end].strip()))
        if evidence and cue.place == "abroad":
            evidence = evidence + abroad() if abroad() else []
        if evidence and cue.place == "scam_hub":
            hubs = _place_evidence([*views_, canonical_], text, SCAM_HUBS & set(named))
            evidence = evidence + hubs if hubs else []
        by_code[cue.code] = evidence
    # A messenger is a warning sign only when the offer gives no other way to reach the employer.
    if by_code["messenger_only"] and (
        by_code["official_channel"]
        or any(_OTHER_CHANNEL.folded.search(_CALLS_REFUSED.folded.sub(" ", view.text)) for view in views_)
        or _OTHER_CHANNEL.canonical.search(_CALLS_REFUSED.canonical.sub(" ", canonical_.text))
    ):
        by_code["messenger_only"] = []
    if contact_channel in MESSENGER_CHANNELS:
        # The person told us the only contact is a messenger; no span in the text to show.
        by_code["messenger_only"] = by_code["messenger_only"] or [
            Evidence(-1, -1, MESSENGER_CHANNELS[contact_channel])
        ]
    elif contact_channel in ("phone", "email", "website"):
        by_code["messenger_only"] = []
    # The bait of a scam compound is the pay (or the free trip): without it, a support job abroad is not the sign.
    if by_code["scam_compound"] and not (
        judgement is not None
        or by_code["all_paid"]
        or by_code["unrealistic_pay"]
        or _HIGH_PAY.search(views_, canonical_)
        or pay.amounts(views_[0].text)
    ):
        by_code["scam_compound"] = []
    # An agency placing abroad is a sign only without a licence number.
    if by_code["licence_number"]:
        by_code["no_licence"] = []
    for cue in CUES:
        evidence = [e for e in by_code[cue.code] if e.text]
        if not evidence:
            continue
        text_shown = str(cue.text)
        if cue.code == "unrealistic_pay" and judgement is not None:
            text_shown = pay_text(judgement)
        hits.append(
            CueHit(cue.code, text_shown, cue.weight, _merge(evidence, text), cue.strong, cue.mitigating)
        )
    return hits, Reading(language, destinations, judgement, views_[-1].text)


def pay_text(judgement: pay.PayJudgement) -> str:
    """The reason shown for pay too good to be true; a wage figure only when read in its source."""
    from django.utils.translation import gettext

    from kompass.directory.codes import country_name

    wage = judgement.wage
    values = {
        "amount": f"{judgement.amount.eur_per_month:,.0f}".replace(",", " "),
        "typical": f"{judgement.typical_eur:,.0f}".replace(",", " "),
        "country": country_name(judgement.country) if judgement.country else "",
        "source": wage.source_name if wage else "",
        "period": wage.period if wage else "",
    }
    if wage is not None and wage.shown:
        return (
            gettext(
                "The pay promised (about %(amount)s € a month) is far above the usual net pay for such work in "
                "%(country)s (about %(typical)s €; source: %(source)s, %(period)s). Offers that are too good to "
                "be true are the most common bait."
            )
            % values
        )
    if judgement.country:
        return (
            gettext(
                "The pay promised (about %(amount)s € a month) is several times what such work usually pays in "
                "%(country)s. Offers that are too good to be true are the most common bait."
            )
            % values
        )
    return (
        gettext(
            "The pay promised (about %(amount)s € a month) is several times what such work usually pays in "
            "Europe. Offers that are too good to be true are the most common bait."
        )
        % values
    )


def cue_vector(text: str) -> list[int]:
    """1/0 per warning cue in CUE_CODES order, then per mitigating cue (the model's cue features)."""
    found = {hit.code for hit in find_cues(text)}
    return [int(code in found) for code in ALL_CODES]


def cue_score(hits: list[CueHit]) -> float:
    """The transparent score: strong signs count in full; the weaker ones are combined as
    independent signs (noisy-OR, 1 − Π(1 − weight)) and scaled down by the mitigating signs."""
    strong, weak, mitigation = 1.0, 1.0, 1.0
    for hit in hits:
        if hit.mitigating:
            mitigation *= 1.0 - hit.weight
        elif hit.strong:
            strong *= 1.0 - hit.weight
        else:
            weak *= 1.0 - hit.weight
    weak_score = (1.0 - weak) * mitigation
    return round(1.0 - strong * (1.0 - weak_score), 4)


def cue_text(code: str) -> str:
    return str(_BY_CODE[code].text)
