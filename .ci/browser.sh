#!/usr/bin/env bash
# Install what the serve end-to-end tests need: Debian's Chromium, Arabic
# fonts (so screenshots show proper Naskh shaping) and Playwright for Python.
# Per /work/shared/research/INFRA.md §2. NEVER run `playwright install`: it
# downloads browsers; the tests drive /usr/bin/chromium instead.
#
# Usage from .ci/run (as root, Debian 12):   bash .ci/browser.sh [PYTHON]
# PYTHON defaults to .venv/bin/python when it exists, else python3.
set -euo pipefail
PY="${1:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic"; then
  apt-get update -qq
  apt-get install -y -q --no-install-recommends \
    chromium fonts-noto-core fonts-kacst fonts-hosny-amiri >/dev/null
fi
"$PY" -m pip install -q "playwright>=1.45,<2"
/usr/bin/chromium --version 2>/dev/null | grep -v "unexpected operator" || true
"$PY" -c "import playwright; print('playwright for Python installed')"
