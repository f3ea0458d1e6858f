# The README's quick start: `make run` and `make test`, each setting everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run kiosk test lint check snapshots build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)  ## the kiosk in a window that closes, on the bundled content.yaml
	$(BIN)/python main.py --windowed

kiosk: $(STAMP)  ## the kiosk as visitors see it: fullscreen, locked
	$(BIN)/python main.py

test: $(STAMP)  ## every test, headless, then the linter
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check .

check: $(STAMP)  ## check content.yaml
	$(BIN)/python main.py check content.yaml

snapshots: $(STAMP)  ## every screen as PNG, landscape and portrait, English and Chinese
	for size in 1920x1080 1080x1920; do for lang in en zh; do \
		$(BIN)/python main.py snapshot --out snapshots/$$size-$$lang --size $$size --lang $$lang \
		|| exit 1; done; done

build: $(STAMP)  ## the installers' one-folder build in dist/kiosk/, smoke-tested
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[build]"
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN kiosk.spec
	$(BIN)/python tools/smoke_build.py

clean:
	rm -rf $(VENV) snapshots build dist *.egg-info
