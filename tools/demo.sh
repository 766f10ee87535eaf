#!/usr/bin/env bash
# The main job on the embedded demo corpus: generate it, then (as the later steps land) preprocess, train, predict, report.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-demo_out}
mkdir -p "$OUT"
echo "== 1. demo corpus -> $OUT/corpus"
m3t-demo-corpus "$OUT/corpus" --videos "${DEMO_VIDEOS:-12}" --seconds "${DEMO_SECONDS:-20}" --seed "${DEMO_SEED:-0}"
echo "demo: done; outputs in $OUT/"
