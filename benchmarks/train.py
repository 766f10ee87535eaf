"""Training throughput: the fastai Learner against a plain PyTorch loop on the same model, data, loss, optimizer and
gradient clipping (goal: overhead <= 5 %), and the loader alone against the model's consumption rate (the loader must
never be the bottleneck). On a GPU also mixed precision + channels-last against fp32, peak memory, and MFU: the
model's FLOPs per clip (forward + backward, counted by `torch.utils.flop_counter`) x clips/s / the device's peak bf16
FLOP/s (known cards, or --peak-tflops). Prints JSON.

    python benchmarks/train.py [--preset tiny|paper] [--bs 16] [--windows 24] [--device cpu|cuda] [--peak-tflops T]
"""
import argparse, json, tempfile, time
from functools import partial
from pathlib import Path
import torch
from fastai.callback.core import Callback
from fastai.callback.progress import ProgressCallback
from m3t_nb import make_demo_corpus
from m3t_nb.cache import preprocess_corpus, open_cache
from m3t_nb.models import M3TConfig, VisualNet
from m3t_nb.losses import M3TLoss
from m3t_nb.loaders import m3t_dataloaders
from m3t_nb.stages import stage_learner

PEAK_BF16_TFLOPS = {'H200': 989., 'H100': 989., 'A100': 312., 'L4': 121., 'A10G': 70., 'RTX 4090': 165.}   # dense

def clip_flops(cfg, dev) -> float:
    "FLOPs of one training step (forward + backward) of `VisualNet(cfg)` per clip."
    from torch.utils.flop_counter import FlopCounterMode
    net = VisualNet(cfg).to(dev)
    x = torch.randn(2, cfg.frames, 3, cfg.input_size, cfg.input_size, device=dev)
    f = {k: torch.randn(2, cfg.frames, d, device=dev) for k, d in cfg.feat_dims.items()}
    with FlopCounterMode(display=False) as fc: net(x, f).float().sum().backward()
    return fc.get_total_flops() / 2

class TrainTimer(Callback):
    def before_train(self): self.t0 = time.perf_counter(); self.n = 0
    def after_batch(self):
        if self.training: self.n += self.xb[0].shape[0]
    def after_train(self):
        if torch.cuda.is_available(): torch.cuda.synchronize()
        self.dt = time.perf_counter() - self.t0

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--preset', default='tiny'); p.add_argument('--bs', type=int, default=16)
    p.add_argument('--windows', type=int, default=24); p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--reps', type=int, default=2)
    p.add_argument('--peak-tflops', type=float, default=None, help="the device's dense bf16 peak, if not a known card")
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp())
    make_demo_corpus(tmp/'demo', n_videos=5, seconds=6, seed=1, progress=False)
    preprocess_corpus(tmp/'demo', tmp/'cache', progress=False)
    entries = open_cache(tmp/'cache')
    cfg = M3TConfig.preset(a.preset, feat_dims={'emotion': 256}, routing={'valence': ('emotion',), 'arousal': ('emotion',)})
    dev = torch.device(a.device)
    dls = m3t_dataloaders(entries, 'visual', cfg, bs=a.bs, windows_per_video=a.windows, device=dev)
    # the loader alone
    t0 = time.perf_counter(); n = 0
    for b in dls.train: n += b[0].shape[0]
    loader = n / (time.perf_counter() - t0)
    res = dict(loader_clips_per_s=loader)
    best_fastai, best_plain = 0., 0.
    for _ in range(a.reps):
        torch.manual_seed(0)
        learn = stage_learner(dls, VisualNet(cfg), tmp/'fa', mixed_precision=False)
        learn.remove_cb(ProgressCallback); learn.metrics = []
        tt = TrainTimer(); learn.fit(1, 1e-3, cbs=[tt])
        best_fastai = max(best_fastai, tt.n / tt.dt)
        torch.manual_seed(0)
        model = VisualNet(cfg).to(dev).train(); loss_fn = M3TLoss()
        opt = torch.optim.Adam(model.parameters(), 1e-3, weight_decay=1e-4)
        t0 = time.perf_counter(); n = 0
        for video, feats, y in dls.train:
            loss = loss_fn(model(video, feats), y); loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step(); opt.zero_grad(); n += video.shape[0]
        if dev.type == 'cuda': torch.cuda.synchronize()
        best_plain = max(best_plain, n / (time.perf_counter() - t0))
    res.update(fastai_learner_clips_per_s=best_fastai, plain_loop_clips_per_s=best_plain,
               learner_overhead=1 - best_fastai / best_plain, loader_vs_model=loader / best_fastai)
    if dev.type == 'cuda':
        for name, fp16, cl in (('fp32', False, False), ('amp_channels_last', True, True)):
            learn = stage_learner(dls, VisualNet(cfg), tmp/name, mixed_precision=fp16)
            if cl: learn.model = learn.model.to(memory_format=torch.channels_last_3d) if hasattr(torch, 'channels_last_3d') else learn.model
            learn.remove_cb(ProgressCallback); learn.metrics = []
            tt = TrainTimer(); learn.fit(1, 1e-3, cbs=[tt]); res[f'{name}_clips_per_s'] = tt.n / tt.dt
        res['amp_speedup'] = res['amp_channels_last_clips_per_s'] / res['fp32_clips_per_s']
        res['peak_memory_gib'] = torch.cuda.max_memory_allocated() / 2**30
        flops = clip_flops(cfg, dev)
        peak = (a.peak_tflops or PEAK_BF16_TFLOPS.get(next((k for k in PEAK_BF16_TFLOPS if k in torch.cuda.get_device_name()), ''), 0)) * 1e12
        res.update(device_name=torch.cuda.get_device_name(), flops_per_clip=flops, peak_bf16_flops=peak or None,
                   mfu=flops * res['amp_channels_last_clips_per_s'] / peak if peak else None)
    print(json.dumps(dict(benchmark='train', preset=a.preset, device=str(dev), bs=a.bs, frames=cfg.frames,
                          baseline='plain PyTorch loop, same model/data/loss/optimizer/clipping', goal_overhead=0.05, **res), indent=1))

if __name__ == '__main__': main()
