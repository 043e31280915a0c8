# The two ways in: `make run` (install, ingest the bundled corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= corpus
DB ?= chitieu.db

export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 120
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: run test install install-test system-deps lint bench eval clean

run: install
	$(BIN)/chitieu ingest $(CORPUS) --db $(DB)

test: install-test system-deps
	$(BIN)/python -m pytest -q

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

# Debian packages the tests use (headless Chromium, Tesseract with Vietnamese, a Unicode font).
system-deps:
	@bash scripts/system-deps.sh

lint: install-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: install
	$(BIN)/python bench/ingest_bench.py

eval: install
	$(BIN)/chitieu eval ../shared/gold --corpus ../shared/corpus-seeds

clean:
	rm -rf $(DB) $(DB)-wal $(DB)-shm .pytest_cache
