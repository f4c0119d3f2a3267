"""The calendar words of rasd.text.dates, read once from src/rasd/data/calendar_ar.yaml.

Every word is normalised the way article text is (rasd.text.normalize), so
the grammar and the resolver compare like with like.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


from rasd.datafiles import data_path, read_yaml
from rasd.text.normalize import normalize_word


@dataclass(frozen=True, slots=True)
class Holiday:
    calendar: str  # "hijri" | "gregorian"
    month: int
    day: int
    days: int  # how many days it lasts


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
    weekday_blockers: frozenset[str]  # «صلاة» before «الجمعة»
    today_blockers_before: frozenset[str]  # «عين» before «اليوم»
    today_blockers_after: frozenset[str]  # «التالي» after «اليوم»
    today_blocker_phrases_before: tuple[str, ...]  # «مثل هذا» before «اليوم»
    bare_year_after: frozenset[str]  # «في» before «2014»
    seasons: dict[str, int]  # «الصيف» -> 7, the month that stands for it
    holidays: dict[str, Holiday]
    holiday_day_ordinals: dict[str, int]  # «ثاني» (أيام العيد) -> 2
    relative_days: dict[str, int]  # «أمس» -> -1, «أول من أمس» -> -2
    relative_days_need_context: frozenset[str]
    approximators: tuple[str, ...]  # «نحو», «أكثر من»
    date_name_heads: frozenset[str] = frozenset()  # «شارع» before «26 سبتمبر»: a name
    report_verbs: frozenset[str] = frozenset()  # «قال», «أعلنت»: a date right after dates the statement
    report_complements: frozenset[str] = frozenset()  # «أن», «إن»: the reported clause begins
    report_reach_words: int = 10  # words from the verb to its date (the speaker)
    recap_openers: tuple[str, ...] = ()  # «يشار إلى أن»: a sentence of background
    statement_relative_days: frozenset[str] = frozenset()  # «الليلة الماضية» counts from a statement's day


def norm_phrase(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in str(phrase).split())


@lru_cache(maxsize=1)
def load_calendar_words() -> CalendarWords:
    """Read src/rasd/data/calendar_ar.yaml once per process."""
    raw: dict[str, Any] = read_yaml(data_path("calendar_ar.yaml"), "calendar words")

    def table(entries: list[dict[str, Any]], key: str) -> dict[str, int]:
        return {norm_phrase(n): int(e[key]) for e in entries for n in e["names"]}

    ordinals: dict[str, int] = {}
    unit_words: dict[str, int] = {}
    for value, words in raw["ordinal_units"].items():
        for w in words:
            ordinals[norm_phrase(w)] = int(value)
            unit_words[norm_phrase(w)] = int(value)
    for w in raw["ordinal_compound_one"]:
        unit_words[norm_phrase(w)] = 1
    for value, words in raw["ordinal_teens"].items():
        for w in words:
            ordinals[norm_phrase(w)] = int(value)
    for tens, words in raw["ordinal_tens"].items():
        for w in words:
            tens_word = norm_phrase(w)
            ordinals[tens_word] = int(tens)
            for unit_word, unit in unit_words.items():
                if " " in unit_word or unit_word == normalize_word("أول"):
                    continue
                value = int(tens) + unit
                if value <= 31:
                    ordinals[f"{unit_word} و{tens_word}"] = value

    def unit_table(form: str) -> dict[str, str]:
        return {
            norm_phrase(w): unit for unit, forms in raw["time_units"].items() for w in forms[form]
        }

    rel = raw["relative_markers"]
    return CalendarWords(
        months=table(raw["gregorian_months"], "month"),
        ambiguous_months=frozenset(
            norm_phrase(n) for e in raw["gregorian_months"] for n in e.get("ambiguous_names", [])
        ),
        hijri_months=table(raw["hijri_months"], "month"),
        weekdays=table(raw["weekdays"], "weekday"),
        ordinals=ordinals,
        cardinals={norm_phrase(w): int(v) for v, ws in raw["cardinals"].items() for w in ws},
        units_one=unit_table("one"),
        units_two=unit_table("two"),
        units_many=unit_table("many"),
        past=frozenset(norm_phrase(w) for w in rel["past"]),
        before_past=frozenset(norm_phrase(w) for w in rel["before_past"]),
        current=frozenset(norm_phrase(w) for w in rel["current"]),
        next=frozenset(norm_phrase(w) for w in rel["next"]),
        times_of_day=tuple(norm_phrase(w) for w in raw["times_of_day"]),
        span_parts={norm_phrase(w): part for part, ws in raw["span_parts"].items() for w in ws},
        weekday_blockers=frozenset(norm_phrase(w) for w in raw["weekday_blockers"]),
        today_blockers_before=frozenset(norm_phrase(w) for w in raw["today_blockers_before"]),
        today_blockers_after=frozenset(norm_phrase(w) for w in raw["today_blockers_after"]),
        today_blocker_phrases_before=tuple(norm_phrase(w) for w in raw["today_blocker_phrases_before"]),
        bare_year_after=frozenset(norm_phrase(w) for w in raw["bare_year_after"]),
        date_name_heads=frozenset(norm_phrase(w) for w in raw.get("date_name_heads", [])),
        seasons=table(raw["seasons"], "month"),
        holidays={
            norm_phrase(n): Holiday(h["calendar"], int(h["month"]), int(h["day"]), int(h["days"]))
            for h in raw["holidays"] for n in h["names"]
        },
        holiday_day_ordinals={norm_phrase(w): int(v) for v, ws in raw["holiday_day_ordinals"].items() for w in ws},
        relative_days={norm_phrase(w): int(v) for v, ws in raw["relative_days"].items() for w in ws},
        relative_days_need_context=frozenset(norm_phrase(w) for w in raw["relative_days_need_context"]),
        approximators=tuple(norm_phrase(w) for w in raw["approximators"]),
        report_verbs=frozenset(norm_phrase(w) for w in raw.get("report_verbs", [])),
        report_complements=frozenset(norm_phrase(w) for w in raw.get("report_complements", [])),
        report_reach_words=int(raw.get("report_reach_words", 10)),
        recap_openers=tuple(norm_phrase(w) for w in raw.get("recap_openers", [])),
        statement_relative_days=frozenset(norm_phrase(w) for w in raw.get("statement_relative_days", [])),
    )
