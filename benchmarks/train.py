"""Training throughput: the fastai Learner against a plain PyTorch loop on the same model, data, loss, optimizer and
gradient clipping (goal: overhead <= 5 %), and the loader alone against the model's consumption rate (the loader must
never be the bottleneck). On a GPU also mixed precision + channels-last against fp32. Prints JSON.

    python benchmarks/train.py [--preset tiny] [--bs 16] [--windows 24] [--device cpu|cuda]
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
from m3t_nb.train import stage_learner

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
    print(json.dumps(dict(benchmark='train', preset=a.preset, device=str(dev), bs=a.bs, frames=cfg.frames,
                          baseline='plain PyTorch loop, same model/data/loss/optimizer/clipping', goal_overhead=0.05, **res), indent=1))

if __name__ == '__main__': main()
