"""Random 32-frame window reads from the M3T cache against the same windows read from per-frame JPEG folders
(the `cropped_aligned/NAME/00001.jpg` layout Aff-Wild2 ships). Both measured in the same run, warm page cache. Prints JSON.

    python benchmarks/cache_read.py [--windows 300] [--frames 32]
"""
import argparse, json, tempfile, time
from pathlib import Path
import numpy as np, cv2
from m3t_nb import make_demo_corpus
from m3t_nb.cache import preprocess_corpus, open_cache

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--windows', type=int, default=300); p.add_argument('--frames', type=int, default=32)
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp())
    make_demo_corpus(tmp/'demo', n_videos=3, seconds=12, seed=3, progress=False)
    preprocess_corpus(tmp/'demo', tmp/'cache', progress=False)
    entries = open_cache(tmp/'cache')
    for e in entries:                                  # the organisers' layout: one JPEG per frame with a face
        d = tmp/'cropped_aligned'/e.name; d.mkdir(parents=True)
        for i in np.where(e.present)[0]: cv2.imwrite(str(d/f"{i+1:05d}.jpg"), cv2.cvtColor(np.asarray(e.faces[i]), cv2.COLOR_RGB2BGR))
    rng = np.random.default_rng(0)
    picks = [(entries[k], int(rng.integers(0, entries[k].n_frames - a.frames))) for k in rng.integers(0, len(entries), a.windows)]
    def read_cache():
        for e, s in picks: np.ascontiguousarray(e.window(s, a.frames)['faces'])
    def read_jpeg():
        for e, s in picks:
            d = tmp/'cropped_aligned'/e.name
            out = np.zeros((a.frames, 128, 128, 3), np.uint8)
            for j in range(a.frames):
                f = d/f"{s+j+1:05d}.jpg"
                if f.exists(): out[j] = cv2.cvtColor(cv2.imread(str(f)), cv2.COLOR_BGR2RGB)
    res = {}
    for name, fn in (('cache', read_cache), ('jpeg', read_jpeg)):
        fn()                                          # warm-up: page cache for both
        t0 = time.perf_counter(); fn(); dt = time.perf_counter() - t0
        res[name] = dict(windows_per_second=a.windows / dt, seconds=dt)
    print(json.dumps(dict(benchmark='cache_read', windows=a.windows, frames_per_window=a.frames,
                          baseline=dict(what='per-frame JPEG folders (cropped_aligned layout), cv2.imread', **res['jpeg']),
                          cache=dict(what='memory-mapped .npy window slice', **res['cache']),
                          speedup=res['cache']['windows_per_second'] / res['jpeg']['windows_per_second'], goal_speedup=20.0), indent=1))

if __name__ == '__main__': main()
