# make run   - install everything, load the demo data (SQLite) and serve http://127.0.0.1:8000/
# make test  - install everything (Python, npm, Chromium) and run the whole test suite, one
#              pytest-xdist worker a processor core
# make lint  - ruff, and the import contracts (committees never imports the apps plugged into it)
#
# Stamp files (.venv/.installed, node_modules/.installed, static/build/.built) keep repeated runs
# fast: each step reruns only when its inputs change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Root on CI and the dev machines; sudo elsewhere.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# CI has no terminal: debconf must not ask questions.
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
GOVUK := node_modules/govuk-frontend/dist/govuk
SCSS := $(shell find static/scss -name '*.scss')
# Tests sign sessions and CSRF tokens, so they need a SECRET_KEY, and pytest-django loads the
# settings before tests/conftest.py could set one; tests run with DEBUG off, like production.
TEST_ENV := SECRET_KEY="$${SECRET_KEY:-insecure-test-key}"

.PHONY: venv assets chromium fonts wrk run test lint bench bench-web load clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

assets: static/build/.built

node_modules/.installed: package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; else npm install --ignore-scripts --no-audit --no-fund; fi
	touch $@

static/build/.built: node_modules/.installed $(SCSS)
	mkdir -p static/build/css static/build/js static/build/govuk
	npx sass --load-path=node_modules --quiet-deps --style=compressed --no-source-map \
		static/scss/app.scss static/build/css/app.css
	cp $(GOVUK)/govuk-frontend.min.js static/build/js/govuk-frontend.min.js
	cp node_modules/htmx.org/dist/htmx.min.js static/build/js/htmx.min.js
	rm -rf static/build/govuk/assets
	cp -R $(GOVUK)/assets static/build/govuk/assets
	touch $@

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium: fonts
	@if [ ! -x /usr/bin/chromium ]; then \
		$(APT) update && $(APT) install -y chromium fonts-liberation; \
	fi

# Liberation fonts are metric-compatible with Arial, which the CSS asks for; WeasyPrint needs them
# for PDFs that lay out like the screen.
fonts:
	@if ! fc-list 2>/dev/null | grep -qi liberation; then \
		$(APT) update && $(APT) install -y fonts-liberation fontconfig; \
	fi

# wrk drives the web benchmark and the load test.
wrk:
	@if ! command -v wrk >/dev/null; then \
		$(APT) update && $(APT) install -y wrk; \
	fi

var/secret_key:
	mkdir -p var
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# The task worker (publication) runs beside the web server; both stop together.
run: venv assets fonts var/secret_key
	mkdir -p var
	export DEBUG=1 SECRET_KEY="$$(cat var/secret_key)" && \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py load_demo && \
	{ $(BIN)/python manage.py db_worker --no-reload --verbosity 1 & worker=$$!; } && \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM && \
	echo "Scrutiny portal: http://127.0.0.1:$${PORT:-8000}/ (task worker: process $$worker)" && \
	$(BIN)/python manage.py runserver 127.0.0.1:$${PORT:-8000}

test: venv assets chromium
	$(TEST_ENV) $(BIN)/pytest -n auto $(PYTEST_ARGS)

# Ruff, then the import contracts of pyproject.toml ([tool.importlinter]).
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: venv assets
	$(TEST_ENV) $(BIN)/python -m tests.bench.pack
	$(TEST_ENV) $(BIN)/python -m tests.bench.publish

# The ten-year synthetic council on PostgreSQL (database scrutiny_bench, files in var/bench-web),
# served by gunicorn as in production, measured with wrk beside a hello-world view.
bench-web: venv assets wrk
	$(TEST_ENV) $(BIN)/python -m tests.bench.web $(BENCH_ARGS)

# 50 readers for 60 s on the ten-year council while an officer publishes a 200-page pack.
load: venv assets
	$(TEST_ENV) $(BIN)/python -m tests.bench.load $(BENCH_ARGS)

# Build outputs only: var/ (database, uploads, secret key, collected static) and the installed
# .venv and node_modules stay.
clean:
	rm -rf static/build
