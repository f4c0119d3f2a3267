"""Indexes derived from the gazetteer, kept on disk between runs (issue 9: start-up).

Some indexes cost more to derive than to read back — the transliteration
index runs every Latin name of the gazetteer (tens of thousands) through
`latin_skeleton` and needs the English names read first. `rasd extract` of
one article must start in under half a second, so such an index is built
once, written to the user cache directory (platformdirs; `RASD_CACHE_DIR`
overrides it) with `marshal` (plain dicts, lists and strings: the fastest
format the standard library reads), and read back by later processes.

A cached index is named by a digest of the gazetteer file's bytes and of a
`recipe` — the code and settings it was derived with — so a rebuilt
gazetteer or a changed rule never reads a stale index. The cache is an
optimisation only: when it cannot be read or written (read-only home, a
corrupt or truncated file) the index is built in memory as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

# Bumped when the file layout itself changes.
_FORMAT = b"rasd-index-cache/1"


def cache_dir() -> Path:
    """Where derived indexes are kept: $RASD_CACHE_DIR, else the user cache dir."""
    override = os.environ.get("RASD_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # only when an index is needed

    return Path(user_cache_dir("rasd", appauthor=False))


def cache_file(gazetteer_path: Path, name: str, recipe: str) -> Path:
    """The file an index of this gazetteer and recipe is kept in."""
    digest = hashlib.blake2b(_FORMAT, digest_size=16)
    with open(gazetteer_path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    digest.update(b"\0" + recipe.encode("utf-8"))
    return cache_dir() / f"{name}-{digest.hexdigest()}.marshal"


def load_or_build(gazetteer_path: Path | None, name: str, recipe: str, build: Callable[[], T]) -> T:
    """The index `build()` would return, read from the cache when it is there.

    `build` must return plain data marshal can write (dicts, lists, tuples,
    str, int, float, bool, None). Without a gazetteer file (an in-memory
    gazetteer) nothing is cached.
    """
    if gazetteer_path is None or not Path(gazetteer_path).is_file():
        return build()
    try:
        path = cache_file(Path(gazetteer_path), name, recipe)
    except OSError:
        return build()
    try:
        # One read, then loads: marshal.load on a file reads it in small pieces.
        return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or unreadable: build it
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a process reading meanwhile sees the whole file or none.
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(value, f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only cache dir: the index is still right, only not kept
    return value
