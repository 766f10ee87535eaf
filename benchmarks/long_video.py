"""Long videos in bounded memory: `m3t-predict --format csv` on a 20-s clip and on the same clip looped to an hour (or
`--minutes`), in the same run, with a tiny untrained model (speed and memory do not depend on the weights).

For each: frames per second (wall clock, the command started afresh), peak memory (the resident set of the command
and every process it starts, summed, sampled every 0.2 s), peak temporary disk (everything under a fresh TMPDIR the
command is given), and the rows written (one per frame). The clip is the real film clip `Megamind.avi` when Debian's
`opencv-doc` is installed (or `--clip PATH`), else a 20-s 640x360 demo video; it is looped by copying its packets (no
re-encoding), sound included. Prints JSON; `long.fps_ratio` is the long video's frames per second over the clip's
(the goal: 1.0 or more), `long.peak_rss_mb` the goal 1000 or less, `long.peak_tmp_mb` 200 or less.

    python benchmarks/long_video.py [--minutes 60] [--clip PATH] [--people all]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from dataclasses import asdict
from pathlib import Path
import av
from m3t_nb.demo import DemoVideoSpec, render_demo_video, demo_identity
from m3t_nb.models import M3TConfig
from m3t_nb.pipeline import PreprocessConfig
from m3t_nb.model_io import build_model, save_m3t

REAL_CLIP = Path('/usr/share/doc/opencv-doc/examples/data/Megamind.avi')

def demo_clip(path: Path) -> Path:
    "A 20-s 640x360 24-fps demo video with sound."
    render_demo_video(DemoVideoSpec('clip', 'train', 24., 20., (0,), seed=5, width=640, height=360), path, {0: demo_identity(0)})
    return path

def loop_clip(src: Path, dst: Path, minutes: float) -> int:
    "Write `src` repeated until `minutes` long into `dst` (Matroska), copying packets; the number of video frames."
    with av.open(str(src)) as c, av.open(str(dst), 'w', format='matroska') as o:
        dur = float(c.duration / av.time_base)
        streams = c.streams.video[:1] + c.streams.audio[:1]
        outs = {s.index: o.add_stream_from_template(s) for s in streams}
        pkts = [(p.stream.index, bytes(p), p.pts, p.dts, p.time_base, p.is_keyframe, p.stream.type == 'video')
                for p in c.demux(streams) if p.dts is not None]
        reps, n = max(1, int(round(minutes * 60 / dur))), 0
        for r in range(reps):
            for si, data, pts, dts, tb, key, vid in pkts:
                off = int(round(r * dur / tb))
                q = av.Packet(data); q.pts, q.dts, q.time_base, q.is_keyframe = pts + off, dts + off, tb, key
                q.stream = outs[si]; o.mux(q); n += vid
    return n

def tree_rss(pid: int) -> int:
    "Resident bytes of process `pid` and all its descendants."
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(open(f'/proc/{p}/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
            for t in os.listdir(f'/proc/{p}/task'):
                todo += [int(x) for x in open(f'/proc/{p}/task/{t}/children').read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError): pass
    return total

def disk(d: Path) -> int:
    "Bytes of the files under `d`."
    n = 0
    for root, _, files in os.walk(d):
        for f in files:
            try: n += os.lstat(os.path.join(root, f)).st_size
            except FileNotFoundError: pass
    return n

def measure(video: Path, model: Path, work: Path, extra: list) -> dict:
    "Run m3t-predict on `video`: seconds, frames/s, peak memory and temporary disk, rows."
    tmp, out = work/'tmp', work/'out'; shutil.rmtree(tmp, ignore_errors=True); shutil.rmtree(out, ignore_errors=True); tmp.mkdir()
    exe = shutil.which('m3t-predict') or str(Path(sys.executable).parent/'m3t-predict')
    env = dict(os.environ, TMPDIR=str(tmp))
    t0 = time.perf_counter()
    p = subprocess.Popen([exe, str(video), '--model', str(model), '--out', str(out), '--format', 'csv', '--quiet', *extra], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = dsk = 0
    while p.poll() is None:
        rss, dsk = max(rss, tree_rss(p.pid)), max(dsk, disk(tmp)); time.sleep(0.2)
    dt = time.perf_counter() - t0
    if p.returncode: raise RuntimeError(f"m3t-predict failed: {p.stderr.read()[-2000:]}")
    rows = sum(1 for _ in open(next(out.glob('*.csv')))) - 1
    return dict(seconds=round(dt, 1), rows=rows, fps=round(rows / dt, 1), peak_rss_mb=round(rss / 2**20), peak_tmp_mb=round(dsk / 2**20, 1))

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--minutes', type=float, default=60.); ap.add_argument('--clip'); ap.add_argument('--people')
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix='m3t-long-'))
    try:
        clip = Path(a.clip) if a.clip else REAL_CLIP if REAL_CLIP.exists() else demo_clip(work/'clip.mp4')
        pcfg = PreprocessConfig(); dims = {k: e.dim for k, e in pcfg.make_extractors().items()}
        cfg = M3TConfig.preset('tiny', feat_dims=dims, routing={'valence': tuple(dims), 'arousal': tuple(dims)})
        save_m3t(work/'model', build_model('concat', cfg), 'concat', cfg, preprocess=asdict(pcfg), feat_names=list(dims))
        frames = loop_clip(clip, work/'long.mkv', a.minutes)
        extra = ['--people', a.people] if a.people else []
        short = measure(clip, work/'model', work, extra)
        long = measure(work/'long.mkv', work/'model', work, extra)
        long.update(frames=frames, fps_ratio=round(long['fps'] / short['fps'], 2), rows_ok=long['rows'] == frames if not a.people else long['rows'] % frames == 0)   # with --people: a row per frame and person
        print(json.dumps(dict(benchmark='long_video', clip=clip.name, minutes=a.minutes, people=a.people, short=short, long=long,
                              goals=dict(fps_ratio='>= 1.0', peak_rss_mb='<= 1000', peak_tmp_mb='<= 200')), indent=1))
    finally: shutil.rmtree(work, ignore_errors=True)

if __name__ == '__main__': main()
