"""`rasd serve`: the API and the web page over an event store."""

from __future__ import annotations

import argparse
import socket

from rasd.errors import RasdError


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasd.serve.api import create_app
    from rasd.store import open_store

    if not 0 < args.port < 65536:
        raise RasdError(f"--port {args.port}: give a port between 1 and 65535")
    _check_port_free(args.host, args.port)
    _check_store_exists(args.db)
    store = open_store(args.db)  # opened here so a bad --db is a one-line error, not a traceback
    try:
        app = create_app(store, tiles=args.tiles, tiles_attribution=args.tiles_attribution)
        where = args.db or "the default store"
        print(f"rasd: serving {where} at http://{_url_host(args.host)}:{args.port}/ "
              f"(API docs at /docs); Ctrl+C to stop", flush=True)
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    finally:
        store.close()
    return 0


def _check_store_exists(db: str | None) -> None:
    """Serving a mistyped SQLite path would create an empty store and show nothing: say so instead."""
    from pathlib import Path

    from rasd.store import default_db_path

    if db is not None and ("://" in db or db == ":memory:"):
        return  # a server URL: open_store reports what is wrong with it
    path = default_db_path() if db is None else Path(db).expanduser()
    if not path.is_file():
        where = "" if db is None else f" --db {db}"
        raise RasdError(f"{path}: no event store here yet; fill it first with `rasd ingest{where} ARTICLES.jsonl`"
                        + ("" if db is None else " or check the path"))


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise RasdError(f"cannot listen on {host}:{port} ({exc.strerror}); "
                            f"choose another --port or --host") from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="browse the stored events: web page with map and timeline, plus a REST API",
        description="Serve the events of a store: a web page (map, timeline, filters, evidence) "
                    "at / and a REST API under /api (described at /docs). Works with no internet.")
    p.add_argument("--db", default=None,
                   help="store to serve: a SQLite file or a postgresql:// URL (default: the store `rasd ingest` uses)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--tiles", default=None, metavar="URL",
                   help="optional XYZ tile URL template drawn under the shipped boundaries, e.g. "
                        "https://tile.openstreetmap.org/{z}/{x}/{y}.png (the page then needs that server)")
    p.add_argument("--tiles-attribution", default="", help="attribution text for --tiles")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"),
                   help="server log level (default warning)")
    p.set_defaults(func=cmd_serve)
