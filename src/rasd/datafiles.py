"""rasd's language data: the versioned files in rasd/data and how they are read.

Every stage loads its word lists, gazetteer and dictionaries through here, so
there is one place that knows where the files live and one way to parse them
(libyaml's loader when PyYAML has it: the same data, ~10x faster to read,
which is most of `rasd extract`'s start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from rasd.errors import RasdError

DATA_DIR = Path(__file__).resolve().parent / "data"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str) -> Path:
    """The path of a file shipped in rasd/data."""
    return DATA_DIR / name


def read_yaml(path: str | Path, what: str = "data file") -> Any:
    """Parse a YAML data file; a missing or broken file is one clear RasdError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RasdError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RasdError(f"{path}: {what} is malformed ({str(exc).splitlines()[0]}); "
                        "fix the file or reinstall rasd") from None
