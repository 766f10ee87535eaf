#!/usr/bin/env bash
# Fail when nbdev-export or nbdev-clean would change a file: the library and the notebooks are out of sync.
set -euo pipefail
cd "$(dirname "$0")/.."
snap() { find m3t_nb nbs -type f \( -name '*.py' -o -name '*.ipynb' \) -not -path '*/.ipynb_checkpoints/*' \
           -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 md5sum; }
before=$(snap)
nbdev-export
nbdev-clean
after=$(snap)
if [ "$before" != "$after" ]; then
  echo "FAILED: nbdev-export / nbdev-clean changed files, so the library and the notebooks are out of sync:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  echo "Run nbdev-export and nbdev-clean, review the changes and commit them." >&2
  exit 1
fi
python tools/make_readme.py --check
echo "sync-check: library and notebooks in sync"
