"""Trains scikit-learn's MLPClassifier on digits for each configuration read from stdin (one JSON object per
line) and prints one JSON line per configuration: seconds to fit (wall clock, and the process's CPU time: with one
BLAS thread, the time the fit had a core), the training rows, validation accuracy and log loss.

Run by dev.hypersearch.bench.SklearnComparisonBenchmark with one BLAS thread, the engine's single-thread peer.
The split (stratified 20%, seed 0) and standardization (fitted on the training rows) follow the engine's; the
engine's own split differs in which rows, not in how many."""
import json
import sys
import time
import warnings

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore", ConvergenceWarning)

x, y = load_digits(return_X_y=True)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

for line in sys.stdin:
    if not line.strip():
        continue
    c = json.loads(line)
    model = MLPClassifier(hidden_layer_sizes=tuple(c["hidden"]), activation=c["activation"], solver="adam",
                          learning_rate_init=c["learningRate"], batch_size=c["batchSize"], max_iter=c["epochs"],
                          alpha=c["l2"], shuffle=True, random_state=c["seed"], tol=0.0,
                          n_iter_no_change=c["epochs"] + 1)
    start, cpu_start = time.perf_counter(), time.process_time()
    model.fit(x_train, y_train)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    p = model.predict_proba(x_val)
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "trainRows": len(x_train),
                      "valAccuracy": float((p.argmax(1) == y_val).mean()),
                      "valLoss": float(log_loss(y_val, p, labels=list(range(10))))}), flush=True)
