"""The fixed benchmark corpus: the shared raw Arabic articles, repeated to N.

Sources (read-only, under shared/): the dev articles
(corpus/dev/articles.jsonl, 41 articles) and the SaudiNewsNet conflict
selection (data/raw/saudinewsnet_conflict/*.jsonl.xz, 1,632 articles).
Repeating them to N articles gives every copy a distinct id
("<id>~<round>") so a store keeps them apart, while the text is the same:
throughput is measured on real news text of real length, in a fixed order,
run after run.
"""

from __future__ import annotations

import json
import lzma
import os
from collections.abc import Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from rasd.model import Article

# shared/ sits beside the checkout (/work/shared) or inside it (CI copies it there).
_CANDIDATE_SHARED = (
    os.environ.get("RASD_SHARED"),
    str(Path(__file__).resolve().parents[1] / "shared"),
    str(Path(__file__).resolve().parents[2] / "shared"),
    "/work/shared",
)


def shared_dir() -> Path:
    for candidate in _CANDIDATE_SHARED:
        if candidate and (Path(candidate) / "corpus" / "dev" / "articles.jsonl").exists():
            return Path(candidate)
    raise SystemExit("bench: shared data not found; set RASD_SHARED to the folder holding corpus/ and data/")


def base_articles(shared: Path | None = None) -> list[Article]:
    """The distinct articles the corpus repeats (dev set first, then SaudiNewsNet)."""
    root = shared or shared_dir()
    articles: list[Article] = []
    with open(root / "corpus" / "dev" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                articles.append(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                        published=_date(r.get("published")),
                                        source=r.get("source"), url=r.get("url")))
    seen = {a.id for a in articles}
    for path in sorted((root / "data" / "raw" / "saudinewsnet_conflict").glob("*.jsonl.xz")):
        with lzma.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                r = json.loads(line)
                if r["id"] in seen:  # the dev corpus already has this article
                    continue
                # Same shape as the dev corpus: title, a blank line, the body;
                # the crawl day stands in for the publication day (PROVENANCE.md).
                title = (r.get("title") or "").strip()
                body = (r.get("content") or "").strip()
                articles.append(Article(id=r["id"], text=f"{title}\n\n{body}" if title else body,
                                        title=title or None,
                                        published=_date((r.get("date_extracted") or "")[:10]),
                                        source=r.get("source"), url=r.get("url")))
    return articles


def corpus(n: int, shared: Path | None = None, id_prefix: str = "") -> Iterator[Article]:
    """N articles with distinct ids: the base articles, round after round.

    id_prefix makes the ids new to a database that an earlier run filled.
    """
    base = base_articles(shared)

    def rounds() -> Iterator[Article]:
        round_no = 0
        while True:
            for a in base:
                yield a if round_no == 0 and not id_prefix else Article(
                    id=f"{id_prefix}{a.id}~{round_no}", text=a.text, title=a.title,
                    published=a.published, source=a.source, url=a.url)
            round_no += 1

    return islice(rounds(), n)


def write_jsonl(articles: Iterator[Article], path: Path) -> int:
    """Write articles in rasd's input format (for CLI runs such as `rasd ingest`)."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a.id, "title": a.title,
                                "published": a.published.isoformat() if a.published else None,
                                "source": a.source, "url": a.url, "text": a.text},
                               ensure_ascii=False) + "\n")
            count += 1
    return count


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
