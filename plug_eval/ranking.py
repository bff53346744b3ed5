"""Rankings and judge agreement: Bradley-Terry over many comparisons, Cohen's kappa.

Split from :mod:`plug_eval.stats` (same conventions: pure, seeded, vectorised, no I/O); it
reuses that module's resampling so intervals here match the per-comparison ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from plug_eval.stats import CI_LEVEL, DEFAULT_RESAMPLES, outcome_scores, percentile_ci, resample_counts

# --------------------------------------------------------------------------- judge agreement


def judge_agreement(
    labels_1: Sequence[Any], labels_2: Sequence[Any], groups: Sequence[Any] | None = None
) -> dict[str, Any]:
    """Raw agreement and Cohen's kappa of two judges on the same pairs, overall and per group.

    Labels are any categories (outcomes, verdicts); None on either side drops the pair.  Kappa
    corrects agreement for what two judges with these label frequencies would reach by chance.
    """
    if len(labels_1) != len(labels_2) or (groups is not None and len(groups) != len(labels_1)):
        raise ValueError("judge agreement needs the same pairs from both judges")
    keep = [i for i, (x, y) in enumerate(zip(labels_1, labels_2, strict=True)) if x is not None and y is not None]
    out = _kappa([labels_1[i] for i in keep], [labels_2[i] for i in keep])
    if groups is not None:
        by: dict[str, list[int]] = {}
        for i in keep:
            by.setdefault(str(groups[i]), []).append(i)
        out["by_group"] = {g: _kappa([labels_1[i] for i in ix], [labels_2[i] for i in ix]) for g, ix in by.items()}
    return out


def _kappa(x: Sequence[Any], y: Sequence[Any]) -> dict[str, Any]:
    n = len(x)
    if n == 0:
        return {"n": 0, "agreement": None, "kappa": None}
    cats = sorted(set(x) | set(y), key=str)
    k = {c: i for i, c in enumerate(cats)}
    table = np.zeros((len(cats), len(cats)))
    np.add.at(table, ([k[v] for v in x], [k[v] for v in y]), 1.0)
    observed = np.trace(table) / n
    expected = float(table.sum(1) @ table.sum(0)) / n**2
    kappa = (observed - expected) / (1 - expected) if expected < 1 else None
    return {"n": n, "agreement": float(100 * observed), "kappa": None if kappa is None else float(kappa)}


# --------------------------------------------------------------------------- Bradley-Terry


def bradley_terry(
    comparisons: Sequence[tuple[str, str, Sequence[Any], Sequence[Any]]],
    *,
    anchor: str | None = None,
    seed: int = 0,
    n_resamples: int = DEFAULT_RESAMPLES,
) -> dict[str, Any]:
    """Rank many systems from pairwise comparisons, with bootstrap intervals over item ids.

    ``comparisons`` holds ``(system_a, system_b, item_ids, outcomes)``; a tie counts half a win
    each way and soft scores count fractionally.  Strengths are logits against ``anchor``
    (default: the most frequent ``system_b``, i.e. the baseline), reported as the win rate
    against it, ``100*sigmoid(strength)``.  Each resample draws item ids once for every
    comparison, then fits all resamples together with a batched Newton solve.
    """
    systems = sorted({s for a, b, _, _ in comparisons for s in (a, b)})
    if anchor is None:
        baselines = [b for _, b, _, _ in comparisons]
        anchor = max(sorted(set(baselines)), key=baselines.count) if baselines else None
    if anchor not in systems:
        raise ValueError(f"anchor {anchor!r} is not one of the compared systems")
    _check_connected(systems, [(a, b) for a, b, _, _ in comparisons])
    free = [s for s in systems if s != anchor]
    design = np.zeros((len(comparisons), len(free)))
    for c, (a, b, _, _) in enumerate(comparisons):
        if a in free:
            design[c, free.index(a)] += 1.0
        if b in free:
            design[c, free.index(b)] -= 1.0
    num, den = _cluster_columns([(ids, outs) for _, _, ids, outs in comparisons])
    theta = _fit_bt(num.sum(0)[None], den.sum(0)[None], design)[0]
    counts = resample_counts(num.shape[0], n_resamples, seed)
    boot = _fit_bt(counts @ num, counts @ den, design)
    low, high = percentile_ci(100.0 / (1.0 + np.exp(-boot)))
    out = {anchor: {"strength": 0.0, "win_rate_vs_anchor": 50.0, "ci_low": 50.0, "ci_high": 50.0}}
    for k, name in enumerate(free):
        out[name] = {"strength": float(theta[k]), "win_rate_vs_anchor": float(100 / (1 + math.exp(-theta[k]))),
                     "ci_low": float(low[k]), "ci_high": float(high[k])}
    for rank, name in enumerate(sorted(out, key=lambda s: -out[s]["strength"]), start=1):
        out[name]["rank"] = rank
    return {"anchor": anchor, "systems": out,
            "bootstrap": {"method": "percentile", "unit": "item id", "level": CI_LEVEL, "seed": seed,
                          "n_resamples": n_resamples}}


def _cluster_columns(columns: Sequence[tuple[Sequence[Any], Sequence[Any]]]) -> tuple[np.ndarray, np.ndarray]:
    """Per item id (rows) and column: the score sum and the number of scored judgments."""
    ids = list(dict.fromkeys(i for item_ids, _ in columns for i in item_ids))  # first-seen order
    pos = {item: k for k, item in enumerate(ids)}
    num, den = np.zeros((len(ids), len(columns))), np.zeros((len(ids), len(columns)))
    for c, (item_ids, outcomes) in enumerate(columns):
        s = outcome_scores(outcomes)
        ok = ~np.isnan(s)
        where = np.array([pos[i] for i in item_ids], dtype=np.int64)[ok]
        np.add.at(num[:, c], where, s[ok])
        np.add.at(den[:, c], where, 1.0)
    return num, den


def _fit_bt(wins: np.ndarray, totals: np.ndarray, design: np.ndarray, ridge: float = 1e-10) -> np.ndarray:
    """Batched Newton for Bradley-Terry: rows of ``wins``/``totals`` are independent data sets.

    ``design`` is ``(n_comparisons, n_free_systems)`` with +1 for A and -1 for B; the anchor has
    no column.  The tiny ridge keeps a system that won every item finite.
    """
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


def _check_connected(systems: Sequence[str], pairs: Sequence[tuple[str, str]]) -> None:
    """A ranking needs every system linked to every other through some chain of comparisons."""
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
