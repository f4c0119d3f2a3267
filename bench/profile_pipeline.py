"""Where extraction time goes: per stage, then the hottest functions (cProfile).

    python bench/profile_pipeline.py --n 200 [--top 20]

Runs the default Pipeline over the first N articles of the benchmark corpus
(bench/corpus.py) in this process. The first section times each named stage;
the second lists the functions with the most time of their own. Use it to
find what keeps extraction under the 300 articles/s per core target.
Stage timings are CPU time of this process (time.process_time), which a
shared, loaded machine inflates less than wall-clock time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from rasd.pipeline import Pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    pipeline = Pipeline()
    articles = list(corpus(args.n))
    pipeline.extract(articles[0])  # lazy resources load outside the measurement
    per_stage: dict[str, float] = {name: 0.0 for name, _ in pipeline.stages}
    for article in articles:
        doc = pipeline.make_doc(article)
        for name, stage in pipeline.stages:
            t = time.process_time()
            doc = stage(doc)
            per_stage[name] += time.process_time() - t
    total = sum(per_stage.values())
    print(f"{pipeline}\n{len(articles)} articles, {total / len(articles) * 1000:.2f} ms per article, "
          f"{len(articles) / total:.1f} articles per CPU-second\n")
    for name, seconds in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<16} {seconds / len(articles) * 1000:8.2f} ms/article  {seconds / total:6.1%}")
    print()
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        pipeline.extract(article)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
