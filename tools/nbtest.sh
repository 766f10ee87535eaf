#!/usr/bin/env bash
# Run every notebook's tests with nbdev-test (cells flagged slow/cuda are skipped unless NBTEST_FLAGS names them).
set -euo pipefail
cd "$(dirname "$0")/.."
n=$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -name '_*' | wc -l)
if nbdev-test --n-workers "${NBTEST_WORKERS:-2}" --timing --flags "${NBTEST_FLAGS:-}"; then
  echo "notebooks: $n passed, 0 failed"
else
  echo "notebooks: some of $n failed (see above)"; exit 1
fi
