"""Read articles from .txt, .html, .json and .jsonl files (or standard input).

Readers stream: a JSON Lines file is read a line at a time, so a file of
any size runs in bounded memory. Problems with one record are reported
through `on_problem` and reading carries on; a file that yields nothing
raises InputError with a message naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
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


# File signatures of formats people hand over instead of an article's text:
# naming the format is more useful than "not UTF-8".
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def check_not_binary(head: bytes, name: str) -> None:
    """Refuse, by name, a file that is not text (UTF-16 text with its BOM is text)."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise InputError(errors.E_BINARY_KIND.format(path=name, kind=kind))
    if head.startswith(_UTF16_BOMS):
        return
    if b"\x00" in head:
        raise InputError(errors.E_BINARY.format(path=name))


def decode(data: bytes, name: str, on_problem: ProblemHandler = _warn) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1256, the usual
    legacy Arabic code page."""
    check_not_binary(data[:8192], name)
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(errors.E_ENCODING.format(path=name)) from None
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


# Where a JSON record keeps an article's text and its publication date, in the
# order they are looked for: common names in crawls and news APIs. A crawl
# date (`date_extracted`) is not a publication date: `rasd ingest --date-field`
# takes one when the user says so.
TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "datePublished", "date_published")


def article_from_record(
    record: dict[str, Any], where: str, line: int, published: date | None,
    on_problem: ProblemHandler, max_chars: int,
) -> Article | None:
    text = next((v for v in (record.get(k) for k in TEXT_FIELDS) if isinstance(v, str) and v.strip()), None)
    if text is None:
        on_problem(errors.E_JSON_FIELD.format(path=where, line=line))
        return None
    title = _optional_str(record.get("title"))
    if title and title.strip() and not text.lstrip().startswith(title.strip()):
        # The headline is part of the report (it often carries the toll and the
        # day): read it first, as an HTML page's title is and as the dev corpus
        # stores articles. Evidence offsets count from this combined text.
        text = f"{title.strip()}\n\n{text}"
    if len(text) > max_chars:
        on_problem(errors.E_TOO_BIG.format(path=f"{where}:{line}", size=len(text), limit=max_chars))
        return None
    raw_date = next((record[k] for k in DATE_FIELDS if record.get(k) not in (None, "")), None)
    pub = parse_date(raw_date)
    if raw_date not in (None, "") and pub is None:
        on_problem(errors.E_BAD_DATE.format(path=where, line=line, value=raw_date))
    article_id = record.get("id")
    if article_id in (None, ""):
        article_id = content_id(text)
    return Article(
        id=str(article_id),
        text=text,
        title=title,
        published=pub or published,
        source=_optional_str(record.get("source")),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: Any) -> str | None:
    # Metadata is shown and stored as text; a number or list there is not worth refusing the article.
    return None if value is None or value == "" else str(value)


def content_id(text: str) -> str:
    """An id for an article that came without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def jsonl_line_limit(max_chars: int) -> int:
    """Most bytes one JSON line may hold: the article's characters at up to 6 bytes
    each (ASCII-escaped JSON writes \\u0627 for ا) plus room for the other fields."""
    return max_chars * 6 + 65_536


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; a line longer than `limit` bytes comes as
    None and is skipped in chunks, so one huge line never sits whole in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(stream: IO[bytes], name: str, published: date | None = None,
               on_problem: ProblemHandler = _warn,
               max_chars: int = DEFAULT_MAX_CHARS,
               remap: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Iterator[Article]:
    """One article per line; a bad line is reported with its number and skipped.

    `remap` renames a record's fields before it becomes an Article (corpora that
    call the text "content", or keep the date under another name).
    """
    limit = jsonl_line_limit(max_chars)
    told_encoding = False

    def encoding_notice(message: str) -> None:
        # A legacy-encoded file is said once, not once per line.
        nonlocal told_encoding
        if not told_encoding:
            told_encoding = True
            on_problem(message + " (and the following lines)")

    for number, raw in bounded_lines(stream, limit):
        if raw is None:
            on_problem(errors.E_TOO_BIG_BYTES.format(path=f"{name}:{number}", what="line of over",
                                                     size=limit, limit=max_chars))
            continue
        if not raw.strip():
            continue
        try:
            line = decode(raw, f"{name}:{number}", encoding_notice)
            record = json.loads(line)
        except InputError as exc:
            on_problem(str(exc))
            continue
        except json.JSONDecodeError as exc:
            on_problem(errors.E_JSON_LINE.format(path=name, line=number, detail=exc.msg))
            continue
        except RecursionError:
            on_problem(errors.E_JSON_LINE.format(path=name, line=number, detail="nested too deeply"))
            continue
        if not isinstance(record, dict):
            on_problem(errors.E_JSON_LINE.format(path=name, line=number, detail="not an object"))
            continue
        if remap is not None:
            record = remap(record)
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
        name = "<stdin>"
        articles = _read_stream(sys.stdin.buffer, name, published, on_problem, max_chars)
    else:
        articles = _read_file(Path(name), name, published, on_problem, max_chars)
    told = published is not None
    for article in articles:
        if not told and article.published is None:
            # Said once: the date stage then leaves relative dates unresolved.
            told = True
            on_problem(errors.W_NO_PUBLISHED.format(path=name, article=article.id))
        yield article


def _read_file(p: Path, name: str, published: date | None, on_problem: ProblemHandler,
               max_chars: int) -> Iterator[Article]:
    try:
        if not p.exists():
            raise InputError(errors.E_NOT_FOUND.format(path=name))
        if p.is_dir():
            raise InputError(f"{name}: is a folder; give one article file here (use 'rasd ingest' for folders)")
        size = p.stat().st_size
        stream = p.open("rb")
    except OSError as exc:
        raise InputError(errors.E_UNREADABLE.format(path=name, reason=exc.strerror or exc)) from None
    with stream:
        if size == 0:
            raise InputError(errors.E_EMPTY.format(path=name))
        suffix = p.suffix.lower()
        if size > max_chars * 4 and suffix not in (".jsonl", ".ndjson"):
            # Even at 4 bytes per character this is over the limit: refuse before
            # reading (but first say what the file is, if it is not text at all).
            check_not_binary(stream.peek(8192)[:8192], name)
            raise InputError(errors.E_TOO_BIG_BYTES.format(path=name, what="file of", size=size, limit=max_chars))
        yield from _read_stream(stream, name, published, on_problem, max_chars, suffix=suffix)


class _Utf16AsUtf8:
    """A UTF-16 byte stream (Windows "Unicode" text) read as UTF-8 bytes, so the
    readers below stream it like any other file."""

    def __init__(self, raw: IO[bytes], name: str):
        self._text = io.TextIOWrapper(raw, encoding="utf-16", newline="")  # type: ignore[arg-type]
        self._name = name

    def _guard(self, text_call: Callable[[], str]) -> bytes:
        try:
            return text_call().encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(errors.E_ENCODING.format(path=self._name)) from None

    def readline(self, size: int = -1) -> bytes:
        return self._guard(lambda: self._text.readline(size))

    def read(self, size: int = -1) -> bytes:
        return self._guard(lambda: self._text.read(size))


def _records(records: Any, name: str, published: date | None, on_problem: ProblemHandler,
             max_chars: int) -> Iterator[Article]:
    """Articles of one JSON document: an object or a list of objects."""
    for number, rec in enumerate(records if isinstance(records, list) else [records], start=1):
        if not isinstance(rec, dict):
            on_problem(errors.E_JSON_ITEM.format(path=name, item=number))
            continue
        art = article_from_record(rec, name, number, published, on_problem, max_chars)
        if art is not None:
            yield art


def _read_stream(stream: IO[bytes], name: str, published: date | None,
                 on_problem: ProblemHandler, max_chars: int, suffix: str = "") -> Iterator[Article]:
    if not hasattr(stream, "peek"):
        # Sniffing needs a look ahead without consuming (sys.stdin.buffer has one;
        # a bare BytesIO or socket file does not).
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(8192)[:8192]
    check_not_binary(head, name)
    if head.startswith(_UTF16_BOMS):
        sniff = head.decode("utf-16", errors="ignore").lstrip()[:1].encode("utf-8")
        stream = _Utf16AsUtf8(stream, name)  # type: ignore[assignment]
    else:
        sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if suffix in (".json", "") and sniff in (b"{", b"["):
        if suffix == "" and sniff == b"{":
            # Standard input or a file without extension starting with an object:
            # JSON Lines, streamed.
            yield from read_jsonl(stream, name, published, on_problem, max_chars)
            return
        # A JSON document is parsed whole (the file size was checked before).
        data = stream.read()
        try:
            record = json.loads(decode(data, name, on_problem))
        except json.JSONDecodeError as exc:
            if sniff == b"{":
                # Not one JSON document: maybe JSON Lines saved as .json.
                yield from read_jsonl(io.BytesIO(data), name, published, on_problem, max_chars)
                return
            raise InputError(errors.E_JSON_DOC.format(path=name, line=exc.lineno, detail=exc.msg)) from None
        yield from _records(record, name, published, on_problem, max_chars)
        return
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(stream, name, published, on_problem, max_chars)
        return
    data = stream.read(max_chars * 4 + 1)
    if len(data) > max_chars * 4:
        raise InputError(errors.E_TOO_BIG_BYTES.format(path=name, what="input of over", size=max_chars * 4,
                                                       limit=max_chars))
    if not data.strip():
        raise InputError(errors.E_EMPTY.format(path=name))
    text = decode(data, name, on_problem)
    is_html = suffix in (".html", ".htm") or sniff == b"<"
    yield article_from_text(text, name, published, is_html, max_chars)
