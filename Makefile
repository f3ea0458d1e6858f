# The README's quick start: `make run` and `make test`, each setting everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Every package at the version, and with the hashes, that requirements/*.txt lock (`make lock`).
LOCK := requirements/test.txt
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)

.PHONY: run kiosk test lint check snapshots build lock mutation clean

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes -r $(LOCK)
	$(PIP) --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)  ## the kiosk in a window that closes, on the bundled content.yaml
	$(BIN)/python main.py --windowed

kiosk: $(STAMP)  ## the kiosk as visitors see it: fullscreen, locked
	$(BIN)/python main.py

test: $(STAMP)  ## every test, headless; then the linter, the package's layers and the types
	# the core without Qt (tests/core/conftest.py fails a test that imports it), then the rest
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:pytest-qt \
		-W ignore::pytest.PytestConfigWarning tests/core
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --ignore=tests/core  # a worker per processor
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

check: $(STAMP)  ## check content.yaml
	$(BIN)/python main.py check content.yaml

snapshots: $(STAMP)  ## every screen as PNG, landscape and portrait, English and Chinese
	for size in 1920x1080 1080x1920; do for lang in en zh; do \
		$(BIN)/python main.py snapshot --out snapshots/$$size-$$lang --size $$size --lang $$lang \
		|| exit 1; done; done

build: $(STAMP)  ## the installers' one-folder build in dist/kiosk/, smoke-tested
	$(PIP) --require-hashes -r requirements/build.txt
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN kiosk.spec
	$(BIN)/python tools/smoke_build.py

mutation: $(STAMP)  ## mutmut over kiosk/core against tests/core ([tool.mutmut] in pyproject.toml)
	$(PIP) --require-hashes -r requirements/mutation.txt
	rm -rf mutants
	QT_QPA_PLATFORM=offscreen $(BIN)/mutmut run --max-children $$(nproc) || true
	$(BIN)/mutmut results --all true | awk -F': ' '{print $$2}' | sort | uniq -c

lock: $(STAMP)  ## pin what pyproject.toml lists, and all it pulls in, with hashes
	$(PIP) "uv==0.13.9"
	for extra in test build mutation; do $(BIN)/uv pip compile pyproject.toml --extra $$extra --universal \
		--generate-hashes --python-version 3.11 --no-header -o requirements/$$extra.txt || exit 1; done

clean:
	rm -rf $(VENV) snapshots build dist *.egg-info
