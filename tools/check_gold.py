#!/usr/bin/env python3
"""Validate a gold annotation file against its articles (spec/EVENTS.md §2, §4).

usage: python tools/check_gold.py corpus/heldout/gold.jsonl corpus/heldout/articles.jsonl

Checks: JSON validity, one gold line per article, event_type/sub_event_type
names from the spec table, alt_types, status, dates, precisions, iso3,
coordinates, counts, and that every evidence {text,start,end} slices the
article text exactly. Exits 1 on any error.
"""
import datetime
import json
import re
import sys

TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack",
                                   "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
ISO3 = {"Afghanistan": "AFG", "Egypt": "EGY", "Iran": "IRN", "Iraq": "IRQ", "Israel": "ISR",
        "Jordan": "JOR", "Kuwait": "KWT", "Lebanon": "LBN", "Libya": "LBY",
        "Palestine": "PSE", "Saudi Arabia": "SAU", "Somalia": "SOM", "Sudan": "SDN",
        "South Sudan": "SSD", "Syria": "SYR", "Turkey": "TUR", "Yemen": "YEM"}
REQUIRED = ["id", "status", "event_date", "time_precision", "event_type", "sub_event_type",
            "actor1", "actor2", "location", "location_ar", "latitude", "longitude",
            "geo_precision", "country", "iso3", "admin1", "fatalities", "injuries",
            "notes", "evidence"]


def is_date(s):
    try:
        datetime.date.fromisoformat(s)
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s))
    except (TypeError, ValueError):
        return False


def main(gold_path, articles_path):
    errors = []
    arts = {}
    for n, line in enumerate(open(articles_path, encoding="utf-8"), 1):
        if line.strip():
            a = json.loads(line)
            for k in ("id", "title", "text"):
                if k not in a:
                    errors.append(f"articles:{n}: missing {k}")
            arts[a["id"]] = a
    seen = set()
    counts = {"articles": 0, "current": 0, "optional": 0, "background": 0, "none": 0}
    for n, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"gold:{n}: bad JSON: {e}")
            continue
        aid = g.get("id")
        where = f"gold:{n}:{aid}"
        if aid not in arts:
            errors.append(f"{where}: no such article")
            continue
        if aid in seen:
            errors.append(f"{where}: duplicate article line")
        seen.add(aid)
        counts["articles"] += 1
        text = arts[aid]["text"]
        if g.get("published") != arts[aid].get("published"):
            errors.append(f"{where}: published differs from the article")
        if not isinstance(g.get("not_events", []), list):
            errors.append(f"{where}: not_events must be a list")
        evs = g.get("events")
        if not isinstance(evs, list):
            errors.append(f"{where}: events must be a list")
            continue
        if not any(e.get("status") == "current" for e in evs):
            counts["none"] += 1
        ids = set()
        for e in evs:
            w = f"{where}:{e.get('id')}"
            for k in REQUIRED:
                if k not in e:
                    errors.append(f"{w}: missing {k}")
            if e.get("id") in ids:
                errors.append(f"{w}: duplicate event id")
            ids.add(e.get("id"))
            et, st = e.get("event_type"), e.get("sub_event_type")
            if et not in TAXONOMY:
                errors.append(f"{w}: bad event_type {et!r}")
            elif st not in TAXONOMY[et]:
                errors.append(f"{w}: bad sub_event_type {st!r} for {et}")
            for alt in e.get("alt_types") or []:
                if alt not in TAXONOMY or alt == et:
                    errors.append(f"{w}: bad alt_type {alt!r}")
            if e.get("status") not in ("current", "background"):
                errors.append(f"{w}: bad status {e.get('status')!r}")
            if not isinstance(e.get("optional", False), bool):
                errors.append(f"{w}: optional must be boolean")
            if not is_date(e.get("event_date")):
                errors.append(f"{w}: bad event_date {e.get('event_date')!r}")
            elif g.get("published") and e["event_date"] > g["published"]:
                errors.append(f"{w}: event_date after publication")
            if e.get("time_precision") not in (1, 2, 3):
                errors.append(f"{w}: bad time_precision")
            if e.get("geo_precision") not in (1, 2, 3):
                errors.append(f"{w}: bad geo_precision")
            c, iso = e.get("country"), e.get("iso3")
            if not (isinstance(iso, str) and re.fullmatch(r"[A-Z]{3}", iso)):
                errors.append(f"{w}: bad iso3 {iso!r}")
            elif c in ISO3 and ISO3[c] != iso:
                errors.append(f"{w}: iso3 {iso} does not match country {c}")
            lat, lon = e.get("latitude"), e.get("longitude")
            if (lat is None) != (lon is None):
                errors.append(f"{w}: latitude/longitude must both be set or both null")
            elif lat is not None and not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
                                          and -90 <= lat <= 90 and -180 <= lon <= 180):
                errors.append(f"{w}: bad coordinates")
            if lat is None and not e.get("admin1") and not e.get("optional"):
                errors.append(f"{w}: no coordinates and no admin1")
            for k in ("fatalities", "injuries"):
                if not (isinstance(e.get(k), int) and e[k] >= 0):
                    errors.append(f"{w}: bad {k}")
            la = e.get("location_ar")
            if la and la not in text:
                errors.append(f"{w}: location_ar not in text")
            evd = e.get("evidence") or []
            if not evd:
                errors.append(f"{w}: no evidence")
            for q in evd:
                s, t = q.get("start"), q.get("end")
                if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)
                        and text[s:t] == q.get("text")):
                    errors.append(f"{w}: evidence offsets do not slice the text: {q.get('text', '')[:40]!r}")
            if e.get("status") == "background":
                counts["background"] += 1
            elif e.get("optional"):
                counts["optional"] += 1
            else:
                counts["current"] += 1
    for aid in arts:
        if aid not in seen:
            errors.append(f"article {aid} has no gold line")
    for m in errors:
        print("ERROR", m)
    print("articles {articles}; current required {current}; current optional {optional}; "
          "background {background}; articles with no current event {none}".format(**counts))
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
