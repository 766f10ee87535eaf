"""What the paper's network costs: GFLOP, activation memory, parameters and seconds per clip, before and after the
authors' V2P trunk geometry, beside the authors' own figures. Prints JSON.

"after"  = the `paper` preset (the authors' trunk: conv1 stride (1,2,2), no spatial padding, a 1×1 map at 112²),
"before" = the same widths with the trunk m3t_nb had before (stride 1, padding 1 everywhere: a 14×14 map at the end).
The authors' numbers are computed here from their layer list (their `models/backbone.py` with the defaults of their
`train.py`: convolutions with bias and BatchNorm, `GRU(1024, 512, 2, bidirectional)` per branch, FC 1024→512→out),
independently of m3t_nb's modules. A paper clip: 2 clips × 32 frames × 112², 512-d emotion (SENet) features on both
branches, the paper's best row.

FLOPs and saved activations are counted on PyTorch's `meta` device (shapes only: exact, instant, no memory), so batch
64 is measured as it is; seconds are measured for real on `--device` at `--batch` clips (min of `--reps`).
On CUDA, channels-last-3d and `cudnn.benchmark` are compared too (options, not defaults, until measured).

    python benchmarks/models.py [--device cpu|cuda] [--batch 2] [--reps 2] [--no-time]
"""
import argparse, json, time, platform, contextlib
import torch
from torch.utils.flop_counter import FlopCounterMode
from m3t_nb.models import M3TConfig, VisualNet, AudioNet, count_params
from m3t_nb.fusion import ConcatFusion

GIB = 2**30
AUTHORS = dict(forward_gflop_2clips=43.5, saved_activations_gib_b64_fp32=11.9, visual_params=42_305_417)

def authors_params() -> dict:
    "Parameters per part of the authors' visual network, from its layer list (conv with bias + BatchNorm affine)."
    conv = lambda i, o: 27 * i * o + o + 2 * o
    gru = lambda i, h: sum(2 * 3 * ((i if l == 0 else 2 * h) * h + h * h + 2 * h) for l in range(2))
    fc = lambda o: 1024 * 512 + 512 + 512 * o + o
    d = dict(shared=conv(3, 64) + conv(64, 128) + conv(128, 256), branches=2 * (conv(256, 512) + conv(512, 512)),
             grus=2 * gru(1024, 512), heads=fc(1 + 7) + fc(1))
    return {**d, 'total': sum(d.values())}

def ours_params(v: VisualNet) -> dict:
    d = dict(shared=count_params(v.backbone.shared), branches=count_params(v.backbone.valence) + count_params(v.backbone.arousal),
             grus=count_params(v.gru_v) + count_params(v.gru_a),
             heads=sum(count_params(m) for m in (v.head_v, v.head_a, v.head_expr) if m is not None))
    return {**d, 'total': count_params(v)}

def configs() -> dict:
    paper = dict(feat_dims={'emotion': 512})       # the authors' 512-d emotion features, on both branches (the default routing)
    after = M3TConfig.preset('paper', **paper)
    before = M3TConfig.preset('paper', conv1_stride=1, spatial_padding=1, expr_head='both', **paper)
    return dict(after=after, before=before)

def inputs(cfg, B, dev, dtype=torch.float32):
    T, S = cfg.frames, cfg.input_size
    return (torch.randn(B, T, 3, S, S, device=dev, dtype=dtype), {'emotion': torch.randn(B, T, 512, device=dev, dtype=dtype)})

def meta_counts(cfg, B: int, dtype=torch.float32) -> dict:
    "Forward and forward+backward FLOPs and bytes of tensors saved for backward, on the meta device."
    v = VisualNet(cfg).to('meta', dtype).train()
    x = inputs(cfg, B, 'meta', dtype)
    with FlopCounterMode(display=False) as fc: out = v(*x)
    fwd = fc.get_total_flops()
    seen = {}
    def pack(t):
        seen[id(t)] = t.numel() * t.element_size(); return t
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t): out = v(*x)
    with FlopCounterMode(display=False) as fc: out.float().pow(2).mean().backward()
    return dict(forward_gflop=fwd / 1e9, forward_backward_gflop=(fwd + fc.get_total_flops()) / 1e9,
                saved_activations_gib=sum(seen.values()) / GIB)

def seconds_per_clip(cfg, dev, B, reps, channels_last=False) -> float:
    v = VisualNet(cfg).to(dev).train()
    x = inputs(cfg, B, dev)
    if channels_last: v = v.to(memory_format=torch.channels_last_3d)
    def step():
        v.zero_grad(set_to_none=True); v(*x).float().pow(2).mean().backward()
        if dev.type == 'cuda': torch.cuda.synchronize()
    step(); ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); step(); ts.append(time.perf_counter() - t0)
    return min(ts) / B

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--batch', type=int, default=2); p.add_argument('--reps', type=int, default=2)
    p.add_argument('--no-time', action='store_true', help='counts only (no real forward/backward)')
    a = p.parse_args()
    dev, res = torch.device(a.device), {}
    for name, cfg in configs().items():
        two = meta_counts(cfg, 2)
        r = dict(forward_gflop_2clips=two['forward_gflop'], forward_backward_gflop_2clips=two['forward_backward_gflop'],
                 saved_activations_gib_b64_fp32=meta_counts(cfg, 64)['saved_activations_gib'],
                 saved_activations_gib_b64_bf16=meta_counts(cfg, 64, torch.bfloat16)['saved_activations_gib'],
                 params=ours_params(VisualNet(cfg)))
        if not a.no_time: r['seconds_per_clip_fwd_bwd'] = seconds_per_clip(cfg, dev, a.batch, a.reps)
        res[name] = r
    if dev.type == 'cuda' and not a.no_time:
        cfg = configs()['after']; cmp = {}
        for cl in (False, True):
            for bench in (False, True):
                torch.backends.cudnn.benchmark = bench
                cmp[f"channels_last={cl},cudnn_benchmark={bench}"] = seconds_per_clip(cfg, dev, max(a.batch, 16), a.reps, cl)
        torch.backends.cudnn.benchmark = False
        res['cuda_options_seconds_per_clip'] = cmp
        res['card'] = torch.cuda.get_device_name()
    aft, bef = res['after'], res['before']
    summary = dict(compute_ratio_before_after=bef['forward_gflop_2clips'] / aft['forward_gflop_2clips'],
                   forward_vs_authors=aft['forward_gflop_2clips'] / AUTHORS['forward_gflop_2clips'],
                   activations_vs_authors=aft['saved_activations_gib_b64_fp32'] / AUTHORS['saved_activations_gib_b64_fp32'],
                   params_vs_authors=aft['params']['total'] / AUTHORS['visual_params'])
    if 'seconds_per_clip_fwd_bwd' in aft: summary['speedup_seconds'] = bef['seconds_per_clip_fwd_bwd'] / aft['seconds_per_clip_fwd_bwd']
    print(json.dumps(dict(benchmark='models', device=str(dev), torch=torch.__version__, threads=torch.get_num_threads(),
                          machine=platform.processor() or platform.machine(), batch_timed=a.batch,
                          authors=dict(AUTHORS, params=authors_params()), results=res, summary=summary), indent=1))

if __name__ == '__main__': main()
