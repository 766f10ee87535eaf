"""Write README.md from nbs/index.ipynb without quarto: markdown cells as they are, code cells fenced, hidden cells skipped.

`--demo DIR` first rewrites the demo's results block of nbs/index.ipynb (between the `demo-results` markers) from the
files a `make demo` run left in DIR: run/results.json (the table), evaluate.txt (m3t-evaluate's total) and
seconds.txt (how long the run took), so that what the README says the demo prints is what it printed. It then puts the
same run into chapter 07_train: the outputs of its results-table and learning-curve cells (tagged `demo-table` and
`demo-curves`) are copied from the papermill-executed notebook DIR/train.ipynb, and the line between the `demo-run`
markers says which run they come from (preset, corpus, minutes). (Run as a test, those cells show a smoke run's
outputs and say so.)
`--check` only verifies that README.md matches the notebook."""
import json, re, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
nb_path = root/'nbs'/'index.ipynb'
nb = json.loads(nb_path.read_text())
START, END = '<!-- demo-results: written by `make readme` from the last `make demo` run -->', '<!-- /demo-results -->'
NAMES = dict(audio='Audio: GRU', visual='Visual: 3D CNN + 2D feats + MTL', concat='Audio-visual: concat fusion',
             attention='Audio-visual: attention fusion')

def demo_block(d: Path) -> str:
    "The results paragraph, table and claims of a finished `make demo` run in `d`."
    rj = json.loads((d/'run'/'results.json').read_text())
    res, p = {k: v for k, v in rj['results'].items() if k in NAMES}, rj['params']
    best = max(res, key=lambda k: res[k]['ccc'])
    rows = [f"| {NAMES[k]} | {'✗' if k == 'audio' else '✓'} | {'✓' if k != 'visual' else '✗'} | {r['ccc_v']:.3f} | {r['ccc_a']:.3f} | "
            + (f"**{r['ccc']:.3f}**" if k == best else f"{r['ccc']:.3f}") + " |" for k, r in res.items()]
    secs = int(float((d/'seconds.txt').read_text())) if (d/'seconds.txt').exists() else None
    sel = rj.get('selection', {}).get('method', p.get('selection'))
    head = (f"What `make demo` printed on the last run ({f'{secs // 60} minutes on a 2-core CPU; ' if secs else ''}tiny preset, demo corpus of "
            f"{p['demo_videos']} videos of {float(p['demo_seconds']):.0f} s, model selection: {'the last epoch' if sel == 'last' else sel}; CCC on the "
            f"held-out validation videos, whose people never appear in training):")
    claims = []
    single = {k: res[k]['ccc'] for k in ('audio', 'visual') if k in res}
    for k in ('concat', 'attention'):
        if k not in res: continue
        beats = [m for m, v in single.items() if res[k]['ccc'] > v]
        lost = [m for m in single if m not in beats]
        claims.append(f"{NAMES[k].split(': ')[1].capitalize()} ({res[k]['ccc']:.3f}) " +
                      ("beats each modality alone." if not lost else f"does not beat the {' and '.join(lost)} model{'s' if len(lost) > 1 else ''} alone here."))
    ev = (d/'evaluate.txt').read_text() if (d/'evaluate.txt').exists() else ''
    m = re.search(r"CCC valence ([\d.-]+), arousal ([\d.-]+), mean ([\d.-]+)", ev)
    tail = (f" `m3t-evaluate` on `m3t-predict`'s output of the best fusion model for the same videos gives "
            f"{m.group(1)} / {m.group(2)} / {m.group(3)} (valence / arousal / mean).") if m else ''
    table = "| method | V | A | CCC valence | CCC arousal | mean |\n|---|---|---|---|---|---|\n" + "\n".join(rows)
    return f"{START}\n{head}\n\n{table}\n\n{NAMES[best].split(': ')[1].capitalize()} is best. {' '.join(claims)}{tail}\n{END}"

TRAIN_NB = root/'nbs'/'07_train.ipynb'
RUN_START, RUN_END = '<!-- demo-run: written by `tools/make_readme.py --demo DIR` from the last `make demo` run -->', '<!-- /demo-run -->'
DEMO_TAGS = ('demo-table', 'demo-curves')

def run_line(d: Path) -> str:
    "The sentence of chapter 07_train that says which `make demo` run its committed results come from."
    p = json.loads((d/'run'/'results.json').read_text())['params']
    secs = int(float((d/'seconds.txt').read_text())) if (d/'seconds.txt').exists() else None
    corpus = (f"the demo corpus of {p['demo_videos']} videos of {float(p['demo_seconds']):.0f} s" if p['data_root'] == 'demo'
              else f"the corpus {Path(p['data_root']).name}")
    took = f", {secs // 60} minutes for the whole `make demo` on a 2-core CPU" if secs else ''
    return (f"{RUN_START}\nAs committed, the table and the learning curves below are those of the last `make demo` run ({p['preset']} preset, "
            f"{corpus}{took}), copied from it by `tools/make_readme.py --demo DIR`. Run as the chapter's test, these cells show a smoke "
            f"run's and say so.\n{RUN_END}")

def clean_outputs(outputs: list) -> list:
    "Outputs as nbdev-clean leaves them: no execution counts, no output metadata."
    return [{**o, **({'execution_count': None} if 'execution_count' in o else {}), **({'metadata': {}} if 'metadata' in o else {})} for o in outputs]

def put_demo_run(d: Path):
    "Chapter 07_train's results-table and learning-curve outputs, and the line naming the run, from the `make demo` run in `d`."
    ran = json.loads((d/'train.ipynb').read_text())
    got = {t: c['outputs'] for c in ran['cells'] for t in c.get('metadata', {}).get('tags', []) if t in DEMO_TAGS}
    if set(got) != set(DEMO_TAGS): sys.exit(f"{d}/train.ipynb: no cells tagged {sorted(set(DEMO_TAGS) - set(got))} (a run of an older 07_train? run `make demo` again)")
    nb7 = json.loads(TRAIN_NB.read_text())
    done = set()
    for c in nb7['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown' and RUN_START in src:
            a, b = src.index(RUN_START), src.index(RUN_END) + len(RUN_END)
            c['source'] = (src[:a] + run_line(d) + src[b:]).splitlines(keepends=True); done.add('line')
        for t in c.get('metadata', {}).get('tags', []):
            if t in DEMO_TAGS: c['outputs'] = clean_outputs(got[t]); done.add(t)
    if done != {'line', *DEMO_TAGS}: sys.exit(f"{TRAIN_NB}: missing {sorted({'line', *DEMO_TAGS} - done)} (the demo-run markers or the tagged cells)")
    TRAIN_NB.write_text(json.dumps(nb7, indent=1, ensure_ascii=False) + '\n'); print("put the demo run's results into", TRAIN_NB)

if '--demo' in sys.argv:
    d = Path(sys.argv[sys.argv.index('--demo') + 1])
    if not (d/'run'/'results.json').exists(): sys.exit(f"{d}/run/results.json: no finished `make demo` run there (run `make demo` first)")
    for c in nb['cells']:
        s = ''.join(c['source'])
        if START in s:
            a, b = s.index(START), s.index(END) + len(END)
            c['source'] = (s[:a] + demo_block(d) + s[b:]).splitlines(keepends=True)
            break
    else: sys.exit(f"{nb_path}: no demo-results block to rewrite")
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n'); print("rewrote the demo results in", nb_path)
    put_demo_run(d)

parts = []
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src: continue
    if c['cell_type'] == 'markdown': parts.append(src)
    elif c['cell_type'] == 'code' and not re.search(r'^#\|\s*hide', src, re.M):
        parts.append('```python\n' + '\n'.join(l for l in src.splitlines() if not l.startswith('#|')) + '\n```')
text = '\n\n'.join(parts) + '\n'
out = root/'README.md'
if '--check' in sys.argv:
    if not out.exists() or out.read_text() != text:
        sys.exit("README.md is out of date with nbs/index.ipynb: run `make readme` and commit it")
    print("README.md in sync with nbs/index.ipynb")
else:
    out.write_text(text); print("wrote", out)
