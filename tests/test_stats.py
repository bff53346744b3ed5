"""The summary statistics that `plug-judge compare` writes into summary.json."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import stats as sps

from plug_eval import stats

# --------------------------------------------------------------------------- outcomes

@pytest.mark.parametrize(
    "v_ab,v_ba,expected",
    [
        ("A", "A", "win"),
        ("A", "tie", "slight_win"),
        ("tie", "A", "slight_win"),
        ("tie", "tie", "tie"),
        ("A", "B", "tie"),
        ("B", "A", "tie"),
        ("B", "tie", "slight_loss"),
        ("tie", "B", "slight_loss"),
        ("B", "B", "loss"),
        (None, "A", "unscored"),
        ("A", None, "unscored"),
        ("unparsed", "B", "unscored"),
        (None, None, "unscored"),
    ],
)
def test_outcome_from_both_orders_follows_plug(v_ab, v_ba, expected):
    assert stats.outcome_from_orders(v_ab, v_ba) == expected


def test_outcome_is_symmetric_under_swapping_systems():
    swap = {"A": "B", "B": "A", "tie": "tie", None: None}
    mirror = {"win": "loss", "slight_win": "slight_loss", "tie": "tie", "unscored": "unscored",
              "slight_loss": "slight_win", "loss": "win"}
    for a, b in itertools.product(["A", "B", "tie", None], repeat=2):
        assert stats.outcome_from_orders(swap[a], swap[b]) == mirror[stats.outcome_from_orders(a, b)]


@pytest.mark.parametrize("v,expected", [("A", "win"), ("tie", "tie"), ("B", "loss"), (None, "unscored")])
def test_outcome_single_order(v, expected):
    assert stats.outcome_from_orders(v, None, single=True) == expected
    assert stats.outcome_from_orders(None, v, single=True) == expected


def test_outcome_rejects_unknown_verdicts_and_two_single_verdicts():
    with pytest.raises(ValueError, match="verdict"):
        stats.outcome_from_orders("a", "A")
    with pytest.raises(ValueError, match="one verdict"):
        stats.outcome_from_orders("A", "B", single=True)
    with pytest.raises(ValueError, match="unknown outcome"):
        stats.comparison_stats(["win", "lose"])


# --------------------------------------------------------------------------- comparison_stats


def _outcomes(rng, n, probs=(0.35, 0.1, 0.2, 0.1, 0.2, 0.05)):
    return list(rng.choice(stats.OUTCOMES, size=n, p=probs))


def test_counts_and_win_rate_by_hand():
    out = stats.comparison_stats(["win", "slight_win", "tie", "slight_loss", "loss", "unscored", "win"],
                                 n_resamples=200)
    assert (out["n_items"], out["n_scored"], out["unscored"]) == (7, 6, 1)
    assert [out[k] for k in stats.OUTCOMES] == [2, 1, 1, 1, 1, 1]
    assert out["win_rate"] == pytest.approx(100 * (1 + 1 + 1 + 0.5) / 6)
    assert out["position_bias"] is None and out["by_category"] == {}


def test_sign_test_matches_scipy_binomtest():
    rng = np.random.default_rng(1)
    for _ in range(30):
        outs = _outcomes(rng, int(rng.integers(5, 120)))
        got = stats.comparison_stats(outs, n_resamples=50)
        k = got["win"] + got["slight_win"]
        n = k + got["loss"] + got["slight_loss"]
        assert got["p_value"] == pytest.approx(sps.binomtest(k, n, 0.5).pvalue, rel=1e-9)
    assert stats.comparison_stats(["tie", "unscored"], n_resamples=10)["p_value"] is None


def test_ci_equals_scipy_bootstrap_with_the_same_seed():
    """Same generator seed -> same item draws as scipy's percentile bootstrap, same interval."""
    rng = np.random.default_rng(7)
    outs = _outcomes(rng, 300, probs=(0.3, 0.1, 0.2, 0.1, 0.3, 0.0))
    got = stats.comparison_stats(outs, seed=11, n_resamples=2000)
    scores = stats.outcome_scores(outs) * 100
    ref = sps.bootstrap((scores,), np.mean, n_resamples=2000, method="percentile", rng=np.random.default_rng(11),
                        vectorized=True)
    assert got["ci_low"] == pytest.approx(ref.confidence_interval.low, abs=1e-9)
    assert got["ci_high"] == pytest.approx(ref.confidence_interval.high, abs=1e-9)
    assert got["ci_low"] < got["win_rate"] < got["ci_high"]


def test_ci_is_seeded_and_records_its_settings():
    outs = _outcomes(np.random.default_rng(3), 150)
    a = stats.comparison_stats(outs, seed=5, n_resamples=500)
    b = stats.comparison_stats(outs, seed=5, n_resamples=500)
    c = stats.comparison_stats(outs, seed=6, n_resamples=500)
    assert (a["ci_low"], a["ci_high"]) == (b["ci_low"], b["ci_high"])
    assert (a["ci_low"], a["ci_high"]) != (c["ci_low"], c["ci_high"])
    assert a["bootstrap"] == {"method": "percentile", "unit": "item", "level": 95.0, "seed": 5, "n_resamples": 500}


def test_unscored_items_do_not_move_the_rate_but_are_resampled():
    base = ["win"] * 30 + ["loss"] * 20
    with_unscored = base + ["unscored"] * 10
    a = stats.comparison_stats(base, n_resamples=500)
    b = stats.comparison_stats(with_unscored, n_resamples=500)
    assert a["win_rate"] == b["win_rate"] == 60.0
    assert b["n_scored"] == 50 and b["unscored"] == 10


def test_nothing_scored_gives_nulls_not_zeros():
    out = stats.comparison_stats(["unscored"] * 4, n_resamples=20)
    assert out["win_rate"] is None and out["ci_low"] is None and out["ci_high"] is None
    assert out["p_value"] is None and out["n_scored"] == 0


def test_soft_preferences_keep_their_fraction():
    out = stats.comparison_stats([0.9, 0.2, 0.5, None, float("nan"), 1.0], n_resamples=100)
    assert out["win_rate"] == pytest.approx(100 * (0.9 + 0.2 + 0.5 + 1.0) / 4)
    assert (out["win"], out["tie"], out["loss"], out["unscored"]) == (2, 1, 1, 2)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        stats.comparison_stats([1.5])


def test_by_category_counts_and_rates():
    outs = ["win", "loss", "tie", "unscored", "slight_win"]
    cats = ["math", "math", "writing", "writing", None]
    out = stats.comparison_stats(outs, categories=cats, n_resamples=50)
    assert out["by_category"]["math"] == {"n_items": 2, "n_scored": 2, "win": 1, "slight_win": 0, "tie": 0,
                                          "slight_loss": 0, "loss": 1, "unscored": 0, "win_rate": 50.0}
    assert out["by_category"]["writing"]["win_rate"] == 50.0
    assert out["by_category"]["writing"]["unscored"] == 1
    assert out["by_category"][""]["win_rate"] == 100.0


def test_position_bias_by_hand():
    # item 1: A first -> A, B first -> B (the first slot won twice: a reversal)
    # item 2: A first -> A, B first -> A (consistent)
    # item 3: A first -> tie, B first -> B (first slot once, a flip but no reversal)
    # item 4: A first unparsed -> not a pair; B first -> B (first slot)
    ov = [("A", "B"), ("A", "A"), ("tie", "B"), (None, "B")]
    outs = [stats.outcome_from_orders(a, b) for a, b in ov]
    pb = stats.comparison_stats(outs, order_verdicts=ov, n_resamples=10)["position_bias"]
    # decisive judgments: A,B,A,A,B,B = 6; first-slot picks: A(AB),B(BA),A(AB),B(BA),B(BA) = 5
    assert pb["first_slot_win_rate"] == pytest.approx(100 * 5 / 6)
    assert pb["flip_rate"] == pytest.approx(100 * 2 / 3)
    assert pb["reversal_rate"] == pytest.approx(100 / 3)
    assert pb["n_pairs"] == 3


def test_length_lists_must_match_outcomes():
    with pytest.raises(ValueError, match="categories has 1 entries for 2 outcomes"):
        stats.comparison_stats(["win", "loss"], categories=["x"])


def test_the_papers_figures_divide_by_every_item_unscored_included():
    """win = win + slight win, loss = loss + slight loss, over all items, as the paper's script."""
    outcomes = ["win", "slight_win", "tie", "loss", "unscored", "slight_loss", "win", "tie", "win", "unscored"]
    res = stats.comparison_stats(outcomes, n_resamples=2000, seed=3)
    p = res["paper"]
    assert (p["win_pct"], p["tie_pct"], p["loss_pct"], p["unscored_pct"]) == (40.0, 20.0, 20.0, 20.0)
    assert p["delta"] == 20.0
    assert p["delta_ci_low"] < 20.0 < p["delta_ci_high"]
    # the interval is the bootstrap of the per-item signs over the same resample matrix
    signs = [1, 1, 0, -1, 0, -1, 1, 0, 1, 0]
    counts = stats.resample_counts(10, 2000, 3)
    lo, hi = np.percentile(100 * (counts @ np.array(signs, float)) / 10, [2.5, 97.5])
    assert (p["delta_ci_low"], p["delta_ci_high"]) == pytest.approx((lo, hi))
    # with every item scored, delta = 2 * win_rate - 100
    full = stats.comparison_stats(["win", "tie", "loss", "slight_win"], n_resamples=200)
    assert full["paper"]["delta"] == pytest.approx(2 * full["win_rate"] - 100)
