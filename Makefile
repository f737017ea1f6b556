# One Provence website: `make serve` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about MkDocs 2 on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates derive from the last commit, not from the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build release test quality test-fast system-deps benchmark benchmark-assistant vendor-assistant vendor-map map-backdrop mutation clean check translations translated reviewed new admin
# The editors' commands (hooks/provence/commands.py).
PROVENCE := $(BIN)/python hooks/provence/commands.py
# `make serve lang=en` (or LANG=en on the command line; LANG from the environment is the locale, not a choice).
PREVIEW := $(or $(lang),$(if $(filter command line,$(origin LANG)),$(LANG)))

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

## The preview on http://127.0.0.1:8000/, rebuilt on every save; `lang=en`: French and English only (faster).
serve: setup node_modules/.installed
	LC_ALL=C.UTF-8 $(PROVENCE) serve $(if $(PREVIEW),--lang $(PREVIEW))

## A preview: builds and shows the facts still missing where they belong.
build: setup node_modules/.installed
	env -u PREVIEW_LANGUAGE $(BIN)/mkdocs build

## The web editor on this machine, http://127.0.0.1:8000/admin/: the preview, and the local
## git backend (decap-server, port 8081 = extra.admin.local_port) writing into this clone's docs/.
admin: setup node_modules/.installed
	@PORT=8081 BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(CURDIR)" MODE=fs node node_modules/decap-server/dist/index.js & \
	trap 'kill $$!' EXIT; LC_ALL=C.UTF-8 $(PROVENCE) serve $(if $(PREVIEW),--lang $(PREVIEW))

## The build's content checks alone (what the pre-commit hook runs), with the build's messages.
check: setup
	@$(PROVENCE) check

## Per language: translations up to date, stale, machine-assisted and not reviewed, missing; then the stale files.
translations: setup
	@$(PROVENCE) translations

## `make translated file=docs/lieux/vieux-port.en.md [machine=yes|no]`: the translation now follows the French text.
translated: setup
	@$(PROVENCE) translated $(file) $(if $(machine),--machine-assisted $(machine))

## `make reviewed file=docs/lieux/vieux-port.en.md`: a person checked it against the French text (today).
reviewed: setup
	@$(PROVENCE) reviewed $(file)

## `make new place=<slug>` (or sector=, partner=, changemaker=, event=, news=): the French file of a new item.
new: setup
	@$(PROVENCE) new $(MAKEOVERRIDES)

## The production build: stops, listing each fact the law requires that is still missing.
release: setup node_modules/.installed
	env -u PREVIEW_LANGUAGE ONE_PROVENCE_RELEASE=1 $(BIN)/mkdocs build

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
	$(BIN)/python benchmarks/lighthouse.py

## Only the question box's benchmark (a few minutes).
benchmark-assistant: setup system-deps node_modules/.installed
	$(BIN)/python benchmarks/assistant/run.py

## Refresh the question box's browser libraries from the npm packages pinned in package.json.
vendor-assistant: setup node_modules/.installed
	$(BIN)/python scripts/vendor_assistant.py

## Refresh the route map's library (Leaflet) from the npm package pinned in package.json.
vendor-map: setup node_modules/.installed
	$(BIN)/python scripts/vendor_map.py

## Redraw the route map's backdrop from OpenStreetMap's land polygons (roaring-landmask) and data/map.yml.
map-backdrop: setup
	$(BIN)/python scripts/map_backdrop.py

## Mutation testing of hooks/provence/ with the fast tests (mutmut; about half an hour on 2 cores):
## score and surviving mutants in benchmarks/results/mutation.{json,md}. Occasional, not in `make test`.
mutation: setup
	$(BIN)/python benchmarks/mutation.py

clean:
	rm -rf site site.partial* site.previous .pytest_cache .mutation
