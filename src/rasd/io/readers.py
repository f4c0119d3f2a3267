"""Read articles from .txt, .html, .json and .jsonl files (or standard input).

Readers stream: a JSON Lines file is read a line at a time, so a file of
any size runs in bounded memory. Problems with one record are reported
through `on_problem` and reading carries on; a file that yields nothing
raises InputError with a message naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from rasd import errors
from rasd.errors import InputError
from rasd.model import Article

# Articles longer than this are refused (a news article is 2-20 KB; a 1M-character
# "article" is a dump or a mistake, and extraction time grows with length).
DEFAULT_MAX_CHARS = 1_000_000

ProblemHandler = Callable[[str], None]


def _warn(message: str) -> None:
    print(f"rasd: warning: {message}", file=sys.stderr)


def decode(data: bytes, name: str, on_problem: ProblemHandler = _warn) -> str:
    """UTF-8 (with or without BOM), else Windows-1256, the usual legacy Arabic code page."""
    if b"\x00" in data[:8192]:
        raise InputError(errors.E_BINARY.format(path=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError(errors.E_ENCODING.format(path=name)) from None
    # cp1256 decodes almost any byte string; only accept it if it yields Arabic.
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    if arabic < max(1, len(text) // 20):
        raise InputError(errors.E_ENCODING.format(path=name))
    on_problem(f"{name}: not UTF-8; read as Windows-1256 (cp1256) Arabic")
    return text


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def article_from_record(
    record: dict[str, Any], where: str, line: int, published: date | None,
    on_problem: ProblemHandler, max_chars: int,
) -> Article | None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        on_problem(errors.E_JSON_FIELD.format(path=where, line=line))
        return None
    if len(text) > max_chars:
        on_problem(errors.E_TOO_BIG.format(path=f"{where}:{line}", size=len(text), limit=max_chars))
        return None
    raw_date = record.get("published")
    pub = parse_date(raw_date)
    if raw_date not in (None, "") and pub is None:
        on_problem(errors.E_BAD_DATE.format(path=where, line=line, value=raw_date))
    article_id = record.get("id")
    if article_id in (None, ""):
        article_id = content_id(text)
    return Article(
        id=str(article_id),
        text=text,
        title=record.get("title"),
        published=pub or published,
        source=record.get("source"),
        url=record.get("url"),
    )


def content_id(text: str) -> str:
    """An id for an article that came without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_jsonl(stream: IO[bytes], name: str, published: date | None = None,
               on_problem: ProblemHandler = _warn,
               max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """One article per line; a bad line is reported with its number and skipped."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            line = decode(raw, f"{name}:{number}", on_problem)
            record = json.loads(line)
        except InputError as exc:
            on_problem(str(exc))
            continue
        except json.JSONDecodeError as exc:
            on_problem(errors.E_JSON_LINE.format(path=name, line=number, detail=exc.msg))
            continue
        if not isinstance(record, dict):
            on_problem(errors.E_JSON_LINE.format(path=name, line=number, detail="not an object"))
            continue
        article = article_from_record(record, name, number, published, on_problem, max_chars)
        if article is not None:
            yield article


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura; boilerplate dropped)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    return text, title


def article_from_text(text: str, name: str, published: date | None, is_html: bool,
                      max_chars: int) -> Article:
    if len(text) > max_chars:
        raise InputError(errors.E_TOO_BIG.format(path=name, size=len(text), limit=max_chars))
    title = None
    if is_html:
        text, title = html_to_text(text)
    if not text.strip():
        raise InputError(errors.E_EMPTY.format(path=name))
    if title is None:
        title = text.strip().split("\n", 1)[0][:200]
    stem = Path(name).stem if name != "-" else content_id(text)
    return Article(id=stem, text=text, title=title, published=published, source=None, url=None)


def read_articles(path: str | os.PathLike[str], published: date | None = None,
                  on_problem: ProblemHandler = _warn,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """Articles in one file ('-' for standard input), chosen by extension or content."""
    name = str(path)
    if name == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", published, on_problem, max_chars)
        return
    p = Path(name)
    if not p.exists():
        raise InputError(errors.E_NOT_FOUND.format(path=name))
    if p.is_dir():
        raise InputError(f"{name}: is a folder; give one article file here (use 'rasd ingest' for folders)")
    if p.stat().st_size == 0:
        raise InputError(errors.E_EMPTY.format(path=name))
    if p.stat().st_size > max_chars * 4 and p.suffix.lower() not in (".jsonl", ".ndjson"):
        # Even at 4 bytes per character this is over the limit: refuse before reading.
        raise InputError(errors.E_TOO_BIG.format(path=name, size=p.stat().st_size, limit=max_chars))
    with p.open("rb") as stream:
        yield from _read_stream(stream, name, published, on_problem, max_chars, suffix=p.suffix.lower())


def _read_stream(stream: IO[bytes], name: str, published: date | None,
                 on_problem: ProblemHandler, max_chars: int, suffix: str = "") -> Iterator[Article]:
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    if b"\x00" in head:
        raise InputError(errors.E_BINARY.format(path=name))
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if suffix in (".jsonl", ".ndjson") or (suffix in ("", ".json") and sniff == b"{"):
        if suffix == ".json":
            data = stream.read()
            text = decode(data, name, on_problem)
            try:
                record = json.loads(text)
            except json.JSONDecodeError:
                # Not one JSON document: maybe JSON Lines saved as .json.
                yield from read_jsonl(iter(data.splitlines(keepends=True)), name, published,  # type: ignore[arg-type]
                                      on_problem, max_chars)
                return
            records = record if isinstance(record, list) else [record]
            for number, rec in enumerate(records, start=1):
                if isinstance(rec, dict):
                    art = article_from_record(rec, name, number, published, on_problem, max_chars)
                    if art is not None:
                        yield art
            return
        yield from read_jsonl(stream, name, published, on_problem, max_chars)
        return
    if suffix == ".json" and sniff == b"[":
        data = stream.read()
        try:
            records = json.loads(decode(data, name, on_problem))
        except json.JSONDecodeError as exc:
            raise InputError(errors.E_JSON_LINE.format(path=name, line=exc.lineno, detail=exc.msg)) from None
        for number, rec in enumerate(records, start=1):
            if isinstance(rec, dict):
                art = article_from_record(rec, name, number, published, on_problem, max_chars)
                if art is not None:
                    yield art
        return
    data = stream.read(max_chars * 4 + 1)
    if not data.strip():
        raise InputError(errors.E_EMPTY.format(path=name))
    text = decode(data, name, on_problem)
    is_html = suffix in (".html", ".htm") or sniff == b"<"
    yield article_from_text(text, name, published, is_html, max_chars)
