# Which engine builds and serves the site: `make build ENGINE=properdocs`, `make serve ENGINE=zensical`.
# MkDocs with Material is the default. The other engines install on demand into the same .venv, each pinned in
# requirements-engines/<engine>.txt and marked installed by its own stamp file.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs zensical
ENGINE_STAMPS := $(VENV)/.engine-properdocs $(VENV)/.engine-zensical

# -c: an engine's dependencies stay at the versions requirements.txt pins.
$(VENV)/.engine-%: requirements-engines/%.txt $(RUNTIME)
	$(BIN)/python -m pip install --quiet -r $< -c requirements.txt
	touch $@

ifeq ($(ENGINE),mkdocs)
ENGINE_STAMP := $(RUNTIME)
ENGINE_BUILD := $(BIN)/mkdocs build --strict
ENGINE_SERVE := $(BIN)/mkdocs serve --livereload --dev-addr $(HOST):$(PORT)
else ifeq ($(ENGINE),properdocs)
# -f: ProperDocs looks for properdocs.yml first and prints a notice when it falls back to mkdocs.yml.
ENGINE_STAMP := $(VENV)/.engine-properdocs
ENGINE_BUILD := $(BIN)/properdocs build --strict -f mkdocs.yml
ENGINE_SERVE := $(BIN)/properdocs serve -f mkdocs.yml --dev-addr $(HOST):$(PORT)
else ifeq ($(ENGINE),zensical)
# Zensical runs no hooks: the generator first writes the pages and a config pointing at them (both git-ignored).
ENGINE_STAMP := $(VENV)/.engine-zensical
ENGINE_PREPARE := $(BIN)/python -m generator engine-docs $(STORY_DIR)
# engine-finish then gives each page what the hook would: its Content-Security-Policy, language and HTML repairs.
ENGINE_BUILD := $(ENGINE_PREPARE) && $(BIN)/zensical build --strict -f mkdocs.generated.yml \
	&& $(BIN)/python -m generator engine-finish $(STORY_DIR)
# While it serves, `engine-docs --watch` rewrites the pages on every save of the story; Zensical then reloads.
ENGINE_SERVE := $(ENGINE_PREPARE) --serve && { $(ENGINE_PREPARE) --watch & watcher=$$!; \
	trap 'kill $$watcher' EXIT; $(BIN)/zensical serve -f mkdocs.generated.yml --dev-addr $(HOST):$(PORT); }
else
$(error ENGINE=$(ENGINE) is not one of: $(ENGINES))
endif
