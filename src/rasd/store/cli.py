"""`rasd ingest`, `rasd events`, `rasd export`, `rasd dedup`: the store's commands.

Every command takes --db (a SQLite path or a postgresql:// URL; default: a
SQLite file in the user data directory). Thin: parse, call rasd.store, print.

The distributed engine (rasd.scale.cli) adds its options to `rasd ingest`
(`add_ingest_options`), and ingest hands over to its `run_ingest` whenever
`args.engine` is set.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from rasd.errors import RasdError
from rasd.scale import cli as scale_cli

DB_HELP = ("database: a SQLite file path or postgresql://user:password@host:port/dbname "
           "(default: rasd.sqlite in the user data directory)")


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _count_arg(value: str) -> int:
    """A whole number, 0 or more (--limit, --offset): the store would quietly read -3 as 0."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 0 or more")
    return number


def _bbox_arg(value: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise argparse.ArgumentTypeError(f"{value!r} is not minlon,minlat,maxlon,maxlat (four numbers)")
    return parts  # type: ignore[return-value]


# ---------------------------------------------------------------- ingest
def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.io.feeds import ReadOptions, check_paths, read_inputs
    from rasd.store import open_store

    problems: list[str] = []  # the last one, for the error when nothing could be read

    def on_problem(message: str) -> None:
        problems[:] = [message]
        print(f"rasd: warning: {message}", file=sys.stderr)

    paths = check_paths(args.paths) if args.paths else []
    if not paths and not args.reextract:
        raise RasdError("ingest: name files or folders to ingest, or give --reextract")
    options = ReadOptions(published=args.published, date_field=args.date_field, max_chars=args.max_chars)
    articles = read_inputs(paths, options, on_problem)
    if args.engine:
        return scale_cli.run_ingest(args, articles)
    with open_store(args.db) as store:
        if args.reextract:
            articles = _chain(articles, store.iter_articles()) if paths else store.iter_articles()
        summary = store.ingest(articles, progress=not args.no_progress, batch_size=args.batch_size,
                               force=args.force, dedup=not args.no_dedup, on_problem=on_problem)
        print_summary(summary, store.name, sys.stderr)
    if summary.articles_read == 0:
        detail = f" ({problems[-1]})" if problems else ""
        raise RasdError(f"{' '.join(paths) or args.db}: no article could be read{detail}")
    return 0


def _chain(*iterables):
    for it in iterables:
        yield from it


def print_summary(summary, where: str, out) -> None:
    lines = [
        f"rasd ingest: {summary.articles_read:,} articles read in {summary.seconds:.1f} s "
        f"({summary.articles_per_second:.1f} articles/s) into {where}",
        f"  {summary.articles_new:,} new, {summary.articles_existing:,} already stored; "
        f"{summary.articles_extracted:,} extracted, {summary.articles_skipped:,} already extracted by "
        f"this run, {summary.articles_failed:,} failed",
        f"  {summary.events_found:,} events found (run {summary.run_id})",
    ]
    if summary.events_after_dedup is not None:
        lines.append(f"  after cross-article dedup: {summary.events_after_dedup:,} events in the run "
                     f"({summary.merged_groups:,} merged groups)")
    if summary.problem_count:
        lines.append(f"  {summary.problem_count:,} problems (warnings above)")
    print("\n".join(lines), file=out)


# ---------------------------------------------------------------- events / export
def _filter(args: argparse.Namespace):
    from rasd.store import EventFilter

    return EventFilter(date_from=args.date_from, date_to=args.date_to, bbox=args.bbox,
                       country=args.country, admin1=args.admin1, event_type=args.type,
                       sub_event_type=args.sub_type, actor=args.actor, text=args.text,
                       status=args.status, min_fatalities=args.min_fatalities, run_id=args.run,
                       article_id=args.article)


def cmd_events(args: argparse.Namespace) -> int:
    from rasd.store import open_store

    with open_store(args.db) as store:
        if args.runs:
            for run in store.runs():
                print(f"{run['run_id']}  created {run['created_at']:%Y-%m-%d %H:%M}  "
                      f"{run['articles']:,} articles  {run['events']:,} events")
            return 0
        f = _filter(args)
        events = store.query_events(f, limit=args.limit, offset=args.offset, sort=args.sort)
        total = store.count_events(f)
    if args.format == "json":
        json.dump({"total": total, "offset": args.offset, "events": [e.to_dict() for e in events]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "jsonl":
        for e in events:
            sys.stdout.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_table(events, total, args.offset)
    return 0


def _print_table(events, total: int, offset: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(caption=f"{offset + 1 if events else 0}-{offset + len(events)} of {total:,} events")
    for column in ("date", "type", "actor1", "actor2", "place", "admin1", "killed", "sources", "event_id"):
        table.add_column(column)
    for e in events:
        place = e.location or ""
        if e.location_ar:
            place = f"{place} (\u2067{e.location_ar}\u2069)"
        table.add_row(f"{e.event_date or '?'} p{e.time_precision}", e.sub_event_type, e.actor1 or "",
                      e.actor2 or "", place, e.admin1 or "", str(e.fatalities), str(len(e.sources)),
                      e.event_id)
    Console(file=sys.stdout, width=max(120, Console().width)).print(table)


def cmd_export(args: argparse.Namespace) -> int:
    from rasd.io.exports import write_events
    from rasd.store import open_store

    with open_store(args.db) as store:
        f = _filter(args)

        def names(article_ids: list[str]) -> dict[str, str]:
            meta = store.article_sources(article_ids)
            return {aid: m["source"] for aid, m in meta.items() if m.get("source")}

        count = write_events(store.iter_events(f), args.format, args.output, source_names=names)
    if args.output:
        print(f"rasd export: {count:,} events written to {args.output}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- dedup
def cmd_dedup(args: argparse.Namespace) -> int:
    from rasd.store import open_store
    from rasd.store.dedup_store import dedup_groups

    with open_store(args.db) as store:
        if args.show is not None:
            for group in dedup_groups(store, args.run, limit=args.show):
                print(json.dumps(group, ensure_ascii=False))
            return 0
        if args.undo:
            n = store.undo_dedup(args.run)
            print(f"rasd dedup: undone; {n:,} events, each its own group", file=sys.stderr)
            return 0
        result = store.dedup(args.run)
    print(f"rasd dedup: {result.events_before:,} per-article events -> {result.events_after:,} events "
          f"({result.merged_groups:,} merged groups, largest {result.largest_group}) in run {result.run_id}",
          file=sys.stderr)
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--from", dest="date_from", type=_date_arg, help="events on or after YYYY-MM-DD")
    g.add_argument("--to", dest="date_to", type=_date_arg, help="events on or before YYYY-MM-DD")
    g.add_argument("--bbox", type=_bbox_arg, help="minlon,minlat,maxlon,maxlat")
    g.add_argument("--country", help="country name or ISO3 code")
    g.add_argument("--admin1", help="province / governorate (English name)")
    g.add_argument("--type", help="event_type, e.g. 'Battles'")
    g.add_argument("--sub-type", help="sub_event_type, e.g. 'Air/drone strike'")
    g.add_argument("--actor", help="part of an actor's name, any case")
    g.add_argument("--text", help="words in notes, place names or actors")
    g.add_argument("--status", choices=("current", "background"))
    g.add_argument("--min-fatalities", type=int)
    g.add_argument("--article", help="events reported by this article id")
    g.add_argument("--run", help="extraction run id (default: the newest run)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="store articles and their events in a database",
                       description="Read articles (JSON Lines, also .gz/.xz/.bz2; folders of .txt/.html; "
                                   "RSS/Atom feed files), store them, extract events, dedup across "
                                   "articles. Re-running skips what is already stored and extracted.")
    p.add_argument("paths", nargs="*", help="files or folders ('-' reads JSON Lines from stdin)")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--published", type=_date_arg, help="publication date for input that carries none")
    p.add_argument("--date-field", help="take the publication date from this JSON field (e.g. date_extracted)")
    p.add_argument("--batch-size", type=int, default=64, help="articles per transaction (default 64)")
    p.add_argument("--force", action="store_true", help="re-extract articles this run already extracted")
    p.add_argument("--reextract", action="store_true",
                   help="also extract every stored article under the current run (after an upgrade)")
    p.add_argument("--no-dedup", action="store_true", help="skip cross-article dedup at the end")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--max-chars", type=int, default=1_000_000, help="refuse longer articles")
    scale_cli.add_ingest_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="query stored events (deduplicated)",
                       description="Print stored events, one per real-world event with all its sources.")
    p.add_argument("--db", help=DB_HELP)
    _add_filters(p)
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    p.add_argument("--limit", type=_count_arg, default=50)
    p.add_argument("--offset", type=_count_arg, default=0)
    p.add_argument("--sort", default="-event_date", help="field, '-' prefix for descending (default -event_date)")
    p.add_argument("--runs", action="store_true", help="list the extraction runs (newest first) instead")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("export", help="export stored events: ACLED CSV, GeoJSON, JSON Lines, Parquet",
                       description="Write deduplicated events to FILE (or standard output).")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--format", required=True, choices=("acled-csv", "geojson", "jsonl", "parquet"))
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _add_filters(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dedup", help="re-run, show or undo cross-article dedup",
                       description="Group reports of the same event from different articles "
                                   "(per-article events are kept; groups can be undone).")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--run", help="run id (default: the newest run)")
    p.add_argument("--undo", action="store_true", help="split every group back into its events")
    p.add_argument("--show", type=int, metavar="N", help="print the N largest merged groups with reasons")
    p.set_defaults(func=cmd_dedup)
