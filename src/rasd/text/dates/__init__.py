"""Find dates in normalised Arabic news text and resolve them to calendar days.

`find_dates(norm, published)` makes one pass of one compiled regex over the
normalised text (see rasd.text.normalize) and returns a DateMention for each
date expression, left to right, never overlapping, resolved against the
publication day:

- absolute days: «24 يوليو 2015», «26 مارس آذار», «الثامن والتاسع من أيلول/
  سبتمبر», «26/7/2015م», Hijri «10 شوال 1436هـ» and «19/6/1436» (converted
  with hijridate, Umm al-Qura calendar), «يوم الخميس الموافق 21 / 10»;
- months and years: «تشرين الأول/ أكتوبر العام الماضي», «أيار/ مايو الماضي»,
  «شهري يونيو ويوليو الماضيين», «شهر رمضان», «عام 2014», «في 2003», «(1948)»;
- days relative to publication: «أمس», «يوم أمس الجمعة», «أول من أمس»,
  «اليوم (السبت)», «فجر الجمعة», «مساء السبت - الأحد», «الخميس الماضي»,
  «الجمعة قبل الماضية», «عشية الجمعة», «الخامس والعشرين من الشهر الفائت»,
  «في 3 الجاري»;
- spans: «الأسبوع الماضي», «الشهر الفائت», «أواخر الشهر الماضي», «العام
  الماضي», «قبل ثلاثة أعوام», «منذ يومين», «خلال الساعات الماضية»;
- seasons and holidays: «صيف عام 1994», «الصيف الماضي», «صائفة 2014», «أول أيام
  عيد الفطر», «عيد الأضحى الماضي», «رمضان الماضي»;
- anniversaries: «في مثل هذا اليوم من عام 1990», «... من العام الماضي» (the
  publication's day and month in that year).

How the date is chosen (spec §1, ACLED time_precision):
- `date` is the day to code an event on. `end_date` is set when the text
  covers several days: «الثامن والتاسع», «يومي الاثنين والثلاثاء» (then
  `date` is the first day and precision 2), «الأيام القليلة الماضية», and
  anything after «منذ» (since), which runs to publication.
- precision 1: a day; 2: a week or a range of days (week: publication − 7
  days; early/mid/late month: the 5th/15th/25th); 3: a month (the 15th) or
  only a year (1 July; 3 is the coarsest precision the spec has).
- News reports what happened, so undated names lean to the past: a month
  with no year is the most recent one not after publication, a day and
  month the latest one up to 31 days after publication (a meeting «في الـ29
  من يوليو» announced on 21 July is this year's),
  a bare weekday the most recent such day on or before publication
  («فجر الجمعة»), «الخميس الماضي» the most recent one strictly before it.
  A mid-span date that would fall after publication is clamped to it.
  Explicit future words («غدا», «الخميس المقبل») resolve forward.
- «أمس الجمعة» is the day before publication when that day is a Friday.
  When the weekday disagrees we trust the weekday (the journalist wrote it;
  `published` is often a print or crawl day one off) and take the most
  recent Friday before publication. «اليوم السبت» likewise.
- «ليل الخميس الجمعة»: an overnight span is dated on the day it ends in;
  «مساء السبت - الأحد» on the first (the evening is before midnight).
- With no publication date, absolute dates still resolve and relative ones
  get date None (relative=True): a date is never invented.

Which clause a date belongs to (rasd.text.dates.report): a date between a
verb of saying and its clause («وقال المرصد أمس إن ...») is marked `report`
(it dates the statement, not the events reported); in wire copy dated by a
weekday before publication («قال مسؤولون الأحد إن ... الليلة الماضية») the
speaker's «اليوم»/«الليلة الماضية» count from that weekday («أمس» stays the
paper's); a date in a sentence opening with a formula of background («يشار
إلى أن») is marked `recap`.

How vague a date is, for assembly to judge a recalled event: `year_only` when
only the year is known («عام 2011», «العام الماضي», «قبل ثلاثة أعوام»),
`since` when the phrase starts a period still going on («منذ أربعة أشهر»).

Words that are dates only in context are checked: «شارع 26 سبتمبر», «قصر 22
مايو», «ثورة 11 فبراير» (names), «صلاة الجمعة», «عين اليوم» and «ل(اليوم)»
(newspapers), «الطرفين الاثنين» (the two), «2/ صفر» (a score),
«إب» (the Yemeni city), «مارس» (a verb), a bare 2014 that is a count.

Offsets are into the normalised text. The words (months, weekdays, ordinals,
units, markers) are data: src/rasd/data/calendar_ar.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from rasd.text.dates.grammar import compiled_grammar
from rasd.text.dates.report import dates_a_report, in_recap, reanchor_reported_days
from rasd.text.dates.resolve import Resolver
from rasd.text.dates.words import CalendarWords, load_calendar_words

__all__ = ["CalendarWords", "DateMention", "find_dates", "load_calendar_words"]


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
    # The date modifies a verb of saying («وقال المرصد أمس إن ...»): it dates
    # the statement, not the events reported in its clause (dates.report).
    report: bool = False
    # The sentence opens with a formula of background («يشار إلى أن»): the
    # day is context, not the day of the story.
    recap: bool = False
    # Only the year (or a part of it) is known («عام 2011», «العام الماضي», «قبل
    # ثلاثة أعوام»): coarser than the spec's coarsest precision, the month.
    year_only: bool = False
    # The phrase starts a period still going on («منذ أربعة أشهر», «منذ 20
    # يوليو»): the day something began, not the day of one event.
    since: bool = False


_SINCE = re.compile(r"(?<!\w)(?:و|ف)?منذ\s*$")


def _is_since(norm: str, start: int) -> bool:
    """The phrase starts with, or follows, «منذ» (since)."""
    return norm.startswith("منذ", start) or bool(_SINCE.search(norm, max(0, start - 8), start))


_NEEDS_SPAN = frozenset({"relative_day", "weekday", "bare_year", "year", "day_month"})


def find_dates(norm: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in norm[start:end], left to right, not overlapping."""
    if isinstance(published, datetime):  # a datetime does not compare with a date
        published = published.date()
    grammar = compiled_grammar()
    resolver = Resolver(norm, published, grammar.words)
    found: list[DateMention] = []
    for m in grammar.finditer(norm, start, end):
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
        since = _is_since(norm, s)
        if result.end_date is None and result.date and published and result.date < published and since:
            # «منذ 2011», «منذ أبريل الماضي»: a span still going on at publication.
            result.end_date = published
        found.append(DateMention(s, e, norm[s:e], result.date, result.precision,
                                 result.relative, result.end_date, rule,
                                 dates_a_report(norm, s, e, grammar.words), in_recap(norm, s, grammar.words),
                                 result.year_only, since))
    return reanchor_reported_days(norm, found, published, grammar.words)
