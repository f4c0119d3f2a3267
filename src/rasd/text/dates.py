"""Find dates in normalised Arabic news text and resolve them to calendar days.

`find_dates(norm, published)` makes one pass of one compiled regex over the
normalised text (see rasd.text.normalize) and returns a DateMention for each
date expression, resolved against the publication day:

- absolute days: «24 يوليو 2015», «الثامن والتاسع من أيلول/ سبتمبر»,
  «26/7/2015م», Hijri «10 شوال 1436هـ» and «19/6/1436» (converted with
  hijridate, Umm al-Qura calendar);
- months: «تشرين الأول/ أكتوبر العام الماضي», «أيار/ مايو الماضي»,
  «نيسان/ أبريل 2020», «شهر رمضان»; years: «عام 2014»;
- days relative to publication: «أمس», «يوم أمس الجمعة», «أول من أمس»,
  «اليوم (السبت)», «فجر الجمعة», «مساء السبت - الأحد», «الخميس الماضي»;
- spans: «الأسبوع الماضي», «الشهر الفائت», «أواخر الشهر الماضي»,
  «العام الماضي», «قبل ثلاثة أعوام», «منذ يومين».

How the date is chosen (spec §1, ACLED time_precision):
- `date` is the day to code the event on; `end_date` is set when the text
  names several days («الثامن والتاسع», «يومي الاثنين والثلاثاء»): then
  `date` is the first of them and precision is 2.
- precision 1: a day; 2: a week or a range of days (week: publication − 7
  days; early/mid/late month: the 5th/15th/25th); 3: a month (the 15th) or
  only a year (1 July; 3 is the coarsest precision the spec has).
- News reports what happened, so undated names lean to the past: a month or
  day-and-month with no year is the most recent one not after publication,
  a bare weekday the most recent such day on or before publication
  («فجر الجمعة»), «الخميس الماضي» the most recent one strictly before it.
  A mid-span date that would fall after publication is clamped to it.
- «أمس الجمعة» is the day before publication when that day is a Friday.
  When the weekday disagrees we trust the weekday (the journalist wrote it;
  `published` is often a print or crawl day one off) and take the most
  recent Friday before publication. «اليوم السبت» likewise.
- With no publication date, absolute dates still resolve and relative ones
  get date None (relative=True): a date is never invented.

Offsets are into the normalised text. The words (months, weekdays, ordinals,
units ...) are data: src/rasd/data/calendar_ar.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from hijridate import Gregorian, Hijri

from rasd.text.normalize import normalize_word


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in normalised text, resolved when possible."""

    start: int
    end: int
    text: str
    date: date | None
    precision: int  # spec time_precision: 1 day, 2 week/range, 3 month
    relative: bool  # resolved against the publication day
    end_date: date | None = None  # last day when the text names several days
    rule: str = ""  # which grammar rule matched (for --explain)


# ---------------------------------------------------------------------------
# Calendar words (loaded once from the data file, normalised like the text)


@dataclass(frozen=True, slots=True)
class CalendarWords:
    months: dict[str, int]  # Gregorian and Levantine names -> 1..12
    ambiguous_months: frozenset[str]  # names that are also ordinary words
    hijri_months: dict[str, int]
    weekdays: dict[str, int]  # ISO weekday, Monday = 1
    ordinals: dict[str, int]  # day ordinals 1..31, compounds included
    cardinals: dict[str, int]
    units_one: dict[str, str]  # «عام» -> "year"
    units_two: dict[str, str]  # «عامين» -> "year"
    units_many: dict[str, str]  # «أعوام» -> "year"
    past: frozenset[str]
    before_past: frozenset[str]
    current: frozenset[str]
    next: frozenset[str]
    times_of_day: tuple[str, ...]
    span_parts: dict[str, str]  # «أواخر» -> "late"
    weekday_blockers: frozenset[str]


def _norm_phrase(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in str(phrase).split())


@lru_cache(maxsize=1)
def load_calendar_words() -> CalendarWords:
    """Read src/rasd/data/calendar_ar.yaml once per process."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("rasd").joinpath("data", "calendar_ar.yaml").read_text(encoding="utf-8")
    )

    def table(entries: list[dict[str, Any]], key: str) -> dict[str, int]:
        return {_norm_phrase(n): int(e[key]) for e in entries for n in e["names"]}

    ordinals: dict[str, int] = {}
    unit_words: dict[str, int] = {}
    for value, words in raw["ordinal_units"].items():
        for w in words:
            ordinals[_norm_phrase(w)] = int(value)
            unit_words[_norm_phrase(w)] = int(value)
    for w in raw["ordinal_compound_one"]:
        unit_words[_norm_phrase(w)] = 1
    for value, words in raw["ordinal_teens"].items():
        for w in words:
            ordinals[_norm_phrase(w)] = int(value)
    for tens, words in raw["ordinal_tens"].items():
        for w in words:
            tens_word = _norm_phrase(w)
            ordinals[tens_word] = int(tens)
            for unit_word, unit in unit_words.items():
                if " " in unit_word or unit_word == normalize_word("أول"):
                    continue
                value = int(tens) + unit
                if value <= 31:
                    ordinals[f"{unit_word} و{tens_word}"] = value

    def unit_table(form: str) -> dict[str, str]:
        return {
            _norm_phrase(w): unit for unit, forms in raw["time_units"].items() for w in forms[form]
        }

    rel = raw["relative_markers"]
    return CalendarWords(
        months=table(raw["gregorian_months"], "month"),
        ambiguous_months=frozenset(
            _norm_phrase(n) for e in raw["gregorian_months"] for n in e.get("ambiguous_names", [])
        ),
        hijri_months=table(raw["hijri_months"], "month"),
        weekdays=table(raw["weekdays"], "weekday"),
        ordinals=ordinals,
        cardinals={_norm_phrase(w): int(v) for v, ws in raw["cardinals"].items() for w in ws},
        units_one=unit_table("one"),
        units_two=unit_table("two"),
        units_many=unit_table("many"),
        past=frozenset(_norm_phrase(w) for w in rel["past"]),
        before_past=frozenset(_norm_phrase(w) for w in rel["before_past"]),
        current=frozenset(_norm_phrase(w) for w in rel["current"]),
        next=frozenset(_norm_phrase(w) for w in rel["next"]),
        times_of_day=tuple(_norm_phrase(w) for w in raw["times_of_day"]),
        span_parts={_norm_phrase(w): part for part, ws in raw["span_parts"].items() for w in ws},
        weekday_blockers=frozenset(_norm_phrase(w) for w in raw["weekday_blockers"]),
    )


# ---------------------------------------------------------------------------
# Grammar: rules written with <PIECE> placeholders, compiled into one regex


def _alt(words) -> str:
    """Regex matching any of the phrases, longest first, spaces as \\s+.

    Built as a character trie («ال(?:اول|ثاني|...)») rather than a flat
    alternation: Python's re tries alternatives one by one, and the grammar
    is tried at every word start, so sharing prefixes is what keeps
    find_dates fast.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in " ".join(word.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        if "" in node:  # a word ends here: try the longer words first
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?:" + build(trie) + ")"


_END = r"(?!\w)"
_END_LETTER = r"(?![^\W\d_])"
_YEAR_WORD = r"(?:عام|العام|لعام|سنه|السنه|لسنه)"

# Each rule: (name, pattern). Named groups inside are renamed per rule
# (day -> numeric__day) so that the rules can share one compiled regex.
# Order matters: at one start position the first rule that matches wins, so
# longer, more specific forms come first.
_RULES: list[tuple[str, str]] = [
    # «26/7/2015م», «10 / 1 / 1436هـ», «2015-08-03», «يوم الجمعه 4/8/1436»
    ("numeric", r"<WDPREFIX>(?P<a>\d{1,4})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<c>\d{4}|\d{1,2})(?!\d)(?:\s*(?P<suffix>[مه])" + _END + ")?"),
    # «الموافق 21 / 10», «بتاريخ 3/8»: day/month with no year, only after a date word
    ("numeric_short", r"<WDPREFIX>(?:الموافق|بتاريخ|تاريخ)\s+\(?\s*(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})(?!\s*/\s*\d)(?!\d)"),
    # «10 شوال 1436ه», «(10/شوال / 1436ه)», «العاشر من شوال 1436»
    ("hijri_day", r"<WDPREFIX>(?P<d1>\d{1,2}(?!\d)|<ORD>)\s*/?\s*(?:من\s+)?(?:شهر\s+)?(?P<hmon><HMONTH>)" + _END
        + r"(?:\s*/?\s*,?\s*(?:" + _YEAR_WORD + r"\s+)?(?P<hyear>1[34]\d\d)(?!\d)(?:\s*ه" + _END + ")?)?"),
    # «24 يوليو (تموز) 2015», «الثامن والتاسع من أيلول/ سبتمبر من العام الفائت», «3 أغسطس الجاري»
    ("day_month", r"<WDPREFIX>(?P<d1>\d{1,2}(?!\d)|<ORD>)(?:\s*(?:و|-|الي|حتي|و\s*حتي)\s*(?P<d2>\d{1,2}(?!\d)|<ORD>))?"
        r"\s*/?\s*(?:من\s+)?(?:شهر\s+)?(?P<mon><MONTHPAIR>)<YEARPART>?"),
    # «الخامس والعشرين من الشهر الفائت», «العاشر من هذا الشهر», «في 3 الجاري»
    ("day_of_rel_month", r"(?:(?P<d1>\d{1,2}(?!\d)|<ORD>)\s+من\s+(?:(?:الشهر|شهر)\s+(?P<rel><REL>)|(?P<this>هذا\s+الشهر|الشهر))"
        r"|(?P<dn>\d{1,2}(?!\d))\s+(?P<rel2>الجاري|الماضي|المنصرم|الفايت|الحالي|المقبل))" + _END),
    # «أواخر يوليو الماضي», «شهر آب/ أغسطس», «نيسان/ أبريل 2020», «تشرين الأول/ أكتوبر العام الماضي»
    ("month", r"(?:(?P<part><PART>)\s+)?(?P<shahr>(?:شهر|شهري)\s+)?(?P<mon><MONTHPAIR>)(?:\s*(?:و|-|الي|حتي)\s*(?P<mb><MONTHNAME>)" + _END_LETTER
        + r"(?:(?:\s*[/(-]\s*|\s+)<MONTHNAME>(?:\s*و\s*<MONTHNAME>)?" + _END_LETTER + r"(?:\s*\))?)?)?<YEARPART>?"),
    # «شهر رمضان المبارك», «رمضان 1436ه»
    ("hijri_month", r"(?:(?P<part><PART>)\s+)?(?:شهر\s+(?P<hmon><HMONTH>)" + _END + r"(?:\s+(?P<hyear>1[34]\d\d)(?!\d))?|(?P<hmon2><HMONTH>)\s+(?P<hyear2>1[34]\d\d)\s*ه" + _END + ")"),
    # «عام 2014», «منذ عام 2011م», «مطلع العام 2015», «سنه 1415ه»
    ("year", r"(?:(?P<part><PART>)\s+)?(?:(?:منذ|خلال|حتي)\s+(?:" + _YEAR_WORD + r"\s+)?|" + _YEAR_WORD + r"\s+)\(?\s*<YEARS>"),
    # «في 2014», «قبل 1948», «حرب 1936 - 1939», «(1948)»: a bare year where a year is expected (checked)
    ("bare_year", r"<YEARS>"),
    # «يوم أمس الجمعة», «مساء أمس», «أول من أمس», «اليوم (السبت)», «الليلة قبل الماضية»
    ("relative_day", r"(?:(?P<tod><TOD>)\s+)?(?:(?P<yawm>يوم|نهار)\s+)?(?P<rel>اول\s+(?:من\s+)?امس|امس\s+الاول|اول\s+البارحه|الليله\s+قبل\s+الماضيه|الليله\s+الماضيه|(?:ال)?امس|البارحه|اليوم|الليله|بعد\s+غد|غدا|الغد|غد)" + _END
        + r"(?:\s*,?\s*\(?\s*(?P<wd><WEEKDAY>)" + _END + r"(?:\s*\))?)?"),
    # «فجر الجمعة», «ليل الخميس الجمعة», «يومي الاثنين والثلاثاء الماضيين», «الخميس الماضي»
    ("weekday", r"(?:(?P<tod><TOD>)\s+)?(?:(?P<yawm>يوم|يومي|نهار)\s+)?(?P<wd1><WEEKDAY>)" + _END
        + r"(?:\s*(?P<conn>و|-|/|الي|حتي)?\s*(?P<wd2><WEEKDAY>)" + _END + r")?(?:\s+(?P<rel><REL>)" + _END + ")?"),
    # «الأسبوع الماضي», «أواخر الشهر الماضي», «هذا الشهر», «العام الفائت», «منذ بداية العام»
    ("relative_span", r"(?:(?P<part><PART>)\s+)?(?:(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<rel><REL>)" + _END
        + r"|هذا\s+(?P<this>الاسبوع|الشهر|العام)" + _END + r")|(?P<part2><PART>)\s+(?P<bare>الاسبوع|الشهر|العام|السنه)" + _END + r"(?!\s*\d)"),
    # «خلال الساعات الماضية», «الـ24 ساعة الماضية», «الأيام القليلة الماضية», «الأسابيع الأخيرة»
    ("recent", r"(?:(?:ال)?(?P<n1>\d{1,3})\s+(?P<u1>ساعه|يوما|يوم|اسبوعا|شهرا)|(?P<u2>الساعات|الايام|الاسابيع|الاشهر|الشهور|الاعوام|السنوات)(?:\s+ال\s*(?P<n2>\d{1,3}))?)"
        r"\s+(?:القليله\s+)?(?:ال)?(?P<rel>الماضيه|ماضيه|الاخيره|اخيره|المنصرمه|الفايته|السابقه)" + _END),
    # «قبل ثلاثة أعوام», «منذ يومين», «قبل 10 أيام», «قبل أسبوع»
    ("ago", r"(?P<kw>قبل|منذ)\s+(?:(?P<num>\d{1,3}|<CARD>)\s+(?P<many><UNIT_MANY>|<UNIT_ONE>)|(?P<two><UNIT_TWO>)|(?P<one><UNIT_ONE>)|(?P<few>ايام|بضعه\s+ايام))" + _END
        + r"(?!\s*(?:من|علي|علی)\s)"),
]

# Literal first words of the rules above (besides the data tables' words).
_RULE_FIRST_WORDS = (
    "يوم", "يومي", "نهار", "الموافق", "بتاريخ", "تاريخ", "شهر", "عام", "العام", "لعام", "سنه",
    "السنه", "لسنه", "منذ", "خلال", "حتي", "قبل", "بعد", "اول", "امس", "الامس", "البارحه",
    "اليوم", "الليله", "غد", "غدا", "الغد", "الاسبوع", "الشهر", "هذا", "شهري",
    "الساعات", "الايام", "الاسابيع", "الاشهر", "الشهور", "الاعوام", "السنوات",
)

# Clitics a date phrase may carry: «وأمس», «فجر» (not a clitic), «بالأمس», «لعام».
_CLITICS = r"(?:وب|ول|فب|فل|وف|[وفبل])"


@dataclass(frozen=True, slots=True)
class _Grammar:
    regex: re.Pattern[str]
    words: CalendarWords


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    w = load_calendar_words()
    month_names = _alt(w.months)
    pieces = {
        # A month name may touch its year («مارس2011»), so it ends before a
        # letter, not before any word character.
        "<MONTHPAIR>": rf"(?P<m1>{month_names}){_END_LETTER}(?:(?:\s*[/(-]\s*|\s+)(?P<m2>{month_names}){_END_LETTER}(?:\s*\))?)?",
        "<MONTHNAME>": month_names,
        "<HMONTH>": _alt(w.hijri_months),
        "<WEEKDAY>": _alt(w.weekdays),
        "<ORD>": _alt(w.ordinals) + _END,
        "<CARD>": _alt(w.cardinals),
        "<REL>": _alt(w.past | w.current | w.next | w.before_past),
        "<TOD>": _alt(w.times_of_day),
        "<PART>": _alt(w.span_parts),
        "<UNIT_ONE>": _alt(w.units_one),
        "<UNIT_TWO>": _alt(w.units_two),
        "<UNIT_MANY>": _alt(w.units_many),
        "<YEARPART>": (
            r"(?:\s*[,/]?\s*(?:من\s+)?(?:" + _YEAR_WORD + r"\s+)?(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م" + _END + r")?"
            r"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel><REL>)" + _END
            + r"|\s+(?:من\s+)?هذا\s+(?P<ythis>العام)" + _END
            + r"|\s+(?P<mrel><REL>)" + _END + ")"
        ),
        "<YEARS>": (
            r"(?:(?P<year>(?:1[5-9]|20)\d\d)(?!\d)(?:\s*[-/]\s*(?P<year2>(?:1[5-9]|20)\d\d)(?!\d))?(?:\s*\))?"
            r"(?:\s*(?:م|ميلادي|ميلاديه)" + _END + r")?"
            r"|(?P<hyear>1[34]\d\d)(?!\d)(?:\s*\))?\s*(?:ه|هجري|هجريه)" + _END + ")"
        ),
        "<WDPREFIX>": r"(?:(?:يوم\s+)?(?P<wdp><WEEKDAY>)\s*,?\s*(?:الموافق\s*)?\(?\s*)?",
    }
    branches = []
    for name, pattern in _RULES:
        # Expand the compound pieces first: they contain other pieces.
        body = pattern.replace("<WDPREFIX>", pieces["<WDPREFIX>"]).replace("<YEARPART>", pieces["<YEARPART>"])
        body = body.replace("<YEARS>", pieces["<YEARS>"])
        for key, value in pieces.items():
            body = body.replace(key, value)
        # A date never runs across a line break (title, dateline, paragraphs).
        body = body.replace(r"\s", r"[^\S\n]")
        assert "<" not in re.sub(r"\(\?(P<|<[!=])", "", body), f"unexpanded piece in rule {name}"
        body = re.sub(r"\(\?P([<=])(\w+)", lambda m, n=name: f"(?P{m.group(1)}{n}__{m.group(2)}", body)
        branches.append(f"(?P<{name}>{body})")
    # Every rule starts with one of these words (or a digit). Checking them
    # first, as one trie, lets the scan skip the ~95% of word starts that
    # cannot begin a date before trying the rules one by one.
    first_words = {p.split()[0] for table in (
        w.months, w.hijri_months, w.weekdays, w.ordinals, w.times_of_day, w.span_parts,
    ) for p in table} | set(_RULE_FIRST_WORDS)
    anchor = rf"(?=\d|ال\d|{_alt(first_words)}{_END_LETTER})"
    regex = re.compile(r"(?<!\w)" + _CLITICS + "?" + anchor + "(?:" + "|".join(branches) + ")")
    return _Grammar(regex=regex, words=w)


# ---------------------------------------------------------------------------
# Calendar arithmetic


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _hijri_to_date(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura Hijri -> Gregorian (hijridate); None outside its range."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _hijri_year_of(day: date) -> int:
    return Gregorian(day.year, day.month, day.day).to_hijri().year


def _weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.isoweekday() - weekday) % 7)


def _weekday_before(ref: date, weekday: int) -> date:
    return _weekday_on_or_before(ref - timedelta(days=1), weekday)


def _weekday_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.isoweekday() - 1) % 7 + 1)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_in_month(year: int, month: int, day: int) -> date | None:
    """The day, or the month's last day when the month is shorter."""
    for d in (day, 30, 29, 28):
        if d <= day:
            result = _safe_date(year, month, d)
            if result:
                return result
    return None


def _clamp(day: date | None, published: date | None, span_start: date | None) -> date | None:
    """A mid-span date after publication moves back to publication day
    when the span has already begun (lean to the past)."""
    if day and published and span_start and span_start <= published < day:
        return published
    return day


# How many months (years, weeks) back or forward a relative marker moves.
_REL_DELTA = {"past": -1, "past2": -2, "next": 1}

# Where in a month a «مطلع/منتصف/أواخر» puts the date.
_PART_DAY = {"early": 5, "middle": 15, "late": 25}
# The same for a year: (month, day).
_PART_OF_YEAR = {None: (7, 1), "early": (1, 15), "middle": (7, 1), "late": (12, 15)}


# ---------------------------------------------------------------------------
# Resolving a match

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Words right after «اليوم» that make it "the day" (اليوم الأول، اليوم التالي)
# or a name (صحيفة اليوم), not "today".
_TODAY_NOT_AFTER = frozenset(
    normalize_word(w) for w in (
        "التالي", "السابق", "نفسه", "ذاته", "الذي", "التي", "الأخير", "الموعود",
        "العالمي", "الوطني", "الدولي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
        "السابع", "الثامن", "التاسع", "العاشر", "الأول", "الأولى", "الآخر",
    )
)
_TODAY_NOT_BEFORE = frozenset(normalize_word(w) for w in (
    "عين", "صحيفة", "جريدة", "لصحيفة", "لجريدة", "موقع", "قناة", "مراسل", "لمراسل",
    "ذات", "نفس", "ذلك",  # «في ذات اليوم»: the day of something else
))


@dataclass(slots=True)
class _Resolved:
    date: date | None
    precision: int
    relative: bool
    end_date: date | None = None


class _Resolver:
    """Turns one regex match into a resolved date (or rejects it: None)."""

    def __init__(self, norm: str, published: date | None, words: CalendarWords):
        self.norm = norm
        self.pub = published
        self.w = words

    # -- small readers ----------------------------------------------------
    def _key(self, text: str | None) -> str | None:
        return _WS.sub(" ", text) if text else text

    def _day(self, text: str | None) -> int | None:
        if not text:
            return None
        if text.isdigit():
            return int(text)
        return self.w.ordinals.get(self._key(text))

    def _rel(self, text: str | None) -> str | None:
        key = self._key(text)
        if not key:
            return None
        if key in self.w.past:
            return "past"
        if key in self.w.before_past:
            return "past2"
        if key in self.w.next:
            return "next"
        return "current"

    def _part(self, text: str | None) -> str | None:
        return self.w.span_parts.get(self._key(text)) if text else None

    def _prev_word(self, pos: int) -> str:
        before = _WORD.findall(self.norm, max(0, pos - 30), pos)
        return before[-1] if before else ""

    def _next_word(self, pos: int) -> str:
        after = _WORD.search(self.norm, pos, pos + 30)
        return after.group(0) if after else ""

    # -- rules ------------------------------------------------------------
    def numeric(self, g) -> _Resolved | None:
        a, b, c = g("a"), int(g("b")), g("c")
        if len(a) == 4:
            if len(c) > 2:
                return None
            year, month, day = int(a), b, int(c)
        else:
            if len(c) != 4:
                return None  # two-digit years are too often not dates
            year, month, day = int(c), b, int(a)
        if month > 12 and day <= 12:  # «4 / 22 / 1948»: month first
            month, day = day, month
        if g("suffix") == "ه" or 1300 <= year <= 1500:
            resolved = _hijri_to_date(year, month, day)
        elif 1900 <= year <= 2100:
            resolved = _safe_date(year, month, day)
        else:
            return None
        return _Resolved(resolved, 1, False) if resolved else None

    def numeric_short(self, g) -> _Resolved | None:
        day, month = int(g("a")), int(g("b"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if not self.pub:
            return _Resolved(None, 1, True)
        candidates = []
        gregorian = _safe_date(self.pub.year, month, day)
        if gregorian and gregorian > self.pub:
            gregorian = _safe_date(self.pub.year - 1, month, day)
        hyear = _hijri_year_of(self.pub)
        hijri = _hijri_to_date(hyear, month, day)
        if hijri and hijri > self.pub:
            hijri = _hijri_to_date(hyear - 1, month, day)
        candidates = [d for d in (gregorian, hijri) if d]
        weekday = self.w.weekdays.get(self._key(g("wdp"))) if g("wdp") else None
        if weekday:
            matching = [d for d in candidates if d.isoweekday() == weekday]
            candidates = matching or candidates
        if not candidates:
            return None
        return _Resolved(max(candidates), 1, True)

    def hijri_day(self, g) -> _Resolved | None:
        day = self._day(g("d1"))
        month = self.w.hijri_months[self._key(g("hmon"))]
        if not day or day > 30:
            return None
        if month == 2 and not g("hyear") and "شهر" not in g("") and g("d1").isdigit():
            return None  # «2/ صفر» is a score: صفر is also "zero"
        if g("hyear"):
            resolved = _hijri_to_date(int(g("hyear")), month, day)
            return _Resolved(resolved, 1, False) if resolved else None
        if not self.pub:
            return _Resolved(None, 1, True)
        year = _hijri_year_of(self.pub)
        resolved = _hijri_to_date(year, month, day)
        if resolved and resolved > self.pub:
            resolved = _hijri_to_date(year - 1, month, day)
        return _Resolved(resolved, 1, True) if resolved else None

    def _year_for(self, g, month: int, day: int | None) -> tuple[int | None, bool]:
        """(year, relative) for a month (and day) from the YEARPART groups."""
        if g("year"):
            return int(g("year")), False
        pub = self.pub
        if pub is None:
            return None, True
        yrel = self._rel(g("yrel"))
        if yrel or g("ythis"):
            return pub.year + _REL_DELTA.get(yrel or "current", 0), True
        mrel = self._rel(g("mrel"))
        if mrel == "current" and month == pub.month:
            return pub.year, True
        if mrel == "current":
            mrel = None  # «أيار الحالي» in January: a slip; lean to the past
        back = 1 if mrel == "past2" else 0  # «يوليو قبل الماضي»: a year further back
        if day is None:  # a whole month
            if mrel in ("past", "past2"):
                return (pub.year if month < pub.month else pub.year - 1) - back, True
            if mrel == "next":
                return (pub.year if month > pub.month else pub.year + 1), True
            return (pub.year if month <= pub.month else pub.year - 1), True
        this_year = _day_in_month(pub.year, month, day)
        if mrel == "next":
            return (pub.year if this_year and this_year > pub else pub.year + 1), True
        return (pub.year if this_year and this_year <= pub else pub.year - 1) - back, True

    def day_month(self, g) -> _Resolved | None:
        month = self.w.months[self._key(g("m1"))]
        day, last = self._day(g("d1")), self._day(g("d2"))
        if not day or day > 31:
            return None
        if last is not None and not (day < last <= 31):
            last = None
        year, relative = self._year_for(g, month, day)
        if year is None:
            return _Resolved(None, 2 if last else 1, True)
        first = _safe_date(year, month, day)
        if not first:
            return None
        if last:
            return _Resolved(first, 2, relative, _safe_date(year, month, last))
        return _Resolved(first, 1, relative)

    def day_of_rel_month(self, g) -> _Resolved | None:
        day = self._day(g("d1") or g("dn"))
        if not day or day > 31:
            return None
        if not self.pub:
            return _Resolved(None, 1, True)
        delta = _REL_DELTA.get(self._rel(g("rel") or g("rel2")) or "current", 0)
        year, month = _add_months(self.pub.year, self.pub.month, delta)
        resolved = _safe_date(year, month, day)
        return _Resolved(resolved, 1, True) if resolved else None

    def month(self, g) -> _Resolved | None:
        name = self._key(g("m1"))
        month = self.w.months[name]
        has_context = any(g(k) for k in ("m2", "shahr", "part", "year", "yrel", "ythis", "mrel"))
        if name in self.w.ambiguous_months and not has_context:
            return None
        part = self._part(g("part"))
        precision = 2 if part else 3
        last_month = self.w.months[self._key(g("mb"))] if g("mb") else None
        if last_month == month:
            last_month = None
        # «شهري يونيو ويوليو الماضيين»: the year is that of the last month.
        year, relative = self._year_for(g, last_month or month, None)
        if year is None:
            return _Resolved(None, precision, True)
        end_date = None
        if last_month:
            first_year = year if month < last_month else year - 1
            end_date = _day_in_month(year, last_month, 31)
            year = first_year
        resolved = _safe_date(year, month, _PART_DAY.get(part, 15))
        return _Resolved(_clamp(resolved, self.pub, date(year, month, 1)), precision, relative, end_date)

    def hijri_month(self, g) -> _Resolved | None:
        month = self.w.hijri_months[self._key(g("hmon") or g("hmon2"))]
        hyear = g("hyear") or g("hyear2")
        part = self._part(g("part"))
        precision = 2 if part else 3
        day = _PART_DAY.get(part, 15)
        if hyear:
            year, relative = int(hyear), False
        elif self.pub:
            year, relative = _hijri_year_of(self.pub), True
            first = _hijri_to_date(year, month, 1)
            if first and first > self.pub:
                year -= 1
        else:
            return _Resolved(None, precision, True)
        resolved = _hijri_to_date(year, month, day)
        if not resolved:
            return None
        return _Resolved(_clamp(resolved, self.pub, _hijri_to_date(year, month, 1)), precision, relative)

    def year(self, g) -> _Resolved | None:
        part = self._part(g("part"))
        month, day = _PART_OF_YEAR[part]
        if g("year"):
            year = int(g("year"))
            resolved = _safe_date(year, month, day)
            start = date(year, 1, 1)
        else:
            hyear = int(g("hyear"))
            resolved = _hijri_to_date(hyear, 7 if part in (None, "middle") else (1 if part == "early" else 12), 1)
            start = _hijri_to_date(hyear, 1, 1)
            if resolved is None and 1 <= hyear <= 1600:
                # Outside hijridate's tables (1343–1500 AH): a year is all we
                # need, and the mean lengths of the two years give it.
                resolved = _safe_date(round(hyear * 0.970229 + 621.5643), month, day)
                start = None
        if not resolved:
            return None
        end_date = None
        if g("year2") and int(g("year2")) > int(g("year")):
            end_date = date(int(g("year2")), 12, 31)
        return _Resolved(_clamp(resolved, self.pub, start), 3, False, end_date)

    def bare_year(self, g, start: int, end: int) -> _Resolved | None:
        # A four-digit number is a year only where a year is expected.
        if not (g("hyear") or 1900 <= int(g("year")) <= 2099):
            return None
        in_brackets = self.norm[max(0, start - 3):start].rstrip().endswith("(")
        if not in_brackets and self._prev_word(start) not in _BEFORE_BARE_YEAR:
            return None
        return self.year(g)

    def relative_day(self, g, start: int, end: int) -> _Resolved | None:
        rel = self._key(g("rel"))
        if rel == "اليوم" and not g("wd"):
            if self._next_word(end) in _TODAY_NOT_AFTER or self._prev_word(start) in _TODAY_NOT_BEFORE:
                return None
            before, after = self.norm[start - 1:start], self.norm[end:end + 1]
            if '"' in (before, after) or (before, after) == ("(", ")"):
                return None  # «"اليوم"», «ل(اليوم)»: the newspaper's name
        if rel in ("غد", "الغد") and not (g("tod") or g("yawm")):
            return None  # «تيار الغد» is a party; «صباح الغد» is tomorrow
        if rel.startswith("اول") or rel in ("امس الاول", "الليله قبل الماضيه"):
            offset = -2
        elif rel in ("امس", "الامس", "البارحه", "الليله الماضيه"):
            offset = -1
        elif rel in ("اليوم", "الليله"):
            offset = 0
        elif rel.startswith("بعد"):
            offset = 2
        else:
            offset = 1
        if not self.pub:
            return _Resolved(None, 1, True)
        resolved = self.pub + timedelta(days=offset)
        weekday = self.w.weekdays.get(self._key(g("wd"))) if g("wd") else None
        if weekday and resolved.isoweekday() != weekday:
            # The named weekday wins over an off-by-one publication day.
            if offset < 0:
                resolved = _weekday_before(self.pub, weekday)
            elif offset == 0:
                resolved = _weekday_on_or_before(self.pub, weekday)
            else:
                resolved = _weekday_after(self.pub, weekday)
        return _Resolved(resolved - self._eve(g), 1, True)

    def _eve(self, g) -> timedelta:
        """«عشية الجمعة»: the evening before the named day."""
        return timedelta(days=1 if self._key(g("tod")) == "عشيه" else 0)

    def weekday(self, g, start: int, end: int) -> _Resolved | None:
        name1 = self._key(g("wd1"))
        wd1 = self.w.weekdays[name1]
        wd2 = self.w.weekdays[self._key(g("wd2"))] if g("wd2") else None
        rel = self._rel(g("rel"))
        if not (g("tod") or g("yawm")):
            prev = self._prev_word(start)
            if prev in self.w.weekday_blockers:
                return None
            if name1 == "الاثنين" and not (rel or wd2):
                # «الاثنين» is also "the two": «الطرفين الاثنين», «الاثنين من».
                if (len(prev) > 3 and prev.endswith(("ين", "ان"))) or self._next_word(end) == "من":
                    return None
        if not self.pub:
            return _Resolved(None, 2 if wd2 else 1, True)
        last = wd2 or wd1
        if rel == "past":
            last_day = _weekday_before(self.pub, last)
        elif rel == "past2":  # «الجمعة قبل الماضية»
            last_day = _weekday_before(self.pub, last) - timedelta(days=7)
        elif rel == "next":
            last_day = _weekday_after(self.pub, last)
        else:
            last_day = _weekday_on_or_before(self.pub, last)
        if wd2 is None:
            return _Resolved(last_day - self._eve(g), 1, True)
        overnight = wd2 == wd1 % 7 + 1 and (
            g("conn") in (None, "-", "/") or self._key(g("tod") or "") in ("ليل", "ليله", "مساء", "منتصف ليل")
        )
        if overnight:
            # «ليل الخميس الجمعة»: the night that ends on the second day.
            return _Resolved(last_day, 1, True)
        first_day = last_day - timedelta(days=(wd2 - wd1) % 7)
        return _Resolved(first_day, 2, True, last_day)

    def relative_span(self, g) -> _Resolved | None:
        part = self._part(g("part") or g("part2"))
        unit = self._key(g("unit") or g("this") or g("bare"))
        if unit == "السنه":
            unit = "العام"
        rel = self._rel(g("rel")) if g("rel") else "current"
        delta = _REL_DELTA.get(rel, 0)
        if unit == "الاسبوع":
            if not self.pub:
                return _Resolved(None, 2, True)
            return _Resolved(self.pub + timedelta(days=7 * delta), 2, True)
        if unit == "الشهر":
            precision = 2 if part else 3
            if not self.pub:
                return _Resolved(None, precision, True)
            year, month = _add_months(self.pub.year, self.pub.month, delta)
            resolved = date(year, month, _PART_DAY.get(part, 15))
            return _Resolved(_clamp(resolved, self.pub, date(year, month, 1)), precision, True)
        if not self.pub:  # a year
            return _Resolved(None, 3, True)
        year = self.pub.year + delta
        month, day = _PART_OF_YEAR[part]
        return _Resolved(_clamp(date(year, month, day), self.pub, date(year, 1, 1)), 3, True)

    def recent(self, g) -> _Resolved | None:
        """«خلال الساعات الماضية»: a span that ends on publication day."""
        unit = self._key(g("u1") or g("u2"))
        count_text = g("n1") or g("n2")
        count = int(count_text) if count_text else None
        if not self.pub:
            return _Resolved(None, 2, True)
        if unit in ("ساعه", "الساعات"):
            days = max(1, -(-(count or 24) // 24))
        elif unit in ("يوما", "يوم", "الايام"):
            days = count or 3
        elif unit in ("اسبوعا", "الاسابيع"):
            days = 7 * (count or 2)
        else:  # months, years: too long a span for a day; month precision
            months = (count or 3) * (12 if unit in ("الاعوام", "السنوات") else 1)
            year, month = _add_months(self.pub.year, self.pub.month, -months)
            return _Resolved(_day_in_month(year, month, self.pub.day), 3, True, self.pub)
        if days > 400:
            return None
        return _Resolved(self.pub - timedelta(days=days), 2, True, self.pub)

    def ago(self, g) -> _Resolved | None:
        since = g("kw") == "منذ"
        if g("few"):
            count, unit = 3, "day"
        elif g("two"):
            count, unit = 2, self.w.units_two[self._key(g("two"))]
        elif g("one"):
            count, unit = 1, self.w.units_one[self._key(g("one"))]
        else:
            num = g("num")
            count = int(num) if num.isdigit() else self.w.cardinals[self._key(num)]
            key = self._key(g("many"))
            unit = self.w.units_many.get(key) or self.w.units_one[key]
        precision = {"day": 2 if (since or g("few")) else 1, "week": 2, "month": 3, "year": 3}[unit]
        if not self.pub:
            return _Resolved(None, precision, True)
        pub = self.pub
        if unit in ("day", "week"):
            resolved = pub - timedelta(days=count * (7 if unit == "week" else 1))
        else:
            year, month = _add_months(pub.year, pub.month, -count * (12 if unit == "year" else 1))
            if year < 1:
                return None
            resolved = _day_in_month(year, month, pub.day)
        end_date = pub if since and unit == "day" else None
        return _Resolved(resolved, precision, True, end_date)


_SINCE = re.compile(r"(?<!\w)(?:و|ف)?منذ\s*$")


def _is_since(norm: str, start: int) -> bool:
    """The phrase starts with, or follows, «منذ» (since)."""
    return norm.startswith("منذ", start) or bool(_SINCE.search(norm, max(0, start - 8), start))


_NEEDS_SPAN = frozenset({"relative_day", "weekday", "bare_year"})
# Words after which a bare number 1900–2099 is a year («في 2014», «قبل 1948»).
_BEFORE_BARE_YEAR = frozenset(normalize_word(w) for w in (
    "في", "وفي", "منذ", "ومنذ", "حتى", "وحتى", "قبل", "بعد", "خلال", "وخلال", "بين", "مطلع",
    "أواخر", "أوائل", "منتصف", "نهاية", "بداية", "حرب", "انتخابات", "أحداث", "ثورة", "نكبة",
    "بتاريخ", "تاريخ",
))


def find_dates(norm: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in norm[start:end], left to right, not overlapping."""
    if isinstance(published, datetime):  # a datetime does not compare with a date
        published = published.date()
    grammar = _grammar()
    resolver = _Resolver(norm, published, grammar.words)
    found: list[DateMention] = []
    for m in grammar.regex.finditer(norm, start, len(norm) if end is None else end):
        rule = m.lastgroup
        if rule is None:
            continue
        prefix = rule + "__"

        def g(name: str, _m=m, _p=prefix, _r=rule) -> str | None:
            """A named part of the match; "" is the whole phrase."""
            try:
                return _m.group(_p + name if name else _r)
            except IndexError:  # a part this rule does not have
                return None

        s, e = m.span(rule)
        if norm[e - 1] == ")" and "(" not in norm[s:e]:
            e = len(norm[s:e - 1].rstrip()) + s  # «(1948)»: keep the brackets balanced
        handler = getattr(resolver, rule)
        try:
            result = handler(g, s, e) if rule in _NEEDS_SPAN else handler(g)
        except (OverflowError, ValueError):
            # Calendar arithmetic off the ends of the calendars (a publication
            # day in year 1, a Hijri day outside hijridate's tables): no date.
            result = None
        if result is None:
            continue
        if result.end_date is None and result.date and published and result.date < published and _is_since(norm, s):
            # «منذ 2011», «منذ أبريل الماضي»: a span still going on at publication.
            result.end_date = published
        found.append(DateMention(s, e, norm[s:e], result.date, result.precision,
                                 result.relative, result.end_date, rule))
    return found
