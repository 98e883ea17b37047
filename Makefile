# Two commands: `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: install run serve migrate load test lint messages bench search-eval

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: install
	$(PY) manage.py migrate --no-input

load: migrate
	$(PY) manage.py load_compendium

run: load
	@echo "Admin account: $(PY) manage.py createsuperuser, then sign in at http://$(HOST)/admin/"
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST)

lint: install
	$(VENV)/bin/ruff check .

test: lint
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# After changing interface text: collect it, translate the new entries in locale/*/django.po,
# then compile. The compiled catalogues are committed, so nothing else needs gettext.
messages: install
	$(PY) manage.py makemessages -l fr -l es --no-location --no-obsolete \
		--ignore='.venv/*' --ignore='tests/*' --ignore='staticfiles/*'
	$(PY) manage.py compilemessages --ignore='.venv/*'

# Benchmark from 1,000 to 100,000 practices on PostgreSQL and SQLite; writes
# docs/performance.md. Installs wrk from Debian's packages; starts PostgreSQL and Redis if needed.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	pg_isready --quiet --host 127.0.0.1 --port 5432 \
		|| pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start
	for _ in $$(seq 30); do pg_isready --quiet --host 127.0.0.1 --port 5432 && break; sleep 1; done
	redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 \
		|| redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
	$(PY) manage.py benchmark

# Search relevance on both databases: recall@10, MRR and empty answers for each kind of query
# in tests/search_relevance.yaml (the same test runs in make test, with its floors).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/compendium
search-eval: install
	$(VENV)/bin/pytest tests/search/test_relevance.py -q -s
	psql "$(POSTGRES_URL)" -c "SELECT 1" >/dev/null 2>&1 \
		|| createdb --host 127.0.0.1 --username postgres compendium
	DATABASE_URL=$(POSTGRES_URL) $(VENV)/bin/pytest tests/search/test_relevance.py -q -s
