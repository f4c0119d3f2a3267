"""Command-line side of rasd.scale.

- `rasd ingest --engine dask [--address A] [--workers N] [--parquet FOLDER]`:
  the store's `rasd ingest` (rasd.store.cli) adds these options through
  `add_ingest_options` and hands the run to `run_ingest` when an engine is set.
- `rasd cluster [--address A]`: start (or reach) a cluster and show each
  worker: its rasd and language-data version (workers of one run must agree)
  and its memory with the Pipeline loaded.

Nothing heavy is imported until a command runs: `rasd extract` must start fast.
"""

from __future__ import annotations

import argparse
import sys

from rasd.errors import RasdError


class _ImpliesEngine(argparse.Action):
    """--address / --workers / --parquet make sense only on an engine: they select Dask."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        setattr(namespace, self.dest, values)
        if not getattr(namespace, "engine", None):
            namespace.engine = "dask"


def add_ingest_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("distributed engine (pip install 'rasd[scale]'; see docs/scale.md)")
    g.add_argument("--engine", choices=("dask",), default=None,
                   help="extract on Dask distributed workers (a local cluster unless --address)")
    g.add_argument("--address", action=_ImpliesEngine, default=None,
                   help="join an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (rasd installed on its workers)")
    g.add_argument("--workers", action=_ImpliesEngine, type=int, default=None,
                   help="worker processes of the local cluster (default: one per core)")
    g.add_argument("--parquet", action=_ImpliesEngine, metavar="FOLDER", default=None,
                   help="write a Parquet dataset (articles/, events/) into FOLDER instead of --db")
    g.add_argument("--write-on", choices=("auto", "driver", "workers"), default="auto",
                   help="who writes to the database: auto = workers for PostgreSQL, driver for SQLite")
    g.add_argument("--pipeline", default="rasd.pipeline:Pipeline", metavar="MODULE:CALLABLE",
                   help=argparse.SUPPRESS)


def run_ingest(args: argparse.Namespace, articles) -> int:
    """`rasd ingest` on an engine: the store CLI calls this when --engine is set (args: its options)."""
    from rasd.scale.ingest import ingest_on_engine

    if args.parquet and args.db:
        raise RasdError("ingest: give either --db or --parquet, not both")
    if args.parquet and args.reextract:
        raise RasdError("ingest: --reextract reads articles from a database; it does not go with --parquet")
    if args.reextract:
        articles = _with_stored(articles, args.db, bool(args.paths))

    def on_problem(message: str) -> None:
        print(f"rasd: warning: {message}", file=sys.stderr)

    summary = ingest_on_engine(
        articles, db=args.db, parquet=args.parquet, engine=args.engine, address=args.address,
        workers=args.workers, batch_size=args.batch_size, pipeline=args.pipeline,
        force=args.force, dedup=not args.no_dedup,
        write_on=args.write_on, progress=not args.no_progress,
        on_problem=on_problem)
    print("rasd ingest: done\n  " + "\n  ".join(summary.lines()), file=sys.stderr)
    if summary.articles_read == 0:
        raise RasdError(f"{' '.join(args.paths) or args.db or args.parquet}: "
                        "no article could be read")
    return 0


def _with_stored(articles, db, have_paths: bool):
    """The named inputs, then every article already in the store (for --reextract)."""
    from rasd.store import open_store

    if have_paths:
        yield from articles
    with open_store(db) as store:
        yield from store.iter_articles()


def cmd_cluster(args: argparse.Namespace) -> int:
    from rasd.scale.dask_engine import DaskEngine
    from rasd.scale.worker import DEFAULT_PIPELINE

    with DaskEngine(address=args.address, workers=args.workers, factory=DEFAULT_PIPELINE) as engine:
        facts = engine.client.run(_worker_facts)
        print(f"{'local cluster' if not args.address else args.address}: {len(facts)} workers")
        versions = set()
        for address, f in sorted(facts.items()):
            versions.add((f["rasd"], f["data"]))
            print(f"  {address}  pid {f['pid']}  rasd {f['rasd']}  data {f['data']}  "
                  f"{f['rss_mb']:.0f} MB with the Pipeline loaded")
    if len(versions) > 1:
        raise RasdError("the workers run different rasd or language-data versions; "
                        "install the same rasd on every worker before ingesting")
    return 0


def _worker_facts() -> dict:
    import os

    import rasd
    from rasd.store.runs import data_version
    from rasd.scale.worker import rss_mb

    return {"pid": os.getpid(), "rasd": rasd.__version__, "data": data_version(), "rss_mb": rss_mb()}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cluster", help="check a Dask cluster for distributed ingest (rasd[scale])",
                       description="Start a local Dask cluster (or reach one with --address) and "
                                   "list its workers with their rasd and data versions and memory.")
    p.add_argument("--address", default=None, help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--workers", type=int, default=None, help="local cluster size (default: one per core)")
    p.set_defaults(func=cmd_cluster)
