"""Which clause a date belongs to: the statement or the news it reports.

News Arabic attributes what it reports: «وقال المرصد أمس إن غارات قتلت ...»,
«أعلن الحلف اليوم (السبت) أن جنديا قتل ...», «قال مسؤولون الأحد: إن ...».
A date standing between a verb of saying (and its speaker) and the clause
the verb introduces dates the statement, not the events inside the clause:
those happened on that day or before it. `dates_a_report` tells such a date
apart, so that assembly does not give its day to the events reported.

Wire copy written the day before a paper prints it keeps the speaker's «now»:
«قال مسؤولون الأحد إن مقاتلين هاجموا ... الليلة الماضية» on a Monday page means
Saturday night. `reanchor_reported_days` counts such days («اليوم»,
«الليلة الماضية») from the statement's day; «أمس» stays the paper's own
yesterday.

The words (verbs of saying, the words that open the clause, recap formulas)
are data: src/rasd/data/calendar_ar.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from rasd.text.dates.words import CalendarWords

# Words and the punctuation that ends a clause, scanned backwards from a date.
_TOKENS = re.compile(r"[^\W\d_]+|[.!?؟\n;:؛]")
_STOPS = frozenset(".!?؟\n;:؛")
_SENTENCE_END = frozenset(".!?؟\n")
# What may stand between a date and the clause it introduces: a comma, a
# closing bracket or quote («اليوم (السبت)، أن»).
_AFTER = re.compile(r"[^\S\n]*[,،)\]\"»”]?[^\S\n]*(?::|([^\W\d_]+))")
# How far back to look for the verb (characters; the word count is the limit).
_LOOKBACK = 160


def _bare(word: str, table: frozenset[str]) -> bool:
    """The word, or the word without a leading «و»/«ف», is in the table."""
    return word in table or (len(word) > 3 and word[0] in "وف" and word[1:] in table)


def dates_a_report(norm: str, start: int, end: int, words: CalendarWords) -> bool:
    """Whether the date at norm[start:end] modifies a verb of saying: the verb
    comes within a few words before it and the reported clause («إن», «أن»,
    a colon) right after it."""
    if not words.report_verbs:
        return False
    after = _AFTER.match(norm, end)
    if after is None:
        return False
    if after.group(1) is not None and not _bare(after.group(1), words.report_complements):
        return False
    tokens = _TOKENS.findall(norm, max(0, start - _LOOKBACK), start)
    counted = 0
    for token in reversed(tokens):
        if token in _STOPS or _bare(token, words.report_complements):
            return False  # the date is inside a clause, not before one
        if _bare(token, words.report_verbs):
            return True
        counted += 1
        if counted > words.report_reach_words:
            return False
    return False


def reanchor_reported_days(norm: str, found: list[Any], published: date | None, words: CalendarWords) -> list[Any]:
    """«قال مسؤولون الأحد إن ... الليلة الماضية»: a day named relative to
    «today» inside a statement dated by its weekday, earlier than the
    publication day, is relative to the statement's day (the wire story was
    written then). Returns the mentions with those days moved."""
    if published is None:
        return found
    out = list(found)
    for i, said in enumerate(found):
        if not (said.report and said.rule == "weekday" and said.date is not None and said.end_date is None):
            continue
        lag = published - said.date
        if not timedelta(days=1) <= lag <= timedelta(days=6):
            continue
        for j in range(i + 1, len(found)):
            m = found[j]
            if any(ch in _SENTENCE_END for ch in norm[said.end:m.start]):
                break  # another sentence
            if m.rule != "relative_day" or m.date is None or any(w in m.text for w in words.weekdays):
                continue  # «أمس الجمعة»: the weekday already fixes the day
            if not any(m.text.endswith(day) for day in words.statement_relative_days):
                continue  # «أمس» is the paper's own yesterday
            out[j] = replace(m, date=m.date - lag)
    return out


def in_recap(norm: str, start: int, words: CalendarWords) -> bool:
    """Whether the sentence holding norm[start] opens with a formula of
    background («يشار إلى أن», «يذكر أن»): it recalls context for the reader
    rather than telling the news."""
    if not words.recap_openers:
        return False
    head = max(norm.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    return norm[head:start].lstrip(" \t\"'«“-").startswith(words.recap_openers)
