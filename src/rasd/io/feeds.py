"""What `rasd ingest` reads: files, folders, JSON Lines (plain, .gz, .xz, .bz2) and RSS/Atom feeds.

Everything streams: a JSON Lines file is read a line at a time through the
decompressor, so a 10 GB archive runs in bounded memory. Per-file and
per-record problems go to `on_problem` and reading carries on; a path that
does not exist is refused before anything is read (`check_paths`).

Field names differ between corpora: a record's text may be under `text` or
`content`; the publication date under `published`, or under a field the user
names (`date_field`, e.g. a crawl date), since only the user knows whether
that date may stand for the publication date.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from rasd import errors
from rasd.errors import InputError, RasdError
from rasd.io import readers
from rasd.model import Article

ProblemHandler = Callable[[str], None]

COMPRESSED = {".gz": gzip.open, ".xz": lzma.open, ".bz2": bz2.open}
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
TEXT_SUFFIXES = (".txt", ".html", ".htm")
KNOWN_SUFFIXES = JSONL_SUFFIXES + FEED_SUFFIXES + TEXT_SUFFIXES


@dataclass(slots=True)
class ReadOptions:
    published: date | None = None  # for input that carries no date
    date_field: str | None = None  # take the publication date from this record field
    max_chars: int = readers.DEFAULT_MAX_CHARS


def check_paths(paths: Iterable[str]) -> list[str]:
    """The paths, or InputError naming the first that does not exist."""
    out = []
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise InputError(errors.E_NOT_FOUND.format(path=path))
        out.append(path)
    if not out:
        raise InputError("no input given; name JSON Lines files, folders of .txt/.html, or feed files")
    return out


def split_suffix(path: Path) -> tuple[str, str]:
    """(format suffix, compression suffix): data.jsonl.xz -> ('.jsonl', '.xz')."""
    suffixes = [s.lower() for s in path.suffixes]
    compression = suffixes[-1] if suffixes and suffixes[-1] in COMPRESSED else ""
    rest = suffixes[:-1] if compression else suffixes
    return (rest[-1] if rest else ""), compression


def iter_files(folder: Path) -> Iterator[Path]:
    """Article, JSON Lines and feed files under a folder, in a stable order; hidden ones skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if split_suffix(path)[0] in KNOWN_SUFFIXES:
                yield path


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None,
                on_problem: ProblemHandler | None = None) -> Iterator[Article]:
    """Every article in these files and folders, streamed."""
    options = options or ReadOptions()
    on_problem = on_problem or _warn
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            for file in iter_files(p):
                yield from _read_one(file, options, on_problem, in_folder=True)
        else:
            yield from _read_one(p, options, on_problem, in_folder=False)


def _read_one(path: Path, options: ReadOptions, on_problem: ProblemHandler,
              in_folder: bool) -> Iterator[Article]:
    name = str(path)
    try:
        if name == "-":
            yield from read_jsonl_records(_stdin(), "<stdin>", options, on_problem)
            return
        kind, compression = split_suffix(path)
        if compression or kind in (".jsonl", ".ndjson"):
            opener = COMPRESSED.get(compression, open)
            with opener(path, "rb") as stream:
                if kind in FEED_SUFFIXES:
                    yield from read_feed(stream.read(), name, options, on_problem)
                elif kind in TEXT_SUFFIXES:
                    data = stream.read(options.max_chars * 4 + 1)
                    text = readers.decode(data, name, on_problem)
                    yield readers.article_from_text(text, str(Path(path.stem)), options.published,
                                                    kind in (".html", ".htm"), options.max_chars)
                else:
                    yield from read_jsonl_records(stream, name, options, on_problem)
            return
        if kind in FEED_SUFFIXES or (kind == "" and _looks_like_feed(path)):
            yield from read_feed(path.read_bytes(), name, options, on_problem)
            return
        yield from readers.read_articles(path, published=options.published, on_problem=on_problem,
                                         max_chars=options.max_chars)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        problem = f"{name}: cannot be read ({exc})"
        if not in_folder:
            raise InputError(problem) from None
        on_problem(problem)
    except RasdError as exc:
        if not in_folder:
            raise
        on_problem(str(exc))


def _warn(message: str) -> None:
    import sys

    print(f"rasd: warning: {message}", file=sys.stderr)


def _stdin() -> IO[bytes]:
    import sys

    return sys.stdin.buffer


def _looks_like_feed(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(2048).lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _remap(record: dict[str, Any], options: ReadOptions) -> dict[str, Any]:
    if options.date_field and options.date_field in record:
        record = {**record, "published": record[options.date_field]}
    return record


def read_jsonl_records(stream: IO[bytes], name: str, options: ReadOptions,
                       on_problem: ProblemHandler) -> Iterator[Article]:
    """One article per line (text under text/content/body); bad lines reported and skipped."""
    yield from readers.read_jsonl(stream, name, options.published, on_problem, options.max_chars,
                                  remap=lambda record: _remap(record, options))


def read_feed(data: bytes, name: str, options: ReadOptions,
              on_problem: ProblemHandler) -> Iterator[Article]:
    """Articles of an RSS or Atom feed file: one per entry, HTML bodies reduced to their text."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise InputError(f"{name}: not an RSS/Atom feed, or a feed with no entries{detail}")
    source = (feed.feed.get("title") or None) if getattr(feed, "feed", None) else None
    for number, entry in enumerate(feed.entries, start=1):
        body, is_html = _entry_body(entry)
        if is_html and body:
            body = html_fragment_text(body)
        title = entry.get("title") or None
        if title and body and not body.startswith(title):
            body = f"{title}\n\n{body}"
        body = body or title or ""
        if not body.strip():
            on_problem(f"{name}: entry {number} has no text; skipped")
            continue
        if len(body) > options.max_chars:
            on_problem(errors.E_TOO_BIG.format(path=f"{name}: entry {number}", size=len(body),
                                               limit=options.max_chars))
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else options.published
        article_id = entry.get("id") or entry.get("link") or readers.content_id(body)
        yield Article(id=str(article_id), text=body, title=title, published=published,
                      source=source, url=entry.get("link") or None)


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The fullest text of an entry: content, else summary; and whether it is HTML."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, "html" in (content.get("type") or "")
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, "html" in (detail.get("type") or "text/html")


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"}


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's body), paragraphs on their own lines.

    trafilatura looks for the main text of whole pages and discards short
    fragments, so entries are reduced with lxml (trafilatura's own parser).
    """
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types for bad markup
        return html
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
