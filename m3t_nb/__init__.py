"""M3T (ABAW 2020): multi-modal multi-task valence-arousal estimation from in-the-wild video and audio, as literate nbdev notebooks

Modules:

- `m3t_nb.cache`: One memory-mappable entry per annotated person: aligned faces, presence, audio features, 2D static features and labels, written atomically and resumable.
- `m3t_nb.loaders`: Random 32-frame windows for training, every frame once for evaluation, crops and flips on the batch (paper, Sec. III-A "Data augmentation" and Sec. III-B).
- `m3t_nb.models`: A two-branch 3D VGG-like CNN with 2D static features and bidirectional GRUs for the face, a bidirectional GRU with an MLP for the voice (paper, Sec. II-A and II-B).
- `m3t_nb.train`: Single-modality models, fusion with frozen encoders, end-to-end fine-tuning (paper, Sec. III-B); and the experiment notebook users run with papermill."""

__version__ = "0.1.0"
