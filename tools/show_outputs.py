"""Execute chapters and keep the small, stable outputs that teach, so that a chapter read on GitHub or the docs site
shows its results (fastai's and fastcore's habit).

    python tools/show_outputs.py nbs/04_models.ipynb [nbs/...]     # then nbdev-clean, and look at the diff

Each notebook runs as `nbdev-test` runs it (in its folder, `IN_TEST=1`, cells marked `slow` or `cuda` skipped, the
shared fixtures of `$M3T_FIXTURES`). Kept: printed text, tables, and PNG figures of at most 150 kB. Dropped: anything
that names a machine path or a time (paths, seconds, rates, clock times), warnings and other stderr, progress bars,
interactive widgets and plotly blobs, and the outputs of hidden cells. Seeds are fixed in the chapters, so a rerun
gives the same outputs; what would churn is dropped here."""
import os, re, sys
from pathlib import Path
from fastcore.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

CHURN = re.compile(r"/tmp/|/work/|/root/|/home/|/var/|\\\\|\b\d+(\.\d+)?\s?(s|ms|sec|seconds|minutes|min)\b|/s\b|"
                   r"\[\d\d:\d\d:\d\d\]|\bin \d+(\.\d+)?s\b|it/s|\d+:\d\d<|tmp[a-z0-9_]{6,}|0x[0-9a-f]{6,}", re.I)
SKIP_FLAGS = re.compile(r"^#\|\s*(slow|cuda)\b", re.M)
MAX_PNG, MAX_TEXT = 150_000, 6_000

def _text(x) -> str: return ''.join(x) if isinstance(x, list) else str(x)

def keep(out: dict) -> dict|None:
    "The output as committed, or None when it would churn, name a machine, or is too big."
    kind = out.get('output_type')
    if kind == 'stream':
        t = _text(out.get('text', ''))
        return out if out.get('name') == 'stdout' and len(t) < MAX_TEXT and not CHURN.search(t) else None
    if kind in ('execute_result', 'display_data'):
        data = {}
        for mime, v in (out.get('data') or {}).items():
            if mime == 'image/png' and len(_text(v)) * 3 / 4 <= MAX_PNG: data[mime] = v
            elif mime in ('text/plain', 'text/html', 'text/markdown') and len(_text(v)) < MAX_TEXT and not CHURN.search(_text(v)):   # a figure's churning repr goes
                data[mime] = v
        if not data or (set(data) == {'text/plain'} and _text(data['text/plain']).startswith('<')): return None   # reprs of objects
        return {**out, 'data': data, 'metadata': {}}
    return None                                                        # errors and anything else

def show(path: Path):
    "Run the notebook at `path` and write it back with the outputs worth committing."
    nb = read_nb(path)
    shell = CaptureShell(path)
    skip = lambda cell: bool(SKIP_FLAGS.search(cell.source))
    cwd = os.getcwd(); os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=skip)
    finally: os.chdir(cwd)
    for c in nb.cells:
        if c.cell_type != 'code': continue
        hidden = re.match(r"#\|\s*(hide|export)", c.source)
        c.outputs = [] if hidden or skip(c) else [o for o in map(keep, c.get('outputs', [])) if o]
    write_nb(nb, path)
    n = sum(bool(c.get('outputs')) for c in nb.cells if c.cell_type == 'code')
    print(f"{path.name}: {n} cells show an output")

if __name__ == '__main__':
    os.environ['IN_TEST'] = '1'
    for p in sys.argv[1:]: show(Path(p).resolve())
