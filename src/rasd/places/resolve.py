"""Choose the place each mention means, and how precisely it is known.

Homonyms are scored: a prior (admin units and big towns first), the head
word («حي» wants a neighbourhood, «محافظة» a province), the article's
countries (country names, demonyms such as «العراقية», the dateline), the
provinces of the other places named, and an explicit container right after
the mention («بالحسكة», «التابعة لديالى», «غرب حديثة»). geo_precision
follows spec §1: 1 the place itself or a neighbourhood, 2 near / outskirts
/ countryside / a district, 3 a province or larger.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rasd.places import translit
from rasd.places.gazetteer import ADMIN_KINDS, Gazetteer, Place, match_key
from rasd.places.index_cache import load_or_build
from rasd.places.recognize import ANAPHORS, PlaceMention, PlaceRecognizer, is_major, prior
from rasd.places.translit import arabic_skeleton, latin_skeleton
from rasd.text.normalize import normalize

_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "centre"})
_VICINITY = frozenset({"near", "outskirts", "countryside"})
# Compass bearing (degrees from north) of each direction word.
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
_POINT_KINDS = frozenset({"city", "town", "village"})
# What a facility named after a place («جامعة صنعاء», «مستشفى ظهران الجنوب») may be named after.
_SEAT_KINDS = frozenset({"city", "town", "village", "admin1", "admin2", "admin3"})
# What facility head words («سجن», «مطار», «قلعة») name.
_FACILITIES = frozenset({"landmark", "prison", "base", "airport", "camp", "square", "bridge", "dam", "field",
                         "port", "crossing"})
# A dateline: a place at the start of a line, then a dash or an opening bracket
# («الحسكة- نورث برس», «بغداد (رويترز)»).
_DATELINE_AFTER = re.compile(r"\s*[-–—:(/\"]")
# Countries whose towns Arabic news spells phonetically from a non-Arabic name.
TRANSLITERATED = frozenset({"TUR", "IRN", "AFG", "PAK", "ISR", "SDN", "SSD", "SOM", "LBY", "EGY", "SAU",
                            "YEM", "JOR"})
# Countries whose own place names are not Arabic words.
# The type word of a district's Latin name, before or after it.
_LATIN_TYPE_WORDS = re.compile(r"^(?:shahrestan-e|shahrestan|liwa|caza de|caza du|caza|markaz|qadaa?)\s+|"
                               r"\s+(?:county|district|province|governorate|locality|municipality)$",
                               re.IGNORECASE)
_NON_ARABIC_NAMES = frozenset({"TUR", "IRN", "AFG", "PAK", "ISR"})
# Countries whose districts GeoNames names only in Latin script (مديرية أرحب → Arhab).
DISTRICTS_BY_SOUND = frozenset({"YEM", "SAU", "SDN", "SOM", "LBY", "EGY", "JOR"})
# What a name spelled with other long vowels may be matched to (villages, towns, districts).
_SPELLING_KINDS = frozenset({"city", "town", "village", "admin2", "admin3", "neighbourhood"})
# A town abroad is meant without other evidence of its country only if this big.
_FOREIGN_MIN_POPULATION = 100_000
# How far a container may follow its mention («X بالحسكة», «X، شمال شرقي سوريا»).
_LINK_MAX = 24


@dataclass(slots=True)
class ResolvedPlace:
    """A mention with the place chosen for it (spec §2 location fields). Offsets into norm."""

    start: int
    end: int
    text: str
    place: Place | None
    location: str | None
    location_ar: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    head: str | None = None
    modifier: str | None = None
    role: str = ""          # "dateline" for the place a report was filed from
    place_start: int = -1   # start of the place as written, without modifier or preposition
    why: str = ""           # how the choice was made (shown by `rasd places`)
    candidates: list[tuple[Place, float]] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.latitude is not None


@dataclass(slots=True)
class PlaceContext:
    """What the whole article says about where it is."""

    countries: Counter = field(default_factory=Counter)   # iso3 -> weight
    admin1s: Counter = field(default_factory=Counter)     # (iso3, admin1) -> weight
    dateline: Place | None = None
    dateline_span: tuple[int, int] | None = None
    # iso3 -> what says the article is about that country (demonyms, the dateline,
    # names of places only found there): a name cannot be its own evidence.
    evidence: dict[str, set[str]] = field(default_factory=dict)

    def note(self, iso3: str, what: str) -> None:
        self.evidence.setdefault(iso3, set()).add(what)

    def supports(self, iso3: str | None, besides: str) -> bool:
        """Does anything other than the name `besides` place the article in `iso3`?"""
        return bool(iso3 and self.evidence.get(iso3, set()) - {besides})

    def top_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def _name_key(m: PlaceMention) -> str:
    return "name:" + match_key(m.name or m.text)


def _stands_alone(p: Place) -> bool:
    """Known well enough to be meant in any article: countries, provinces, big cities, curated sites."""
    return (p.kind in ("country", "admin1", "capital") or p.source.startswith("curated")
            or (p.kind == "city" and (p.population or 0) >= _FOREIGN_MIN_POPULATION))


# How far from a city's point one of its neighbourhoods may lie (Baghdad's
# outer districts are ~20 km from its centre).
_NEIGHBOURHOOD_REACH_KM = 25.0


def km(a: Place, b: Place) -> float:
    p = math.pi / 180
    h = (math.sin((b.lat - a.lat) * p / 2) ** 2
         + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def within(inner: Place, outer: Place) -> bool:
    """Is `inner` inside `outer` (by admin chain, or by distance for towns and sites)?"""
    if inner.id == outer.id or inner.iso3 != outer.iso3 or inner.iso3 is None:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1":
        return inner.admin1 == outer.admin1
    if outer.kind == "admin2":
        return inner.admin2 is not None and inner.admin2 == outer.admin2
    if outer.kind == "admin3":
        return inner.admin3 is not None and inner.admin3 == outer.admin3
    if inner.parent == outer.id:
        return True
    return km(inner, outer) <= (30 if outer.kind == "city" else 15)


def _latin_ids(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Latin skeleton -> ids of the places with a Latin name of that sound, in
    gazetteer order: the towns of countries whose names Arabic spells by sound,
    and districts known only by their Latin names."""
    index: dict[str, list[str]] = {}
    for p in gazetteer.places.values():
        if ((p.iso3 in TRANSLITERATED and p.kind in _POINT_KINDS | {"admin2"})
                or (p.iso3 in DISTRICTS_BY_SOUND and p.kind == "admin2")):
            names = {p.name_en, *gazetteer.aliases_en.get(p.id, ())}
            if p.kind == "admin2":
                # 'Shahrestan-e Salas-e Baba Jani', 'Liwa ar Ramtha': news names the district
                # without its type word («منطقة سلاسي باواجان»).
                names |= {_LATIN_TYPE_WORDS.sub("", n) for n in names}
            for name in names:
                sk = latin_skeleton(name)
                # p, if already listed, is the last entry (places come one at a time).
                if len(sk) >= 3 and index.get(sk, ("",))[-1] != p.id:
                    index.setdefault(sk, []).append(p.id)
    return index


def spelling_skeleton(key: str) -> str:
    """A name key without the long vowels inside its words: «بيت امر» and «بيت اومر»,
    «مكيراس» and «ميكراس» meet. Arabic spells the long vowels inside village names freely
    (و/ي/ا written or not); the first and last letter of each word are kept («زبدين» is not
    «الزبداني»)."""
    return " ".join(w if len(w) < 3 else w[0] + "".join(c for c in w[1:-1] if c not in "اوىي") + w[-1]
                    for w in key.split())


def _spelling_ids(gazetteer: Gazetteer) -> dict[str, list[list[str]]]:
    """Spelling skeleton -> [place id, name key] of the populated places and districts with a
    name of that skeleton."""
    index: dict[str, list[list[str]]] = {}
    for key, ids in gazetteer.names_ar.items():
        sk = spelling_skeleton(key)
        if len(sk.replace(" ", "")) < 4:
            continue
        for pid in ids:
            if gazetteer.places[pid].kind in _SPELLING_KINDS:
                index.setdefault(sk, []).append([pid, key])
    return index


class PlaceResolver:
    """Recognise and resolve places; holds the gazetteer and the name trie (load once)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.load()
        self.recognizer = PlaceRecognizer(self.gazetteer)
        self.words = self.recognizer.words
        self._latin: dict[str, list[Place]] | None = None
        self._spelling: dict[str, list[tuple[Place, str]]] | None = None
        self._demonym_iso3 = {match_key(f): iso3 for f, iso3 in self.gazetteer.demonyms.items()}

    # ------------------------------------------------------------ recognise
    def recognize(self, norm: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        return self.recognizer.recognize(norm, start, end)

    # ------------------------------------------------------------ context
    def context(self, norm: str, mentions: list[PlaceMention]) -> PlaceContext:
        """Countries and provinces the article is about, and its dateline."""
        ctx = PlaceContext()
        for key, iso3 in self._demonyms(norm):
            ctx.countries[iso3] += 1
            ctx.note(iso3, "demonym:" + key)
        behind_clitic = []
        for m in mentions:
            if m.needs_context:
                continue
            if m.head_kinds and m.head_kinds[0] in _FACILITIES \
                    and not any(p.kind in m.head_kinds for p in m.candidates):
                continue  # «قلعة القاهرة» in Taiz: a castle, not evidence of Egypt
            countries = {p.iso3 for p in m.candidates if p.iso3}
            if len(countries) == 1 and self._minor_behind_clitic(norm, m):
                behind_clitic.append((m, next(iter(countries))))
                continue
            if len(countries) == 1:
                iso3 = countries.pop()
                is_country = any(p.kind == "country" for p in m.candidates)
                ctx.countries[iso3] += 2 if is_country else 1
                ctx.note(iso3, _name_key(m))
            admin1s = {(p.iso3, p.admin1) for p in m.candidates if p.admin1}
            if len(admin1s) == 1:
                ctx.admin1s[admin1s.pop()] += 1
        dl = self._dateline(norm, mentions)
        if dl is not None:
            mention, place = dl
            ctx.dateline, ctx.dateline_span = place, (mention.start, mention.end)
            if place.iso3:
                ctx.countries[place.iso3] += 2
                ctx.note(place.iso3, "dateline")
            if place.admin1:
                ctx.admin1s[(place.iso3, place.admin1)] += 1
        # A small town read behind a proclitic («براين» = ب + Rayen, Iran, in «براين سميث»)
        # may be part of another word: it adds to a country named otherwise, never one alone.
        for m, iso3 in behind_clitic:
            if iso3 in ctx.countries:
                ctx.countries[iso3] += 1
                ctx.note(iso3, _name_key(m))
                admin1s = {(p.iso3, p.admin1) for p in m.candidates if p.admin1}
                if len(admin1s) == 1:
                    ctx.admin1s[admin1s.pop()] += 1
        return ctx

    @staticmethod
    def _minor_behind_clitic(norm: str, m: PlaceMention) -> bool:
        """A bare name written with a proclitic («براين», «بالباغوز») whose places are all minor."""
        if m.head or m.modifier or m.name_start <= 0:
            return False
        # the name's word begins before the name: a proclitic is attached to it
        return norm[m.name_start - 1].isalpha() and not any(is_major(p) for p in m.candidates)

    def _demonyms(self, norm: str):
        return self.recognizer.demonyms(norm)

    def _dateline(self, norm: str, mentions: list[PlaceMention]):
        for m in mentions[:6]:
            if m.start > 600 or not m.candidates or m.head or m.modifier:
                continue
            line_start = norm.rfind("\n", 0, m.start) + 1
            if norm[line_start:m.start].strip() or not _DATELINE_AFTER.match(norm, m.end):
                continue
            best = max(m.candidates, key=lambda p: prior(p) + (2 if p.kind in _POINT_KINDS else 0))
            return m, best
        return None

    # ------------------------------------------------------------ resolve
    def resolve(self, mentions: list[PlaceMention], context: PlaceContext | None = None,
                norm: str | None = None) -> list[ResolvedPlace]:
        """Choose a place for each mention. `norm` (the text the mentions are in) enables containers."""
        ctx = context or PlaceContext()
        # A common word («صور», «حماة») is a place only where the article is about its country.
        kept = []
        for m in mentions:
            if m.needs_context:
                fitting = [p for p in m.candidates if p.iso3 in ctx.countries]
                if not fitting:
                    continue
                m.candidates = fitting
            # Decided before the candidates are narrowed to the article's countries (which
            # would leave «مخيم برج» in a Beirut report with none, and the name cut short).
            foreign = bool(m.head and m.next_word and m.candidates and ctx.countries and not any(
                p.iso3 in ctx.countries for p in m.candidates))
            said = self._demonym_after(norm, m.end) if norm is not None and m.candidates else None
            owner = self._country_after(norm, m.end) if norm is not None and m.candidates and said is None \
                and not any(p.kind == "country" for p in m.candidates) else None
            if owner is not None and not any(p.iso3 == owner for p in m.candidates):
                # «إقليم كردستان العراق»: a region of the country named after it, not the
                # homonym elsewhere (Iran's Kurdistan province).
                continue
            if said is not None:
                # «بلدة الطيبة اللبنانية»: the adjective names the country outright.
                m.candidates = [p for p in m.candidates if p.iso3 == said] or (
                    [] if m.head_kinds else m.candidates)
            elif m.candidates and ctx.evidence:
                fitting = self._at_home(m, ctx)
                if not fitting and not m.head_kinds:
                    continue  # a bare name that only a far foreign homonym would explain
                m.candidates = fitting
            if foreign:
                # «مخيم عقبة جبر» in a Jericho report is not a camp at Aqaba (Jordan): the
                # known name is the first word of an unknown one, placed by what is named beside it.
                m.text, m.name = m.text + " " + m.next_word, m.name + " " + m.next_word
                m.end = m.name_end = m.next_end
                m.candidates, m.next_word, m.next_end = [], "", -1
            kept.append(m)
        mentions = kept
        containers = self._containers(mentions, norm) if norm is not None else {}
        # Pass 1: each mention alone, with the article's countries.
        first = [self._fit_head(m, self._score(m, ctx, None, Counter()), ctx) for m in mentions]
        # Provinces of the other places (each mention's best guess), weighted by certainty.
        admin1_votes: Counter = Counter(ctx.admin1s)
        for scored in first:
            if scored:
                p = scored[0][0]
                if p.admin1 and p.kind != "country":
                    admin1_votes[(p.iso3, p.admin1)] += 0.5
        out = []
        chosen: list[Place | None] = [s[0][0] if s else None for s in first]
        sentence_mates = self._sentence_mates(mentions, norm) if norm is not None else {}
        # «جنوب غربي المحافظة», «وسط المدينة»: the province or city named last.
        referents = {i: self._referent(m, chosen[:i]) for i, m in enumerate(mentions)
                     if m.head_kinds and m.head_kinds[0] in ANAPHORS and not m.name}
        for i, place in referents.items():
            chosen[i] = place
        # Pass 2: with containers and the other places' provinces (outer places first).
        for i in sorted(range(len(mentions)), key=lambda k: -k):
            m = mentions[i]
            if i in referents:
                continue
            votes = Counter(admin1_votes)
            if first[i]:
                p = first[i][0][0]
                if p.admin1:
                    votes[(p.iso3, p.admin1)] -= 0.5
            own_sentence = set()
            if m.head_kinds and m.head_kinds[0] == "neighbourhood" and len({p.admin1 for p in m.candidates}) > 1:
                # «حي الخالدية ... شمال حلب»: a neighbourhood name that several cities have is
                # in the city of its own sentence, whatever the rest of the article is about.
                for k in sentence_mates.get(i, ()):
                    p = first[k][0][0] if first[k] else None  # a known name, not a guess
                    if p is not None and p.admin1 and p.kind != "country":
                        own_sentence.add((p.iso3, p.admin1))
            link = containers.get(i)
            container = chosen[link[0]] if link else None
            if link and link[1] == "and":
                # The shared container places an unknown name, or picks among homonyms
                # only when one of them lies in it.
                if container is not None and m.candidates \
                        and not any(within(p, container) for p in m.candidates):
                    container = None
                link = (link[0], "in")
            scored = self._score(m, ctx, container, votes, link[1] if link else "in")
            if own_sentence:
                scored = sorted(((p, s + 2 if (p.iso3, p.admin1) in own_sentence else s) for p, s in scored),
                                key=lambda t: -t[1])
            scored = self._fit_head(m, scored, ctx)
            # «حي العامرية غربي بغداد»: a neighbourhood placed by a bearing from a
            # city lies in that city's part, as «في» would say.
            inside = link is not None and (link[1] == "in" or (
                link[1] == "near" and bool(m.head_kinds) and m.head_kinds[0] == "neighbourhood"))
            if container is not None and inside and m.head \
                    and not any(within(p, container) or km(p, container) <= _NEIGHBOURHOOD_REACH_KM
                                for p, _ in scored):
                # «حي النصر في الحسكة» when al-Hasakah has no known al-Nasr: an unknown
                # neighbourhood of al-Hasakah, not the al-Nasr of another city.
                scored = []
            chosen[i] = scored[0][0] if scored else (
                self._unknown_point(m, container, ctx)[0] if container or m.head_kinds else None)
            out.append((i, scored, container))
        out.sort(key=lambda t: t[0])
        resolved = []
        for i, place in referents.items():
            if place is not None:
                m = mentions[i]
                named = any(c is not None and c.id == place.id for c in chosen[:i])
                r = self._make(m, place, place, self._precision(m, place), [],
                               f"«{m.head}» refers back to the last {place.kind} named, {place.name_en}"
                               if named else f"«{m.head}» refers back to the province named last: "
                               f"its namesake town {place.name_en}")
                r.role = "anaphor"
                resolved.append(r)
        # An unknown name placed by its container («جبهة الجفينة جنوب غربي المحافظة») is the
        # same place when the article names it again without one.
        placed_by_container: dict[str, Place] = {}
        for i, scored, container in out:
            m = mentions[i]
            if m.ordinary and not scored and self._transliterated(m, container, ctx) is None:
                continue  # «منطقة آمنة», «جبهات القتال»: not a place
            if not scored and m.name:
                key = match_key(m.name)
                if container is not None:
                    placed_by_container.setdefault(key, container)
                else:
                    container = placed_by_container.get(key)
            r = self._finish(m, scored, container, ctx)
            if not scored and container is not None and containers.get(i, (0, ""))[1] == "near" \
                    and r.geo_precision < 2 and r.latitude is not None:
                # «مخيم عقبة جبر جنوب أريحا»: an unknown site beside a town, not in it (spec §1: near
                # a place is precision 2).
                r.geo_precision = 2
                r.why = r.why.replace("which contains it", "which it lies near")
            if ctx.dateline_span == (mentions[i].start, mentions[i].end):
                r.role = "dateline"
            resolved.append(r)
        resolved.sort(key=lambda r: r.start)
        return resolved

    @staticmethod
    def _sentence_mates(mentions: list[PlaceMention], norm: str) -> dict[int, list[int]]:
        """mention index -> the other mentions of its sentence."""
        sentence, n, last = [], 0, 0
        for m in mentions:
            n += sum(norm.count(c, last, m.start) for c in ".!?؟\n")
            last = m.start
            sentence.append(n)
        groups: dict[int, list[int]] = {}
        for i, sid in enumerate(sentence):
            groups.setdefault(sid, []).append(i)
        return {i: [k for k in groups[sid] if k != i] for i, sid in enumerate(sentence)}

    def _referent(self, m: PlaceMention, before: list[Place | None]) -> Place | None:
        """The place an anaphoric head word refers back to: for «المحافظة» the province of
        the last place named in a province; for «المدينة» the last city named (a town if
        none), for «البلدة» the last town or village (a city if none)."""
        named = [p for p in reversed(before) if p is not None and p.kind != "country"]
        if m.head_kinds[0] == "admin1_anaphor":
            for p in named:
                if p.kind == "admin1":
                    return p
                if p.admin1 and (p.kind in ADMIN_KINDS or p.kind in _POINT_KINDS):
                    return self.gazetteer.admin_unit(p.iso3, p.admin1)
            return None
        head = match_key(m.head or "")
        first = ("town", "village") if head == match_key("البلدة") else ("city",)
        # «محافظة تعز ... بالمدينة»: a province or district named like its seat stands for
        # that town here, in the order the places were named.
        named = [self._namesake_seat(p) or p if p.kind in ADMIN_KINDS else p for p in named]
        for kinds in (first, tuple(_POINT_KINDS)):
            for p in named:
                if p.kind in kinds:
                    return p
        return None

    def _namesake_seat(self, unit: Place) -> Place | None:
        """The town a province or district is named after (Taiz for Taiz province), if any."""
        if not unit.name_ar:
            return None
        towns = [p for p in self.gazetteer.lookup(match_key(unit.name_ar))
                 if p.kind in _POINT_KINDS and p.iso3 == unit.iso3 and p.admin1 == unit.admin1
                 and (within(p, unit) or km(p, unit) <= 40)]
        return max(towns, key=lambda p: p.population or 0) if towns else None

    def _demonym_after(self, norm: str, end: int) -> str | None:
        """The country of a demonym right after a name («الطيبة اللبنانية» → LBN)."""
        i = end
        while i < len(norm) and norm[i] == " ":
            i += 1
        j = i
        while j < len(norm) and not norm[j].isspace() and norm[j] not in ".,،؛:()\"«»":
            j += 1
        return self._demonym_iso3.get(match_key(norm[i:j])) if j > i else None

    def _country_after(self, norm: str, end: int) -> str | None:
        """The country named right after a name, with only a space between («كردستان العراق»)."""
        if norm[end:end + 1] != " ":
            return None
        j = end + 1
        while j < len(norm) and not norm[j].isspace() and norm[j] not in ".,،؛:()\"«»":
            j += 1
        word = norm[end + 1:j]
        places = self.gazetteer.lookup(match_key(word)) if len(word) > 2 else []
        countries = [p.iso3 for p in places if p.kind == "country"]
        return countries[0] if len(countries) == 1 else None

    def _at_home(self, m: PlaceMention, ctx: PlaceContext) -> list[Place]:
        """Candidates the article's countries allow. A village or camp abroad needs evidence of
        its country besides its own name («معسكر كامب» in a Yemeni report is not Kerman, Iran);
        a country, province, big city or curated site abroad may be named anywhere."""
        key = _name_key(m)
        elsewhere = {c for c in ctx.evidence if ctx.supports(c, key)}
        if not elsewhere:
            return m.candidates
        return [p for p in m.candidates if p.iso3 in elsewhere or _stands_alone(p)]

    def _containers(self, mentions: list[PlaceMention], norm: str) -> dict[int, tuple[int, str]]:
        """mention index -> (index of the mention that contains or locates it, "in" | "near" | "and").

        «X بالحسكة», «X التابعة لديالى» are "in"; «X غرب حديثة», «X قرب الطبقة» are "near".
        """
        links = {}
        for i in range(len(mentions) - 1):
            a, b = mentions[i], mentions[i + 1]
            between = norm[a.end:b.start]
            if len(between) > _LINK_MAX:
                continue
            words = between.replace(",", " , ").split()
            joined = " ".join(w for w in words if w != ",")
            near = b.modifier in _DIRECTIONS or b.modifier in _VICINITY
            if (joined in self.words.containers or (not joined and b.modifier is not None)
                    or (not joined and b.head and any(k.startswith("admin") for k in b.head_kinds)
                        and a.head_kinds != b.head_kinds)):
                links[i] = (i + 1, "near" if near else "in")
            elif words and words[0] == "," and b.modifier in _DIRECTIONS and len(words) <= 2:
                links[i] = (i + 1, "in")
            elif (a.head and len(words) >= 2 and words[0].startswith("و") and len(words[0]) > 3
                  and " ".join(words[1:]) in self.words.containers):
                # «بلدتي الوهط وصبر في محافظة لحج»: the pair's second name, unknown, stands
                # between a place and the container both share.
                links[i] = (i + 1, "near" if near else "in")
        # «معسكري لبوزة ووادي عطان في محافظة لحج», «قريتي X وY بريف حلب»: places joined by
        # «و» share the container named after the last of them.
        for i in range(len(mentions) - 2, -1, -1):
            if i in links or (i + 1) not in links or links[i + 1][1] == "near":
                continue
            between = norm[mentions[i].end:mentions[i + 1].start].replace(" ", "").replace(",", "")
            if between == "و":
                links[i] = (links[i + 1][0], "and")
        return links

    def _score(self, m: PlaceMention, ctx: PlaceContext, container: Place | None,
               admin1_votes: Counter, link: str = "in") -> list[tuple[Place, float]]:
        if not m.candidates:
            return []
        total = sum(ctx.countries.values()) or 1
        scored = []
        for p in m.candidates:
            s = prior(p)
            kinds = self._head_kinds(m, p)
            if kinds:
                if p.kind in kinds:
                    s += 5 if p.kind == kinds[0] else 4
                else:
                    s -= 3
            if p.iso3 and ctx.countries:
                share = ctx.countries.get(p.iso3, 0) / total
                s += 4 * share + (1 if share else 0)
            if p.admin1 and p.kind != "country":
                s += min(3.0, 1.5 * admin1_votes.get((p.iso3, p.admin1), 0))
            if ctx.dateline is not None and ctx.dateline.admin1 \
                    and p.admin1 == ctx.dateline.admin1 and p.iso3 == ctx.dateline.iso3:
                s += 1.5
            if container is not None:
                if link == "in":
                    s += 6 if within(p, container) else -2
                elif km(p, container) <= 60:  # «X غرب حديثة»: X is near Haditha, not in it
                    s += 3
            scored.append((p, round(s, 2)))
        scored.sort(key=lambda t: -t[1])
        return scored

    def _head_kinds(self, m: PlaceMention, p: Place) -> tuple[str, ...]:
        """The kinds m's head word selects among places of p's country: «منطقة جازان» in
        Saudi Arabia is the province (place_words.yaml `country_heads`)."""
        if m.head and p.iso3 and self.words.country_heads:
            return self.words.country_heads.get((p.iso3, m.head), m.head_kinds)
        return m.head_kinds

    def _fit_head(self, m: PlaceMention, scored: list[tuple[Place, float]],
                  ctx: PlaceContext) -> list[tuple[Place, float]]:
        """Drop candidates the head word rules out: «سجن الصناعة» is not the Hama
        neighbourhood al-Sinaha, «مخيم الفوار» not the Iraqi sub-district."""
        if not m.head_kinds or not scored:
            return scored
        fitting = [(p, s) for p, s in scored if p.kind in self._head_kinds(m, p)]
        if fitting:
            return fitting
        words = self.words.heads.get(m.head or "")
        site = bool(words and words[2])
        top = ctx.top_country()
        if site:
            # «جامعة صنعاء», «مستشفى عدن»: a facility named after the town or district it is in
            # (a common word, «مستشفى الثورة», is the facility's own name, not a town's).
            # A head that also begins place names («جسر الشغور», «جبل صبر», «سوق الخميس») makes
            # one name with what follows: not a facility of the town «الشغور».
            key = match_key(m.name or "")
            if not m.name or key in self.gazetteer.common or key in self.gazetteer.frequent \
                    or key in self.words.common_words or self._head_starts_names(m.head):
                return []
            return [(p, s) for p, s in scored if p.kind in _SEAT_KINDS
                    and (not ctx.countries or p.iso3 in ctx.countries)]
        # A head of another kind («منطقة X» for a town): keep candidates in the article's country.
        return [(p, s) for p, s in scored if top is None or p.iso3 in ctx.countries]

    def _head_starts_names(self, head: str | None) -> bool:
        if not head:
            return False
        for chain in ("", "و", "ف", "ب", "ل", "وب", "ول"):
            if head.startswith(chain) and head[len(chain):] in self.words.name_starts:
                return True
        return False

    def _unknown_point(self, m: PlaceMention, container: Place | None,
                       ctx: PlaceContext) -> tuple[Place | None, int, str]:
        """Where a place no gazetteer knows goes: the smallest known area that contains it."""
        if m.head_kinds and m.head_kinds[0] == "capital" and not m.name:
            cap = self.gazetteer.capital(ctx.top_country())
            if cap is not None:
                return cap, 1, f"«{m.head}» alone: the capital of the article's country, {cap.name_en}"
        if m.head_kinds and m.head_kinds[0] == "capital" and match_key(m.name) in self._demonym_iso3:
            # «العاصمة الأفغانية», «العاصمة اليمنية»: the capital of the country the adjective names.
            cap = self.gazetteer.capital(self._demonym_iso3[match_key(m.name)])
            if cap is not None:
                return cap, 1, f"«{m.head} {m.name}»: the capital of that country, {cap.name_en}"
        if m.head_kinds and m.head_kinds[0] == "country_anaphor":
            country = self.gazetteer.admin_unit(ctx.top_country(), None)
            if country is not None:
                # «جنوب شرق البلاد» as «جنوب شرق تركيا»: the article's province in that part.
                region = self._region_of_country(country, m.modifier, ctx) if m.modifier in _BEARINGS \
                    else None
                if region is not None:
                    return region, 3, (f"«{m.head}»: the article's country, {country.name_en}; the article's "
                                       f"province in that part of it: {region.name_en}")
                return country, 3, f"«{m.head}»: the article's country, {country.name_en}"
        variant = self._spelled_otherwise(m, container, ctx)
        if variant is not None:
            return variant, self._precision(m, variant), (
                f"«{m.name}» is spelled «{variant.name_ar}» in the gazetteer (long vowels differ): "
                f"{variant.name_en} ({variant.admin1}, {variant.iso3})")
        guess = self._transliterated(m, container, ctx)
        if guess is not None:
            return guess, self._precision(m, guess), (
                f"«{m.name}» has no Arabic name in the gazetteer; matched by transliteration to "
                f"{guess.name_en} ({guess.admin1}, {guess.iso3})")
        if container is not None:
            small = any(k in ("neighbourhood", "landmark", "prison", "base", "airport", "camp", "square")
                        for k in m.head_kinds[:1])
            if container.kind in ("country", "admin1"):
                prec = 3
            elif container.kind in _POINT_KINDS and small and m.modifier not in _DIRECTIONS \
                    and m.modifier not in _VICINITY:
                prec = 1
            else:
                prec = 2
            known = ": no place of that name lies there" if m.candidates else " is in no gazetteer"
            return container, prec, (f"«{m.name}»{known}; placed at {container.name_en}, "
                                     f"which contains it")
        # The article's province: of its main country only (a stray town abroad, «راين» read in
        # «براين», must not place the unknown names of a Kabul report in Kerman).
        top = ctx.top_country()
        home = Counter({k: w for k, w in ctx.admin1s.items() if k[0] == top})
        if home:
            (iso3, admin1), weight = home.most_common(1)[0]
            if weight >= 0.5 * sum(home.values()):
                unit = self.gazetteer.admin_unit(iso3, admin1)
                if unit is not None:
                    return unit, 3, (f"«{m.name}» is in no gazetteer; placed at the article's province, "
                                     f"{unit.name_en}")
        return None, 3, f"«{m.name}» is in no gazetteer and nothing known contains it"

    def _spelled_otherwise(self, m: PlaceMention, container: Place | None,
                           ctx: PlaceContext) -> Place | None:
        """A place of the article's main country whose Arabic name differs from the unknown name
        only in long vowels («بلدة بيت أمر» ~ «بيت أومر»). Only after a head word that names a
        populated place or district, and only one candidate (or one inside the container)."""
        if not m.name or not m.head_kinds or m.ordinary:
            return None
        wanted = set(m.head_kinds) & _SPELLING_KINDS
        if not wanted:
            return None
        key = match_key(m.name)
        if key in self.gazetteer.common or key in self.words.common_words:
            return None
        # The article's main country, whose names are Arabic words: a Persian or Turkish
        # spelling of another country's village is not the same name. One long vowel apart.
        top = ctx.top_country()
        pool = list({p.id: p for p, name in self._spelling_index().get(spelling_skeleton(key), ())
                     if p.iso3 == top and p.iso3 not in _NON_ARABIC_NAMES and p.kind in wanted
                     and abs(len(name) - len(key)) <= 1}.values())
        if container is not None:
            pool = [p for p in pool if within(p, container) or km(p, container) <= 60]
        if len({p.iso3 for p in pool}) != 1:
            return None
        towns = [p for p in pool if p.kind in _POINT_KINDS] or pool
        return max(towns, key=lambda p: (ctx.admin1s.get((p.iso3, p.admin1), 0), p.population or 0))

    def _spelling_index(self) -> dict[str, list[tuple[Place, str]]]:
        if self._spelling is None:
            recipe = Path(__file__).read_text(encoding="utf-8")
            ids = load_or_build(self.gazetteer.path, "spelling-index", recipe,
                                lambda: _spelling_ids(self.gazetteer))
            places = self.gazetteer.places
            self._spelling = {sk: [(places[i], key) for i, key in pairs] for sk, pairs in ids.items()}
        return self._spelling

    def _transliterated(self, m: PlaceMention, container: Place | None, ctx: PlaceContext) -> Place | None:
        """A town of the article's countries whose Latin name sounds like the unknown name."""
        if not m.name or not m.head_kinds or m.head_kinds[0] in ("capital", "country_anaphor"):
            return None
        if not set(m.head_kinds) & {"city", "town", "village", "neighbourhood", "admin2", "admin3"}:
            return None  # «جبال قنديل», «قاعدة إنجرليك»: a mountain or a base is not a town
        index = self._latin_index()
        pool: list[Place] = []
        # The name may run over one more word («سلطان بيلي»): the longer reading first.
        top = ctx.top_country()
        readings = ([m.name + " " + m.next_word] if m.next_word else []) + ([] if m.ordinary else [m.name])
        for name in readings:
            if match_key(name) in self.gazetteer.common or match_key(name) in self.words.common_words:
                continue  # an ordinary word, not a foreign name spelled out
            skeleton = arabic_skeleton(name)
            if len(skeleton) >= 3:
                pool = [p for p in index.get(skeleton, ()) if p.iso3 in ctx.countries]
            first = name.split()[0] if name.split() else ""
            if first.startswith("ال") or first in self.words.name_starts:
                # «بيت أمر», «الفوار»: an Arabic name, not a Turkish, Persian or Hebrew one.
                pool = [p for p in pool if p.iso3 not in _NON_ARABIC_NAMES]
            if len(skeleton) == 3:
                # Three consonants match many names: only a sizeable town of the main country,
                # or a district of it after a district head word («مديرية أرحب»).
                pool = [p for p in pool if p.iso3 == top and (
                    (p.iso3 in _NON_ARABIC_NAMES and (p.population or 0) >= 50_000)
                    or (p.kind == "admin2" and "admin2" in m.head_kinds))]
            if any(p.iso3 in DISTRICTS_BY_SOUND and p.kind == "admin2" for p in pool) \
                    and "admin2" not in m.head_kinds:
                pool = [p for p in pool if not (p.iso3 in DISTRICTS_BY_SOUND and p.kind == "admin2")]
            if pool:
                if name != m.name:  # the mention covers the second word too
                    m.text, m.name, m.end, m.name_end = m.text + " " + m.next_word, name, m.next_end, m.next_end
                    m.next_word, m.ordinary = "", False
                break
        if not pool:
            return None
        if container is not None:
            inside = [p for p in pool if within(p, container) or km(p, container) <= 60]
            pool = inside or pool
        return max(pool, key=lambda p: (ctx.admin1s.get((p.iso3, p.admin1), 0), p.population or 0))

    def _latin_index(self) -> dict[str, list[Place]]:
        """Latin skeleton -> the places with a Latin name of that sound.

        Deriving it reads every English name and skeletonises it (~0.2 s), so
        the ids are cached on disk per gazetteer file and recipe (index_cache).
        """
        if self._latin is None:
            # The code it is derived with: this module (the selection, its
            # settings) and the skeleton rules.
            recipe = "\n".join(Path(f).read_text(encoding="utf-8") for f in (__file__, translit.__file__))
            ids = load_or_build(self.gazetteer.path, "latin-index", recipe,
                                lambda: _latin_ids(self.gazetteer))
            places = self.gazetteer.places
            self._latin = {sk: [places[i] for i in pids] for sk, pids in ids.items()}
        return self._latin

    def _finish(self, m: PlaceMention, scored: list[tuple[Place, float]], container: Place | None,
                ctx: PlaceContext) -> ResolvedPlace:
        location_ar = m.text
        if not scored:
            point, prec, why = self._unknown_point(m, container, ctx)
            if point is not None:
                place = point if ((m.head_kinds and m.head_kinds[0] in ("capital", "country_anaphor")
                                   and (not m.name or "the capital of" in why)) or "transliteration" in why
                                  or "long vowels differ" in why) else None
                return self._make(m, place, point, prec, [], why)
            return ResolvedPlace(m.start, m.end, m.text, None, None, location_ar, None, None, 3,
                                 None, None, None, None, None, m.head, m.modifier,
                                 why=why, candidates=[], place_start=m.place_start)
        best = scored[0][0]
        if best.kind in ADMIN_KINDS and m.head_kinds and m.head_kinds[0] == "capital" \
                and (m.head or "").startswith("ال") and m.modifier != "countryside":
            # «العاصمة صنعاء»: the capital city, not the capital's province (Amanat al Asimah).
            cap = self.gazetteer.capital(best.iso3)
            if cap is not None and (within(cap, best) or km(cap, best) <= 30):
                best = cap
        if best.kind in ("admin2", "admin3") and m.modifier != "countryside" and not (
                m.head_kinds and m.head_kinds[0].startswith("admin")):
            # «زنجبار», «مدينة لودر»: a district named like its seat town means the town
            # unless a district head word («مديرية») says otherwise.
            town = self._namesake_town(best, scored)
            if town is not None:
                best = town
        point = best
        why = [f"{len(scored)} candidate(s); chose {best.name_en} ({best.kind}, {best.admin1 or best.country})"]
        if container is not None:
            why.append(f"contained in {container.name_en}")
        # A district or province named like its seat town: the town's point,
        # at district or countryside precision.
        if best.kind in ("admin1", "admin2", "admin3"):
            seat = self._seat(best, m.candidates)
            if seat is not None and (m.modifier == "countryside" or best.kind != "admin1"):
                point = seat
                why.append(f"at its seat town {seat.name_en}")
        precision = self._precision(m, best)
        if best.kind == "country" and m.modifier in _BEARINGS:
            region = self._region_of_country(best, m.modifier, ctx)
            if region is not None:
                why.append(f"the article's province in that part of the country: {region.name_en}")
                return self._make(m, region, region, 3, scored, "; ".join(why))
        return self._make(m, best, point, precision, scored, "; ".join(why))

    def _region_of_country(self, country: Place, direction: str, ctx: PlaceContext) -> Place | None:
        """«شمال شرقي سوريا» in an article about al-Hasakah: the al-Hasakah province, if it lies
        in that direction from the country's reference point."""
        want = _BEARINGS[direction]
        for (iso3, admin1), _weight in ctx.admin1s.most_common():
            if iso3 != country.iso3:
                continue
            unit = self.gazetteer.admin_unit(iso3, admin1)
            if unit is None or unit.kind != "admin1" or km(unit, country) < 100:
                continue  # (the capital's own province has no bearing from the capital)
            bearing = math.degrees(math.atan2(unit.lon - country.lon, unit.lat - country.lat)) % 360
            if min(abs(bearing - want), 360 - abs(bearing - want)) <= 67.5:
                return unit
        return None

    def _namesake_town(self, unit: Place, scored: list[tuple[Place, float]]) -> Place | None:
        towns = [p for p, _ in scored if p.kind in _POINT_KINDS and p.iso3 == unit.iso3
                 and p.admin1 == unit.admin1 and (within(p, unit) or km(p, unit) <= 40)]
        return max(towns, key=lambda p: p.population or 0) if towns else None

    def _seat(self, unit: Place, candidates: list[Place]) -> Place | None:
        towns = [p for p in candidates if p.kind in _POINT_KINDS and within(p, unit)]
        return max(towns, key=lambda p: p.population or 0) if towns else None

    def _precision(self, m: PlaceMention, p: Place) -> int:
        if p.geo == "parent":  # only its province's point is known
            return 3
        if p.kind in ("country", "admin1"):
            return 3 if m.modifier != "countryside" or p.kind == "country" else 2
        if m.modifier in _DIRECTIONS or m.modifier in _VICINITY:
            return 2
        if p.kind in ("admin2", "admin3") and p.geo == "seat" and m.modifier is None and not (
                m.head_kinds and m.head_kinds[0].startswith("admin")):
            return 1  # «لودر»: the district's point is its namesake town, and the town is meant
        if p.kind in ("admin2", "admin3", "region"):
            return 2
        if m.modifier == "around" and p.kind in _POINT_KINDS and p.kind != "village":
            return 2
        return 1

    def _make(self, m: PlaceMention, place: Place | None, point: Place, precision: int,
              scored, why: str) -> ResolvedPlace:
        chain = place or point
        return ResolvedPlace(
            m.start, m.end, m.text, place, (place or point).name_en, m.text, point.lat, point.lon,
            precision, chain.country, chain.iso3, chain.admin1, chain.admin2, chain.admin3,
            m.head, m.modifier, why=why, candidates=scored, place_start=m.place_start)

    # ------------------------------------------------------------ convenience
    def resolve_text(self, text: str) -> tuple[list[ResolvedPlace], PlaceContext, str]:
        """Recognise and resolve every place of a raw text (offsets into its normalised form)."""
        norm, offsets = normalize(text)
        mentions = self.recognize(norm)
        ctx = self.context(norm, mentions)
        resolved = self.resolve(mentions, ctx, norm)
        for r in resolved:
            r.location_ar = text[offsets[r.start]:offsets[r.end]]
        return resolved, ctx, norm

    def resolve_phrase(self, phrase: str, context: PlaceContext,
                       article_places: list[ResolvedPlace] | None = None) -> ResolvedPlace | None:
        """The one place a location phrase («منطقة الصكرة غرب حديثة») means, in an article's context.

        The most specific resolved mention wins; a phrase with no known
        place falls back to the article's most named place.
        """
        norm, _ = normalize(phrase)
        mentions = self.recognize(norm)
        if not mentions and norm.strip():
            # A location phrase is a place by definition: accept a bare weak name too.
            mentions = self._bare_phrase(norm)
        resolved = [r for r in self.resolve(mentions, context, norm) if r.resolved]
        if resolved:
            # The phrase names its place first; what follows locates it («X غرب حديثة»).
            return resolved[0]
        places = [r for r in (article_places or []) if r.resolved and r.role not in ("dateline", "anaphor")
                  and r.place is not None and r.place.kind != "country"]
        if places:
            counts = Counter(r.place.id for r in places)
            top = max(places, key=lambda r: (counts[r.place.id], -r.geo_precision))
            return ResolvedPlace(0, len(norm), norm, top.place, top.location, phrase, top.latitude,
                                 top.longitude, max(2, top.geo_precision), top.country, top.iso3,
                                 top.admin1, top.admin2, top.admin3,
                                 why=f"no place named; the article's most named place {top.location}")
        if context.dateline is not None:
            d = context.dateline
            return ResolvedPlace(0, len(norm), norm, d, d.name_en, phrase, d.lat, d.lon, 3, d.country,
                                 d.iso3, d.admin1, d.admin2, d.admin3, why="no place named; the dateline")
        return None

    def _bare_phrase(self, norm: str) -> list[PlaceMention]:
        out = []
        for m in self.recognizer.matcher.find(norm):
            if m.payload[0] != "name":
                continue
            cands = self.gazetteer.lookup(m.payload[1])
            if cands:
                out.append(PlaceMention(m.start, m.end, m.text, None, None, cands, name=m.text,
                                        name_start=m.start, name_end=m.end))
        return out

