"""Statistics for pairwise judgments: pure functions, seeded, vectorised.

Everything here takes plain values (outcomes, scores, lengths) and returns plain, JSON-ready
values; no file is read or written and nothing is printed, so the judging command, the
AlpacaEval import, ``summarize`` and the report all compute the same numbers the same way.

Conventions (the run-directory contract, issue 3):

* Counts are from system A's side; rates are in percent.
* Per-item scores: win 1, slight win 1, tie 0.5, slight loss 0, loss 0.  Soft preferences
  (AlpacaEval's 1..2 scale minus 1) are scores in [0, 1] and are kept as they are.
* An ``unscored`` item (an order unparsed or failed) is counted and shown, never a loss or a tie.
* The item is the resampling unit: both orders of an item stay together, and an item id is
  resampled jointly in every language when languages are translations of the same items.
  Resample counts depend only on ``(seed, n_items, n_resamples)``, so comparisons over the
  same items share one count matrix and one matrix product gives all their intervals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

OUTCOMES: tuple[str, ...] = ("win", "slight_win", "tie", "slight_loss", "loss", "unscored")
SCORES: dict[str, float] = {"win": 1.0, "slight_win": 1.0, "tie": 0.5, "slight_loss": 0.0, "loss": 0.0}
DEFAULT_RESAMPLES = 10_000
CI_LEVEL = 95.0

_TWO_ORDERS = {
    ("A", "A"): "win",
    ("A", "tie"): "slight_win",
    ("tie", "A"): "slight_win",
    ("tie", "tie"): "tie",
    ("A", "B"): "tie",
    ("B", "A"): "tie",
    ("tie", "B"): "slight_loss",
    ("B", "tie"): "slight_loss",
    ("B", "B"): "loss",
}
_ONE_ORDER = {"A": "win", "tie": "tie", "B": "loss"}


# --------------------------------------------------------------------------- outcomes


def _verdict(v: str | None) -> str | None:
    """Normalise a verdict already mapped back to systems; unparsed and failed become None."""
    if v is None or v == "unparsed":
        return None
    if v not in ("A", "B", "tie"):
        raise ValueError(f"verdict must be 'A', 'B', 'tie' or None, not {v!r}")
    return v


def outcome_from_orders(v_ab: str | None, v_ba: str | None = None, single: bool = False) -> str:
    """Combine the verdicts of both orders into one item outcome, as the PLUG paper does.

    ``v_ab`` is the verdict when A sat in the first slot, ``v_ba`` when B did; both are already
    mapped back to systems.  A in both orders is a win, A plus a tie a slight win, tie + tie or
    A + B (the judge followed the position, not the answer) a tie, mirrored for B.  Any missing
    verdict makes the item unscored.  With ``single=True`` the one judged order decides:
    A -> win, tie -> tie, B -> loss.
    """
    a, b = _verdict(v_ab), _verdict(v_ba)
    if single:
        if a is not None and b is not None:
            raise ValueError("single=True takes one verdict, got two")
        one = a if a is not None else b
        return "unscored" if one is None else _ONE_ORDER[one]
    if a is None or b is None:
        return "unscored"
    return _TWO_ORDERS[(a, b)]


def outcome_scores(outcomes: Sequence[Any]) -> np.ndarray:
    """Per-item scores for A (NaN where unscored); floats are soft preferences in [0, 1]."""
    out = np.empty(len(outcomes), dtype=float)
    for i, o in enumerate(outcomes):
        if isinstance(o, str):
            if o != "unscored" and o not in SCORES:
                raise ValueError(f"unknown outcome {o!r}; expected one of {', '.join(OUTCOMES)}")
            out[i] = SCORES.get(o, math.nan)
        else:
            out[i] = math.nan if o is None else float(o)
    bad = (out < 0) | (out > 1)
    if bad.any():
        raise ValueError(f"soft scores must lie in [0, 1]; got {out[bad][0]!r}")
    return out


def outcome_codes(outcomes: Sequence[Any]) -> np.ndarray:
    """Index into OUTCOMES per item; soft scores count as win/tie/loss around 0.5 (AlpacaEval)."""
    scores = outcome_scores(outcomes)
    codes = np.full(len(scores), 5, dtype=np.int64)
    codes[scores > 0.5] = 0
    codes[scores == 0.5] = 2
    codes[scores < 0.5] = 4
    for i, o in enumerate(outcomes):  # keep the slight outcomes of discrete verdicts
        if o == "slight_win":
            codes[i] = 1
        elif o == "slight_loss":
            codes[i] = 3
    return codes


def count_outcomes(codes: np.ndarray) -> dict[str, int]:
    counts = np.bincount(codes, minlength=len(OUTCOMES))
    return {name: int(c) for name, c in zip(OUTCOMES, counts, strict=True)}


def win_rate(scores: np.ndarray) -> float | None:
    """Mean score of the scored items, in percent; None when nothing was scored."""
    scored = scores[~np.isnan(scores)]
    return float(100.0 * scored.mean()) if scored.size else None


# --------------------------------------------------------------------------- bootstrap


def resample_counts(n_items: int, n_resamples: int = DEFAULT_RESAMPLES, seed: int = 0) -> np.ndarray:
    """How often each item is drawn in each resample: a read-only ``(n_resamples, n_items)`` matrix.

    The draws are ``default_rng(seed).integers(0, n, (R, n))``, the same indices
    ``scipy.stats.bootstrap`` draws from a generator with that seed, so the two agree exactly.
    The last few matrices are kept: a report's comparisons over the same items reuse one.
    """
    if n_items < 1 or n_resamples < 1:
        raise ValueError("need at least one item and one resample")
    key = (int(n_items), int(n_resamples), seed)
    if key not in _COUNTS:
        rng = np.random.default_rng(seed)
        idx = rng.integers(0, n_items, size=(n_resamples, n_items), dtype=np.int64)  # the default dtype
        idx += (np.arange(n_resamples) * n_items)[:, None]
        drawn = np.bincount(idx.ravel(), minlength=n_resamples * n_items).reshape(n_resamples, n_items)
        counts = idx.view(np.float64)  # the indices' memory, already paged in, holds the float counts
        np.copyto(counts, drawn, casting="unsafe")
        counts.flags.writeable = False
        while len(_COUNTS) >= 2:
            _COUNTS.pop(next(iter(_COUNTS)))
        _COUNTS[key] = counts
    return _COUNTS[key]


_COUNTS: dict[tuple[int, int, Any], np.ndarray] = {}


def ratio_bootstrap(num: np.ndarray, den: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Resampled ratios ``sum(w*num)/sum(w*den)`` for every column, one matrix product each.

    ``num``/``den`` are ``(n_items, n_columns)``: per item the score sum and the number of scored
    judgments.  An unscored item is drawn like any other and adds nothing to either sum, so the
    interval reflects how many items were scored.  A resample with nothing scored gives NaN.
    """
    both = counts @ np.hstack([num, den])  # one pass over the (large) count matrix
    top, bottom = both[:, : num.shape[1]], both[:, num.shape[1]:]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1.0), np.nan)


def percentile_ci(resampled: np.ndarray, level: float = CI_LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column (NaN resamples ignored), as scipy's ``percentile`` method."""
    tail = (100.0 - level) / 2
    if not np.isnan(resampled).any():  # the common case; nanpercentile loops column by column
        low, high = np.percentile(resampled, [tail, 100.0 - tail], axis=0)
        return low, high
    with np.errstate(invalid="ignore"):
        low, high = np.nanpercentile(resampled, [tail, 100.0 - tail], axis=0)
    return low, high


def bootstrap_mean_ci(
    values: Sequence[float],
    clusters: Sequence[Any] | None = None,
    *,
    seed: int = 0,
    n_resamples: int = DEFAULT_RESAMPLES,
    level: float = CI_LEVEL,
) -> tuple[float, float]:
    """Percentile CI of a mean, resampling whole clusters (e.g. items) when ``clusters`` is given.

    Resampling single judgments of an item that was judged several times treats correlated
    judgments as independent and gives too narrow an interval; pass the item ids as clusters.
    """
    x = np.asarray(values, dtype=float)
    ok = ~np.isnan(x)
    if clusters is None:
        ids = np.arange(len(x))
    else:
        ids = np.unique(np.asarray(clusters), return_inverse=True)[1].ravel()
    n = int(ids.max()) + 1 if len(ids) else 0
    num = np.bincount(ids, weights=np.where(ok, x, 0.0), minlength=n)[:, None]
    den = np.bincount(ids, weights=ok.astype(float), minlength=n)[:, None]
    low, high = percentile_ci(ratio_bootstrap(num, den, resample_counts(n, n_resamples, seed)), level)
    return float(low[0]), float(high[0])


def win_rate_intervals(
    score_matrix: np.ndarray, *, seed: int = 0, n_resamples: int = DEFAULT_RESAMPLES, level: float = CI_LEVEL
) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile intervals (percent) for many comparisons over the same ``n`` items.

    ``score_matrix`` is ``(n_items, n_comparisons)`` with NaN for unscored items.  All columns
    share one resample-count matrix: one ``(R, n) @ (n, C)`` product for all of them.
    """
    s = np.asarray(score_matrix, dtype=float)
    ok = ~np.isnan(s)
    counts = resample_counts(s.shape[0], n_resamples, seed)
    rates = 100.0 * ratio_bootstrap(np.where(ok, s, 0.0), ok.astype(float), counts)
    return percentile_ci(rates, level)


# --------------------------------------------------------------------------- tests


def sign_test(n_pos: Any, n_neg: Any) -> Any:
    """Two-sided exact sign test (binomial, p = 1/2) on decisive items; elementwise.

    For p = 1/2 the two-sided p-value is twice the smaller tail, capped at 1 (what
    ``scipy.stats.binomtest`` gives).  NaN where there is no decisive item.  Summed in log
    space with numpy alone: importing scipy would double ``summarize``'s start-up.
    """
    pos, neg = np.broadcast_arrays(np.asarray(n_pos, dtype=np.int64), np.asarray(n_neg, dtype=np.int64))
    out = np.full(pos.shape, np.nan)
    for idx in np.ndindex(pos.shape):
        n, k = int(pos[idx] + neg[idx]), int(min(pos[idx], neg[idx]))
        if n > 0:
            log_fact = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, n + 1)))])
            j = np.arange(k + 1)
            log_pmf = log_fact[n] - log_fact[j] - log_fact[n - j] - n * math.log(2.0)
            top = log_pmf.max()
            out[idx] = min(1.0, 2.0 * math.exp(top) * float(np.exp(log_pmf - top).sum()))
    return out if out.shape else float(out)


def _none_if_nan(x: Any) -> float | None:
    x = float(x)
    return None if math.isnan(x) else x


# --------------------------------------------------------------------------- position bias


def position_bias(order_verdicts: Sequence[tuple[str | None, str | None]]) -> dict[str, Any]:
    """How much the judge prefers a slot rather than an answer.

    ``order_verdicts`` holds per item (verdict with A in the first slot, verdict with B in the
    first slot), mapped back to systems.  ``first_slot_win_rate``: of the judgments that picked a
    side, the share that picked the first slot (50 = no position preference).  ``flip_rate``: of
    the items with both orders parsed, the share whose two verdicts differ; ``reversal_rate`` the
    share where the winner itself swapped with the slot (A then B, or B then A).
    """
    ab = [_verdict(a) for a, _ in order_verdicts]
    ba = [_verdict(b) for _, b in order_verdicts]
    first = sum(v == "A" for v in ab) + sum(v == "B" for v in ba)
    decisive = sum(v in ("A", "B") for v in ab + ba)
    pairs = [(a, b) for a, b in zip(ab, ba, strict=True) if a is not None and b is not None]
    flips = sum(a != b for a, b in pairs)
    reversals = sum({a, b} == {"A", "B"} for a, b in pairs)
    return {
        "first_slot_win_rate": 100.0 * first / decisive if decisive else None,
        "flip_rate": 100.0 * flips / len(pairs) if pairs else None,
        "reversal_rate": 100.0 * reversals / len(pairs) if pairs else None,
        "n_decisive_judgments": decisive,
        "n_pairs": len(pairs),
    }


# --------------------------------------------------------------------------- length control


LC_MIN_SCORED = 20  #: fewer scored items give no length-controlled win rate
LC_MAX_COEF = 10.0  #: |b0| or |b1| at or above this is a fit running off to infinity, not an estimate


def _fit_logistic(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None, *,
                  start: np.ndarray | None = None, max_iter: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """Newton fits of ``logit P = b0 + b1*x`` on soft labels y in [0, 1], one per row of ``weights``.

    ``weights`` is ``(R, n)`` (a resample's draw counts; default one row of ones).  Returns the
    ``(R, 2)`` coefficients and whether each fit converged with both coefficients finite and
    under :data:`LC_MAX_COEF` in size; a fit that diverges (every item won, or a length
    difference that separates wins from losses) is reported as not converged, never as a number.
    """
    w = np.ones((1, x.size)) if weights is None else np.asarray(weights, dtype=float)
    beta = np.zeros((w.shape[0], 2)) if start is None else np.tile(np.asarray(start, dtype=float), (w.shape[0], 1))
    done = np.zeros(w.shape[0], dtype=bool)
    wx, wxx = w * x, w * x * x

    def dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:  # row-wise sums without temporaries
        return np.einsum("ij,ij->i", a, b)

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(max_iter):
            p = np.clip(beta[:, :1] + beta[:, 1:] * x, -60, 60)
            np.negative(p, out=p)
            np.exp(p, out=p)
            p += 1.0
            np.reciprocal(p, out=p)
            r = y - p
            p *= 1 - p  # now the variance
            g0, g1 = dot(w, r), dot(wx, r)
            h00, h01, h11 = dot(w, p), dot(wx, p), dot(wxx, p)
            det = h00 * h11 - h01 * h01
            ok = det > 1e-12 * np.maximum(h00 * h11, 1e-300)
            s0 = np.where(ok, (h11 * g0 - h01 * g1) / np.where(ok, det, 1), np.nan)
            s1 = np.where(ok, (h00 * g1 - h01 * g0) / np.where(ok, det, 1), np.nan)
            step = np.column_stack([s0, s1])
            live = ~done
            beta[live] += step[live]
            bad = ~np.isfinite(beta).all(1) | (np.abs(beta) >= LC_MAX_COEF).any(1)
            done |= bad | (np.abs(step).max(1) < 1e-8)
            if done.all():
                break
        converged = done & np.isfinite(beta).all(1) & (np.abs(beta) < LC_MAX_COEF).all(1)
    return beta, converged


def _lc_inputs(scores: np.ndarray, len_a: Sequence[float], len_b: Sequence[float]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, str | None]:
    """(mask of usable items, x, y, reason it cannot be estimated or None)."""
    s = np.asarray(scores, dtype=float)
    d = np.asarray(len_a, dtype=float) - np.asarray(len_b, dtype=float)
    ok = ~np.isnan(s) & ~np.isnan(d)
    n = int(ok.sum())
    if n < LC_MIN_SCORED:
        return ok, d, s, f"needs at least {LC_MIN_SCORED} scored items with lengths, has {n}"
    if not ((d[ok] > 0).any() and (d[ok] < 0).any()):
        return ok, d, s, "the length difference has one sign on every scored item: length cannot be separated"
    sd = d[ok].std(ddof=1)
    return ok, np.tanh(d[ok] / sd), s[ok], None


def _lc_step_sums(beta: np.ndarray, x: np.ndarray, y: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Per item, the terms of the logistic gradient and Hessian at ``beta`` (zero where not ``ok``)."""
    p = 1.0 / (1.0 + np.exp(-(beta[0] + beta[1] * x)))
    r, v = y - p, p * (1 - p)
    per_item = np.zeros((ok.size, 5))
    per_item[ok] = np.column_stack([r, r * x, v, v * x, v * x * x])
    return per_item


def _lc_intervals(fits: Sequence[tuple[np.ndarray, np.ndarray]], counts: np.ndarray,
                  level: float) -> list[tuple[float, float] | None]:
    """Percentile intervals of LC over the win rate's resamples, by the one-step bootstrap: each
    resample's fit is one Newton step from the full-data fit, whose gradient and Hessian are
    weighted sums over items -- one ``(R, n) @ (n, 5k)`` product for ``k`` comparisons, as cheap
    as the win rates' intervals.  ``fits`` holds (full-data coefficients, per-item terms of
    :func:`_lc_step_sums`).  Resamples whose step is singular or leaves |b| < 10 are left out;
    more than half of them left out gives None."""
    if not fits:
        return []
    sums = counts @ np.hstack([terms for _, terms in fits])
    out: list[tuple[float, float] | None] = []
    tail = (100.0 - level) / 2
    for k, (beta, _) in enumerate(fits):
        g0, g1, h00, h01, h11 = sums[:, 5 * k:5 * k + 5].T
        det = h00 * h11 - h01 * h01
        good = det > 1e-12 * np.maximum(h00 * h11, 1e-300)
        safe = np.where(good, det, 1.0)
        b0 = beta[0] + (h11 * g0 - h01 * g1) / safe
        b1 = beta[1] + (h00 * g1 - h01 * g0) / safe
        good &= np.isfinite(b0) & np.isfinite(b1) & (np.abs(b0) < LC_MAX_COEF) & (np.abs(b1) < LC_MAX_COEF)
        if good.mean() < 0.5:
            out.append(None)
            continue
        lo, hi = np.percentile(100.0 / (1.0 + np.exp(-b0[good])), [tail, 100.0 - tail])
        out.append((float(lo), float(hi)))
    return out


def length_controlled_win_rate(scores: Sequence[float] | np.ndarray, len_a: Sequence[float],
                               len_b: Sequence[float], counts: np.ndarray | None = None,
                               level: float = CI_LEVEL) -> dict[str, Any]:
    """Our own simple length-controlled win rate (not AlpacaEval 2's LC column).

    Per comparison, fit ``logit P(A wins) = b0 + b1*tanh(dlen/sd(dlen))`` on the scored items'
    scores, with lengths in ``answer_units``; LC = 100*sigmoid(b0) is the win rate predicted for
    answers of equal length.  AlpacaEval 2's LC also uses per-instruction difficulties fitted over
    hundreds of models, which a single comparison does not have.

    Total: LC is None, with ``lc_reason`` saying why, unless at least :data:`LC_MIN_SCORED` items
    are scored, length differences of both signs occur and the fit converges with |b0| and |b1|
    under :data:`LC_MAX_COEF`.  With ``counts`` (the win rate's resample-count matrix) it gets a
    percentile interval from the same draws (:func:`_lc_intervals`).
    """
    out, fit = _lc_point(scores, len_a, len_b)
    if fit is not None and counts is not None:
        (lo_hi,) = _lc_intervals([(fit[0], _lc_step_sums(*fit))], counts, level)
        if lo_hi is not None:
            out.update(lc_ci_low=lo_hi[0], lc_ci_high=lo_hi[1])
    return out


def _lc_point(scores: Sequence[float] | np.ndarray, len_a: Sequence[float], len_b: Sequence[float]
              ) -> tuple[dict[str, Any], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None]:
    """LC without its interval, and the fit (coefficients, x, y, usable items) when it is defined."""
    out: dict[str, Any] = {"lc_win_rate": None, "length_coef": None, "lc_ci_low": None, "lc_ci_high": None,
                           "lc_reason": None}
    ok, x, y, reason = _lc_inputs(np.asarray(scores, dtype=float), len_a, len_b)
    if reason is not None:
        out["lc_reason"] = reason
        return out, None
    beta, conv = _fit_logistic(x, y)
    if not conv[0]:
        out["lc_reason"] = f"the length fit does not converge to |b0|, |b1| < {LC_MAX_COEF:g}"
        return out, None
    b0, b1 = beta[0]
    out.update(lc_win_rate=float(100.0 / (1.0 + math.exp(-b0))), length_coef=float(b1))
    return out, (beta[0], x, y, ok)


# --------------------------------------------------------------------------- one comparison


def _category_stats(codes: np.ndarray, scores: np.ndarray, categories: Sequence[Any]) -> dict[str, Any]:
    cats = ["" if c is None else str(c) for c in categories]
    out: dict[str, Any] = {}
    for cat in sorted(set(cats)):
        mask = np.array([c == cat for c in cats])
        counts = count_outcomes(codes[mask])
        out[cat] = {"n_items": int(mask.sum()), "n_scored": int(mask.sum()) - counts["unscored"],
                    **counts, "win_rate": win_rate(scores[mask])}
    return out


def comparison_stats(
    outcomes: Sequence[Any],
    *,
    categories: Sequence[Any] | None = None,
    order_verdicts: Sequence[tuple[str | None, str | None]] | None = None,
    seed: int = 0,
    n_resamples: int = DEFAULT_RESAMPLES,
    len_a: Sequence[float] | None = None,
    len_b: Sequence[float] | None = None,
) -> dict[str, Any]:
    """The summary statistics of one comparison of A against B.

    ``outcomes`` are item outcomes (:data:`OUTCOMES`) or soft scores in [0, 1] (None/NaN =
    unscored).  Returns counts, ``win_rate`` with a 95% percentile bootstrap interval over items,
    the two-sided sign test on decisive items, position bias (None without ``order_verdicts``),
    per-category counts and, when both lengths are given, the length-controlled win rate.
    """
    return many_comparison_stats(
        [{"outcomes": outcomes, "categories": categories, "order_verdicts": order_verdicts,
          "len_a": len_a, "len_b": len_b}], seed=seed, n_resamples=n_resamples)[0]


def _comparison(
    outcomes: Sequence[Any],
    *,
    ci: tuple[float | None, float | None],
    seed: int,
    n_resamples: int,
    categories: Sequence[Any] | None = None,
    order_verdicts: Sequence[tuple[str | None, str | None]] | None = None,
    len_a: Sequence[float] | None = None,
    len_b: Sequence[float] | None = None,
    lc: dict[str, Any] | None = None,
    pending: Sequence[bool] | None = None,
) -> dict[str, Any]:
    """Everything but the bootstrap, which the caller did for many comparisons at once (``ci``,
    and ``lc`` when the comparison has lengths).  ``pending`` marks items not judged yet (their
    outcome is ``unscored`` until then): the paper's figures leave them out."""
    n = len(outcomes)
    columns = (("categories", categories), ("order_verdicts", order_verdicts), ("len_a", len_a), ("len_b", len_b),
               ("pending", pending))
    for name, seq in columns:
        if seq is not None and len(seq) != n:
            raise ValueError(f"{name} has {len(seq)} entries for {n} outcomes")
    scores = outcome_scores(outcomes)
    codes = outcome_codes(outcomes)
    counts = count_outcomes(codes)
    out: dict[str, Any] = {"n_items": n, "n_scored": n - counts["unscored"], **counts}
    out["win_rate"] = win_rate(scores)
    out["ci_low"], out["ci_high"] = ci
    pos, neg = counts["win"] + counts["slight_win"], counts["loss"] + counts["slight_loss"]
    out["p_value"] = _none_if_nan(sign_test(pos, neg))
    out["position_bias"] = None if order_verdicts is None else position_bias(order_verdicts)
    out["by_category"] = {} if categories is None else _category_stats(codes, scores, categories)
    if len_a is not None and len_b is not None:
        out.update(lc if lc is not None else length_controlled_win_rate(scores, len_a, len_b))
    out["bootstrap"] = {"method": "percentile", "unit": "item", "level": CI_LEVEL, "seed": seed,
                        "n_resamples": n_resamples}
    return out


# --------------------------------------------------------------------------- many comparisons


def many_comparison_stats(
    comparisons: Sequence[Mapping[str, Any]], *, seed: int = 0, n_resamples: int = DEFAULT_RESAMPLES
) -> list[dict[str, Any]]:
    """:func:`comparison_stats` for many comparisons at once, each result identical to a lone call.

    Each comparison is a mapping of :func:`comparison_stats`'s keyword arguments plus
    ``outcomes``.  Comparisons with the same number of items share one resample-count matrix,
    so their intervals cost one matrix product instead of one bootstrap each.
    """
    if n_resamples < 1:
        raise ValueError("n_resamples must be at least 1")
    by_n: dict[int, list[int]] = {}
    for i, comp in enumerate(comparisons):
        by_n.setdefault(len(comp["outcomes"]), []).append(i)
    cis: dict[int, tuple[float | None, float | None]] = {}
    paper_cis: dict[int, tuple[float | None, float | None]] = {}
    lcs: dict[int, dict[str, Any]] = {}
    for n, members in by_n.items():
        if n == 0:
            continue
        matrix = np.column_stack([outcome_scores(comparisons[i]["outcomes"]) for i in members])
        empty = np.isnan(matrix).all(axis=0)  # nothing scored: no interval (and no nan warning)
        # The paper's signed difference per item (+1 win, -1 loss, 0 tie or unscored; NaN while
        # pending) shares the product: its "win rate" over the ended items is the delta in points.
        signs = np.column_stack([paper_signs(comparisons[i]["outcomes"], comparisons[i].get("pending"))
                                 for i in members])
        waiting = np.isnan(signs).all(axis=0)  # every item pending: no interval
        low, high = win_rate_intervals(np.hstack([np.where(empty, 0.0, matrix), np.where(waiting, 0.0, signs)]),
                                       seed=seed, n_resamples=n_resamples)
        m = len(members)
        for k, (i, lo, hi, none, plo, phi) in enumerate(zip(members, low[:m], high[:m], empty, low[m:], high[m:],
                                                            strict=True)):
            cis[i] = (None, None) if none else (_none_if_nan(lo), _none_if_nan(hi))
            paper_cis[i] = (None, None) if waiting[k] else (_none_if_nan(plo), _none_if_nan(phi))
        fitted, fits = [], []
        for k, i in enumerate(members):
            la, lb = comparisons[i].get("len_a"), comparisons[i].get("len_b")
            if la is not None and lb is not None and len(la) == len(lb) == n:
                lcs[i], fit = _lc_point(matrix[:, k], la, lb)
                if fit is not None:
                    fitted.append(i)
                    fits.append((fit[0], _lc_step_sums(*fit)))
        counts = resample_counts(n, n_resamples, seed)  # still cached: LC's intervals use the same draws
        for i, lo_hi in zip(fitted, _lc_intervals(fits, counts, CI_LEVEL), strict=True):
            if lo_hi is not None:
                lcs[i].update(lc_ci_low=lo_hi[0], lc_ci_high=lo_hi[1])
    out = [_comparison(seed=seed, n_resamples=n_resamples, ci=cis.get(i, (None, None)), lc=lcs.get(i), **comp)
           for i, comp in enumerate(comparisons)]
    for i, res in enumerate(out):
        waiting = int(sum(comparisons[i].get("pending") or ()))
        res["paper"] = paper_figures(res, paper_cis.get(i, (None, None)), waiting)
    return out


PAPER_NOTE = ("the PLUG paper's figures: wins (incl. slight) minus losses (incl. slight) over all items, "
              "unscored included, in points; the paper prints |delta|. Our win_rate counts ties as half "
              "and only scored items: delta = 2 * win_rate - 100 when every item is scored")


def paper_signs(outcomes: Sequence[Any], pending: Sequence[bool] | None = None) -> np.ndarray:
    """+1 for a win or slight win of A, -1 for a loss or slight loss, 0 for a tie or unscored;
    NaN for an item still ``pending`` (not judged yet: not one of the paper's items)."""
    codes = outcome_codes(outcomes)
    signs = np.select([codes <= 1, (codes == 3) | (codes == 4)], [1.0, -1.0], 0.0)
    if pending is not None and any(pending):
        signs[np.asarray(pending, dtype=bool)] = np.nan
    return signs


def paper_figures(counts: Mapping[str, Any], delta_ci: tuple[float | None, float | None],
                  pending: int = 0) -> dict[str, Any]:
    """The paper's per-language figures from outcome counts: percentages of the items whose
    judgments ended (its scripts count an item once both orders are judged, a failed or
    unreadable one as an error).  Items still ``pending`` are left out and counted apart."""
    n = int(counts["n_items"]) - pending
    apart = {"n_judged": n, "pending": pending} if pending else {}  # finished runs keep exactly their fields
    if n <= 0:
        why = "no item judged yet" if pending else "no items"
        return {"win_pct": None, "tie_pct": None, "loss_pct": None, "unscored_pct": None, "delta": None,
                "delta_ci_low": None, "delta_ci_high": None, "reason": why, **apart, "note": PAPER_NOTE}
    win = 100.0 * (counts["win"] + counts["slight_win"]) / n
    loss = 100.0 * (counts["loss"] + counts["slight_loss"]) / n
    return {"win_pct": win, "tie_pct": 100.0 * counts["tie"] / n, "loss_pct": loss,
            "unscored_pct": 100.0 * (counts["unscored"] - pending) / n, "delta": win - loss,
            "delta_ci_low": delta_ci[0], "delta_ci_high": delta_ci[1], **apart, "note": PAPER_NOTE}


def paper_delta_resamples(outcomes: Sequence[Any], pending: Sequence[bool] | None = None, *, seed: int = 0,
                          n_resamples: int = DEFAULT_RESAMPLES) -> np.ndarray:
    """The paper's delta (points) in each bootstrap resample of one comparison: the draws its
    ``delta_ci`` comes from (:func:`many_comparison_stats`), pending items left out."""
    signs = paper_signs(outcomes, pending)
    ok = ~np.isnan(signs)
    counts = resample_counts(len(signs), n_resamples, seed)
    return 100.0 * ratio_bootstrap(np.where(ok, signs, 0.0)[:, None], ok.astype(float)[:, None], counts)[:, 0]


def mean_delta(deltas: Sequence[float], resamples: Sequence[np.ndarray], level: float = CI_LEVEL) -> dict[str, Any]:
    """The mean of several comparisons' deltas (the paper's "on average"), with the percentile
    interval of the mean of their r-th resamples (comparisons with the same seed and item count
    share draws: the same item position is drawn in all of them)."""
    if not deltas:
        return {"delta": None, "delta_ci_low": None, "delta_ci_high": None, "reason": "no comparison"}
    if len({len(r) for r in resamples}) > 1:
        return {"delta": float(np.mean(deltas)), "delta_ci_low": None, "delta_ci_high": None,
                "reason": "the comparisons have different bootstrap resample counts (--n-resamples)"}
    low, high = percentile_ci(np.mean(np.column_stack(list(resamples)), axis=1)[:, None], level)
    return {"delta": float(np.mean(deltas)), "delta_ci_low": _none_if_nan(low[0]),
            "delta_ci_high": _none_if_nan(high[0])}


# --------------------------------------------------------------------------- across languages


def overall_stats(
    per_language: Mapping[str, tuple[Sequence[Any], Sequence[Any]]],
    *,
    seed: int = 0,
    n_resamples: int = DEFAULT_RESAMPLES,
) -> dict[str, Any]:
    """Pooled win rate across languages, resampling each item id jointly in every language.

    ``per_language`` maps a language to ``(item_ids, outcomes)``.  The languages are
    translations of the same items, so an item's judgments in five languages are one cluster:
    treating them as independent would shrink the interval.  The sign test is on clusters too:
    an id counts for A when its mean score over the languages is above one half.
    """
    ids = list(dict.fromkeys(i for item_ids, _ in per_language.values() for i in item_ids))  # first-seen order
    pos = {item: k for k, item in enumerate(ids)}
    num, den = np.zeros(len(ids)), np.zeros(len(ids))
    codes_all = []
    for item_ids, outcomes in per_language.values():
        s = outcome_scores(outcomes)
        where = np.array([pos[i] for i in item_ids], dtype=np.int64)
        ok = ~np.isnan(s)
        np.add.at(num, where[ok], s[ok])
        np.add.at(den, where[ok], 1.0)
        codes_all.append(outcome_codes(outcomes))
    counts = count_outcomes(np.concatenate(codes_all)) if codes_all else count_outcomes(np.zeros(0, np.int64))
    n_scored = int(den.sum())
    out: dict[str, Any] = {"n_items": sum(counts.values()), "n_scored": n_scored, "n_ids": len(ids), **counts}
    out["win_rate"] = float(100 * num.sum() / n_scored) if n_scored else None
    out["ci_low"] = out["ci_high"] = None
    if n_scored:
        rates = 100.0 * ratio_bootstrap(num[:, None], den[:, None], resample_counts(len(ids), n_resamples, seed))
        low, high = percentile_ci(rates)
        out["ci_low"], out["ci_high"] = _none_if_nan(low[0]), _none_if_nan(high[0])
    with np.errstate(invalid="ignore"):
        mean = num / den
    out["p_value"] = _none_if_nan(sign_test(int(np.sum(mean > 0.5)), int(np.sum(mean < 0.5))))
    out["languages"] = list(per_language)
    out["bootstrap"] = {"method": "percentile", "unit": "item id across languages", "level": CI_LEVEL,
                        "seed": seed, "n_resamples": n_resamples}
    return out


# --------------------------------------------------------------------------- system vs system


def paired_difference(
    scores_1: Sequence[float], scores_2: Sequence[float], *, seed: int = 0, n_resamples: int = DEFAULT_RESAMPLES
) -> dict[str, Any]:
    """Is system 1 better than system 2 on the same items?  Paired t-test plus bootstrap CI.

    Scores are per item, against the same baseline (or A's score in a direct comparison), in
    [0, 1]; the difference is reported in points.  A paired t-test, not Wilcoxon: with soft
    preferences, many tiny differences near zero dominate the ranks and Wilcoxon reports
    "significant" where the means barely differ.  Items unscored on either side are left out
    and counted.
    """
    a, b = np.asarray(scores_1, dtype=float), np.asarray(scores_2, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"paired scores need the same items: {a.size} vs {b.size}")
    return paired_differences(a[:, None], b[:, None], seed=seed, n_resamples=n_resamples)[0]


def paired_differences(
    a: np.ndarray, b: np.ndarray, *, seed: int = 0, n_resamples: int = DEFAULT_RESAMPLES
) -> list[dict[str, Any]]:
    """:func:`paired_difference` for the columns of two ``(n_items, k)`` matrices, one bootstrap.

    All pairs resample the same items (an unscored one adds nothing), so one matrix product
    gives every interval.
    """
    from scipy.special import stdtr

    ok = ~np.isnan(a) & ~np.isnan(b)
    diff = np.where(ok, 100.0 * (np.nan_to_num(a) - np.nan_to_num(b)), 0.0)
    low = high = np.full(a.shape[1], np.nan)
    if a.shape[0] > 0 and ok.any():
        rates = ratio_bootstrap(diff, ok.astype(float), resample_counts(a.shape[0], n_resamples, seed))
        low, high = percentile_ci(rates)
    out = []
    for k in range(a.shape[1]):
        d = diff[ok[:, k], k]
        n = int(d.size)
        res: dict[str, Any] = {"n": n, "n_dropped": int(a.shape[0] - n), "diff": None, "se": None, "t": None,
                               "df": n - 1, "p_value": None, "ci_low": None, "ci_high": None}
        if n >= 2:
            se = float(d.std(ddof=1) / math.sqrt(n))
            res.update(diff=float(d.mean()), se=se, ci_low=float(low[k]), ci_high=float(high[k]))
            if se > 0:
                t = res["diff"] / se
                res.update(t=t, p_value=float(2 * stdtr(n - 1, -abs(t))))
        out.append(res)
    return out


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjusted p-values (family-wise error), None entries left out and kept None.

    Used whenever a report marks several comparisons (per language, per system) as significant.
    """
    idx = [i for i, p in enumerate(p_values) if p is not None and not math.isnan(p)]
    p = np.array([p_values[i] for i in idx], dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order])) if m else p
    out: list[float | None] = [None] * len(p_values)
    for rank, j in enumerate(order):
        out[idx[j]] = float(adjusted[rank])
    return out
