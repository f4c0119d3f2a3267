"""The date grammar: rules over calendar words, compiled once into one regex.

Each rule is a regex written with <PIECE> placeholders (<MONTHPAIR>, <ORD>,
<WEEKDAY> ...) filled from the calendar words, and with its own named
groups, renamed per rule («day_month__d1») so that all rules live in one
compiled pattern. rasd.text.dates.resolve has one method per rule name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import not_, or_

from rasd.text.dates.words import CalendarWords, load_calendar_words
from rasd.text.tokens import word_spans


def trie_alternation(words) -> str:
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


END = r"(?!\w)"
END_LETTER = r"(?![^\W\d_])"
_YEAR_WORD = r"(?:عام|العام|لعام|سنه|السنه|لسنه)"

# Each rule: (name, pattern). Named groups inside are renamed per rule
# (day -> numeric__day) so that the rules can share one compiled regex.
# Order matters: at one start position the first rule that matches wins, so
# longer, more specific forms come first.
_RULES: list[tuple[str, str]] = [
    # «26/7/2015م», «10 / 1 / 1436هـ», «2015-08-03», «يوم الجمعه 4/8/1436»
    ("numeric", r"<WDPREFIX>(?P<a>\d{1,4})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<c>\d{4}|\d{1,2})(?!\d)(?:\s*(?P<suffix>[مه])" + END + ")?"),
    # «الموافق 21 / 10», «بتاريخ 3/8»: day/month with no year, only after a date word
    ("numeric_short", r"<WDPREFIX>(?:الموافق|بتاريخ|تاريخ)\s+\(?\s*(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})(?!\s*/\s*\d)(?!\d)"),
    # «10 شوال 1436ه», «(10/شوال / 1436ه)», «العاشر من شوال 1436»
    ("hijri_day", r"<WDPREFIX>(?P<d1><DAYNUM>|<ORD>)\s*/?\s*(?:من\s+)?(?:شهر\s+)?(?P<hmon><HMONTH>)" + END
        + r"(?:\s*/?\s*,?\s*(?:" + _YEAR_WORD + r"\s+)?(?P<hyear>1[34]\d\d)(?!\d)(?:\s*ه" + END + ")?)?"),
    # «24 يوليو (تموز) 2015», «الثامن والتاسع من أيلول/ سبتمبر من العام الفائت», «3 أغسطس الجاري»
    ("day_month", r"<WDPREFIX>(?P<d1><DAYNUM>|<ORD>)(?:\s*(?:و|-|الي|حتي|و\s*حتي)\s*(?P<d2><DAYNUM>|<ORD>))?"
        r"\s*/?\s*(?:من\s+)?(?:شهر\s+)?(?P<mon><MONTHPAIR>)<YEARPART>?"),
    # «الخامس والعشرين من الشهر الفائت», «العاشر من هذا الشهر», «في 3 الجاري»
    ("day_of_rel_month", r"(?:(?P<d1><DAYNUM>|<ORD>)\s+من\s+(?:(?:الشهر|شهر)\s+(?P<rel><REL>)|(?P<this>هذا\s+الشهر|الشهر))"
        r"|(?P<dn>\d{1,2}(?!\d))\s+(?P<rel2>الجاري|الماضي|المنصرم|الفايت|الحالي|المقبل))" + END),
    # «أواخر يوليو الماضي», «شهر آب/ أغسطس», «نيسان/ أبريل 2020», «تشرين الأول/ أكتوبر العام الماضي»
    ("month", r"(?:(?P<part><PART>)\s+)?(?P<shahr>(?:شهر|شهري)\s+)?(?P<mon><MONTHPAIR>)(?:\s*(?:و|-|الي|حتي)\s*(?P<mb><MONTHNAME>)" + END_LETTER
        + r"(?:(?:\s*[/(-]\s*|\s+)<MONTHNAME>(?:\s*و\s*<MONTHNAME>)?" + END_LETTER + r"(?:\s*\))?)?)?<YEARPART>?"),
    # «شهر رمضان المبارك», «رمضان 1436ه»
    # «رمضان الماضي», «شهر رمضان الفائت»: the last such month that ended before publication
    ("hijri_month", r"(?:(?P<part><PART>)\s+)?(?:(?:شهر\s+)?(?P<hmon3><HMONTH>)\s+(?P<hpast><PAST>)" + END
        + r"|شهر\s+(?P<hmon><HMONTH>)" + END + r"(?:\s+(?P<hyear>1[34]\d\d)(?!\d))?|(?P<hmon2><HMONTH>)\s+(?P<hyear2>1[34]\d\d)\s*ه" + END + ")"),
    # «عام 2014», «منذ عام 2011م», «مطلع العام 2015», «سنه 1415ه»
    ("year", r"(?:(?P<part><PART>)\s+)?(?:(?:منذ|خلال|حتي)\s+(?:" + _YEAR_WORD + r"\s+)?|" + _YEAR_WORD + r"\s+)\(?\s*<YEARS>"),
    # «في 2014», «قبل 1948», «حرب 1936 - 1939», «(1948)»: a bare year where a year is expected (checked)
    ("bare_year", r"<YEARS>"),
    # «يوم أمس الجمعة», «مساء أمس», «أول من أمس», «اليوم (السبت)», «الليلة قبل الماضية»
    ("relative_day", r"(?:(?P<tod><TOD>)\s+)?(?:(?P<yawm>يوم|نهار)\s+)?(?P<rel><RELDAY>)" + END
        + r"(?:\s*,?\s*\(?\s*(?P<wd><WEEKDAY>)" + END + r"(?:\s*\))?)?"),
    # «فجر الجمعة», «ليل الخميس الجمعة», «يومي الاثنين والثلاثاء الماضيين», «الخميس الماضي»
    ("weekday", r"(?:(?P<tod><TOD>)\s+)?(?:(?P<yawm>يوم|يومي|نهار)\s+)?(?P<wd1><WEEKDAY>)" + END
        + r"(?:\s*(?P<conn>و|-|/|الي|حتي)?\s*(?P<wd2><WEEKDAY>)" + END + r")?(?:\s+(?P<rel><REL>)" + END + ")?"),
    # «الأسبوع الماضي», «أواخر الشهر الماضي», «هذا الشهر», «العام الفائت», «منذ بداية العام»
    ("relative_span", r"(?:(?P<part><PART>)\s+)?(?:(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<rel><REL>)" + END
        + r"|هذا\s+(?P<this>الاسبوع|الشهر|العام)" + END + r")|(?P<part2><PART>)\s+(?P<bare>الاسبوع|الشهر|العام|السنه)" + END + r"(?!\s*\d)"),
    # «خلال الساعات الماضية», «الـ24 ساعة الماضية», «الأيام القليلة الماضية», «الأسابيع الأخيرة»
    ("recent", r"(?:(?:ال)?(?P<n1>\d{1,3})\s+(?P<u1>ساعه|يوما|يوم|اسبوعا|شهرا)|(?P<u2>الساعات|الايام|الاسابيع|الاشهر|الشهور|الاعوام|السنوات)(?:\s+ال\s*(?P<n2>\d{1,3}))?)"
        r"\s+(?:القليله\s+)?(?:ال)?(?P<rel>الماضيه|ماضيه|الاخيره|اخيره|المنصرمه|الفايته|السابقه)" + END
        # «خلال اليومين الماضيين», «الأسبوعين الأخيرين», «الأسبوع الأخير»
        + r"|(?P<u3>اليومين|الاسبوعين|الشهرين|العامين|السنتين)\s+(?:الماضيين|الاخيرين|المنصرمين|الفايتين|السابقين)" + END
        + r"|(?P<u4>الاسبوع|الشهر|العام)\s+الاخير" + END),
    # «صيف عام 1994», «الصيف الماضي», «ربيع العام الماضي», «خريف 2011»
    ("season", r"(?P<season><SEASON>)\s+(?:(?:" + _YEAR_WORD + r"\s+)?(?P<year>(?:19|20)\d\d)(?!\d)"
        r"|(?:العام|السنه)\s+(?P<yrel><REL>)" + END + r"|(?P<srel><REL>)" + END + ")"),
    # «أول أيام عيد الفطر», «خلال أيام عيد الأضحى», «عيد الفطر الماضي», «يوم عرفة»
    ("holiday", r"(?:(?P<nth><HDAY>)\s+ايام\s+|(?P<ayyam>ايام)\s+)?(?P<hol><HOLIDAY>)" + END
        + r"(?:\s+(?:المبارك|السعيد))?(?:\s+(?:(?:" + _YEAR_WORD + r")\s+)?(?P<year>\d{4})(?!\d)|\s+(?P<rel><REL>)" + END + ")?"),
    # «في مثل هذا اليوم من عام 1990», «مثل هذا اليوم من أغسطس 1990», «في مثل هذا
    # اليوم من العام الماضي»: an anniversary, the publication's day and month in another year
    ("anniversary", r"مثل\s+هذا\s+اليوم\s+(?:من\s+)?(?:(?:شهر\s+)?(?P<mon><MONTHPAIR>)\s*)?(?:(?:" + _YEAR_WORD
        + r")\s+)?(?:(?P<year>(?:19|20)\d\d)(?!\d)|(?P<yrel><PAST>)" + END + ")"),
    # «قبل ثلاثة أعوام», «منذ يومين», «قبل 10 أيام», «قبل أسبوع»
    ("ago", r"(?P<kw>قبل|منذ)\s+(?:<APPROX>\s+)?(?:(?P<num>\d{1,3}|<CARD>)\s+(?P<many><UNIT_MANY>|<UNIT_ONE>)|(?P<two><UNIT_TWO>)|(?P<one><UNIT_ONE>)|(?P<few>ايام|بضعه\s+ايام))" + END
        + r"(?!\s*(?:من|علي|علی)\s)"),
]

# Literal first words of the rules above (besides the data tables' words).
_RULE_FIRST_WORDS = (
    "يوم", "يومي", "نهار", "الموافق", "بتاريخ", "تاريخ", "شهر", "عام", "العام", "لعام", "سنه",
    "السنه", "لسنه", "منذ", "خلال", "حتي", "قبل", "بعد", "اول", "امس", "الامس", "البارحه",
    "اليوم", "الليله", "غد", "غدا", "الغد", "الاسبوع", "الشهر", "هذا", "شهري",
    "الساعات", "الايام", "الاسابيع", "الاشهر", "الشهور", "الاعوام", "السنوات",
    "اليومين", "الاسبوعين", "الشهرين", "العامين", "السنتين", "العام", "مثل",
)

# Clitics a date phrase may carry: «وأمس», «فجر» (not a clitic), «بالأمس», «لعام».
_CLITIC_CHAINS = ("وب", "ول", "فب", "فل", "وف", "و", "ف", "ب", "ل")
_CLITICS = "(?:" + "|".join(_CLITIC_CHAINS) + ")"


_RUN = re.compile(r"[^\W\d_]+|\d+")  # the runs the word scan splits text into
_QUOTE = re.compile("[\"'`]")


@dataclass(frozen=True, slots=True)
class Grammar:
    regex: re.Pattern[str]
    words: CalendarWords
    # The words (letter runs) the regex can start in: a clitic chain, a
    # first word or «ال», or a clitic chain and one of those.
    openers: frozenset[str] = frozenset()

    def finditer(self, norm: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of regex.finditer(norm, start, end), found faster.

        The regex opens with a lookbehind, so re cannot skip ahead and
        tries the anchor at every word start (~700 an article) to find the
        ~30 that may open a date. A match starts where a run of letters or
        of digits starts, and its letter run is one of `openers` (set
        look-ups at C speed over the shared word scan); the regex is tried
        only there, left to right, each after the end of the previous
        match: the same matches."""
        end = len(norm) if end is None else end
        starts, _, texts = word_spans(norm, start, end)
        n = len(texts)
        at = list(compress(starts, map(or_, map(self.openers.__contains__, texts), map(str.isdecimal, texts))))
        if _QUOTE.search(norm, start, end) is not None:
            # A clitic written apart before a quote is one scanned word with
            # the quoted one («ل"داعش»): look at each run of such a word.
            for i in compress(range(n), map(not_, map(str.isalnum, texts))):
                at.extend(starts[i] + r.start() for r in _RUN.finditer(texts[i])
                          if r.group() in self.openers or r.group().isdecimal())
            at.sort()
        match = self.regex.match
        pos = start
        for p in at:
            if p >= pos:
                m = match(norm, p, end)
                if m is not None:
                    yield m
                    pos = m.end()


@lru_cache(maxsize=1)
def compiled_grammar() -> Grammar:
    w = load_calendar_words()
    month_names = trie_alternation(w.months)
    pieces = {
        # A month name may touch its year («مارس2011»), so it ends before a
        # letter, not before any word character.
        "<MONTHPAIR>": rf"(?P<m1>{month_names}){END_LETTER}(?:(?:\s*[/(-]\s*|\s+)(?P<m2>{month_names}){END_LETTER}(?:\s*\))?)?",
        "<MONTHNAME>": month_names,
        "<DAYNUM>": r"(?:ال\s*)?\d{1,2}(?!\d)",  # «24», «الـ24»
        "<SEASON>": trie_alternation(w.seasons),
        "<HOLIDAY>": trie_alternation(w.holidays),
        "<HDAY>": trie_alternation(w.holiday_day_ordinals),
        "<RELDAY>": trie_alternation(w.relative_days),
        "<APPROX>": trie_alternation(w.approximators),
        "<HMONTH>": trie_alternation(w.hijri_months),
        "<WEEKDAY>": trie_alternation(w.weekdays),
        "<ORD>": trie_alternation(w.ordinals) + END,
        "<CARD>": trie_alternation(w.cardinals),
        "<REL>": trie_alternation(w.past | w.current | w.next | w.before_past),
        "<PAST>": trie_alternation(w.past),
        "<TOD>": trie_alternation(w.times_of_day),
        "<PART>": trie_alternation(w.span_parts),
        "<UNIT_ONE>": trie_alternation(w.units_one),
        "<UNIT_TWO>": trie_alternation(w.units_two),
        "<UNIT_MANY>": trie_alternation(w.units_many),
        "<YEARPART>": (
            r"(?:\s*[,/]?\s*(?:من\s+)?(?:" + _YEAR_WORD + r"\s+)?(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م" + END + r")?"
            r"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel><REL>)" + END
            + r"|\s+(?:من\s+)?هذا\s+(?P<ythis>العام)" + END
            + r"|\s+(?P<mrel><REL>)" + END + ")"
        ),
        "<YEARS>": (
            r"(?:(?P<year>(?:1[5-9]|20)\d\d)(?!\d)(?!\s*(?:عام|عاما|سنه|سنوات|اعوام|يوم|يوما|ايام|شهر|شهرا|اشهر)" + END + r")(?:\s*[-/]\s*(?P<year2>(?:1[5-9]|20)\d\d)(?!\d))?(?:\s*\))?"
            r"(?:\s*(?:م|ميلادي|ميلاديه)" + END + r")?"
            r"|(?P<hyear>1[34]\d\d)(?!\d)(?:\s*\))?\s*(?:ه|هجري|هجريه)" + END + ")"
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
        w.seasons, w.holidays, w.holiday_day_ordinals, w.relative_days,
    ) for p in table} | set(_RULE_FIRST_WORDS) | {"ايام"}
    anchor = rf"(?=\d|ال\d|{trie_alternation(first_words)}{END_LETTER})"
    head = r"(?<!\w)" + _CLITICS + "?" + anchor
    regex = re.compile(head + "(?:" + "|".join(branches) + ")")
    # Grammar.finditer relies on every first word being one run of letters.
    assert all(re.fullmatch(r"[^\W\d_]+", word) for word in first_words), "a first word that is not all letters"
    openers = frozenset(c + word for c in ("", *_CLITIC_CHAINS) for word in (*first_words, "ال", "")) - {""}
    return Grammar(regex=regex, words=w, openers=openers)
