"""From a grammar match to a calendar day: the resolution rules of spec §1.

Resolver has one method per grammar rule; each reads the parts of its
match and returns a Resolved (date, precision, relative, end_date) or None
to reject a match that is not a date in context. The calendar arithmetic
below leans to the past, as news reports what happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from rasd.text.dates.words import CalendarWords


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


# How far after publication an undated «29 يوليو» may still be this year's.
_SOON = timedelta(days=31)

# How many months (years, weeks) back or forward a relative marker moves.
_REL_DELTA = {"past": -1, "past2": -2, "next": 1}

# Where in a month a «مطلع/منتصف/أواخر» puts the date.
_PART_DAY = {"early": 5, "middle": 15, "late": 25}
# The same for a year: (month, day).
_PART_OF_YEAR = {None: (7, 1), "early": (1, 15), "middle": (7, 1), "late": (12, 15)}


_WS = re.compile(r"\s+")
_NUMBER_BEFORE = re.compile(r"\d\s*[لب]?$")  # «رقم 32 لعام»: the clitic stays before the match
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Resolved:
    date: date | None
    precision: int
    relative: bool
    end_date: date | None = None
    year_only: bool = False  # only the year (or a part of it) is known: coarser than a month


class Resolver:
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
        digits = text.lstrip("ال \t")  # «الـ24» is normalised to «ال24»
        if digits.isdigit():
            return int(digits)
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
    def numeric(self, g) -> Resolved | None:
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
        return Resolved(resolved, 1, False) if resolved else None

    def numeric_short(self, g) -> Resolved | None:
        day, month = int(g("a")), int(g("b"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if not self.pub:
            return Resolved(None, 1, True)
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
        return Resolved(max(candidates), 1, True)

    def hijri_day(self, g) -> Resolved | None:
        day = self._day(g("d1"))
        month = self.w.hijri_months[self._key(g("hmon"))]
        if not day or day > 30:
            return None
        if month == 2 and not g("hyear") and "شهر" not in g("") and g("d1").isdigit():
            return None  # «2/ صفر» is a score: صفر is also "zero"
        if g("hyear"):
            resolved = _hijri_to_date(int(g("hyear")), month, day)
            return Resolved(resolved, 1, False) if resolved else None
        if not self.pub:
            return Resolved(None, 1, True)
        year = _hijri_year_of(self.pub)
        resolved = _hijri_to_date(year, month, day)
        if resolved and resolved > self.pub:
            resolved = _hijri_to_date(year - 1, month, day)
        return Resolved(resolved, 1, True) if resolved else None

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
        if mrel in ("past", "past2"):
            return (pub.year if this_year and this_year <= pub else pub.year - 1) - back, True
        # No marker: the latest such day up to a month after publication —
        # «سيعقد جلسة في الـ29 من يوليو» is this July's, not last year's, and a
        # report dated a few days late still gets its own year.
        for year in (pub.year + 1, pub.year, pub.year - 1):
            candidate = _day_in_month(year, month, day)
            if candidate and candidate <= pub + _SOON:
                return year, True
        return pub.year - 1, True

    def day_month(self, g, start: int, end: int) -> Resolved | None:
        if self._prev_word(start) in self.w.date_name_heads:
            return None  # «شارع 26 سبتمبر», «ثورة 11 فبراير»: a name, not a day
        month = self.w.months[self._key(g("m1"))]
        day, last = self._day(g("d1")), self._day(g("d2"))
        if not day or day > 31:
            return None
        if last is not None and not (day < last <= 31):
            last = None
        year, relative = self._year_for(g, month, day)
        if year is None:
            return Resolved(None, 2 if last else 1, True)
        first = _safe_date(year, month, day)
        if not first:
            return None
        if last:
            return Resolved(first, 2, relative, _safe_date(year, month, last))
        return Resolved(first, 1, relative)

    def day_of_rel_month(self, g) -> Resolved | None:
        day = self._day(g("d1") or g("dn"))
        if not day or day > 31:
            return None
        if not self.pub:
            return Resolved(None, 1, True)
        delta = _REL_DELTA.get(self._rel(g("rel") or g("rel2")) or "current", 0)
        year, month = _add_months(self.pub.year, self.pub.month, delta)
        resolved = _safe_date(year, month, day)
        return Resolved(resolved, 1, True) if resolved else None

    def month(self, g) -> Resolved | None:
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
            return Resolved(None, precision, True)
        end_date = None
        if last_month:
            first_year = year if month < last_month else year - 1
            end_date = _day_in_month(year, last_month, 31)
            year = first_year
        resolved = _safe_date(year, month, _PART_DAY.get(part, 15))
        return Resolved(_clamp(resolved, self.pub, date(year, month, 1)), precision, relative, end_date)

    def hijri_month(self, g) -> Resolved | None:
        month = self.w.hijri_months[self._key(g("hmon") or g("hmon2") or g("hmon3"))]
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
            elif first and g("hpast") and first + timedelta(days=29) > self.pub:
                year -= 1  # «رمضان الماضي» written during Ramadan is last year's
        else:
            return Resolved(None, precision, True)
        resolved = _hijri_to_date(year, month, day)
        if not resolved:
            return None
        return Resolved(_clamp(resolved, self.pub, _hijri_to_date(year, month, 1)), precision, relative)

    def anniversary(self, g) -> Resolved | None:
        # The day and month of publication (or the month named) in the year named.
        if not self.pub:
            return Resolved(None, 3, True)
        month = self.pub.month
        if g("m1"):
            month = self.w.months[self._key(g("m1"))]
        if g("year"):
            year, relative = int(g("year")), False
        else:
            year, relative = self.pub.year - 1, True
        if (year, month) >= (self.pub.year, self.pub.month):
            return None
        if month != self.pub.month:
            resolved = _safe_date(year, month, 15)
            return Resolved(resolved, 3, relative) if resolved else None
        resolved = _safe_date(year, month, self.pub.day) or _safe_date(year, month, 28)
        return Resolved(resolved, 1, relative) if resolved else None

    def year(self, g, start: int, end: int) -> Resolved | None:
        if _NUMBER_BEFORE.search(self.norm, max(0, start - 12), start):
            return None  # «القانون رقم 162 لعام 1958»: the year of a law's number
        return self._year(g)

    def _year(self, g) -> Resolved | None:
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
        return Resolved(_clamp(resolved, self.pub, start), 3, False, end_date, year_only=True)

    def bare_year(self, g, start: int, end: int) -> Resolved | None:
        # A four-digit number is a year only where a year is expected.
        if not (g("hyear") or 1900 <= int(g("year")) <= 2099):
            return None
        in_brackets = self.norm[max(0, start - 3):start].rstrip().endswith("(")
        if not in_brackets and self._prev_word(start) not in self.w.bare_year_after:
            return None
        return self._year(g)

    def relative_day(self, g, start: int, end: int) -> Resolved | None:
        rel = self._key(g("rel"))
        if rel == "اليوم" and not g("wd"):
            if self._next_word(end) in self.w.today_blockers_after or self._prev_word(start) in self.w.today_blockers_before:
                return None
            if self.norm[max(0, start - 12):start].rstrip().endswith(self.w.today_blocker_phrases_before):
                return None  # «في مثل هذا اليوم»: an anniversary or "such a day"
            before, after = self.norm[start - 1:start], self.norm[end:end + 1]
            if '"' in (before, after) or (before, after) == ("(", ")"):
                return None  # «"اليوم"», «ل(اليوم)»: the newspaper's name
        if rel in self.w.relative_days_need_context and not (g("tod") or g("yawm")):
            return None  # «تيار الغد» is a party; «صباح الغد» is tomorrow
        offset = self.w.relative_days[rel]
        if not self.pub:
            return Resolved(None, 1, True)
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
        return Resolved(resolved - self._eve(g), 1, True)

    def _eve(self, g) -> timedelta:
        """«عشية الجمعة»: the evening before the named day."""
        return timedelta(days=1 if self._key(g("tod")) == "عشيه" else 0)

    def weekday(self, g, start: int, end: int) -> Resolved | None:
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
            return Resolved(None, 2 if wd2 else 1, True)
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
            return Resolved(last_day - self._eve(g), 1, True)
        tod = self._key(g("tod") or "")
        overnight = wd2 == wd1 % 7 + 1 and (
            g("conn") in (None, "-", "/") or tod in ("ليل", "ليله", "مساء", "منتصف ليل")
        )
        if overnight:
            # «ليل الخميس الجمعة»: the night that ends on the second day; but
            # «مساء السبت - الأحد» names the evening, which is before midnight,
            # so the first day.
            return Resolved(last_day - timedelta(days=1) if tod == "مساء" else last_day, 1, True)
        first_day = last_day - timedelta(days=(wd2 - wd1) % 7)
        return Resolved(first_day, 2, True, last_day)

    def relative_span(self, g) -> Resolved | None:
        part = self._part(g("part") or g("part2"))
        unit = self._key(g("unit") or g("this") or g("bare"))
        if unit == "السنه":
            unit = "العام"
        rel = self._rel(g("rel")) if g("rel") else "current"
        delta = _REL_DELTA.get(rel, 0)
        if unit == "الاسبوع":
            if not self.pub:
                return Resolved(None, 2, True)
            return Resolved(self.pub + timedelta(days=7 * delta), 2, True)
        if unit == "الشهر":
            precision = 2 if part else 3
            if not self.pub:
                return Resolved(None, precision, True)
            year, month = _add_months(self.pub.year, self.pub.month, delta)
            resolved = date(year, month, _PART_DAY.get(part, 15))
            return Resolved(_clamp(resolved, self.pub, date(year, month, 1)), precision, True)
        if not self.pub:  # a year
            return Resolved(None, 3, True, year_only=True)
        year = self.pub.year + delta
        month, day = _PART_OF_YEAR[part]
        return Resolved(_clamp(date(year, month, day), self.pub, date(year, 1, 1)), 3, True, year_only=True)

    def recent(self, g) -> Resolved | None:
        """«خلال الساعات الماضية»: a span that ends on publication day."""
        unit = self._key(g("u1") or g("u2") or g("u3") or g("u4"))
        count_text = g("n1") or g("n2")
        count = int(count_text) if count_text else (2 if g("u3") else 1 if g("u4") else None)
        if not self.pub:
            return Resolved(None, 2, True)
        if unit in ("ساعه", "الساعات"):
            days = max(1, -(-(count or 24) // 24))
        elif unit in ("يوما", "يوم", "الايام", "اليومين"):
            days = count or 3
        elif unit in ("اسبوعا", "الاسابيع", "الاسبوعين", "الاسبوع"):
            days = 7 * (count or 2)
        else:  # months, years: too long a span for a day; month precision
            years = unit in ("الاعوام", "السنوات", "العامين", "السنتين", "العام")
            months = (count or 3) * (12 if years else 1)
            year, month = _add_months(self.pub.year, self.pub.month, -months)
            return Resolved(_day_in_month(year, month, self.pub.day), 3, True, self.pub, year_only=years)
        if days > 400:
            return None
        return Resolved(self.pub - timedelta(days=days), 2, True, self.pub)

    def season(self, g) -> Resolved | None:
        """«صيف 2014», «الصيف الماضي»: the season's middle month, precision 3."""
        month = self.w.seasons[self._key(g("season"))]
        if g("year"):
            return Resolved(date(int(g("year")), month, 15), 3, False)
        if not self.pub:
            return Resolved(None, 3, True)
        yrel, srel = self._rel(g("yrel")), self._rel(g("srel"))
        if yrel:
            year = self.pub.year + _REL_DELTA.get(yrel, 0)
        else:
            this_year = date(self.pub.year, month, 15)
            if srel in ("past", "past2"):
                # «الصيف الماضي» in July is last year's summer: a season is
                # "past" once it is over, two months after its middle.
                year = self.pub.year - (1 if this_year > self.pub - timedelta(days=60) else 0)
                year -= 1 if srel == "past2" else 0
            elif srel == "next":
                year = self.pub.year + (1 if this_year <= self.pub else 0)
            else:
                year = self.pub.year
        resolved = date(year, month, 15)
        return Resolved(_clamp(resolved, self.pub, date(year, month, 1)), 3, True)

    def holiday(self, g) -> Resolved | None:
        """«أول أيام عيد الفطر», «عيد الأضحى الماضي»: the holiday of the right year."""
        holiday = self.w.holidays[self._key(g("hol"))]
        nth = self.w.holiday_day_ordinals.get(self._key(g("nth"))) if g("nth") else None
        if nth and nth > holiday.days:
            return None

        def occurrence(year: int, gregorian_year: bool) -> date | None:
            if holiday.calendar == "gregorian":
                return _safe_date(year, holiday.month, holiday.day)
            if not gregorian_year:
                return _hijri_to_date(year, holiday.month, holiday.day)
            # The Hijri year whose holiday falls in this Gregorian year.
            hyear = _hijri_year_of(date(year, 1, 1))
            for candidate in (hyear, hyear + 1):
                day = _hijri_to_date(candidate, holiday.month, holiday.day)
                if day and day.year == year:
                    return day
            return None

        relative = False
        if g("year"):
            year = int(g("year"))
            start = occurrence(year, gregorian_year=year >= 1700 or holiday.calendar == "gregorian")
        elif not self.pub:
            return Resolved(None, 1 if nth or holiday.days == 1 else 2, True)
        else:
            relative = True
            rel = self._rel(g("rel"))
            base = self.pub.year if holiday.calendar == "gregorian" else _hijri_year_of(self.pub)
            start = occurrence(base, False)
            if rel == "next":
                if start and start <= self.pub:
                    start = occurrence(base + 1, False)
            else:
                # The most recent one that has begun by publication
                # («عيد الفطر الماضي»: strictly before the current one's end).
                if start is None or start > self.pub:
                    start = occurrence(base - 1, False)
                elif rel in ("past", "past2") and start + timedelta(days=holiday.days) > self.pub:
                    start = occurrence(base - 1, False)
        if start is None:
            return None
        if nth:
            return Resolved(start + timedelta(days=nth - 1), 1, relative)
        if holiday.days == 1:
            return Resolved(start, 1, relative)
        return Resolved(start, 2, relative, start + timedelta(days=holiday.days - 1))

    def ago(self, g) -> Resolved | None:
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
            return Resolved(None, precision, True, year_only=unit == "year")
        pub = self.pub
        if unit in ("day", "week"):
            resolved = pub - timedelta(days=count * (7 if unit == "week" else 1))
        else:
            year, month = _add_months(pub.year, pub.month, -count * (12 if unit == "year" else 1))
            if year < 1:
                return None
            resolved = _day_in_month(year, month, pub.day)
        end_date = pub if since and unit == "day" else None
        return Resolved(resolved, precision, True, end_date, year_only=unit == "year")
