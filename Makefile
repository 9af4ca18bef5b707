# Every target that needs the package builds the virtual environment first, so a fresh clone
# needs nothing but Python and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/daily-papers-sample.txt
DEMO_DB := $(VENV)/demo-claims.db
DOCS_DB := $(VENV)/docs-claims.db

.PHONY: install test demo docs bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)
	rm -f $(DEMO_DB)
	PAPERCLAIMS_DB=$(DEMO_DB) $(BIN)/paperclaims extract $(EXAMPLE) --format table
	PAPERCLAIMS_DB=$(DEMO_DB) $(BIN)/paperclaims leaderboard --benchmark imagenet --format table

# The README's picture, made from the example feed (README "Pictures").
docs: $(STAMP)
	rm -f $(DOCS_DB)
	PAPERCLAIMS_DB=$(DOCS_DB) $(BIN)/paperclaims extract $(EXAMPLE) -q --format csv >/dev/null
	PAPERCLAIMS_DB=$(DOCS_DB) $(BIN)/paperclaims plot --benchmark imagenet --x params -o docs/frontier.png -q

# Throughput and peak memory of extract (benchmarks/README.md); BENCH_ARGS="--size 1GB" for the big run.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
