# Two commands do everything: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) platform/manage.py
CELERY := $(VENV)/bin/celery -A config
PORT ?= 8000
STAMP := $(VENV)/.installed
# Debian's ffmpeg is the webcams' media process (installed with Chromium below); the browser tests watch its
# test picture and `make run` streams the demo's cameras with it.
FFMPEG := /usr/bin/ffmpeg

.PHONY: install run test test-citus test-ops ops-tools bench bench-quick bench-scale lint messages migrate browser screenshots clean-var

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	# platform/ is a source folder (never a package named `platform`); the venv puts it on the path.
	$(PY) -c "import sysconfig, pathlib; root = pathlib.Path.cwd(); \
	  pathlib.Path(sysconfig.get_paths()['purelib'], 'opvangkring.pth').write_text(f'{root}\n{root / \"platform\"}\n')"
	touch $(STAMP)

install: $(STAMP)

# Compiles the translations (.po -> .mo); needs no settings and no database.
messages: install
	env -u DJANGO_SETTINGS_MODULE $(VENV)/bin/django-admin compilemessages -v 0 \
	  --ignore=.venv --ignore=node_modules --ignore=var --ignore=frontend/staticfiles

migrate: export DJANGO_ENV ?= development
migrate: install messages
	$(MANAGE) release

run: export DJANGO_ENV ?= development
run: export SITE_PORT ?= $(PORT)
run: migrate $(FFMPEG)
	$(MANAGE) seed_demo --if-empty
	@echo "Cooperative: http://localhost:$(PORT)/   a location: http://kikker.localhost:$(PORT)/"
	@# Web server, worker, beat and the webcams' supervisor (one ffmpeg per live camera) run side by side; when
	@# one stops (or on Ctrl-C) all stop. Only the four are signalled (each stops its own children: the supervisor
	@# its ffmpegs), and the worker uses threads, not forked
	@# children, so a signal to the whole process group cannot leave it hanging half shut down.
	@trap 'trap - EXIT INT TERM; kill $$(jobs -p) 2> /dev/null; wait' EXIT INT TERM; \
	  $(CELERY) worker --loglevel=INFO --pool=threads --concurrency=4 & \
	  $(CELERY) beat --loglevel=INFO & \
	  $(MANAGE) run_webcams & \
	  $(MANAGE) runserver 127.0.0.1:$(PORT) & \
	  wait -n

# The suite runs on two workers (pytest-xdist): it is bound by the database as much as by Python.
TEST_WORKERS ?= 2
test: export DJANGO_ENV = test
test: install messages browser
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

# The scale-out suite: a Citus coordinator and two workers on this machine (infra/citus/cluster.sh builds Citus
# once from ../shared/citus and starts them), schema-based sharding on, and the tests that matter most at scale
# run against the coordinator (infra/citus.md). The cluster is stopped afterwards, pass or fail.
CITUS_TESTS := tests/citus tests/platform/test_provision_location.py tests/platform/test_isolation.py \
  tests/billing/test_monthly_run.py tests/portal/test_overview.py tests/advisory/test_dashboard_tiles.py \
  tests/advisory/test_dashboard_state.py \
  tests/complaint_reports/test_cooperative_report.py tests/safeguarding/test_case_routing.py \
  tests/safeguarding/test_who_may_see_a_case.py
test-citus: export DJANGO_ENV = test
test-citus: export SCALE_OUT = citus
test-citus: export CITUS_DATABASE = opvangkring_scale_out
test-citus: install messages
	infra/citus/cluster.sh fresh
	DATABASE_URL=$$(infra/citus/cluster.sh url) $(PY) -m pytest -q -p no:cacheprovider \
	  -o 'norecursedirs=.venv var node_modules' $(CITUS_TESTS); \
	  status=$$?; infra/citus/cluster.sh stop; exit $$status

# The operations drills (docs/reliability.md): a throwaway PostgreSQL 15 cluster of Debian's packages, WAL archived with
# pgBackRest (infra/pgbackrest/drill-cluster.sh), on which one location is damaged and restored from its own backup
# and the whole database is restored to a point in time before a bad release. The cluster is removed afterwards.
test-ops: export DJANGO_ENV = test
test-ops: export OPS_CLUSTER = $(CURDIR)/infra/pgbackrest/drill-cluster.sh
test-ops: install messages ops-tools
	$(OPS_CLUSTER) start
	DATABASE_URL=$$($(OPS_CLUSTER) url) $(PY) -m pytest -q -p no:cacheprovider \
	  -o 'norecursedirs=.venv var node_modules' tests/ops tests/faults; \
	  status=$$?; $(OPS_CLUSTER) destroy; exit $$status

# pgBackRest (continuous archiving, docs/backups.md) and the PostgreSQL 15 server binaries the drills start.
PGBACKREST := /usr/bin/pgbackrest
PG15_INITDB := /usr/lib/postgresql/15/bin/initdb
$(PGBACKREST) $(PG15_INITDB):
	$(ROOT_OR_SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(ROOT_OR_SUDO) apt-get install -y -qq --no-install-recommends \
	  pgbackrest postgresql-15

ops-tools: $(PGBACKREST) $(PG15_INITDB)

# The browser tests drive Debian's Chromium (never a browser download of Playwright's own) and inject
# axe-core, installed from the npm registry into frontend/node_modules.
CHROMIUM := /usr/bin/chromium
AXE := frontend/node_modules/axe-core/axe.min.js
ROOT_OR_SUDO = $$([ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM) $(FFMPEG):
	$(ROOT_OR_SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(ROOT_OR_SUDO) apt-get install -y -qq --no-install-recommends \
	  chromium fonts-dejavu-core ffmpeg

$(AXE): frontend/package.json frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund --loglevel=error
	touch $(AXE)

browser: $(CHROMIUM) $(FFMPEG) $(AXE)

# Each role's home page in Dutch, taken by the browser tests, into docs/screenshots/<role>.png.
screenshots: export DJANGO_ENV = test
screenshots: export SCREENSHOT_DIR = $(CURDIR)/docs/screenshots
screenshots: install messages browser
	$(PY) -m pytest -q -p no:cacheprovider tests/e2e -k screenshots

# Each benchmark in its own process and its own database (dropped afterwards); `make bench NAME=release` runs
# one, `make bench-quick` runs each at a small size. Results are kept in var/bench/ (see docs/benchmarks.md).
# The databases are copies of a migrated template database, made by the first benchmark and kept for the next run
# while the migrations stay the same (tests/perf/template_database.py; `... template_database drop --all` removes it).
BENCHES := $(sort $(patsubst tests/perf/test_bench_%.py,%,$(wildcard tests/perf/test_bench_*.py)))
bench: export DJANGO_ENV = test
bench: export BENCH_TEMPLATE = 1
bench: install
	@$(PY) -m tests.perf.template_database drop; status=0; for name in $(or $(NAME),$(BENCHES)); do \
	  echo "== benchmark $$name"; \
	  BENCH_NAME=$$name $(PY) -m pytest -q -p no:cacheprovider -o norecursedirs= -s --create-db \
	    tests/perf/test_bench_$$name.py || status=1; \
	done; exit $$status

bench-quick: export BENCH_QUICK = 1
bench-quick: bench

# 10,000 locations in one database (tests/perf/test_scale.py; hours, so not part of `make bench`): provisioning stays
# flat, the release check with nothing to do and one location's backup. BENCH_SCALE_LOCATIONS=500 for a short run.
bench-scale: export DJANGO_ENV = test
bench-scale: install
	BENCH_NAME=scale $(PY) -m pytest -q -p no:cacheprovider -o norecursedirs= -s --create-db tests/perf/test_scale.py

lint: install
	$(VENV)/bin/ruff check .

clean-var:
	rm -rf var
