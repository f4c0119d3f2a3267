"""Measure candidate distributed engines on the rasd workload (GitHub issue 9).

For each engine, in a fresh child process (so imports and memory do not
leak from one engine into the next):

  import      seconds to import the engine
  start       seconds to start a local cluster of --workers worker processes
  warm        seconds until every worker has built its rasd Pipeline
  per_task    engine overhead per task: --tasks one-article tasks, wall time
              minus the in-process extraction time of the same articles, / tasks
  batched     articles/s with batches of --batch articles (real runs use this)
  memory      resident MB of each worker and of the engine's helper processes
  failure     one worker SIGKILLed while batches run: did every batch come back
              exactly once, and how long did the run take
  shutdown    seconds to close, and whether engine processes were left behind

Usage: python bench/engines.py [--engines dask,ray] [--workers 2] [--tasks 1000]
                               [--articles 2000] [--batch 200] [--json out.json]
Timings are wall clock on whatever else the machine is doing: say so when quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from rasd.scale.worker import extract_batch, rss_mb, worker_pipeline  # noqa: E402


def _children_rss(root_pid: int, exclude: set[int]) -> dict[str, float]:
    import psutil

    out: dict[str, float] = {}
    for p in psutil.Process(root_pid).children(recursive=True):
        if p.pid in exclude:
            continue
        try:
            out[f"{p.name()}:{p.pid}"] = round(p.memory_info().rss / 1e6, 1)
        except psutil.Error:
            pass
    return out


def _warm(_: int) -> tuple[int, float]:
    worker_pipeline()
    time.sleep(0.2)  # keep this worker busy so the other warm-up lands elsewhere
    return os.getpid(), rss_mb()


def _one(article) -> int:
    return len(extract_batch(0, [article]).items)


def _batch(batch_id: int, articles) -> tuple[int, int, int]:
    result = extract_batch(batch_id, articles)
    return batch_id, len(result.items), result.worker_pid


def _slow_batch(batch_id: int, articles) -> tuple[int, int, int]:
    time.sleep(0.3)  # long enough for a kill to land mid-batch
    return _batch(batch_id, articles)


def measure_dask(args, articles) -> dict:
    r: dict = {"engine": "dask"}
    t = time.perf_counter()
    from dask.distributed import Client, LocalCluster, as_completed
    import distributed

    r["version"] = distributed.__version__
    r["import_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    r["start_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    workers = list(client.scheduler_info()["workers"])
    warm = [client.submit(_warm, i, workers=[w], pure=False) for i, w in enumerate(workers)]
    pids = dict(client.gather(warm))
    r["warm_s"] = round(time.perf_counter() - t, 2)
    r.update(_tasks_and_batches(
        articles, args,
        run_one=lambda arts: client.gather(client.map(_one, arts, pure=False)),
        run_batches=lambda batches: [f.result() for f in as_completed(
            [client.submit(_batch, i, b, pure=False) for i, b in enumerate(batches)])]))
    r["worker_rss_mb"] = [round(v, 1) for v in pids.values()]
    r["helper_rss_mb"] = _children_rss(os.getpid(), set(pids))
    r["driver_rss_mb"] = round(rss_mb(), 1)
    # Failure: SIGKILL one worker process while slow batches run.
    batches = _batches(articles, args.batch)
    t = time.perf_counter()
    futures = [client.submit(_slow_batch, i, b, pure=False, retries=2) for i, b in enumerate(batches)]
    time.sleep(0.5)
    victim = next(iter(client.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)
    done = [f.result() for f in as_completed(futures)]
    r["failure"] = _failure_report(done, batches, time.perf_counter() - t, victim)
    t = time.perf_counter()
    client.close()
    cluster.close()
    r["shutdown_s"] = round(time.perf_counter() - t, 2)
    return r


def measure_ray(args, articles) -> dict:
    r: dict = {"engine": "ray"}
    t = time.perf_counter()
    import ray

    r["version"] = ray.__version__
    r["import_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False,
             _node_ip_address="127.0.0.1", configure_logging=False)
    r["start_s"] = round(time.perf_counter() - t, 2)
    warm_r = ray.remote(num_cpus=1)(_warm)
    one_r = ray.remote(num_cpus=1)(_one)
    batch_r = ray.remote(num_cpus=1)(_batch)
    slow_r = ray.remote(num_cpus=1, max_retries=2)(_slow_batch)
    t = time.perf_counter()
    pids = dict(ray.get([warm_r.remote(i) for i in range(args.workers)]))
    r["warm_s"] = round(time.perf_counter() - t, 2)

    def run_batches(batches):
        pending = [batch_r.remote(i, b) for i, b in enumerate(batches)]
        out = []
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            out.extend(ray.get(ready))
        return out

    r.update(_tasks_and_batches(
        articles, args,
        run_one=lambda arts: ray.get([one_r.remote(a) for a in arts]),
        run_batches=run_batches))
    r["worker_rss_mb"] = [round(v, 1) for v in pids.values()]
    r["helper_rss_mb"] = _helper_rss_ray(set(pids))
    r["driver_rss_mb"] = round(rss_mb(), 1)
    batches = _batches(articles, args.batch)
    t = time.perf_counter()
    refs = [slow_r.remote(i, b) for i, b in enumerate(batches)]
    time.sleep(0.5)
    victim = next(iter(pids))
    try:
        os.kill(victim, signal.SIGKILL)
    except ProcessLookupError:
        victim = -1
    done = ray.get(refs)
    r["failure"] = _failure_report(done, batches, time.perf_counter() - t, victim)
    t = time.perf_counter()
    ray.shutdown()
    r["shutdown_s"] = round(time.perf_counter() - t, 2)
    return r


def _helper_rss_ray(exclude: set[int]) -> dict[str, float]:
    import psutil

    out: dict[str, float] = {}
    for p in psutil.process_iter(["name", "cmdline", "memory_info"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if p.pid in exclude or p.pid == os.getpid():
            continue
        if "ray" in cmd and ("gcs_server" in cmd or "raylet" in cmd or "ray::" in cmd
                             or "default_worker" in cmd or "log_monitor" in cmd or "dashboard" in cmd
                             or "monitor.py" in cmd):
            out[f"{p.info['name']}:{p.pid}"] = round(p.info["memory_info"].rss / 1e6, 1)
    return out


def _batches(articles, size):
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def _tasks_and_batches(articles, args, run_one, run_batches) -> dict:
    few = articles[: args.tasks]
    # In-process baseline for the same articles (pipeline already built here).
    worker_pipeline()
    t = time.perf_counter()
    for a in few:
        extract_batch(0, [a])
    inproc = time.perf_counter() - t
    t = time.perf_counter()
    run_one(few)
    wall = time.perf_counter() - t
    # With W workers the ideal wall time is inproc / W; what is left is overhead.
    per_task_ms = (wall - inproc / args.workers) / len(few) * 1000
    t = time.perf_counter()
    results = run_batches(_batches(articles, args.batch))
    batched = time.perf_counter() - t
    assert sum(n for _, n, _ in results) == len(articles)
    return {
        "tasks": len(few),
        "inprocess_article_ms": round(inproc / len(few) * 1000, 3),
        "one_article_tasks_s": round(wall, 2),
        "overhead_per_task_ms": round(per_task_ms, 2),
        "batched_articles": len(articles),
        "batch_size": args.batch,
        "batched_s": round(batched, 2),
        "batched_articles_per_s": round(len(articles) / batched, 1),
    }


def _failure_report(done, batches, seconds, victim) -> dict:
    ids = sorted(b for b, _n, _pid in done)
    return {
        "killed_pid": victim,
        "batches": len(batches),
        "batches_returned": len(ids),
        "each_exactly_once": ids == list(range(len(batches))),
        "articles_returned": sum(n for _b, n, _pid in done),
        "seconds": round(seconds, 2),
    }


def _leftovers(names: tuple[str, ...]) -> list[str]:
    import psutil

    me = os.getpid()
    left = []
    for p in psutil.process_iter(["pid", "ppid", "cmdline"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if p.info["pid"] != me and any(n in cmd for n in names) and "engines.py" not in cmd:
            left.append(f"{p.info['pid']}: {cmd[:80]}")
    return left


def child(args) -> None:
    articles = list(corpus(args.articles))
    result = measure_dask(args, articles) if args.child == "dask" else measure_ray(args, articles)
    print("RESULT " + json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engines", default="dask,ray")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tasks", type=int, default=1000, help="one-article tasks for the overhead figure")
    ap.add_argument("--articles", type=int, default=2000, help="articles for the batched run")
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--json", default=None, help="also write the results here")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    results = []
    for engine in args.engines.split(","):
        cmd = [sys.executable, __file__, "--child", engine, "--workers", str(args.workers),
               "--tasks", str(args.tasks), "--articles", str(args.articles), "--batch", str(args.batch)]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            print(f"{engine}: failed (rc {proc.returncode})\n{proc.stderr[-3000:]}", file=sys.stderr)
            continue
        result = json.loads(line[7:])
        result["child_total_s"] = round(time.perf_counter() - t, 2)
        time.sleep(1.0)
        result["leftover_processes"] = _leftovers(("raylet", "gcs_server", "distributed.cli", "dask-worker"))
        results.append(result)
        print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
