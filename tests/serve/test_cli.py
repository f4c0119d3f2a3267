"""`rasd serve` as a user starts it: real process, real port, one-line errors."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from urllib.error import URLError
from urllib.request import urlopen

from serve_corpus import fill

from rasd.store import open_store


def run_rasd(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_the_given_port_and_stops(tmp_path):
    db = tmp_path / "events.sqlite"
    store = open_store(str(db))
    fill(store)
    store.close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        meta = None
        deadline = time.monotonic() + 30
        while meta is None and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()
            try:
                meta = json.load(urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=2))
            except (URLError, ConnectionError):
                time.sleep(0.2)
        assert meta is not None and meta["events"] == 4
        page = urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
        assert "<title>rasd" in page
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    assert f"http://127.0.0.1:{port}/" in proc.stdout.read()


def test_missing_store_is_one_line_that_says_what_to_do(tmp_path):
    missing = tmp_path / "typo.sqlite"
    result = run_rasd("serve", "--db", str(missing), "--port", str(free_port()))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(missing) in result.stderr and "rasd ingest" in result.stderr
    assert not missing.exists()  # no empty store left behind


def test_busy_port_is_one_line(tmp_path):
    db = tmp_path / "events.sqlite"
    open_store(str(db)).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_rasd("serve", "--db", str(db), "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.startswith(f"rasd: error: cannot listen on 127.0.0.1:{port}")
    assert result.stderr.count("\n") == 1


def test_not_a_database_is_one_line(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are not events")
    result = run_rasd("serve", "--db", str(bogus), "--port", str(free_port()))
    assert result.returncode == 1
    assert result.stderr.startswith("rasd: error: ") and str(bogus) in result.stderr
    assert result.stderr.count("\n") == 1


def test_ingest_then_serve_is_the_whole_story(tmp_path):
    """`rasd ingest FILE` then `rasd serve`, both on the default store (the user data dir)."""
    import os
    from pathlib import Path

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}  # platformdirs' user data dir on Linux
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample_articles.jsonl"
    ingest = subprocess.run([sys.executable, "-m", "rasd", "ingest", str(sample)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        meta = None
        deadline = time.monotonic() + 30
        while meta is None and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()
            try:
                meta = json.load(urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=2))
            except (URLError, ConnectionError):
                time.sleep(0.2)
        assert meta is not None
        page = json.load(urlopen(f"http://127.0.0.1:{port}/api/events?limit=1000", timeout=10))
        assert page["total"] == meta["events"]
        served_articles = {a for e in page["events"] for a in e["sources"]}
        ingested = {json.loads(line)["id"] for line in sample.read_text(encoding="utf-8").splitlines()}
        assert served_articles <= ingested  # the events shown are those of the ingested articles
        for article_id in ingested:
            article = json.load(urlopen(f"http://127.0.0.1:{port}/api/articles/{article_id}", timeout=10))
            assert article["article"]["id"] == article_id
    finally:
        proc.terminate()
        proc.wait(timeout=15)
