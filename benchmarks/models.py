"""Forward+backward seconds and FLOPs per clip of the M3T models, tiny and paper presets, printed as JSON.

Baseline measured in the same run: a dense float32 matmul on the same device, so that each model's achieved FLOP/s
is reported as a fraction of what this machine's matmul reaches (its `efficiency`).

    python benchmarks/models.py [--device cpu|cuda] [--presets tiny,paper] [--batch 2] [--reps 3]
"""
import argparse, json, time, platform
import torch
from torch.utils.flop_counter import FlopCounterMode
from m3t_nb.models import M3TConfig, VisualNet, AudioNet
from m3t_nb.fusion import ConcatFusion

def sync(dev):
    if dev.type == 'cuda': torch.cuda.synchronize()

def timed(fn, dev, reps):
    fn(); sync(dev)                       # warm-up
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); sync(dev); ts.append(time.perf_counter() - t0)
    return min(ts)

def matmul_flops(dev, n=2048, reps=5):
    a, b = torch.randn(n, n, device=dev), torch.randn(n, n, device=dev)
    t = timed(lambda: a @ b, dev, reps)
    return 2 * n**3 / t

def bench_model(name, model, inputs, dev, reps, batch):
    model.to(dev).train()
    def step():
        model.zero_grad(set_to_none=True)
        model(*inputs).float().pow(2).mean().backward()
    with FlopCounterMode(display=False) as fc:
        step()
    flops = fc.get_total_flops()
    t = timed(step, dev, reps)
    return dict(model=name, batch=batch, frames=inputs[0].shape[1], seconds_per_clip=t / batch,
                gflops_per_clip=flops / batch / 1e9, achieved_gflops=flops / t / 1e9)

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--presets', default='tiny,paper'); p.add_argument('--batch', type=int, default=2)
    p.add_argument('--reps', type=int, default=2)
    a = p.parse_args()
    dev = torch.device(a.device)
    base = matmul_flops(dev)
    rows = []
    for preset in a.presets.split(','):
        cfg = M3TConfig.preset(preset)
        B, T, S = a.batch, cfg.frames, cfg.input_size
        clip = torch.randn(B, T, 3, S, S, device=dev)
        feats = {k: torch.randn(B, T, d, device=dev) for k, d in cfg.feat_dims.items()}
        aud = torch.randn(B, T, cfg.audio_dim, device=dev)
        v, au = VisualNet(cfg), AudioNet(cfg)
        for name, m, inp in [('VisualNet', v, (clip, feats)), ('AudioNet', au, (aud,)),
                             ('ConcatFusion', ConcatFusion(v, au), (clip, feats, aud))]:
            r = bench_model(name, m, inp, dev, a.reps, B)
            r.update(preset=preset, efficiency_vs_matmul=r['achieved_gflops'] * 1e9 / base)
            rows.append(r)
    print(json.dumps(dict(benchmark='models', device=str(dev), torch=torch.__version__, threads=torch.get_num_threads(),
                          machine=platform.processor() or platform.machine(),
                          baseline=dict(what='dense fp32 matmul 2048^3', gflops=base / 1e9), results=rows), indent=1))

if __name__ == '__main__': main()
