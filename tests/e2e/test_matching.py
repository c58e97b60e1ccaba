"""`integrity match solve` finds the same optimum as an independent solver (OR-Tools min-cost flow, via the shared
benchmark harness) on generated instances, including ones where some needs must stay unassigned."""
import csv
import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import BINARY, ROOT

SHARED = ROOT.parent / "shared" / "bench" / "matching"
if not SHARED.is_dir():
    pytest.skip("../shared/bench/matching is not beside the project", allow_module_level=True)
sys.path.insert(0, str(SHARED))
gen = importlib.import_module("gen")
bench = importlib.import_module("bench_lap")


def star_instance(needs=400, experts=40, seed=5):
    """One expert is admissible for every need; a few needs have one or two other options."""
    rng = np.random.default_rng(seed)
    rows, cols, scores = [], [], []
    for i in range(needs):
        options = {0}
        if rng.random() < 0.1:
            options |= set(int(x) for x in rng.choice(np.arange(1, experts), size=2, replace=False))
        for j in sorted(options):
            rows.append(i)
            cols.append(j)
            scores.append(int(rng.integers(1, 10001)))
    counts = np.bincount(rows, minlength=needs)
    return dict(M=needs, N=experts, penalty_q=2000, demand=np.ones(needs, np.int32), capacity=np.ones(experts, np.int32),
                row_ptr=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
                col=np.asarray(cols, np.int32), score_q=np.asarray(scores, np.int32))


INSTANCES = {
    "uniform": lambda: gen.gen_sparse(2000, 2000, 20, seed=1),
    "capacity-2": lambda: gen.gen_sparse(3000, 1500, 20, cap=2, seed=2),
    "skewed": lambda: gen.gen_sparse(2000, 2000, 10, seed=3, skew=1.3),
    "fewer-experts": lambda: gen.gen_sparse(1500, 500, 15, seed=4, penalty_q=500),
    "star": star_instance,
}


def reference_objective(path):
    inst = gen.load_sparse(str(path))
    rows, cols, _ = bench.sparse_solve(inst, bench.sparse_prepare(inst, "ortools_mcf"), "ortools_mcf")
    return gen.objective_from_pairs(inst, rows, cols)


@pytest.mark.parametrize("name", INSTANCES)
def test_match_solve_finds_the_reference_optimum(tmp_path, name):
    instance = tmp_path / f"{name}.bin"
    gen.save_sparse(str(instance), INSTANCES[name]())
    gen.export_csv(str(instance), str(tmp_path / "csv"))
    inst = gen.load_sparse(str(instance))
    out = tmp_path / "assignment.csv"
    result = subprocess.run(
        [str(BINARY), "match", "solve", "--edges", str(tmp_path / "csv" / "edges.csv"),
         "--demands", str(tmp_path / "csv" / "needs.csv"), "--capacities", str(tmp_path / "csv" / "experts.csv"),
         "--penalty", str(inst["penalty_q"] / gen.SCALE), "--out", str(out)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    ours = float(result.stdout.split("objective:")[1].split()[0])

    expected, expected_unassigned = reference_objective(instance)
    assert ours == pytest.approx(expected, abs=1e-6)

    with open(out) as f:
        pairs = [(int(r["need_id"]), int(r["expert_id"])) for r in csv.DictReader(f)]
    checked, unassigned = gen.objective_from_pairs(inst, [p[0] for p in pairs], [p[1] for p in pairs])
    assert checked == pytest.approx(expected, abs=1e-6), "every pair is admissible and within capacity"
    assert f"unassigned demand: {unassigned}" in result.stdout
    if name == "star":
        assert unassigned > 300


def test_match_solve_reports_bad_files_by_line(tmp_path):
    edges = tmp_path / "E.csv"
    edges.write_text("need_id,expert_id,score\nN1,E1,0.5\nN2,E1,lots\n")
    result = subprocess.run([str(BINARY), "match", "solve", "--edges", str(edges)], capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{edges}:3: score must be a number from 0 to 1, found lots" in result.stderr
    missing = subprocess.run([str(BINARY), "match", "solve", "--edges", str(tmp_path / "nope.csv")], capture_output=True, text=True)
    assert missing.returncode != 0
    assert "cannot read" in missing.stderr
    negative = subprocess.run([str(BINARY), "match", "solve", "--edges", str(edges), "--penalty", "-1"], capture_output=True, text=True)
    assert negative.returncode != 0
    assert "--penalty" in negative.stderr
