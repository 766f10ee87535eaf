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
# every option of every command has its help text (docments through fastcore's call_parse)
python - <<'PY'
from fastcore.script import anno_parser
from m3t_nb.demo import demo_corpus_cli
from m3t_nb.media import corpus_index_cli
from m3t_nb.cache import preprocess_cli
from m3t_nb.train import train_cli
from m3t_nb.predict import predict_cli
from m3t_nb.evaluate import evaluate_cli
bad = [(f.__name__, a.dest) for f in (demo_corpus_cli, corpus_index_cli, preprocess_cli, train_cli, predict_cli, evaluate_cli)
       for a in anno_parser(f.__wrapped__ if hasattr(f, '__wrapped__') else f)._actions
       if a.dest not in ('help', 'pdb', 'xtra') and not (a.help or '').strip()]
assert not bad, f"options without help: {bad}"
PY
m3t-train --help | grep -q -- "--lam (float)  *Weight of the expression loss" || { m3t-train --help; echo "m3t-train --help lacks the experiment's options"; exit 1; }
echo "cli: 4 passed, 0 failed"
