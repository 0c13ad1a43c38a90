# Two commands on a fresh machine: `make serve` shows the demo council, `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
# The engine that builds and serves the site: mkdocs (MkDocs 1.6) or properdocs (its maintained fork).
ENGINE ?= mkdocs

# Our commands run MkDocs quietly: editors see our messages, not Material's banners.
export NO_MKDOCS_2_WARNING := 1

# Browser editing (Decap CMS, decap-server): npm packages pinned by package-lock.json, never a CDN.
NODE_MODULES := node_modules/.installed
DECAP_PORT   ?= 8081
export DECAP_PORT

.PHONY: install install-dev install-cms serve edit build check test bench guide clean

$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_MODULES): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm est introuvable : installez Node.js 20 (paquets Debian nodejs et npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.runtime install-cms

install-cms: $(NODE_MODULES)

install-dev: $(VENV)/.dev install-cms
	bash scripts/install-system-deps.sh

## Build the site strictly, then serve it with live reload on http://$(HOST).
## A record with an error does not stop the preview: its problems show in the terminal and on its page.
serve: install
	@$(BIN)/$(ENGINE) build --strict --quiet || echo "==> Le site publié ne se construirait pas : corrigez les erreurs ci-dessus (l'aperçu les montre aussi sur les pages)."
	$(BIN)/$(ENGINE) serve --dev-addr $(HOST)

## Edit the demo from a browser at http://$(HOST)/admin/: decap-server writes into content/, the preview reloads
edit: install
	@echo "==> Formulaires : http://$(HOST)/admin/ — aperçu : http://$(HOST)/ (Ctrl+C arrête les deux)"
	@PORT=$(DECAP_PORT) BIND_HOST=127.0.0.1 node_modules/.bin/decap-server & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	$(BIN)/mkdocs serve --dev-addr $(HOST)

## Check every record without building the site (same rules and messages as the build)
check: install
	$(BIN)/conseil check

## Build the site into site/ (fails on any error in a record)
build: install
	$(BIN)/$(ENGINE) build --strict

## Run the whole test suite with $(ENGINE) (installs what the tests need first), then the site's tests
## again with the other engine: the demo must build, serve and pass the page checks with both. The browser
## checks run once: tests/site/test_engines.py proves both engines write the same bytes but the generator tag.
OTHER_ENGINE = $(if $(filter properdocs,$(ENGINE)),mkdocs,properdocs)
SITE_TESTS   = tests/site tests/cli/test_cli_preview.py
test: install-dev
	CONSEIL_ENGINE=$(ENGINE) $(BIN)/python -m pytest
	CONSEIL_ENGINE=$(OTHER_ENGINE) $(BIN)/python -m pytest -q -m "not browser" $(SITE_TESTS)

## The guide (docs/, guide/mkdocs.yml): built strictly into guide/site/ (a broken link fails), then served
GUIDE_HOST ?= 127.0.0.1:8001
guide: $(VENV)/.runtime
	$(BIN)/$(ENGINE) build --strict --quiet --config-file guide/mkdocs.yml
	@echo "==> Guide construit dans guide/site/ ; aperçu : http://$(GUIDE_HOST)"
	$(BIN)/$(ENGINE) serve --config-file guide/mkdocs.yml --dev-addr $(GUIDE_HOST)

## Measure the build of synthetic councils (plugin vs plain Material, validation, memory, serve); BENCH_SIZES to override
BENCH_SIZES ?= 1000,2000,5000,8000,10000
BENCH_SEARCH_SIZES ?= 2000,8000
bench: install
	$(BIN)/python benchmarks/harness.py --sizes $(BENCH_SIZES)
	$(BIN)/python benchmarks/search_bench.py --sizes $(BENCH_SEARCH_SIZES)

clean:
	rm -rf site guide/site .pytest_cache .hypothesis benchmarks/work
