"""Indexes derived from the gazetteer are cached on disk per gazetteer file and recipe
(start-up, issue 9); the cache never changes what is found."""

from __future__ import annotations

import os

import pytest

from rasd.places import Gazetteer, PlaceResolver
from rasd.places.index_cache import cache_file, load_or_build
from rasd.places.resolve import _latin_ids


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("RASD_CACHE_DIR", str(d))
    return d


@pytest.fixture()
def gazetteer_file(tmp_path):
    f = tmp_path / "g.sqlite"
    f.write_bytes(b"pretend gazetteer v1")
    return f


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_an_index_is_built_once_then_read_back(cache, gazetteer_file):
    value = {"bsr": ["a", "b"], "klk": ["c"]}
    build, calls = counting(value)
    assert load_or_build(gazetteer_file, "idx", "recipe 1", build) == value
    assert load_or_build(gazetteer_file, "idx", "recipe 1", build) == value
    assert len(calls) == 1
    assert cache_file(gazetteer_file, "idx", "recipe 1").parent == cache


def test_a_changed_gazetteer_or_recipe_is_not_read_from_a_stale_index(cache, gazetteer_file):
    build1, calls1 = counting({"old": ["x"]})
    load_or_build(gazetteer_file, "idx", "recipe 1", build1)
    build2, calls2 = counting({"new": ["y"]})
    assert load_or_build(gazetteer_file, "idx", "recipe 2", build2) == {"new": ["y"]}
    gazetteer_file.write_bytes(b"pretend gazetteer v2")
    build3, calls3 = counting({"newer": ["z"]})
    assert load_or_build(gazetteer_file, "idx", "recipe 1", build3) == {"newer": ["z"]}
    assert (len(calls1), len(calls2), len(calls3)) == (1, 1, 1)


def test_a_corrupt_cache_file_is_rebuilt(cache, gazetteer_file):
    build, calls = counting({"k": ["v"]})
    load_or_build(gazetteer_file, "idx", "r", build)
    path = cache_file(gazetteer_file, "idx", "r")
    path.write_bytes(path.read_bytes()[:5])  # truncated, as by a crash mid-write
    assert load_or_build(gazetteer_file, "idx", "r", build) == {"k": ["v"]}
    assert len(calls) == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_dir_still_gives_the_index(tmp_path, monkeypatch, gazetteer_file):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("RASD_CACHE_DIR", str(locked / "rasd"))
    build, calls = counting({"k": ["v"]})
    assert load_or_build(gazetteer_file, "idx", "r", build) == {"k": ["v"]}


def test_a_cache_path_that_cannot_be_a_directory_still_gives_the_index(tmp_path, monkeypatch,
                                                                      gazetteer_file):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RASD_CACHE_DIR", str(blocker / "rasd"))
    build, calls = counting({"k": ["v"]})
    assert load_or_build(gazetteer_file, "idx", "r", build) == {"k": ["v"]}
    assert load_or_build(gazetteer_file, "idx", "r", build) == {"k": ["v"]}
    assert len(calls) == 2  # nothing could be kept


def test_without_a_gazetteer_file_nothing_is_cached(cache):
    build, calls = counting({"k": ["v"]})
    load_or_build(None, "idx", "r", build)
    load_or_build(None, "idx", "r", build)
    assert len(calls) == 2 and not cache.exists()


def test_transliteration_index_read_from_the_cache_equals_a_fresh_one(cache):
    g = Gazetteer.load()
    fresh = _latin_ids(g)
    first = PlaceResolver(g)._latin_index()      # builds and writes the cache
    assert any(cache.iterdir())
    second = PlaceResolver(g)._latin_index()     # reads it back
    as_ids = {sk: [p.id for p in ps] for sk, ps in second.items()}
    assert as_ids == fresh
    assert list(as_ids) == list(fresh)           # same order: ties resolve alike
    assert {sk: [p.id for p in ps] for sk, ps in first.items()} == fresh
    assert all(p is g.places[p.id] for ps in second.values() for p in ps)
    # Silopi (Turkey) is found by its sound: «سيلوبي» → s-l-b.
    assert any(p.name_en == "Silopi" for p in second.get("slb", []))
