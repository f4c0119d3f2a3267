"""The actor dictionary: Arabic names of the sides of conflict → canonical names.

Loaded once from src/rasd/data/actors.yaml (see its header for the format)
into a clitic-aware PhraseMatcher. A form either names one actor
(«قسد» → "SDF: Syrian Democratic Forces") or depends on context: the
country the event happened in («التحالف» → Saudi-led Coalition in Yemen,
International Coalition in Syria and Iraq; «مسلحون مجهولون» →
"Unidentified Armed Group (<Country>)") or the armed group the article is
about («عناصر التنظيم»).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from rasd.datafiles import data_path, read_yaml
from rasd.errors import RasdError
from rasd.text.tokens import PhraseMatcher

# Kinds of actor (the list; ACLED's actor types).
KINDS = frozenset({
    "state", "rebel", "political_militia", "identity_militia", "rioters",
    "protesters", "civilians", "prisoners", "external",
})
# Kinds that are victims / non-combatant sides rather than armed forces.
NON_ARMED_KINDS = frozenset({"civilians", "prisoners", "protesters", "rioters"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What one Arabic form means.

    Exactly one of `name` (a fixed actor), `by_country` (a name chosen by
    the event's country; "{country}" is filled in) or `topic` is set.
    """

    form: str
    kind: str
    name: str | None = None
    country: str | None = None
    pro_government: bool = False
    by_country: tuple[tuple[str, str], ...] = ()
    topic: str | None = None
    default: str | None = None

    @property
    def contextual(self) -> bool:
        return self.name is None


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the dictionary knows about a canonical name."""

    name: str
    kind: str
    country: str | None = None
    pro_government: bool = False
    junior_of: str | None = None
    # Sides it fights beside though it is not the government's own force
    # (Hezbollah with the Syrian army): never each other's opponent.
    allies: tuple[str, ...] = ()


@dataclass(slots=True)
class ActorDictionary:
    matcher: PhraseMatcher[ActorEntry]
    info_by_name: dict[str, ActorInfo]
    iso3: dict[str, str]  # country name -> ISO3
    country_matcher: PhraseMatcher[str]  # Arabic country name -> English name
    entries: int = 0
    countries: list[str] = field(default_factory=list)

    def info(self, name: str) -> ActorInfo:
        """Kind and country of a canonical name (patterns fill in for generic names)."""
        known = self.info_by_name.get(name)
        if known is not None:
            return known
        for prefix, kind in (("Military Forces of ", "state"), ("Police Forces of ", "state"),
                             ("Civilians (", "civilians"), ("Prisoners (", "prisoners"),
                             ("Protesters (", "protesters"), ("Rioters (", "rioters"),
                             ("Unidentified Armed Group (", "rebel"), ("Tribal Militia (", "rebel")):
            if name.startswith(prefix):
                country = name[len(prefix):].rstrip(")").split(" (")[0]
                return ActorInfo(name, kind, country if country in self.iso3 else None,
                                 pro_government=kind == "state")
        return ActorInfo(name, "rebel")

    def allied(self, a: str, b: str) -> bool:
        """Whether two sides fight on the same side: both for the government, or
        one lists the other as an ally."""
        ia, ib = self.info(a), self.info(b)
        return (ia.pro_government and ib.pro_government) or b in ia.allies or a in ib.allies

    def resolve(self, entry: ActorEntry, country: str | None, topic: str | None = None) -> str | None:
        """The canonical name a form stands for in this context, or None if unknown."""
        if entry.name is not None:
            return entry.name
        if entry.topic is not None:
            return topic or entry.default
        chosen = None
        default = None
        for key, value in entry.by_country:
            if key == "default":
                default = value
            elif key == country:
                chosen = value
        chosen = chosen or default
        if chosen is None:
            return None
        if "{country}" in chosen:
            if not country:
                return None
            chosen = chosen.replace("{country}", country)
        return chosen


def _default_path() -> Path:
    return data_path("actors.yaml")


def _bad(path: Path, detail: str) -> RasdError:
    return RasdError(f"{path}: actor dictionary is malformed ({detail}); fix the file or reinstall rasd")


def load_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """Read and index an actor dictionary file (cached for the default file)."""
    if path is None:
        return _load_default()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> ActorDictionary:
    return _load(_default_path())


def _load(path: Path) -> ActorDictionary:
    data = read_yaml(path, "actor dictionary")
    if not isinstance(data, dict) or "actors" not in data:
        raise _bad(path, "no 'actors' list")

    matcher: PhraseMatcher[ActorEntry] = PhraseMatcher()
    country_matcher: PhraseMatcher[str] = PhraseMatcher()
    info: dict[str, ActorInfo] = {}
    iso3: dict[str, str] = {}
    count = 0

    countries = data.get("countries") or []
    variants = data.get("adjective_variants") or {}
    for c in countries:
        iso3[c["name"]] = c["iso3"]
        # The country's names and its nationality adjective («العراقية», «التركي»).
        for ar in [*(c.get("ar") or []), c["m"], c["f"], *(variants.get(c["name"], {}).get("m") or []),
                   *(variants.get(c["name"], {}).get("f") or [])]:
            country_matcher.add(ar, c["name"])

    def add(form: str, entry: ActorEntry) -> None:
        nonlocal count
        matcher.add(form, entry)
        count += 1

    # Templates expand per country: «الجيش {m}» → «الجيش العراقي» ...
    for t in data.get("templates") or []:
        kind = t.get("kind", "state")
        if kind not in KINDS:
            raise _bad(path, f"template {t.get('name')!r} has unknown kind {kind!r}")
        for c in countries:
            name = t["name"].replace("{country}", c["name"])
            ms = [c["m"], *(variants.get(c["name"], {}).get("m") or [])]
            fs = [c["f"], *(variants.get(c["name"], {}).get("f") or [])]
            for form in t["forms"]:
                for m, f in zip(ms, fs):
                    # {mi}/{fi}: the adjective without its article («دبابات تركية»).
                    if ("{mi}" in form or "{fi}" in form) and not (m.startswith("ال") and f.startswith("ال")):
                        continue
                    add(form.replace("{mi}", m[2:]).replace("{fi}", f[2:]).replace("{m}", m).replace("{f}", f),
                        ActorEntry(form=form, kind=kind, name=name, country=c["name"],
                                   pro_government=kind == "state"))
            info.setdefault(name, ActorInfo(name, kind, c["name"], kind == "state"))

    # Named actors override template expansions of the same form.
    for a in data["actors"]:
        name, kind = a.get("name"), a.get("kind")
        if not name or kind not in KINDS:
            raise _bad(path, f"actor {name!r} needs a name and a kind in {sorted(KINDS)}")
        pro = bool(a.get("pro_government", kind == "state"))
        info[name] = ActorInfo(name, kind, a.get("country"), pro, a.get("junior_of"),
                               tuple(str(x) for x in a.get("allies") or ()))
        for form in a.get("forms") or []:
            add(str(form), ActorEntry(form=str(form), kind=kind, name=name,
                                      country=a.get("country"), pro_government=pro))

    for group in data.get("contextual") or []:
        kind = group.get("kind", "rebel")
        by_country = tuple((str(k), str(v)) for k, v in (group.get("by_country") or {}).items())
        topic = group.get("topic")
        if not by_country and not topic:
            raise _bad(path, f"contextual forms {group.get('forms')!r} need by_country or topic")
        for form in group.get("forms") or []:
            # A contextual form never hides a named one added before.
            if str(form) in matcher:
                continue
            add(str(form), ActorEntry(form=str(form), kind=kind, by_country=by_country,
                                      topic=topic, default=group.get("default")))
    return ActorDictionary(matcher=matcher, info_by_name=info, iso3=iso3,
                           country_matcher=country_matcher, entries=count,
                           countries=[c["name"] for c in countries])
