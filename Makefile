# Kompass — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
UV_VERSION := 0.13.8
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Apps with their own message catalogue (those with a kompass/<app>/locale folder); the rest share locale/.
CATALOGUE_APPS := $(patsubst kompass/%/locale,%,$(wildcard kompass/*/locale))
LANGS := -l ro -l uk -l ru -l sr_Latn
# Debian packages: what Kompass needs to run (translations, fonts and layout for PDFs, PostgreSQL's
# tools for backups, espeak-ng and lame for the worker screening's audio made at build time), and what only development and CI need (the browser for browser tests; nginx,
# Redis, PostgreSQL and wrk for the stack tests and benchmarks; poppler to look at PDFs).
RUNTIME_PACKAGES := gettext fonts-dejavu-core fonts-noto-core espeak-ng lame libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 postgresql-client
DEV_PACKAGES := chromium nginx-light wrk poppler-utils redis-server postgresql
SYSTEM_PACKAGES := $(RUNTIME_PACKAGES) $(DEV_PACKAGES)
# The demo runs with production-like settings (no debug pages); static files come from WhiteNoise.
DEMO_ENV := KOMPASS_DEMO=1 KOMPASS_DEBUG=0

.PHONY: outdated run test build worker-assets deps system-deps runtime-system-deps python-deps install messages compilemessages lint format bench demo clean ci-postgres stack-test fuzz

## make run: build everything, migrate SQLite, load the demo once, serve http://127.0.0.1:8000
run: build
	$(DEMO_ENV) $(MANAGE) migrate --no-input -v0
	$(DEMO_ENV) $(MANAGE) seed_demo
	$(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:8000

## make test: build everything, lint, and run the whole suite (browser tests included)
test: build lint
	$(VENV)/bin/pytest -n 2 -p no:cacheprovider

build: deps compilemessages worker-assets
	$(DEMO_ENV) $(MANAGE) collectstatic --no-input -v0

## worker-assets: the worker screening's audio (espeak-ng) and font subsets, only those missing or outdated
worker-assets:
	@mkdir -p var
	$(DEMO_ENV) $(MANAGE) build_worker_assets -v0

deps: system-deps python-deps

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call apt_install,$(SYSTEM_PACKAGES))

runtime-system-deps:
	$(call apt_install,$(RUNTIME_PACKAGES))

python-deps:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(UV) sync --frozen --quiet

## make install: what a server needs to run Kompass, without test tools (docs/deploy.md, Dockerfile)
install: runtime-system-deps
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(UV) sync --frozen --no-dev --quiet
	@$(MAKE) --no-print-directory compilemessages worker-assets
	$(DEMO_ENV) $(MANAGE) collectstatic --no-input -v0

compilemessages:
	@$(MANAGE) compilemessages -v0 --ignore '.venv' --ignore 'node_modules' --ignore 'var'

## make messages: extract strings into every catalogue (then translate the new entries)
messages:
	$(MANAGE) makemessages $(LANGS) --no-location --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' \
	  --ignore 'bench/*' $(foreach app,$(CATALOGUE_APPS),--ignore 'kompass/$(app)/*')
	for app in $(CATALOGUE_APPS); do (cd kompass/$$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages $(LANGS) --no-location); done

## make outdated: pinned packages (direct and locked) with newer releases on PyPI. Vulnerability
## databases (pip-audit) are not reachable from our machines: read the release notes of what it lists
## (docs/security.md, "Keeping dependencies current").
outdated: python-deps
	@$(UV) pip list --outdated --python $(PY)

## make lint: style (ruff), the direction between apps (import-linter, contracts in pyproject.toml)
## and the seam rules no linter knows (.ci/check_seams.py: roles compared only in organisations,
## no private import across apps), the types of every app's services, permissions and selectors (mypy)
lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) .ci/check_seams.py
	KOMPASS_DEBUG=1 $(VENV)/bin/mypy

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## make bench: every benchmark in bench/, each printing its figures and ratios
bench: build
	@for script in bench/bench_*.py; do echo "=== $$script"; $(PY) $$script || exit 1; done
	$(VENV)/bin/pytest -p no:cacheprovider -q bench/test_emscad_model.py

## make fuzz: schemathesis against the demo's API (debug off, a caseworker's token), bounded in time
fuzz: build
	.ci/fuzz-api

## make stack-test: PostgreSQL + Redis + two gunicorn nodes behind the shipped nginx + a worker, on
## loopback: load, failover, worker kill, lockout across nodes, backup under load, the deploy guide
stack-test: build
	$(VENV)/bin/pytest tests/stack -m stack -p no:cacheprovider -p no:xdist -q

## ci-postgres: the suite against PostgreSQL; browser tests (database-independent pages, run by make test on
## SQLite) are left out to keep CI short
ci-postgres: build
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} $(VENV)/bin/pytest -n 2 -p no:cacheprovider -m "not stack and not browser"

clean:
	rm -rf var/static var/screenshots

## make demo-code: the current second-factor code of the demo accounts
demo-code:
	@$(DEMO_ENV) $(MANAGE) demo_code
