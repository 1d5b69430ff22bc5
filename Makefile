# Two commands set up everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORY ?= content
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: sitemap dates and the like come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: serve build check test test-fast bench map system-deps clean

include engines.mk

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# npm ci empties node_modules, so the map's place names (Natural Earth cities, shipped in geopandas 0.14.4's
# data folder; nothing imports geopandas) are unpacked there after it.
node_modules/.installed: package.json package-lock.json $(VENV)/.installed
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pip install --quiet --no-deps --target node_modules/.naturalearth-cities geopandas==0.14.4
	touch $@

serve: $(ENGINE_STAMP)  ## Preview the site with live reload at http://127.0.0.1:8000/kursk-explainer/ (ENGINE=...)
	export STORY=$(STORY) && $(ENGINE_SERVE)

build: $(ENGINE_STAMP)  ## Build the site into site/ (ENGINE=mkdocs, properdocs or zensical)
	export STORY=$(STORY) && $(ENGINE_BUILD)

check: $(VENV)/.installed  ## Check the story against its source
	$(BIN)/python -m generator check $(STORY)

system-deps:  ## Chromium and a Java runtime for the browser and HTML checks
	bash scripts/install-system-deps.sh

test: $(VENV)/.installed $(ENGINE_STAMPS) node_modules/.installed system-deps  ## Every test, browser checks included
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed  ## Tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

bench: $(VENV)/.installed $(ENGINE_STAMPS) node_modules/.installed system-deps  ## Speed, weight and scale figures
	$(BIN)/python benchmarks/run.py

map: $(VENV)/.installed node_modules/.installed  ## Redraw the story's locator map
	$(BIN)/python scripts/draw_locator_map.py $(STORY)

clean:
	rm -rf site build .pytest_cache mkdocs.generated.yml
