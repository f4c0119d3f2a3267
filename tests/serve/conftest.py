from __future__ import annotations

import pytest

from rasd.store import open_store
from serve_corpus import fill


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "events.sqlite"))
    fill(s)
    yield s
    s.close()


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from rasd.serve.api import create_app

    with TestClient(create_app(store)) as c:
        yield c
