#!/usr/bin/env python3
"""Trains the tempo model (issue 18): which metrical reading of the rule-based estimate is the beat.

Input: the CSV of bench/tempo-features.sh (audio-dsp's TempoLevels features of every excerpt,
the pipeline's own code). Each excerpt has 8 readings (x1/4, x1/3, x1/2, x2/3, x1, x3/2, x2, x3 of
the rule-based tempo), each F features. The model scores each reading with the same small network (F -> H tanh
-> 1) and takes the softmax over the eight; the label is the reading within 4 % of the MIDI tempo
(excerpts where none is are left out of training: no octave choice can fix them).

Only split == "train" is used; its songs are split again (by song, fixed seed) into fit and
validation, and validation picks the L2 weight. The held-out "test" split is never read here
except by --report, which only prints figures.

Deterministic: fixed seeds, full-batch Adam in float64; --check retrains and compares with the
committed weights (max |difference| <= 1e-6).

Usage:
  train.py FEATURES_CSV [--out activities/src/main/resources/.../tempo-octave-v1.onnx]
  train.py FEATURES_CSV --check           # retrain, compare with the committed model
  train.py FEATURES_CSV --report          # Accuracy1/2 of rules and model on the test split
  train.py FEATURES_CSV --vectors N PATH  # N test-split rows with numpy's probabilities (CI test)
"""
import argparse
import csv
import os
import sys

import numpy as np

RATIOS = [0.25, 1.0 / 3, 0.5, 2.0 / 3, 1.0, 1.5, 2.0, 3.0]
LEVELS = len(RATIOS)
HIDDEN = 16
STEPS = 3000
LEARNING_RATE = 0.01
SEED = 18
L2_CHOICES = [1e-4, 1e-3, 1e-2]
MODEL = os.path.join(
    os.path.dirname(__file__),
    "../../activities/src/main/resources/com/audiostems/activities/analysis/tempo/tempo-octave-v1.onnx",
)


def load(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    names = [k for k in rows[0] if k.startswith("L0_")]
    features = np.array(
        [[[float(r[f"L{l}_{n[3:]}"]) for n in names] for l in range(LEVELS)] for r in rows]
    )
    truth = np.array([float(r["truth_bpm"]) for r in rows])
    base = np.array([float(r["base_bpm"]) for r in rows])
    split = np.array([r["split"] for r in rows])
    song = np.array([r["song"] for r in rows])
    ids = [r["id"] for r in rows]
    return ids, song, split, truth, base, features


def labels(truth, base):
    """The reading within 4 % of the truth (closest), or -1."""
    out = np.full(len(truth), -1)
    for i, (t, b) in enumerate(zip(truth, base)):
        if b <= 0:
            continue
        errors = [abs(b * r / t - 1) for r in RATIOS]
        j = int(np.argmin(errors))
        if errors[j] <= 0.04:
            out[i] = j
    return out


def forward(params, x):
    mean, std, w1, b1, w2, b2 = params
    z = (x - mean) / std
    h = np.tanh(z @ w1 + b1)
    s = (h @ w2)[..., 0] + b2
    s = s - s.max(axis=1, keepdims=True)
    p = np.exp(s)
    return p / p.sum(axis=1, keepdims=True), (z, h)


def fit(x, y, l2, seed=SEED):
    rng = np.random.default_rng(seed)
    f = x.shape[2]
    flat = x.reshape(-1, f)
    mean = flat.mean(axis=0)
    std = flat.std(axis=0) + 1e-6
    w1 = rng.normal(0, 1 / np.sqrt(f), (f, HIDDEN))
    b1 = np.zeros(HIDDEN)
    w2 = rng.normal(0, 1 / np.sqrt(HIDDEN), (HIDDEN, 1))
    b2 = 0.0
    trained = [w1, b1, w2]
    m = [np.zeros_like(t) for t in trained]
    v = [np.zeros_like(t) for t in trained]
    n = len(y)
    onehot = np.eye(LEVELS)[y]
    for step in range(1, STEPS + 1):
        p, (z, h) = forward((mean, std, w1, b1, w2, b2), x)
        ds = (p - onehot) / n  # d loss / d score, [n, L]
        dw2 = np.einsum("nlh,nl->h", h, ds)[:, None] + 2 * l2 * w2
        dh = ds[..., None] * w2[:, 0][None, None, :] * (1 - h**2)
        dw1 = np.einsum("nlf,nlh->fh", z, dh) + 2 * l2 * w1
        db1 = dh.sum(axis=(0, 1))
        for k, (t, g) in enumerate(zip(trained, [dw1, db1, dw2])):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            t -= LEARNING_RATE * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
    return (mean, std, w1, b1, w2, b2)


def accuracy(bpm, truth):
    a1 = np.abs(bpm / truth - 1) <= 0.04
    a2 = a1.copy()
    for k in [2, 0.5, 3, 1 / 3]:
        a2 |= np.abs(bpm / (truth * k) - 1) <= 0.04
    return a1.mean(), a2.mean()


def train(path):
    ids, song, split, truth, base, x = load(path)
    y = labels(truth, base)
    train_rows = (split == "train") & (y >= 0)
    songs = np.unique(song[split == "train"])
    rng = np.random.default_rng(SEED)
    validation_songs = set(rng.choice(songs, size=len(songs) // 5, replace=False))
    is_val = np.array([s in validation_songs for s in song])
    fit_rows = train_rows & ~is_val
    val_rows = (split == "train") & is_val
    best = None
    for l2 in L2_CHOICES:
        params = fit(x[fit_rows], y[fit_rows], l2)
        p, _ = forward(params, x[val_rows])
        chosen = base[val_rows] * np.array(RATIOS)[p.argmax(axis=1)]
        a1, _ = accuracy(chosen, truth[val_rows])
        print(f"l2={l2:g}: validation Accuracy1 {a1:.3f} ({val_rows.sum()} excerpts)", file=sys.stderr)
        if best is None or a1 > best[0]:
            best = (a1, l2)
    print(f"chosen l2={best[1]:g}; refit on all {train_rows.sum()} labelled train excerpts", file=sys.stderr)
    return fit(x[train_rows], y[train_rows], best[1])


def to_onnx(params, path):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    mean, std, w1, b1, w2, b2 = params
    f = len(mean)
    init = [
        numpy_helper.from_array(mean.astype(np.float32), "mean"),
        numpy_helper.from_array(std.astype(np.float32), "std"),
        numpy_helper.from_array(w1.astype(np.float32), "w1"),
        numpy_helper.from_array(b1.astype(np.float32), "b1"),
        numpy_helper.from_array(w2.astype(np.float32), "w2"),
        numpy_helper.from_array(np.array([b2], dtype=np.float32), "b2"),
        numpy_helper.from_array(np.array([-1, LEVELS], dtype=np.int64), "shape"),
    ]
    nodes = [
        helper.make_node("Sub", ["levels", "mean"], ["centred"]),
        helper.make_node("Div", ["centred", "std"], ["z"]),
        helper.make_node("MatMul", ["z", "w1"], ["h0"]),
        helper.make_node("Add", ["h0", "b1"], ["h1"]),
        helper.make_node("Tanh", ["h1"], ["h"]),
        helper.make_node("MatMul", ["h", "w2"], ["s0"]),
        helper.make_node("Add", ["s0", "b2"], ["s1"]),
        helper.make_node("Reshape", ["s1", "shape"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["probabilities"], axis=-1),
    ]
    graph = helper.make_graph(
        nodes,
        "tempo-octave-v1",
        [helper.make_tensor_value_info("levels", TensorProto.FLOAT, ["tracks", LEVELS, f])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["tracks", LEVELS])],
        init,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="training/tempo/train.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def from_onnx(path):
    import onnx
    from onnx import numpy_helper

    t = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in onnx.load(path).graph.initializer}
    return (t["mean"], t["std"], t["w1"], t["b1"], t["w2"], float(t["b2"][0]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features")
    parser.add_argument("--out", default=MODEL)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--vectors", nargs=2)
    args = parser.parse_args()
    if args.report or args.vectors:
        ids, song, split, truth, base, x = load(args.features)
        params = from_onnx(args.out)
        test = split == "test"
        p, _ = forward(params, x[test])
        model_bpm = base[test] * np.array(RATIOS)[p.argmax(axis=1)]
        if args.report:
            print("rules: Accuracy1 %.3f Accuracy2 %.3f" % accuracy(base[test], truth[test]))
            print("model: Accuracy1 %.3f Accuracy2 %.3f (%d test excerpts)" % (*accuracy(model_bpm, truth[test]), test.sum()))
            return
        n, out = int(args.vectors[0]), args.vectors[1]
        rows = np.flatnonzero(test)[:: max(1, test.sum() // n)][:n]
        p, _ = forward(params, x[rows])
        with open(out, "w") as f:
            w = csv.writer(f)
            w.writerow(["id", "truth_bpm", "base_bpm"] + [f"p{l}" for l in range(LEVELS)]
                       + [f"L{l}_f{k}" for l in range(LEVELS) for k in range(x.shape[2])])
            for r, pr in zip(rows, p):
                w.writerow([ids[r], truth[r], base[r]] + [f"{v:.7f}" for v in pr]
                           + [f"{v:.7g}" for v in x[r].astype(np.float32).ravel()])
        return
    params = train(args.features)
    if args.check:
        committed = from_onnx(args.out)
        diff = max(float(np.max(np.abs(np.asarray(a, dtype=np.float32) - np.asarray(b, dtype=np.float32))))
                   for a, b in zip(params, committed))
        print(f"retrained vs committed: max |difference| {diff:.2e}")
        sys.exit(0 if diff <= 1e-6 else 1)
    to_onnx(params, args.out)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
