# Two commands do everything on a fresh clone: `make graph` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out

.PHONY: graph test bench clean node-deps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

graph: $(STAMP)
	$(BIN)/kg build data/corpus --out $(OUT)

node-deps:
	@if command -v npm >/dev/null 2>&1; then \
	  cd tests/js && npm ci --silent --no-audit --no-fund >/dev/null; \
	else echo "npm not found: the graphology GEXF test will be skipped"; fi

test: $(STAMP) node-deps
	$(BIN)/python -m pytest -q

# 1x, 10x, 100x the bundled corpus in a temporary folder (about half an hour on 2 cores); not part of `test`
bench: $(STAMP)
	$(BIN)/python scripts/bench_scale.py --output bench-results.md
	$(BIN)/python scripts/bench_add.py

clean:
	rm -rf $(OUT) .pytest_cache
