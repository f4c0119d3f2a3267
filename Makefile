# Two entry points for a fresh machine (see README.md):
#   make demo   install rasd and extract the events of the bundled sample
#   make test   install the test needs (Python, PostgreSQL+PostGIS, Chromium) and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test venv

venv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

demo: venv
	$(BIN)/pip install -q .
	$(BIN)/rasd extract examples/sample_articles.jsonl --format table

test: venv
	$(BIN)/pip install -q -e '.[test]'
	.ci/test-services.sh $(BIN)/python -m pytest
