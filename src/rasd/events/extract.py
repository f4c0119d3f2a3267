"""The event stage: mentions of one Document → its events (rasd.model.Event).

Resources (actor dictionary, event lexicon) are loaded once when the stage
is built. The stage reads the places the places stage left in
`doc.mentions`, finds dates, casualties, actors and triggers itself (through
the text layer's recognisers), and assembles events sentence by sentence
(rasd.events.assemble), then merges mentions of one event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from rasd.actors.dictionary import ActorDictionary, load_dictionary
from rasd.actors.recognize import countries_named, find_actors
from rasd.events import assemble as A
from rasd.events import sentence_filter as SF
from rasd.events.facts import ArticleFacts, bucket, make_facts
from rasd.events.lexicon import Lexicon, load_lexicon
from rasd.events.notes import build_notes
from rasd.events.pairs import find_pairs
from rasd.events.tolls import (
    TOLLED,
    anchored_places,
    counted_casualties,
    headline_toll,
    in_title,
    toll_shares,
)
from rasd.geo import km_between
from rasd.model import Document, Event, Evidence, Mention
from rasd.text.casualties import recalled, toll_update
from rasd.text.tokens import PhraseMatch

# How the place of each event of a «منطقتي X وY» pair was chosen (also its merge key).
PAIR_RULE = "one place of a pair under a dual head"
# Words from the second name to the town a pair hangs on («والصكرة شمال شرق قضاء حديثة»).
_PAIR_REACH_WORDS = 6

# The title and first sentences, where a column says it is one.
_HEAD_SENTENCES = 3
_DATELINE = re.compile(r"^[^\n.]{2,40}\s*[-–—ـ]\s*[^\n.]{0,40}$")
_ANAPHORIC_NOUN = re.compile(r"^ال")


def _optional(module: str, name: str) -> Any:
    """A recogniser from another part of rasd, or None while it is not installed."""
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


# An article of at most this many sentences (besides a dateline) is a news
# brief: read as a report even when it names no source and no recent day.
_BRIEF_SENTENCES = 2


class EventStage:
    """Document → Document with doc.events filled (evidence in original offsets)."""

    def __init__(self, dictionary: ActorDictionary | None = None, lexicon: Lexicon | None = None,
                 sentence_filter: bool | SF.SentenceFilter | None = None):
        self.dictionary = dictionary or load_dictionary()
        self.lexicon = lexicon or load_lexicon()
        # The learned veto on rule-proposed events (rasd.events.sentence_filter): a model, on/off, or None (default).
        on = SF.DEFAULT_ON if sentence_filter is None else sentence_filter
        self.sentence_filter = on if isinstance(on, SF.SentenceFilter) else SF.load_filter() if on else None
        self.find_dates = _optional("rasd.text.dates", "find_dates")
        self.find_casualties = _optional("rasd.text.casualties", "find_casualties")

    def __repr__(self) -> str:
        return "EventStage()"

    # ------------------------------------------------------------ mentions
    def collect(self, doc: Document) -> ArticleFacts:
        norm = doc.norm
        facts = make_facts(doc.text, norm, doc.norm_map, doc.sentences)
        lex = self.lexicon
        bucket(facts, lex.triggers.find(norm), "triggers")
        for m in lex.markers.find(norm):
            if any(marker.role == "news" for marker in m.payload):
                facts.news_signals += 1  # «قال مصدر», «أفادت وكالة»: reported news
            s = facts.sentence_at(m.start)
            if s is not None and not s.triggers:
                # Markers only matter around a trigger, but a boilerplate line
                # («رابط الخبر: ...») must still not lend a place to the events before it.
                s.cues.extend(PhraseMatch(m.start, m.end, m.text, m.clitics, marker.cue) for marker in m.payload
                              if marker.cue is not None and marker.cue.kind == "boilerplate")
            if s is None or not s.triggers:
                continue
            for marker in m.payload:
                if marker.cue is not None:
                    s.cues.append(PhraseMatch(m.start, m.end, m.text, m.clitics, marker.cue))
                elif marker.family is not None:
                    s.family_cues.add(marker.family)
                elif marker.role is not None and marker.role != "news":
                    s.roles.append(PhraseMatch(m.start, m.end, m.text, m.clitics, marker.role))
        if lex.clause_openers is not None:
            for s in facts.sentences:
                if s.triggers and (s.cues or lex.cue_patterns):
                    s.breaks = [s.start + m.start() for m in lex.clause_openers.finditer(s.text)]
        if lex.complementizers is not None:
            for s in facts.sentences:
                if s.triggers:
                    s.complements = [(s.start + m.start(), s.start + m.end())
                                     for m in lex.complementizers.finditer(s.text)]
        if lex.cue_patterns:
            for s in facts.sentences:
                if s.triggers:
                    s.pattern_cues = [(kind, s.start + m.start(), s.start + m.end())
                                      for kind, rx in lex.cue_patterns for m in rx.finditer(s.text)]
        bucket(facts, find_actors(self.dictionary, norm), "actors")
        if self.find_dates is not None:
            dates = list(self.find_dates(norm, doc.article.published))
            bucket(facts, dates, "dates")
            pub = doc.article.published
            facts.news_signals += sum(
                1 for d in dates if d.date is not None and pub is not None and d.relative
                and timedelta(0) <= pub - d.date <= timedelta(days=A.CURRENT_DAYS))
        if self.find_casualties is not None:
            # One pass over the whole text (per-sentence calls would re-tokenise
            # each range), and none for an article that reports nothing.
            if any(s.triggers for s in facts.sentences):
                bucket(facts, list(self.find_casualties(norm)), "casualties")
        places = [m.value for m in doc.mentions if m.kind == "place" and m.value is not None]
        bucket(facts, places, "places")
        for s in facts.sentences:
            # A place that is also an actor («التحالف»), a date («الأحد», «فجر») or a
            # trigger word («فجّر», «أدى إلى») is not a place here.
            taken = [(a.start, a.end) for a in s.actors] + [(d.start, d.end) for d in s.dates] + [
                (t.start, t.end) for t in s.triggers]
            s.places = [p for p in s.places if not any(a < p.end and p.start < b for a, b in taken)]
        self._drop_unsupported_places(facts, doc.norm)
        self._drop_newspaper_names(facts, doc.norm)
        column = lex.column is not None and any(lex.column.search(s.text) for s in facts.sentences[:_HEAD_SENTENCES])
        if column:
            facts.news_signals = 0  # «تناول الكاتب في مقاله»: a column about the news, not a report
        for s in facts.sentences[:4]:
            raw = doc.text[s.orig_start:s.orig_end]
            if _DATELINE.match(raw.strip()) and not s.triggers:
                s.is_dateline = True
        if not column and sum(1 for s in facts.sentences if not s.is_dateline) <= _BRIEF_SENTENCES:
            # A news brief or a single sentence handed over alone: too short to
            # be a column or an analysis, whose genre the commentary test in
            # `assemble` judges from the whole article. Its events are reported.
            facts.news_signals += 1
        return facts

    def _drop_unsupported_places(self, facts: ArticleFacts, norm: str) -> None:
        """A place in a country the article never otherwise mentions, in an article
        clearly about another country, is a common word read as a place
        («خبراء» → Al Khabra, «نادرة» → An Nadirah): drop it."""
        named = countries_named(self.dictionary, norm)
        facts.countries_named = named
        support: Counter[str] = Counter(named)
        for s in facts.sentences:
            for p in s.places:
                if getattr(p, "country", None):
                    support[p.country] += 1
        if not support or support.most_common(1)[0][1] < 3:
            return
        for s in facts.sentences:
            s.places = [p for p in s.places
                        if not getattr(p, "country", None) or support[p.country] >= 2]

    def _drop_newspaper_names(self, facts: ArticleFacts, norm: str) -> None:
        """«قال مصدر عسكري لـ«الرياض»», «بصحيفة الوطن»: the paper a source spoke
        to bears a town's name; it is not where anything happened."""
        press = self.lexicon.press_words
        for s in facts.sentences:
            kept = []
            for p in s.places:
                before = norm[max(s.start, p.start - 30):p.start]
                words = before.split()
                if _QUOTED_TO.search(before) or (words and words[-1] in press):
                    continue
                kept.append(p)
            s.places = kept

    # ------------------------------------------------------------ assembly
    def __call__(self, doc: Document) -> Document:
        facts = self.collect(doc)
        countries = lambda: facts.countries_named  # noqa: E731 (used when no place names a country)
        dateline = next((p for s in facts.sentences if s.is_dateline for p in s.places), None)
        ctx = A.article_context(facts, self.dictionary, doc.article.published, countries, dateline,
                                self.lexicon.ongoing)
        ctx.suspects = self.lexicon.suspects
        def original(start: int, end: int) -> str:
            a, b = doc.to_original(start, end)
            return doc.text[a:b]
        events = self.assemble(facts, ctx, original)
        doc.events.extend(self.to_events(doc, events, ctx))
        for c in events:
            for trig in c.triggers:
                s, e = doc.to_original(trig.start, trig.end)
                doc.mentions.append(Mention("trigger", s, e, doc.text[s:e], trig.payload,
                                            c.sentence.index, "event_lexicon"))
        return doc

    def assemble(self, facts: ArticleFacts, ctx: A.Context,
                 original: Callable[[int, int], str] | None = None) -> list[A.Candidate]:
        events: list[A.Candidate] = []
        last_place: dict[int, Any] = {}  # paragraph -> last place named
        explain: dict[str, list[str]] = {}
        for s in facts.sentences:
            groups = [] if s.is_dateline or _is_heading(facts.norm, s) else A.place_groups(facts, s)
            groups = _drop_country_outliers(groups, s.places)
            if groups:
                last_place[s.paragraph] = groups[0]
            cands = [] if _is_heading(facts.norm, s) else A.sentence_candidates(facts, s, explain)
            if cands and not facts.news_signals and not (
                    any(d.date for d in s.dates) or (groups and A.casualty_totals(s.casualties)[0])):
                # A column or analysis (no source, no recent day named anywhere) recalls
                # violence in general; only a placed, dated or counted sentence reports one.
                explain.setdefault("commentary", []).extend(t.text for c in cands for t in c.triggers)
                cands = []
            if not cands and any(c.payload.kind == "boilerplate" for c in s.cues):
                continue  # «رابط الخبر: ... بتعز»: the headline again, not where anything happened
            if not cands:
                self._attach_orphan_casualties(facts, s, events, groups)
                self._refine_place(s, groups, events)
                continue
            counted = counted_casualties(facts, s)
            killed, injured = A.casualty_totals(counted)
            has_pair = bool(groups) and bool(self.lexicon.dual_heads) and bool(
                find_pairs(facts.norm, s.start, s.end, self.lexicon.dual_heads, self.lexicon.name_prefixes))
            # The sentence's toll belongs to its first violent event (an arrest,
            # protest or curfew in the same sentence kills no one).
            tolled = next((c for c in cands if c.event_type in TOLLED), None)
            shares = toll_shares(facts, s, cands, groups, tolled) if groups else {}
            for cand in cands:
                k, j = shares.get(id(cand), (killed, injured) if cand is tolled else (0, 0))
                if self._fold_claimed(cand, groups, events):
                    continue
                if self._fold_anaphora(cand, groups, events, k, j, facts, ctx):
                    continue
                places = (anchored_places(facts, s, groups, cand) if groups
                          else [self._inherited_place(s, last_place, events, ctx) or _next_place(facts, s)])
                pair_rule = ""
                if groups and len(places) == 1 and has_pair:
                    split = self._pair_places(facts, s, places[0], original)
                    if split is not None:
                        places, pair_rule = split
                if groups and len(places) == 1 and self._fold_retold(cand, places[0], events, k, j):
                    continue
                country = None
                for idx, (place, kk, jj) in enumerate(zip(places, A.split_count(k, len(places)),
                                                          A.split_count(j, len(places)))):
                    part = cand if idx == 0 else A.Candidate(cand.sub_event_type, cand.family, s,
                                                             list(cand.triggers), cand.background_cue)
                    part.place = place
                    part.place_rule = pair_rule or ("place named in the sentence" if groups else
                                                    "no place in the sentence: inherited from context")
                    if not groups and place is not None and place is not self._inherited_place(
                            s, last_place, events, ctx):
                        part.place_rule = _NEXT_PLACE_RULE
                    country = getattr(place, "country", None) or ctx.country
                    prev = self._same_story(part, events)
                    if prev is not None:
                        part.sub_event_type, part.family = prev.sub_event_type, "fixed"
                    A.assign_actors(part, facts, ctx, country)
                    if prev is not None and prev.actor1 and prev.actor1 not in (part.actor1, part.actor2):
                        part.actor1 = prev.actor1
                        part.why["actors"] = part.why.get("actors", "") + f"; actor1 {prev.actor1!r}: same story"
                    A.choose_date(part, facts, ctx)
                    if part.own_date and part.date is not None and ctx.published is not None \
                            and part.date > ctx.published:
                        # «موعد تظاهرة ... مساء غد», «في أبريل المقبل»: a day after publication
                        # is a plan (or another year's day), not something that happened.
                        explain.setdefault("after publication", []).append(part.anchor.text)
                        continue
                    A.decide_status(part, ctx)
                    if part.status == "background" and not A.recalled_clearly(part):
                        explain.setdefault("vague background", []).append(part.anchor.text)
                        continue
                    part.killed, part.injured = kk, jj
                    part.evidence.append((s.orig_start, s.orig_end))
                    if self._fold_dominated(part, events):
                        continue
                    events.append(part)
        A.share_air_strikers(events, ctx)
        merged = self._merge(events)
        kept = [c for c in merged if _specific(c)]
        if len(kept) < len(merged):
            explain.setdefault("unspecific", []).extend(c.anchor.text for c in merged if c not in kept)
        if self.sentence_filter is not None:
            kept = SF.filter_candidates(self.sentence_filter, kept, facts.sentences, facts.norm, explain=explain)
        return kept

    def _pair_places(self, facts: ArticleFacts, s: Any, place: Any,
                     original: Callable[[int, int], str] | None) -> tuple[list[Any], str] | None:
        """«في منطقتي الزوية والصكرة شمال شرق قضاء حديثة»: one place found where a
        dual head names two — two places, each named as the article wrote it; an
        unknown one sits at the known place with precision 2 (spec §1)."""
        for pair in find_pairs(facts.norm, s.start, s.end, self.lexicon.dual_heads, self.lexicon.name_prefixes):
            inside = pair.head_start <= place.start < pair.end
            after = place.start >= pair.end and \
                facts.word_index(place.start) - facts.word_index(pair.end - 1) <= _PAIR_REACH_WORDS
            if not (inside or after):
                continue
            out = []
            for a, b in (pair.first, pair.second):
                if a <= place.start < b:
                    out.append(place)
                    continue
                out.append(replace(place, start=a, end=b, text=facts.norm[a:b],
                                   location_ar=original(a, b) if original else facts.norm[a:b],
                                   geo_precision=max(getattr(place, "geo_precision", 1) or 1, 2)))
            return out, f"{PAIR_RULE} «{facts.norm[pair.head_start:pair.end]}»"
        return None

    def _inherited_place(self, s, last_place: dict[int, Any], events: list[A.Candidate], ctx: A.Context) -> Any:
        if s.paragraph in last_place:
            return last_place[s.paragraph]
        for e in reversed(events):
            if e.place is not None and e.sentence.paragraph >= s.paragraph - 1:
                return e.place
        for e in events:
            if e.place is not None:
                return e.place
        return ctx.dateline_place

    def _fold_anaphora(self, cand: A.Candidate, groups: list[Any], events: list[A.Candidate],
                       killed: int, injured: int, facts: ArticleFacts, ctx: A.Context) -> bool:
        """«وقضى في الهجوم عنصران»: a definite trigger with no place of its own
        continues the previous event of its kind rather than starting one."""
        if not events or cand.sentence.dates and any(d.date for d in cand.sentence.dates):
            return False
        demonstrative = any(_word_before(cand.sentence, t.start) in _DEMONSTRATIVES for t in cand.triggers)
        refers = bool(self.lexicon.references and self.lexicon.references.search(cand.sentence.text)) and \
            cand.family in ("attack", "kill")
        if refers and events[-1].event_type in _VIOLENT:
            demonstrative = True  # «نتج عن الحادث الإجرامي استشهاد 15»
        # A place of its own stops the fold, unless it is only a province-level
        # guess («وأدى إلى» misread as a place) and the event just told is close.
        precise = [g for g in groups if (getattr(g, "geo_precision", 1) or 1) < 3]
        if precise and not demonstrative:
            return False
        if not demonstrative and not all(_ANAPHORIC_NOUN.match(t.text) for t in cand.triggers):
            return False
        # The latest event of a kind this mention can refer to, told shortly
        # before («وأعلنت الجماعة مسؤوليتها عن التفجير» after an arrest was told
        # in between still means the bombing).
        prev = next((e for e in reversed(events) if e.event_type == cand.event_type
                     or (cand.family in ("attack", "kill") and e is events[-1])), None)
        if prev is None or prev.sentence.paragraph < cand.sentence.paragraph - 2:
            return False
        prev.triggers.extend(cand.triggers)
        prev.evidence.append((cand.sentence.orig_start, cand.sentence.orig_end))
        # «وقضى في الهجوم عنصران من وحدات مقاومة شنكال»: the victims name the side hit.
        country = getattr(prev.place, "country", None)
        for mention, role in A.actor_roles(facts, cand.sentence):
            if role != "victim":
                continue
            name = self.dictionary.resolve(mention.entry, country, ctx.topic)
            if name and name != prev.actor1:
                prev.actor2 = name
                prev.why["actors"] = prev.why.get("actors", "") + f"; actor2 {name!r}: victims named later"
                break
        here = getattr(prev.place, "admin1", None)
        if killed and toll_update(cand.sentence.text) and not (
                groups and here and all(getattr(g, "admin1", None) not in (None, here) for g in groups)):
            # «وارتفعت حصيلة قتلى التفجير إلى 12»: the latest figure of the event told,
            # unless the update names another place («... في جبل صبر المطل على تعز»).
            prev.killed = killed
        prev.killed = prev.killed or killed
        prev.injured = prev.injured or injured
        return True

    def _fold_claimed(self, cand: A.Candidate, groups: list[Any], events: list[A.Candidate]) -> bool:
        """«ولم تعلن حركة طالبان مسؤوليتها عن هجوم أول ... لكنها تبنت الاعتداء الثاني»:
        a generic attack or killing word, with no place of its own, in a sentence
        that claims (or disclaims) an attack names an attack the article has told;
        it adds its sentence to the evidence of the latest violent event told
        instead of starting an event. (A claim that names where, «تبنى التنظيم
        هجوما في مدينة ...», may tell a new attack.)"""
        claims = self.lexicon.claims
        if cand.family not in ("attack", "kill") or groups or claims is None or \
                not claims.search(cand.sentence.text):
            return False
        prev = next((e for e in reversed(events) if e.event_type in _VIOLENT), None)
        if prev is None:
            return False
        prev.evidence.append((cand.sentence.orig_start, cand.sentence.orig_end))
        return True

    @staticmethod
    def _fold_retold(cand: A.Candidate, place: Any, events: list[A.Candidate], killed: int, injured: int) -> bool:
        """«وأعلن الحلف أن الهجوم على قاعدة ... في كابول أسفر عن ...»: a violent event
        named with the definite article, no day of its own, at the place of a violent
        event told earlier, is that event told again (spec §1: merge mentions)."""
        if cand.event_type not in _VIOLENT or any(getattr(d, "date", None) for d in cand.sentence.dates):
            return False
        if not all(_ANAPHORIC_NOUN.match(t.text) for t in cand.triggers):
            return False
        key = getattr(place, "location", None)
        # A capture is no retelling of a strike: a territory word refers back only
        # to a battle.
        earlier = [e for e in events if e.event_type in _VIOLENT and e.place is not None
                   and getattr(e.place, "location", None) == key and key
                   and (cand.family != "territory" or e.event_type == "Battles")]
        if not earlier:
            return False
        target = earlier[-1]
        target.triggers.extend(cand.triggers)
        target.evidence.append((cand.sentence.orig_start, cand.sentence.orig_end))
        target.killed = _told_toll(target.killed, killed, cand.sentence)
        target.injured = _lowest_reported(target.injured, injured)
        return True

    @staticmethod
    def _fold_dominated(part: A.Candidate, events: list[A.Candidate]) -> bool:
        """«استعادة معسكري لبوزة ووادي عطان ... بعد مواجهات عنيفة», «قصف مدفعي
        واشتباكات في حي ...»: one sentence telling fighting at one place tells one
        event, of its dominant type (ACLED): a battle in which ground is taken is
        the territory change, shelling during a clash is part of the clash. Air
        strikes stay apart (spec §1: a strike and the clash it supports are two)."""
        rank = _DOMINANCE.get(part.sub_event_type)
        key = _place_key(part)
        if rank is None or key is None:
            return False
        for e in reversed(events):
            if e.sentence is not part.sentence:
                break
            other = _DOMINANCE.get(e.sub_event_type)
            if other is None or e.status != part.status or _place_key(e) != key:
                continue
            if rank > other:
                e.sub_event_type, e.family = part.sub_event_type, "fixed"
                e.actor1, e.actor2 = part.actor1 or e.actor1, part.actor2 or e.actor2
                e.why["type"] = f"«{part.anchor.text}»: the dominant type of the fighting told at this place"
            e.triggers.extend(part.triggers)
            e.killed += part.killed
            e.injured += part.injured
            return True
        return False

    @staticmethod
    def _same_story(cand: A.Candidate, events: list[A.Candidate]) -> A.Candidate | None:
        """«حيث أشار إلى مقتل 11 من داعش جراء استهداف مبنى ...» right after coalition
        strikes: a generic attack word with no attacker named in its sentence tells
        more of the bombing or strike just reported, and takes its type."""
        if cand.family not in ("attack", "kill") or not events:
            return None
        prev = events[-1]
        if prev.event_type != "Explosions/Remote violence" or prev.sentence.paragraph != cand.sentence.paragraph \
                and prev.sentence.index != cand.sentence.index - 1:
            return None
        if any(m.entry.kind not in ("civilians", "prisoners") and not m.entry.topic for m in cand.sentence.actors
               if m.entry.name != prev.actor1 and m.entry.name != prev.actor2):
            return None  # another side is named: a different event
        return prev

    @staticmethod
    def _refine_place(s, groups: list[Any], events: list[A.Candidate]) -> None:
        """«... هجوماً في محافظة ديالى» then «... بمنطقة أم الكرامي بناحية العظيم التابعة
        لديالى»: a more precise place inside the event's province, named in the next
        sentence, is where the event happened (spec §1: the most precise place)."""
        if not events or not groups:
            return
        prev = events[-1]
        if prev.place is None or (getattr(prev.place, "geo_precision", 1) or 1) < 3:
            return
        if s.paragraph - prev.sentence.paragraph > 1:
            return
        admin1 = getattr(prev.place, "admin1", None)
        better = [g for g in groups if admin1 and getattr(g, "admin1", None) == admin1
                  and (getattr(g, "geo_precision", 3) or 3) < 3]
        if better:
            prev.place = min(better, key=lambda g: getattr(g, "geo_precision", 3))
            prev.place_rule = "a more precise place in the same province named in the next sentence"
            prev.evidence.append((s.orig_start, s.orig_end))

    def _attach_orphan_casualties(self, facts: ArticleFacts, s, events: list[A.Candidate],
                                  groups: list[Any] = ()) -> None:
        """Casualties in a sentence with no trigger belong to the event just told —
        unless the sentence places them somewhere else («ولقي أربعة مصرعهم في حوادث
        متفرقة في بغداد» after a strike in Nineveh)."""
        # «وجاء ذلك ردا على مقتل 3 جنود»: the killing the event just told answers is not its toll.
        killed, injured = A.casualty_totals([c for c in counted_casualties(facts, s) if not recalled(facts.norm, c)])
        if not (killed or injured) or not events:
            return
        prev = events[-1]
        if prev.sentence.paragraph != s.paragraph and prev.sentence.index != s.index - 1:
            return
        if prev.event_type not in TOLLED:
            return
        here = getattr(prev.place, "admin1", None)
        if groups and here and all(getattr(g, "admin1", None) not in (None, here) for g in groups):
            return
        if killed and (not prev.killed or toll_update(s.text)):
            prev.killed = killed  # «وارتفعت حصيلة القتلى إلى 12»: the latest figure
            prev.evidence.append((s.orig_start, s.orig_end))
        if not prev.injured and injured:
            prev.injured = injured

    def _merge(self, events: list[A.Candidate]) -> list[A.Candidate]:
        """Mentions of one event (same type, place and day) become one event.

        The headline summarises the body: its event is the body's first event
        of the same type wherever the headline put it."""
        merged: list[A.Candidate] = []
        headline = [e for e in events if e.sentence.index == 0 and e.sentence.paragraph == 0]
        body = [e for e in events if e not in headline]
        for h in headline:
            same = next((b for b in body if _same_family(b, h) and b.status == h.status), None)
            if same is not None:
                if _generic(same) and not _generic(h) and h.event_type == "Explosions/Remote violence" \
                        and same.event_type != h.event_type:
                    # «مقتل 51 من داعش في غارات للتحالف» over «جراء استهداف مبنى ...»: the
                    # weapon the headline names says what the body's generic attack was.
                    same.sub_event_type, same.family = h.sub_event_type, "fixed"
                    same.why["type"] = f"«{h.anchor.text}» in the headline names the body's «{same.anchor.text}»"
                self._absorb(same, h)
            else:
                merged.append(h)
        for e in body:
            if e.place_rule.startswith("no place"):
                # A mention with no place of its own is the latest event of its kind
                # told just before it, not any event of that kind in the article.
                target = next((m for m in reversed(merged) if m.sub_event_type == e.sub_event_type), None)
                # «قتلوا في الغارات التركية»: a definite mention refers back however
                # far the event was told; an indefinite one only to an event just told.
                definite = all(_ANAPHORIC_NOUN.match(t.text) for t in e.triggers)
                if target is not None and not (_same_event(target, e) and (
                        definite or e.sentence.paragraph - target.sentence.paragraph <= 3)):
                    target = None
                if target is None and definite:
                    # «حادث التفجير» with no place of its own after «فجر انتحاري نفسه»:
                    # the latest event of the same type, told again in a vaguer word.
                    target = next((m for m in reversed(merged) if _retold(m, e, anywhere=True)), None)
            else:
                target = next((m for m in merged if _same_event(m, e)), None)
                if target is None and all(_ANAPHORIC_NOUN.match(t.text) for t in e.triggers):
                    target = next((m for m in merged if _retold(m, e)), None)
                    if target is not None and e.own_date and target.own_date and e.precision == 1 \
                            and target.date and e.date and e.date < target.date:
                        # «أعلن ... اليوم (السبت)» dates the report; «الهجوم الذي وقع أمس
                        # الجمعة» dates the attack: the retelling's earlier day is the event's.
                        target.date, target.precision, target.date_rule = e.date, e.precision, e.date_rule
            if target is None:
                merged.append(e)
                continue
            self._absorb(target, e)
        merged = self._fold_generic_into_explosions(merged)
        merged.sort(key=lambda c: c.evidence[0])
        return merged

    def _fold_generic_into_explosions(self, events: list[A.Candidate]) -> list[A.Candidate]:
        """«هاجمت حركة الشباب فندقا في مقديشو ما أدى إلى مقتل 13» and «بعد انفجار
        سيارة مفخخة» at the same place: a mention made only of generic attack or
        killing words, at the place and within a day of a bombing or strike of
        the article, is that bombing told again, not an attack of its own."""
        # Places below country level only: a whole country holds many attacks.
        remote = [e for e in events if e.event_type == "Explosions/Remote violence" and _place_key(e)
                  and getattr(e.place, "admin1", None)]
        if not remote:
            return events
        kept: list[A.Candidate] = []
        for e in events:
            target = None
            if e.event_type in ("Battles", "Violence against civilians") and e.triggers and all(
                    t.payload.family in ("attack", "kill") for t in e.triggers):
                # Same toll (or none of its own): Kabul on 7 August 2015 had a bombing
                # and, hours later, an attack on a base, each with its own dead.
                target = next((r for r in remote if r.status == e.status and _place_key(r) == _place_key(e)
                               and (e.killed in (0, r.killed) or not r.killed)
                               and (not (r.own_date and e.own_date) or (
                                   r.date and e.date and abs((r.date - e.date).days) <= 1))), None)
            if target is None:
                kept.append(e)
            else:
                self._absorb(target, e)
        return kept

    @staticmethod
    def _absorb(target: A.Candidate, e: A.Candidate) -> None:
        """Fold event mention e into target."""
        if e is not None:
            if _DOMINANCE.get(e.sub_event_type, 0) > _DOMINANCE.get(target.sub_event_type, 9):
                # «المعارك في مشرعة وحدنان» told again of «طردت ... من مشرعة وحدنان»: the
                # fight and the ground it took are one event, the territory change.
                target.sub_event_type, target.family = e.sub_event_type, "fixed"
            target.triggers.extend(e.triggers)
            target.evidence.extend(x for x in e.evidence if x not in target.evidence)
            if in_title(e) and not in_title(target):
                e = headline_toll(e, target)
            if e.killed and _ADDED_TOLL.search(e.sentence.text):
                # «قتل اثنان من المتشددين أيضا في الهجوم»: more dead, not another figure.
                target.killed += e.killed
            elif toll_update(target.sentence.text) and target.killed and not toll_update(e.sentence.text) \
                    and _same_area(target, e):
                pass  # the event was told with its updated toll: an earlier figure does not lower it
            else:
                target.killed = _told_toll(target.killed, e.killed, e.sentence, _same_area(target, e))
            target.injured = _lowest_reported(target.injured, e.injured)
            # A day named in another clause of the mention's sentence («... التي أعلنت
            # الأسبوع الماضي») is taken only when it is a day, not a vaguer span.
            if not target.own_date and e.own_date and (_firm_date(e) or e.precision == 1):
                target.date, target.precision, target.own_date, target.date_rule = (
                    e.date, e.precision, True, e.date_rule)
            # «أعلنت جماعة ... مسؤوليتها» names the attacker; a side the mention only
            # guessed from the rest of the article names no one.
            if _unnamed(target.actor1) and not _unnamed(e.actor1) and e.actor1 != target.actor2 \
                    and f"actor1 {e.actor1!r}: the article's" not in e.why.get("actors", ""):
                target.actor1 = e.actor1
            target.actor2 = target.actor2 or (e.actor2 if e.actor2 != target.actor1 else None)
            if target.place_rule.startswith("no place") and not e.place_rule.startswith("no place"):
                target.place, target.place_rule = e.place, e.place_rule
            elif _more_precise_inside(e, target):
                # «تجدد قصفها على القرى الحدودية بمنطقة جازان» then «شهدت إحدى القرى التابعة
                # لمحافظة الحرث سقوط ثلاث قذائف»: spec §1 wants the most precise place named.
                # The mention that names it tells the event in detail: its own day and
                # sides are the event's too.
                target.place, target.place_rule = e.place, e.place_rule + " (the most precise of its mentions)"
                if _firm_date(e) and e.date is not None:
                    target.date, target.precision, target.own_date, target.date_rule = (
                        e.date, e.precision, True, e.date_rule)
                # Sides named in the mention's own sentence, not guessed from the article.
                told = e.why.get("actors", "")
                if e.actor1 and not _unnamed(e.actor1) and f"actor1 {e.actor1!r}: the article's" not in told:
                    target.actor1 = e.actor1
                if e.actor2 and f"actor2 {e.actor2!r}: the article's" not in told and e.actor2 != target.actor1:
                    target.actor2 = e.actor2

    # ------------------------------------------------------------- output
    def to_events(self, doc: Document, cands: list[A.Candidate], ctx: A.Context) -> list[Event]:
        out = []
        for c in cands:
            p = c.place
            ev = Event(
                event_id="", article_id=doc.article.id, status=c.status,
                event_date=c.date.isoformat() if isinstance(c.date, date) else None,
                time_precision=c.precision, event_type=c.event_type, sub_event_type=c.sub_event_type,
                actor1=c.actor1, actor2=c.actor2 if c.actor2 != c.actor1 else None,
                assoc_actor_1=[a for a in dict.fromkeys(c.assoc1) if a not in (c.actor1, c.actor2)],
                assoc_actor_2=[a for a in dict.fromkeys(c.assoc2) if a not in (c.actor1, c.actor2)],
                fatalities=c.killed, injuries=c.injured,
            )
            if p is not None:
                ev.country = getattr(p, "country", None)
                ev.iso3 = getattr(p, "iso3", None)
                ev.admin1 = getattr(p, "admin1", None)
                ev.admin2 = getattr(p, "admin2", None)
                ev.admin3 = getattr(p, "admin3", None)
                ev.location = getattr(p, "location", None)
                ev.location_ar = getattr(p, "location_ar", None) or getattr(p, "text", None)
                ev.latitude = getattr(p, "latitude", None)
                ev.longitude = getattr(p, "longitude", None)
                ev.geo_precision = getattr(p, "geo_precision", 3) or 3
            elif ctx.country:
                ev.country = ctx.country
                ev.iso3 = self.dictionary.iso3.get(ctx.country)
            for start, end in sorted(c.evidence):
                ev.evidence.append(Evidence(start, end, doc.text[start:end]))
            ev.confidence = _confidence(c)
            ev.notes = build_notes(ev)
            ev.explanation = {
                "trigger": ", ".join(dict.fromkeys(f"«{t.text}» ({t.payload.sub_event_type})" for t in c.triggers)),
                "type": c.why.get("type", f"lexicon entry of «{c.anchor.text}»"),
                "actors": c.why.get("actors", "actors named in the trigger's sentence"),
                "place": c.place_rule or "no place found",
                "date": c.date_rule,
                "fatalities": "casualty counts in the event's sentences (lowest figure when mentions disagree)",
                "status": c.why.get("status", "current: happened within 7 days of publication"),
            }
            out.append(ev)
        return out


# The fighting one sentence tells at one place is one event of the highest rank
# (ACLED: a battle that takes ground is a territory change; shelling in a clash
# is the clash).
_DOMINANCE = {"Government regains territory": 3, "Non-state actor overtakes territory": 3,
              "Armed clash": 2, "Shelling/artillery/missile attack": 1}

# A headline's «هجوم» may be the body's clash, bombing or attack on civilians.
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _retold(told: A.Candidate, e: A.Candidate, anywhere: bool = False) -> bool:
    """«حادث التفجير», «الهجوم» at the place (or, `anywhere`, with no place of its
    own) and on the day of an event of the same kind already told is that event
    told again, though its word is less specific («التفجير» after «فجر انتحاري
    نفسه»): same event type and status, days that agree (a vague day such as
    «نهاية الأسبوع» agrees with any day of its week)."""
    if told.event_type != e.event_type or told.status != e.status:
        return False
    if told.own_date and e.own_date and told.date != e.date and (
            told.date is None or e.date is None or abs((told.date - e.date).days) > 7
            or (told.precision == 1 and e.precision == 1 and (anywhere or abs((told.date - e.date).days) > 1))):
        return False
    return anywhere or (_place_key(told) is not None and _place_key(told) == _place_key(e))


def _same_family(a: A.Candidate, b: A.Candidate) -> bool:
    # «مواجهات» in a headline may be the body's riot as well as its battle.
    loose = _VIOLENT | {"Riots"}
    return a.event_type == b.event_type or (a.event_type in loose and b.event_type in loose)


def _specific(c: A.Candidate) -> bool:
    """Whether a current event is told as one event: a report names at least one of
    a place below province level, a day of its own, or a toll. Fighting «في
    محافظة تعز» with neither day nor toll is the conflict told in general."""
    if c.status == "background":
        # A recalled event is coded only when told as one event: a day of its own
        # and a place below province level, its own or the paragraph's («في مسجد
        # الإمام الصادق بالكويت يوم 26 يونيو»), not history in general («في البحرين
        # عام 2011», «حملة جوية في شمال العراق يوم 24 يوليو»).
        return c.own_date and c.place_rule != _NEXT_PLACE_RULE and \
            (getattr(c.place, "geo_precision", 3) or 3) < 3
    if c.status != "current" or c.own_date or c.killed or c.injured:
        return True
    if c.place_rule.startswith("no place"):
        # No place, day or toll of its own: only a specific event word («غارة»,
        # «اعتقال») still tells one event; a generic «هجوم», «قتل» does not.
        return all(t.payload.family not in ("attack", "kill") and t.payload.strong for t in c.triggers)
    return (getattr(c.place, "geo_precision", 3) or 3) < 3


_NEXT_PLACE_RULE = "no place in the sentence: the next place named in its paragraph"
# «لـ«الرياض»», «ل"الوطن"» (normalised: ل") right before a name: the paper spoken to.
_QUOTED_TO = re.compile(r'(?:^|\s)ل\s?"\s?$')


def _next_place(facts: ArticleFacts, s: Any) -> Any:
    """«وأشار إلى أن طائرات التحالف ... شنت غارات» before any place is named: the
    first place named later in the same paragraph («... في محافظة البيضاء»),
    the article's only clue to where, when nothing before it gives one."""
    for t in facts.sentences[s.index + 1:]:
        if t.paragraph != s.paragraph:
            break
        groups = A.place_groups(facts, t)
        if groups and not t.is_dateline:
            return groups[0]
    return None


def _drop_country_outliers(groups: list[Any], places: list[Any]) -> list[Any]:
    """«في شنكال غربي نينوى ... بالقرب من وادي»: when two or more places of a sentence
    agree on a country, a lone place of another country is a misread word or a
    wrong guess for an unknown place."""
    counts = Counter(getattr(p, "country", None) for p in places)
    if not any(n >= 2 for c, n in counts.items() if c):
        return groups
    return [g for g in groups if counts[getattr(g, "country", None)] >= 2 or getattr(g, "country", None) is None]


def _is_heading(norm: str, s: Any) -> bool:
    """A section heading inside the body («هجوم في العراق», «نزوح من الأحياء»): a
    line of its own, of a few words, with no full stop. The title (first line)
    is not one: it reports the main event."""
    if s.index == 0:
        return False
    words = s.text.split()
    return len(words) <= 4 and not s.text.rstrip().endswith((".", "!", "?")) and \
        norm[s.start - 1:s.start] in ("\n", "") and norm[s.end:s.end + 1] in ("\n", "")


_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "نفس", "وهذه", "وهذا", "وتلك"})


def _word_before(s: Any, offset: int) -> str:
    """The word just before a normalised offset inside its sentence ("" if none)."""
    words = s.text[:max(0, offset - s.start)].split()
    return words[-1] if words else ""


def _unnamed(actor: str | None) -> bool:
    return actor is None or actor.startswith("Unidentified Armed Group")


# «أيضا», «كذلك» next to a count: dead besides those already counted.
_ADDED_TOLL = re.compile(r"(?<!\w)(?:ايضا|كذلك)(?!\w)")


def _told_toll(old: int, new: int, s: Any, same_area: bool = True) -> int:
    """The toll of an event told again in sentence s: an update («ارتفعت حصيلة
    القتلى إلى 12») replaces the figure told before; otherwise the lowest figure
    (spec §1). Not an update placed in another province (`same_area` False):
    «ويأتي هذا التطور في وقت ارتفع عدد قتلى ... في محافظة تعز» updates the toll of
    another event than the one just told."""
    if new and same_area and toll_update(s.text):
        return new
    return _lowest_reported(old, new)


def _same_area(a: A.Candidate, b: A.Candidate) -> bool:
    """Are two mentions placed in the same province (or is either not placed there)?"""
    here, there = getattr(a.place, "admin1", None), getattr(b.place, "admin1", None)
    return not here or not there or here == there


def _lowest_reported(a: int, b: int) -> int:
    """Spec §1: when mentions disagree, the lowest figure; an unknown (0) is no figure."""
    if a and b:
        return min(a, b)
    return a or b


def _place_key(c: A.Candidate) -> str | None:
    p = c.place
    if p is None:
        return None
    key = getattr(p, "location", None) or getattr(p, "text", None)
    if c.place_rule.startswith(PAIR_RULE):
        # The two villages of «منطقتي X وY» may share the town they were placed at.
        return f"{key}|{getattr(p, 'location_ar', '')}"
    return key


# Words between an event word and a day of its sentence beyond which the day
# belongs to another clause («... هذه الهجمات ... جاءت ردا على مقتل أربعة في هجوم
# ... الأسبوع الماضي»): such a day does not tell two mentions apart.
_FIRM_DATE_WORDS = 12


def _firm_date(c: A.Candidate) -> bool:
    """Whether a mention has a day of its own, named next to its event word."""
    return c.own_date and c.date_words <= _FIRM_DATE_WORDS


def _more_precise_inside(a: A.Candidate, b: A.Candidate) -> bool:
    """Whether a's place is below province level and inside b's province-level place."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or a.place_rule.startswith("no place"):
        return False
    if (getattr(pb, "geo_precision", 3) or 3) < 3 or (getattr(pa, "geo_precision", 3) or 3) >= 3:
        return False
    admin = getattr(pb, "admin1", None)
    if admin is None:  # known only by its country («مناطق جبل قنديل بشمال العراق»)
        return getattr(pb, "country", None) is not None and getattr(pb, "country", None) == getattr(pa, "country", None)
    return admin == getattr(pa, "admin1", None)


def _same_event(a: A.Candidate, b: A.Candidate) -> bool:
    """Two mentions of one event: same sub-type and status, days that agree, and
    the same place, or no place of their own, or (when one has no day of its
    own, as later references to an event rarely repeat it, and one names only
    the province) the same province."""
    # Across sentences, a clash and a capture at one place and day stay two events
    # (merging them, as one sentence's fighting is merged by _fold_dominated, cost
    # a true event on dev and two on held-out: later sentences often tell the next
    # stage of the fighting, not the same one again).
    if a.status != b.status or a.sub_event_type != b.sub_event_type:
        return False
    if _firm_date(a) and _firm_date(b) and a.date != b.date:
        return False
    if _place_key(a) == _place_key(b) or _same_point(a, b):
        return True
    if a.place_rule.startswith("no place") or b.place_rule.startswith("no place"):
        return True
    admin_a = getattr(a.place, "admin1", None)
    vague = max(getattr(a.place, "geo_precision", 1) or 1, getattr(b.place, "geo_precision", 1) or 1) >= 3
    if bool(admin_a) and admin_a == getattr(b.place, "admin1", None) and not (_firm_date(a) and _firm_date(b)) \
            and vague:  # two precise places are two events (spec §1: one per place)
        return True
    if bool(admin_a) and admin_a == getattr(b.place, "admin1", None) and _within_district(a, b):
        return True
    return _same_victims(a, b)


# Places closer than this are one place named two ways («حي غويران» and «سجن
# الصناعة» in it, resolved to one point).
_SAME_POINT_KM = 0.5


def _same_point(a: A.Candidate, b: A.Candidate) -> bool:
    pa, pb = a.place, b.place
    coords = [getattr(p, k, None) for p in (pa, pb) for k in ("latitude", "longitude")]
    if None in coords or any(c.place_rule.startswith(("no place", PAIR_RULE)) for c in (a, b)):
        return False
    # Only places known to the point: an unknown place is put at the centre of
    # its town or district, where another unknown place may be put too.
    if (getattr(pa, "geo_precision", 3) or 3) > 1 or (getattr(pb, "geo_precision", 3) or 3) > 1:
        return False
    return km_between(*coords) < _SAME_POINT_KM


def _generic(c: A.Candidate) -> bool:
    """Whether a mention is told only with generic attack or killing words."""
    return bool(c.triggers) and all(t.payload.family in ("attack", "kill") for t in c.triggers)


def _within_district(a: A.Candidate, b: A.Candidate) -> bool:
    """«في محافظة مريوان» (a district) told with no day of its own, and «في مدينة
    مريوان» with one: the town is the district's, named more precisely."""
    pa, pb = (a.place, b.place)
    ga, gb = getattr(pa, "geo_precision", 3) or 3, getattr(pb, "geo_precision", 3) or 3
    if {ga, gb} != {1, 2}:
        return False
    district, town = (a, b) if ga == 2 else (b, a)
    if district.own_date:
        return False
    name = getattr(district.place, "admin2", None) or getattr(district.place, "location", None)
    return bool(name) and (getattr(town.place, "admin2", None) in (None, name)) and \
        bool(getattr(town.place, "location", None)) and getattr(town.place, "location", "") in name


def _same_victims(a: A.Candidate, b: A.Candidate) -> bool:
    """«بمقتل ثمانية مدنيين واصابة سبعة آخرين في قصف ... على مناطق جبل قنديل» and
    «شنت صباح امس غارة على ... قرية زاركلي ... ما أسفر عن مقتل ثمانية مدنيين
    واصابة سبعة آخرين»: the same dead and wounded, on the same day, in places
    that may be one (one inside the other's province, or one known only by its
    country) are one event told by two sources."""
    if not a.killed or (a.killed, a.injured) != (b.killed, b.injured):
        return False
    if a.sentence is b.sentence or a.place_rule.startswith(PAIR_RULE) or b.place_rule.startswith(PAIR_RULE):
        return False  # a total split over the places of one sentence gives equal shares
    if a.date is None or a.date != b.date:
        return False
    pa, pb = a.place, b.place
    if getattr(pa, "country", None) is None or getattr(pa, "country", None) != getattr(pb, "country", None):
        return False
    admin_a, admin_b = getattr(pa, "admin1", None), getattr(pb, "admin1", None)
    if admin_a and admin_b:
        return admin_a == admin_b
    return True  # one is known only by its country


def _confidence(c: A.Candidate) -> float:
    score = 0.35
    if any(t.payload.strong for t in c.triggers):
        score += 0.15
    if c.place is not None and not c.place_rule.startswith("no place"):
        score += 0.15
    if c.actor1:
        score += 0.1
    if c.actor2:
        score += 0.05
    if c.own_date:
        score += 0.1
    if len(c.evidence) > 1:
        score += 0.05
    return round(min(score, 0.95), 2)


def _unused(_: Counter[str]) -> None:  # pragma: no cover - keeps Counter import for typing
    return None
