#!/usr/bin/env bash
# The built wheel, installed into a fresh virtual environment, runs m3t-predict with a model trained by `make demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO=${1:-demo_out}
model="$DEMO/run/models/concat"
[ -f "$model/model.safetensors" ] && [ -f "$model/config.json" ] || { echo "wheel-check: no model folder $model (model.safetensors, config.json): run make demo first"; exit 1; }
PY=${PYTHON:-python3.11}; VENV=${VENV:-.venv}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$VENV/bin/python" -m pip wheel -q --no-deps . -w "$tmp/dist" 2>&1 | { grep -v 'is ignored' || true; }
$PY -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q torch==2.14.1 torchvision==0.29.1 2>&1 | { grep -v 'is ignored' || true; }
"$tmp/venv/bin/pip" install -q "$tmp"/dist/m3t_nb-*.whl 2>&1 | { grep -v 'is ignored' || true; }
vid=$(ls "$DEMO"/run/corpus/videos/*.mp4 | tail -1)
(cd "$tmp" && "$tmp/venv/bin/m3t-predict" "$OLDPWD/$vid" --model "$OLDPWD/$model" --out "$tmp/pred" --report)
test -s "$tmp/pred/$(basename "${vid%.mp4}").txt" && test -s "$tmp/pred/$(basename "${vid%.mp4}").html"
# the same model as a Hub id, from a Hugging Face cache laid out as `hf download` leaves it, offline
rev=$(printf m3t | sha1sum | cut -c1-40); repo="$tmp/hub/models--m3t--demo-concat"
mkdir -p "$repo/snapshots/$rev" "$repo/refs" && cp "$model"/* "$repo/snapshots/$rev/" && printf %s "$rev" > "$repo/refs/main"
(cd "$tmp" && HF_HUB_OFFLINE=1 HF_HUB_CACHE="$tmp/hub" "$tmp/venv/bin/m3t-predict" "$OLDPWD/$vid" --model m3t/demo-concat --out "$tmp/pred_hub")
cmp "$tmp/pred/$(basename "${vid%.mp4}").txt" "$tmp/pred_hub/$(basename "${vid%.mp4}").txt" || { echo "wheel-check: --model m3t/demo-concat (offline Hub cache) predicted differently from the folder"; exit 1; }
echo "wheel-check: the wheel in a fresh venv predicted $(($(wc -l < "$tmp/pred/$(basename "${vid%.mp4}").txt") - 1)) frames of $(basename "$vid")"
