"""Prediction speed on this machine: frames/s of `m3t-predict` with a tiny-preset model, against each video's own frame
rate (real time), on the footage of `benchmarks/preprocess.py`: a demo video at 640x360 and at 1280x720, and the real
film clip `Megamind.avi` when Debian's `opencv-doc` is installed (or clips given with `--clip`).

Three numbers per video: `predict_video` (what `m3t-predict` runs per video: the shipped preprocessing, then the model),
timed after a warm-up, split by stage; the `m3t-predict` command itself, started afresh (Python start-up, imports and
model loading included: what a user waits for one video); and beside it the command's floor, measured in the same run
the same way: a fresh Python process that imports torch and decodes every frame of the video to RGB (what no
prediction can avoid). `cli.floor_ratio` is the command's time over its floor (the goal: 2.0 or less on a 20-s
640x360 clip); `cli.cpu_ratio` is the same in CPU seconds (all threads), steadier on a machine shared with other work. Command and floor alternate `--repeats` times; the fastest of each is kept (the machine may be shared).
Untrained models: speed does not depend on the weights. Prints JSON.

    python benchmarks/predict.py [--presets tiny] [--seconds 8] [--sizes 640x360,1280x720] [--clip PATH] [--no-cli] [--repeats 2]
"""
import argparse, json, os, resource, shutil, subprocess, sys, tempfile, time
from dataclasses import asdict
from pathlib import Path
import torch
from m3t_nb.demo import make_demo_corpus
from m3t_nb.annotations import index_corpus
from m3t_nb.media import video_info
from m3t_nb.models import M3TConfig
from m3t_nb.pipeline import PreprocessConfig
from m3t_nb.model_io import build_model, save_m3t
from m3t_nb.predict import predict_video
sys.path.insert(0, str(Path(__file__).parent))
from preprocess import REAL_CLIPS

def tiny_model(preset: str, folder: Path, device: str):
    "An untrained concat model of `preset` reading the shipped 2D features, and the file `m3t-predict` loads it from."
    pcfg = PreprocessConfig()
    dims = {k: e.dim for k, e in pcfg.make_extractors().items()}
    cfg = M3TConfig.preset(preset, feat_dims=dims, routing={'valence': tuple(dims), 'arousal': tuple(dims)})
    model = build_model('concat', cfg).to(device).eval()
    path = folder/preset
    save_m3t(path, model, 'concat', cfg, preprocess=asdict(pcfg), feat_names=list(dims))
    return model, dict(kind='concat', config=cfg, preprocess=asdict(pcfg)), path

def child_cpu() -> float:
    "CPU seconds (user + system, all threads) of the finished child processes so far."
    r = resource.getrusage(resource.RUSAGE_CHILDREN); return r.ru_utime + r.ru_stime

def time_cli(video: Path, model_path: Path, out: Path, device: str) -> tuple[float, float]:
    "Wall-clock and CPU seconds of `m3t-predict VIDEO --model M --out O` in a fresh process."
    exe = shutil.which('m3t-predict') or str(Path(sys.executable).parent/'m3t-predict')
    t0, c0 = time.perf_counter(), child_cpu()
    r = subprocess.run([exe, str(video), '--model', str(model_path), '--out', str(out), '--format', 'csv', '--device', device], capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode: raise RuntimeError(f"m3t-predict failed on {video}: {r.stderr[-2000:]}")
    return dt, child_cpu() - c0

FLOOR = """
import sys, torch, av
from av.video.reformatter import VideoReformatter
rf = VideoReformatter()                          # the fastest way to RGB: one swscale context for every frame
with av.open(sys.argv[1]) as c:
    s = c.streams.video[0]; s.thread_type = 'AUTO'
    n = sum(1 for f in c.decode(s) if rf.reformat(f, format='rgb24').to_ndarray() is not None)
print(n)
"""

def time_floor(video: Path) -> tuple[float, float]:
    "Wall-clock and CPU seconds of the floor: a fresh Python that imports torch and decodes every frame of `video` to RGB."
    t0, c0 = time.perf_counter(), child_cpu()
    subprocess.run([sys.executable, '-c', FLOOR, str(video)], check=True, capture_output=True)
    return time.perf_counter() - t0, child_cpu() - c0

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--presets', default='tiny'); p.add_argument('--seconds', type=float, default=8)
    p.add_argument('--sizes', default='640x360,1280x720', help='demo frame sizes, WxH,...')
    p.add_argument('--clip', action='append', default=None, help="a real clip (repeatable); default: OpenCV's Megamind.avi if installed")
    p.add_argument('--no-cli', action='store_true', help='skip timing the m3t-predict command in a fresh process')
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--repeats', type=int, default=2, help='command and floor alternate this many times; the fastest of each is kept')
    a = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix='m3t-bench-predict-'))
    try: run(a, work)
    finally: shutil.rmtree(work, ignore_errors=True)

def run(a, work: Path):
    "Make the footage and the models in `work`, measure, print the JSON."
    videos = []
    for size in a.sizes.split(','):
        w, h = (int(x) for x in size.split('x'))
        root = work/f'demo-{size}'
        make_demo_corpus(root, n_videos=2, seconds=a.seconds, seed=11, width=w, height=h, progress=False)
        videos.append((f'demo {size}', next(e.video for e in index_corpus(root).select('VA') if e.side is None)))
    for c in (a.clip if a.clip is not None else [c for c in REAL_CLIPS if Path(c).exists()]):
        videos.append((f'real clip {Path(c).name}', Path(c)))
    rows = []
    for preset in a.presets.split(','):
        model, info, path = tiny_model(preset, work, a.device)
        predict_video(videos[0][1], model, info, device=a.device)              # warm-up: imports, first network calls
        for label, vid in videos:
            inf = video_info(vid)
            tm = {}; t0 = time.perf_counter()
            df = predict_video(vid, model, info, timings=tm, device=a.device)
            dt = time.perf_counter() - t0
            row = dict(preset=preset, footage=label, video=f"{inf.width}x{inf.height} at {inf.fps:.3f} fps, {inf.n_frames} frames",
                       frames=len(df), seconds=round(dt, 2), frames_per_second=round(len(df) / dt, 2),
                       realtime_factor=round(len(df) / dt / inf.fps, 2), face_fraction=round(float(df.face_present.mean()), 4),
                       stage_seconds={k: round(v, 3) for k, v in tm.items()})
            if not a.no_cli:
                clis, floors = [], []
                for _ in range(a.repeats): clis.append(time_cli(vid, path, work/'out', a.device)); floors.append(time_floor(vid))
                (cli, cli_cpu), (floor, floor_cpu) = min(clis), min(floors)
                row['cli'] = dict(seconds=round(cli, 2), frames_per_second=round(len(df) / cli, 2), realtime_factor=round(len(df) / cli / inf.fps, 2),
                                  floor_seconds=round(floor, 2), floor_ratio=round(cli / floor, 2), all_seconds=[round(x, 2) for x, _ in clis],
                                  all_floor_seconds=[round(x, 2) for x, _ in floors],
                                  cpu_seconds=round(min(c for _, c in clis), 2), floor_cpu_seconds=round(min(c for _, c in floors), 2),
                                  cpu_ratio=round(min(c for _, c in clis) / min(c for _, c in floors), 2))
            rows.append(row)
    print(json.dumps(dict(benchmark='predict', what='frames/s of m3t-predict (predict_video after a warm-up; the command in a fresh process)',
                          baseline=dict(what='real time: each video\'s own frame rate', realtime_factor=1.0),
                          floor='a fresh Python importing torch and decoding every frame to RGB (cli.floor_seconds); cli.floor_ratio = command / floor',
                          preprocess=asdict(PreprocessConfig()), device=a.device, threads=torch.get_num_threads(),
                          machine=dict(cpus=os.cpu_count(), load_average=[round(x, 2) for x in os.getloadavg()]),
                          results=rows), indent=1))

if __name__ == '__main__': main()
