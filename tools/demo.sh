#!/usr/bin/env bash
# The main job on the embedded demo corpus: generate it, preprocess, train the three stages (the experiment notebook,
# run by papermill), then predict held-out videos with the best fusion model, score them and write a report.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-demo_out}
mkdir -p "$OUT"
start=$(date +%s)
echo "== 1-3. corpus, preprocessing, training: papermill nbs/07_train.ipynb -> $OUT/train.ipynb"
papermill nbs/07_train.ipynb "$OUT/train.ipynb" -p out_dir "$OUT/run" --log-output --progress-bar 2>&1 \
  | { grep --line-buffered -v -E 'IPKernelApp|^\s*$|Epoch [0-9]+/[0-9]+ :|^█|^<|IPython.core.display|Cell [0-9]+-+$|^\[[0-9]+, ' || true; }
test -f "$OUT/run/results.csv" || { echo "demo: training did not finish (see $OUT/train.ipynb)"; exit 1; }
jupyter nbconvert --to html "$OUT/train.ipynb" --output train.html --log-level WARN
echo "== results on the held-out validation videos (CCC)"
cat "$OUT/run/results.csv"
best=$(python - "$OUT/run/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))['results']
print(max((k for k in ('concat', 'attention') if k in r), key=lambda k: r[k]['ccc']))
PY
)
echo "== 4. m3t-predict with the best fusion model ($best) on the validation videos"
vids=$(python - "$OUT/run/corpus" <<'PY'
import sys
from m3t_nb.annotations import index_corpus
print(" ".join(sorted({str(e.video) for e in index_corpus(sys.argv[1]).select('VA', 'valid') if e.side is None})))
PY
)
m3t-predict $vids --model "$OUT/run/models/$best" --out "$OUT/predict" --report
echo "== 5. m3t-evaluate against the validation annotations"
m3t-evaluate "$OUT/predict" "$OUT/run/corpus/annotations/VA_Set/Validation_Set" | tee "$OUT/evaluate.txt"
echo $(( $(date +%s) - start )) > "$OUT/seconds.txt"
echo "demo: done in $(cat "$OUT/seconds.txt")s (make readme puts these results into README.md). Reports: $OUT/train.html (training), $OUT/predict/*.html (per video); models: $OUT/run/models/NAME/ (model.safetensors, config.json, README.md; publish one with hf upload ORG/NAME $OUT/run/models/NAME)"
