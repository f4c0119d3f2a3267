"""Clitic-aware tokens and a fast phrase matcher over normalised text.

Arabic writes conjunctions, prepositions and the article on the front of the
next word: «وبالحسكة» is و + ب + ال + حسكة, «لـ”داعش”» is ل + داعش (the
tatweel is dropped by normalisation, leaving «ل"داعش"»). Which letters are
clitics cannot be decided from the word alone — «بغداد», «ليبيا», «وليد»
begin with the same letters — so the matcher tries every possible split
against its dictionary of phrases and keeps the most literal one that
matches. Nothing is stripped when nothing in the dictionary needs it, so
names that begin with clitic letters are never broken.

All offsets are into the normalised text given to `tokenize` / `find`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import Any, Generic, Iterable, Sequence, TypeVar, overload

from rasd.text.normalize import normalize_word

T = TypeVar("T")

# A word is a run of letters (Arabic or Latin) or a run of digits; Arabic
# text often glues a digit to a word («3قتلى»), and they are different things.
_WORD = re.compile(r"[^\W\d_]+|\d+")

# Proclitic chains: optional conjunction (و ف), optional preposition (ب ل ك),
# optional article (ال); ل + ال is written «لل» (the alef is elided).
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_ARTICLE = "ال"


def _build_chains() -> tuple[str, ...]:
    chains = set()
    for conj in _CONJ:
        for prep in _PREP:
            chains.add(conj + prep)
            if prep != "ل":  # «لال» is not written; it is «لل»
                chains.add(conj + prep + _ARTICLE)
        chains.add(conj + "لل")
    chains.discard("")
    # Longest first so the most stripped split is generated first.
    return tuple(sorted(chains, key=len, reverse=True))


CLITIC_CHAINS: tuple[str, ...] = _build_chains()
_CHAIN_SET = frozenset(CLITIC_CHAINS)
# The letters a chain can begin with: a word that begins with none of them
# (and has no quote) has only its literal reading.
_CHAIN_FIRST = frozenset(chain[0] for chain in CLITIC_CHAINS)
# How a chain reads (see _splits): ل + ال written «لل», ending in the article, or neither.
_LIL, _WITH_ARTICLE, _PLAIN = 2, 1, 0
_CHAIN_KIND = {chain: _LIL if chain.endswith("لل") else _WITH_ARTICLE if chain.endswith(_ARTICLE) else _PLAIN
               for chain in CLITIC_CHAINS}
# A stem left after stripping must keep at least this many letters.
_MIN_STEM = 2
# A whole word that is only a clitic chain, directly before a quote.
_DETACHED = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(CLITIC_CHAINS) + r")[\"'`]"
)
# How many distinct words a matcher remembers before starting afresh.
_MAX_KNOWN_WORDS = 300_000
# Characters that may separate a standalone clitic from the quoted word it
# belongs to: «لـ”داعش”» → ل"داعش".
_QUOTES = frozenset("\"'`")
# Between two words of one phrase: spaces and quotes, never a line break or
# other punctuation (a phrase does not run over a comma or a full stop).
_GAP_OK = frozenset(" \t\"'`")


@dataclass(slots=True)
class Token:
    """One word of the normalised text.

    `text` is the word as it stands in the normalised text (for a standalone
    clitic glued to a quoted word, «ل"داعش», the whole stretch). `stem` is the
    conservative guess of the word without proclitics: only chains that end
    in the article (وال، بال، لل، وبال …) and a clitic glued to a quote are
    stripped, because those are unambiguous; «بغداد» keeps its ب. The matcher
    does not rely on `stem`: it tries every split.

    Tokens are shared between callers (tokenisation is cached): read them,
    never change them.
    """

    start: int
    end: int
    text: str
    stem: str
    clitics: str


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A dictionary phrase found in the text.

    [start, end) covers the phrase as written (including its article ال when
    the text has one), not the proclitics in front of it, which are given in
    `clitics` (e.g. "وب" for «وبالحسكة», "لل" for «للحسكة»).
    """

    start: int
    end: int
    text: str
    clitics: str
    payload: T


_new_object = object.__new__
_set_start, _set_end, _set_text, _set_clitics, _set_payload = (
    getattr(PhraseMatch, f).__set__ for f in ("start", "end", "text", "clitics", "payload"))


def _match(start: int, end: int, text: str, clitics: str, payload: Any) -> PhraseMatch[Any]:
    """PhraseMatch(start, end, text, clitics, payload), made a third faster:
    the slots are filled directly instead of through the frozen class's
    checks (find() makes hundreds per article)."""
    m = _new_object(PhraseMatch)
    _set_start(m, start), _set_end(m, end), _set_text(m, text), _set_clitics(m, clitics), _set_payload(m, payload)
    return m


def _prefix_chains(word: str) -> list[str]:
    """The clitic chains the word begins with, longest first (the order of
    CLITIC_CHAINS: at most one chain of each length can begin a word), found
    by looking its first letters up rather than trying every chain."""
    return [word[:n] for n in range(min(_MAX_CHAIN, len(word)), 0, -1) if word[:n] in _CHAIN_SET]


def _splits(word: str) -> tuple[tuple[int, str, str], ...]:
    """Every reading of a word as (span offset, lookup form, clitics).

    The span offset is where the phrase itself starts inside the word; the
    lookup form is the word from there, with the article put back for «لل»
    (so «للحسكه» looks up «الحسكه»). The literal reading (0, word, "") comes
    first.
    """
    if word.isalnum():  # no quote: only the chains it begins with
        if word[:1] not in _CHAIN_FIRST:
            return ((0, word, ""),)  # no chain can begin it (most words)
        out = [(0, word, "")]
        kind_of = _CHAIN_KIND.get
        # Longest chain first; a stem of at least _MIN_STEM letters is left.
        for n in range(min(_MAX_CHAIN, len(word) - _MIN_STEM), 0, -1):
            chain = word[:n]
            kind = kind_of(chain)
            if kind is None:
                continue
            if kind == _LIL:
                # ل + ال: the span starts after «لل», the lookup has the article.
                out.append((n, _ARTICLE + word[n:], chain))
            elif kind == _WITH_ARTICLE:
                # The article belongs to the phrase as written: the span keeps it.
                out.append((n - 2, word[n - 2 :], chain[:-2]))
            else:
                out.append((n, word[n:], chain))
        # A chain ending in the article reads like the chain without it
        # («وال» like «و», «ال» like the literal word): keep each reading once.
        return tuple(dict.fromkeys(out))
    out: list[tuple[int, str, str]] = [(0, word, "")]
    # A clitic written apart from a quoted word: ل"داعش / ال"داعش.
    for i, ch in enumerate(word):
        if ch in _QUOTES:
            head, body = word[:i], word[i + 1 :].lstrip("\"'`")
            if body and head in _CHAIN_SET:
                skip = len(word) - len(body)
                if head.endswith(_ARTICLE) or head.endswith("لل"):
                    out.append((skip, _ARTICLE + body, head))
                out.append((skip, body, head))
            return tuple(out)
    for chain in _prefix_chains(word):
        if len(word) - len(chain) < _MIN_STEM:
            continue
        rest = word[len(chain) :]
        if chain.endswith("لل"):
            # ل + ال: the span starts after «لل», the lookup has the article.
            out.append((len(chain), _ARTICLE + rest, chain))
        elif chain.endswith(_ARTICLE):
            # The article belongs to the phrase as written: the span keeps it.
            out.append((len(chain) - 2, word[len(chain) - 2 :], chain[:-2]))
        else:
            out.append((len(chain), rest, chain))
    # Deduplicate, keeping order (literal first, then longest chains first).
    seen: set[tuple[int, str]] = set()
    unique = []
    for item in out:
        if (item[0], item[1]) not in seen:
            seen.add((item[0], item[1]))
            unique.append(item)
    return tuple(unique)


@lru_cache(maxsize=400_000)
def _readings(word: str, article_optional: bool) -> tuple[tuple[int, str, str, bool], ...]:
    """(span offset, trie key, clitics, has article) for each split of a word."""
    out = []
    for offset, form, clitics in _splits(word):
        has_article = form.startswith(_ARTICLE)
        key = form[2:] if article_optional and has_article and len(form) - 2 >= _MIN_STEM else form
        out.append((offset, key, clitics, has_article))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> tuple[str, str]:
    """Conservative (stem, clitics) of one word: see Token."""
    if word[:1] not in _CHAIN_FIRST and word.isalnum():
        return word, ""  # no chain can begin it and it has no quote
    for i, ch in enumerate(word):
        if ch in _QUOTES:
            head, body = word[:i], word[i + 1 :].lstrip("\"'`")
            if body and head in _CHAIN_SET:
                return body, head
            break
    for chain in _prefix_chains(word):
        if (
            (chain.endswith(_ARTICLE) or chain.endswith("لل"))
            and len(word) - len(chain) >= _MIN_STEM
        ):
            return word[len(chain) :], chain
    return word, ""


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split normalised text (or its [start, end) range) into tokens."""
    return list(_tokenize(norm, start, len(norm) if end is None else end))


class TokenView(Sequence[Token]):
    """The tokens of norm[start:end], as tokenize() gives them, each made only
    when first read: for rules that look at a few words by index (casualties)
    and should not pay for a Token per word of the article. Read-only."""

    __slots__ = ("_starts", "_ends", "_texts", "_made")

    def __init__(self, norm: str, start: int = 0, end: int | None = None) -> None:
        self._starts, self._ends, self._texts = _scan(norm, start, len(norm) if end is None else end)
        self._made: list[Token | None] = [None] * len(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._texts)))]
        tok = self._made[i]
        if tok is None:
            text = self._texts[i]
            stem, clitics = _stem(text)
            tok = self._made[i] = Token(self._starts[i], self._ends[i], text, stem, clitics)
        return tok


def word_spans(norm: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int], list[str]]:
    """The words of norm[start:end] as parallel lists (starts, ends, texts):
    the same words as tokenize(), for loops that need no Token objects.
    Shared and cached: read, never change."""
    return _scan(norm, start, len(norm) if end is None else end)


def split_clitics(word: str) -> tuple[str, str]:
    """(stem, clitics) of one normalised word, as Token.stem/Token.clitics."""
    return _stem(word)


@lru_cache(maxsize=64)
def _tokenize(norm: str, start: int, end: int) -> tuple[Token, ...]:
    # Cached: places, actors, triggers and casualties read the same text.
    starts, ends, texts = _scan(norm, start, end)
    # map() over parallel lists: no Python-level loop per word.
    stems = list(map(_stem, texts))
    return tuple(map(Token, starts, ends, texts, [s for s, _ in stems], [c for _, c in stems]))


# The words of _WORD, as a split pattern (one group: the words). A run of
# the common Arabic letters is tried first, and kept only when no other
# letter follows (else the general letter run takes it): the same words,
# found faster.
_WORD_SPLIT = re.compile(r"([\u0621-\u064a]++(?![^\W\d_])|[^\W\d_]+|\d+)")
_QUOTE = re.compile("[\"'`]")
_MAX_CHAIN = max(map(len, CLITIC_CHAINS))


def _has_detached(norm: str, start: int, end: int) -> bool:
    """_DETACHED.search(norm, start, end) is not None, found faster: a match
    ends in a quote right after a chain of at most _MAX_CHAIN letters, so the
    pattern is tried only just before each quote, not at every character."""
    for q in _QUOTE.finditer(norm, start, end):
        p = q.start()
        for j in range(max(start, p - _MAX_CHAIN), p):
            if _DETACHED.match(norm, j, end):
                return True
    return False


_last_distinct: tuple[list[str] | None, frozenset[str]] = (None, frozenset())


def _distinct(texts: list[str]) -> frozenset[str]:
    """The distinct words of a scan's word list, kept for the last list
    asked about: every matcher run over one text asks for the same list."""
    global _last_distinct
    last = _last_distinct
    if last[0] is texts:
        return last[1]
    words = frozenset(texts)
    _last_distinct = (texts, words)
    return words


@lru_cache(maxsize=64)
def _scan(norm: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """The words of norm[start:end] as three parallel lists (starts, ends,
    texts): what the matchers need, without building a Token per word."""
    # Split into gap, word, gap, word … gap and add up the lengths: no Match
    # object and no Python loop per word.
    parts = _WORD_SPLIT.split(norm if start == 0 and end == len(norm) else norm[start:end])
    pos = list(accumulate(map(len, parts), initial=start))
    starts, ends, texts = pos[1:-1:2], pos[2:-1:2], parts[1::2]
    # A clitic written apart before a quote («ل"داعش») joins the quoted word
    # when only quotes separate them; from left to right, a joined word is
    # not joined again. Only words that are a whole clitic chain can be one.
    joins: list[int] = []
    n = len(texts)
    for k in compress(range(n), map(_CHAIN_SET.__contains__, texts)):
        if joins and joins[-1] == k - 1:
            continue  # the quoted word of the previous join
        e = ends[k]
        if e < end and norm[e] in _QUOTES and k + 1 < n and all(c in _QUOTES for c in norm[e : starts[k + 1]]):
            joins.append(k)
    if joins and start > 0 and not _has_detached(norm, start, end):
        # (a word cut by the range's start is no clitic written apart)
        return starts, ends, texts
    for k in reversed(joins):
        starts[k : k + 2] = [starts[k]]
        texts[k : k + 2] = [norm[starts[k] : ends[k + 1]]]
        ends[k : k + 2] = [ends[k + 1]]
    return starts, ends, texts


def _phrase_words(phrase: str) -> list[str]:
    return _WORD.findall(normalize_word(phrase))


# A trie node is a plain dict: next word -> child node, and under the key ""
# (never a word: words are non-empty) its entries, has_article(first word) ->
# payload (two phrases that differ only by the article of their first word
# share a node). Plain dicts and tuples, so a whole trie can be written and
# read back with marshal (PhraseMatcher.to_data / from_data) instead of
# being rebuilt phrase by phrase at start-up.
_ENTRIES = ""


class PhraseMatcher(Generic[T]):
    """Find dictionary phrases in normalised text, clitic- and article-aware.

    Phrases are stored in a token trie keyed on normalised words, so finding
    costs one dictionary look-up per reading of each token, whatever the
    number of phrases.

    With `article_optional` (the default) the article of the first word may
    be present or absent in the text: «الحسكة» matches «حسكة» and «داعش»
    matches «الداعش». Pass False for dictionaries where the bare word means
    something else («الباب» the town, «باب» a door).
    """

    def __init__(self, article_optional: bool = True) -> None:
        self.article_optional = article_optional
        self._root: dict = {}
        self._size = 0
        # word -> the readings of it that start a phrase, with their trie
        # nodes: news vocabulary repeats, so most words cost one look-up.
        self._starts: dict[str, tuple[tuple[int, str, bool, dict, object, bool], ...]] = {}
        # The words of _starts whose readings are not empty: the few that
        # start a phrase (find() intersects the text's words with them).
        self._starters: set[str] = set()

    def __len__(self) -> int:
        return self._size

    def _readings(self, word: str) -> tuple[tuple[int, str, str, bool], ...]:
        """(span offset, trie key, clitics, has article) for each split of a word."""
        return _readings(word, self.article_optional)

    def _key(self, word: str) -> str:
        if (
            self.article_optional
            and word.startswith(_ARTICLE)
            and len(word) - 2 >= _MIN_STEM
        ):
            return word[2:]
        return word

    def add(self, phrase: str, payload: T) -> None:
        """Add a phrase (raw Arabic; normalised here). A phrase added again
        gets the new payload."""
        words = _phrase_words(phrase)
        if not words:
            return
        self._starts.clear()
        self._starters.clear()
        node = self._root
        for i, word in enumerate(words):
            key = self._key(word) if i == 0 else word
            child = node.get(key)
            if child is None:
                child = node[key] = {}
            node = child
        entries = node.get(_ENTRIES)
        if entries is None:
            entries = node[_ENTRIES] = {}
        has_article = words[0].startswith(_ARTICLE)
        if has_article not in entries:
            self._size += 1
        entries[has_article] = payload

    def add_all(self, items: Iterable[tuple[str, T]]) -> None:
        for phrase, payload in items:
            self.add(phrase, payload)

    def to_data(self) -> tuple[bool, int, dict]:
        """The whole matcher as plain data (dicts, tuples, str, bool and the
        payloads): marshal-able when the payloads are. Shares the trie: do not
        change it."""
        return (self.article_optional, self._size, self._root)

    @classmethod
    def from_data(cls, data: tuple[bool, int, dict]) -> "PhraseMatcher[T]":
        """A matcher equal to the one to_data() was taken from (owns `data` now)."""
        article_optional, size, root = data
        matcher: PhraseMatcher[T] = cls(article_optional)
        matcher._root, matcher._size = root, size
        return matcher

    def get(self, phrase: str) -> T | None:
        """The payload stored for exactly this phrase, or None."""
        words = _phrase_words(phrase)
        if not words:
            return None
        node: dict | None = self._root
        for i, word in enumerate(words):
            key = self._key(word) if i == 0 else word
            node = node.get(key) if node is not None else None
        entries = node.get(_ENTRIES) if node is not None else None
        if not entries:
            return None
        return entries.get(words[0].startswith(_ARTICLE))  # type: ignore[no-any-return]

    def __contains__(self, phrase: str) -> bool:
        return self.get(phrase) is not None

    def _first_readings(self, word: str) -> tuple[tuple[int, str, bool, dict, object, bool], ...]:
        """The readings of a word that start a phrase, each as (span offset,
        clitics, has article, trie node, the payload of the one-word phrase
        or _NO_PAYLOAD, whether longer phrases go on from the node)."""
        children = self._root
        out = []
        for offset, key, clitics, has_article in _readings(word, self.article_optional):
            node = children.get(key) if key else None
            if node is None:
                continue
            entries = node.get(_ENTRIES)
            payload: object = _NO_PAYLOAD
            if entries:
                payload = entries[has_article] if has_article in entries else next(iter(entries.values()))
            # (a node with more keys than its entries has children)
            out.append((offset, clitics, has_article, node, payload, len(node) > (entries is not None)))
        return tuple(out)

    def find(self, norm: str, start: int = 0, end: int | None = None) -> list[PhraseMatch[T]]:
        """Longest non-overlapping phrase matches in norm[start:end], in text order."""
        end = len(norm) if end is None else end
        starts, ends, texts = _scan(norm, start, end)
        # (negative span length, first word, last word, span start, clitics,
        # payload): a PhraseMatch is made only for the candidates kept.
        candidates: list[tuple[int, int, int, int, str, object]] = []
        add = candidates.append
        n = len(texts)
        known, starters = self._starts, self._starters
        if len(known) > _MAX_KNOWN_WORDS:
            known.clear()
            starters.clear()
        # Most words start no phrase: work on the text's distinct words with
        # set operations (C speed, shared by all matchers of a text) and loop
        # in Python only over the few words that start one. Words not seen
        # before get their readings first, once each.
        distinct = _distinct(texts)
        new_words = distinct.difference(known)
        if new_words:
            first_readings = self._first_readings
            root, article_optional = self._root, self.article_optional
            for word in new_words:
                readings = _readings(word, article_optional)
                if len(readings) == 1 and readings[0][1] not in root:
                    f = ()  # one reading that starts no phrase (most new words)
                else:
                    f = first_readings(word)
                    if f:
                        starters.add(word)
                known[word] = f
        present = starters.intersection(distinct)
        for i in compress(range(n), map(present.__contains__, texts)):
            readings = known[texts[i]]
            if len(readings) == 1:
                # One reading (most hits): its phrases, shortest first, are
                # the candidates; no choice between readings to make.
                offset, clitics, has_article, node, payload, grows = readings[0]
                span_start = starts[i] + offset
                if payload is not _NO_PAYLOAD:
                    add((span_start - ends[i], i, i, span_start, clitics, payload))
                j = i
                while grows and j + 1 < n:
                    node = node.get(texts[j + 1])  # type: ignore[assignment]
                    if node is None:
                        break
                    gap = norm[ends[j] : starts[j + 1]]
                    if gap != " " and not all(c in _GAP_OK for c in gap):
                        break
                    j += 1
                    entries = node.get(_ENTRIES)
                    if entries:
                        add((span_start - ends[j], i, j, span_start, clitics,
                             entries[has_article] if has_article in entries else next(iter(entries.values()))))
                    grows = len(node) > (entries is not None)
                continue
            # Every phrase that starts at word i, by its last word: the most
            # literal reading (fewest clitic letters) for each length.
            best: dict[int, tuple[int, int, str, object]] = {}
            for offset, clitics, has_article, node, payload, grows in readings:
                n_clitics = len(clitics)
                span_start = starts[i] + offset
                if payload is not _NO_PAYLOAD:
                    prev = best.get(i)
                    if prev is None or prev[0] > n_clitics:
                        best[i] = (n_clitics, span_start, clitics, payload)
                j = i
                while grows and j + 1 < n:
                    node = node.get(texts[j + 1])  # type: ignore[assignment]
                    if node is None:
                        break
                    gap = norm[ends[j] : starts[j + 1]]
                    if gap != " " and not all(c in _GAP_OK for c in gap):
                        break
                    j += 1
                    entries = node.get(_ENTRIES)
                    if entries:
                        prev = best.get(j)
                        if prev is None or prev[0] > n_clitics:
                            best[j] = (n_clitics, span_start, clitics,
                                       entries[has_article] if has_article in entries
                                       else next(iter(entries.values())))
                    grows = len(node) > (entries is not None)
            for j_end, (_, span_start, clitics, payload) in best.items():
                add((span_start - ends[j_end], i, j_end, span_start, clitics, payload))
        # Longest first over the whole text (like spaCy's filter_spans), so a
        # short phrase never hides a longer one that starts one word later.
        # Candidates come in text order; when none overlaps the next, all are
        # kept in that order and there is nothing to choose.
        last = -1
        for c in candidates:
            if c[1] <= last:
                break
            last = c[2]
        else:
            return [_match(span_start, ends[last_tok], norm[span_start:ends[last_tok]], clitics, payload)
                    for _, _, last_tok, span_start, clitics, payload in candidates]
        candidates.sort(key=_BY_LENGTH_THEN_POSITION)
        taken: list[tuple[int, PhraseMatch[T]]] = []
        used = [False] * n
        for _, first, last_tok, span_start, clitics, payload in candidates:
            if first == last_tok:
                if used[first]:
                    continue
                used[first] = True
            else:
                if any(used[first : last_tok + 1]):
                    continue
                for k in range(first, last_tok + 1):
                    used[k] = True
            span_end = ends[last_tok]
            taken.append((first, _match(span_start, span_end, norm[span_start:span_end], clitics, payload)))
        taken.sort(key=_FIRST)
        return [m for _, m in taken]


# A first reading whose node has no phrase of its own (only longer ones).
_NO_PAYLOAD = object()

# Sort keys of find(): (negative span length, first word) — stable, so equal
# keys keep the order they were found in; then by first word.
_BY_LENGTH_THEN_POSITION = itemgetter(0, 1)
_FIRST = itemgetter(0)
