"""The `rasd` command. Thin: parse arguments, call the library, print.

Each command is a function `cmd_<name>(args) -> int`; errors meant for the
user are RasdError and become one line on stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from rasd.errors import RasdError


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


# ---------------------------------------------------------------- extract
def cmd_extract(args: argparse.Namespace) -> int:
    import os

    from rasd import errors
    from rasd.io.output import write_events
    from rasd.io.readers import read_articles
    from rasd.pipeline import Pipeline

    pipeline = Pipeline()
    problems: list[str] = []

    def on_problem(message: str) -> None:
        problems.append(message)
        print(f"rasd: warning: {message}", file=sys.stderr)

    read = failed = 0
    articles = read_articles(args.path, published=args.published, on_problem=on_problem,
                             max_chars=args.max_chars)

    def events_stream():
        nonlocal read, failed
        for article in articles:
            read += 1
            try:
                events = pipeline.extract(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a stream
                if os.environ.get("RASD_DEBUG"):
                    raise
                failed += 1
                on_problem(errors.W_EXTRACT_FAILED.format(
                    article=article.id, detail=f"{type(exc).__name__}: {exc}"))
                continue
            for event in events:
                yield article, event

    write_events(events_stream(), sys.stdout, fmt=args.format, explain=args.explain)
    if read == 0:
        detail = f" ({problems[-1]})" if problems else ""
        raise RasdError(f"{args.path}: no article could be read{detail}")
    if failed == read:
        raise RasdError(f"{args.path}: extraction failed on every article read ({failed}); "
                        "set RASD_DEBUG=1 to see the traceback")
    return 0


# ---------------------------------------------------------------- eval
def cmd_eval(args: argparse.Namespace) -> int:
    from rasd.eval.run import run_eval

    return run_eval(gold_path=args.gold, articles_path=args.articles, as_json=args.json,
                    explain=args.explain, out=sys.stdout)


class _VersionAction(argparse.Action):
    """--version, reading the installed version only when asked (rasd.__version__ is lazy)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str = "show program's version number and exit"):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        import rasd

        print(f"rasd {rasd.__version__}")
        parser.exit()


# Commands defined in this module: running one needs none of the optional
# packages, whose imports (SQLAlchemy, the web server) cost ~0.2 s of start-up.
_CORE_COMMANDS = frozenset({"extract", "eval"})


def build_parser(optional_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasd",
        description="rasd (رصد): structured conflict events from Arabic news.",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the events of one article file (or '-' for stdin)",
                       description="Extract events from an article (.txt, .html, .json, .jsonl). "
                                   "A JSON Lines file may hold many articles; events are streamed.")
    p.add_argument("path", help="article file, or '-' to read standard input")
    p.add_argument("--published", type=_date_arg, default=None,
                   help="publication date YYYY-MM-DD for input that carries none")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                   help="JSON Lines (default) or a readable table")
    p.add_argument("--explain", action="store_true",
                   help="add which words and rules produced each field")
    p.add_argument("--max-chars", type=int, default=1_000_000,
                   help="refuse articles longer than this many characters (default 1,000,000)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score extraction against gold annotations (spec §4)",
                       description="Run extraction on ARTICLES and score it against GOLD as spec §4 says.")
    p.add_argument("--gold", required=True, help="gold.jsonl (one line per article)")
    p.add_argument("--articles", required=True, help="articles.jsonl")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--explain", action="store_true",
                   help="per-article breakdown: missed and spurious events")
    p.set_defaults(func=cmd_eval)

    if optional_commands:
        _register_optional_commands(sub)
    return parser


def _register_optional_commands(sub: argparse._SubParsersAction) -> None:
    """Commands owned by other packages add themselves here (places, ingest, serve ...).

    Imported here, not at the top: `rasd extract` and `rasd eval` need none of them.
    """
    from rasd.places import cli as places_cli
    from rasd.scale import cli as scale_cli
    from rasd.serve import cli as serve_cli
    from rasd.store import cli as store_cli

    for module in (places_cli, store_cli, serve_cli, scale_cli):
        module.register(sub)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(optional_commands=not (words and words[0] in _CORE_COMMANDS))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except RasdError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
