"""Start-up of `rasd extract` (issue 9: one article in < 0.5 s from a cold start).

The timing itself is measured in bench/ (it depends on the machine); these
tests guard what keeps start-up short: extracting does not import the
packages only other commands need, and the version is read only when asked.
"""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import sys
from rasd.cli import main
code = main(["extract", sys.argv[1]])
heavy = sorted(m for m in ("sqlalchemy", "rasd.store", "rasd.serve", "rasd.scale", "importlib.metadata")
               if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def _extract_in_fresh_process(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _PROBE, path], capture_output=True, text=True, timeout=120)


def test_extract_imports_none_of_the_optional_command_packages(tmp_path):
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"id": "a", "published": "2024-03-02",
                                   "text": "قتل ثلاثة مدنيين في قصف على مدينة حلب أمس."}, ensure_ascii=False),
                       encoding="utf-8")
    run = _extract_in_fresh_process(str(article))
    assert run.returncode == 0, run.stderr
    assert "HEAVY=\n" in run.stderr or run.stderr.rstrip().endswith("HEAVY=")
    assert all(json.loads(line)["article_id"] == "a" for line in run.stdout.splitlines())


def test_other_commands_are_still_registered_and_version_is_printed(capsys):
    import pytest

    import rasd
    from rasd.cli import build_parser, main

    names = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {"extract", "eval"} <= names and len(names) > 2  # places, ingest, serve ... when installed
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"rasd {rasd.__version__}\n"
