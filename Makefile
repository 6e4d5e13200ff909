# Two commands matter: `make site` builds the bundled course into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
ZSTAMP := $(VENV)/.installed-zensical
PSTAMP := $(VENV)/.installed-pdf
CHROMIUM ?= /usr/bin/chromium

.PHONY: site instructor pdf site-zensical serve serve-zensical check test fuzz bench quick-course schema typecheck runtime banks scorm clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(ZSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[zensical]'
	touch $@

# The PDF books: Playwright and pypdf from PyPI; Debian's chromium and a TrueType CJK font (see README).
$(PSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[pdf]'
	@if [ ! -x $(CHROMIUM) ] || ! fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei'; then \
	  echo "installing Debian's chromium and the PDF font"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei; \
	fi
	touch $@

$(TSTAMP): $(STAMP) package.json
	$(PY) -m pip install --quiet -e '.[test]'
	@if [ ! -x $(CHROMIUM) ] || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk' || ! fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' \
	    || ! command -v pdffonts >/dev/null; then \
	  echo "installing Debian's chromium, CJK fonts and poppler-utils (pdffonts, pdftotext, pdftoppm)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk \
	    fonts-wqy-microhei poppler-utils; \
	fi
	npm install --no-audit --no-fund --silent
	touch $@

site: $(STAMP)  ## build the bundled course into site/
	$(PY) -m generator build

instructor: $(STAMP)  ## the instructor edition (answers, answer keys, facilitator notes) into site-instructor/
	$(PY) -m generator build --edition instructor

pdf: $(PSTAMP)  ## dist/<course-id>-workbook.pdf and dist/<course-id>-answer-key.pdf
	$(PY) -m generator pdf

serve: $(STAMP)  ## preview with live reload; content errors show in the browser (COURSE=courses/quick.yml for another course)
	$(PY) -m generator serve $(if $(COURSE),--course $(COURSE))

site-zensical: $(ZSTAMP)  ## the same course built by Zensical into site-zensical/
	$(PY) -m generator build --engine zensical

serve-zensical: $(ZSTAMP)  ## live preview with Zensical (the course is exported again on every edit)
	$(PY) -m generator serve --engine zensical

check: $(STAMP)  ## validate all content and print a summary
	$(PY) -m generator check

banks: $(STAMP)  ## the bundled course as question banks in dist/banks/ (GIFT, Moodle XML, QTI 1.2, QTI 2.1)
	@for format in gift moodle-xml qti12 qti21; do \
	  $(PY) -m generator questions export --format $$format --out dist/banks/$$format || exit 1; \
	done

scorm: $(STAMP)  ## dist/<course-id>-scorm12.zip and -scorm2004.zip: the course for an LMS (docs/lms.md)
	@for format in scorm12 scorm2004; do \
	  $(PY) -m generator package --format $$format || exit 1; \
	done

quick-course: $(STAMP)  ## the short course 新人速成 into site-quick/
	$(PY) -m generator build --course courses/quick.yml --site-dir site-quick

test: $(TSTAMP)  ## the gates (mypy --strict, ruff check, ruff format --check), then the whole test suite, browser tests included
	$(PY) -m mypy
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

fuzz: $(TSTAMP)  ## long Hypothesis runs: loader, and Markdown/number/regex content through the renderer
	$(PY) -m pytest -m fuzz -p no:cacheprovider --fuzz-examples=5000 tests/test_fuzz.py tests/test_pathological.py

bench: $(TSTAMP)  ## print the benchmark table
	$(PY) -m bench.run

runtime: $(TSTAMP)  ## rebuild generator/assets/ (the shipped runtime) from generator/runtime/ (esbuild)
	npm run --silent runtime

schema: $(STAMP)  ## regenerate schema/*.json and generator/runtime/contract.js after changing the models
	$(PY) -m generator.model.schema

clean:
	rm -rf site site-quick site-zensical site-instructor dist build .pytest_cache

typecheck: $(TSTAMP)  ## mypy --strict over the package (configured in pyproject.toml), tsc over the runtime's sources
	$(PY) -m mypy
	npm run --silent typecheck
