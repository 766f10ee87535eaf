"""End-to-end prediction speed on this machine: frames/s of `predict_video` for the tiny and paper presets, split by
stage (decode, detect+align, audio, 2D features, model), against the video's own frame rate (real time). Untrained
models: speed does not depend on the weights. Prints JSON.

    python benchmarks/predict.py [--presets tiny,paper] [--seconds 6]
"""
import argparse, json, tempfile, time
from pathlib import Path
import torch
from m3t_nb import make_demo_corpus, index_corpus, video_info
from m3t_nb.models import M3TConfig
from m3t_nb.cache import PreprocessConfig
from m3t_nb.model_io import build_model
from m3t_nb.predict import predict_video
from dataclasses import asdict

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--presets', default='tiny,paper'); p.add_argument('--seconds', type=float, default=6)
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    a = p.parse_args()
    root = Path(tempfile.mkdtemp())/'demo'
    make_demo_corpus(root, n_videos=2, seconds=a.seconds, seed=2, progress=False)
    vid = next(e.video for e in index_corpus(root).select('VA') if e.side is None)
    inf = video_info(vid)
    rows = []
    for preset in a.presets.split(','):
        cfg = M3TConfig.preset(preset, feat_dims={'emotion': 256}, routing={'valence': ('emotion',), 'arousal': ('emotion',)})
        model = build_model('concat', cfg).to(a.device).eval()
        info = dict(kind='concat', config=cfg, preprocess=asdict(PreprocessConfig()))
        tm = {}; t0 = time.perf_counter()
        df = predict_video(vid, model, info, timings=tm, device=a.device)
        dt = time.perf_counter() - t0
        rows.append(dict(preset=preset, frames=len(df), seconds=dt, frames_per_second=len(df) / dt,
                         realtime_factor=len(df) / dt / inf.fps,
                         stage_seconds={k: round(v, 3) for k, v in tm.items()},
                         stage_frames_per_second={k: len(df) / v for k, v in tm.items() if v > 0}))
    print(json.dumps(dict(benchmark='predict', video=f"{inf.width}x{inf.height} at {inf.fps:.2f} fps, {inf.n_frames} frames",
                          baseline=dict(what='real time: the video frame rate', frames_per_second=inf.fps),
                          device=a.device, threads=torch.get_num_threads(), results=rows), indent=1))

if __name__ == '__main__': main()
