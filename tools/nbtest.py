"""Every notebook's tests, as `nbdev-test` runs them (nbdev's own `test_nb`, the `tst_flags` of pyproject.toml), but each
notebook in a fresh worker process.

Why not `nbdev-test` itself: it reuses its worker processes from notebook to notebook, and execnb keeps each finished
notebook's namespace alive through an idle thread. When a later notebook forks (a DataLoader's worker processes),
Python 3.13 frees in the child what only other threads held: an earlier notebook's PyAV decoders and converters, whose
FFmpeg threads the child does not have, and the child waits for them for ever. A process per notebook carries nothing
over, as a reader who opens one chapter has nothing else loaded.

    python tools/nbtest.py [--flags "slow cuda"] [--n-workers 2] [--timing] [--save] [PATH_GLOB]

With --save, a notebook that passes is written back with the outputs of the cells the test ran (skipped cells keep
theirs), without the warnings libraries print on stderr and with progress bars redrawn as a terminal leaves them: how a chapter's committed outputs are made. Run nbdev-clean
afterwards.
"""
import os, re, sys, time, json
from pathlib import Path
from fastcore.script import call_parse
from fastcore.parallel import parallel
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb

def test_nb_png(fn, **kwargs):
    "nbdev's `test_nb` with figures as plain PNG, as Jupyter shows them (execnb's default, 'retina', doubles every PNG)."
    import execnb.shell
    init = execnb.shell.CaptureShell.__init__
    if init.__defaults__ and 'retina' in init.__defaults__:
        init.__defaults__ = tuple('png' if d == 'retina' else d for d in init.__defaults__)
    return test_nb(fn, **kwargs)

def as_terminal(text: str) -> str:
    "A stream as a terminal leaves it: each line what follows its last carriage return (progress bars gone), blank lines dropped."
    lines = (l.split('\r')[-1].replace('\u2588', '').rstrip() for l in text.split('\n'))
    return ''.join(l + '\n' for l in lines if l.strip())

def tidy_outputs(fn: Path):
    "A saved notebook's outputs without the warnings libraries print (they name this machine's files), progress bars redrawn as a terminal shows them."
    nb = json.loads(fn.read_text())
    for c in nb['cells']:
        if 'outputs' not in c: continue
        outs = []
        for o in c['outputs']:
            if o.get('output_type') == 'stream':
                text = ''.join(o.get('text', ''))
                if o.get('name') == 'stderr' and re.search(r'site-packages|Warning:', text): continue
                if '\r' in text: o['text'] = as_terminal(text)
                if not o['text']: continue
            outs.append(o)
        c['outputs'] = outs
    fn.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')

@call_parse(pos=["path"])
def main(path: str = None,      # A notebook or a glob of notebooks (default: every notebook in nbs/)
         flags: str = '',       # Space-separated flags of cells to run that are normally skipped (slow, cuda)
         n_workers: int = 2,    # Notebooks tested at once
         timing: bool = False,  # Print how long each notebook took
         save: bool = False):   # Write each passing notebook's outputs back into it (then run nbdev-clean)
    "Test the notebooks, each in a process of its own; exit 1 if any fails."
    cfg = get_config()
    skip = cfg.tst_flags.split() if isinstance(cfg.tst_flags, str) else list(cfg.tst_flags)
    files = sorted(Path(f).absolute() for f in nbglob(cfg.nbs_path, as_path=True, **({'path_glob': os.path.abspath(path)} if path else {})))
    if not files: sys.exit('no notebooks to test')
    os.chdir(cfg.nbs_path)
    t0 = time.time()
    results = parallel(test_nb_png, files, skip_flags=skip, force_flags=flags.split(), n_workers=n_workers, basepath=cfg.config_path,
                       max_tasks_per_child=1, method='forkserver', save=save)    # a fresh process per notebook
    passed, times = zip(*results)
    if save:
        for f, p in zip(files, passed):
            if p: tidy_outputs(f)
    if timing:
        for f, t in sorted(zip(files, times), key=lambda o: -o[1]): print(f"{f.name}: {int(t)} secs")
    failed = [f.name for p, f in zip(passed, files) if not p]
    if failed: sys.exit(f"\nnbdev Tests Failed On The Following Notebooks:\n{'=' * 50}\n\t" + '\n\t'.join(failed))
    print(f"Success ({len(files)} notebooks in {time.time() - t0:.0f} s).")
