#!/usr/bin/env python3
"""Gazetteer size per country, load time and memory, and place recognition speed.

    python bench/places_bench.py [--articles N]

Load time and memory are measured in a fresh subprocess (so nothing is
cached): reading the SQLite file into memory, and building the resolver
(gazetteer + name trie). Recognition speed is place recognition and
resolution alone over the benchmark corpus (shared dev + SaudiNewsNet
articles), on one core. Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

_TIME = r"""
import json, resource, time
t0 = time.perf_counter()
from rasd.places.gazetteer import Gazetteer
from rasd.places.resolve import PlaceResolver
t1 = time.perf_counter()
g = Gazetteer.load()
t2 = time.perf_counter()
r = PlaceResolver(g)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "gazetteer_load_s": t2 - t1, "resolver_build_s": t3 - t2,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}))
"""
# Memory is measured in another process: tracemalloc slows loading several times.
_MEMORY = r"""
import json, tracemalloc
from rasd.places.gazetteer import Gazetteer
from rasd.places.resolve import PlaceResolver
tracemalloc.start()
g = Gazetteer.load()
gaz = tracemalloc.get_traced_memory()[0]
r = PlaceResolver(g)
print(json.dumps({"gazetteer_mb": gaz / 1e6, "resolver_mb": tracemalloc.get_traced_memory()[0] / 1e6}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args(argv)

    from rasd.places.gazetteer import Gazetteer

    g = Gazetteer.load()
    per_country: Counter = Counter()
    with_ar: Counter = Counter()
    for p in g.places.values():
        per_country[p.iso3 or "?"] += 1
        with_ar[p.iso3 or "?"] += bool(p.name_ar)
    print(f"gazetteer: {len(g)} places, {len(g.names_ar)} Arabic name keys, "
          f"file {(ROOT / 'src/rasd/data/gazetteer.sqlite').stat().st_size / 1e6:.1f} MB")
    print("entries per country (with an Arabic name):")
    for iso3, n in per_country.most_common(25):
        print(f"  {iso3}  {n:5d}  ({with_ar[iso3]})")
    print(f"  ... {len(per_country)} countries in all")

    def child(code: str) -> dict:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT / "src")}, check=True)
        return json.loads(out.stdout)

    runs = [child(_TIME) for _ in range(3)]
    best = min(runs, key=lambda m: m["gazetteer_load_s"] + m["resolver_build_s"])
    mem = child(_MEMORY)
    print(f"load (fresh process, best of 3): gazetteer {best['gazetteer_load_s']:.3f} s, "
          f"resolver with name trie {best['resolver_build_s']:.3f} s (imports {best['import_s']:.3f} s); "
          f"memory: gazetteer {mem['gazetteer_mb']:.1f} MB, with resolver {mem['resolver_mb']:.1f} MB "
          f"(tracemalloc), process max RSS {best['max_rss_mb']:.0f} MB")

    from corpus import corpus  # the shared benchmark corpus
    from rasd.places.resolve import PlaceResolver
    from rasd.text.normalize import normalize

    resolver = PlaceResolver(g)
    articles = list(corpus(args.articles))
    norms = [normalize(a.text)[0] for a in articles]
    chars = sum(len(n) for n in norms)
    from rasd.text.tokens import tokenize

    found = 0
    cold = shared = 0.0
    for norm in norms:
        t = time.perf_counter()
        mentions = resolver.recognize(norm)
        found += len(resolver.resolve(mentions, resolver.context(norm, mentions), norm))
        cold += time.perf_counter() - t
    for norm in norms:
        # In the pipeline the tokens are shared by every recogniser (tokenize is cached):
        # this is the places stage's own cost.
        tokenize(norm)
        t = time.perf_counter()
        mentions = resolver.recognize(norm)
        resolver.resolve(mentions, resolver.context(norm, mentions), norm)
        shared += time.perf_counter() - t
    print(f"recognise+resolve: {len(norms)} articles ({chars / len(norms):.0f} chars avg), {found} places; "
          f"{len(norms) / cold:.0f} articles/s on one core including tokenisation, "
          f"{len(norms) / shared:.0f} articles/s with the text already tokenised")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
