"""Find place mentions in normalised text: gazetteer names, head words, modifiers.

A mention is a gazetteer name («الحسكة»), optionally with the head word in
front of it («حي الزهور», «ناحية العظيم») and a modifier before that
(«بالقرب من», «ريف», «شمال شرقي»). After a head word an unknown name is a
mention too («قرية زاركلي»), with no candidates: the resolver puts it in
the smallest known area that contains it.

Common words that are also place names («الزهور», «النصر») and small
places count only after a head word; a bare name needs a strong entry
(a country, an admin unit, a sizeable town, a curated landmark).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache


from rasd.datafiles import data_path, read_yaml
from rasd.places.gazetteer import ADMIN_KINDS, Gazetteer, Place, match_key
from rasd.text.normalize import normalize_word
from rasd.text.tokens import PhraseMatcher, word_spans

# A bare name (no head word) is a place only if one of its entries is at
# least this strong: an admin unit, a curated site, or a town this large.
BARE_MIN_POPULATION = 10_000
_GAP = frozenset(" \t\"'`()")
# Head words that stand for a place on their own: «العاصمة» (the article's capital), «البلاد»
# (its country), «المحافظة» and «المدينة» (the province or the city named last).
STANDALONE = ("capital", "country_anaphor", "admin1_anaphor", "city_anaphor")
# Of those, the ones that refer back and never govern a name: «المدينة المنورة» is a name.
ANAPHORS = ("admin1_anaphor", "city_anaphor")


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text. Offsets are into the normalised text."""

    start: int
    end: int
    text: str
    head: str | None = None          # the head word as written: «حي», «ريف», «مخيم» ...
    modifier: str | None = None      # near / outskirts / around / countryside / north / ... / centre
    candidates: list[Place] = field(default_factory=list)
    name: str = ""                   # the name part, without head and modifier
    head_kinds: tuple[str, ...] = ()  # gazetteer kinds the head word selects
    name_start: int = -1
    name_end: int = -1
    next_word: str = ""               # for an unknown name: the word after it («سلطان» «بيلي»)
    next_end: int = -1
    needs_context: bool = False       # a common word («حماة», «صور»): a place only in its country's news
    ordinary: bool = False            # unknown name that is an everyday word («منطقة آمنة»): kept
                                      # only if it starts a foreign name («حي سلطان بيلي»)
    place_start: int = -1             # where the place as written begins: its head word or name,
                                      # after any modifier or preposition («في محيط» «سجن الصناعة»)


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The lexicon of src/rasd/data/place_words.yaml, normalised."""

    heads: dict[str, tuple[tuple[str, ...], str | None, bool]]  # normalised head -> (kinds, modifier, site)
    modifiers: dict[str, str]          # normalised phrase -> meaning
    containers: frozenset[str]
    common_words: frozenset[str]       # match keys
    name_starts: frozenset[str]
    name_stops: frozenset[str]
    not_places: tuple[str, ...] = ()
    # (iso3, normalised head) -> kinds: a head word as one country uses it («منطقة جازان»)
    country_heads: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    metonym_verbs: frozenset[str] = frozenset()  # «قالت أنقرة»: a capital after one is its government
    dual_anaphors: dict[str, str] = field(default_factory=dict)  # «القريتين» -> «قريتي»
    metonym_before: frozenset[str] = frozenset()  # «بحسب أنقرة»
    article_required: frozenset[str] = frozenset()  # match keys: «رياض» bare is not Riyadh


@lru_cache(maxsize=4)
def load_place_words(path: str | None = None) -> PlaceWords:
    data = read_yaml(path or data_path("place_words.yaml"), "place words")
    heads: dict[str, tuple[tuple[str, ...], str | None, bool]] = {}
    for item in data["heads"]:
        for word in item["words"]:
            heads[normalize_word(word)] = (tuple(item["kinds"]), item.get("modifier"), bool(item.get("site")))
    modifiers = {normalize_word(w): meaning for meaning, words in data["modifiers"].items() for w in words}
    return PlaceWords(
        heads=heads,
        modifiers=modifiers,
        containers=frozenset(normalize_word(w) for w in data["containers"]),
        common_words=frozenset(match_key(w) for w in data["common_words"]),
        name_starts=frozenset(normalize_word(w) for w in data["name_starts"]),
        name_stops=frozenset(normalize_word(w) for w in data["name_stops"]),
        not_places=tuple(data.get("not_places", ())),
        country_heads={(item["iso3"], normalize_word(word)): tuple(item["kinds"])
                       for item in data.get("country_heads", ()) for word in item["words"]},
        metonym_verbs=frozenset(normalize_word(w) for w in data.get("metonym_verbs", ())),
        metonym_before=frozenset(normalize_word(w) for w in data.get("metonym_before", ())),
        article_required=frozenset(match_key(w) for w in data.get("article_required", ())),
        dual_anaphors={normalize_word(k): normalize_word(v) for k, v in data.get("dual_anaphors", {}).items()},
    )


def is_strong(place: Place) -> bool:
    """May this entry be recognised as a bare name?"""
    if place.kind in ADMIN_KINDS:
        # A district known only by its province, or by a point from a list of districts (no
        # namesake town, no OCHA unit), is a minor name: it needs a head word («مديرية عتمة»).
        return place.geo not in ("parent", "listed")
    if place.source.startswith("curated") and place.kind != "neighbourhood":
        return True
    return place.kind in ("city", "town", "village") and (place.population or 0) >= BARE_MIN_POPULATION


def is_major(place: Place) -> bool:
    """Big enough that a name which is also a common word may still mean it («حماة», «صور»)."""
    if place.kind in ("country", "admin1"):
        return True
    if place.kind == "admin2":
        return place.geo not in ("parent", "listed")
    return place.kind == "city" and (place.population or 0) >= 50_000


def prior(place: Place) -> float:
    """How likely an entry is to be meant, before context: big and administrative first."""
    base = {"country": 6.0, "admin1": 4.0, "admin2": 2.5, "admin3": 1.5, "city": 3.0, "town": 1.0,
            "village": 0.8, "neighbourhood": 0.5}.get(place.kind, 2.5)
    if place.population:
        base += math.log10(max(place.population, 10)) / 3
    return base


def _word_after_space(norm: str, end: int) -> tuple[str, int, int]:
    """The word after a single space at `end` (up to a gap or punctuation), with its
    start and end; ("", -1, -1) when no space follows."""
    if norm[end:end + 1] != " ":
        return "", -1, -1
    i = j = end + 1
    while j < len(norm) and not norm[j].isspace() and norm[j] not in _GAP and norm[j] not in ".,،؛:«»":
        j += 1
    return norm[i:j], i, j


class PlaceRecognizer:
    """Find place mentions; the gazetteer's names go into one token trie."""

    def __init__(self, gazetteer: Gazetteer | None = None, words: PlaceWords | None = None):
        self.gazetteer = gazetteer or Gazetteer.load()
        self.words = words or load_place_words()
        # One token trie for everything the recogniser looks for, so the text is
        # scanned once: names ("name", key), head words ("head", phrase),
        # modifiers ("mod", meaning) and demonyms ("demonym", iso3).
        self.matcher: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
        # Head words and modifiers are never names themselves («حي», «شمال», «العاصمة»),
        # though some gazetteer entries carry them (Al Hayy, Al-Shamal, Amanat al Asimah).
        cue_keys = {match_key(w) for w in (*self.words.heads, *self.words.modifiers)}
        for key in self.gazetteer.names_ar:
            # Two-letter names («ام», «تل») are prefixes of longer names far more often.
            if key not in cue_keys and key not in self.words.name_stops and len(key.replace(" ", "")) > 2:
                self.matcher.add(key, ("name", key))
        for form, iso3 in self.gazetteer.demonyms.items():
            if form not in self.gazetteer.names_ar:
                self.matcher.add(form, ("demonym", iso3))
        for phrase, meaning in self.words.modifiers.items():
            self.matcher.add(phrase, ("mod", meaning))
        for phrase in self.words.heads:
            self.matcher.add(phrase, ("head", phrase))
        # Longest match wins, so «فيلق القدس» hides «القدس».
        for phrase in self.words.not_places:
            self.matcher.add(phrase, ("block", phrase))
        self._last: tuple[str, list[tuple[str, str]]] = ("", [])
        self._capitals = frozenset(self.gazetteer.capitals.values())

    def demonyms(self, norm: str) -> list[tuple[str, str]]:
        """(text, iso3) of the demonyms («العراقية») in the text.

        The scan of recognize() already found them; reuse it when it was of this
        text (read once into a local: safe if another thread recognises meanwhile).
        """
        last = self._last
        if last[0] is norm or last[0] == norm:
            return last[1]
        return [(h.text, h.payload[1]) for h in self.matcher.find(norm) if h.payload[0] == "demonym"]

    # ------------------------------------------------------------------
    def recognize(self, norm: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        end = len(norm) if end is None else end
        hits = self.matcher.find(norm, start, end)
        names = [h for h in hits if h.payload[0] == "name"]
        cues = [h for h in hits if h.payload[0] in ("head", "mod")]
        self._last = (norm, [(h.text, h.payload[1]) for h in hits if h.payload[0] == "demonym"])
        cue_by_end = {c.end: c for c in cues}
        name_hits = {h.start for h in names} | {c.start for c in cues}
        mentions: list[PlaceMention] = []
        used_heads: set[int] = set()
        for m in names:
            key = m.payload[1]
            head, head_kinds, modifier, m_start = self._head_before(norm, m.start, cue_by_end, used_heads)
            in_name_head = self._head_inside(m.text)
            if head is None and in_name_head is not None:
                head = in_name_head
                head_kinds = self.words.heads[in_name_head][0]
            place_start = m_start
            if modifier is None:
                modifier, m_start = self._modifier_before(norm, m_start, cue_by_end)
            candidates = self.gazetteer.lookup(key)
            if head is None and self._after_name_start(norm, m.start):
                continue  # «تل واسط» is a village named Tell Wasit, not Wasit province
            if head is None:
                if key in self.words.common_words or len(key.replace(" ", "")) < 3:
                    continue
                # «ك» (like) and «ف» (so) do not stand before a bare place name:
                # «كبيرة» is not ك + البيرة, «فارين» not ف + a town «ارين».
                if "ك" in m.clitics or "ف" in m.clitics:
                    continue
                # A name always written with the article must have it: «دور» is a word,
                # «الدور» the district.
                has_article = m.text.startswith("ال") or m.clitics.endswith("لل")
                if (key in self.gazetteer.article_only or key in self.words.article_required) and not has_article:
                    continue
                if self._dual_anaphor(norm, m):
                    continue  # «قريتي X وY ... القريتين»: the two villages, not al-Qaryatayn
                if self._starts_longer_name(norm, m):
                    continue  # «بعين الرحمة»: «عين» begins an unknown name, it is not Ain
                if m.clitics in ("", "و") and self._government(norm, m.start - len(m.clitics), candidates):
                    continue  # «قالت أنقرة», «اتهمت دمشق أنقرة»: the government, not a place
                strong = [p for p in candidates if is_strong(p)]
                # A word that also reads as clitic + ordinary word («بحركة» = ب + حركة) is the
                # name of a major place only, and only in that country's news.
                needs_context = (key in self.gazetteer.common or key in self.gazetteer.frequent
                                 or self._clitic_plus_word(m.clitics + m.text))
                if needs_context:
                    strong = [p for p in strong if is_major(p)]
                elif not strong and len(key) >= 4 and self._after_locative(norm, m):
                    # «في الباغوز», «بالباغوز»: a small town after «في»/«ب» counts when it
                    # lies in a country the article is about (checked by the resolver).
                    strong, needs_context = candidates, True
                candidates = strong
                if not candidates:
                    continue
            else:
                needs_context = False
            mention = PlaceMention(m_start, m.end, norm[m_start:m.end], head, modifier, candidates,
                                   name=m.text, head_kinds=head_kinds, name_start=m.start,
                                   name_end=m.end, needs_context=needs_context, place_start=place_start)
            if head is not None:
                # «مخيم عقبة جبر»: a known name may be the first word of a longer unknown one;
                # the resolver decides, with the article's countries, which reading it is.
                mention.next_word, mention.next_end = self._word_after_name(norm, m.end, name_hits)
            mentions.append(mention)
        mentions.extend(self._unknown_after_heads(norm, start, end, cues, names, used_heads, cue_by_end))
        mentions.sort(key=lambda x: x.start)
        return mentions

    def _word_after_name(self, norm: str, end: int, taken: set[int]) -> tuple[str, int]:
        """The word right after a name, if it could continue the name: not a stop word, head,
        modifier, number, demonym, everyday word of news or the start of another name."""
        w, i, j = _word_after_space(norm, end)
        if i < 0:
            return "", -1
        key = match_key(w)
        if (len(w) < 3 or i in taken or w.startswith("و") or w in self.words.name_stops
                or w in self.words.heads or w in self.words.modifiers or w.isdigit()
                or key in self.gazetteer.frequent or key in self.words.common_words
                or key in self.gazetteer.names_ar or w in self.gazetteer.demonyms
                or (w.startswith("ال") and w.endswith("يه")) or self._clitic_plus_word(w)
                or self._glued_place(w)):
            return "", -1
        return w, j

    def _glued_place(self, surface: str) -> bool:
        """«ببغداد», «والحسكة», «بالموصل»: a conjunction or preposition with a known
        place, which begins a new phrase and never continues the name before it."""
        if surface.startswith(("و", "بال", "لل", "كال")):
            return True
        return any(surface.startswith(c) and match_key(surface[len(c):]) in self.gazetteer.names_ar
                   for c in ("ب", "ل", "ف", "ك"))

    def _clitic_plus_word(self, surface: str) -> bool:
        """Does the written word read as proclitic + an ordinary word («بحركة» = ب + حركة)?"""
        frequent = self.gazetteer.frequent
        if not frequent or " " in surface:
            return False
        for chain in ("وب", "ول", "و", "ب", "ل"):
            rest = surface[len(chain):]
            if surface.startswith(chain) and len(rest) >= 3 and rest in frequent:
                return True
        return False

    def _dual_anaphor(self, norm: str, m) -> bool:
        """Is a bare name a definite dual («القريتين») after its construct form («قريتي X وY»)?"""
        construct = self.words.dual_anaphors.get(m.text)
        if construct is None:
            return False
        i = norm.rfind(construct, 0, m.start)
        while i >= 0:
            end = i + len(construct)
            if (end == len(norm) or not norm[end].isalpha()) and (i == 0 or not norm[i - 1].isalpha()
                                                                  or norm[i - 1] in "وبفل"):
                return True
            i = norm.rfind(construct, 0, i)
        return False

    def _starts_longer_name(self, norm: str, m) -> bool:
        """Is a bare name a word that begins longer names («عين», «بئر», «دير») with a name
        after it («عين الرحمة», «بئر أحمد»)? Then it is the first word of an unknown place."""
        if " " in m.text or m.text not in self.words.name_starts:
            return False
        w, i, _ = _word_after_space(norm, m.end)
        return (i >= 0 and len(w) >= 3 and not w.startswith("و") and not w.isdigit() and w not in self.words.name_stops
                and w not in self.words.heads and w not in self.words.modifiers)

    def _verb_after(self, norm: str, start: int) -> bool:
        """Does a present-tense verb of saying or deciding follow the word at `start`?"""
        i = start
        while i < len(norm) and not norm[i].isspace():
            i += 1
        w, _, _ = _word_after_space(norm, i)
        return w.startswith("ت") and w in self.words.metonym_verbs

    def _word_before(self, norm: str, start: int) -> tuple[str, int]:
        """The word right before `start` (separated by spaces only) and where it begins."""
        j = start
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == start:
            return "", start
        i = j
        while i > 0 and not norm[i - 1].isspace() and norm[i - 1] not in _GAP and norm[i - 1] not in ".,،؛:«»":
            i -= 1
        return norm[i:j], i

    def _government(self, norm: str, start: int, candidates: list[Place], depth: int = 0) -> bool:
        """Is this bare name a capital standing for its government: the subject or object of a
        verb of saying or deciding («قالت أنقرة», «أعلنت طهران», «اتهمت دمشق أنقرة»)?"""
        if not any(p.id in self._capitals for p in candidates) or any(p.kind == "country" for p in candidates):
            return False  # (a country named like its capital, «الكويت», stays a country)
        word, w_start = self._word_before(norm, start)
        verbs = self.words.metonym_verbs
        if word in self.words.metonym_before:
            return True  # «بحسب أنقرة»
        for chain in ("", "و", "ف"):
            rest = word[len(chain):] if word.startswith(chain) else ""
            # with an object pronoun: «التي بدأتها أنقرة»
            if rest and (rest in verbs or any(rest.endswith(p) and rest[:-len(p)] in verbs
                                              for p in ("ها", "هم", "ه"))):
                return True
        if depth == 0 and self._verb_after(norm, start):
            return True  # «واشنطن تؤيد», «طهران تتهم»
        if depth == 0 and word and match_key(word) in self.gazetteer.names_ar:
            # the object after a subject capital: «اتهمت دمشق أنقرة»
            return self._government(norm, w_start, self.gazetteer.lookup(match_key(word)), 1)
        return False

    def _after_locative(self, norm: str, m) -> bool:
        """Is the name governed by «في» or a clitic «ب» (in / at)?"""
        if m.clitics.endswith("ب") or m.clitics in ("ب", "وب", "فب"):
            return True
        before = norm[max(0, m.start - 4):m.start]
        return before.endswith("في ") or before.endswith("وفي ")

    def _after_name_start(self, norm: str, start: int) -> bool:
        """Is the word right before `start` one that begins longer names («تل», «أبو», «عين»)?"""
        j = start
        while j > 0 and norm[j - 1] in _GAP:
            j -= 1
        if j == start:
            return False
        i = j
        while i > 0 and not norm[i - 1].isspace() and norm[i - 1] not in _GAP:
            i -= 1
        word = norm[i:j]
        for chain in ("و", "ف", "ب", "وب", "ل", ""):
            if word.startswith(chain) and word[len(chain):] in self.words.name_starts:
                return True
        return False

    def _head_inside(self, name: str) -> str | None:
        first = name.split(" ", 1)[0]
        if " " in name and first in self.words.heads and self.words.heads[first][0][0] not in ANAPHORS:
            return first
        return None

    def _adjacent(self, norm: str, cue_end: int, start: int) -> bool:
        return cue_end <= start and all(c in _GAP for c in norm[cue_end:start])

    def _is_head(self, cue) -> bool:
        """A head word governs a name only when indefinite, in construct («سجن الصناعة»):
        «السجن» / «المدينة» with the article refer back to a place already named."""
        if cue.payload[0] != "head":
            return False
        definite = cue.text.startswith("ال") or cue.clitics.endswith("لل")
        return not definite or self.words.heads[cue.payload[1]][0][0] in STANDALONE

    def _head_before(self, norm, start, cue_by_end, used_heads):
        """(head, kinds, modifier from the head, new start) of the head word right before a name."""
        for gap in range(0, 4):
            cue = cue_by_end.get(start - gap)
            if cue is not None and self._adjacent(norm, cue.end, start) and self._is_head(cue) \
                    and self.words.heads[cue.payload[1]][0][0] not in ANAPHORS:
                kinds, modifier, _site = self.words.heads[cue.payload[1]]
                used_heads.add(cue.start)
                return cue.text, kinds, modifier, cue.start
        return None, (), None, start

    def _modifier_before(self, norm, start, cue_by_end):
        for gap in range(0, 4):
            cue = cue_by_end.get(start - gap)
            if cue is not None and self._adjacent(norm, cue.end, start) and cue.payload[0] == "mod":
                return cue.payload[1], cue.start
        return None, start

    def _unknown_after_heads(self, norm, start, end, cues, names, used_heads, cue_by_end) -> list[PlaceMention]:
        """Head words followed by a name no gazetteer knows: «قرية زاركلي»."""
        out = []
        name_starts = {m.start for m in names}
        taken = [(m.start, m.end) for m in names]
        # The words of the text from the matcher's (cached) scan: no Token objects.
        tok_starts, tok_ends, tok_texts = word_spans(norm, start, end)
        n_toks = len(tok_texts)
        for cue in cues:
            if not self._is_head(cue) or cue.start in used_heads:
                continue
            kinds, head_modifier, _site = self.words.heads[cue.payload[1]]
            if kinds[0] in ANAPHORS:
                if any(s <= cue.start < e for s, e in taken):
                    continue  # part of a name: «المدينة المنورة»
                modifier, m_start = self._modifier_before(norm, cue.start, cue_by_end)
                out.append(PlaceMention(m_start, cue.end, norm[m_start:cue.end], cue.text, modifier, [],
                                        name="", head_kinds=kinds, name_start=cue.end, name_end=cue.end,
                                        place_start=cue.start))
                continue
            # The text's tokens are cached by the matcher's scan: no new tokenisation.
            first = bisect_left(tok_starts, cue.end)
            words: list[int] = []  # token indexes of the name
            for k in range(first, min(first + 4, n_toks)):
                gap = norm[(tok_ends[words[-1]] if words else cue.end):tok_starts[k]]
                if not all(c in _GAP for c in gap) or tok_starts[k] in name_starts:
                    break
                w = tok_texts[k]
                if (w in self.words.name_stops or w in self.words.heads or w in self.words.modifiers
                        or w.isdigit()):
                    break
                if not words and not w.startswith("ال") and (w.endswith("يه") or w.endswith("يين")):
                    break  # an adjective, not a name: «قاعدة عسكرية», «منطقة سكنية»
                words.append(k)
                # One word, or a name-start word («أم», «تل», «أبو») and what follows it.
                if w not in self.words.name_starts or len(words) >= 3:
                    break
            if not words:
                definite = cue.text.startswith("ال") or cue.clitics.endswith("لل")
                if kinds and kinds[0] == "capital" and not definite:
                    continue  # «زنجبار عاصمة محافظة أبين»: a province's capital, not the country's
                if kinds and kinds[0] in STANDALONE:
                    modifier, m_start = self._modifier_before(norm, cue.start, cue_by_end)
                    out.append(PlaceMention(m_start, cue.end, norm[m_start:cue.end], cue.text, modifier, [],
                                            name="", head_kinds=kinds, name_start=cue.end, name_end=cue.end,
                                            place_start=cue.start))
                continue
            n_start, n_end = tok_starts[words[0]], tok_ends[words[-1]]
            after = first + len(words)
            next_word, next_end = "", -1
            if after < n_toks:
                after_text = tok_texts[after]
                if (all(c == " " for c in norm[n_end:tok_starts[after]])
                        and after_text not in self.words.name_stops and after_text not in self.words.heads
                        and after_text not in self.words.modifiers and not after_text.isdigit()
                        and not self._glued_place(after_text)):
                    next_word, next_end = after_text, tok_ends[after]
            if any(s < n_end and n_start < e for s, e in taken):
                continue
            name = norm[n_start:n_end]
            # After a head word even a common word is a name («حي السلطان»), but not a
            # function word («منطقة ما») nor an everyday word of news («مقر قوات»,
            # «منطقة آمنة», «جبهات القتال»).
            if len(name) < 3 or name in self.words.name_stops:
                continue
            ordinary = (" " not in name and match_key(name) in self.gazetteer.frequent
                        and match_key(name) not in self.gazetteer.names_ar)
            modifier, m_start = self._modifier_before(norm, cue.start, cue_by_end)
            out.append(PlaceMention(m_start, n_end, norm[m_start:n_end], cue.text, modifier or head_modifier,
                                    [], name=name, head_kinds=kinds, name_start=n_start, name_end=n_end,
                                    next_word=next_word, next_end=next_end, ordinary=ordinary,
                                    place_start=cue.start))
        return out
