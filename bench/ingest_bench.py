"""Ingest benchmark: articles/s into SQLite and PostgreSQL, re-run cost, dedup figures.

    python bench/ingest_bench.py [--corpus FILE] [--pg URL] [--limit N] [--date-field F]

For each database (SQLite in a temp folder; PostgreSQL when --pg or
DATABASE_URL is given, in a fresh schema dropped afterwards) it measures:
  full       ingest with the real extraction pipeline (what a user sees)
  store      ingest replaying events extracted beforehand: the store's own cost
  rerun      the same ingest again (idempotent: nothing stored or extracted)
and the dedup figures of the run (per-article events -> events, merged groups).
Prints a table and writes bench/results/ingest-<UTC date>.json. Timings are
wall-clock on whatever machine runs it; say how loaded it was.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from rasd.io.feeds import ReadOptions, read_inputs
from rasd.model import Article, Event
from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.dedup_store import dedup_groups

DEFAULT_CORPUS = "/work/shared/data/raw/saudinewsnet_conflict/saudinewsnet_conflict_2015.jsonl.xz"


class Replay:
    """A pipeline that hands back events extracted earlier (copies, so ids stay stable)."""

    def __init__(self, events: dict[str, list[Event]]):
        self.events = events

    def extract(self, article: Article) -> list[Event]:
        from dataclasses import replace

        return [replace(e, evidence=list(e.evidence), sources=list(e.sources))
                for e in self.events.get(article.id, [])]


def measure(db: str, articles: list[Article], pipeline, run_id: str) -> dict:
    with open_store(db) as store:
        started = time.perf_counter()
        summary = store.ingest(iter(articles), pipeline, progress=False, run_id=run_id)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = store.ingest(iter(articles), pipeline, progress=False, run_id=run_id)
        rerun_seconds = time.perf_counter() - started
        groups = dedup_groups(store, run_id)
        sizes = [len(g["members"]) for g in groups]
        return {
            "articles": summary.articles_read, "seconds": round(seconds, 2),
            "articles_per_s": round(summary.articles_read / seconds, 1),
            "events": summary.events_found, "events_after_dedup": summary.events_after_dedup,
            "merged_groups": summary.merged_groups, "reports_in_merged_groups": sum(sizes),
            "largest_group": max(sizes, default=0), "failed": summary.articles_failed,
            "rerun_seconds": round(rerun_seconds, 2),
            "rerun_articles_per_s": round(again.articles_read / rerun_seconds, 1),
            "rerun_extracted": again.articles_extracted, "rerun_new": again.articles_new,
        }


def pg_schema(url: str):
    from sqlalchemy import create_engine, text

    schema = "bench_" + uuid.uuid4().hex[:8]
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()

    return f"{url}{sep}options={quote(f'-csearch_path={schema},public')}", drop


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--date-field", default="date_extracted")
    ap.add_argument("--pg", default=os.environ.get("DATABASE_URL"))
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--out", default=None, help="result JSON (default bench/results/ingest-<date>.json)")
    args = ap.parse_args()

    articles = list(read_inputs([args.corpus], ReadOptions(date_field=args.date_field),
                                on_problem=lambda m: None))
    if args.limit:
        articles = articles[:args.limit]
    pipeline = Pipeline()
    started = time.perf_counter()
    extracted: dict[str, list[Event]] = {}
    failed = 0
    for a in articles:
        try:
            extracted[a.id] = pipeline.extract(a)
        except Exception:  # noqa: BLE001 - count it; ingest reports and retries such articles
            failed += 1
    extract_s = time.perf_counter() - started
    results: dict = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {os.cpu_count()} cpus (shared; load {os.getloadavg()[0]:.1f})",
        "corpus": args.corpus, "articles": len(articles),
        "extraction_only": {"seconds": round(extract_s, 2),
                            "articles_per_s": round(len(articles) / extract_s, 1),
                            "events": sum(len(v) for v in extracted.values()), "failed": failed},
    }
    targets = [("sqlite", None)]
    if args.pg:
        targets.append(("postgresql", args.pg))
    for name, url in targets:
        for mode in ("full", "store"):
            if url is None:
                tmp = tempfile.mkdtemp(prefix="rasd-bench-")
                db, cleanup = str(Path(tmp) / "bench.sqlite"), (lambda: None)
            else:
                db, cleanup = pg_schema(url)
            try:
                chosen = pipeline if mode == "full" else Replay(extracted)
                results[f"{name}_{mode}"] = measure(db, articles, chosen, run_id=f"bench-{mode}")
            finally:
                cleanup()
            r = results[f"{name}_{mode}"]
            print(f"{name:10s} {mode:5s} {r['articles']:6,} articles {r['seconds']:7.2f} s "
                  f"{r['articles_per_s']:8.1f} articles/s  events {r['events']:,} -> "
                  f"{r['events_after_dedup']} after dedup ({r['merged_groups']} groups)  "
                  f"re-run {r['rerun_articles_per_s']:,.0f} articles/s", flush=True)
    e = results["extraction_only"]
    print(f"extraction alone: {e['articles_per_s']} articles/s ({e['events']:,} events)")
    out = Path(args.out or Path(__file__).parent / "results" /
               f"ingest-{datetime.now(timezone.utc):%Y-%m-%d}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
