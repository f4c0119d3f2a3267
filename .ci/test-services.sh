#!/usr/bin/env bash
# Start what the tests need around a command: PostgreSQL+PostGIS on loopback
# (DATABASE_URL) and headless Chromium for the web page's end-to-end tests.
# Each service script is optional; a test that needs a missing service skips loudly.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$here/postgres.sh" ]; then . "$here/postgres.sh"; fi
if [ -f "$here/browser.sh" ]; then . "$here/browser.sh"; fi
"$@"
