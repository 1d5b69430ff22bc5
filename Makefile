# Two commands set up everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A desk (a stories/ folder) builds, serves and checks every story unless STORY=stories/<slug> names one;
# a repository of one story keeps it in content/.
STORY ?=
DESK := $(if $(STORY),,$(wildcard stories))
STORY_DIR := $(or $(STORY),content)
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: sitemap dates and the like come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: serve build check preflight test test-fast bench map lock system-deps clean

# Two stamps, so `make serve` installs only what the site needs and `make test` adds the test and benchmark
# tools on top: RUNTIME from requirements.txt, DEV from requirements-dev.txt (which pins the runtime tree too).
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed

include engines.mk

$(RUNTIME): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

ifneq ($(DESK),)
serve: $(RUNTIME)  ## Preview the desk (or STORY=stories/<slug>) with live reload at http://127.0.0.1:8000/
	$(if $(filter mkdocs,$(ENGINE)),,$(error ENGINE=$(ENGINE) serves one story: add STORY=stories/<slug>))
	$(BIN)/python -m generator desk-serve --dev-addr $(HOST):$(PORT)

build: $(RUNTIME)  ## Build the desk into site/: a site per story, the front page and the feed (or STORY=...)
	$(if $(filter mkdocs,$(ENGINE)),,$(error ENGINE=$(ENGINE) builds one story: add STORY=stories/<slug>))
	$(BIN)/python -m generator desk-build

check: $(RUNTIME)  ## Check every story against its source (or STORY=stories/<slug>)
	$(BIN)/python -m generator check
else
serve: $(ENGINE_STAMP)  ## Preview the story with live reload (ENGINE=...)
	export STORY=$(STORY_DIR) && $(ENGINE_SERVE)

build: $(ENGINE_STAMP)  ## Build the story into site/ (ENGINE=mkdocs, properdocs or zensical)
	export STORY=$(STORY_DIR) && $(ENGINE_BUILD)

check: $(RUNTIME)  ## Check the story against its source
	$(BIN)/python -m generator check $(STORY_DIR)
endif

preflight: $(RUNTIME)  ## What stands between each story (or STORY=...) and publication
	$(BIN)/python -m generator preflight $(STORY)

system-deps:  ## Chromium and a Java runtime for the browser and HTML checks
	bash scripts/install-system-deps.sh

test: $(DEV) $(ENGINE_STAMPS) node_modules/.installed system-deps  ## Every test, browser checks included
	$(BIN)/python -m pytest

test-fast: $(DEV)  ## Tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

bench: $(DEV) $(ENGINE_STAMPS) node_modules/.installed system-deps  ## Speed, weight and scale figures
	$(BIN)/python benchmarks/run.py

map: $(RUNTIME) node_modules/.installed  ## Redraw a story's locator map (STORY=stories/<slug> in a desk)
	$(if $(DESK),$(error a desk has many maps: add STORY=stories/<slug>))
	$(BIN)/python scripts/draw_locator_map.py $(STORY_DIR)

# pip-compile keeps every pin that still fits, so only what the edit touches changes.
LOCK_FLAGS := --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(DEV)  ## Pin requirements.txt and requirements-dev.txt again after editing requirements*.in
	$(BIN)/pip-compile $(LOCK_FLAGS) requirements.in -o requirements.txt
	$(BIN)/pip-compile $(LOCK_FLAGS) requirements.in requirements-dev.in -c requirements.txt -o requirements-dev.txt

clean:
	rm -rf site build .pytest_cache mkdocs.generated.yml
