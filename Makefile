# Two commands matter: `make site` builds the bundled course into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
CHROMIUM ?= /usr/bin/chromium

.PHONY: site serve check test fuzz bench quick-course schema typecheck runtime clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP) package.json
	$(PY) -m pip install --quiet -e '.[test]'
	@if [ ! -x $(CHROMIUM) ] || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then \
	  echo "installing Debian's chromium and a CJK font"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk; \
	fi
	npm install --no-audit --no-fund --silent
	touch $@

site: $(STAMP)  ## build the bundled course into site/
	$(PY) -m generator build

serve: $(STAMP)  ## preview with live reload (edit lessons/*.yml and watch the page change)
	$(PY) -m generator serve

check: $(STAMP)  ## validate all content and print a summary
	$(PY) -m generator check

quick-course: $(STAMP)  ## the short course 新人速成 into site-quick/
	$(PY) -m generator build --course courses/quick.yml --site-dir site-quick

test: $(TSTAMP)  ## the whole test suite, browser tests included
	$(PY) -m pytest

fuzz: $(TSTAMP)  ## long Hypothesis runs: loader, and Markdown/number/regex content through the renderer
	$(PY) -m pytest -m fuzz -p no:cacheprovider --fuzz-examples=5000 tests/test_fuzz.py tests/test_pathological.py

bench: $(TSTAMP)  ## print the benchmark table
	$(PY) -m bench.run

runtime: $(TSTAMP)  ## rebuild generator/assets/ (the shipped runtime) from generator/runtime/
	npm run --silent runtime

schema: $(STAMP)  ## regenerate schema/*.json after changing the models
	$(PY) -m generator schema

clean:
	rm -rf site site-quick .pytest_cache

typecheck: $(TSTAMP)  ## mypy over the package
	$(PY) -m pip install --quiet mypy types-PyYAML
	$(PY) -m mypy generator --ignore-missing-imports
