"""Is the pay promised far above what the work pays in that country?

A number with a currency is not a warning sign by itself ("3000 lei pe lună" is an ordinary wage
in Romania). We read every amount with its currency and period (hour, day, week, month, year),
turn it into a net monthly amount in euros, and compare it with the typical net monthly wage of
the country where the work is (data/wages.csv: national statistical offices and Eurostat, with
their sources) for the kind of work (elementary jobs pay less than the average, skilled ones
more). Pay is unrealistic when it is more than the row's `factor` times the typical wage.

Each row says how sure we are of its figure (`basis`): `published` (the net figure as the office
publishes it, read and dated), `derived` (the office's gross figure, made net by us with the tax
rates named in `published_figure`) or `estimate` (not verified against its source: the
tolerance is wider, 2.5×, and the figure itself is never shown to the public). The generic
European figure is an estimate too.

The country is the first one the offer names (the place field included); failing that, the
country of the currency (lei, грн, dinara, zł); failing that, a generic European figure.
Exchange rates: data/exchange_rates.csv (ECB and national banks, with the date).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kompass.recruitment.folding import fold

DATA = Path(__file__).resolve().parent / "data"
FACTOR = 1.8  # for a published net figure
ESTIMATE_FACTOR = 2.5  # for a figure we could not verify (and the generic one)
# Typical net monthly pay in euros where the country is not in the table: an estimate (roughly the
# EU median), so judged with ESTIMATE_FACTOR and never shown.
GENERIC_EUR = 1700.0
BASES = ("published", "derived", "estimate")

# Without a period, an amount above this (in euros) is read as a yearly salary.
_ANNUAL_FROM_EUR = 15000

_KIND_ORDER = ["default", "elementary", "skilled"]  # a named kind wins over the default

KIND_FACTORS = {"elementary": 0.75, "default": 1.0, "skilled": 1.6}

_CURRENCIES = (
    ("EUR", r"€|eur(?:o|os|ou)?(?!\w)|євро|евро|[yji]?evr[ao](?!\w)|евр[ао](?!\w)|eura(?!\w)"),
    ("USD", r"\$|usd(?!\w)|dollar\w*|долар\w*|доллар\w*|dolar\w*|долар\w*|дол\.|у\.\s?е\.|у\.\s?о\."),
    ("GBP", r"£|gbp(?!\w)|pounds?(?!\w)|фунт\w*|funt\w*|lire sterline"),
    ("RON", r"lei(?!\w)|ron(?!\w)|леї(?!\w)|лей(?!\w)|леев(?!\w)"),
    ("MDL", r"mdl(?!\w)|lei moldovene\w*"),
    (
        "UAH",
        r"грн\.?|гривень|гривні|гривня|гривен\w*|uah(?!\w)|hrn(?!\w)|grn(?!\w)|hryv\w*|gryv\w*|griv\w*|₴",
    ),
    ("RSD", r"rsd(?!\w)|din(?:\.|ara|ar)?(?!\w)|дин(?:\.|ара|ар)?(?!\w)"),
    ("PLN", r"pln(?!\w)|zł|zl(?:oty|otych|otih)?(?!\w)|злот\w*|zlot\w*"),
    ("CZK", r"czk(?!\w)|kč|kc(?!\w)|крон\w*|kroon?\w*|coroane"),
    ("ILS", r"ils(?!\w)|шекел\w*|shekel\w*|sekel\w*|₪"),
    ("AED", r"aed(?!\w)|dirham\w*|дирхам\w*|дирхем\w*"),
    ("TRY", r"try(?!\w)|лір\w*|лир\w*|₺"),
)
_CURRENCY_HOME = {"RON": "RO", "MDL": "MD", "UAH": "UA", "RSD": "RS", "PLN": "PL", "CZK": "CZ", "GBP": "GB",
                  "ILS": "IL"}  # fmt: skip
_CUR = "|".join(f"(?P<{code}>{pattern})" for code, pattern in _CURRENCIES)
_NUM = r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_THOUSANDS = r"\s?(?P<k>k(?!\w)|тис\.?|тыс\.?|mii(?!\w)|hiljad\w*|хиљад\w*|thousand)?"
# An amount, or a range of amounts, before or after its currency.
MONEY = re.compile(
    fold(
        rf"(?<![\w.,])(?P<a>{_NUM})(?:(?:\s?[-–—]\s?|\s(?:to|до|pana la|do)\s)(?P<b>{_NUM}))?{_THOUSANDS}\s?(?:{_CUR})"
        rf"|(?:{_CUR.replace('?P<', '?P<pre_')})\s?(?P<c>{_NUM})(?:\s?[-–—]\s?(?P<d>{_NUM}))?"
    )
)
_PERIODS = (
    (168.0, r"/\s?(?:h|hr|hour|ora|oră|год|час|sat|godz)(?!\w)|(?:per|an|a|each) hour|hourly|на годину|за годину|"
            r"в час|за час|pe or[aă]|la or[aă]|na sat|po satu|по сату|на сат|brutto/h|netto/h|za godzin"),
    (22.0, r"/\s?(?:day|zi|день|сутки|dan|dzien)(?!\w)|(?:per|a|each) day|daily|на день|в день|за день|щодня|"
           r"в сутки|за сутки|pe zi|dnevno|дневно|na dan|po danu|по дану|dziennie"),
    (4.33, r"/\s?(?:week|wk|тиж|нед|sapt|săpt|ned)\w*|(?:per|a|each) week|weekly|на тиждень|за тиждень|"
           r"в тиждень|в неделю|за неделю|pe s[aă]pt[aă]m[aâ]n[aă]|s[aă]pt[aă]m[aâ]nal|nedeljno|недељно|"
           r"po nedelji|tygodniowo"),
    (1 / 12, r"/\s?(?:year|yr|рік|год|an|godina)(?!\w)|(?:per|a|each) (?:year|annum)|annual(?:ly)?|yearly|"
             r"на рік|за рік|в год|за год|pe an|anual|godi[sš]nje|годишње|rocznie"),
)  # fmt: skip
_PERIOD = [(factor, re.compile(fold(pattern))) for factor, pattern in _PERIODS]

_ELEMENTARY = re.compile(
    fold(
        r"(?<!\w)(?:clean\w*|picker|picking|pick\w*|harvest\w*|farm\w*|fruit|berr\w*|strawberr\w*|warehouse|"
        r"packer|packing|packag\w*|labou?rer|helper|kitchen|dishwash\w*|waiter|waitress|hostess|maid|nanny|"
        r"carer|caregiver|care work\w*|housekeep\w*|construction worker|factory|production worker|"
        r"прибира\w*|прибиральн\w*|склад\w*|пакуван\w*|пакувальн\w*|фасуван\w*|збир\w*|збиранн\w*|ферм\w*|"
        r"будів\w*|різноробоч\w*|підсобн\w*|кухн\w*|посудомий\w*|офіціант\w*|доглядальниц\w*|няня|няні|"
        r"завод\w*|фабрик\w*|уборк\w*|уборщи\w*|упаков\w*|сбор\w*|стро\w*|разнорабоч\w*|подсобн\w*|"
        r"посудомо\w*|официант\w*|сиделк\w*|горничн\w*|покоївк\w*|"
        r"cur[aă][tț]\w*|menaj\w*|culeg\w*|cules\w*|depozit\w*|ambal\w*|fabric\w*|construc\w*|muncitor\w*|"
        r"buc[aă]t[aă]ri\w*|osp[aă]t[aă]r\w*|[iî]ngrijitoar\w*|bon[aă]|camerist\w*|"
        r"[cč]i[sš][cć]\w*|higijeni[cč]ar\w*|berb\w*|branj\w*|magacin\w*|pakovan\w*|pakova\w*|fabri[cč]\w*|"
        r"gradili[sš]t\w*|gra[dđ]evin\w*|pomo[cć]n\w* radni\w*|kuhinj\w*|konobar\w*|sobaric\w*|negovatelj\w*|"
        r"dadilj\w*|radni\w* u proizvodnji)"
    )
)
_SKILLED = re.compile(
    fold(
        r"(?<!\w)(?:develop\w*|engineer\w*|programm\w*|software|devops|architect\w*|doctor|physician|dentist|"
        r"surgeon|pharmac\w*|lawyer|manager|director|accountant|analyst|consultant|driver|truck|welder\w*|"
        r"electrician|it specialist|розробни\w*|програміст\w*|программист\w*|разработчик\w*|інженер\w*|"
        r"инженер\w*|лікар\w*|врач\w*|менеджер\w*|керівни\w*|руководител\w*|бухгалтер\w*|аналітик\w*|"
        r"аналитик\w*|водій\w*|водител\w*|далекобій\w*|дальнобой\w*|зварювальн\w*|сварщик\w*|електрик\w*|"
        r"электрик\w*|programator\w*|dezvoltator\w*|inginer\w*|medic\w*|avocat\w*|contabil\w*|analist\w*|"
        r"[sș]ofer\w*|sudor\w*|electrician\w*|programer\w*|in[zž]enjer\w*|lekar\w*|advokat\w*|knjigovo[dđ]\w*|"
        r"voza[cč]\w*|zavariva[cč]\w*|elektri[cč]ar\w*|direktor\w*|menad[zž]er\w*)"
    )
)


_CYRILLIC_LEI = re.compile(r"ле[иі]|леев")


@dataclass(frozen=True)
class Wage:
    country: str
    currency: str
    average_net_monthly: float
    period: str
    basis: str  # published | derived | estimate
    factor: float  # pay above factor × the typical wage is unrealistic
    published_figure: str  # what the source states, and how we made it net
    source_name: str
    source_url: str
    verified_on: str  # empty for an estimate

    @property
    def shown(self) -> bool:
        """Only a figure read in its source is shown to the public."""
        return self.basis != "estimate"


@cache
def wages() -> dict[str, Wage]:
    with (DATA / "wages.csv").open(encoding="utf-8") as handle:
        table = {}
        for row in csv.DictReader(handle):
            wage = Wage(
                **{
                    **row,
                    "average_net_monthly": float(row["average_net_monthly"]),
                    "factor": float(row["factor"]),
                }
            )
            if wage.basis not in BASES or (wage.shown and not (wage.source_url and wage.verified_on)):
                raise ValueError(
                    f"wages.csv: {wage.country} needs a basis, and a source and date unless an estimate"
                )
            table[wage.country] = wage
        return table


@cache
def rates() -> dict[str, float]:
    with (DATA / "exchange_rates.csv").open(encoding="utf-8") as handle:
        return {row["currency"]: float(row["eur_per_unit"]) for row in csv.DictReader(handle)}


# A quick look for a currency; the full amount pattern runs only around what it finds.
_CURRENCY_HINT = re.compile(
    fold(
        r"€|\$|£|₴|₪|₺|(?<![^\W\d_])(?:eur|usd|dolar|dollar|pound|lei|ron|mdl|леї|лей|леев|грн|грив|uah|hrn|rsd|din|дин|pln|zł|zl|злот|zlot|czk|yevr|jevr|ievr|grn|hryv|gryv|griv|kč|kc|крон|kroon|coroan|ils|шекел|shekel|sekel|aed|dirham|дирх|лір|лир|євро|евр|evr|eura|долар|доллар|дол\.|у\.\s?[ео]\.|фунт|funt|sterline|try)"
    )
)


def _money_matches(folded: str):
    windows: list[list[int]] = []
    for hint in _CURRENCY_HINT.finditer(folded):
        start, end = max(0, hint.start() - 45), min(len(folded), hint.end() + 30)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        # Start the window at a word boundary so that an amount is never cut in two.
        while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in " .,\u00a0\u202f"):
            start -= 1
            if start <= 0 or folded[start - 1] in "\n!?;:":
                break
        yield from MONEY.finditer(folded, start, end)


def _number(raw: str | None, thousands: str | None = None) -> float | None:
    if not raw:
        return None
    text = raw.replace("\u00a0", " ").replace("\u202f", " ")
    # "3 000", "3.000", "3,000" are thousands; "12,50" and "12.5" are decimals.
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?", text):
        head = re.match(r"\d{1,3}(?:[ .,]\d{3})+", text).group()
        value = float(re.sub(r"\D", "", head))
    else:
        value = float(text.replace(",", "."))
    if thousands:
        value *= 1000
    return value


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    currency: str
    value: float  # the highest amount of a range, in its currency
    per_month: float  # the same, as a monthly amount
    eur_per_month: float


def amounts(folded: str) -> list[Amount]:
    """Every amount of money in the folded text, turned into a monthly amount in euros."""
    found = []
    table = rates()
    for match in _money_matches(folded):
        groups = match.groupdict()
        currency = next(
            (code for code, _p in _CURRENCIES if groups.get(code) or groups.get(f"pre_{code}")), None
        )
        if currency is None:
            continue
        values = [_number(groups["a"], groups["k"]), _number(groups["b"], groups["k"]), _number(groups["c"]),
                  _number(groups["d"])]  # fmt: skip
        values = [v for v in values if v is not None]
        if not values:
            continue
        value = max(values)
        after = folded[match.end() : match.end() + 30]
        after = re.split(r"[.!?\n;]", after, maxsplit=1)[0]
        before = folded[max(0, match.start() - 12) : match.start()]
        factor = 1.0
        for period_factor, regex in _PERIOD:
            if regex.search(after) or regex.search(before):
                factor = period_factor
                break
        if (
            factor == 1.0
            and re.search(r"\d[ .,\u00a0\u202f]?\d{3}\b|\dk\b", match.group())
            and value * table.get(currency, 0) >= _ANNUAL_FROM_EUR
        ):
            # A salary this large with no period is a yearly one ("£40,000", "$104,000").
            factor = 1 / 12
        per_month = value * factor
        eur = per_month * table.get(currency, 0.0)
        found.append(Amount(match.start(), match.end(), currency, value, per_month, eur))
    return found


def kind_of_work(folded: str) -> str:
    if _SKILLED.search(folded):
        return "skilled"
    if _ELEMENTARY.search(folded):
        return "elementary"
    return "default"


def typical_eur(country: str | None, kind: str) -> float:
    wage = wages().get(country or "")
    base = wage.average_net_monthly * rates()[wage.currency] if wage else GENERIC_EUR
    return base * KIND_FACTORS[kind]


@dataclass(frozen=True)
class PayJudgement:
    amount: Amount
    country: str  # "" when the generic figure was used
    kind: str
    typical_eur: float
    wage: Wage | None = None  # the row of the table used (None: the generic estimate)

    @property
    def ratio(self) -> float:
        return self.amount.eur_per_month / self.typical_eur

    @property
    def factor(self) -> float:
        return self.wage.factor if self.wage is not None else ESTIMATE_FACTOR

    @property
    def excessive(self) -> float:
        """How far above the tolerance of its figure the pay is (> 1: unrealistic)."""
        return self.ratio / self.factor


def judge(folded: str, countries: list[str], *, kind_text: str = "") -> PayJudgement | None:
    """The most excessive amount in the offer, when one is more than its row's factor × the typical wage.

    `kind_text` is where else to read the kind of work (the Latin view, for Serbian in Cyrillic)."""
    kinds = [kind_of_work(folded), kind_of_work(kind_text) if kind_text else "default"]
    kind = max(kinds, key=_KIND_ORDER.index)
    worst = None
    for amount in amounts(folded):
        if amount.currency == "RON" and (
            "MD" in countries or _CYRILLIC_LEI.search(folded[amount.start : amount.end])
        ):
            # Lei of Moldova: named with Moldova, or spelt in Cyrillic (лей, леев) as in Moldova.
            rate = rates()["MDL"]
            amount = Amount(
                amount.start, amount.end, "MDL", amount.value, amount.per_month, amount.per_month * rate
            )
        country = next((c for c in countries if c in wages()), None)
        if country is None:
            country = _CURRENCY_HOME.get(amount.currency)
        typical = typical_eur(country, kind)
        judgement = PayJudgement(amount, country or "", kind, typical, wages().get(country or ""))
        if worst is None or judgement.excessive > worst.excessive:
            worst = judgement
    if worst is not None and worst.excessive > 1:
        return worst
    return None
