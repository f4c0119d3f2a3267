#!/usr/bin/env bash
# Install what the serve end-to-end tests need: Debian's Chromium, Arabic
# fonts (so screenshots show proper Naskh shaping) and Playwright for Python.
# Per /work/shared/research/INFRA.md §2. NEVER run `playwright install`: it
# downloads browsers; the tests drive /usr/bin/chromium instead.
#
# Run it (bash .ci/browser.sh [PYTHON]) or source it (. .ci/browser.sh), as root on
# Debian 12. PYTHON: $RASD_PYTHON, else the first argument when it is a python
# executable, else .venv/bin/python, else python3. Never fails the caller: when
# something cannot be installed it says so loudly and the browser tests skip.

_rasd_browser_setup() {
  local py="${RASD_PYTHON:-}"
  if [ -z "$py" ] && [ -n "${1:-}" ] && [ -x "$1" ] && [[ "$(basename "$1")" == python* ]]; then py="$1"; fi
  if [ -z "$py" ]; then
    if [ -x .venv/bin/python ]; then py=.venv/bin/python; else py=python3; fi
  fi
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic"; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        chromium fonts-noto-core fonts-kacst fonts-hosny-amiri >/dev/null ||
      { echo "browser.sh: WARNING: could not apt-get install chromium and Arabic fonts; browser tests will be SKIPPED" >&2; return 0; }
  fi
  "$py" -m pip install -q "playwright>=1.45,<2" ||
    { echo "browser.sh: WARNING: could not pip install playwright; browser tests will be SKIPPED" >&2; return 0; }
  echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null | grep -v 'unexpected operator'), playwright for $py"
}
_rasd_browser_setup "$@"
