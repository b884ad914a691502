"""Trains scikit-learn's MLPClassifier on a search's trial configurations with joblib, once per process count, and
prints one JSON line per count: the wall time of the whole batch and each configuration's seconds, validation
accuracy and validation log loss twice: valLossUnclipped as the engine measures it (mean cross-entropy from the
output layer's logits) and valLoss as log_loss reports it (predict_proba clipped to [1e-15, 1 - 1e-15]).

Run by dev.hypersearch.bench.SearchBenchmark with one BLAS thread per process (OMP_NUM_THREADS=1 and
OPENBLAS_NUM_THREADS=1, inherited by joblib's worker processes). Arguments: the data file the benchmark wrote
(JSON: the engine's own split and standardized matrices, trainX, trainY, validationX, validationY) and the process
counts, e.g. "data.json 1 2". Stdin: one configuration per line (JSON: hidden, activation, learningRate, l2,
batchSize, epochs, seed, and optionally init: "glorot", scikit-learn's own and the default; "he" or "xavier", the
engine's initializers, weights N(0, 2/fan_in) or N(0, 1/fan_in) and biases zero; "glorot0", scikit-learn's weights
with biases zero: to tell the initialization's share of a difference in loss from the rest of the training).
MLPClassifier runs adam for exactly `epochs` epochs with shuffling and no early stopping (max_iter=epochs, tol=0,
n_iter_no_change > epochs), like the engine's trials."""
import json
import sys
import time
import warnings

import numpy as np
from joblib import Parallel, delayed


def classifier(init):
    """MLPClassifier, or a subclass whose _init_coef (scikit-learn 1.2's per-layer hook) draws the engine's way."""
    from sklearn.neural_network import MLPClassifier
    if init in (None, "glorot"):
        return MLPClassifier

    class Initialized(MLPClassifier):
        def _init_coef(self, fan_in, fan_out, dtype):
            if init == "glorot0":
                coef, _ = MLPClassifier._init_coef(self, fan_in, fan_out, dtype)
            else:
                std = np.sqrt((2.0 if init == "he" else 1.0) / fan_in)
                coef = (std * self._random_state.standard_normal((fan_in, fan_out))).astype(dtype, copy=False)
            return coef, np.zeros(fan_out, dtype=dtype)

    return Initialized


def fit(c, x_train, y_train, x_val, y_val):
    """One configuration: seconds to fit, validation log loss and accuracy."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import log_loss

    MLPClassifier = classifier(c.get("init"))

    warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter=epochs is the point, not a failure to converge
    model = MLPClassifier(hidden_layer_sizes=tuple(c["hidden"]), activation=c["activation"], solver="adam",
                          learning_rate_init=c["learningRate"], batch_size=c["batchSize"], max_iter=c["epochs"],
                          alpha=c["l2"], shuffle=True, random_state=c["seed"], tol=0.0,
                          n_iter_no_change=c["epochs"] + 1)
    start = time.perf_counter()
    model.fit(x_train, y_train)
    seconds = time.perf_counter() - start
    p = model.predict_proba(x_val)
    return {"seconds": seconds, "valLoss": float(log_loss(y_val, p, labels=model.classes_)),
            "valLossUnclipped": unclipped_log_loss(model, x_val, y_val),
            "valAccuracy": float((model.classes_[p.argmax(1)] == y_val).mean())}


def unclipped_log_loss(model, x, y):
    """Mean cross-entropy from the output layer's logits by log-sum-exp, as the engine measures it: log_loss clips
    probabilities to [1e-15, 1 - 1e-15], so it caps a confidently wrong row at 34.5 where the engine does not."""
    from sklearn.neural_network._base import ACTIVATIONS
    a = x
    for i, (w, b) in enumerate(zip(model.coefs_, model.intercepts_)):
        a = a @ w + b
        if i < len(model.coefs_) - 1:
            ACTIVATIONS[model.activation](a)
    if a.shape[1] == 1:  # binary: one logit for the second class
        a = np.hstack([np.zeros_like(a), a])
    m = a.max(axis=1, keepdims=True)
    log_p = a - m - np.log(np.exp(a - m).sum(axis=1, keepdims=True))
    index = np.searchsorted(model.classes_, y)
    return float(-log_p[np.arange(len(y)), index].mean())


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
    data = (np.array(d["trainX"], dtype=np.float64), np.array(d["trainY"]),
            np.array(d["validationX"], dtype=np.float64), np.array(d["validationY"]))
    configs = [json.loads(line) for line in sys.stdin if line.strip()]
    warm = {"hidden": [16], "activation": "relu", "learningRate": 1e-3, "l2": 0.0, "batchSize": 64, "epochs": 2,
            "seed": 0}
    for jobs in (int(a) for a in sys.argv[2:]):
        with Parallel(n_jobs=jobs) as parallel:
            # Warm-up, not timed: starts the worker processes and imports scikit-learn in them (the service's
            # benchmark warms its JVM with a small search the same way).
            parallel(delayed(fit)(warm, *data) for _ in range(2 * jobs))
            start = time.perf_counter()
            results = parallel(delayed(fit)(c, *data) for c in configs)
            seconds = time.perf_counter() - start
        print(json.dumps({"jobs": jobs, "seconds": seconds, "trials": results}), flush=True)


if __name__ == "__main__":
    main()
