# Quick start: `make brief` then `make test`. Both create .venv and install pinned dependencies:
# requirements.lock (runtime only) for brief, requirements-dev.lock (plus test, eval, Dask, mypy) for
# test and eval.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.installed-dev-stamp

.PHONY: brief test setup clean template eval

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $(DEV_STAMP)

setup: $(DEV_STAMP)

brief: $(STAMP)
	$(VENV)/bin/briefing build seeds/ -o out/brief.docx

test: $(DEV_STAMP)
	$(PY) -m pytest -q

# Summary, duplicate-detection and routing quality on ../shared/eval-data (routing: the labelled sentences in
# tests/data, `python -m briefing.evaluate.routing` alone): writes out/eval.json and docs/quality.md.
EVAL_DATA ?= ../shared/eval-data
eval: $(DEV_STAMP)
	$(VENV)/bin/briefing eval --data $(EVAL_DATA)

# Speed at scale on DISTINCT articles: 1,000, 3,000, 10,000 and all ~20,000 of Reuters-21578, the CNN
# Corpus and BBC News in ../shared/eval-data, each size a fresh build process, stage by stage with peak
# memory; the edited-copy corpus as a separate near-duplicates row; on 1,000 CNN articles the whole
# build vs sumy's LexRank alone (bench/run_bench.py). Prints the table, writes docs/benchmarks.md.
# `make bench BENCH_ARGS=--quick` (or e.g. BENCH_ARGS="--sizes 1000,3000") for a smaller run.
.PHONY: bench
BENCH_ARGS ?=
bench: $(DEV_STAMP)
	$(PY) bench/run_bench.py --data $(EVAL_DATA) --docs docs/benchmarks.md $(BENCH_ARGS)

template: $(STAMP)
	$(PY) templates/make_template.py

clean:
	rm -rf $(VENV) build *.egg-info
