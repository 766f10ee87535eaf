#!/usr/bin/env bash
# Run every notebook's tests (nbdev's test_nb, one fresh process per notebook: tools/nbtest.py says why); cells flagged
# slow/cuda are skipped unless NBTEST_FLAGS names them. The notebooks share one small demo corpus and its cache, made
# once per run in $M3T_FIXTURES and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export M3T_FIXTURES=$(mktemp -d -t m3t-fixtures-XXXXXX)
trap 'rm -rf "$M3T_FIXTURES"' EXIT
n=$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -name '_*' | wc -l)
if python tools/nbtest.py --n-workers "${NBTEST_WORKERS:-2}" --timing --flags "${NBTEST_FLAGS:-}"; then
  echo "notebooks: $n passed, 0 failed"
else
  echo "notebooks: some of $n failed (see above)"; exit 1
fi
