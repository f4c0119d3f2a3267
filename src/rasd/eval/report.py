"""How `rasd eval` shows its figures: a readable table, a stable JSON dict, and
with --explain the per-article breakdown that says why each figure is what it is.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rasd.eval import scorer
from rasd.eval.scorer import (
    ArticleMatch, ArticleOutcome, CorpusScores, EventScores, FieldScores, GoldEvent, Pair,
    actors_right,
)
from rasd.model import Event

SNIPPET_CHARS = 120


# ---------------------------------------------------------------- the dict
def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def event_scores_dict(s: EventScores) -> dict[str, Any]:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "optional_found": s.optional_found,
            "precision": _round(s.precision), "recall": _round(s.recall), "f1": _round(s.f1)}


def field_scores_dict(f: FieldScores) -> dict[str, Any]:
    return {
        "matched": f.matched,
        "sub_event_type_accuracy": _round(f.sub_event_type_accuracy),
        "actor_accuracy": _round(f.actor_accuracy),
        "date_exact_rate": _round(f.date_exact_rate),
        "location_median_km": _round(f.location_median_km, 2),
        "location_within_5km": _round(f.location_within_5km),
        "location_measured": f.location_measured,
        "fatalities_exact_rate": _round(f.fatalities_exact_rate),
    }


def event_summary(e: Event) -> dict[str, Any]:
    """The fields a developer needs to see why an event did or did not match."""
    snippet = e.evidence[0].text if e.evidence else ""
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[:SNIPPET_CHARS] + "…"
    return {
        "event_id": e.event_id, "status": e.status,
        "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "event_date": e.event_date, "time_precision": e.time_precision,
        "location": e.location, "location_ar": e.location_ar, "admin1": e.admin1,
        "latitude": e.latitude, "longitude": e.longitude,
        "actor1": e.actor1, "actor2": e.actor2, "fatalities": e.fatalities,
        "evidence": snippet,
    }


def gold_summary(g: GoldEvent) -> dict[str, Any]:
    data = event_summary(g.event)
    data["gold_id"] = g.gold_id
    if g.alt_types:
        data["alt_types"] = list(g.alt_types)
    return data


def pair_differences(p: Pair) -> dict[str, list[Any]]:
    """Fields where the system differs from the gold: {field: [system, gold]}."""
    s, g = p.system, p.gold.event
    diffs: dict[str, list[Any]] = {}
    if p.alt_type:
        diffs["event_type"] = [s.event_type, g.event_type]
    if s.sub_event_type != g.sub_event_type:
        diffs["sub_event_type"] = [s.sub_event_type, g.sub_event_type]
    if not actors_right(s, g):
        diffs["actors"] = [[s.actor1, s.actor2], [g.actor1, g.actor2]]
    if s.event_date != g.event_date:
        diffs["event_date"] = [s.event_date, g.event_date]
    if (s.location or s.location_ar) != (g.location or g.location_ar):
        diffs["location"] = [s.location or s.location_ar, g.location or g.location_ar]
    if int(s.fatalities or 0) != int(g.fatalities or 0):
        diffs["fatalities"] = [s.fatalities, g.fatalities]
    return diffs


def pair_dict(p: Pair) -> dict[str, Any]:
    return {"gold_id": p.gold.gold_id, "event_id": p.system.event_id,
            "event_type": p.system.event_type, "event_date": p.system.event_date,
            "location": p.system.location or p.system.location_ar,
            "days": p.days, "km": _round(p.km, 2), "differences": pair_differences(p)}


def match_dict(m: ArticleMatch) -> dict[str, Any]:
    return {
        "matched": [pair_dict(p) for p in m.matched],
        "missed": [gold_summary(g) for g in m.missed],
        "spurious": [event_summary(e) for e in m.spurious],
        "optional_found": [pair_dict(p) for p in m.absorbed],
        "optional_unfound": [gold_summary(g) for g in m.optional_unfound],
    }


def article_dict(o: ArticleOutcome) -> dict[str, Any]:
    return {
        "article_id": o.article_id,
        "problem": o.problem,
        "fatalities": {"system": o.fatalities.system, "gold": o.fatalities.gold,
                       "abs_error": o.fatalities.abs_error},
        "current": match_dict(o.current),
        "background": match_dict(o.background),
    }


def scores_dict(scores: CorpusScores, facts: dict[str, Any], explain: bool = False) -> dict[str, Any]:
    """Every figure of spec §4 under stable keys (floats rounded; None when undefined)."""
    data: dict[str, Any] = {
        "spec": "EVENTS.md §4",
        "rules": {"max_km": scorer.MAX_KM, "day_tolerance": scorer.DAY_TOLERANCE,
                  "precision2_tolerance_days": scorer.WEEK_TOLERANCE,
                  "precision3": "same calendar month"},
        "articles": {
            "gold": len(scores.articles),
            "extracted": facts.get("articles_extracted", 0),
            "problems": [{"article_id": o.article_id, "problem": o.problem}
                         for o in scores.articles if o.problem],
            "without_gold": list(facts.get("articles_without_gold", [])),
        },
        "current": event_scores_dict(scores.current),
        "matched": field_scores_dict(scores.fields),
        "fatalities": {"mae": _round(scores.fatalities_mae, 3), "articles": len(scores.articles)},
        "background": event_scores_dict(scores.background),
        "current_by_type": {t: event_scores_dict(s) for t, s in scores.current_by_type.items()},
        "extract_seconds": facts.get("extract_seconds"),
    }
    if explain:
        data["fatalities"]["per_article"] = [
            {"article_id": o.article_id, "system": o.fatalities.system, "gold": o.fatalities.gold,
             "abs_error": o.fatalities.abs_error} for o in scores.articles]
        data["per_article"] = [article_dict(o) for o in scores.articles]
    return data


def write_json(scores: CorpusScores, facts: dict[str, Any], out: TextIO, explain: bool = False) -> None:
    out.write(json.dumps(scores_dict(scores, facts, explain), ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- the table
def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:.2f}{unit}"


def _isolate(text: str | None) -> str:
    # Arabic in its own bidi isolate so a terminal keeps the line in order.
    return f"\u2067{text}\u2069" if text else ""


def write_report(scores: CorpusScores, facts: dict[str, Any], out: TextIO, explain: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    # soft_wrap: explain lines stay whole (one event per line, greppable).
    console = Console(file=out, width=140, markup=False, highlight=False, emoji=False, soft_wrap=True)
    if explain:
        for outcome in scores.articles:
            _write_article(console, outcome)

    table = Table(title=f"rasd eval — {len(scores.articles)} gold articles (spec §4)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("counts")
    c, b, f = scores.current, scores.background, scores.fields
    counts = f"tp {c.tp} · fp {c.fp} · fn {c.fn} · optional found {c.optional_found}"
    table.add_row("current: event precision", _pct(c.precision), counts)
    table.add_row("current: event recall", _pct(c.recall), "")
    table.add_row("current: event F1", _pct(c.f1), "")
    table.add_row("matched: sub_event_type accuracy", _pct(f.sub_event_type_accuracy), f"{f.matched} matched")
    table.add_row("matched: actor accuracy (order free)", _pct(f.actor_accuracy), "")
    table.add_row("matched: date exact", _pct(f.date_exact_rate), "")
    table.add_row("matched: median location error", _num(f.location_median_km, " km"),
                  f"{f.location_measured} with coordinates")
    table.add_row("matched: location within 5 km", _pct(f.location_within_5km), "")
    table.add_row("matched: fatalities exact", _pct(f.fatalities_exact_rate), "")
    table.add_row("articles: fatalities MAE", _num(scores.fatalities_mae), "current events, per article")
    table.add_row("background: event F1", _pct(b.f1),
                  f"tp {b.tp} · fp {b.fp} · fn {b.fn} · P {_pct(b.precision)} · R {_pct(b.recall)}")
    console.print(table, soft_wrap=False)
    if scores.current_by_type:
        by_type = Table(title="current events by event_type (TP/FN by gold type, FP by system type)")
        for column in ("event_type", "P", "R", "F1", "tp", "fp", "fn"):
            by_type.add_column(column, justify="left" if column == "event_type" else "right")
        for name, s in scores.current_by_type.items():
            by_type.add_row(name, _pct(s.precision), _pct(s.recall), _pct(s.f1), str(s.tp), str(s.fp), str(s.fn))
        console.print(by_type, soft_wrap=False)
    problems = [o for o in scores.articles if o.problem]
    if problems:
        console.print(f"{len(problems)} article(s) produced no output (their gold counts as missed):")
        for o in problems:
            console.print(f"  {o.article_id}: {o.problem}")
    without = facts.get("articles_without_gold") or []
    if without:
        console.print(f"{len(without)} article(s) have no gold and were not scored.")
    seconds = facts.get("extract_seconds")
    extracted = facts.get("articles_extracted") or 0
    if seconds is not None and extracted:
        console.print(f"extraction: {extracted} articles in {seconds:.2f} s")


def _event_line(e: Event) -> str:
    place = e.location or ""
    if e.location_ar:
        place = f"{place} {_isolate(e.location_ar)}".strip()
    actors = " vs ".join(a for a in (e.actor1, e.actor2) if a) or "no actors"
    return (f"{e.event_type} / {e.sub_event_type} · {e.event_date or 'no date'} p{e.time_precision}"
            f" · {place or 'no place'} ({e.admin1 or '?'}) · {actors} · killed {e.fatalities}")


def _evidence_line(e: Event) -> str | None:
    if not e.evidence:
        return None
    text = " ".join(e.evidence[0].text.split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS] + "…"
    return f"        « {_isolate(text)} »"


def _write_match(console: Any, m: ArticleMatch) -> None:
    for p in m.matched:
        diffs = pair_differences(p)
        how = f"{p.days} d, " + (f"{p.km:.1f} km" if p.km is not None else "same admin1")
        console.print(f"    TP  {_event_line(p.system)}  [{how}] ↔ gold {p.gold.gold_id}")
        for name, (sys_value, gold_value) in diffs.items():
            console.print(f"        {name}: system {sys_value!r} ≠ gold {gold_value!r}")
    for g in m.missed:
        console.print(f"    FN  {_event_line(g.event)}  (gold {g.gold_id})")
        line = _evidence_line(g.event)
        if line:
            console.print(line)
    for e in m.spurious:
        console.print(f"    FP  {_event_line(e)}")
        line = _evidence_line(e)
        if line:
            console.print(line)
    for p in m.absorbed:
        console.print(f"    opt {_event_line(p.system)}  ↔ optional gold {p.gold.gold_id} (not counted)")
    for g in m.optional_unfound:
        console.print(f"    opt-unfound {_event_line(g.event)}  (gold {g.gold_id}, not a miss)")


def _write_article(console: Any, o: ArticleOutcome) -> None:
    fat = o.fatalities
    console.print(f"── {o.article_id}  killed: system {fat.system} / gold {fat.gold}"
                  f" (abs error {fat.abs_error})")
    if o.problem:
        console.print(f"    !! {o.problem}")
    if any((o.current.matched, o.current.missed, o.current.spurious, o.current.absorbed,
            o.current.optional_unfound)):
        console.print("  current:")
        _write_match(console, o.current)
    if any((o.background.matched, o.background.missed, o.background.spurious,
            o.background.absorbed, o.background.optional_unfound)):
        console.print("  background:")
        _write_match(console, o.background)
