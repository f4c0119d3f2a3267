#!/usr/bin/env python3
"""How well rasd places the gold locations of an annotated corpus.

    python tools/eval_places.py [--corpus /work/shared/corpus/dev] [--explain]

For each gold event: recognise and resolve the gold's `location_ar` in the
context of its article (the article's countries, provinces and dateline),
then measure the distance to the gold coordinates. Reports the share of
events placed within 25 km and within 5 km, the admin1 accuracy, and the
median error. Gold is only measured against, never read into the resolver.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.eval.scorer import admin_key
from rasd.places.resolve import PlaceResolver  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def loose(name: str | None) -> str:
    """Admin names compared loosely, as `rasd eval` compares them (spec §4):
    'Al-Hasakeh' ~ 'Al Hasakah', 'Taizz' ~ 'Taiz'."""
    return admin_key(name)


def in_text(phrase: str, text: str, places, offsets):
    """The first place resolved inside the phrase's first occurrence in the article, if any."""
    at = text.find(phrase) if phrase.strip() else -1
    if at < 0:
        return None
    inside = [r for r in places if r.resolved and r.role != "anaphor"
              and at <= offsets[r.start] and offsets[r.end] <= at + len(phrase)]
    return min(inside, key=lambda r: r.start) if inside else None


def admin1_names(resolver: PlaceResolver, place) -> set[str]:
    """The chosen admin1 and its English aliases from the gazetteer."""
    names = {loose(place.admin1)}
    unit = resolver.gazetteer.admin_unit(place.iso3, place.admin1)
    if unit is not None:
        names |= {loose(a) for a in resolver.gazetteer.aliases_en.get(unit.id, [])}
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/dev"))
    ap.add_argument("--explain", action="store_true", help="print every event that is off by more than 5 km")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--gazetteer", type=Path, default=None,
                    help="another gazetteer file (e.g. one built without the curated list)")
    ap.add_argument("--in-text", action="store_true",
                    help="where the gold phrase occurs in the article, take the place resolved there "
                         "(with its containers and neighbours, as the pipeline does) instead of "
                         "resolving the phrase alone")
    args = ap.parse_args(argv)

    articles = {}
    with open(args.corpus / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles[a["id"]] = a
    from rasd.places.gazetteer import Gazetteer

    resolver = PlaceResolver(Gazetteer.load(args.gazetteer) if args.gazetteer else None)
    n = within25 = within5 = admin1_ok = admin1_n = 0
    # Gold events with no point, only their admin1 (spec §4 matches these on admin1).
    nopoint_ok = nopoint_n = 0
    errors = []
    with open(args.corpus / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            article = articles[gold["id"]]
            text = (article.get("title") or "") + "\n\n" + article["text"]
            places, ctx, _ = resolver.resolve_text(text)
            offsets = normalize(text)[1] if args.in_text else None
            for ev in gold["events"]:
                phrase = ev.get("location_ar") or ""
                if ev.get("latitude") is None:
                    if ev.get("admin1"):
                        r = in_text(phrase, text, places, offsets) if args.in_text else None
                        if r is None:
                            r = resolver.resolve_phrase(phrase, ctx, places)
                        nopoint_n += 1
                        nopoint_ok += r is not None and loose(ev["admin1"]) in admin1_names(resolver, r)
                    continue
                n += 1
                r = in_text(phrase, text, places, offsets) if args.in_text else None
                if r is None:
                    r = resolver.resolve_phrase(phrase, ctx, places)
                if r is None:
                    dist = float("inf")
                else:
                    dist = km(r.latitude, r.longitude, ev["latitude"], ev["longitude"])
                errors.append(dist)
                within25 += dist <= 25
                within5 += dist <= 5
                if ev.get("admin1"):
                    admin1_n += 1
                    ok = r is not None and loose(ev["admin1"]) in admin1_names(resolver, r)
                    admin1_ok += ok
                if args.explain and dist > 5:
                    got = "nothing" if r is None else (
                        f"{r.location} / {r.admin1} ({r.latitude:.3f},{r.longitude:.3f}) p{r.geo_precision}"
                        f" — {r.why}")
                    print(f"{dist:8.1f} km  {gold['id'][:28]:28}  «{ev.get('location_ar')}» gold "
                          f"{ev.get('location')} / {ev.get('admin1')}  got {got}")
    figures = {
        "events": n,
        "within_25km": round(within25 / n, 3) if n else 0,
        "within_5km": round(within5 / n, 3) if n else 0,
        "admin1_accuracy": round(admin1_ok / admin1_n, 3) if admin1_n else 0,
        "admin1_accuracy_no_point": round(nopoint_ok / nopoint_n, 3) if nopoint_n else None,
        "median_error_km": round(median(errors), 2) if errors else None,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"gold locations: {n} events in {len(articles)} articles ({args.corpus})")
        print(f"within 25 km: {within25}/{n} = {figures['within_25km']:.1%}")
        print(f"within 5 km:  {within5}/{n} = {figures['within_5km']:.1%}")
        print(f"admin1 right: {admin1_ok}/{admin1_n} = {figures['admin1_accuracy']:.1%}")
        print(f"median error: {figures['median_error_km']} km")
        if nopoint_n:
            print(f"admin1 right, gold with no point: {nopoint_ok}/{nopoint_n} = {nopoint_ok / nopoint_n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
