"""Write README.md from nbs/index.ipynb without quarto: markdown cells as they are, code cells fenced, hidden cells skipped.

`--demo DIR` first rewrites the demo's results block of nbs/index.ipynb (between the `demo-results` markers) from the
files a `make demo` run left in DIR: run/results.json (the table), evaluate.txt (m3t-evaluate's total) and
seconds.txt (how long the run took), so that what the README says the demo prints is what it printed.
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
