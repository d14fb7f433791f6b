"""Frozen copy of the job-offer cues as they were before issue 11 (main at da602ad), for the benchmark only:
`make bench` compares today's checker with this one side by side. Not imported by Kompass."""

# ruff: noqa
from __future__ import annotations

"""Transparent rule cues for risky job offers, in English, Ukrainian, Russian, Romanian and Serbian.

Each cue is a list of regular expressions. A cue fires only when one of them matches, and it
returns the exact words it matched (the evidence), so every reason shown to a person points at
their own text. Pure Python: no Django import except lazy translations of the cue texts.

Matching works on two views of the text, both with a map back to the original characters:
- the *folded* view: lower case, diacritics removed (ș→s, ž→z, ї→і, й→и), so that "fara"
  matches "fără" and offers typed without diacritics;
- the *Latin* view: the folded view with Serbian Cyrillic transliterated, so that one set of
  Serbian patterns covers both scripts ("пасош" → "pasos").
"""


import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from django.utils.translation import gettext_lazy as _

# Serbian Cyrillic → Latin (Gaj). Letters shared with Russian/Ukrainian are mapped too; the Latin
# view is only used to find Serbian and other Latin-script patterns.
_SR_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip


_SERBIAN_LETTERS = re.compile("[" + "".join(_SR_CYR) + "]")


def _fold_char(char: str) -> str:
    lowered = char.lower()
    if lowered == "đ":
        return "d"
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped or lowered


@dataclass(frozen=True)
class _View:
    text: str
    origin: tuple[int, ...] | None  # origin[i] = index in the original text; None when 1:1

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=4096)
def _piece(char: str, latin: bool) -> str:
    lowered = char.lower()
    if latin:
        lowered = _SR_CYR.get(lowered, lowered)
    return "".join(_fold_char(c) for c in lowered)


def _build_view(text: str, *, latin: bool) -> _View:
    table = {char: _piece(char, latin) for char in set(text)}
    if all(len(piece) == 1 for piece in table.values()):
        # The common case: one character for one character, done in C by str.translate.
        return _View(text.translate({ord(c): p for c, p in table.items()}), None)
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = table[char]
        out.append(piece)
        origin.extend([index] * len(piece))
    return _View("".join(out), tuple(origin))


def fold(pattern: str) -> str:
    """Fold a pattern written with natural spelling the same way the text is folded."""
    out = []
    escaped = False
    for char in pattern:
        # Keep regex escapes such as \W, \S, \B as written.
        out.append(char if escaped else _fold_char(char))
        escaped = char == "\\" and not escaped
    return "".join(out)


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

    @property
    def evidence_texts(self) -> list[str]:
        return [e.text for e in self.evidence]


_TOKEN = re.compile(r"\w+")


_MAX_PREFIX = 8


@dataclass(frozen=True)
class _Gate:
    """Word prefixes (and a few symbols) of which every match of one pattern contains one.

    Checking them is a set look-up against the prefixes of the offer's words, far cheaper than
    running the full pattern; the full pattern runs only when its gate is open. This keeps the
    classifier (which uses the cues as features) above 1,000 ads per second.
    """

    prefixes: frozenset[str]
    substrings: tuple[str, ...]

    @classmethod
    def build(cls, literals: list[str]) -> _Gate:
        prefixes, subs = set(), []
        for literal in literals:
            word = _TOKEN.match(literal)
            if word and len(word.group()) >= 3:
                prefixes.add(word.group()[:_MAX_PREFIX])
            else:
                subs.append(literal)
        return cls(frozenset(prefixes), tuple(subs))

    def is_open(self, words: _Words) -> bool:
        return not self.prefixes.isdisjoint(words.prefixes) or any(
            sub in text for sub in self.substrings for text in words.texts
        )


@dataclass(frozen=True)
class _Words:
    texts: tuple[str, ...]
    prefixes: frozenset[str]  # every prefix of 3 to _MAX_PREFIX letters of every word

    @classmethod
    def of(cls, texts: list[str]) -> _Words:
        words = {w for text in texts for w in _TOKEN.findall(text)}
        words |= {w.lstrip("0123456789") for w in words if w[:1].isdigit()}
        # set(map(itemgetter(...))) slices in C; far faster than a generator over the words.
        prefixes: set[str] = set()
        for n in range(3, _MAX_PREFIX + 1):
            prefixes.update(map(itemgetter(slice(None, n)), words))
        return cls(tuple(texts), frozenset(prefixes))


@dataclass(frozen=True)
class Cue:
    code: str
    text: object  # lazy translated string
    weight: float
    patterns: tuple[str, ...]
    # When set, the cue needs a match of `patterns` AND a match of `also` (two parts of evidence).
    also: tuple[str, ...] = ()
    # Literals (separated by |) of which every match contains one; each pattern is gated by those
    # literals that occur in its own source.
    gate: str = ""
    compiled: tuple[tuple[re.Pattern, _Gate | None], ...] = field(init=False, repr=False, compare=False)
    compiled_also: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        literals = [lit.replace("\\", "") for lit in fold(self.gate).split("|")] if self.gate else []
        compiled = []
        for pattern in self.patterns:
            # Character classes such as [sș] stand for their first letter when looking for literals.
            source = re.sub(r"\[(\w)[^\]]*\]", r"\1", fold(pattern).replace("\\", ""))
            mine = [lit for lit in literals if lit in source]
            compiled.append((re.compile(fold(pattern)), _Gate.build(mine) if mine else None))
        object.__setattr__(self, "compiled", tuple(compiled))
        object.__setattr__(self, "compiled_also", tuple(re.compile(fold(p)) for p in self.also))


# Shared fragments (written unfolded; fold() handles diacritics).
_GAP = r"[^.!?\n]{0,40}?"  # a short stretch inside one sentence
_MONEY_CUR = (
    r"(?:€|\$|£|eur(?:o|os)?\b|usd\b|dollars?\b|євро|евро|долар\w*|доллар\w*|дол\.|грн|гривень|"
    r"рубл\w*|lei\b|evra\b|евра\b|dolara\b|долара\b|dinara\b)"
)
_NUMBER = r"\d{1,3}(?:[ .,\u00a0]?\d{3})+|\d{3,6}"
_PER_MONTH = (
    r"(?:/\s?(?:month|mo|міс|мес|luna|mesec)|(?:a|per|each|every) month|monthly|"
    r"на місяць|щомісяця|в місяць|на месяц|в месяц|ежемесячно|pe lun[aă]|lunar|"
    r"mese[čc]no|месечно|na mesec|месец)"
)
_PER_WEEK = r"(?:/\s?(?:week|wk|тиж|нед|sapt)|(?:a|per|each) week|weekly|на тиждень|в неделю|pe s[aă]pt[aă]m[aâ]n[aă]|nedeljno|недељно)"
_PER_DAY = r"(?:/\s?(?:day|день|zi|dan)|(?:a|per|each) day|daily|на день|в день|за день|щодня|pe zi|dnevno|дневно|na dan)"
_MESSENGER = (
    r"(?:telegram|телеграм\w*|телеграмм\w*|whats\s?app|vajber\w*|vocap\w*|vacap\w*|вотсап\w*|ватсап\w*|viber|вайбер\w*|вајбер\w*|"
    r"signal\b|t\.me/)"
)
_ABROAD = (
    r"(?:abroad|overseas|in (?:dubai|turkey|istanbul|cyprus|japan|korea|israel|germany|italy|spain|greece|"
    r"poland|the uae|uae|emirates)|за кордон\w*|за границ\w*|(?:в|у) (?:дуба\w+|турці\w+|турци\w+|туреччин\w+|кіпр\w*|"
    r"кипр\w*|японі\w+|япони\w+|корею|корее|ізраїл\w*|израил\w*|німеччин\w+|германи\w+|італі\w+|итали\w+|"
    r"польщ\w+|польш\w+|еміратах|эмиратах|оае|оаэ)|[iî]n str[aă]in[aă]tate|peste hotare|[iî]n (?:dubai|turcia|"
    r"cipru|japonia|germania|italia|spania|grecia|israel)|u inostranstv\w*|у иностранств\w*|u (?:dubai\w*|"
    r"turskoj|nema[cč]koj|italiji|gr[cč]koj|japanu|izraelu|kipru)|у (?:дубаи\w*|турској|немачкој|италији)|"
    # Destinations named alone (e.g. in the checker's "place" field), abroad for the people we serve.
    r"\b(?:dubai|дуба[иії]\w*|istanbul|стамбул\w*|cyprus|cipru|kipar|кіпр\w*|кипр\w*|japan|japonia|японі\w+|япони\w+|"
    r"uae|emirates|оае|оаэ|israel|izrael|ізраїл\w*|израил\w*|turkey|turcia|turska|туреччин\w+|турци\w+)\b)"
)

CUES: tuple[Cue, ...] = (
    Cue(
        "unrealistic_pay",
        _("The pay promised is unusually high for the work described, or called easy money."),
        0.35,
        (
            # Large monthly, weekly or daily amounts, currency before or after the number.
            rf"(?:{_MONEY_CUR}\s?(?:{_NUMBER})|(?:{_NUMBER})\s?{_MONEY_CUR})[^.!?\n]{{0,25}}?{_PER_MONTH}",
            rf"(?:{_MONEY_CUR}\s?(?:[1-9]\d{{3}}|[1-9][ .,]\d{{3}})|(?:[1-9]\d{{3}}|[1-9][ .,]\d{{3}})\s?{_MONEY_CUR})[^.!?\n]{{0,25}}?{_PER_WEEK}",
            rf"(?:{_MONEY_CUR}\s?(?:[2-9]\d{{2}}|\d{{4}})|(?:[2-9]\d{{2}}|\d{{4}})\s?{_MONEY_CUR})[^.!?\n]{{0,25}}?{_PER_DAY}",
            r"\b(?:easy|quick|fast|big) money\b|\bearn (?:up to |over )?(?:\$|€)\s?\d[\d,.]*\d|\bhigh(?:ly)? paid\b|"
            r"\bvery high (?:salary|pay|income)\b",
            r"легк\w+ (?:гроші|грошей|заробіт\w*|деньг\w+|заработ\w*)|швидк\w+ заробіт\w*|быстр\w+ заработ\w*|"
            r"дуже висок\w+ (?:зарплат\w+|оплат\w+|заробіт\w+)|очень высок\w+ (?:зарплат\w+|оплат\w+|заработ\w+)|"
            r"висок\w+ зарплат\w+ без|высок\w+ зарплат\w+ без",
            r"bani (?:u[sș]ori|rapizi|mul[tț]i)|c[aâ]s[tț]ig (?:rapid|u[sș]or|garantat)|salariu (?:foarte )?mare f[aă]r[aă]",
            r"lak(?:a|u|e)? (?:zarad\w+|novac|pare)|brz\w* zarad\w+|veli(?:ka|ku) zarad\w+ bez|visok\w* plat\w+ bez",
        ),
        gate=r"€|\$|£|eur|usd|dollar|євро|евро|долар|доллар|дол\.|грн|гривень|рубл|lei|evra|евра|dolara|долара|dinara|money|earn|paid|salary|pay|income|грош|деньг|заробіт|заработ|зарплат|оплат|bani|câștig|salariu|zarad|novac|pare|plat",
    ),
    Cue(
        "no_experience",
        _("No experience or knowledge of the language is needed, which is unusual for well-paid work abroad."),
        0.2,
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
        gate=r"experience|english|language|knowledge|досвід|мов|опыт|язык|experien|cunoaș|cunoștin|limb|iskust|jezik",
    ),
    Cue(
        "all_paid",
        _("Travel, visa or housing are promised “all paid” by the employer."),
        0.3,
        (
            r"\b(?:free|paid|provided) (?:accommodation|housing|lodging|flights?|tickets?|travel|visas?)\b|"
            r"\b(?:accommodation|housing|flights?|tickets?|travel|visas?)(?: and \w+)? (?:is |are )?(?:free|paid|provided|covered)\b|"
            r"\bwe (?:pay|cover) (?:for )?(?:your )?(?:travel|tickets?|flights?|visas?|accommodation|housing)\b|"
            r"\ball expenses (?:are )?(?:paid|covered)\b|\beverything is paid\b|\ball paid\b",
            r"безкоштовн\w+ (?:житл\w+|проживання|квит\w+|дорог\w+|віз\w+|переїзд\w*)|"
            r"(?:житло|проживання|квитки|дорог\w|віз\w|переліт)\w* (?:надається|безкоштовн\w+|оплачу\w+|за рахунок)|"
            r"оплачу\w+ (?:дорог\w+|квитк\w+|віз\w+|житл\w+|переліт|проїзд)|все оплачено|всё оплачено|усе оплачено",
            r"бесплатн\w+ (?:жиль\w+|жилье|проживани\w+|билет\w+|дорог\w+|виз\w+|перел[её]т)|"
            r"(?:жиль[её]|проживание|билеты|дорога|виза|перел[её]т) (?:предоставляется|бесплатн\w+|оплачива\w+|за сч[её]т)|"
            r"оплачива\w+ (?:дорог\w+|билет\w+|виз\w+|жиль\w+|перел[её]т|проезд)",
            r"(?:cazare|transport(?:ul)?|biletele?|zborul|viza)(?: [sș]i \w+)? (?:gratuit\w*|asigurat\w*|pl[aă]tit\w*|inclus\w*)|"
            r"(?:totul|toate cheltuielile) (?:este |sunt )?(?:pl[aă]tit\w*|suportat\w*|asigurat\w*)|"
            r"pl[aă]tim (?:transportul|biletele|viza|cazarea|zborul)",
            r"besplat\w+ (?:sme[sš]taj\w*|prevoz\w*|kart\w+|viz\w+|let\w*)|"
            r"(?:sme[sš]taj|prevoz|put|karte|viza|avionska karta)\w* (?:je |su )?(?:besplat\w+|obezbe[dđ]\w+|pla[cć]en\w+)|"
            r"sve (?:je )?pla[cć]eno|pla[cć]amo (?:put|prevoz|karte|vizu|sme[sš]taj)",
        ),
        gate=r"accommodation|housing|lodging|flight|ticket|travel|visa|expenses|everything|all paid|безкоштов|житл|проживан|квит|дорог|віз|переліт|оплач|оплачено|бесплат|жиль|билет|виз|перел|cazare|transport|bilet|zbor|viza|totul|toate|plătim|besplat|smeštaj|prevoz|karta|karte|plać|sve",
    ),
    Cue(
        "fees",
        _("You are asked to pay a fee, deposit or “registration” before you start."),
        0.6,
        (
            r"\b(?:registration|processing|application|placement|agency|training|visa|service|booking|recruitment) fees?\b|"
            r"\b(?:pay|send|transfer)(?: us)?(?: a| an| the)? (?:small )?(?:fee|deposit|advance|upfront)\b|"
            r"\bupfront (?:payment|fee)\b|\badvance payment\b|\brefundable deposit\b",
            r"(?:оплат\w+|вартість|внес\w*|сплат\w+) (?:за )?(?:оформленн\w+|реєстраці\w+|послуг\w* агенц\w+|документ\w+|віз\w+)|"
            r"передоплат\w+|завдат\w+|реєстраційн\w+ внес\w*|внесок|комісі\w+ агенц\w+",
            r"(?:оплат\w+|стоимость|внес\w+) (?:за )?(?:оформлени\w+|регистраци\w+|услуг\w* агентств\w+|документ\w+|виз\w+)|"
            r"предоплат\w+|регистрационн\w+ взнос\w*|взнос\w*|залог\w*|комисси\w+ агентств\w+",
            r"tax[aă] de (?:[iî]nregistrare|procesare|[iî]nscriere|recrutare|viz[aă])|comision(?:ul)? (?:agen[tț]iei|de recrutare)|"
            r"plat[aă] [iî]n avans|avans de \d+|garan[tț]ie de \d+|trebuie s[aă] pl[aă]ti[tț]i",
            r"(?:taks[aeu]|naknad[aeu]) (?:za )?(?:registraciju|prijavu|obradu|posredovanje|vizu|agenciju)|"
            r"uplat\w+ unapred|depozit\w*|akontacij\w+|treba da uplatite|potrebno je uplatiti",
        ),
        gate=r"fee|deposit|advance|upfront|оплат|вартіст|внес|сплат|передоплат|завдат|комісі|стоимост|предоплат|взнос|залог|комисси|tax|comision|plat|avans|garan|trebuie|taks|naknad|uplat|depozit|akontac|treba|potrebno",
    ),
    Cue(
        "documents",
        _("You are asked for your passport or documents, which an honest employer does not need before a contract."),
        0.55,
        (
            r"\b(?:send|give|hand over|leave|keep|bring|upload|email)\w*(?: us| me)?(?: a| an| the| your)?"
            r"(?: (?:copy|scan|photo|picture)s? of)?(?: your)? (?:passports?|id cards?|identity documents?|documents)\b|"
            r"\b(?:passport|id card)s? (?:copy|scan|photo|details|number)\b|\b(?:copy|scan|photo) of (?:your )?passport\b|"
            r"\bwe (?:will )?keep (?:your )?(?:passport|documents)\b",
            r"(?:надішл|надсила|скин|відправ|переда|залиш|зда|прин)\w*[^.!?\n]{0,25}?(?:паспорт\w*|документ\w*)|"
            r"(?:копі\w+|скан\w*|фото) паспорт\w*|паспорт\w* (?:залишається|зберігається|забираємо|зда\w+|переда\w+|залиша\w+|відда\w+)",
            r"(?:отправ|присыл|пришл|скин|переда|оставь|оставл|сда|прин)\w*[^.!?\n]{0,25}?(?:паспорт\w*|документ\w*)|"
            r"(?:копи\w+|скан\w*|фото) паспорт\w*|паспорт\w* (?:остается|хранится|забираем|сда\w+|переда\w+|оставля\w+|отда\w+)",
            r"(?:trimite|trimite[tț]i|l[aă]sa[tț]i|preda[tț]i|aduce[tț]i|da[tț]i)\w*[^.!?\n]{0,25}?(?:pa[sș]aport\w*|buletin\w*|acte\w*|documente\w*)|"
            r"(?:copie|scan\w*|poz[aă]) (?:dup[aă] |a )?(?:pa[sș]aport\w*|buletin\w*)",
            r"(?:po[sš]alj\w*|dostav\w*|preda\w*|ostav\w*|donesite)[^.!?\n]{0,25}?(?:paso[sš]\w*|li[cč]n\w+ kart\w+|dokument\w*)|"
            r"(?:kopij\w+|sken\w*|fotografij\w+|slik\w+) paso[sš]\w*",
        ),
        gate=r"passport|id card|document|паспорт|документ|pașaport|buletin|acte|pasoš|ličn|dokument",
    ),
    Cue(
        "messenger_only",
        _("Contact is only through a messenger (Telegram, WhatsApp, Viber), so the employer cannot be checked."),
        0.3,
        (
            rf"\b(?:contact|write|message|text|call|apply|reach|dm)\w*(?: us| me)?(?: only| just)?(?: (?:on|via|through|by|in))? {_MESSENGER}|"
            rf"\b(?:only|just) (?:(?:on|via|through|by|in) )?{_MESSENGER}|{_MESSENGER}[^.!?\n]{{0,15}}?(?:only|@\w+|\+?\d[\d ]{{6,}})|t\.me/\w+",
            rf"(?:пиш\w+|зв\W?яз\w+|звон\w+|телефону\w+|пишіть|напиш\w+|зверт\w+|обращ\w+|связ\w+)[^.!?\n]{{0,15}}?{_MESSENGER}|"
            rf"(?:лише|тільки|только) (?:в |у |через )?{_MESSENGER}",
            rf"(?:scrie\w*|contacta\w*|suna\w*|suna[tț]i|mesaj)[^.!?\n]{{0,15}}?{_MESSENGER}|doar (?:pe |prin )?{_MESSENGER}",
            rf"(?:pi[sš]\w+|javi\w*|kontakt\w*|pozov\w*|poruk\w+)[^.!?\n]{{0,15}}?{_MESSENGER}|samo (?:na |preko )?{_MESSENGER}",
        ),
        gate=r"telegram|телеграм|whats|вотсап|ватсап|viber|вайбер|вајбер|vajber|vocap|vacap|votsap|signal|t\.me/",
    ),
    Cue(
        "no_company",
        _("The employer is not named or its details are hidden until later, so it cannot be verified."),
        0.25,
        (
            r"\b(?:company|employer)(?: name| details)? (?:will be )?(?:disclosed|given|revealed|provided) (?:later|at (?:the )?interview|after)\b|"
            r"\bdetails (?:in|via|by) (?:private|pm|dm|direct message|inbox)\b|\bconfidential (?:employer|company)\b|"
            r"\bmore (?:info|details) (?:in|via) (?:pm|dm|private|inbox)\b",
            r"подробиц\w+ (?:в|у) (?:особист\w+|приват\w*|директ\w*|лс)|деталі (?:в|у) (?:особист\w+|приват\w*|директ\w*|лс)|"
            r"назв\w+ (?:компанії|фірми) (?:повідом\w+|скаж\w+) (?:пізніше|на співбесід\w+)",
            r"подробност\w+ (?:в|у) (?:личк\w+|личн\w+|лс|директ\w*)|детали (?:в|у) (?:личк\w+|личн\w+|лс|директ\w*)|"
            r"назван\w+ (?:компании|фирмы) (?:сообщ\w+|скаж\w+) (?:позже|на собеседовани\w+)",
            r"detalii (?:[iî]n privat|pe privat|la telefon|[iî]n mesaj privat|pe pm)|numele (?:firmei|companiei) (?:va fi )?(?:comunicat|dezv[aă]luit) (?:ulterior|mai t[aâ]rziu|la interviu)",
            r"detalj\w* (?:u|na) (?:inbo[xk]s?\w*|privat\w*|poruc\w+|pp)|vi[sš]e informacija (?:u|na) (?:inbo[xk]s?\w*|privat\w*|poruc\w+)|"
            r"ime (?:firme|kompanije) (?:[cć]e biti )?(?:saop[sš]ten\w*|re[cč]eno) (?:kasnije|na razgovoru)",
        ),
        gate=r"disclos|given|revealed|provided|details|confidential|info|подробиц|деталі|назв|подробност|детали|назван|detalii|numele|detalj|informacij|ime firme|ime kompanije",
    ),
    Cue(
        "urgency",
        _("The offer pushes you to decide in a hurry (urgent, leaving tomorrow, few places)."),
        0.15,
        (
            r"\burgent(?:ly)?\b|\bstart (?:immediately|today|tomorrow)\b|\bleav(?:e|ing) (?:tomorrow|this week|next week)\b|"
            r"\blimited (?:places|spots|seats)\b|\bonly \d+ (?:places|spots|seats|vacancies)\b|\bhurry\b|\bdon'?t miss\b",
            r"терміново|негайно|виїзд (?:завтра|вже|цього тижня|найближчим часом)|кількість місць обмежен\w+|лише \d+ місц\w+",
            r"срочно|немедленно|выезд (?:завтра|уже|на этой неделе|в ближайшее время)|количество мест ограничен\w+|только \d+ мест\w*|спешите",
            r"\burgent\b|plecare (?:imediat[aă]|m[aâ]ine|s[aă]pt[aă]m[aâ]na aceasta)|locuri limitate|doar \d+ locuri|gr[aă]bi[tț]i-v[aă]",
            r"\bhitno\b|odmah|polazak (?:sutra|ove nedelje|odmah)|broj mesta (?:je )?ograni[cč]en|samo \d+ mesta|po[zž]urite",
        ),
        gate=r"urgent|start|leav|limited|only|hurry|miss|терміново|негайно|виїзд|кількість|лише|срочно|немедленно|выезд|количество|только|спешите|plecare|locuri|doar|grăbi|hitno|odmah|polazak|broj mesta|samo|požur",
    ),
    Cue(
        "age_gender",
        _("The offer targets young women or girls by age or looks, a common sign of recruitment for sexual exploitation."),
        0.45,
        (
            r"\b(?:girls?|women|ladies|females?)\b[^.!?\n]{0,20}?\b\d{2}\s?(?:[-–—]|to)\s?\d{2}\b|"
            r"\b(?:girls?|women|ladies|females?) (?:aged|under|from) \d{2}\b|\b(?:young|attractive|pretty|slim|beautiful) (?:girls|women|ladies)\b|"
            r"\b(?:pleasant|attractive) appearance\b",
            r"(?:дівчат\w*|дівчин\w*|жінк\w*|жінок)[^.!?\n]{0,20}?\d{2}\s?[-–—]\s?\d{2}|(?:дівчат\w*|дівчин\w*) (?:від|до) \d{2}|"
            r"(?:молод\w+|гарн\w+|симпатичн\w+|струнк\w+) (?:дівчат\w*|дівчин\w*)|приємн\w+ зовнішн\w+",
            r"(?:девуш\w*|девоч\w*|женщин\w*)[^.!?\n]{0,20}?\d{2}\s?[-–—]\s?\d{2}|девуш\w* (?:от|до) \d{2}|"
            r"(?:молод\w+|красив\w+|симпатичн\w+|стройн\w+) (?:девуш\w*|девоч\w*)|приятн\w+ внешн\w+",
            r"(?:fete|femei|tinere|domni[sș]oare)[^.!?\n]{0,20}?\d{2}\s?[-–—]\s?\d{2}|fete (?:[iî]ntre|sub|de la) \d{2}|"
            r"(?:fete|tinere|domni[sș]oare) (?:tinere|frumoase|atr[aă]g[aă]toare|dr[aă]gu[tț]e|sub[tț]iri)|(?:aspect|fizic) pl[aă]cut",
            r"(?:devojk\w*|devojak|[zž]en\w*|dame)[^.!?\n]{0,20}?\d{2}\s?[-–—]\s?\d{2}|devojk\w* (?:od|do) \d{2}|"
            r"(?:mlad\w+|lep\w+|zgodn\w+|atraktivn\w+|vitk\w+) (?:devojk\w*|devojak|dame|[zž]ene)|prijat\w+ izgled\w*",
        ),
        gate=r"girl|women|ladies|female|young|attractive|pretty|slim|beautiful|appearance|дівч|жінк|жінок|молод|гарн|симпатичн|струнк|зовнішн|девуш|девоч|женщин|красив|стройн|внешн|fete|femei|tinere|domniș|aspect|fizic|devojk|devojak|žen|dame|mlad|lep|zgodn|atraktivn|vitk|prijat",
    ),
    Cue(
        "hostess_abroad",
        _("Work as a hostess, model, dancer or masseuse abroad: a frequent cover for sexual exploitation."),
        0.55,
        (
            r"\b(?:hostess\w*|(?:photo |fashion )?models? (?:wanted|needed)|(?:as|for) (?:a )?(?:photo )?models?|"
            r"modell?ing (?:job|work|agency)|dancers?|dancing|go-?go|strip\w*|escort\w*|masseuses?|massage|night ?club|"
            r"bar girls?|companions?)\b",
            r"хостес\w*|фотомодел\w*|(?:як|как|в качестве) модел\w*|модел[іи] (?:потрібн\w+|нужны|требуются)|"
            r"(?:робот\w*|работ\w*) модел\w*|танцівниц\w*|танцюрист\w*|танцовщиц\w*|стрип\w*|"
            r"масаж\w*|массаж\w*|ескорт\w*|эскорт\w*|нічн\w+ клуб\w*|ночн\w+ клуб\w*|компаньйонк\w*|компаньонк\w*",
            r"dansatoare|dansatori|animatoare|ca model|model(?:e)? (?:foto|pentru)|masaj\w*|hostes[ae]\w*|club de noapte|escort\w*",
            r"plesa[cč]ic\w+|igra[cč]ic\w+|manekenk\w*|kao model\w*|foto model\w*|masa[zž]\w*|no[cć]n\w+ klub\w*",
        ),
        also=(_ABROAD,),
        gate=r"hostess|model|danc|go-go|gogo|strip|escort|masseus|massage|night|club|bar girl|companion|хостес|модел|танців|танцюр|танцовщ|стрип|масаж|массаж|ескорт|эскорт|клуб|компаньй|компаньон|dansat|animatoare|masaj|hostes|plesač|igrač|maneken|masaž|klub",
    ),
    Cue(
        "no_contract",
        _("There is no written contract or the work is unofficial, so you would have no protection."),
        0.35,
        (
            r"\b(?:no|without(?: a)?) (?:written |employment |work )?contract\b|\bcontract (?:is )?not (?:needed|required|necessary)\b|"
            r"\b(?:cash in hand|paid in cash daily|off the books|unofficial(?:ly)?|no paperwork)\b",
            r"без (?:письмов\w+ |трудов\w+ )?(?:договор\w*|контракт\w*)|неофіційн\w+|без оформлен\w+|договір не (?:потрібен|обов\W?язков\w*)",
            r"без (?:письменн\w+ |трудов\w+ )?(?:договор\w*|контракт\w*)|неофициальн\w+|без оформлени\w+|договор не (?:нужен|требуется)",
            r"f[aă]r[aă] (?:contract|forme legale|carte de munc[aă])|la negru|contractul nu (?:este|e) necesar",
            r"bez (?:pisanog )?(?:ugovor\w*|prijave)|na crno|neprijavljen\w*|ugovor nije (?:potreban|neophodan)",
        ),
        gate=r"contract|cash|off the books|unofficial|paperwork|договор|договір|контракт|неофіційн|оформлен|неофициальн|forme legale|carte de muncă|negru|ugovor|prijave|crno|neprijavljen",
    ),
)  # fmt: skip

CUE_CODES: tuple[str, ...] = tuple(cue.code for cue in CUES)
_BY_CODE = {cue.code: cue for cue in CUES}

# Contact channels the checker form offers; a messenger chosen there is itself evidence.
MESSENGER_CHANNELS = {"telegram": "Telegram", "whatsapp": "WhatsApp", "viber": "Viber", "signal": "Signal"}


def _find(view: _View, regexes: tuple[re.Pattern, ...], original: str) -> list[Evidence]:
    found = []
    for regex in regexes:
        for match in regex.finditer(view.text):
            if match.end() == match.start():
                continue
            start, end = view.span(match.start(), match.end())
            found.append(Evidence(start, end, original[start:end].strip()))
    return found


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


def _views(text: str) -> tuple[list[_View], _Words]:
    folded = _build_view(text, latin=False)
    views = [folded]
    if _SERBIAN_LETTERS.search(folded.text):
        views.append(_build_view(text, latin=True))
    return views, _Words.of([view.text for view in views])


def find_cues(text: str, *, contact_channel: str = "") -> list[CueHit]:
    """Return the cues found in `text`, each with the exact words that triggered it."""
    text = text or ""
    views, words = _views(text)
    hits = []
    for cue in CUES:
        regexes = tuple(regex for regex, gate in cue.compiled if gate is None or gate.is_open(words))
        evidence = [e for view in views for e in _find(view, regexes, text)] if regexes else []
        if cue.compiled_also and evidence:
            second = [e for view in views for e in _find(view, cue.compiled_also, text)]
            evidence = evidence + second if second else []
        if cue.code == "messenger_only" and contact_channel in MESSENGER_CHANNELS:
            # The person told us the only contact is a messenger; no span in the text to show.
            evidence = evidence or [Evidence(-1, -1, MESSENGER_CHANNELS[contact_channel])]
        evidence = [e for e in evidence if e.text]
        if evidence:
            hits.append(CueHit(cue.code, str(cue.text), cue.weight, _merge(evidence, text)))
    return hits


def _present(views: list[_View], regexes) -> bool:
    return any(m.group().strip() for view in views for regex in regexes for m in regex.finditer(view.text))


def cue_vector(text: str) -> list[int]:
    """1/0 per cue in CUE_CODES order (the classifier's cue features).

    The same answer as `find_cues` without collecting evidence: each pattern stops at its first
    match, which keeps the classifier fast.
    """
    views, words = _views(text or "")
    vector = []
    for cue in CUES:
        regexes = [regex for regex, gate in cue.compiled if gate is None or gate.is_open(words)]
        found = bool(regexes) and _present(views, regexes)
        if found and cue.compiled_also:
            found = _present(views, cue.compiled_also)
        vector.append(int(found))
    return vector


def cue_score(hits: list[CueHit]) -> float:
    """Combine cue weights as independent signs (noisy-OR): 1 − Π(1 − weight)."""
    remaining = 1.0
    for hit in hits:
        remaining *= 1.0 - hit.weight
    return round(1.0 - remaining, 4)


def cue_text(code: str) -> str:
    return str(_BY_CODE[code].text)
