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

# Summary and duplicate-detection quality on ../shared/eval-data: writes out/eval.json and docs/quality.md.
EVAL_DATA ?= ../shared/eval-data
eval: $(DEV_STAMP)
	$(VENV)/bin/briefing eval --data $(EVAL_DATA)

# Speed at scale: 100 to 10,000 articles built from ../shared/eval-data/cnn-corpus, stage by stage,
# and sumy's LexRank against ours (bench/run_bench.py); prints the table, writes docs/benchmarks.md.
.PHONY: bench
bench: $(DEV_STAMP)
	$(PY) bench/run_bench.py --docs docs/benchmarks.md

template: $(STAMP)
	$(PY) templates/make_template.py

clean:
	rm -rf $(VENV) build *.egg-info
