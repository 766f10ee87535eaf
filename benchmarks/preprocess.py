"""Frames/s of the whole video path (decode, detect, track, align) on this machine: the fast path against the naive one.

naive: full-resolution MTCNN detection on every frame; fast: detection on frames downscaled to --max-side on every
--every-th frame, tracking/interpolation between (the defaults of `PreprocessConfig`). Both are measured in the same run
on the same demo videos (640x480, so that downscaling matters), with the face-found rate on frames where the face is
fully shown / not shown at all, from the demo corpus's ground truth. Prints JSON.

    python benchmarks/preprocess.py [--videos 2] [--seconds 8] [--every 2] [--max-side 320]
"""
import argparse, json, tempfile, time
from pathlib import Path
import numpy as np
from m3t_nb import make_demo_corpus, index_corpus
from m3t_nb import MTCNNDetector, face_track, aligned_faces, CropStore, aligned_from_crops

def run(entries, meta, detector, every, max_side, one_pass=False):
    "Track and align every entry: two decoding passes (track, then align on whole frames) or one (crops kept while tracking)."
    frames, t0, hit, n_shown, false, n_none = 0, time.perf_counter(), 0, 0, 0, 0
    for e in entries:
        if one_pass:
            with tempfile.TemporaryDirectory() as d:
                crops = CropStore(d)
                tr = face_track(e.video, detector, e.side, every=every, max_side=max_side, crops=crops); crops.close()
                for _ in aligned_from_crops(tr, crops): frames += 1
                crops.remove()
        else:
            tr = face_track(e.video, detector, e.side, every=every, max_side=max_side)
            for _ in aligned_faces(e.video, tr): frames += 1
        shown = np.array(meta[e.video_name]['face_shown'][0 if e.side in (None, 'left') else 1])
        hit += tr.present[shown > 0.99].sum(); n_shown += (shown > 0.99).sum()
        false += tr.present[shown < 0.01].sum(); n_none += (shown < 0.01).sum()
    dt = time.perf_counter() - t0
    return dict(frames=frames, seconds=dt, frames_per_second=frames / dt, face_found_when_shown=hit / max(n_shown, 1),
                face_found_when_absent=false / max(n_none, 1))

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--videos', type=int, default=3); p.add_argument('--seconds', type=float, default=8)
    p.add_argument('--every', type=int, default=2); p.add_argument('--max-side', type=int, default=320)
    a = p.parse_args()
    root = Path(tempfile.mkdtemp())/'demo'
    make_demo_corpus(root, n_videos=a.videos, seconds=a.seconds, seed=11, width=640, height=480, progress=False)
    meta = {v['name']: v for v in json.loads((root/'demo_meta.json').read_text())['videos']}
    entries = [e for e in index_corpus(root).select('VA') if e.side is None]
    naive = run(entries, meta, MTCNNDetector(), every=1, max_side=None)
    fast = run(entries, meta, MTCNNDetector(max_side=a.max_side), every=a.every, max_side=None)
    one = run(entries, meta, MTCNNDetector(max_side=a.max_side), every=a.every, max_side=None, one_pass=True)
    print(json.dumps(dict(benchmark='preprocess', video_size='640x480', videos=len(entries),
                          baseline=dict(what='naive: full-resolution MTCNN on every frame', **naive),
                          fast=dict(what=f'detect at max side {a.max_side} every {a.every} frames, interpolate along tracks', **fast),
                          one_pass=dict(what='the same detection, faces aligned from crops kept in one decoding pass (the pipeline)', **one),
                          speedup=fast['frames_per_second'] / naive['frames_per_second'],
                          one_pass_speedup=one['frames_per_second'] / naive['frames_per_second'], goal_speedup=3.0), indent=1))

if __name__ == '__main__': main()
