"""Write README.md from nbs/index.ipynb without quarto: markdown cells as they are, code cells fenced, hidden cells skipped."""
import json, re, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
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
