"""A separate ingest process for the crash and concurrency tests.

    python ingest_worker.py DB N DELAY BATCH

(run id fixed: the data files may change while a test runs, and a new data
version would be a new run)

Ingests articles art1..artN through store.ingest with a fake pipeline that
sleeps DELAY seconds per article, then prints the summary as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rasd.store import open_store  # noqa: E402
from store_factories import FakePipeline, article  # noqa: E402


class SlowPipeline(FakePipeline):
    def __init__(self, delay: float):
        super().__init__()
        self.delay = delay

    def extract(self, a):
        time.sleep(self.delay)
        return super().extract(a)


def main() -> None:
    db, n, delay, batch = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    pipeline = SlowPipeline(delay)
    with open_store(db) as store:
        summary = store.ingest((article(i) for i in range(1, n + 1)), pipeline, progress=False,
                               batch_size=batch, run_id="rasd-test+data-fixed")
    print(json.dumps({"extracted": summary.articles_extracted, "skipped": summary.articles_skipped,
                      "new": summary.articles_new, "calls": len(pipeline.calls),
                      "events": summary.events_found}))


if __name__ == "__main__":
    main()
