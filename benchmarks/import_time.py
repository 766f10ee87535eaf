"""How long `import m3t_nb.predict` takes, beside `import torch` alone, each in a fresh Python process, run
`--repeats` times each and keeping the fastest of each (the machine may be shared). The goal: `import m3t_nb.predict`
within 0.5 s of `import torch` (it imports neither torch nor pandas at module level: m3t-predict starts its face pass
before torch is loaded). Also lists which heavy modules the import pulls in. Prints JSON.

    python benchmarks/import_time.py [--repeats 5]
"""
import argparse, json, subprocess, sys, time

HEAVY = ('torch', 'pandas', 'fastai', 'accelerate', 'cv2', 'av', 'librosa', 'transformers', 'timm', 'plotly', 'matplotlib')

def timed(stmt: str) -> float:
    "Seconds a fresh interpreter takes to run `stmt` (start-up included)."
    t0 = time.perf_counter(); subprocess.run([sys.executable, '-c', stmt], check=True); return time.perf_counter() - t0

def main(repeats: int = 5) -> dict:
    stmts = {'python': 'pass', 'torch': 'import torch', 'm3t_nb.predict': 'import m3t_nb.predict'}
    best = {k: min(timed(s) for _ in range(repeats)) for k, s in stmts.items()}
    loaded = subprocess.run([sys.executable, '-c', f"import sys, m3t_nb.predict; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    return dict(seconds={k: round(v, 3) for k, v in best.items()},
                predict_minus_torch_s=round(best['m3t_nb.predict'] - best['torch'], 3),
                goal='m3t_nb.predict - torch <= 0.5 s', met=best['m3t_nb.predict'] - best['torch'] <= 0.5,
                heavy_modules_loaded_by_predict=loaded.split(',') if loaded else [],
                python=sys.version.split()[0])

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0]); ap.add_argument('--repeats', type=int, default=5)
    print(json.dumps(main(ap.parse_args().repeats), indent=1))
