#!/usr/bin/env bash
# Check the reader's way in (`make lab`) without a browser: .venv's JupyterLab serves nbs/, the kernel it starts for
# the chapters (kernelspec `python3`) runs .venv's Python and imports m3t_nb, and the ipywidgets JupyterLab extension
# (@jupyter-widgets/jupyterlab-manager, which the explorer of 09_evaluate needs) is installed and enabled.
# Usage: bash tools/lab_check.sh [PORT]   (default 8899; run after `make install`). Not part of `make test`: it starts
# a server on a TCP port, which parallel runs on one machine would fight over.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}; PORT=${1:-8899}; TOKEN=lab-check-$$
[ -x "$VENV/bin/jupyter-lab" ] || { echo "lab_check: $VENV/bin/jupyter-lab: not installed (run make install)"; exit 1; }
work=$(mktemp -d -t m3t-lab-XXXXXX)
export JUPYTER_RUNTIME_DIR=$work/runtime JUPYTER_PREFER_ENV_PATH=1
"$VENV/bin/jupyter" labextension list >"$work/ext.txt" 2>&1 || true
if ! grep -q '@jupyter-widgets/jupyterlab-manager .*enabled.*OK' <(sed 's/\x1b\[[0-9;]*m//g' "$work/ext.txt"); then
  echo "lab_check: jupyter labextension list does not show @jupyter-widgets/jupyterlab-manager enabled (pip install jupyterlab_widgets):"
  cat "$work/ext.txt"; rm -rf "$work"; exit 1
fi
"$VENV/bin/jupyter-lab" --no-browser --port "$PORT" --ServerApp.port_retries=0 --IdentityProvider.token="$TOKEN" \
  --notebook-dir=nbs $([ "$(id -u)" = 0 ] && echo --allow-root) >"$work/lab.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$VENV/bin/python" - "$PORT" "$TOKEN" "$pid" "$work" "$(cd "$VENV" && pwd)" <<'EOF'
import json, os, sys, time, urllib.request
from pathlib import Path
from jupyter_client import BlockingKernelClient
port, token, pid, work, venv = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), sys.argv[5]
base, log = f"http://127.0.0.1:{port}", work/'lab.log'
def fail(msg): sys.exit(f"lab_check: {msg}\n--- jupyter-lab log ---\n{log.read_text() if log.exists() else ''}")
def api(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, headers={'Authorization': f'token {token}'},
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=30) as r: return json.loads(r.read() or b'null')
def wait_for(what, ok, limit=180):
    "Wait for `ok()` (a line in the log, a file), failing if the server exits first or after `limit` s."
    t0 = time.monotonic()
    while not ok():
        if not Path(f'/proc/{pid}').exists(): fail(f"jupyter-lab exited before {what}")
        if time.monotonic() - t0 > limit: fail(f"no {what} after {limit} s")
        time.sleep(0.2)
wait_for('server start', lambda: 'is running at' in log.read_text())
served = {c['name'] for c in api('GET', '/api/contents')['content']}
if not {'index.ipynb', '00_annotations.ipynb'} <= served: fail(f"the server does not serve nbs/: it lists {sorted(served)[:8]}")
specs = api('GET', '/api/kernelspecs')
kernel = api('POST', '/api/kernels', {'name': 'python3'})
cf = work/'runtime'/f"kernel-{kernel['id']}.json"
wait_for('kernel connection file', cf.exists, 60)
kc = BlockingKernelClient(connection_file=str(cf)); kc.load_connection_file(); kc.start_channels()
out = []
try:
    kc.wait_for_ready(timeout=120)
    r = kc.execute_interactive("import sys, m3t_nb; print(sys.prefix); print(sys.executable); print(m3t_nb.__version__)", timeout=120,
                               output_hook=lambda m: out.append(m['content'].get('text', '')) if m['msg_type'] == 'stream' else None)
finally:
    kc.stop_channels(); api('DELETE', f"/api/kernels/{kernel['id']}")
if r['content']['status'] != 'ok': fail(f"the kernel could not import m3t_nb: {r['content'].get('ename')}: {r['content'].get('evalue')}")
prefix, exe, version = ''.join(out).split()
if os.path.realpath(prefix) != os.path.realpath(venv): fail(f"the python3 kernel runs {exe} (prefix {prefix}), not {venv}'s Python")
api('POST', '/api/shutdown')
print(f"lab_check: jupyter-lab serves nbs/ ({len([n for n in served if n.endswith('.ipynb')])} notebooks, default kernel "
      f"{specs['default']!r}); its kernel runs {exe} and imports m3t_nb {version}; @jupyter-widgets/jupyterlab-manager enabled")
EOF
wait $pid 2>/dev/null || true
