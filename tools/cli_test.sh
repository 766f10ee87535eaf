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
from m3t_nb.table1 import table1_cli
bad = [(f.__name__, a.dest) for f in (demo_corpus_cli, corpus_index_cli, preprocess_cli, train_cli, predict_cli, evaluate_cli, table1_cli)
       for a in anno_parser(f.__wrapped__ if hasattr(f, '__wrapped__') else f)._actions
       if a.dest not in ('help', 'pdb', 'xtra') and not (a.help or '').strip()]
assert not bad, f"options without help: {bad}"
PY
m3t-train --help | grep -q -- "--lam (float)  *Weight of the expression loss" || { m3t-train --help; echo "m3t-train --help lacks the experiment's options"; exit 1; }
# beyond the paper: foundation encoders and temporal models are options too (chapter 02b_encoders, 04_models)
m3t-train --help | grep -q -- "--temporal " || { echo "m3t-train --help lacks --temporal"; exit 1; }
m3t-train --help | grep -q -- "--audio-features " || { echo "m3t-train --help lacks --audio-features"; exit 1; }
m3t-preprocess --help | grep -q -- "--audio-features " || { echo "m3t-preprocess --help lacks --audio-features"; exit 1; }
{ m3t-train --temporal lstm --dry-run 2>&1 || true; } | grep -q "'lstm' is not one of gru, transformer, tcn" || { echo "m3t-train --temporal lstm: no clear error"; exit 1; }
# the paper preset is the authors' recipe where the paper is silent: gradient clipping 1.0, complete training windows only
m3t-train --preset paper --dry-run > "$tmp/dry.json"
python - "$tmp/dry.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert (d['optimisation']['grad_clip'], d['optimisation']['window_rule']) == (1.0, 'complete'), d
assert (d['model']['fusion_expr'], d['model']['expr_head'], d['model']['init']) == (True, 'valence', 'authors'), d
PY
# every papermill parameter reaches the run, and results.json records the effective value of each
M3T_FIXTURES="$tmp/fixtures" papermill nbs/07_train.ipynb "$tmp/train.ipynb" -p data_root "$tmp/corpus" -p out_dir "$tmp/run" -p stages audio \
  -p epochs_audio 1 -p windows_per_video 4 -p bs 8 -p lam 0.25 -p seed 7 -p weight_decay 0.001 -p step_up_epochs 2 \
  -p lr_joint 2e-5 -p frames 8 -p epochs_frozen 2 > "$tmp/pm.txt" 2>&1 || { tail -30 "$tmp/pm.txt"; echo "papermill run failed"; exit 1; }
python - "$tmp/run/results.json" "$tmp/train.ipynb" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))['params']
want = dict(lam='0.25', seed='7', weight_decay='0.001', step_up_epochs='2', lr_joint='2e-05', frames='8', epochs_frozen='2', preset='tiny')
bad = {k: (p.get(k), v) for k, v in want.items() if p.get(k) != v}
assert not bad, f"results.json params differ from the papermill parameters: {bad}"
nb = json.load(open(sys.argv[2]))
cell = next(''.join(c['source']) for c in nb['cells'] if 'parameters' in c['metadata'].get('tags', []))
names = {l.split('=')[0].strip() for l in cell.splitlines() if '=' in l and not l.startswith('#')}
names = {n.strip() for part in names for n in part.split(',')}
missing = sorted(n for n in names if n not in p)
assert not missing, f"parameters not recorded in results.json: {missing}"
PY
# the trained model is a Hugging Face-style folder; m3t-predict reads it as a folder and as a Hub id from an offline
# cache laid out as `hf download` leaves it (byte-identical CSVs); a damaged model.safetensors: exit 1, file named
m="$tmp/run/models/audio"
for f in model.safetensors config.json README.md; do test -s "$m/$f" || { ls -la "$m" 2>&1; echo "training left no $m/$f"; exit 1; }; done
vid=$(ls "$tmp"/corpus/videos/*.mp4 | tail -1); name=$(basename "${vid%.mp4}")
m3t-predict "$vid" --model "$m" --out "$tmp/pred_dir" --format csv > "$tmp/pd.txt" 2>&1 || { cat "$tmp/pd.txt"; echo "m3t-predict --model FOLDER failed"; exit 1; }
rev=$(printf m3t | sha1sum | cut -c1-40); repo="$tmp/hub/models--someone--m3t-demo"
mkdir -p "$repo/snapshots/$rev" "$repo/refs" && cp "$m"/* "$repo/snapshots/$rev/" && printf %s "$rev" > "$repo/refs/main"
(cd "$tmp" && HF_HUB_OFFLINE=1 HF_HUB_CACHE="$tmp/hub" m3t-predict "$vid" --model someone/m3t-demo --out "$tmp/pred_hub" --format csv) > "$tmp/ph.txt" 2>&1 \
  || { cat "$tmp/ph.txt"; echo "m3t-predict --model someone/m3t-demo (offline cache) failed"; exit 1; }
cmp "$tmp/pred_dir/$name.csv" "$tmp/pred_hub/$name.csv" || { echo "m3t-predict: the Hub id and the folder gave different CSVs"; exit 1; }
# the same weights as an old single-file .pth (format m3t_nb/1): the same CSV, and one warning that the format is old
python - "$m" "$tmp/old.pth" <<'PY'
import sys, torch
from m3t_nb.model_io import load_m3t
model, info = load_m3t(sys.argv[1])
torch.save(dict(format='m3t_nb/1', kind=info['kind'], config=info['config'].to_dict(), preprocess=info['preprocess'], feat_names=info['feat_names'],
                metrics=info['metrics'], state_dict=model.state_dict()), sys.argv[2])
PY
m3t-predict "$vid" --model "$tmp/old.pth" --out "$tmp/pred_old" --format csv > "$tmp/po.txt" 2>&1 || { cat "$tmp/po.txt"; echo "m3t-predict --model old.pth failed"; exit 1; }
cmp "$tmp/pred_dir/$name.csv" "$tmp/pred_old/$name.csv" || { echo "m3t-predict: the old .pth and the folder gave different CSVs"; exit 1; }
test "$(grep -c 'warning: .*old.pth: an old single-file model (.pth); re-save it as a folder with save_m3t' "$tmp/po.txt")" = 1 || { cat "$tmp/po.txt"; echo "m3t-predict --model old.pth: want the old-format warning once"; exit 1; }
cp -r "$m" "$tmp/damaged" && truncate -s 1000 "$tmp/damaged/model.safetensors"
set +e; m3t-predict "$vid" --model "$tmp/damaged" --out "$tmp/pred_bad" 2> "$tmp/err.txt"; rc=$?; set -e
test "$rc" = 1 && grep -q "$tmp/damaged/model.safetensors: damaged or not a safetensors file" "$tmp/err.txt" && ! grep -q Traceback "$tmp/err.txt" \
  || { cat "$tmp/err.txt"; echo "m3t-predict on a damaged model.safetensors: exit $rc, want 1 with the file named and no traceback"; exit 1; }
echo "cli: 7 passed, 0 failed"
