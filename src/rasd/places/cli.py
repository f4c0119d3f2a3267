"""`rasd places "text"`: what was recognised as a place and how it was resolved."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasd.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("places", help="show the places found in a text and how each was resolved",
                       description="Recognise and resolve the places of an Arabic text: candidates, "
                                   "the chosen one and why.")
    p.add_argument("text", help="Arabic text, or @FILE to read a text file, or - for standard input")
    p.add_argument("--json", action="store_true", help="one JSON object per place")
    p.add_argument("--candidates", type=int, default=5, help="candidates shown per place (default 5)")
    p.set_defaults(func=cmd_places)


def _read(arg: str) -> str:
    if arg == "-":
        return sys.stdin.read()
    if arg.startswith("@"):
        path = Path(arg[1:])
        if not path.is_file():
            raise InputError(f"{path}: no such file or directory")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}: text is not UTF-8; re-save it as UTF-8") from None
    return arg


def cmd_places(args: argparse.Namespace) -> int:
    from rasd.places.resolve import PlaceResolver

    text = _read(args.text)
    if not text.strip():
        raise InputError("places: the text is empty; give Arabic text, @FILE or -")
    resolver = PlaceResolver()
    resolved, ctx, _norm = resolver.resolve_text(text)
    out = sys.stdout
    if args.json:
        for r in resolved:
            out.write(json.dumps({
                "text": r.location_ar, "head": r.head, "modifier": r.modifier, "role": r.role or None,
                "location": r.location, "latitude": r.latitude, "longitude": r.longitude,
                "geo_precision": r.geo_precision, "country": r.country, "iso3": r.iso3,
                "admin1": r.admin1, "admin2": r.admin2, "admin3": r.admin3,
                "place_id": r.place.id if r.place else None, "why": r.why,
                "candidates": [{"id": p.id, "name": p.name_en, "kind": p.kind, "admin1": p.admin1,
                                "iso3": p.iso3, "score": s} for p, s in r.candidates[:args.candidates]],
            }, ensure_ascii=False) + "\n")
        return 0
    countries = ", ".join(f"{k} {v:g}" for k, v in ctx.countries.most_common(5)) or "none"
    out.write(f"article countries: {countries}; dateline: "
              f"{ctx.dateline.name_en if ctx.dateline else 'none'}\n")
    if not resolved:
        out.write("no place recognised\n")
    for r in resolved:
        where = (f"{r.location} ({r.latitude:.4f}, {r.longitude:.4f}) precision {r.geo_precision}; "
                 f"{' / '.join(x for x in (r.country, r.admin1, r.admin2, r.admin3) if x)}"
                 if r.resolved else "unresolved")
        tags = " ".join(f"[{t}]" for t in (r.head and f"head {r.head}", r.modifier, r.role) if t)
        out.write(f"«{r.location_ar}» {tags}\n  → {where}\n  why: {r.why}\n")
        for p, score in r.candidates[:args.candidates]:
            out.write(f"    {score:6.2f}  {p.id:22} {p.name_en} ({p.kind}; {p.admin1 or '-'}, {p.iso3})\n")
    return 0
