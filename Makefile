# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := demo

.PHONY: install demo test test-slow bench lint schema constraints clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Analyse the bundled fictional story; writes demo/report.{html,md,json}.
demo: install
	@mkdir -p $(DEMO)
	$(BIN)/storyscope analyze examples/harbor-story --outlets examples/outlets.csv --db $(DEMO)/storyscope.duckdb -o $(DEMO)/report.html
	$(BIN)/storyscope analyze examples/harbor-story --outlets examples/outlets.csv --db $(DEMO)/storyscope.duckdb -o $(DEMO)/report.md
	$(BIN)/storyscope analyze examples/harbor-story --outlets examples/outlets.csv --db $(DEMO)/storyscope.duckdb -o $(DEMO)/report.json
	@echo "open $(DEMO)/report.html"

## The default test run (slow tests excluded; see test-slow).
test: install
	$(BIN)/pytest -q

test-slow: install
	$(BIN)/pytest -q -m slow

## Speed and accuracy benchmarks (by hand; they print ratios against a baseline from the same run).
bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/dedup.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/bad_input.py

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

schema: install
	$(BIN)/python -m storyscope.model.schema > docs/storyanalysis.schema.json

## Re-pin every transitive dependency from the current venv.
constraints: install
	$(BIN)/pip freeze --exclude-editable | grep -v '^storyscope' > constraints.txt

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache
