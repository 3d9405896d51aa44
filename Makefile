# The two commands a new user needs: `make run` and `make test`. Both set everything up.
SHELL := /bin/bash
# The interpreter the virtualenv is made from: the system's Python 3.11 when it can make one
# (Debian builds it with profile-guided optimisation; the ingest takes about an eighth fewer instructions
# on it than on an unoptimised build such as pyenv's, README "Performance"), else python3.
# `make PYTHON=python3 setup` (after removing .venv) chooses another.
PYTHON ?= $(shell /usr/bin/python3.11 -c 'import ensurepip, venv' >/dev/null 2>&1 && echo /usr/bin/python3.11 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
STAMP := $(VENV)/.installed

.PHONY: setup run test test-fast lint validate bench chromium assets clean

setup: $(STAMP) assets

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	# The geo package itself, editable: `python -m geo` works from any folder.
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Leaflet, jQuery and markercluster, copied from their PyPI packages into static/vendor/ (git-ignored).
assets: $(STAMP)
	$(PY) -m geo.render.assets

# Debian Chromium for the browser tests (the distribution's package, no browser download),
# and a Korean font so Hangul renders in screenshots.
chromium:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi nanum; then \
	  echo "chromium: $$(command -v chromium)"; \
	else echo "installing Debian chromium and fonts-nanum"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-nanum >/dev/null; fi

run: setup
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true

lint: $(STAMP)
	$(PY) -m ruff check .
	$(VENV)/bin/frictionless validate data/datapackage.json

validate: $(STAMP)
	$(PY) -m geo validate

test: setup chromium lint validate
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not browser"

# Benchmark at three scales (see README, Performance), the browser at 10,000 mines, then the map page
# of the record in a real browser: first marker and click → details, median of three.
bench: setup chromium
	$(PY) -m geo.tools.bench --json .bench/results.json
	NK_BENCH=1 $(PY) -m pytest -q -s tests/test_browser_scale.py
	$(PY) scripts/browser_bench.py --runs 3 --json .bench/browser_map.json

clean:
	rm -rf $(VENV) static/vendor .pytest_cache .ruff_cache
