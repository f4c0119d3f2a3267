"""Build the learned event-sentence filter (rasd.events.sentence_filter).

Two steps, both offline and dependency-free (plain Python, no scikit-learn):

    # 1. candidate sentences to annotate: the evidence sentences of the events
    #    rasd's rules propose on SaudiNewsNet conflict articles, plus some
    #    near misses (sentences with a trigger word and no event), leaving out
    #    every article that is also in a dev or held-out corpus (by id and text)
    python tools/train_sentence_filter.py sample --out /tmp/candidates.jsonl --n 520

    # 2. train on the annotations (training/sentence_filter/annotations.jsonl,
    #    written by hand after training/sentence_filter/GUIDELINES.md), report
    #    cross-validated figures and write the weights file
    python tools/train_sentence_filter.py train \
        --annotations training/sentence_filter/annotations.jsonl \
        --out src/rasd/data/sentence_filter.json

    # 3. event P/R/F1 on the dev and held-out corpora with the filter off and
    #    at several thresholds (scores only: no gold is read to train)
    python tools/train_sentence_filter.py measure --thresholds 0.6 0.7 0.8

The model is a logistic regression over the words, stems, four-letter stem
prefixes and stem pairs of the normalised sentence (features defined in
rasd.events.sentence_filter, so training and run time see the same ones),
trained by full-batch gradient descent with L2, deterministically.
"""

from __future__ import annotations

import argparse
import json
import lzma
import math
import os
import random
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.events.sentence_filter import LABELS, features  # noqa: E402
from rasd.model import Article  # noqa: E402

# shared/ (raw data, dev corpus): $RASD_SHARED, or beside the checkout's parent as on the team machines.
SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))
SNN = SHARED / "data" / "raw" / "saudinewsnet_conflict" / "saudinewsnet_conflict_2015.jsonl.xz"
EXCLUDE = [SHARED / "corpus" / "dev" / "articles.jsonl", ROOT / "corpus" / "heldout" / "articles.jsonl"]

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _chunks(text: str, size: int = 120) -> set[str]:
    """Overlapping-free slices of the squashed text, to spot an article quoted in another file."""
    t = _squash(text)
    return {t[i:i + size] for i in range(0, max(1, len(t) - size), size)}


def excluded_corpora() -> tuple[set[str], set[str]]:
    ids: set[str] = set()
    chunks: set[str] = set()
    for path in EXCLUDE:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    ids.add(r["id"])
                    chunks |= _chunks(r.get("text") or "")
    return ids, chunks


def snn_articles() -> list[Article]:
    """SaudiNewsNet conflict articles not in the dev or held-out corpus (by id or any shared text)."""
    ids, chunks = excluded_corpora()
    out = []
    with lzma.open(SNN, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            title = (r.get("title") or "").strip()
            body = (r.get("content") or "").strip()
            text = f"{title}\n\n{body}" if title else body
            if r["id"] in ids or _chunks(body) & chunks or _squash(body)[:300] in "".join(chunks):
                continue
            day = (r.get("date_extracted") or "")[:10]
            out.append(Article(id=r["id"], text=text, title=title or None,
                               published=date.fromisoformat(day) if day else None, source=r.get("source")))
    return out


def cmd_sample(args: argparse.Namespace) -> None:
    from rasd.pipeline import Pipeline

    rng = random.Random(args.seed)
    articles = snn_articles()
    print(f"{len(articles)} SaudiNewsNet articles after excluding dev/held-out", file=sys.stderr)
    pipe = Pipeline()
    events_pool: list[dict] = []
    near_pool: list[dict] = []
    for art in articles:
        doc = pipe.process(art)
        seen: set[tuple[int, int]] = set()
        for ev in doc.events:
            for e in ev.evidence:
                if (e.start, e.end) in seen:
                    continue
                seen.add((e.start, e.end))
                events_pool.append({"article_id": art.id, "start": e.start, "end": e.end,
                                    "sentence": e.text.strip(), "rules": ev.status,
                                    "rule_type": ev.event_type})
        trig_sents = {doc.sentence_index(m.start) for m in doc.mentions_of("trigger")}
        # near misses: sentences the lexicon's trigger list touches with no event of their own
        from rasd.events.lexicon import load_lexicon
        lex = getattr(cmd_sample, "_lex", None) or load_lexicon()
        cmd_sample._lex = lex  # type: ignore[attr-defined]
        for m in lex.triggers.find(doc.norm):
            a, _ = doc.to_original(m.start, m.end)
            i = doc.sentence_index(a)
            if i < 0 or i in trig_sents:
                continue
            sp = doc.sentences[i]
            if (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            near_pool.append({"article_id": art.id, "start": sp.start, "end": sp.end,
                              "sentence": doc.text[sp.start:sp.end].strip(), "rules": "none",
                              "rule_type": None})
    print(f"pool: {len(events_pool)} evidence sentences, {len(near_pool)} near misses", file=sys.stderr)
    # At most two sentences an article, so the sample covers many stories.
    taken = set()
    for path in args.exclude or []:
        with open(path, encoding="utf-8") as f:
            taken |= {_squash(json.loads(line)["sentence"]) for line in f if line.strip()}
    events_pool = [p for p in events_pool if _squash(p["sentence"]) not in taken]
    near_pool = [p for p in near_pool if _squash(p["sentence"]) not in taken]
    n_near = int(args.n * args.near_share)
    picked: list[dict] = []
    for pool, n in ((events_pool, args.n - n_near), (near_pool, n_near)):
        rng.shuffle(pool)
        per_article: Counter[str] = Counter()
        for item in pool:
            if len([p for p in picked if p["rules"] == "none"]) >= n if pool is near_pool else \
                    len([p for p in picked if p["rules"] != "none"]) >= n:
                break
            if per_article[item["article_id"]] >= args.per_article or not 20 <= len(item["sentence"]) <= 600:
                continue
            per_article[item["article_id"]] += 1
            picked.append(item)
    rng.shuffle(picked)
    with open(args.out, "w", encoding="utf-8") as f:
        for i, item in enumerate(picked):
            item = {"n": args.first + i, **item}
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(picked)} candidates to {args.out}", file=sys.stderr)


# ---------------------------------------------------------------- training

def _vectorise(rows: list[dict]) -> list[dict[str, float]]:
    return [features(r["sentence"]) for r in rows]


def _softmax(z: list[float]) -> list[float]:
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def fit(xs: list[dict[str, float]], ys: list[int], n_classes: int,
        l2: float, epochs: int, lr: float) -> tuple[list[dict[str, float]], list[float]]:
    """Multinomial logistic regression, full-batch gradient descent with AdaGrad steps.

    Returns one {feature: weight} dict a class and the biases."""
    active = sorted({j for x in xs for j in x})
    col = {j: i for i, j in enumerate(active)}
    rows = [([col[j] for j in x], [x[j] for j in x]) for x in xs]
    f = len(active)
    w = [[0.0] * f for _ in range(n_classes)]
    b = [0.0] * n_classes
    gw = [[1e-8] * f for _ in range(n_classes)]
    gb = [1e-8] * n_classes
    n = len(xs)
    for _ in range(epochs):
        grad_w = [[0.0] * f for _ in range(n_classes)]
        grad_b = [0.0] * n_classes
        for (idx, vals), y in zip(rows, ys):
            z = [b[k] + sum(map(lambda i, v, wk=w[k]: wk[i] * v, idx, vals)) for k in range(n_classes)]
            p = _softmax(z)
            for k in range(n_classes):
                d = (p[k] - (1.0 if k == y else 0.0)) / n
                grad_b[k] += d
                gk = grad_w[k]
                for i, v in zip(idx, vals):
                    gk[i] += d * v
        for k in range(n_classes):
            wk, gwk, gk = w[k], gw[k], grad_w[k]
            for i in range(f):
                g = gk[i] + l2 * wk[i]
                gwk[i] += g * g
                wk[i] -= lr * g / math.sqrt(gwk[i])
            gb[k] += grad_b[k] ** 2
            b[k] -= lr * grad_b[k] / math.sqrt(gb[k])
    return [{j: w[k][col[j]] for j in active} for k in range(n_classes)], b


def predict(w: list[dict[str, float]], b: list[float], x: dict[str, float]) -> list[float]:
    return _softmax([b[k] + sum(w[k].get(j, 0.0) * v for j, v in x.items()) for k in range(len(b))])


def cmd_train(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for line in open(args.annotations, encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("label") in LABELS]
    ys = [LABELS.index(r["label"]) for r in rows]
    print(f"{len(rows)} annotated sentences: " + ", ".join(f"{k} {v}" for k, v in Counter(
        r["label"] for r in rows).most_common()))
    xs = _vectorise(rows)
    # Features of one sentence only teach nothing general: leave them out.
    seen = Counter(k for x in xs for k in x)
    xs = [{k: v for k, v in x.items() if seen[k] >= args.min_count} for x in xs]
    print(f"{sum(1 for k in seen if seen[k] >= args.min_count)} features in ≥ {args.min_count} sentences")
    # Cross-validation by article (sentences of one story never on both sides).
    arts = sorted({r["article_id"] for r in rows})
    random.Random(args.seed).shuffle(arts)
    fold_of = {a: i % args.folds for i, a in enumerate(arts)}
    probs: list[list[float]] = [[0.0] * len(LABELS) for _ in rows]
    for k in range(args.folds):
        tr = [i for i, r in enumerate(rows) if fold_of[r["article_id"]] != k]
        te = [i for i, r in enumerate(rows) if fold_of[r["article_id"]] == k]
        w, b = fit([xs[i] for i in tr], [ys[i] for i in tr], len(LABELS), args.l2, args.epochs, args.lr)
        for i in te:
            probs[i] = predict(w, b, xs[i])
    acc = sum(1 for p, y in zip(probs, ys) if p.index(max(p)) == y) / len(rows)
    majority = Counter(ys).most_common(1)[0][1] / len(rows)
    print(f"{args.folds}-fold CV (by article) accuracy, 3 labels: {acc:.3f} (majority class {majority:.3f})")
    ne = LABELS.index("not_event")
    gold_ne = [y == ne for y in ys]
    print("veto at P(not_event) ≥ t: share vetoed, precision of the veto (share truly not_event), "
          "recall of not_event")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        veto = [p[ne] >= t for p in probs]
        nv = sum(veto)
        hit = sum(1 for v, g in zip(veto, gold_ne) if v and g)
        print(f"  t={t:.1f}: vetoed {nv}/{len(rows)}, precision {hit / nv if nv else float('nan'):.3f}, "
              f"recall {hit / max(1, sum(gold_ne)):.3f}")
    cur = [i for i, r in enumerate(rows) if r.get("rules") == "current"]
    print(f"on the {len(cur)} sentences the rules made current events of "
          f"({sum(1 for i in cur if gold_ne[i])} truly not_event):")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        veto = [i for i in cur if probs[i][ne] >= t]
        hit = sum(1 for i in veto if gold_ne[i])
        print(f"  t={t:.1f}: vetoed {len(veto)}, of which not_event {hit}, wrongly vetoed event_now "
              f"{sum(1 for i in veto if ys[i] == 0)}")
    pe = LABELS.index("event_past")
    gold_pe = [y == pe for y in ys]
    for t in (0.5, 0.6, 0.7, 0.8):
        sw = [p[pe] >= t for p in probs]
        ns = sum(sw)
        hit = sum(1 for v, g in zip(sw, gold_pe) if v and g)
        print(f"  past t={t:.1f}: flagged {ns}, precision {hit / ns if ns else float('nan'):.3f}, "
              f"recall {hit / max(1, sum(gold_pe)):.3f}")
    if args.out:
        w, b = fit(xs, ys, len(LABELS), args.l2, args.epochs, args.lr)
        weights = {j: [round(w[k][j], 4) for k in range(len(LABELS))]
                   for j in sorted(w[0]) if any(abs(w[k][j]) >= args.min_weight for k in range(len(LABELS)))}
        out = {
            "version": args.version,
            "about": "rasd learned event-sentence filter: multinomial logistic regression over the words, "
                     "stems, stem prefixes and stem pairs of the normalised sentence (rasd.events.sentence_filter). "
                     "Trained by tools/train_sentence_filter.py on training/sentence_filter/annotations.jsonl.",
            "labels": LABELS,
            "trained_on": len(rows),
            "cv_accuracy": round(acc, 3),
            "bias": [round(v, 5) for v in b],
            "weights": weights,
        }
        Path(args.out).write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                                  encoding="utf-8")
        print(f"wrote {args.out}: {len(weights)} features")


def cmd_measure(args: argparse.Namespace) -> None:
    """Event P/R/F1 on scored corpora with the filter off and at each threshold (scores only)."""
    from rasd.eval.run import evaluate
    from rasd.events import sentence_filter as SF
    from rasd.events.stages import EventStage
    from rasd.pipeline import Pipeline, finalize_stage, normalize_stage, segment_stage
    from rasd.places.stage import places_stage

    def pipeline(on: bool) -> Pipeline:
        return Pipeline([("normalize", normalize_stage), ("segment", segment_stage), ("places", places_stage),
                         ("events", EventStage(sentence_filter=on)), ("finalize", finalize_stage)])

    settings = [("off", None)] + [(f"t={t}", t) for t in args.thresholds]
    for name, (gold, articles) in (("dev", (SHARED / "corpus/dev/gold.jsonl", SHARED / "corpus/dev/articles.jsonl")),
                                   ("held-out", (ROOT / "corpus/heldout/gold.jsonl",
                                                 ROOT / "corpus/heldout/articles.jsonl"))):
        for label, t in settings:
            if t is not None:
                SF.VETO_THRESHOLD = t
            scores, _ = evaluate(str(gold), str(articles), pipeline(t is not None).extract, on_problem=lambda m: None)
            print(f"{name:8} {label:6} current {_figures(scores.current)} | background {_figures(scores.background)}"
                  f" | fatalities exact {scores.fields.fatalities_exact_rate or 0:.3f}"
                  f" actors {scores.fields.actor_accuracy or 0:.3f}")


def _figures(e) -> str:  # rasd.eval.scorer.EventScores
    return f"P {e.precision or 0:.3f} R {e.recall or 0:.3f} F1 {e.f1 or 0:.3f} (tp {e.tp} fp {e.fp} fn {e.fn})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", required=True)
    s.add_argument("--n", type=int, default=520)
    s.add_argument("--near-share", type=float, default=0.15)
    s.add_argument("--per-article", type=int, default=2)
    s.add_argument("--seed", type=int, default=6)
    s.add_argument("--exclude", nargs="*", help="annotation files whose sentences are not sampled again")
    s.add_argument("--first", type=int, default=0, help="number the candidates from here")
    s.set_defaults(fn=cmd_sample)
    t = sub.add_parser("train")
    t.add_argument("--annotations", required=True)
    t.add_argument("--out")
    t.add_argument("--l2", type=float, default=1e-4)
    t.add_argument("--epochs", type=int, default=60)
    t.add_argument("--lr", type=float, default=0.5)
    t.add_argument("--folds", type=int, default=5)
    t.add_argument("--seed", type=int, default=6)
    t.add_argument("--version", default="1")
    t.add_argument("--min-count", type=int, default=2, help="features seen in fewer sentences are left out")
    t.add_argument("--min-weight", type=float, default=1e-3, help="leave smaller weights out of the file")
    t.set_defaults(fn=cmd_train)
    m = sub.add_parser("measure")
    m.add_argument("--thresholds", type=float, nargs="*", default=[0.6, 0.7, 0.8, 0.9])
    m.set_defaults(fn=cmd_measure)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
