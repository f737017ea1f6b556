# One Provence website: `make serve` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about MkDocs 2 on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates derive from the last commit, not from the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build release test quality test-fast system-deps benchmark benchmark-assistant vendor-assistant clean

## Python environment with the pinned build and test dependencies.
$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## Test tools from npm (axe-core, the Nu HTML checker), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Debian packages the browser and server checks need: Chromium, nginx, a Java runtime.
system-deps:
	@bash .ci/system-deps

setup: $(VENV)/.installed

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## A preview: builds and shows the facts still missing where they belong.
build: setup
	$(BIN)/mkdocs build

## The production build: stops, listing each fact the law requires that is still missing.
release: setup
	ONE_PROVENCE_RELEASE=1 $(BIN)/mkdocs build

## Every test; ends with one line per reader-facing quality gate (tests/quality_report.py).
test: setup system-deps node_modules/.installed
	$(BIN)/python -m pytest

## Only the reader-facing quality gates (browser, Nu checker, links, nginx, reproducibility).
quality: setup system-deps node_modules/.installed
	$(BIN)/python -m pytest tests/test_quality_*.py

## The collection hooks' build cost (benchmarks/run.py); valgrind counts instructions.
## Then the question box's accuracy and answer time (benchmarks/assistant/run.py).
benchmark: setup system-deps node_modules/.installed
	@bash .ci/system-deps valgrind
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/assistant/run.py

## Only the question box's benchmark (a few minutes).
benchmark-assistant: setup system-deps node_modules/.installed
	$(BIN)/python benchmarks/assistant/run.py

## Refresh the question box's browser libraries from the npm packages pinned in package.json.
vendor-assistant: setup node_modules/.installed
	$(BIN)/python scripts/vendor_assistant.py

clean:
	rm -rf site site.partial site.previous .pytest_cache
