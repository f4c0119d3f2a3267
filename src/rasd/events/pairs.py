"""Two places named under one dual head: «في منطقتي الزوية والصكرة», «قريتي X وY»,
«معسكري X وY» (spec §1: one event per place).

The places layer often knows neither village, only the town the phrase hangs
on («... شمال شرق قضاء حديثة»), so the sentence yields one place where the
article names two. This module finds the pair in the text; assembly turns the
one place into two events that share the toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Proclitics a dual head can carry («بمنطقتي», «وفي قريتي» has «في» apart).
_PROCLITICS = re.compile(r"^[وفبل]{1,2}")
_WORD = re.compile(r"\S+")
_PUNCT = ".,،؛:!?()«»\"'"
# Words allowed between the two names («الفلاحات غرب الفلوجة وصبيحات»).
_MAX_GAP_WORDS = 3


@dataclass(frozen=True, slots=True)
class PlacePair:
    """A dual head and the two names under it; offsets into the normalised text."""

    head_start: int
    end: int  # end of the second name
    first: tuple[int, int]
    second: tuple[int, int]


def _bare(word: str) -> str:
    return word.strip(_PUNCT)


@lru_cache(maxsize=4)
def _any_head(heads: frozenset[str]) -> re.Pattern[str]:
    """One search for any dual head, so sentences with none cost one regex scan."""
    return re.compile("|".join(sorted(map(re.escape, heads), key=len, reverse=True)))


def find_pairs(norm: str, start: int, end: int, heads: frozenset[str],
               prefixes: frozenset[str]) -> list[PlacePair]:
    """The «DUAL X و Y» phrases between start and end."""
    if not heads or not _any_head(heads).search(norm, start, end):
        return []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm, start, end)]
    out: list[PlacePair] = []
    n = len(words)
    for i, (hs, _he, w) in enumerate(words):
        bare = _bare(w)
        if bare not in heads and _PROCLITICS.sub("", bare) not in heads:
            continue
        if i + 1 >= n or w[-1] in _PUNCT:
            continue
        j = i + 1
        if _bare(words[j][2]) in prefixes and j + 1 < n:
            j += 1  # «تل مسعود», «عين عيسى»: a two-word name
        first = (words[i + 1][0], words[j][0] + len(words[j][2].rstrip(_PUNCT)))
        if words[j][2][-1] in ".؛:!?":
            continue
        for k in range(j + 1, min(n, j + 2 + _MAX_GAP_WORDS)):
            ws, we, wk = words[k]
            if wk.startswith("و") and len(_bare(wk)) >= 3:
                name_end = ws + len(wk.rstrip(_PUNCT))
                if _bare(wk)[1:] in prefixes and k + 1 < n:
                    name_end = words[k + 1][0] + len(words[k + 1][2].rstrip(_PUNCT))
                out.append(PlacePair(hs, name_end, first, (ws + 1, name_end)))
                break
            if wk[-1] in ".؛!?" or wk in ("،", ","):
                break
    return out
