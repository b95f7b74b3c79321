# Cleantech Kvarken: every set-up step lives here, so a fresh machine needs only
# `make run` or `make test`. `make help` lists the targets.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The test database server; site/scripts/postgres.sh creates this role.
TEST_DATABASE_URL ?= postgres://kvarken:kvarken@127.0.0.1:5432/kvarken
# The search node; site/scripts/opensearch.sh starts it on this port.
TEST_OPENSEARCH_URL ?= http://127.0.0.1:9250
# The S3-protocol server; site/scripts/s3proxy.sh starts it on this port.
TEST_S3_ENDPOINT_URL ?= http://127.0.0.1:9350
# The cache server; site/scripts/redis.sh starts it on this port.
TEST_REDIS_URL ?= redis://127.0.0.1:6390/0
# Two workers (one per core), whole files per worker so fixtures stay together.
PYTEST_ARGS ?= -n 2 --dist loadfile

.DEFAULT_GOAL := help
.PHONY: help install browser-tools messages run demo test bench bench-search bench-catalogue lint format clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

# axe-core, which the browser tests inject into pages (package.json, package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

browser-tools: node_modules/.installed ## Install headless Chromium (Debian) and axe-core (npm) for the browser tests
	bash site/scripts/system-packages.sh chromium

# gettext compiles the catalogues; WeasyPrint (the Company Catalogue) needs Pango and
# HarfBuzz, and DejaVu has the glyphs of å, ä and ö.
SYSTEM_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

messages: install ## Install the system libraries, compile the sv and fi message catalogues (.mo files are built, never committed)
	bash site/scripts/system-packages.sh $(SYSTEM_PACKAGES)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

run: messages ## Install, migrate SQLite, load demo content once, serve http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: messages ## (Re)load the demo content into the dev database
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo

test: messages browser-tools ## Install and start PostgreSQL, OpenSearch, S3Proxy and Redis, run the whole suite (browser tests in Chromium included), stop them
	bash site/scripts/postgres.sh
	bash site/scripts/opensearch.sh start
	bash site/scripts/s3proxy.sh start
	bash site/scripts/redis.sh start
	status=0; DATABASE_URL=$(TEST_DATABASE_URL) TEST_OPENSEARCH_URL=$(TEST_OPENSEARCH_URL) \
		TEST_S3_ENDPOINT_URL=$(TEST_S3_ENDPOINT_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/pytest $(PYTEST_ARGS) || status=$$?; \
		bash site/scripts/opensearch.sh stop; bash site/scripts/s3proxy.sh stop; \
		bash site/scripts/redis.sh stop; exit $$status

# The benchmark's own Redis and search node, so that it can run beside `make test`.
BENCH_REDIS_PORT ?= 6391
BENCH_OPENSEARCH_PORT ?= 9251

bench: messages ## Load the site at 100, 1,000 and 10,000 companies (gunicorn, Redis, OpenSearch, wrk): latency, req/s, queries, targets
	bash site/scripts/postgres.sh
	bash site/scripts/system-packages.sh wrk
	REDIS_PORT=$(BENCH_REDIS_PORT) bash site/scripts/redis.sh start
	OPENSEARCH_PORT=$(BENCH_OPENSEARCH_PORT) OPENSEARCH_HEAP=1g bash site/scripts/opensearch.sh start
	status=0; BENCH_REDIS_URL=redis://127.0.0.1:$(BENCH_REDIS_PORT)/0 \
		BENCH_OPENSEARCH_URL=http://127.0.0.1:$(BENCH_OPENSEARCH_PORT) \
		$(BIN)/python bench/site_load.py || status=$$?; \
		REDIS_PORT=$(BENCH_REDIS_PORT) bash site/scripts/redis.sh stop; \
		OPENSEARCH_PORT=$(BENCH_OPENSEARCH_PORT) bash site/scripts/opensearch.sh stop; exit $$status

bench-search: messages ## Print search recall on OpenSearch and PostgreSQL (bench/search_recall.py)
	bash site/scripts/postgres.sh
	bash site/scripts/opensearch.sh start
	status=0; DATABASE_URL=$(TEST_DATABASE_URL) TEST_OPENSEARCH_URL=$(TEST_OPENSEARCH_URL) \
		$(BIN)/python bench/search_recall.py || status=$$?; \
		bash site/scripts/opensearch.sh stop; exit $$status

bench-catalogue: messages ## Print the Company Catalogue's build time and peak memory for 30, 300 and 1,000 companies
	$(BIN)/python bench/catalogue_build.py

lint: install ## Check style (ruff) and that imports run one way between layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install ## Fix style where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtualenv, the dev database, media and built files
	rm -rf $(VENV) node_modules test-artifacts db.sqlite3 media var
	find site/locale -name '*.mo' -delete
