"""Which extraction produced what: a run is keyed by rasd version + language-data version.

Re-running ingest after upgrading rasd or its data files (gazetteer, actors,
lexicon) starts a new run: articles are re-extracted under it and the older
run's events stay queryable. The data version is a short hash of the files
under rasd/data, so editing a data file is an upgrade too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rasd

DATA_DIR = Path(rasd.__file__).with_name("data")
# Data folders that change how events are exported, not which events are extracted.
EXPORT_ONLY = frozenset({"acled"})


@dataclass(frozen=True, slots=True)
class RunIdentity:
    rasd_version: str
    data_version: str

    @property
    def run_id(self) -> str:
        return f"rasd-{self.rasd_version}+data-{self.data_version}"


@lru_cache(maxsize=1)
def data_version(root: Path = DATA_DIR) -> str:
    """sha1 over the relative paths and contents of every data file, first 12 hex digits."""
    digest = hashlib.sha1()
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts or path.relative_to(root).parts[0] in EXPORT_ONLY:
                continue
            digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
            with path.open("rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()[:12]


def current_run() -> RunIdentity:
    return RunIdentity(rasd_version=rasd.__version__, data_version=data_version())


def parse_run_id(run_id: str) -> RunIdentity:
    """The identity inside a run id; a run id made elsewhere keeps itself as its version."""
    if run_id.startswith("rasd-") and "+data-" in run_id:
        version, data = run_id[len("rasd-"):].split("+data-", 1)
        return RunIdentity(version, data)
    return RunIdentity(run_id[:60], "")
