"""From the mentions of one article to its events (spec §1).

Per sentence: keep the triggers no cue cancels, decide each one's
sub-event type, find who acted on whom, where and when, and how many were
killed or wounded; then split by place, fold anaphoric mentions («وقضى في
الهجوم ...») into the event they refer to, and merge mentions of the same
event across the article. Every choice is written into the event's
explanation so `rasd extract --explain` can show it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rasd.actors.dictionary import NON_ARMED_KINDS, ActorDictionary
from rasd.actors.recognize import ActorMention, topic_group
from rasd.events.facts import ArticleFacts, Sentence
from rasd.events.lexicon import Trigger
from rasd.model import SUB_EVENT_TO_TYPE
from rasd.text.tokens import PhraseMatch

CURRENT_DAYS = 7  # spec §1: current = within 7 days before publication
MAX_PLACES_PER_SENTENCE = 6
# Types whose specific trigger absorbs a generic «هجوم»/«قتل» in the same sentence.
_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# Sub-types that are side effects of fighting when fighting is in the same sentence.
_SIDE_EFFECTS = ("Disrupted weapons use", "Looting/property destruction",
                 "Non-violent transfer of territory")
_ASSOC_MARKERS = frozenset({"بدعم", "بمسانده", "بمشاركه", "باسناد", "مدعومه", "مدعوما"})
# Words that introduce the rest of a list of places: «بغداد ومدن أخرى، منها البصرة».
_LIST_WORDS = frozenset({"منها", "مثل", "بينها", "ابرزها", "خاصه", "وخاصه", "لاسيما", "سيما", "وكذلك"})
_DIRECTION_WORDS = frozenset({
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "شمالا", "جنوبا",
    "شرقا", "غربا", "ريف", "قرب", "بالقرب", "من", "في", "محافظه", "مدينه", "قضاء", "ناحيه", "منطقه",
    "اطراف", "محيط", "التابعه", "التابع", "ل", "عاصمه", "الشرقي", "الغربي", "الشمالي", "الجنوبي",
    "شمال شرق", "داخل", "جنوبي غرب", "شمالي شرق", "بمحافظه", "بمدينه", "بريف", "بحي", "حي",
})


@dataclass(slots=True)
class Candidate:
    """One event under construction."""

    sub_event_type: str
    family: str  # the trigger family still to resolve ("fixed" when resolved)
    sentence: Sentence
    triggers: list[PhraseMatch[Trigger]]
    background_cue: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)
    place: Any = None  # ResolvedPlace
    place_rule: str = ""
    date: date | None = None
    precision: int = 2
    own_date: bool = False
    date_rule: str = ""
    killed: int = 0
    injured: int = 0
    evidence: list[tuple[int, int]] = field(default_factory=list)  # original offsets
    why: dict[str, str] = field(default_factory=dict)
    status: str = "current"
    date_words: int = 0  # words between the trigger and its own date
    # Its own date is too vague for one recalled event: only a year («عام 2011»),
    # the start of a period still going on («منذ أربعة أشهر»), or a span that
    # runs up to publication («خلال الأشهر الماضية», «في الأسابيع الأخيرة»).
    date_vague: bool = False
    # Absorbed generic triggers that still point at a place of their own.
    co_anchors: list[PhraseMatch[Trigger]] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return SUB_EVENT_TO_TYPE[self.sub_event_type]

    @property
    def anchor(self) -> PhraseMatch[Trigger]:
        return self.triggers[0]


@dataclass(slots=True)
class Context:
    """Article-level facts assembly falls back on."""

    published: date | None
    dictionary: ActorDictionary
    country: str | None  # the article's main country
    topic: str | None  # the armed group the article is about
    actor_counts: Counter[str]
    dateline_place: Any = None
    # The day of the article's main event (the lead's «أمس»), which events with
    # no day of their own inherit (spec §1), with its precision.
    story_date: date | None = None
    story_precision: int = 2
    # Non-state groups a sentence of the article says claimed an attack
    # («أعلنت X مسؤوليتها», «تبنى X»): the first choice for an attack whose
    # own sentence names no attacker.
    claimants: list[str] = field(default_factory=list)
    # For a claimant whose claims name only bombings («مسؤوليتها عن التفجير»):
    # the event types its claims cover. Other attacks of the article whose
    # sentences name no attacker stay unattributed (ACLED codes a perpetrator
    # only where the report gives one).
    claimed_types: dict[str, frozenset[str]] = field(default_factory=dict)
    # Words that say those arrested are suspected militants («مشتبه به»).
    suspects: re.Pattern[str] | None = None


# ------------------------------------------------------------------ cues
def cancelling_cue(facts: ArticleFacts, s: Sentence, trig: PhraseMatch[Trigger]) -> tuple[str | None, str | None]:
    """(kind of the cue that cancels this trigger, kind of a background cue), each or None."""
    text = s.text.strip()
    if text.endswith("?") or text.startswith(("هل ", "وهل ", "فهل ", "متى ", "لماذا ", "كيف ")):
        return "question", None
    t_first = facts.word_index(trig.start)
    t_last = facts.word_index(trig.end - 1)
    has_date = any(getattr(d, "date", None) for d in s.dates)
    for kind, start, end in s.pattern_cues:
        if kind == "past_vague" and has_date:
            continue  # «وكان ... قد ... أمس»: dated, so not vague
        if start == s.start:
            return kind, None  # a cue at the head of the sentence («وكان ... قد») frames all of it
        if min(abs(facts.word_index(start) - t_last), abs(t_first - facts.word_index(end - 1))) <= 10 and \
                not _across_clauses(s, min(end, trig.start), max(start, trig.end)):
            return kind, None
    background = None
    for cue in s.cues:
        c = cue.payload
        if cue.start < trig.end and cue.end > trig.start:
            continue  # the cue is the trigger itself (e.g. «إطلاق»)
        if not c.governs(trig.payload):
            continue
        if c.scope == "sentence":
            hit = True
        elif c.scope == "before":
            hit = cue.end <= trig.start and t_first - facts.word_index(cue.end - 1) <= c.window
        elif c.scope == "near":
            hit = (cue.end <= trig.start and t_first - facts.word_index(cue.end - 1) <= c.window) or (
                cue.start >= trig.end and facts.word_index(cue.start) - t_last <= c.window)
        else:
            hit = cue.start >= trig.end and facts.word_index(cue.start) - t_last <= c.window
        if not hit or (c.scope != "sentence" and _across_clauses(
                s, min(cue.end, trig.end), max(cue.start, trig.start))):
            continue
        if c.kind in ("foiled", "plan") and trig.payload.sub_event_type == "Arrests":
            continue  # a foiled plot's arrest is the event (spec §1)
        if c.kind == "past_vague" and has_date:
            continue  # «في وقت سابق أمس»: dated, so not vague
        if c.effect == "background":
            background = c.kind
            continue
        return c.kind, None
    return None, background


def _across_clauses(s: Sentence, start: int, end: int) -> bool:
    """Whether a new clause opens between two normalised offsets of a sentence."""
    return any(start <= b < end for b in s.breaks)


# ------------------------------------------------------------ sub-types
def _resolve_family(trig: Trigger, s: Sentence) -> tuple[str, str]:
    """(sub_event_type, family left to resolve) from the trigger and its sentence."""
    if trig.family == "bombard":
        return ("Air/drone strike" if "air" in s.family_cues else "Shelling/artillery/missile attack"), "fixed"
    if trig.family == "explosion":
        return ("Suicide bomb" if "suicide" in s.family_cues else "Remote explosive/landmine/IED"), "fixed"
    if trig.family == "attack" and "air" in s.family_cues:
        return "Air/drone strike", "attack"  # still absorbed by a specific trigger
    if trig.family == "fixed" and trig.sub_event_type == "Remote explosive/landmine/IED" and "suicide" in s.family_cues:
        return "Suicide bomb", "fixed"
    return trig.sub_event_type, trig.family


_CROWD_SUB_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                              "Violent demonstration", "Mob violence"})


# A crowd event's type -> the types that are part of it when one sentence tells both.
_CROWD_DOMINANT = {
    "Protest with intervention": frozenset({"Peaceful protest"}),
    "Excessive force against protesters": frozenset({"Peaceful protest", "Protest with intervention"}),
    "Violent demonstration": frozenset({"Peaceful protest", "Protest with intervention",
                                        "Looting/property destruction"}),
    "Mob violence": frozenset({"Looting/property destruction"}),
}


def sentence_candidates(facts: ArticleFacts, s: Sentence, explain: dict[str, list[str]]) -> list[Candidate]:
    """The events one sentence reports, before actors, places and dates."""
    blocked = [(a.start, a.end) for a in s.actors] + [(p.start, p.end) for p in s.places]
    kept: list[tuple[PhraseMatch[Trigger], str, str, str | None]] = []
    preludes: list[tuple[PhraseMatch[Trigger], str, str, str | None]] = []
    for trig in s.triggers:
        t = trig.payload
        # A trigger inside a name is part of it. A protest or riot phrase that
        # starts before the crowd it names («خرج مئات المتظاهرين», «مواجهات مع
        # الشرطة») is not.
        crowd = t.sub_event_type in _CROWD_SUB_TYPES
        if any((a <= trig.start < b) if crowd else (a < trig.end and trig.start < b) for a, b in blocked) \
                and t.sub_event_type not in ("Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb"):
            continue  # «تحرير» inside «هيئة تحرير الشام», «الجيش» ...
        cancel, background = cancelling_cue(facts, s, trig)
        if cancel == "prelude":
            # «بعد معارك عنيفة»: part of the sentence's own event, if it tells one.
            preludes.append((trig, *_resolve_family(t, s), background))
            continue
        if cancel:
            explain.setdefault("cancelled", []).append(f"{trig.text} ({cancel})")
            continue
        if t.aim_with_lam and trig.clitics.lstrip("وف").startswith("ل"):
            # «لطرد المسلحين», «لاستعادة السيطرة على», «لقتال داعش»: ل of purpose on a
            # capture or fighting noun says what a side set out to do, not what it did.
            explain.setdefault("cancelled", []).append(f"{trig.text} (purpose)")
            continue
        sub, family = _resolve_family(t, s)
        kept.append((trig, sub, family, background))
    if preludes and kept:
        explain.setdefault("cancelled", []).extend(f"{p[0].text} (prelude)" for p in preludes)
    elif preludes:
        kept = preludes  # «تقدمت المقاومة بعد اشتباكات»: the fighting is the event
    if not kept:
        return []
    # «أبطلوا مفعول عبوة», «فجرت ... جسما مشبوها»: the device is the object of
    # the disruption (or a controlled detonation), not an attack.
    disrupted = [t for t, sub, _, _ in kept if sub == "Disrupted weapons use"]
    if disrupted:
        kept = [k for k in kept if not (
            k[1] in ("Remote explosive/landmine/IED", "Suicide bomb")
            and any(abs(facts.word_index(k[0].start) - facts.word_index(d.start)) <= 4 for d in disrupted))]
    subs = {sub for _, sub, _, _ in kept}
    if subs & _CROWD_DOMINANT.keys():
        # «فرقت الشرطة ... مظاهرة», «أحرق محتجون إطارات ... ورشقوا قوات الأمن»: one
        # crowd event of its most violent type; the protest it began as and the
        # tyres or cars burnt in it are part of it (ACLED codes the riot).
        outranked = set().union(*(_CROWD_DOMINANT[sub] for sub in subs & _CROWD_DOMINANT.keys()))
        kept = [k for k in kept if k[1] not in outranked]
    if any(getattr(c, "count", 0) >= MAX_EVENT_TOLL for c in s.casualties):
        # «مقتل وإصابة 3440 عراقيا»: a statistic; its killing words are no event.
        kept = [k for k in kept if k[2] not in ("kill", "attack")]
    has_toll = any(0 < getattr(c, "count", 0) < MAX_EVENT_TOLL for c in s.casualties)
    has_support = bool(s.actors or s.places or has_toll)
    # A weak trigger needs support; a bare killing word («الشهداء», «قتلى») needs a
    # toll in its sentence, or it is condolence, rhetoric or a count of the past.
    kept = [k for k in kept if k[0].payload.strong or (has_toll if k[2] == "kill" else has_support)]
    specific = {SUB_EVENT_TO_TYPE[sub] for _, sub, fam, _ in kept if fam in ("fixed", "territory")}
    violent_specific = any(t in specific for t in _VIOLENT_TYPES)
    fighting = any(t in ("Battles", "Explosions/Remote violence") for t in specific) or any(
        fam in ("attack", "territory") for _, _, fam, _ in kept)
    result: dict[tuple[str, str], Candidate] = {}
    absorbed: list[PhraseMatch[Trigger]] = []
    for trig, sub, family, background in kept:
        if family in ("attack", "kill") and violent_specific:
            if family == "attack":
                absorbed.append(trig)
            continue
        if family == "kill" and any(f == "attack" for _, _, f, _ in kept):
            continue
        if sub in _SIDE_EFFECTS and fighting and family == "fixed":
            continue
        if sub == "Armed clash" and any(f == "territory" for _, _, f, _ in kept) and len(s.places) <= 1:
            continue  # fighting that took ground is coded as the capture (ACLED)
        if not trig.payload.strong and sub == "Non-violent transfer of territory" and len(kept) > 1:
            continue
        key = (sub, family)
        cand = result.get(key)
        if cand is None:
            cand = Candidate(sub, family, s, [trig], background_cue=background)
            result[key] = cand
        else:
            cand.triggers.append(trig)
            cand.background_cue = cand.background_cue or background
    # «قتل ... في هجوم بمدينة العريش واشتباك بمدينة السويس»: a generic attack word
    # absorbed by the sentence's battle still anchors its own place.
    battle = next((c for c in result.values() if c.sub_event_type == "Armed clash" and c.family == "fixed"), None)
    if battle is not None:
        battle.co_anchors.extend(absorbed)
    return list(result.values())


# ---------------------------------------------------------------- actors
def _words_before(facts: ArticleFacts, s: Sentence, offset: int, n: int) -> int:
    """Normalised offset n words before `offset` (bounded by the sentence)."""
    i = facts.word_index(offset)
    j = max(0, i - n)
    return max(s.start, facts.token_starts[j]) if facts.token_starts else s.start


def actor_roles(facts: ArticleFacts, s: Sentence) -> list[tuple[ActorMention, str]]:
    """Each actor mention of the sentence with its role marker: agent, patient,
    assoc, together, source, coord (coordinated with the previous one) or ''."""
    out: list[tuple[ActorMention, str]] = []
    prev: ActorMention | None = None
    actors = s.actors
    for k, a in enumerate(actors):
        nxt = actors[k + 1] if k + 1 < len(actors) else None
        if nxt is not None and a.entry.by_country and not nxt.entry.by_country:
            gap = facts.norm[a.end:nxt.start].split()
            # «مهاجمين من خلايا داعش», «مسلحون من داعش»: the generic word is the named group.
            if len(gap) <= 3 and any(w in ("من", "التابعين", "التابعه", "يتبعون") for w in gap):
                continue
            # «معتقلي تنظيم الدولة الإسلامية»: detainees of a named armed group are that group.
            if not gap and a.entry.kind == "prisoners" and nxt.entry.kind in (
                    "rebel", "political_militia", "identity_militia"):
                continue
            # «قوى الأمن الداخلي ... (الأسايش)»: the name in brackets names the same side.
            if facts.norm[a.end:nxt.start].strip() == "(":
                continue
        lo = _words_before(facts, s, a.start, 3)
        role = ""
        for r in s.roles:
            if lo <= r.start and r.end <= a.start + 1 and r.end <= a.end:
                if r.payload == "agent":
                    role = "assoc" if r.text.split()[0] in _ASSOC_MARKERS else "agent"
                elif r.payload == "together" and "بين" not in r.text:
                    role = "with"  # «مع»: the other side of a fight, unlike «بين» both sides
                else:
                    role = r.payload
        if role == "":
            role = _role_from_trigger(facts, s, a)
        if prev is not None and role == "":
            gap = facts.norm[prev.end:a.start]
            if gap.strip() in ("", "و", '"', '" و') and facts.norm[a.start - 1] == "و":
                role = "coord"
        for c in s.casualties:
            vs, ve = getattr(c, "victim_start", None), getattr(c, "victim_end", None)
            if vs is not None and ve is not None and vs <= a.start < ve + 2:
                role = "victim"
        out.append((a, role))
        prev = a
    return out


def _role_from_trigger(facts: ArticleFacts, s: Sentence, a: ActorMention) -> str:
    """«غارات للتحالف», «كمين للمقاومة»: ل right after a trigger noun marks the
    agent; «تحريرها من الحوثيين»: من after a capture marks the side that lost."""
    norm = facts.norm
    for trig in s.triggers:
        if trig.end > a.start or a.start - trig.end > 12:
            continue
        gap = norm[trig.end:a.start]
        words = gap.split()
        if len(words) > 1:
            continue
        if norm[max(0, a.start - 2):a.start] == "لل" or gap.strip() in ("ل", 'ل"') or (
                norm[a.start - 1:a.start] == "ل" and not words):
            return "agent"
        if trig.payload.family == "territory":
            if gap.strip() in ("من", 'من "'):
                return "patient"  # «تحريرها من الحوثيين»: the side that lost
            if not words:
                # A verb is followed by its subject («سيطرت المقاومة على»), a verbal
                # noun by its object («طرد الحوثيين», «تطهير المدينة»).
                return "agent" if trig.payload.verb else "patient"
    return ""


def assign_actors(cand: Candidate, facts: ArticleFacts, ctx: Context, country: str | None) -> None:
    d = ctx.dictionary
    s = cand.sentence
    named: list[tuple[str, str, int]] = []  # (name, role, distance to trigger)
    anchor = cand.anchor
    starts: dict[str, list[int]] = {}
    # «أكدت القوات الموالية لهادي أنها بسطت سيطرتها»: the speaker of a reported
    # clause that opens with a pronoun right before the trigger is its subject. Forces
    # are feminine or plural («أنها», «أنهم»); «أنه» mostly points back to a person
    # («أشارت السلطات إلى أنه فجر نفسه»).
    speaker_acts = any(e == anchor.start - 1 and facts.norm[st:e].endswith(("ها", "هم"))
                       for st, e in s.complements)
    for mention, role in actor_roles(facts, s):
        name = d.resolve(mention.entry, country, ctx.topic)
        if not name:
            continue
        if any(t.start < mention.start and mention.end <= t.end for t in s.triggers):
            # «هجوم انتحاري», «عملية انتحارية»: the attacker the event's own name
            # tells of, never a side it hit.
            if d.info(name).kind in NON_ARMED_KINDS:
                continue
            role = "inner"
        if role == "source":
            if not (speaker_acts and mention.end < anchor.start
                    and not any(mention.end <= st < anchor.start - 1 - (e - st) for st, e in s.complements)
                    and d.info(name).kind not in NON_ARMED_KINDS):
                continue
            role = "agent"
        dist = facts.word_index(mention.start) - facts.word_index(anchor.start)
        if role == "coord" and named:
            role = "coord:" + named[-1][0]
        starts.setdefault(name, []).append(mention.start)
        if any(n == name for n, _, _ in named):
            continue
        named.append((name, role, dist))
    # «اشتباكات بين مواطنين ومسلحي داعش ... فيما جرح ثلاثة مسلحين»: gunmen counted
    # among the casualties of a sentence that names one armed group are its men.
    groups = [n for n, r, _ in named if not n.startswith("Unidentified Armed Group")
              and d.info(n).kind in ("rebel", "political_militia", "identity_militia")]
    if len(groups) == 1:
        named = [(groups[0], r, dist) if n.startswith("Unidentified Armed Group") and r == "victim"
                 else (n, r, dist) for n, r, dist in named]
        named = [x for k, x in enumerate(named) if x[0] != groups[0] or
                 all(y[0] != groups[0] for y in named[:k])]
    why: list[str] = []
    a1 = next((n for n, r, _ in named if r == "agent"), None)
    if a1:
        why.append(f"actor1 {a1!r}: agent marker")
    between = [n for n, r, _ in named if r in ("together", "with")]
    opposite = [n for n, r, dist in named if r == "with" and dist > 0]
    patients = [n for n, r, _ in named if r in ("patient", "victim")]
    free = sorted([(dist, n) for n, r, dist in named if r == ""], key=lambda x: x[0])
    free_before = [n for n, r, dist in named if r == "" and dist < 0]
    # Arabic news names the side that acted first, as the subject of the
    # sentence («وواصلت المقاومة ... تحريرها من الحوثيين»): the earliest actor
    # before the trigger, else the nearest after it («استهدف طيران التحالف»).
    free_after = [n for n, r, dist in named if r == "" and dist >= 0]
    # «دخل مقاتلو المقاومة القصر، بينما قصف طيران التحالف ...», «أعلن المقاتلون الأكراد
    # أن الدبابات التركية قصفت ...»: a side named before a new clause or a reported
    # clause that holds the trigger is not its subject when the trigger's own clause
    # names an armed side before it, or right after it as its subject.
    cut = max([b for b in s.breaks if b < anchor.start]
              + [st for st, e in s.complements if e <= anchor.start], default=None)
    if cut is not None and a1 is None:
        inner = [n for n in free_before if any(cut < p < anchor.start for p in starts[n])]
        own = inner + [n for n, r, dist in named if r == "" and 0 <= dist <= 2]
        if len(inner) < len(free_before) and any(d.info(n).kind not in NON_ARMED_KINDS for n in own):
            free_before = inner
    free = [(0, n) for n in free_before + free_after]
    # «تمكن الجيش والمقاومة من السيطرة على ... عقب اشتباكات مع الحوثيين»: the
    # subject that acts before the trigger is actor1; the side after «مع» is the
    # one it fought, actor2.
    subject = next((n for n in free_before if n not in opposite
                    and d.info(n).kind not in NON_ARMED_KINDS), None) if opposite else None
    a2 = None
    if a1 is None and subject:
        a1, a2 = subject, opposite[0]
        why.append(f"actor1 {a1!r}: subject of the sentence, before the trigger; actor2 {a2!r}: «مع»")
    elif a1 is None and between and (between[0] not in opposite or len(between) > 1 or patients):
        a1 = between[0]
        why.append(f"actor1 {a1!r}: «بين/مع»")
    elif a1 is None and between:
        # «سيطر رجال القبائل على المناطق وسط اشتباكات مع الحوثيين»: the only side
        # named is the one fought «مع» (and none fell), the other; the actor is left
        # to context.
        a2 = between[0]
        why.append(f"actor2 {a2!r}: «مع», the side fought")
    if a2 is None:
        a2 = next((p for p in patients if p != a1), None)
        foe = None
        if a1 and a2 and cand.family == "fixed" and cand.sub_event_type == "Armed clash" \
                and d.info(a2).kind == "civilians":
            # «قتل ثلاثة أشخاص في اشتباكات بين الشرطة وحزب العمال»: the people killed
            # in a clash are casualties of it; the other side fought is actor2.
            foe = next((n for n, r, _ in named if n not in (a1, a2)
                        and (r in ("", "together", "with") or r.startswith("coord:"))
                        and d.info(n).kind not in NON_ARMED_KINDS
                        and not (a1 and d.allied(a1, n))), None)
        if foe:
            a2 = foe
            why.append(f"actor2 {a2!r}: the armed side of the clash, not its casualties")
        elif a2:
            why.append(f"actor2 {a2!r}: patient marker or casualty victim")
    if a1 is None:
        armed = [n for _, n in free if d.info(n).kind not in NON_ARMED_KINDS and n != a2]
        if cand.sub_event_type in _ATTACKS_ON:
            # Bombs are set off against state forces, not by them: a state or
            # pro-government force the sentence names with no agent marker
            # («تفجير ... قوة الطوارئ», «عبوة ... دورية للجيش») is the target.
            targets = [n for n in armed if d.info(n).pro_government or d.info(n).kind == "state"]
            if targets and (a2 is None or d.info(a2).kind in NON_ARMED_KINDS):
                # Police hit beside bystanders: the force is the side attacked.
                a2 = targets[0]
                why.append(f"actor2 {a2!r}: state forces named near a bomb are its target")
                armed = [n for n in armed if n not in targets]
        inner = next((n for n, r, _ in named if r == "inner" and n != a2), None)
        if inner and not any(n in armed for n in free_before):
            # «قتل شرطي في هجوم انتحاري قرب قاعدة للقوات الأمريكية»: the bomber the
            # trigger names acted, not a force named after it; a subject before the
            # trigger still comes first.
            armed = [inner]
        if armed and cand.sub_event_type == "Air/drone strike" and a2 is None \
                and d.info(armed[0]).kind not in ("state", "external") \
                and not any(w in t.text for t in cand.triggers for w in ("مسير", "طيار", "درون")):
            # «ألقى الطيران المروحي برميلين على الشدادي التي يسيطر عليها تنظيم داعش»:
            # aircraft belong to states and coalitions; a militia named with no marker
            # beside an air strike is the side it hit, the striker comes from context.
            a2 = armed[0]
            why.append(f"actor2 {a2!r}: a non-state group beside an air strike is its target")
        elif armed:
            a1 = armed[0]
            why.append(f"actor1 {a1!r}: armed actor nearest the trigger")
    if a2 is None:
        rest = [n for _, n in free if n != a1] + [n for n in between if n != a1]
        if rest:
            a2 = rest[0]
            why.append(f"actor2 {a2!r}: other actor in the sentence")
    if a1 is None and a2 is None:
        left = [n for _, n in free]
        if left:
            a1 = left[0]
    for n, r, _ in named:
        if r == "assoc" and n not in (a1, a2):
            cand.assoc1.append(n)
        elif r.startswith("coord:"):
            head = r[6:]
            if head == a1 and n != a2:
                cand.assoc1.append(n)
            elif head == a2 and n != a1:
                cand.assoc2.append(n)
    cand.actor1, cand.actor2 = a1, a2
    # «الزوارق الإسرائيلية فتحت النار على ...», «قوات الأمن هاجمت ...»: a side named
    # before an attack verb as its subject is the attacker, even a state force.
    subject_first = any(n == a1 and r in ("", "agent") and dist < 0 for n, r, dist in named) \
        and not any(t.payload.family == "attack" and not t.payload.verb for t in cand.triggers)
    _senior_partners(cand, ctx, why)
    _unnamed_attacker(cand, ctx, country, why, subject_first)
    _resolve_actor_dependent_type(cand, ctx, country, why)
    _fill_sides_from_context(cand, ctx, country, why)
    _claimed_attacker(cand, ctx, why)
    if cand.sub_event_type == "Air/drone strike" and (cand.actor1 or "").startswith("Police Forces of "):
        # «الغارات التركية»: police fly no jets; a state's air strike is its military's.
        cand.actor1 = "Military Forces of " + cand.actor1[len("Police Forces of "):]
        why.append(f"actor1 {cand.actor1!r}: a state's air strikes are its military's")
    if why:
        cand.why["actors"] = "; ".join(why)


def _claimed_attacker(cand: Candidate, ctx: Context, why: list[str]) -> None:
    """An unnamed attacker («الانتحاري», «مسلحون») of an attack the article says a
    group claimed («أعلن تنظيم داعش مسؤوليته عن عملية التفجير») is that group."""
    if not (cand.actor1 or "").startswith("Unidentified Armed Group") or not ctx.claimants:
        return
    if cand.event_type not in _VIOLENT_TYPES:
        return
    claimant = next((n for n in ctx.claimants if n != cand.actor2 and n not in cand.assoc2
                     and cand.event_type in ctx.claimed_types.get(n, _VIOLENT_TYPES)), None)
    if claimant:
        why.append(f"actor1 {claimant!r}: the group that claimed an attack in the article")
        cand.actor1 = claimant


def _senior_partners(cand: Candidate, ctx: Context, why: list[str]) -> None:
    """A junior partner («قوات صالح») stands for its senior («الحوثيين») when the
    article names the senior; the junior becomes the associated actor."""
    d = ctx.dictionary
    for side in (1, 2):
        name = cand.actor1 if side == 1 else cand.actor2
        senior = d.info(name).junior_of if name else None
        if not senior or ctx.actor_counts.get(senior, 0) == 0 or senior in (cand.actor1, cand.actor2):
            continue
        assoc = cand.assoc1 if side == 1 else cand.assoc2
        assoc.append(name)
        if side == 1:
            cand.actor1 = senior
        else:
            cand.actor2 = senior
        why.append(f"{senior!r} for its junior partner {name!r}")
    for side, main, assoc in ((1, cand.actor1, cand.assoc1), (2, cand.actor2, cand.assoc2)):
        other = cand.actor2 if side == 1 else cand.actor1
        for n in list(assoc):
            if n == other:
                assoc.remove(n)


# Sub-types where state forces named without an agent marker are the target:
# «انفجار ... أصاب ضابطي شرطة», «هجوم على مركز للشرطة».
_ATTACKS_ON = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _unnamed_attacker(cand: Candidate, ctx: Context, country: str | None, why: list[str],
                      subject_first: bool = False) -> None:
    """Bombs and attacks whose only named sides are government forces or civilians were
    carried out by someone else: an unnamed armed group unless the article names one.
    Two allied forces are never each other's opponent either."""
    d = ctx.dictionary
    a1, a2 = cand.actor1, cand.actor2
    if a1 is None:
        return
    info1 = d.info(a1)
    target_only = info1.pro_government or info1.kind in NON_ARMED_KINDS
    if cand.sub_event_type in _ATTACKS_ON or (cand.family in ("attack", "kill") and not subject_first):
        if target_only and (a2 is None or d.info(a2).pro_government or d.info(a2).kind in NON_ARMED_KINDS):
            victim = a1 if info1.kind == "state" or a2 is None else a2
            cand.actor2 = victim
            cand.actor1 = f"Unidentified Armed Group ({country})" if country else None
            why.append(f"actor1: unnamed attacker of {victim!r}")
            return
    if cand.event_type in ("Battles", "Explosions/Remote violence") and a2 is not None:
        if d.allied(a1, a2):
            cand.actor2 = None  # allies: the opponent comes from context
            why.append(f"{a2!r} is on {a1!r}'s side, not its opponent")


def _people_killed(cand: Candidate) -> bool:
    """Whether the candidate's sentence reports someone killed."""
    return any(getattr(c, "kind", "") == "killed" and getattr(c, "count", 0) for c in cand.sentence.casualties)


def _resolve_actor_dependent_type(cand: Candidate, ctx: Context, country: str | None, why: list[str]) -> None:
    d = ctx.dictionary
    if cand.family == "territory":
        pro = cand.actor1 is None or d.info(cand.actor1).pro_government
        cand.sub_event_type = "Government regains territory" if pro else "Non-state actor overtakes territory"
        why.append(f"type {cand.sub_event_type!r}: capturing side is "
                   + ("state or pro-government" if pro else "non-state"))
    elif cand.sub_event_type == "Looting/property destruction" and _people_killed(cand):
        cand.sub_event_type = "Attack"  # «حرق ... رضيعا حتى الموت»: burning people is an attack
        why.append("type 'Attack': people were killed, not only property destroyed")
    elif cand.sub_event_type == "Abduction/forced disappearance" and cand.actor1 and \
            d.info(cand.actor1).kind == "state":
        cand.sub_event_type = "Arrests"  # state forces "taking away" someone arrest them
        why.append("type 'Arrests': abduction by state forces")
    elif cand.family in ("attack", "kill") and cand.sub_event_type != "Air/drone strike":
        victims = [n for n in (cand.actor2, cand.actor1) if n and d.info(n).kind in ("civilians", "prisoners")]
        if victims:
            if cand.actor1 in victims:
                cand.actor1, cand.actor2 = cand.actor2, cand.actor1
            cand.sub_event_type = "Attack"
            why.append("type 'Attack': the side attacked is civilian")
        else:
            cand.sub_event_type = "Armed clash"
    cand.family = "fixed"


def _fill_sides_from_context(cand: Candidate, ctx: Context, country: str | None, why: list[str]) -> None:
    """Give two-sided events their missing side from the article's main actors."""
    d = ctx.dictionary
    etype, sub = cand.event_type, cand.sub_event_type
    if etype == "Protests":
        if cand.actor1 is None or d.info(cand.actor1).kind != "protesters":
            other = cand.actor1 if cand.actor1 and d.info(cand.actor1).kind == "state" else cand.actor2
            cand.actor1 = f"Protesters ({country})" if country else None
            cand.actor2 = other if sub != "Peaceful protest" else None
        elif sub == "Peaceful protest":
            cand.actor2 = None
        return
    if etype == "Riots":
        rioters = [n for n in (cand.actor1, cand.actor2) if n and d.info(n).kind in ("rioters", "protesters", "prisoners")]
        police = [n for n in (cand.actor1, cand.actor2) if n and d.info(n).kind == "state"]
        cand.actor1 = rioters[0] if rioters else (f"Rioters ({country})" if country else None)
        cand.actor2 = police[0] if police else None
        return
    if sub in ("Arrests", "Disrupted weapons use"):
        if cand.actor1 is None or d.info(cand.actor1).kind in NON_ARMED_KINDS:
            if cand.actor1 is not None and cand.actor2 is None:
                cand.actor2 = cand.actor1
            cand.actor1 = f"Police Forces of {country}" if country else None
            why.append("actor1: arrests and seizures are made by the country's police unless named")
        if sub == "Arrests" and country and ctx.suspects is not None and (
                cand.actor2 is None or d.info(cand.actor2).kind == "civilians") and \
                ctx.suspects.search(cand.sentence.text):
            cand.actor2 = f"Unidentified Armed Group ({country})"
            why.append("actor2: those arrested are suspects of an attack, an unnamed armed group")
        return
    if etype == "Strategic developments":
        return
    # Sides from the article's context must belong where the event happened: a
    # group of another country (settlers in a Libya item) is another story.
    # A group known only for claiming bombings is not inferred as the side of
    # the article's other events (see Context.claimed_types).
    armed = [n for n, _ in ctx.actor_counts.most_common() if d.info(n).kind not in NON_ARMED_KINDS
             and (country is None or d.info(n).country in (None, country) or d.info(n).kind == "external")
             and etype in ctx.claimed_types.get(n, (etype,))]
    if cand.actor1 is None:
        a2_info = d.info(cand.actor2) if cand.actor2 else None
        pool = armed
        if (sub in _ATTACKS_ON or sub == "Attack") and (a2_info is None or a2_info.pro_government or a2_info.kind == "state"
                                   or a2_info.kind in NON_ARMED_KINDS):
            # A bomb's (or an attack on civilians') unnamed author is the group the
            # article says claimed an attack, else a group the article keeps naming;
            # never the state forces the article names as its victims, its
            # investigators or the police who came to the scene.
            pool = ctx.claimants + [n for n in armed if ctx.actor_counts[n] >= 2
                                    and not (d.info(n).pro_government or d.info(n).kind == "state")]
        elif sub == "Government regains territory":
            # «استعادت هذه القوات القصر»: ground retaken with no side named was
            # retaken by the government's side the article names, not its enemy.
            pool = [n for n in armed if d.info(n).pro_government or d.info(n).kind == "state"] + \
                   [n for n in armed if not (d.info(n).pro_government or d.info(n).kind == "state")]
        elif sub == "Air/drone strike":
            # Aircraft belong to states and foreign coalitions: an air strike with
            # no striker named is theirs before it is a ground militia's.
            pool = [n for n in armed if d.info(n).kind in ("state", "external")] + \
                   [n for n in armed if d.info(n).kind not in ("state", "external")]
        pick = next((n for n in pool if n != cand.actor2 and n not in cand.assoc2 and not (
            cand.actor2 and d.allied(n, cand.actor2))), None)
        if pick:
            cand.actor1 = pick
            why.append(f"actor1 {pick!r}: the article's main armed actor opposed to actor2")
        elif country:
            cand.actor1 = f"Unidentified Armed Group ({country})"
            why.append("actor1: unnamed attacker")
    if cand.actor2 is None:
        if etype == "Violence against civilians" and country:
            cand.actor2 = f"Civilians ({country})"
            why.append("actor2: civilians (violence against civilians)")
            return
        for n in armed:
            if n == cand.actor1 or n in cand.assoc1:
                continue
            # The other side: not an ally (two state/pro-government forces are allies).
            if cand.actor1 and d.allied(cand.actor1, n):
                continue
            cand.actor2 = n
            why.append(f"actor2 {n!r}: the article's main opposing actor")
            break


def share_air_strikers(cands: list[Candidate], ctx: Context) -> None:
    """«شنت طائرات التحالف غارات على عمران ... وقال سكان إن غارات استهدفت مقرا»:
    an air strike whose own sentence names no striker is flown by the air force the
    article names striking elsewhere, before the article's most named armed side."""
    d = ctx.dictionary
    named = [c.actor1 for c in cands if c.sub_event_type == "Air/drone strike" and c.actor1
             and f"actor1 {c.actor1!r}: the article's" not in c.why.get("actors", "")
             and d.info(c.actor1).kind in ("state", "external")]
    if not named:
        return
    striker = Counter(named).most_common(1)[0][0]
    for c in cands:
        if c.sub_event_type != "Air/drone strike" or c.actor1 == striker or c.actor2 == striker:
            continue
        if f"actor1 {c.actor1!r}: the article's" not in c.why.get("actors", ""):
            continue
        c.actor1 = striker
        c.why["actors"] += f"; actor1 {striker!r}: the air force the article names striking"


# ---------------------------------------------------------------- places
def event_places(facts: ArticleFacts, s: Sentence, groups: list[Any], anchor: int) -> list[Any]:
    """The places of one event: the place nearest its trigger (after it first,
    as in «اشتباكات في X»), with the places listed with it by «و»."""
    if len(groups) <= 1:
        return groups
    def distance(p: Any) -> int:
        d = facts.word_index(p.start) - facts.word_index(anchor)
        d = d if d >= 0 else -d + 3
        # spec §1: the most precise place named; a province or country is a fallback.
        return d + (6 if (getattr(p, "geo_precision", 1) or 1) >= 3 else 0)
    nearest = min(range(len(groups)), key=lambda i: distance(groups[i]))
    near = groups[nearest]
    if getattr(near, "geo_precision", 1) >= 3:
        # «في شنكال غربي نينوى ... بالقرب من وادي شيلو» (unknown, so only Ninewa):
        # spec §1 wants the most precise place named, and Sinjar lies in Ninewa.
        inside = [i for i, g in enumerate(groups) if i != nearest
                  and getattr(g, "admin1", None) and getattr(g, "admin1", None) == getattr(near, "admin1", None)
                  and getattr(g, "geo_precision", 3) < getattr(near, "geo_precision", 3)]
        if inside:
            nearest = min(inside, key=lambda i: (getattr(groups[i], "geo_precision", 3), distance(groups[i])))
            return [groups[nearest]]
    chosen = [groups[nearest]]
    for step in (-1, 1):
        i = nearest
        while 0 <= i + step < len(groups):
            a, b = (groups[i], groups[i + step]) if step == 1 else (groups[i + step], groups[i])
            gap = facts.norm[a.end:b.start]
            words = gap.replace(",", " ").split()
            listed = (len(words) <= 3 and (facts.norm[b.start - 1:b.start] == "و" or "و" in words or
                                          gap.strip() in (",", ""))) or (
                len(words) <= 5 and any(w in _LIST_WORDS for w in words))
            if not listed:
                break
            chosen.append(groups[i + step])
            i += step
    chosen.sort(key=lambda p: p.start)
    return chosen


def place_groups(facts: ArticleFacts, s: Sentence) -> list[Any]:
    """The distinct places of a sentence: a chain «حي الزهور جنوبي الحسكة» is one
    place (its first, most precise link); places joined by «و» are several."""
    groups: list[Any] = []
    prev = None
    places = sorted(s.places, key=lambda p: (p.start, -p.end))
    # A place inside another's span («ادي» inside «وادي شيلو») is part of it.
    places = [p for i, p in enumerate(places)
              if not any(q is not p and q.start <= p.start and p.end <= q.end and (q.end - q.start) > (p.end - p.start)
                         for q in places)]
    for p in places:
        if getattr(p, "latitude", None) is None and getattr(p, "admin1", None) is None:
            continue
        if prev is not None:
            gap = facts.norm[prev.end:p.start]
            words = [w for w in gap.replace(",", " ").replace("(", " ").replace(")", " ").split() if w]
            conj = facts.norm[p.start - 1:p.start] == "و" or any(w == "و" for w in words)
            # «حي الزهور جنوبي الحسكة», «بريف دير الزور»: only place words between.
            if not conj and len(words) <= 4 and all(w in _DIRECTION_WORDS for w in words):
                # same chain: keep the more precise
                if getattr(p, "geo_precision", 3) < getattr(groups[-1], "geo_precision", 3):
                    groups[-1] = p
                prev = p
                continue
        groups.append(p)
        prev = p
    # One place per location name (the same town named twice is one place).
    seen: set[str] = set()
    unique = []
    for p in groups:
        key = getattr(p, "location", None) or p.text
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique[:MAX_PLACES_PER_SENTENCE]


# ----------------------------------------------------------------- dates
def choose_date(cand: Candidate, facts: ArticleFacts, ctx: Context) -> None:
    s = cand.sentence
    dated = [d for d in s.dates if getattr(d, "date", None) is not None]
    # A date that modifies a verb of saying («وقال المرصد أمس إن ...») dates
    # the statement: the events reported in its clause happened that day or
    # before, so it is only a bound on their day.
    own = [d for d in dated if not getattr(d, "report", False)]
    bounds = [d for d in dated if getattr(d, "report", False)]
    # «دعت السلطات السبت مواطنيها إلى ... بعد هجوم استهدف حافلة»: an event named
    # after «بعد/عقب/إثر» came before the day of the clause it follows, which only
    # bounds its day.
    a_start = cand.anchor.start
    pre = next((c for c in s.cues if c.payload.kind == "prelude" and c.end <= a_start
                and facts.word_index(a_start) - facts.word_index(c.end - 1) <= 2), None)
    if pre is not None:
        bounds += [d for d in own if d.end <= pre.start]
        own = [d for d in own if d.end > pre.start]
    statement = min(bounds, key=lambda d: d.date, default=None)
    said = statement.date if statement is not None else None
    if own:
        anchor = cand.anchor.start
        # The most precise date of the sentence («في 26 يونيو» over «في شهر رمضان»),
        # then the nearest to the trigger, preferring one before it.
        # A date right next to the trigger («قتل فيه جندي في اشتباكات ... في الشهر
        # الماضي») is the event's own even when a more precise day dates another
        # clause of the sentence («زار ... أمس موقعا قرب الموقع الذي ...»).
        a_word = facts.word_index(anchor)
        gaps = {id(d): abs(facts.word_index(d.start) - a_word) for d in own}
        near = [d for d in own if gaps[id(d)] <= _OWN_DATE_REACH]
        others_far = all(gaps[id(d)] > 2 * _OWN_DATE_REACH for d in own if d not in near)
        pool = near if near and others_far else own
        best = min(pool, key=lambda d: (d.precision, abs(d.start - anchor) + (0 if d.start < anchor else 5)))
        cand.date, cand.precision, cand.own_date = best.date, best.precision, True
        cand.date_vague = getattr(best, "year_only", False) or getattr(best, "since", False) \
            or getattr(best, "rule", "") == "recent"
        cand.date_rule = f"«{best.text}» in the sentence"
        # A day fronted at the head of the sentence («وفي الخامس والعشرين من الشهر
        # الفائت، قال ... إن ... اعتقلت») frames all of it.
        fronted = facts.word_index(best.start) - facts.word_index(s.start) <= 3
        cand.date_words = 0 if fronted else abs(facts.word_index(best.start) - facts.word_index(anchor))
    elif ctx.story_date is not None and (said is None or ctx.story_date <= said):
        cand.date, cand.precision = ctx.story_date, ctx.story_precision
        cand.date_rule = "no date of its own: the day of the article's main event (spec §1)"
    elif statement is not None:
        cand.date, cand.precision = statement.date, max(2, statement.precision)
        cand.date_rule = f"no date of its own: «{statement.text}», the day of the statement that reports it"
        # A statement older than the news window reports an older event.
        cand.own_date = ctx.published is not None and statement.date < ctx.published - timedelta(days=CURRENT_DAYS)
        cand.date_vague = getattr(statement, "year_only", False)
    elif ctx.published is not None:
        cand.date, cand.precision = ctx.published, 2
        cand.date_rule = "no date of its own: publication day, precision 2"
    else:
        cand.date, cand.precision = None, 3
        cand.date_rule = "no date in the sentence and no publication date"


# Words from a trigger within which a date is its own, whatever dates farther clauses.
_OWN_DATE_REACH = 6

# Words between a recalled event and its day beyond which the day belongs to
# another clause of the sentence.
_BACKGROUND_DATE_REACH = 15


def recalled_clearly(cand: Candidate) -> bool:
    """Whether a background event is told as one event of its own: its day is
    named next to it (not in another clause of a long sentence, as a birth year
    or «قبل عامين» about someone is), and it is dated at least to its month
    (spec §1: the coarsest time_precision is the month; «حين اندلعت الاحتجاجات
    عام 2011», «معارك العام الماضي» recall a period, not one event to code), by
    its own day rather than the start of a period still going on («تشهد المدينة
    اشتباكات منذ أربعة أشهر» tells the conflict in general) or the weeks or
    months up to publication («قتل عدد من قادة التنظيم في الأشهر الأخيرة»)."""
    return cand.date_words <= _BACKGROUND_DATE_REACH and not cand.date_vague


def decide_status(cand: Candidate, ctx: Context) -> None:
    if cand.background_cue:
        cand.status = "background"
        cand.why["status"] = f"background: {cand.background_cue} context"
        return
    if cand.date is not None and ctx.published is not None and cand.own_date:
        if cand.date < ctx.published - timedelta(days=CURRENT_DAYS):
            cand.status = "background"
            cand.why["status"] = f"background: {cand.date} is more than {CURRENT_DAYS} days before publication"
            return
    cand.status = "current"


# ------------------------------------------------------------ casualties
# A count this large in one sentence is a statistic over many events, not one
# event's toll (the deadliest single attacks in the region's news are in the hundreds).
MAX_EVENT_TOLL = 1000


def casualty_totals(items: list[Any]) -> tuple[int, int]:
    def total(kind: str) -> int:
        n = sum(getattr(c, "count", 0) for c in items if getattr(c, "kind", "") == kind)
        return n if n < MAX_EVENT_TOLL else 0
    killed, injured = total("killed"), total("injured")
    return killed, injured


def split_count(total: int, parts: int) -> list[int]:
    """Spec §1: a total over several events is divided evenly, the remainder to the first."""
    if parts <= 1:
        return [total]
    base, rest = divmod(total, parts)
    return [base + rest] + [base] * (parts - 1)


def article_context(facts: ArticleFacts, dictionary: ActorDictionary, published: date | None,
                    countries_in_text: Callable[[], Counter[str]], dateline_place: Any,
                    ongoing: re.Pattern[str] | None = None) -> Context:
    place_countries: Counter[str] = Counter()
    mentions: list[ActorMention] = []
    for s in facts.sentences:
        mentions.extend(s.actors)
        if s.is_dateline:
            continue
        for p in s.places:
            if getattr(p, "country", None):
                place_countries[p.country] += 1
    country = None
    if place_countries:
        country = place_countries.most_common(1)[0][0]
    else:
        named = countries_in_text()
        if named:
            country = named.most_common(1)[0][0]
    topic = topic_group(dictionary, mentions)
    story_date, story_precision = _story_date(facts, published, ongoing)
    counts: Counter[str] = Counter()
    for m in mentions:
        name = dictionary.resolve(m.entry, country, topic)
        if name:
            counts[name] += 1
    claimants, claimed_types = _claimants(facts, dictionary, country, topic)
    return Context(published, dictionary, country, topic, counts, dateline_place, story_date, story_precision,
                   claimants, claimed_types)


# Words that say a side claimed an attack («أعلنت ... مسؤوليتها», «تبنى»), normalised,
# at the start of a word.
_CLAIM = re.compile(r"(?<!\w)(?:مسووليه|مسووليت|تبنت|تبني|وتبنت|وتبني)")
# Words that deny or disclaim («لم تعلن أي جهة مسؤوليتها», «نفت»), normalised.
_NO_CLAIM = re.compile(r"(?<!\w)(?:لم|ولم|نفت|نفي|ونفت|ونفي|تنفي|ينفي)(?!\w)")


# What a claim names: a bombing («عن التفجير», «العبوة», «السيارة المفخخة»)
# or any attack («عن الهجوم», «العملية»), normalised, at the start of a word.
_CLAIMED_BOMBING = re.compile(r"(?<!\w)(?:[وبل]?ال)?(?:تفجير|انفجار|عبوه|مفخخ|انتحاري|ناسف)")
_CLAIMED_ANY = re.compile(r"(?<!\w)(?:[وبل]?ال)?(?:هجوم|هجمات|عمليه|اعتداء|اغتيال|استهداف|قصف|اطلاق)")
# A claim told as the group's record («وسبق للجماعة أن أعلنت مسؤوليتها عن
# هجمات»): about earlier attacks, not the ones the article reports.
_PAST_CLAIM = re.compile(r"(?<!\w)(?:سبق|وسبق|سابقا|سابقه)(?!\w)")
_BOMBINGS = frozenset({"Explosions/Remote violence"})


def _claimants(facts: ArticleFacts, dictionary: ActorDictionary, country: str | None,
               topic: str | None) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Non-state armed groups named in a sentence that says an attack was claimed,
    and, for those whose claims name only bombings, that they cover explosions only."""
    out: list[str] = []
    types: dict[str, frozenset[str]] = {}
    if not _CLAIM.search(facts.norm):
        return out, types
    for s in facts.sentences:
        if not s.actors:
            continue
        if not _CLAIM.search(s.text) or _NO_CLAIM.search(s.text) or _PAST_CLAIM.search(s.text):
            continue
        bombing_only = bool(_CLAIMED_BOMBING.search(s.text)) and not _CLAIMED_ANY.search(s.text)
        for m in s.actors:
            name = dictionary.resolve(m.entry, country, topic)
            if not name:
                continue
            info = dictionary.info(name)
            if info.kind in NON_ARMED_KINDS or info.kind == "state" or info.pro_government:
                continue
            if name not in out:
                out.append(name)
                if bombing_only:
                    types[name] = _BOMBINGS
            elif not bombing_only:
                types.pop(name, None)  # another claim names any attack
    return out, types


# The title and lead tell the main event: how many reporting sentences to read.
_LEAD_SENTENCES = 3


def _story_date(facts: ArticleFacts, published: date | None,
                ongoing: re.Pattern[str] | None = None) -> tuple[date | None, int]:
    """The day of the article's main event: the first day named in the title or
    lead next to an event word («... أمس الأحد في هجوم ...»), when it lies in the
    week before publication (an older day there is a recalled event, not the
    story's). The day of a statement («أعلن الحلف اليوم أن ...») and a day in a
    sentence of background («يشار إلى أن ...») are not the event's; when the
    lead has only a statement's day, that day bounds the story (precision 2).
    None when the lead names no such day."""
    if published is None:
        return None, 2

    def recent(d: Any) -> bool:
        day = getattr(d, "date", None)
        return day is not None and timedelta(0) <= published - day <= timedelta(days=CURRENT_DAYS)

    def the_event_s(d: Any) -> bool:
        return not getattr(d, "report", False) and not getattr(d, "recap", False)

    seen = 0
    said: date | None = None
    for s in facts.sentences:
        if s.is_dateline or not s.triggers:
            continue
        if ongoing is not None and not any(getattr(d, "date", None) for d in s.dates) and ongoing.search(s.text):
            return published, 1  # «ما تزال الاشتباكات مستمرة»: the story is today's
        for d in sorted(s.dates, key=lambda d: d.start):
            if d.precision == 1 and recent(d):
                if the_event_s(d):
                    return d.date, 1
                if said is None and getattr(d, "report", False):
                    said = d.date
        seen += 1
        if seen >= _LEAD_SENTENCES:
            break
    # A lead with no day: the day the article's reporting sentences name most
    # often (a daily's «أمس» repeated through a round-up), when one does.
    # A statement's day counts here: a round-up's «وقال المرصد أمس إن» reports that day's news.
    days = Counter(d.date for s in facts.sentences if s.triggers and not s.is_dateline for d in s.dates
                   if d.precision == 1 and recent(d) and not getattr(d, "recap", False))
    if days:
        (day, n), = days.most_common(1)
        if n >= 2:
            return day, 1
    if said is not None:
        return said, 2
    return None, 2
