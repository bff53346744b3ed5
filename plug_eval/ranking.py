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

RIDGE = 1e-10  #: the fit's only penalty: it keeps a system that won (or lost) every item finite
_TOL = 1e-11  #: a fit has converged when no strength moves by more than this in a step
_CHORD_STEPS = 40  #: cheap steps per resample before an unconverged one gets exact Newton
_HESSIAN_CELLS = 2**22  #: batched exact Newton holds at most this many Hessian entries (32 MB)


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
    comparison.  Comparisons of the same two systems are pooled; when every system faces only
    the anchor the fit is the logit of each win rate, otherwise every resample starts from the
    full-data fit and steps with its Hessian (see :func:`_fit_bt`).
    """
    systems = sorted({s for a, b, _, _ in comparisons for s in (a, b)})
    if anchor is None:
        baselines = [b for _, b, _, _ in comparisons]
        anchor = max(sorted(set(baselines)), key=baselines.count) if baselines else None
    if anchor not in systems:
        raise ValueError(f"anchor {anchor!r} is not one of the compared systems")
    _check_connected(systems, [(a, b) for a, b, _, _ in comparisons])
    free = [s for s in systems if s != anchor]
    num, den = _cluster_columns([(ids, outs) for _, _, ids, outs in comparisons])
    pairs, wins, losses = _pool_pairs([(a, b) for a, b, _, _ in comparisons], free, num, den)
    theta = _fit_bt(wins.sum(0)[None], losses.sum(0)[None], pairs)[0]
    drawn = resample_counts(num.shape[0], n_resamples, seed) @ np.hstack([wins, losses])
    boot = _fit_bt(drawn[:, : pairs.size], drawn[:, pairs.size:], pairs, start=theta)
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


class _Pairs:
    """The distinct pairs of systems compared: ``a < b``, free systems ``0..n-1``, the anchor ``n``.

    The anchor's strength is fixed at 0, so a pair with it is the one place it appears.  The
    gradient and Hessian are sums over pairs, gathered and scattered by index (never a dense
    design matrix), so a step costs time in proportion to the pairs, not pairs x systems.
    """

    def __init__(self, a: np.ndarray, b: np.ndarray, n: int) -> None:
        self.a, self.b, self.n, self.size = a, b, n, len(a)
        self._sides = [_segments(a), _segments(b)]

    def is_star(self) -> bool:
        """Every pair is (system, anchor): the fit falls apart into one logit per system."""
        return bool((self.b == self.n).all())

    def differences(self, theta: np.ndarray) -> np.ndarray:
        full = np.hstack([theta, np.zeros((theta.shape[0], 1))])
        return full[:, self.a] - full[:, self.b]

    def scatter(self, values: np.ndarray, b_sign: float = -1.0) -> np.ndarray:
        """Per row, each free system's sum of ``values`` over its pairs, times ``b_sign`` where it is ``b``."""
        out = np.zeros((values.shape[0], self.n + 1))
        for sign, (order, starts, targets) in zip((1.0, b_sign), self._sides, strict=True):
            out[:, targets] += sign * np.add.reduceat(values[:, order], starts, axis=1)
        return out[:, : self.n]

    def laplacian(self, weights: np.ndarray) -> np.ndarray:
        """Per row, the Hessian of the log-likelihood's negative with these pair weights, plus the ridge."""
        m, n1 = weights.shape[0], self.n + 1
        hess = np.zeros((m, n1 * n1))
        hess[:, self.a * n1 + self.b] = -weights  # the pairs are distinct: no entry is written twice
        hess[:, self.b * n1 + self.a] = -weights
        hess = hess.reshape(m, n1, n1)[:, : self.n, : self.n]
        diag = np.arange(self.n)
        hess[:, diag, diag] = self.scatter(weights, b_sign=1.0) + RIDGE
        return hess


def _segments(index: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How to sum columns that share an index: their order, where each run starts, its index."""
    order = np.argsort(index, kind="stable")
    ranked = index[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]]) if len(index) else np.zeros(0, np.int64)
    return order, starts, ranked[starts]


def _pool_pairs(ends: Sequence[tuple[str, str]], free: Sequence[str], num: np.ndarray, den: np.ndarray
                ) -> tuple[_Pairs, np.ndarray, np.ndarray]:
    """One column of per-item wins and losses for each distinct pair (its ``a`` winning).

    Comparisons of the same two systems, in either order, share a strength difference, so
    pooling their columns leaves the likelihood as it was.  A system against itself says nothing.
    """
    index = {s: k for k, s in enumerate(free)}
    column: dict[tuple[int, int], int] = {}
    merged: list[tuple[int, int, bool]] = []
    for c, (a, b) in enumerate(ends):
        i, j = index.get(a, len(free)), index.get(b, len(free))
        if i != j:
            merged.append((c, column.setdefault((min(i, j), max(i, j)), len(column)), i < j))
    wins, losses = np.zeros((num.shape[0], len(column))), np.zeros((num.shape[0], len(column)))
    for c, k, forward in merged:
        lost = den[:, c] - num[:, c]
        wins[:, k] += num[:, c] if forward else lost
        losses[:, k] += lost if forward else num[:, c]
    ab = np.array(list(column), dtype=np.int64).reshape(-1, 2)
    return _Pairs(ab[:, 0], ab[:, 1], len(free)), wins, losses


def _fit_bt(wins: np.ndarray, losses: np.ndarray, pairs: _Pairs, start: np.ndarray | None = None) -> np.ndarray:
    """Bradley-Terry by penalised maximum likelihood; rows of ``wins``/``losses`` are independent data sets.

    Maximises ``sum(wins*log(p) + losses*log(1-p)) - RIDGE*|theta|^2/2`` with ``p`` the sigmoid of
    ``theta_a - theta_b``: the same optimum as the earlier dense batched Newton, reached more
    cheaply.  A star design is solved system by system; otherwise, from ``start`` (the
    full-data fit), every row takes chord steps with one shared Hessian, and rows that are
    still moving after that get exact Newton; without ``start``, exact Newton from zero.
    """
    if pairs.is_star():
        theta = np.zeros((wins.shape[0], pairs.n))
        theta[:, pairs.a] = _ridge_logit(wins, losses)
        return theta
    if start is None:
        return _newton(wins, losses, pairs, np.zeros((wins.shape[0], pairs.n)))
    theta, moving = _chord(wins, losses, pairs, start)
    if moving.any():
        theta[moving] = _newton(wins[moving], losses[moving], pairs, np.tile(start, (int(moving.sum()), 1)))
    return theta


def _ridge_logit(wins: np.ndarray, losses: np.ndarray) -> np.ndarray:
    """Elementwise: the logit of ``wins/(wins+losses)``, moved by the ridge (which matters only at 0 or 1).

    Newton from the logit, or for a clean sweep from just inside the ridge's root
    (``log(t/RIDGE) - log(log(t/RIDGE))``), converges on that side in a few steps.
    """
    total = wins + losses
    with np.errstate(divide="ignore", invalid="ignore"):
        cap = np.where(total > 0, np.log(total / RIDGE), 2.0)
        cap -= np.log(cap)
        logit = np.log(wins) - np.log(losses)
    x = np.where(total > 0, np.clip(np.nan_to_num(logit, nan=0.0), -cap, cap), 0.0)
    for _ in range(100):
        p, q = _sigmoids(x)
        step = (wins * q - losses * p - RIDGE * x) / (total * p * q + RIDGE)
        x += step
        if not np.abs(step).max(initial=0.0) >= _TOL:
            break
    return x


def _sigmoids(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``sigmoid(x)`` and ``sigmoid(-x)``, each to full relative precision (no ``1 - p``)."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(-x)
        p = 1.0 / (1.0 + e)
        return p, e * p


def _gradient(theta: np.ndarray, wins: np.ndarray, losses: np.ndarray, pairs: _Pairs
              ) -> tuple[np.ndarray, np.ndarray]:
    """The penalised log-likelihood's gradient per row, and each pair's ``p*(1-p)``."""
    p, q = _sigmoids(pairs.differences(theta))
    resid = wins * q - losses * p  # = wins - (wins + losses) * p, without cancelling when p is near 1
    return pairs.scatter(resid) - RIDGE * theta, p * q


def _newton(wins: np.ndarray, losses: np.ndarray, pairs: _Pairs, theta: np.ndarray) -> np.ndarray:
    """Exact batched Newton from ``theta`` (modified in place), in chunks of rows to bound the memory."""
    chunk = max(1, _HESSIAN_CELLS // max(1, pairs.n * pairs.n))
    for lo in range(0, theta.shape[0], chunk):
        rows = slice(lo, lo + chunk)
        w, lost, t = wins[rows], losses[rows], theta[rows]
        for _ in range(100):
            grad, pq = _gradient(t, w, lost, pairs)
            step = np.linalg.solve(pairs.laplacian((w + lost) * pq), grad[..., None])[..., 0]
            t += step
            if not np.abs(step).max(initial=0.0) >= _TOL:
                break
    return theta


def _chord(wins: np.ndarray, losses: np.ndarray, pairs: _Pairs, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every row from ``start``, stepping with the Hessian at ``start`` for the rows' mean totals.

    A resample's Hessian differs from that one by a few percent, so each step shrinks the error
    by about that factor (it converges to the same optimum as Newton), and it costs a gather, a
    scatter and one matrix product instead of a solve per row.  Returns the strengths and which
    rows had not converged (or ran away) after ``_CHORD_STEPS``.
    """
    p, q = _sigmoids(pairs.differences(start[None]))
    inverse = np.linalg.inv(pairs.laplacian((wins + losses).mean(0, keepdims=True) * p * q)[0])
    theta = np.tile(start, (wins.shape[0], 1))
    moving = np.ones(wins.shape[0], dtype=bool)
    for _ in range(_CHORD_STEPS):
        step = _gradient(theta, wins, losses, pairs)[0] @ inverse
        theta += step
        moving = ~(np.abs(step).max(1) < _TOL)
        if not moving.any():
            break
    return theta, moving


def _check_connected(systems: Sequence[str], pairs: Sequence[tuple[str, str]]) -> None:
    """A ranking needs every system linked to every other through some chain of comparisons."""
    linked: dict[str, set[str]] = {}
    for a, b in pairs:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    seen, todo = {systems[0]}, [systems[0]]
    while todo:
        for y in linked.get(todo.pop(), set()) - seen:
            seen.add(y)
            todo.append(y)
    if len(seen) < len(systems):
        missing = ", ".join(sorted(set(systems) - seen))
        raise ValueError(f"cannot rank systems never compared with the others: {missing}")
