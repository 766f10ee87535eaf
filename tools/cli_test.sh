#!/usr/bin/env bash
# The installed console scripts work end to end on a tiny demo corpus, and bad input gets a clear error.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
m3t-demo-corpus "$tmp/corpus" --videos 3 --seconds 2 --seed 5 > "$tmp/out.txt"
grep -q "3 videos, 4 VA annotations" "$tmp/out.txt" || { cat "$tmp/out.txt"; echo "m3t-demo-corpus: unexpected summary"; exit 1; }
m3t-corpus "$tmp/corpus" > "$tmp/idx.txt"
test "$(grep -c -- '-2-320x240\|video' "$tmp/idx.txt")" -ge 4 || { cat "$tmp/idx.txt"; echo "m3t-corpus: unexpected index"; exit 1; }
if m3t-corpus "$tmp/nothing" 2> "$tmp/err.txt"; then echo "m3t-corpus accepted a missing root"; exit 1; fi
grep -q "corpus root does not exist" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
echo "cli: 3 passed, 0 failed"
