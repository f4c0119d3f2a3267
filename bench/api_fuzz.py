"""A longer schemathesis run against the rasd API than the test suite affords.

Generates EXAMPLES requests per API operation from the OpenAPI document
(schema-valid ones, or with --negative schema-violating ones), calls the app in-process
over a small store, and checks: no 5xx, documented status codes and content
types, bodies matching their schemas. Prints one line per operation.

    python bench/api_fuzz.py --examples 500
    python bench/api_fuzz.py --examples 300 --negative   # every request should get a 4xx
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "serve"))
from serve_corpus import fill  # noqa: E402  (the test suite's small store)

from rasd.serve.api import create_app  # noqa: E402
from rasd.store import open_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="generated requests per operation")
    parser.add_argument("--negative", action="store_true", help="generate schema-violating requests instead")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "events.sqlite"))
        fill(store)
        schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store))
        mode = GenerationMode.NEGATIVE if args.negative else GenerationMode.POSITIVE
        for result in schema.get_all_operations():
            operation = result.ok()
            if args.negative and not list(operation.iter_parameters()):
                print(f"{operation.label:36s} no parameters to break: skipped")
                continue
            calls = {"n": 0, "4xx": 0}

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=args.examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def check(case):
                response = case.call()
                calls["n"] += 1
                calls["4xx"] += 400 <= response.status_code < 500
                assert response.status_code < 500, (case.as_curl_command(), response.text)
                # positive_data_acceptance is off: cross-parameter rules (date_from <= date_to ...)
                # rightly refuse some schema-valid requests.
                case.validate_response(response, excluded_checks=[positive_data_acceptance])

            t0 = time.perf_counter()
            try:
                check()
                verdict = "ok"
            except Exception as exc:  # report and go on with the next operation
                failures += 1
                verdict = f"FAILED: {str(exc).splitlines()[0][:200]}"
            print(f"{operation.label:36s} {calls['n']:5d} requests ({calls['4xx']} 4xx) "
                  f"in {time.perf_counter() - t0:5.1f} s: {verdict}")
        store.close()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
