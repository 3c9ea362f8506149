# The few commands people need; each sets up what it uses.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/datadossier demo

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests bench

bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/generate.py --rows 1000000 --out bench/data
	$(BIN)/python bench/run.py --rows 1000000

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
