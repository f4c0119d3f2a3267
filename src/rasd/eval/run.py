"""`rasd eval`: run extraction over the articles of a gold file and score it.

An article the extractor fails on is reported and its gold counted as
missed: one broken article must not hide the figures of the others.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from rasd import errors
from rasd.errors import InputError
from rasd.eval.gold import read_gold
from rasd.eval.report import write_json, write_report
from rasd.eval.scorer import ArticleOutcome, CorpusScores, score_article, score_corpus
from rasd.model import Article, Event

Extractor = Callable[[Article], list[Event]]


def _warn(message: str) -> None:
    print(f"rasd: warning: {message}", file=sys.stderr)


def evaluate(gold_path: str, articles_path: str, extractor: Extractor | None = None,
             on_problem: Callable[[str], None] = _warn) -> tuple[CorpusScores, dict[str, object]]:
    """Score `extractor` (default: the standard pipeline) on the gold's articles.

    Returns the scores and run facts (timing, articles without gold).
    """
    from rasd.io.readers import read_articles

    gold = read_gold(gold_path)
    gold_by_id = {g.id: g for g in gold}
    if extractor is None:
        from rasd.pipeline import Pipeline

        extractor = Pipeline().extract
    system: dict[str, list[Event]] = {}
    problems: dict[str, str] = {}
    without_gold: list[str] = []
    seconds = 0.0
    read = 0
    last_problem: list[str] = []

    def reader_problem(message: str) -> None:
        last_problem[:] = [message]
        on_problem(message)

    for article in read_articles(articles_path, on_problem=reader_problem):
        read += 1
        if article.id not in gold_by_id:
            without_gold.append(article.id)
            continue
        if article.id in system or article.id in problems:
            on_problem(f"{articles_path}: article {article.id!r} appears twice; scored the first")
            continue
        started = time.perf_counter()
        try:
            events = list(extractor(article))
        except Exception as exc:  # noqa: BLE001 - any extractor bug is reported, not fatal
            problems[article.id] = f"extraction failed: {type(exc).__name__}: {exc}"
            on_problem(f"{article.id}: {problems[article.id]}; its gold events count as missed")
            continue
        finally:
            seconds += time.perf_counter() - started
        system[article.id] = events
    if read == 0:
        detail = f" ({last_problem[0]})" if last_problem else ""
        raise InputError(errors.E_NOTHING_READ.format(path=articles_path) + detail)
    outcomes: list[ArticleOutcome] = []
    for g in gold:
        problem = problems.get(g.id)
        if g.id not in system and problem is None:
            problem = f"not found in {articles_path}"
            on_problem(f"{g.id}: gold article {problem}; its gold events count as missed")
        try:
            outcome = score_article(g.id, system.get(g.id, []), g.events, problem)
        except (TypeError, ValueError, AttributeError) as exc:
            # A malformed system event (a latitude that is not a number ...) is an
            # extractor bug to report, not a reason to lose the other figures.
            problem = f"its events could not be scored ({type(exc).__name__}: {exc})"
            on_problem(f"{g.id}: {problem}; its gold events count as missed")
            outcome = score_article(g.id, [], g.events, problem)
        outcomes.append(outcome)
    facts: dict[str, object] = {
        "gold_path": gold_path,
        "articles_path": articles_path,
        "articles_extracted": len(system),
        "articles_without_gold": without_gold,
        "extract_seconds": round(seconds, 3),
    }
    return score_corpus(outcomes), facts


def run_eval(gold_path: str, articles_path: str, as_json: bool = False, explain: bool = False,
             out: TextIO | None = None, extractor: Extractor | None = None) -> int:
    """Print the figures of spec §4 (table, or JSON with `as_json`). Returns the exit code."""
    out = out if out is not None else sys.stdout
    scores, facts = evaluate(gold_path, articles_path, extractor)
    if as_json:
        write_json(scores, facts, out, explain=explain)
    else:
        write_report(scores, facts, out, explain=explain)
    return 0
