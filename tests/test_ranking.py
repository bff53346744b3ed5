"""Bradley-Terry (``plug_eval.ranking``) against the dense batched Newton it replaced (issue 28).

The new fit pools comparisons of the same two systems, solves a star design (every system
against the anchor) system by system, and otherwise starts each resample from the full-data
fit.  It must give the same strengths, intervals and ranks as before on every design.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from plug_eval import ranking, stats
from plug_eval.judges import runs
from plug_eval.judges.jobs import alpacaeval_import

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from synthetic_runs import write_grid  # noqa: E402
from test_alpacaeval import _reference_dir  # noqa: E402

# --------------------------------------------------------------------------- the reference
# ``bradley_terry`` as it was before issue 28 (commit 14c8772), kept here as the oracle the new
# code is held to: one dense design row per comparison, every resample refit by batched Newton
# from zero with an einsum Hessian.  Test-only; nothing imports it.


def _reference_bradley_terry(comparisons, *, anchor=None, seed=0, n_resamples=stats.DEFAULT_RESAMPLES):
    systems = sorted({s for a, b, _, _ in comparisons for s in (a, b)})
    if anchor is None:
        baselines = [b for _, b, _, _ in comparisons]
        anchor = max(sorted(set(baselines)), key=baselines.count) if baselines else None
    if anchor not in systems:
        raise ValueError(f"anchor {anchor!r} is not one of the compared systems")
    _reference_check_connected(systems, [(a, b) for a, b, _, _ in comparisons])
    free = [s for s in systems if s != anchor]
    design = np.zeros((len(comparisons), len(free)))
    for c, (a, b, _, _) in enumerate(comparisons):
        if a in free:
            design[c, free.index(a)] += 1.0
        if b in free:
            design[c, free.index(b)] -= 1.0
    num, den = _reference_cluster_columns([(ids, outs) for _, _, ids, outs in comparisons])
    theta = _reference_fit(num.sum(0)[None], den.sum(0)[None], design)[0]
    counts = stats.resample_counts(num.shape[0], n_resamples, seed)
    boot = _reference_fit(counts @ num, counts @ den, design)
    low, high = stats.percentile_ci(100.0 / (1.0 + np.exp(-boot)))
    out = {anchor: {"strength": 0.0, "win_rate_vs_anchor": 50.0, "ci_low": 50.0, "ci_high": 50.0}}
    for k, name in enumerate(free):
        out[name] = {"strength": float(theta[k]), "win_rate_vs_anchor": float(100 / (1 + math.exp(-theta[k]))),
                     "ci_low": float(low[k]), "ci_high": float(high[k])}
    for rank, name in enumerate(sorted(out, key=lambda s: -out[s]["strength"]), start=1):
        out[name]["rank"] = rank
    return {"anchor": anchor, "systems": out,
            "bootstrap": {"method": "percentile", "unit": "item id", "level": stats.CI_LEVEL, "seed": seed,
                          "n_resamples": n_resamples}}


def _reference_cluster_columns(columns):
    ids = list(dict.fromkeys(i for item_ids, _ in columns for i in item_ids))
    pos = {item: k for k, item in enumerate(ids)}
    num, den = np.zeros((len(ids), len(columns))), np.zeros((len(ids), len(columns)))
    for c, (item_ids, outcomes) in enumerate(columns):
        s = stats.outcome_scores(outcomes)
        ok = ~np.isnan(s)
        where = np.array([pos[i] for i in item_ids], dtype=np.int64)[ok]
        np.add.at(num[:, c], where, s[ok])
        np.add.at(den[:, c], where, 1.0)
    return num, den


def _reference_fit(wins, totals, design, ridge=1e-10):
    theta = np.zeros((wins.shape[0], design.shape[1]))
    eye = ridge * np.eye(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(theta @ design.T)))
        grad = (wins - totals * p) @ design - ridge * theta
        hess = np.einsum("rc,ci,cj->rij", totals * p * (1 - p), design, design) + eye
        step = np.linalg.solve(hess, grad[..., None])[..., 0]
        theta += step
        if np.abs(step).max() < 1e-9:
            break
    return theta


def _reference_check_connected(systems, pairs):
    seen, todo = {systems[0]}, [systems[0]]
    while todo:
        s = todo.pop()
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                if x == s and y not in seen:
                    seen.add(y)
                    todo.append(y)
    if len(seen) < len(systems):
        missing = ", ".join(sorted(set(systems) - seen))
        raise ValueError(f"cannot rank systems never compared with the others: {missing}")


# --------------------------------------------------------------------------- designs

Comparison = tuple[str, str, list[Any], list[Any]]
SWEEP = 10.0  # |strength| above this is a clean sweep held finite by the ridge, not an estimate


def _judge(rng: np.random.Generator, gap: float, n_items: int, first: int = 0) -> tuple[list[Any], list[Any]]:
    """Outcomes for A at logit advantage ``gap``: wins, ties, slight ones, soft scores, unscored."""
    p = 1 / (1 + math.exp(-gap))
    u = rng.random(n_items)
    names = np.where(u < 0.8 * p, "win", np.where(u < 0.8 * p + 0.1, "tie", "loss")).astype(object)
    names[rng.random(n_items) < 0.05] = "unscored"
    names[rng.random(n_items) < 0.05] = "slight_win"
    soft = rng.random(n_items) < 0.1
    names[soft] = np.clip(p + rng.normal(0, 0.2, soft.sum()), 0, 1)
    return [f"i{k}" for k in range(first, first + n_items)], list(names)


def _design(kind: str, n: int, rng: np.random.Generator, n_items: int = 40) -> list[Comparison]:
    """Systems ``s0..s{n-1}`` (``s0`` the baseline) in one of the shapes a leaderboard takes."""
    skill = rng.normal(0, 1, n)
    if kind == "star":
        ends = [(k, 0) for k in range(1, n)]
    elif kind == "chain":
        ends = [(k, k - 1) for k in range(1, n)]
    elif kind == "round-robin":
        ends = [(i, j) for i in range(n) for j in range(i)]
    else:  # arena-like: everyone against the baseline and two neighbours
        ends = [(k, 0) for k in range(1, n)] + [(k, k % (n - 1) + 1) for k in range(1, n)]
    out: list[Comparison] = []
    for a, b in ends:
        ids, outs = _judge(rng, skill[a] - skill[b], n_items)
        out.append((f"s{a}", f"s{b}", ids, outs))
    return out


def _assert_same(new: dict[str, Any], old: dict[str, Any], tol: float = 1e-6) -> None:
    """Strengths, win rates, interval ends (points) and ranks as the reference gives them."""
    assert new["anchor"] == old["anchor"] and new["bootstrap"] == old["bootstrap"]
    assert new["systems"].keys() == old["systems"].keys()
    for name, was in old["systems"].items():
        got = new["systems"][name]
        assert got["rank"] == was["rank"], name
        for key in ("win_rate_vs_anchor", "ci_low", "ci_high"):
            assert abs(got[key] - was[key]) <= tol, (name, key, got[key], was[key])
        # a clean sweep's strength is about log(items/ridge); the reference formed 1 - p with p an
        # ulp or so from 1, so there its strength is only known to about 2**-52 * exp(|strength|)
        limit = max(tol, 2.0**-52 * math.exp(abs(was["strength"])))
        assert abs(got["strength"] - was["strength"]) <= limit, (name, got["strength"], was["strength"])


def _both(comparisons: Sequence[Comparison], **kw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return ranking.bradley_terry(comparisons, **kw), _reference_bradley_terry(comparisons, **kw)


# --------------------------------------------------------------------------- same numbers as before


@pytest.mark.parametrize("kind,n", [("star", 8), ("chain", 6), ("round-robin", 6), ("arena", 10)])
def test_each_design_gives_the_reference_numbers(kind, n):
    comparisons = _design(kind, n, np.random.default_rng(n))
    new, old = _both(comparisons, seed=3, n_resamples=200)
    _assert_same(new, old)


def test_repeated_and_reversed_comparisons_are_pooled_as_the_reference_weighs_them():
    """Languages repeat a pair (on other items), and a pair may come in either order."""
    rng = np.random.default_rng(5)
    comparisons = _design("arena", 6, rng)
    comparisons += [("s2", "s0", *_judge(rng, 0.3, 25, first=100)), ("s0", "s3", *_judge(rng, -0.5, 30)),
                    ("s4", "s1", *_judge(rng, 1.0, 20, first=50)), ("s1", "s1", *_judge(rng, 0.0, 10))]
    new, old = _both(comparisons, seed=1, n_resamples=200)
    _assert_same(new, old)
    new, old = _both(comparisons, anchor="s3", seed=1, n_resamples=200)  # an anchor that is no baseline
    _assert_same(new, old)


def test_the_report_fixture_grid_gives_the_reference_numbers(tmp_path):
    """The report tests' synthetic runs (one baseline, two languages each), read as the report reads them."""
    dirs = write_grid(tmp_path, ["weak", "middle", "strong"], ["en", "zh"], n_items=40, n_resamples=100)
    comparisons = []
    for d in dirs:
        run = runs.load_run(d)
        comparisons.append((run.manifest["system_a"], run.manifest["system_b"], run.ids, run.outcomes()))
    new, old = _both(comparisons, seed=0, n_resamples=1000)
    _assert_same(new, old)


def test_clean_sweeps_are_held_finite_by_the_ridge_as_before():
    """All wins or all losses: the strength sits at the ridge's root, the interval on the point."""
    rng = np.random.default_rng(7)
    star = _design("star", 5, rng)
    star += [("top", "s0", [f"i{k}" for k in range(40)], ["win"] * 40),
             ("bottom", "s0", [f"i{k}" for k in range(30)], ["loss"] * 30)]
    new, old = _both(star, seed=2, n_resamples=200)
    _assert_same(new, old)
    top = new["systems"]["top"]
    assert top["strength"] > SWEEP and top["ci_low"] == top["ci_high"] == top["win_rate_vs_anchor"]
    assert new["systems"]["bottom"]["strength"] < -SWEEP
    # a system that beat everyone it met, in a design that is no star
    arena = _design("arena", 6, rng) + [("top", f"s{k}", [f"i{j}" for j in range(20)], ["win"] * 20)
                                        for k in (0, 2, 4)]
    new, old = _both(arena, seed=2, n_resamples=200)
    _assert_same(new, old)
    assert new["systems"]["top"]["strength"] > SWEEP and new["systems"]["top"]["rank"] == 1


def test_a_clean_sweep_and_a_clean_loss_of_the_same_size_are_exact_opposites():
    """Fails on the code before issue 28: it formed ``wins - totals*p`` with p within ulps of 1,
    so the sweep came out 1.6e-6 above the loss's mirror image (23.5553779 against -23.5553763)."""
    ids = [f"i{k}" for k in range(40)]
    bt = ranking.bradley_terry([("top", "base", ids, ["win"] * 40), ("bottom", "base", ids, ["loss"] * 40),
                                ("mid", "base", ids, ["win", "loss"] * 20)], n_resamples=100)
    top, bottom = bt["systems"]["top"]["strength"], bt["systems"]["bottom"]["strength"]
    assert top > SWEEP and abs(top + bottom) <= 1e-12


def test_a_thin_link_that_resamples_can_drop_gives_the_reference_numbers(monkeypatch):
    """A system tied to the rest by two items: resamples that draw neither take the exact-Newton path."""
    rng = np.random.default_rng(11)
    comparisons = _design("chain", 5, rng) + [("thin", "s4", ["i0", "i1"], ["win", "tie"])]
    calls: list[int] = []
    newton = ranking._newton

    def counted(wins, *args):
        calls.append(wins.shape[0])
        return newton(wins, *args)

    monkeypatch.setattr(ranking, "_newton", counted)
    new, old = _both(comparisons, seed=4, n_resamples=300)
    _assert_same(new, old)
    assert len(calls) == 2 and 0 < calls[1] < 300  # the full-data fit, then only the stuck resamples


def test_disconnected_systems_are_refused_as_before():
    rng = np.random.default_rng(2)
    two_islands = _design("chain", 4, rng) + [("x", "y", *_judge(rng, 0.5, 10))]
    for comparisons, kw in ((two_islands, {}), ([("a", "b", [1], ["win"]), ("c", "d", [1], ["win"])],
                                                {"anchor": "b"})):
        with pytest.raises(ValueError) as new:
            ranking.bradley_terry(comparisons, n_resamples=50, **kw)
        with pytest.raises(ValueError) as old:
            _reference_bradley_terry(comparisons, n_resamples=50, **kw)
        assert str(new.value) == str(old.value) and "never compared" in str(new.value)
    with pytest.raises(ValueError, match="not one of the compared systems"):
        ranking.bradley_terry(two_islands, anchor="nobody", n_resamples=50)


def test_a_star_is_the_logit_of_each_pooled_win_rate():
    """The closed form: against one baseline only, a strength is the logit of that system's win rate."""
    rng = np.random.default_rng(9)
    comparisons = _design("star", 6, rng) + [("s3", "s0", *_judge(rng, 0.4, 30, first=200))]
    bt = ranking.bradley_terry(comparisons, n_resamples=100)
    for name in ("s1", "s3", "s5"):
        scores = np.concatenate([stats.outcome_scores(o) for a, _, _, o in comparisons if a == name])
        rate = np.nanmean(scores)
        assert bt["systems"][name]["strength"] == pytest.approx(math.log(rate / (1 - rate)), abs=1e-9)


# --------------------------------------------------------------------------- real data, threads


def test_alpacaeval_annotations_give_the_reference_numbers(tmp_path):
    """Four AlpacaEval leaderboard entries against gpt4_1106_preview, soft preferences: alpaca-7b
    wins 2.6% of it, and AlpacaEval's NullModel (generator "example"), which games the judge, 77%."""
    names = ("NullModel", "alpaca-7b", "claude-2", "gpt-3.5-turbo-1106")
    comparisons = []
    for name in names:
        src = _reference_dir() / "results" / name / "weighted_alpaca_eval_gpt4_turbo" / "annotations.json"
        alpacaeval_import.import_annotations(src, tmp_path / name, n_resamples=100)
        run = runs.load_run(tmp_path / name, facts=True)
        comparisons.append((run.manifest["system_a"], run.manifest["system_b"], run.ids, run.outcomes()))
    new, old = _both(comparisons, seed=0, n_resamples=1000)
    _assert_same(new, old)
    assert new["anchor"] == "gpt4_1106_preview" and new["systems"]["alpaca-7b"]["rank"] == 5


_THREADS_SCRIPT = """
import json, sys
import numpy as np
sys.path.insert(0, {tests!r})
from test_ranking import _design
from plug_eval import ranking
try:
    from threadpoolctl import threadpool_info
    threads = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
except ImportError:
    threads = None
fits = [ranking.bradley_terry(_design(kind, 40, np.random.default_rng(1), n_items=300), n_resamples=400)
        for kind in ("star", "arena")]
print(json.dumps({{"threads": threads, "fits": fits}}))
"""


def test_results_do_not_depend_on_the_number_of_blas_threads():
    """Same design, one and two BLAS threads (fresh processes, so the setting takes): within 1e-9."""
    script = _THREADS_SCRIPT.format(tests=str(ROOT / "tests"))
    by_threads = {}
    for n in (1, 2):
        env = {**os.environ, "OPENBLAS_NUM_THREADS": str(n), "OMP_NUM_THREADS": str(n), "MKL_NUM_THREADS": str(n)}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        by_threads[n] = json.loads(done.stdout)
        assert by_threads[n]["threads"] is None or set(by_threads[n]["threads"]) == {n}  # numpy's and scipy's
    for one, two in zip(by_threads[1]["fits"], by_threads[2]["fits"], strict=True):
        for name, got in one["systems"].items():
            for key in ("strength", "ci_low", "ci_high"):
                assert abs(got[key] - two["systems"][name][key]) <= 1e-9, (name, key)
