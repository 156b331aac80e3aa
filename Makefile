# Aula: `make run` serves the demo on the embedded default; `make test` runs the whole suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
SERVICES := .ci/services.sh
SERVICES_DIR ?= /tmp/aula-services
# The embedded default: no service variables at all.
EMBEDDED := env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u CELERY_RESULT_BACKEND \
	-u AWS_STORAGE_BUCKET_NAME -u AWS_S3_ENDPOINT_URL -u EMAIL_URL

.PHONY: run setup system-packages messages migrate seed lint test test-embedded test-services services-up services-down makemessages

run: setup messages
	$(EMBEDDED) $(PY) manage.py migrate --no-input
	$(EMBEDDED) $(PY) manage.py seed_demo
	@# Scheduled jobs (reminders, lost certificates) run beside the server, and stop with it.
	$(EMBEDDED) $(PY) manage.py run_scheduled & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(EMBEDDED) $(PY) manage.py runserver localhost:8000

setup: system-packages $(VENV)/.installed node_modules/.installed

# Every Debian package the product uses (rendering libraries, fonts, browser, services).
system-packages:
	@bash .ci/system-packages.sh

# The H5P player comes from the npm registry; its preinstall script insists on yarn, so skip it.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

# Compiled catalogues (.mo) are built, never committed.
messages: setup
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

makemessages: setup
	$(PY) manage.py makemessages --ignore=.venv --ignore=media --ignore=node_modules --no-obsolete \
		-l es -l pt -l fr -l en -l ca

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	$(EMBEDDED) $(PY) manage.py makemigrations --check --dry-run

test: setup messages lint test-embedded test-services

# Tests run on every core (pytest-xdist); each worker has its own database and Redis cache.
XDIST ?= -n auto
# Each browser journey has two variants (tests/conftest.py): one runs on the embedded default,
# the other on the real services. Empty both to run every variant in both stages.
JOURNEYS_EMBEDDED ?= 1
JOURNEYS_SERVICES ?= 2

test-embedded: setup messages
	AULA_JOURNEYS=$(JOURNEYS_EMBEDDED) $(EMBEDDED) $(PY) -m pytest -q $(XDIST)

# The same suite against PostgreSQL, Redis with a real Celery worker, and SeaweedFS as S3;
# then schemathesis against a seeded server on PostgreSQL (.ci/api-fuzz.sh).
# The worker uses the test database (kept, not dropped, since the worker may hold a connection).
test-services: setup messages
	$(SERVICES) start
	set -a; source $(SERVICES_DIR)/services.env; set +a; \
	AULA_JOURNEYS=$(JOURNEYS_SERVICES) $(PY) -m pytest -q $(XDIST) --create-db -m "not real_worker"; status=$$?; \
	DATABASE_URL=$${DATABASE_URL%/*}/test_aula $(SERVICES) worker-start && \
	$(PY) -m pytest -q --create-db --reuse-db -m real_worker || status=1; \
	$(SERVICES) worker-stop; \
	.ci/api-fuzz.sh || status=1; \
	$(SERVICES) stop; exit $$status

services-up: setup
	$(SERVICES) start && $(SERVICES) worker-start

services-down:
	$(SERVICES) stop
