"""The event lexicon: trigger words per ACLED sub-event type, cancelling cues, role markers.

Loaded once from src/rasd/data/event_lexicon.yaml (format in its header)
into clitic-aware PhraseMatchers, so finding every trigger and cue in an
article is one pass per matcher whatever the size of the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from rasd.datafiles import data_path, read_yaml
from rasd.errors import RasdError
from rasd.model import SUB_EVENT_TO_TYPE
from rasd.text.normalize import normalize_word
from rasd.text.tokens import PhraseMatcher

FAMILIES = frozenset({"fixed", "territory", "attack", "kill", "bombard", "explosion"})
CUE_SCOPES = frozenset({"before", "after", "near", "sentence"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon entry: this form reports an event of this kind."""

    form: str
    sub_event_type: str
    family: str
    strong: bool
    # «لقتال داعش», «لطرد المسلحين»: with ل of purpose in front, this form
    # names what a side set out to do, not what happened.
    aim_with_lam: bool = False
    # A verb in the past («سيطرت», «سيطروا», «سيطر»), not a verbal noun («السيطرة»,
    # «تحرير»): the actor right after it is its subject.
    verb: bool = False

    @property
    def event_type(self) -> str:
        return SUB_EVENT_TO_TYPE[self.sub_event_type]


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that cancels (or makes background) the triggers in its scope."""

    form: str
    kind: str
    scope: str
    window: int
    effect: str  # "cancel" | "background"
    # The triggers the cue governs, by family or sub-event type («باب» after
    # «تفجير» says what was blown up; after «هاجم» it does not): empty = all.
    only: frozenset[str] = frozenset()

    def governs(self, trig: Trigger) -> bool:
        return not self.only or trig.family in self.only or trig.sub_event_type in self.only \
            or normalize_word(trig.form) in self.only


@dataclass(frozen=True, slots=True)
class Marker:
    """A word that is not a trigger but matters around one: a cancelling cue,
    a family cue («طيران» → air) or a role marker («من قبل» → agent). One
    form may be several (a tuple of Markers is stored per form), so all are
    found in one pass."""

    form: str
    cue: Cue | None = None
    family: str | None = None  # "air" | "suicide"
    role: str | None = None  # "agent" | "patient" | "source" | "together"


@dataclass(slots=True)
class Lexicon:
    triggers: PhraseMatcher[Trigger]
    markers: PhraseMatcher[tuple[Marker, ...]]
    size: int = 0
    # Cues that are patterns over normalised text (numbers in them): (kind, regex).
    cue_patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    # Words that refer back to an event already told (one regex, whole words).
    references: re.Pattern[str] | None = None
    # Words that say an event is still going on («ما تزال الاشتباكات»): its day is today.
    ongoing: re.Pattern[str] | None = None
    # Words that say the article is a column or an analysis («الكاتب», «مقاله»).
    column: re.Pattern[str] | None = None
    # Dual nouns of place («منطقتي», «قريتي») and first words of two-word place
    # names («تل», «عين»), normalised: see rasd.events.pairs.
    dual_heads: frozenset[str] = frozenset()
    # Words that say those arrested are suspected militants («مشتبه به»).
    suspects: re.Pattern[str] | None = None
    # Words that claim (or disclaim) an attack («أعلنت ... مسؤوليتها عن», «تبنت»).
    claims: re.Pattern[str] | None = None
    # Words that open a new clause inside a sentence («فيما», «بينما», «لكن»).
    clause_openers: re.Pattern[str] | None = None
    # «أن/إن/أنه/أنها ...»: the words that open a reported («that ...») clause.
    complementizers: re.Pattern[str] | None = None
    name_prefixes: frozenset[str] = frozenset()
    # Words that name a newspaper before its name («بصحيفة»), normalised.
    press_words: frozenset[str] = frozenset()


def _default_path() -> Path:
    return data_path("event_lexicon.yaml")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    if path is None:
        return _load_default()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> Lexicon:
    return _load(_default_path())


def _bad(path: Path, detail: str) -> RasdError:
    return RasdError(f"{path}: event lexicon is malformed ({detail}); fix the file or reinstall rasd")


def _load(path: Path) -> Lexicon:
    data = read_yaml(path, "event lexicon")
    if not isinstance(data, dict) or not data.get("triggers"):
        raise _bad(path, "no 'triggers' list")

    triggers: PhraseMatcher[Trigger] = PhraseMatcher()
    forms_seen: set[str] = set()
    size = 0
    capture_verbs = _word_set(data.get("capture_verbs"))
    for group in data["triggers"]:
        sub = group.get("sub_event_type")
        family = group.get("family", "fixed")
        if sub not in SUB_EVENT_TO_TYPE:
            raise _bad(path, f"unknown sub_event_type {sub!r}")
        if family not in FAMILIES:
            raise _bad(path, f"unknown family {family!r} for {sub!r}")
        strong = group.get("strength", "strong") == "strong"
        aim = bool(group.get("aim_with_lam", family == "territory"))
        for form in group.get("forms") or []:
            head = normalize_word(str(form).split()[0])
            verb = head.endswith(("ت", "وا", "تا")) or head in capture_verbs
            triggers.add(str(form), Trigger(str(form), sub, family, strong, aim, verb))
            forms_seen.add(normalize_word(str(form)))
            size += 1

    by_form: dict[str, list[Marker]] = {}

    def mark(form: str, **what: object) -> None:
        by_form.setdefault(form, []).append(Marker(form, **what))  # type: ignore[arg-type]

    cue_patterns: list[tuple[str, re.Pattern[str]]] = []
    for group in data.get("cancel_cues") or []:
        scope = group.get("scope", "before")
        if scope not in CUE_SCOPES:
            raise _bad(path, f"cue scope {scope!r} is not one of {sorted(CUE_SCOPES)}")
        only = frozenset(str(x) if str(x) in FAMILIES or str(x) in SUB_EVENT_TO_TYPE else normalize_word(str(x))
                         for x in group.get("only") or [])
        unknown = only - FAMILIES - set(SUB_EVENT_TO_TYPE) - forms_seen
        if unknown:
            raise _bad(path, f"cue 'only' names no family, sub_event_type or trigger form: {sorted(unknown)}")
        for form in group.get("forms") or []:
            mark(str(form), cue=Cue(str(form), group["kind"], scope, int(group.get("window", 8)),
                                    group.get("effect", "cancel"), only))
        for pattern in group.get("patterns") or []:
            try:
                cue_patterns.append((group["kind"], re.compile(pattern)))
            except re.error as exc:
                raise _bad(path, f"cue pattern {pattern!r}: {exc}") from None

    for key, forms in (data.get("family_cues") or {}).items():
        for form in forms:
            mark(str(form), family=key)
    for key, forms in (data.get("roles") or {}).items():
        for form in forms:
            mark(str(form), role=key)
    markers: PhraseMatcher[tuple[Marker, ...]] = PhraseMatcher()
    for form, items in by_form.items():
        markers.add(form, tuple(items))
    return Lexicon(triggers=triggers, markers=markers, size=size, cue_patterns=cue_patterns,
                   references=_word_alternation(data.get("references")),
                   ongoing=_word_alternation(data.get("ongoing")),
                   column=_word_alternation(data.get("column")),
                   suspects=_word_alternation(data.get("suspects")),
                   claims=_word_alternation(data.get("claims")),
                   clause_openers=_word_alternation(data.get("clause_openers")),
                   complementizers=_word_alternation(data.get("complementizers")),
                   dual_heads=_word_set(data.get("dual_place_heads")),
                   name_prefixes=_word_set(data.get("place_name_prefixes")),
                   press_words=_word_set(data.get("press_words")))


def _word_set(forms: list[str] | None) -> frozenset[str]:
    return frozenset(normalize_word(str(f)) for f in forms or [])


def _word_alternation(forms: list[str] | None) -> re.Pattern[str] | None:
    """One regex matching any of the forms as whole words (normalised, with و ف ب ل before)."""
    words = sorted({" ".join(normalize_word(w) for w in str(f).split()) for f in forms or []}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:[وفبل]{0,2})(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
