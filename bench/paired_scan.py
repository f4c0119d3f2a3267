"""Paired timing of the text scans against another checkout, in one process.

    python bench/paired_scan.py /path/to/other/checkout/src [N]

On a shared, loaded machine two benchmark runs minutes apart differ by ±15%,
more than most single changes gain. This script times two implementations
article by article, alternating which goes first, in the same process, so
both see the same load:

- the phrase matchers: the default Pipeline's seven PhraseMatchers, copied
  (to_data/from_data) into this checkout's rasd.text.tokens and the other
  checkout's, each run over every article's normalised text; their matches
  must be equal;
- the date scan: this checkout's Grammar.finditer against the grammar's
  regex run over every position (regex.finditer, what find_dates did
  before), with the shared word scan already made, as in the pipeline.

Prints CPU microseconds per article for each. N: articles of the benchmark
corpus (bench/corpus.py), default 2,000.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from rasd.pipeline import Pipeline  # noqa: E402
from rasd.text import tokens  # noqa: E402
from rasd.text.dates.grammar import compiled_grammar  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402


def _other_tokens(src: Path):
    spec = importlib.util.spec_from_file_location("other_tokens", src / "rasd" / "text" / "tokens.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_tokens"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _pipeline_matchers(article) -> list:
    """The PhraseMatchers the default Pipeline runs (seen while it extracts one article)."""
    seen: dict[int, tokens.PhraseMatcher] = {}
    find = tokens.PhraseMatcher.find

    def spy(self, norm, start=0, end=None):
        seen[id(self)] = self
        return find(self, norm, start, end)

    tokens.PhraseMatcher.find = spy
    try:
        Pipeline().extract(article)
    finally:
        tokens.PhraseMatcher.find = find
    return list(seen.values())


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    other = _other_tokens(Path(sys.argv[1]))
    articles = list(corpus(int(sys.argv[2]) if len(sys.argv) > 2 else 2000))
    pairs = [(tokens.PhraseMatcher.from_data(m.to_data()), other.PhraseMatcher.from_data(m.to_data()))
             for m in _pipeline_matchers(articles[0])]
    norms = [normalize(a.text)[0] for a in articles]
    grammar = compiled_grammar()
    clock = time.process_time
    spent = {"find here": 0.0, "find other": 0.0, "dates here": 0.0, "dates regex": 0.0}

    def timed(name, f):
        t = clock()
        out = f()
        spent[name] += clock() - t
        return out

    for k, norm in enumerate(norms):
        for mine, theirs in pairs:
            runs = [("find here", lambda m=mine: m.find(norm)), ("find other", lambda m=theirs: m.find(norm))]
            a, b = (timed(name, f) for name, f in (runs if k % 2 else runs[::-1]))
            key = [(x.start, x.end, x.text, x.clitics, x.payload) for x in a]
            if key != [(x.start, x.end, x.text, x.clitics, x.payload) for x in b]:
                raise SystemExit(f"matches differ on article {k}")
        tokens.word_spans(norm)  # made by the matchers in the pipeline
        runs = [("dates here", lambda: list(grammar.finditer(norm))),
                ("dates regex", lambda: list(grammar.regex.finditer(norm)))]
        for name, f in (runs if k % 2 else runs[::-1]):
            timed(name, f)
    n = len(norms)
    print(f"{n} articles, CPU us per article: " + ", ".join(f"{k} {v / n * 1e6:.0f}" for k, v in spent.items()))


if __name__ == "__main__":
    main()
