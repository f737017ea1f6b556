# One Provence website: `make serve` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about MkDocs 2 on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates derive from the last commit, not from the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build test quality test-fast system-deps benchmark clean

## Python environment with the pinned build and test dependencies.
$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## Test tools from npm (axe-core, pa11y, the Nu HTML checker), pinned by package-lock.json.
## pa11y's Puppeteer drives Debian's Chromium: it must not download a browser of its own.
node_modules/.installed: export PUPPETEER_SKIP_DOWNLOAD := 1
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Debian packages the browser and server checks need: Chromium, nginx, a Java runtime.
system-deps:
	@bash .ci/system-deps

setup: $(VENV)/.installed

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build

## Every test; ends with one line per reader-facing quality gate (tests/quality_report.py).
test: setup system-deps node_modules/.installed
	$(BIN)/python -m pytest

## Only the reader-facing quality gates (browser, Nu checker, links, nginx, reproducibility).
quality: setup system-deps node_modules/.installed
	$(BIN)/python -m pytest tests/test_quality_*.py

## The collection hooks' build cost (benchmarks/run.py); valgrind counts instructions.
benchmark: setup
	@bash .ci/system-deps valgrind
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site site.partial site.previous .pytest_cache
