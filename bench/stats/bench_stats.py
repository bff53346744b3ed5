"""Statistics and report benchmarks (issue 4), printed as ratios against scipy in the same run.

    .venv/bin/python bench/stats/bench_stats.py            # all four
    .venv/bin/python bench/stats/bench_stats.py --quick    # fewer resamples, for a smoke run
    .venv/bin/python bench/stats/bench_stats.py --only bt  # one of them: 1, 2, 3 or bt

1. 50 comparisons (10 systems x 5 languages) x 805 items x 10,000 resamples: our shared
   resample-count matrix vs scipy.stats.bootstrap (percentile, same generator seed -> same draws)
   vs a naive per-comparison loop; the intervals must agree within 0.3 points.
2. `plug-judge summarize` over 13 AlpacaEval imports (the 9 reference annotation files under
   $PLUG_EVAL_REFERENCE_DIR, 4 of them twice, real answers included), start-up included (a
   subprocess), vs scipy's bootstrap alone on the same 13 preference vectors.
3. Rendering the report for 50 comparisons (answer browsers included).
bt. Bradley-Terry (issue 28) for 50, 100 and 200 systems x 805 items at the report's 1,000
   resamples, on a star (every system against one baseline) and an arena-like design (the
   baseline and two neighbours each), against the implementation before issue 28 (the oracle
   kept in tests/test_ranking.py) in the same process: CPU-seconds, ratios, the slope of time
   against the number of systems, and the largest difference between the two results.
Run data is written under bench/stats/out/ (ignored by git).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats as sps

from plug_eval import languages, ranking, stats
from plug_eval.judges import runs
from plug_eval.judges.jobs import alpacaeval_import
from plug_eval.reports import build_report, load_run
from plug_eval.reports.versus import BT_RESAMPLES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic run directories are a test fixture
from synthetic_runs import write_grid  # noqa: E402
from test_ranking import _design, _reference_bradley_terry  # noqa: E402  the pre-issue-28 oracle

OUT = Path(__file__).resolve().parent / "out"
N_ITEMS, SEED = 805, 0


def timed(fn, *args, **kw):
    t = time.perf_counter()
    result = fn(*args, **kw)
    return result, time.perf_counter() - t


def scipy_intervals(matrix: np.ndarray, n_resamples: int) -> np.ndarray:
    out = []
    for k in range(matrix.shape[1]):
        x = 100 * matrix[~np.isnan(matrix[:, k]), k]
        ci = sps.bootstrap((x,), np.mean, n_resamples=n_resamples, method="percentile",
                           rng=np.random.default_rng(SEED), vectorized=True).confidence_interval
        out.append((ci.low, ci.high))
    return np.array(out)


def naive_intervals(matrix: np.ndarray, n_resamples: int) -> np.ndarray:
    out = []
    for k in range(matrix.shape[1]):
        x = 100 * matrix[:, k]
        idx = np.random.default_rng(SEED).integers(0, len(x), size=(n_resamples, len(x)))
        means = x[idx].mean(axis=1)
        out.append(np.percentile(means, [2.5, 97.5]))
    return np.array(out)


def bench_bootstrap(n_resamples: int) -> None:
    rng = np.random.default_rng(1)
    probs = rng.dirichlet(np.ones(5), size=50)
    values = np.array([1.0, 1.0, 0.5, 0.0, 0.0])
    matrix = np.column_stack([values[rng.choice(5, size=N_ITEMS, p=p)] for p in probs])  # all scored
    comparisons = [{"outcomes": matrix[:, k].tolist()} for k in range(50)]
    stats._COUNTS.clear()
    (ours_low, ours_high), t_ours = timed(stats.win_rate_intervals, matrix, seed=SEED, n_resamples=n_resamples)
    stats._COUNTS.clear()
    full, t_full = timed(stats.many_comparison_stats, comparisons, seed=SEED, n_resamples=n_resamples)
    ref, t_scipy = timed(scipy_intervals, matrix, n_resamples)
    naive, t_naive = timed(naive_intervals, matrix, n_resamples)
    diff = max(np.abs(ours_low - ref[:, 0]).max(), np.abs(ours_high - ref[:, 1]).max())
    diff_naive = max(np.abs(naive[:, 0] - ref[:, 0]).max(), np.abs(naive[:, 1] - ref[:, 1]).max())
    print(f"[1] 50 comparisons x {N_ITEMS} items x {n_resamples} resamples")
    print(f"    shared resample matrix (intervals only) {t_ours:6.3f} s   ratio to scipy {t_ours / t_scipy:.3f}")
    print(f"    many_comparison_stats (all statistics)  {t_full:6.3f} s   ratio to scipy {t_full / t_scipy:.3f}")
    print(f"    naive per-comparison loop                {t_naive:6.3f} s   ratio to scipy {t_naive / t_scipy:.3f}")
    print(f"    scipy.stats.bootstrap (percentile)       {t_scipy:6.3f} s")
    print(f"    max |interval difference| vs scipy: ours {diff:.2e}, naive {diff_naive:.2e} points (limit 0.3)")
    assert diff <= 0.3 and full[0]["ci_low"] == ours_low[0]


def reference_imports(root: Path, n_resamples: int) -> list[Path]:
    """13 run directories imported with import-alpacaeval from the 9 reference annotation files
    under $PLUG_EVAL_REFERENCE_DIR, the first 4 imported a second time under new names."""
    ref = os.environ.get("PLUG_EVAL_REFERENCE_DIR")
    sources = sorted(Path(ref).glob("alpacaeval/results/*/*/annotations.json")) if ref else []
    if len(sources) != 9:
        raise SystemExit(f"[2] needs the 9 AlpacaEval annotation files under $PLUG_EVAL_REFERENCE_DIR "
                         f"(found {len(sources)} under {ref!r})")
    shutil.rmtree(root, ignore_errors=True)
    dirs = []
    for k, src in enumerate(sources + sources[:4]):
        out = root / (f"{k:02d}-{src.parts[-3]}-{src.parts[-2]}" + ("-again" if k >= 9 else ""))
        alpacaeval_import.import_annotations(src, out, n_resamples=n_resamples)
        dirs.append(out)
    return dirs


def _forget_summaries(dirs: list[Path]) -> None:
    """Drop what facts.json says each summary was computed from: the next summarize recomputes
    every statistic (from the cached facts, without decoding answers or replies)."""
    for d in dirs:
        facts = json.loads((d / runs.FACTS).read_text("utf-8"))
        facts.pop("summarized", None)
        (d / runs.FACTS).write_text(json.dumps(facts), encoding="utf-8")


def bench_summarize(n_resamples: int) -> None:
    """Three honest cases of `plug-judge summarize` over 13 imports, each a whole process with its
    start-up, against scipy.stats.bootstrap alone (in this process, no start-up) on the same 13
    vectors: the summaries' files unchanged (statistics reused), the statistics recomputed from
    the facts cache, and a first summarize with no cache at all."""
    n_resamples = stats.DEFAULT_RESAMPLES  # the target is stated at 10,000 resamples, --quick or not
    dirs = reference_imports(OUT / "summarize", n_resamples)
    vectors = [stats.outcome_scores(load_run(d).outcomes()) for d in dirs]
    cmd = [sys.executable, "-m", "plug_eval.judges", "summarize", *map(str, dirs)]
    size = sum(p.stat().st_size for d in dirs for p in d.iterdir()) / 1e6

    def once(prepare=None) -> float:
        if prepare:
            prepare()
        return timed(subprocess.run, cmd, capture_output=True, text=True, check=True)[1]

    for d in dirs:  # first without the facts cache: every answer and reply decoded
        (d / runs.FACTS).unlink()
    t_cold = once()
    # best of 3 for each: the machine is shared, and the first run also warms the file cache
    t_reused = min(once() for _ in range(3))
    t_recomputed = min(once(lambda: _forget_summaries(dirs)) for _ in range(3))
    t_scipy = min(timed(scipy_intervals_of, vectors, n_resamples)[1] for _ in range(3))
    print(f"[2] plug-judge summarize, 13 AlpacaEval imports ({size:.0f} MB, {sum(len(v) for v in vectors)} items), "
          "each a whole process, start-up included, best of 3;")
    print(f"    against scipy.stats.bootstrap alone on the same 13 preference vectors, in-process: {t_scipy:.3f} s")
    print(f"    files unchanged since their summaries (statistics reused):  {t_reused:.3f} s   "
          f"ratio {t_reused / t_scipy:.3f} (target <= 0.5)")
    print(f"    statistics recomputed (10,000 resamples, from facts.json):   {t_recomputed:.3f} s   "
          f"ratio {t_recomputed / t_scipy:.3f}")
    print(f"    no facts.json (a run written by an older release):           {t_cold:.3f} s   "
          f"ratio {t_cold / t_scipy:.3f}")


def scipy_intervals_of(vectors: list[np.ndarray], n_resamples: int) -> np.ndarray:
    """scipy's percentile bootstrap of each vector's mean (scored items only), one call each."""
    out = []
    for v in vectors:
        x = 100 * v[~np.isnan(v)]
        ci = sps.bootstrap((x,), np.mean, n_resamples=n_resamples, method="percentile",
                           rng=np.random.default_rng(SEED), vectorized=True).confidence_interval
        out.append((ci.low, ci.high))
    return np.array(out)


def bench_report(n_resamples: int) -> None:
    root = OUT / "report"
    shutil.rmtree(root, ignore_errors=True)
    dirs = write_grid(root / "runs", [f"system-{i}" for i in range(10)], list(languages.builtin()),
                      n_items=N_ITEMS, n_resamples=n_resamples)
    written, t = timed(build_report, dirs, root / "site" / "report.html")
    size = (root / "site" / "report.html").stat().st_size
    print(f"[3] report for 50 comparisons x {N_ITEMS} items: {t:.3f} s (limit 5 s); report.html {size / 1e3:.0f} kB, "
          f"{len(written) - 3} answer pages")


def cpu_timed(fn, *args, **kw):
    """Result, CPU-seconds of the whole process (every BLAS thread counts) and wall seconds."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args, **kw)
    return result, time.process_time() - cpu, time.perf_counter() - wall


def largest_difference(new: dict, old: dict) -> float:
    """Largest |difference| in win rate or interval end (points) between two rankings."""
    return max(abs(new["systems"][s][k] - v[k]) for s, v in old["systems"].items()
               for k in ("win_rate_vs_anchor", "ci_low", "ci_high"))


def blas_threads() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown (no threadpoolctl)"
    return ", ".join(f"{Path(p['filepath']).parent.name.split('.')[0]}'s {p['internal_api']} {p['num_threads']}"
                     for p in threadpool_info() if p["user_api"] == "blas")


def slope(sizes: list[int], seconds: list[float]) -> tuple[float, float]:
    """Least-squares CPU-seconds per added system, and b in time ~ systems**b."""
    per_system = float(np.polyfit(sizes, seconds, 1)[0])
    exponent = float(np.polyfit(np.log(sizes), np.log(np.maximum(seconds, 1e-6)), 1)[0])
    return per_system, exponent


def bench_bt(n_resamples: int) -> None:
    n_resamples = 200 if n_resamples < stats.DEFAULT_RESAMPLES else BT_RESAMPLES  # --quick, or the report's
    sizes = [50, 100, 200]
    print(f"[bt] Bradley-Terry, {N_ITEMS} items per comparison, {n_resamples} resamples; BLAS threads: "
          f"{blas_threads()}; CPU-seconds (wall)")
    for kind, label in (("star", "star (all vs one baseline)"), ("arena", "arena (baseline + 2 neighbours)")):
        new_cpu, old_cpu = [], []
        for n in sizes:
            comparisons = _design(kind, n, np.random.default_rng(n), n_items=N_ITEMS)
            new, t_new, w_new = cpu_timed(ranking.bradley_terry, comparisons, n_resamples=n_resamples)
            old, t_old, w_old = cpu_timed(_reference_bradley_terry, comparisons, n_resamples=n_resamples)
            new_cpu.append(t_new)
            old_cpu.append(t_old)
            print(f"    {label:32s} {n:3d} systems, {len(comparisons):3d} comparisons: "
                  f"new {t_new:6.2f} ({w_new:5.2f})  before {t_old:7.2f} ({w_old:6.2f})  "
                  f"ratio {t_new / t_old:.4f}  max |diff| {largest_difference(new, old):.1e} points", flush=True)
        for name, cpu in (("new", new_cpu), ("before", old_cpu)):
            per, exponent = slope(sizes, cpu)
            print(f"    {label:32s} {name:6s} slope {1e3 * per:8.2f} ms CPU per added system, "
                  f"time ~ systems^{exponent:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 resamples instead of 10,000")
    parser.add_argument("--only", choices=("1", "2", "3", "bt"), help="run one benchmark")
    args = parser.parse_args()
    n = 1000 if args.quick else stats.DEFAULT_RESAMPLES
    for k, bench in (("1", bench_bootstrap), ("2", bench_summarize), ("3", bench_report), ("bt", bench_bt)):
        if args.only in (None, k):
            bench(n)


if __name__ == "__main__":
    main()
