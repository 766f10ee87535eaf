"""Memory of a speech encoder's frame features on a long recording: a 2-hour 16-kHz track through `SpeechEncoder`
(chunks of 30 s with 2 s of overlap) against the log-Mel features of the same track, each in a fresh process
(peak RSS is per process). Goal: peak RSS at most 2 GB for the encoder. Prints JSON.

    python benchmarks/speech_features.py [--hours 2] [--encoder hf:FOLDER[@LAYER]] [--fps 25]

Without --encoder it builds the tiny random-weight WavLM of the tests (2 layers, width 32, a vector per 20 ms as
WavLM's); a real WavLM folder measures the real thing (its weights and wider layers add their size).
"""
import argparse, json, resource, subprocess, sys, tempfile, time
from pathlib import Path

def one(kind: str, hours: float, fps: float, encoder: str|None) -> dict:
    "Run in this process: features of a synthetic track of `hours`; time, shape and peak RSS."
    import numpy as np
    from m3t_nb.audio import frame_centers, wave_features
    from m3t_nb.encoders import speech_encoder, tiny_speech_encoder
    n = int(hours * 3600 * 16000)
    rng = np.random.default_rng(0)
    wave = np.empty(n, np.float32)
    for s in range(0, n, 16000 * 600):                     # 10 minutes at a time: noise with a slow loudness swing
        k = min(n, s + 16000 * 600) - s
        wave[s:s + k] = rng.normal(0, 0.1, k).astype(np.float32) * (1 + np.sin(np.arange(s, s + k) / 16000 / 7)).astype(np.float32)
    n_frames = int(hours * 3600 * fps)
    t0 = time.perf_counter()
    if kind == 'logmel': out = wave_features(wave, n_frames, fps)
    else:
        if encoder is None: encoder = f"hf:{tiny_speech_encoder(Path(tempfile.mkdtemp())/'wavlm')}"
        enc = speech_encoder(encoder)
        out = enc.frame_features(wave, frame_centers(n_frames, fps, 16000), 16000 / fps / 2)
    dt = time.perf_counter() - t0
    return dict(what=kind if kind == 'logmel' else f"speech encoder {Path(encoder.split(':', 1)[1]).name}, 30-s chunks, 2-s overlap",
                seconds=round(dt, 1), shape=list(out.shape), finite=bool(np.isfinite(out).all()),
                peak_rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 3))

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--hours', type=float, default=2.); p.add_argument('--fps', type=float, default=25.)
    p.add_argument('--encoder', default=None); p.add_argument('--one', default=None)
    a = p.parse_args()
    if a.one: print(json.dumps(one(a.one, a.hours, a.fps, a.encoder))); return
    res = {}
    for kind in ('logmel', 'speech'):
        cmd = [sys.executable, __file__, '--one', kind, '--hours', str(a.hours), '--fps', str(a.fps)] + (['--encoder', a.encoder] if a.encoder else [])
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode: raise SystemExit(r.stderr[-2000:])
        res[kind] = json.loads(r.stdout.strip().splitlines()[-1])
    waveform_gb = a.hours * 3600 * 16000 * 4 / 2**30
    print(json.dumps(dict(benchmark='speech_features', hours=a.hours, fps=a.fps, waveform_gb=round(waveform_gb, 3),
                          baseline=res['logmel'], encoder=res['speech'], goal_peak_rss_gb=2.0,
                          ok=res['speech']['peak_rss_gb'] <= 2.0), indent=1))

if __name__ == '__main__': main()
