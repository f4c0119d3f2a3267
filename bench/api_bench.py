"""API latency of `rasd serve` over a large store (issue 8).

Generates N synthetic events (default 100,000) into a SQLite store through the
Store API (add_articles + save_extractions, as ingest would), serves it with
`rasd serve` in its own process on a free loopback port (as a user would; a
server thread inside this process would share the GIL with the timing client
and add tens of ms), and times real HTTP requests of typical page queries:
p50 / p99 / max per query, in milliseconds.

    python bench/api_bench.py                       # 100,000 events, 200 requests per query
    python bench/api_bench.py --events 20000 --requests 50 --json bench/results/api.json
    python bench/api_bench.py --db /tmp/api-bench.sqlite --reuse   # keep / reuse the generated store
    python bench/api_bench.py --db "$DATABASE_URL" --reuse          # the same on PostgreSQL

The synthetic events are random but shaped like real output (ACLED types,
Syria/Iraq/Yemen places inside their countries, two years of dates, canonical
actors, Arabic evidence text); a fixed seed makes runs comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from rasd.model import EVENT_TYPES, Article, Event, Evidence
from rasd.store import open_store

# (country, iso3, [(admin1, lat, lon)]) — rough admin1 centres; points are scattered around them.
PLACES = [
    ("Syria", "SYR", [("Aleppo", 36.2, 37.2), ("Idleb", 35.9, 36.6), ("Al-Hasakeh", 36.5, 40.8),
                      ("Deir-ez-Zor", 35.3, 40.1), ("Ar-Raqqa", 35.9, 39.0), ("Dar'a", 32.6, 36.1),
                      ("Homs", 34.7, 36.7), ("Rural Damascus", 33.5, 36.5)]),
    ("Iraq", "IRQ", [("Ninewa", 36.3, 43.1), ("Al-Anbar", 33.4, 43.3), ("Baghdad", 33.3, 44.4),
                     ("Diyala", 33.8, 45.0), ("Kirkuk", 35.5, 44.4), ("Salah Al-Din", 34.6, 43.7)]),
    ("Yemen", "YEM", [("Taizz", 13.6, 44.0), ("Aden", 12.8, 45.0), ("Marib", 15.5, 45.3),
                      ("Al Hudaydah", 14.8, 42.9), ("Sanaa", 15.4, 44.2)]),
]
ACTORS = ["Islamic State", "SDF: Syrian Democratic Forces", "Military Forces of Syria",
          "Military Forces of Iraq", "Military Forces of Turkey", "Popular Mobilization Forces",
          "Houthis: Ansar Allah", "Saudi-led Coalition", "International Coalition",
          "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Civilians (Iraq)", "Civilians (Yemen)"]
SENTENCE = "قتل {n} أشخاص في هجوم استهدف موقعا في {place} يوم {day}، بحسب مصادر محلية."
EVENTS_PER_ARTICLE = 5
START = date(2021, 1, 1)
DAYS = 730

# The page's typical questions, each one filtered (issue 8: "a filtered query").
QUERIES = {
    "events country+type+dates": ("/api/events", {"country": "Syria", "event_type": "Battles",
                                                   "date_from": "2022-01-01", "date_to": "2022-06-30",
                                                   "limit": 100}),
    "events bbox+min_fatalities": ("/api/events", {"bbox": "36,32,41,37", "min_fatalities": 3, "limit": 100}),
    "events actor+sort fatalities": ("/api/events", {"actor": "islamic state", "sort": "-fatalities",
                                                     "limit": 100}),
    "events text search": ("/api/events", {"text": "ninewa", "limit": 100}),
    "events deep page": ("/api/events", {"admin1": "Aleppo", "offset": 2000, "limit": 100}),
    "stats country": ("/api/stats", {"country": "Iraq"}),
    "geojson admin1 (page map)": ("/api/events.geojson", {"admin1": "Al-Hasakeh", "limit": 5000,
                                                          "properties": "brief"}),
}


def synthetic_batches(n_events: int, seed: int = 7):
    """Yield (articles, [(article_id, events)]) in batches of 1,000 articles."""
    rng = random.Random(seed)
    types = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    n_articles = (n_events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE
    made = 0
    for first in range(0, n_articles, 1000):
        articles, items = [], []
        for a in range(first, min(n_articles, first + 1000)):
            country, iso3, admins = rng.choice(PLACES)
            admin1, clat, clon = rng.choice(admins)
            published = START + timedelta(days=rng.randrange(DAYS))
            sentences, events = [], []
            for i in range(min(EVENTS_PER_ARTICLE, n_events - made)):
                day = published - timedelta(days=rng.choice((0, 0, 1, 1, 2)))
                killed = min(200, int(rng.expovariate(0.4)))
                sentence = SENTENCE.format(n=killed, place=admin1, day=day.isoformat())
                start = sum(len(s) + 1 for s in sentences)
                sentences.append(sentence)
                etype, sub = rng.choice(types)
                a1, a2 = rng.sample(ACTORS, 2)
                events.append(Event(
                    event_id=f"b{a:07d}-{i}", article_id=f"bench-{a:07d}", status=rng.choice(("current",) * 9 + ("background",)),
                    event_date=day.isoformat(), time_precision=rng.choice((1, 1, 1, 2, 3)),
                    event_type=etype, sub_event_type=sub, actor1=a1, actor2=a2 if rng.random() < 0.7 else None,
                    country=country, iso3=iso3, admin1=admin1, admin2=admin1, location=f"{admin1} place {i}",
                    location_ar=admin1, latitude=round(clat + rng.uniform(-0.4, 0.4), 4),
                    longitude=round(clon + rng.uniform(-0.4, 0.4), 4), geo_precision=rng.choice((1, 1, 2, 3)),
                    fatalities=killed, injuries=int(rng.expovariate(0.3)),
                    notes=f"{a1} {sub.lower()} in {admin1}, {country}, on {day.isoformat()}.",
                    evidence=[Evidence(start, start + len(sentence), sentence)]))
                made += 1
            articles.append(Article(id=f"bench-{a:07d}", text="\n".join(sentences), title=f"تقرير {a}",
                                    published=published, source="bench"))
            items.append((f"bench-{a:07d}", events))
        yield articles, items


def fill_store(store, n_events: int) -> float:
    t0 = time.perf_counter()
    done = 0
    for articles, items in synthetic_batches(n_events):
        store.add_articles(articles)
        store.save_extractions(items)
        done += sum(len(evs) for _, evs in items)
        print(f"\r  stored {done:,} events", end="", file=sys.stderr, flush=True)
    store.refresh_statistics()  # as ingest's final dedup does
    print(file=sys.stderr)
    return time.perf_counter() - t0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure(url: str, requests: int) -> dict[str, dict[str, float]]:
    results = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, (path, params) in QUERIES.items():
            first = client.get(path, params=params)
            first.raise_for_status()
            body = first.json()
            answered = body.get("total")
            times = []
            for _ in range(requests):
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
            results[name] = {"matching_events": answered, "p50_ms": round(statistics.median(times), 1),
                             "p99_ms": round(percentile(times, 0.99), 1), "max_ms": round(max(times), 1),
                             "requests": requests}
            print(f"  {name:32s} total={answered!s:>7}  p50 {results[name]['p50_ms']:7.1f} ms  "
                  f"p99 {results[name]['p99_ms']:7.1f} ms", file=sys.stderr)
    return results


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: str) -> tuple[subprocess.Popen, str]:
    """`rasd serve --db DB` on a free port; returns the process and its URL once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"rasd serve exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            httpx.get(url + "/api/meta", timeout=2).raise_for_status()
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("rasd serve did not answer within 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per query")
    parser.add_argument("--db", default=None, help="SQLite file or postgresql:// URL to fill (default: a temporary SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds the events")
    parser.add_argument("--json", default=None, help="write the figures to this JSON file")
    args = parser.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="rasd-api-bench-")
        args.db = os.path.join(tmp.name, "events.sqlite")
    store = open_store(args.db)
    try:
        fill_seconds = None
        if not (args.reuse and store.count_events() >= args.events):
            print(f"generating {args.events:,} synthetic events into {args.db}", file=sys.stderr)
            fill_seconds = fill_store(store, args.events)
        stored = store.count_events()
    finally:
        store.close()
    print(f"serving {stored:,} events; {args.requests} requests per query", file=sys.stderr)
    proc, url = serve(args.db)
    load_before = os.getloadavg()
    try:
        results = measure(url, args.requests)
        load_after = os.getloadavg()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if tmp is not None:
            tmp.cleanup()
    report = {"events_in_store": stored, "fill_seconds": fill_seconds and round(fill_seconds, 1),
              "store": "PostgreSQL" if args.db.startswith("postgres") else "SQLite", "server": "rasd serve (uvicorn, one process)",
              "client": "httpx over loopback, one connection, sequential requests",
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
              # 1-minute load average before and after timing: above the core count, figures are inflated
              "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
              "queries": {name: {"path": p, "params": q, **results[name]} for name, (p, q) in QUERIES.items()}}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
