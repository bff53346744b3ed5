"""Statistics beyond one summary: coverage, clusters, paired tests, Holm, Bradley-Terry, LC, kappa."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps

from plug_eval import ranking, stats


def _coverage(low, high, truth):
    return 100.0 * np.mean((low <= truth) & (truth <= high))


def test_ci_coverage_is_95_over_1000_simulated_comparisons():
    """1,000 comparisons of 300 items with a known true win rate: ~95% of intervals cover it."""
    rng = np.random.default_rng(2024)
    probs = np.array([0.3, 0.1, 0.2, 0.1, 0.3])  # win, slight win, tie, slight loss, loss
    values = np.array([1.0, 1.0, 0.5, 0.0, 0.0])
    truth = 100 * probs @ values
    sims = values[rng.choice(5, size=(300, 1000), p=probs)]
    low, high = stats.win_rate_intervals(sims, seed=1, n_resamples=2000)
    assert abs(_coverage(low, high, truth) - 95.0) <= 2.0


def test_resampling_single_judgments_instead_of_items_is_too_narrow():
    """Both orders of an item are correlated; exploding them into independent rows undercovers."""
    rng = np.random.default_rng(5)
    n_items, n_sims = 200, 1000
    quality = rng.beta(0.5, 0.5, size=(n_items, n_sims))  # how much the judge likes A on this item
    judgments = (rng.random((2, n_items, n_sims)) < quality).astype(float)  # two orders per item
    rows = judgments.reshape(2 * n_items, n_sims)
    items = judgments.mean(axis=0)
    row_low, row_high = stats.win_rate_intervals(rows, seed=2, n_resamples=1000)
    item_low, item_high = stats.win_rate_intervals(items, seed=2, n_resamples=1000)
    row_cov, item_cov = _coverage(row_low, row_high, 50.0), _coverage(item_low, item_high, 50.0)
    assert abs(item_cov - 95.0) <= 2.0
    assert row_cov < 91.0, (row_cov, item_cov)
    assert np.mean(row_high - row_low) < 0.9 * np.mean(item_high - item_low)
    # the generic helper does the same when told the clusters
    x = rows[:, 0]
    ids = np.tile(np.arange(n_items), 2)
    wide = np.subtract(*stats.bootstrap_mean_ci(x, clusters=ids, n_resamples=2000)[::-1])
    narrow = np.subtract(*stats.bootstrap_mean_ci(x, n_resamples=2000)[::-1])
    assert narrow < wide


def test_many_comparisons_equal_lone_calls():
    rng = np.random.default_rng(9)
    comps = [{"outcomes": list(rng.choice(stats.OUTCOMES, size=n)), "categories": list(rng.choice(["x", "y"], size=n))}
             for n in (120, 120, 77)]
    comps.append({"outcomes": ["unscored"] * 120})
    batch = stats.many_comparison_stats(comps, seed=4, n_resamples=700)
    for comp, got in zip(comps, batch, strict=True):
        assert got == stats.comparison_stats(**comp, seed=4, n_resamples=700)
    assert batch[3]["ci_low"] is None


def test_overall_resamples_an_item_jointly_in_every_language():
    """Five identical 'translations' carry no more information than one: same interval."""
    rng = np.random.default_rng(11)
    ids = [f"{i:03d}" for i in range(200)]
    outs = list(rng.choice(["win", "tie", "loss", "slight_win", "unscored"], size=200, p=[.4, .2, .3, .05, .05]))
    one = stats.comparison_stats(outs, seed=3, n_resamples=1000)
    overall = stats.overall_stats({lang: (ids, outs) for lang in ("en", "zh", "ko", "it", "es")},
                                  seed=3, n_resamples=1000)
    assert overall["win_rate"] == pytest.approx(one["win_rate"])
    assert (overall["ci_low"], overall["ci_high"]) == pytest.approx((one["ci_low"], one["ci_high"]))
    assert overall["n_scored"] == 5 * one["n_scored"] and overall["n_ids"] == 200
    assert overall["p_value"] == pytest.approx(one["p_value"])
    naive = stats.comparison_stats(outs * 5, seed=3, n_resamples=1000)  # treats translations as independent
    assert (naive["ci_high"] - naive["ci_low"]) < 0.6 * (overall["ci_high"] - overall["ci_low"])


def test_overall_pools_languages_of_different_sizes():
    per_lang = {"en": (["a", "b"], ["win", "win"]), "zh": (["a", "b", "c"], ["loss", "tie", "unscored"])}
    got = stats.overall_stats(per_lang, n_resamples=200)
    assert got["win_rate"] == pytest.approx(100 * 2.5 / 4)
    assert (got["n_items"], got["n_scored"], got["unscored"], got["n_ids"]) == (5, 4, 1, 3)


def test_paired_difference_matches_scipy_ttest_rel():
    rng = np.random.default_rng(12)
    a, b = rng.beta(2, 3, size=400), rng.beta(2, 4, size=400)
    a[3] = np.nan
    got = stats.paired_difference(a, b, n_resamples=2000)
    ref = sps.ttest_rel(a[~np.isnan(a)], b[~np.isnan(a)])
    assert got["n"] == 399 and got["n_dropped"] == 1
    assert got["t"] == pytest.approx(ref.statistic, rel=1e-9)
    assert got["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert got["diff"] == pytest.approx(100 * np.nanmean(a - b))
    assert got["ci_low"] < got["diff"] < got["ci_high"]


def test_holm_against_a_hand_computed_case():
    # sorted: .005*4=.02, .01*3=.03, .03*2=.06, .04*1=.04 -> running max .02 .03 .06 .06
    assert stats.holm([0.01, 0.04, None, 0.03, 0.005]) == pytest.approx([0.03, 0.06, None, 0.06, 0.02])
    assert stats.holm([0.6, 0.9]) == pytest.approx([1.0, 1.0])
    assert stats.holm([]) == []


def test_bradley_terry_on_two_systems_is_the_logit_of_the_win_rate():
    outs = ["win"] * 50 + ["tie"] * 20 + ["loss"] * 30 + ["unscored"] * 5
    ids = list(range(len(outs)))
    bt = ranking.bradley_terry([("model", "base", ids, outs)], n_resamples=500)
    rate = (50 + 10) / 100
    assert bt["anchor"] == "base"
    assert bt["systems"]["model"]["strength"] == pytest.approx(math.log(rate / (1 - rate)), abs=1e-6)
    assert bt["systems"]["model"]["win_rate_vs_anchor"] == pytest.approx(60.0, abs=1e-4)
    ci = stats.comparison_stats(outs, n_resamples=500)
    assert (bt["systems"]["model"]["ci_low"], bt["systems"]["model"]["ci_high"]) == pytest.approx(
        (ci["ci_low"], ci["ci_high"]), abs=1e-4)
    assert [bt["systems"][s]["rank"] for s in ("model", "base")] == [1, 2]


def test_bradley_terry_ranks_three_systems_and_refuses_disconnected_ones():
    rng = np.random.default_rng(3)
    ids = list(range(300))
    strong = list(np.where(rng.random(300) < 0.75, "win", "loss"))
    weak = list(np.where(rng.random(300) < 0.35, "win", "loss"))
    bt = ranking.bradley_terry([("strong", "base", ids, strong), ("weak", "base", ids, weak)], n_resamples=300)
    systems = bt["systems"]
    assert systems["strong"]["rank"] == 1 and systems["base"]["rank"] == 2 and systems["weak"]["rank"] == 3
    assert systems["weak"]["ci_low"] < systems["weak"]["win_rate_vs_anchor"] < systems["weak"]["ci_high"] < 50
    with pytest.raises(ValueError, match="never compared"):
        ranking.bradley_terry([("a", "b", [1], ["win"]), ("c", "d", [1], ["win"])], anchor="b")


def test_length_controlled_win_rate_is_50_when_only_length_matters():
    rng = np.random.default_rng(8)
    n = 10000
    len_b = rng.integers(50, 400, size=n)
    len_a = len_b + rng.normal(150, 200, size=n).round()  # A is usually longer
    x = np.tanh((len_a - len_b) / np.std(len_a - len_b, ddof=1))
    wins = rng.random(n) < 1 / (1 + np.exp(-3.0 * x))  # the judge only looks at length
    outs = np.where(wins, "win", "loss").tolist()
    got = stats.comparison_stats(outs, len_a=len_a, len_b=len_b, n_resamples=100)
    assert got["win_rate"] > 68
    assert abs(got["lc_win_rate"] - 50) < 3
    assert got["length_coef"] == pytest.approx(3.0, abs=0.4)


def test_length_controlled_equals_win_rate_when_length_is_unrelated():
    outs = ["win"] * 14 + ["loss"] * 6  # longer and shorter A answers win and lose alike
    len_a = [6, 4] * 7 + [6, 4] * 3
    got = stats.comparison_stats(outs, len_a=len_a, len_b=[5] * 20, n_resamples=50)
    assert got["lc_win_rate"] == pytest.approx(70.0, abs=1e-6) and got["length_coef"] == pytest.approx(0, abs=1e-6)
    assert got["lc_ci_low"] <= 70.0 <= got["lc_ci_high"]
    # equal lengths everywhere: nothing to control for, and no fit
    got = stats.comparison_stats(outs, len_a=[5] * 20, len_b=[5] * 20, n_resamples=50)
    assert got["lc_win_rate"] is None and "one sign" in got["lc_reason"]


def test_judge_agreement_and_kappa_by_hand():
    # 2x2 table [[20, 5], [10, 15]]: agreement .7, chance .5, kappa .4
    j1 = ["A"] * 25 + ["B"] * 25
    j2 = ["A"] * 20 + ["B"] * 5 + ["A"] * 10 + ["B"] * 15
    got = ranking.judge_agreement(j1 + [None], j2 + ["A"], groups=["zh"] * 25 + ["ko"] * 26)
    assert got["n"] == 50 and got["agreement"] == pytest.approx(70.0) and got["kappa"] == pytest.approx(0.4)
    assert got["by_group"]["zh"] == {"n": 25, "agreement": 80.0, "kappa": 0.0}
    assert ranking.judge_agreement(["A", "B"], ["A", "B"])["kappa"] == pytest.approx(1.0)
