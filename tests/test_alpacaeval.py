"""AlpacaEval import: generic files, bad input, and the published leaderboard reproduced to 1e-6."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats as sps

from plug_eval import stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges.jobs import alpacaeval_import

AE_NAMES = ("win_rate", "standard_error", "n_wins", "n_wins_base", "n_draws", "n_total", "discrete_win_rate")


def _reference_dir() -> Path:
    """The shared reference folder; skip locally without it, fail under CI."""
    root = os.environ.get("PLUG_EVAL_REFERENCE_DIR")
    folder = Path(root) / "alpacaeval" if root else None
    if folder is None or not folder.is_dir():
        reason = f"AlpacaEval reference data not found (PLUG_EVAL_REFERENCE_DIR={root!r})"
        if os.environ.get("CI"):
            pytest.fail(reason + " and CI is set")
        pytest.skip(reason)
    return folder


def _row(instruction, pref, out1="base answer", out2="model answer", **extra):
    return {"instruction": instruction, "output_1": out1, "output_2": out2, "generator_1": "base",
            "generator_2": "model", "dataset": "koala", "annotator": "judge", "preference": pref, **extra}


# --------------------------------------------------------------------------- synthetic files


def test_metrics_follow_alpacaeval_rules_by_hand():
    got = alpacaeval_import.alpacaeval_metrics([2.0, 1.0, 1.5, 0, 1.75, None, float("nan"), 2.5])
    # valid: 1.0, 0.0, 0.5, 0.5 (legacy 0), 0.75; draws counted before dropping: 1.5 and 0
    p = np.array([1.0, 0.0, 0.5, 0.5, 0.75])
    assert got["n_total"] == 5 and got["n_draws"] == 2
    assert got["win_rate"] == pytest.approx(100 * p.mean())
    assert got["standard_error"] == pytest.approx(100 * sps.sem(p))
    assert (got["n_wins"], got["n_wins_base"]) == (2, 1)
    assert got["discrete_win_rate"] == pytest.approx(100 * (1 + 0 + 0.5 + 0.5 + 1) / 5)


def test_import_writes_the_run_directory_contract(tmp_path):
    rows = [_row("q1", 1.9), _row("q2", 1.2, raw_completion={"text": "m"}), _row("q3", None),
            _row("q4", 1.5, out1="same", out2="same"), _row("变 q5", 2.0, out2="这是一个答案")]
    src = tmp_path / "annotations.json"
    src.write_text(json.dumps(rows), encoding="utf-8")
    summary = alpacaeval_import.import_annotations(src, tmp_path / "run", n_resamples=200)
    items = [json.loads(x) for x in (tmp_path / "run/items.jsonl").read_text("utf-8").splitlines()]
    judgments = [json.loads(x) for x in (tmp_path / "run/judgments.jsonl").read_text("utf-8").splitlines()]
    assert json.loads((tmp_path / "run/summary.json").read_text("utf-8")) == summary
    ids = [alpacaeval_import.item_id(r["instruction"]) for r in rows]
    assert [i["id"] for i in items] == [j["id"] for j in judgments] == ids
    assert items[4]["answer_a"] == "这是一个答案" and items[4]["units_a"] == 6 and items[0]["category"] == "koala"
    assert items[0]["source_a"]["sha256"] and items[0]["source_a"]["format"] == "alpacaeval_annotations"
    assert [j["verdict"] for j in judgments] == ["A", "B", "unparsed", "tie", "A"]
    assert [j["preference"] for j in judgments] == [1.9, 1.2, None, 1.5, 2.0]
    assert judgments[2]["error"] and judgments[3]["flags"] == ["identical_outputs"]
    assert json.loads(judgments[1]["raw"]) == {"text": "m"}
    for j in judgments:  # the slot verdict agrees with the order AlpacaEval's swap rule gives
        switched = alpacaeval_import.was_switched(items[[i["id"] for i in items].index(j["id"])]["instruction"])
        assert j["order"] == ("AB" if switched else "BA")
        if j["verdict"] == "A":
            assert j["slot_verdict"] == ("first" if switched else "second")
    # the unscored row is counted in our fields, and dropped only in AlpacaEval's own n_total
    assert (summary["n_items"], summary["n_scored"], summary["unscored"], summary["errors"]) == (5, 4, 1, 1)
    assert summary["alpacaeval"]["n_total"] == 4
    assert summary["win_rate"] == pytest.approx(summary["alpacaeval"]["win_rate"]) == pytest.approx(100 * 2.6 / 4)
    assert (summary["system_a"], summary["system_b"], summary["judge"]) == ("model", "base", "judge")
    assert summary["position_bias"]["flip_rate"] is None  # one order per item: no pairs


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "bad.json:1: not valid JSON"),
        (b"\xff\xfe{", "not UTF-8 text"),
        (b"[]", "non-empty JSON list"),
        (b'{"a": 1}', "non-empty JSON list"),
        (b'[{"instruction": "x", "output_1": "a", "output_2": "b"}]', "row 0 has no preference"),
        (b'[{"instruction": "x", "output_1": "a", "output_2": "b", "preference": "2"}]', "must be a number"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_file(tmp_path, content, message):
    src = tmp_path / "bad.json"
    src.write_bytes(content)
    with pytest.raises(PlugEvalError, match=message) as err:
        alpacaeval_import.import_annotations(src, tmp_path / "run")
    assert str(src) in str(err.value) and "\n" not in str(err.value)
    assert not (tmp_path / "run").exists()


def test_two_models_in_one_file_or_repeated_instructions_are_refused(tmp_path):
    src = tmp_path / "a.json"
    src.write_text(json.dumps([_row("q", 2.0), {**_row("r", 1.0), "generator_2": "other"}]))
    with pytest.raises(PlugEvalError, match="generator_2 differs"):
        alpacaeval_import.import_annotations(src, tmp_path / "run")
    src.write_text(json.dumps([_row("q", 2.0), _row("q", 1.0)]))
    with pytest.raises(PlugEvalError, match="repeated"):
        alpacaeval_import.import_annotations(src, tmp_path / "run")


def test_cli_refuses_a_non_empty_directory_and_leaves_it_untouched(tmp_path):
    src = tmp_path / "a.json"
    src.write_text(json.dumps([_row("q", 2.0), _row("r", 1.0)]))
    out = tmp_path / "run"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    cmd = [sys.executable, "-m", "plug_eval.judges", "import-alpacaeval", str(src), "--out", str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 2 and "not empty" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    res = subprocess.run(cmd + ["--force", "--n-resamples", "100"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "model vs base" in res.stdout and "win rate 50.0" in res.stdout
    assert (out / "summary.json").is_file()


# --------------------------------------------------------------------------- published numbers


def _leaderboard(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return {row[""]: row for row in csv.DictReader(fh)}


def _published_cases(ref: Path):
    ae2 = _leaderboard(ref / "leaderboards/data_AlpacaEval_2/weighted_alpaca_eval_gpt4_turbo_leaderboard.csv")
    cot = _leaderboard(ref / "leaderboards/data_AlpacaEval_2/alpaca_eval_cot_gpt4_turbo_fn_leaderboard.csv")
    ae1 = _leaderboard(ref / "leaderboards/data_AlpacaEval/alpaca_eval_gpt4_leaderboard.csv")
    for path in sorted((ref / "results").glob("*/*/annotations.json")):
        model, judge = path.parts[-3], path.parts[-2]
        board = {"weighted_alpaca_eval_gpt4_turbo": ae2, "alpaca_eval_cot_gpt4_turbo_fn": cot,
                 "alpaca_eval_gpt4": ae1}[judge]
        yield path, board[model]


def test_import_reproduces_the_published_leaderboard(tmp_path):
    ref = _reference_dir()
    cases = list(_published_cases(ref))
    assert len(cases) == 9  # 7 AE2 weighted, 1 AE1, 1 CoT
    for path, published in cases:
        rows, _ = alpacaeval_import.load_annotations(path)
        _, _, summary = alpacaeval_import.build_run(rows, source={"path": str(path)}, n_resamples=20)
        got = summary["alpacaeval"]
        for name in AE_NAMES:
            assert got[name] == pytest.approx(float(published[name]), abs=1e-6), (path, name)
        # our own fields agree and count the rows AlpacaEval drops
        assert summary["n_items"] == len(rows) and summary["n_scored"] == got["n_total"]
        assert summary["win_rate"] == pytest.approx(got["win_rate"], abs=1e-9)
        assert summary["system_a"] == rows[0]["generator_2"]


def _scores(path: Path) -> dict[str, float]:
    rows, _ = alpacaeval_import.load_annotations(path)
    return {alpacaeval_import.item_id(r["instruction"]): r["preference"] - 1 for r in rows if r["preference"] is not None}


def test_paired_difference_on_published_annotations():
    """claude-2 minus gpt-3.5-turbo-1106 on the same 805 instructions: +8.010 points, SE 1.107, t 7.24."""
    ref = _reference_dir() / "results"
    judge = "weighted_alpaca_eval_gpt4_turbo/annotations.json"
    claude, gpt = _scores(ref / "claude-2" / judge), _scores(ref / "gpt-3.5-turbo-1106" / judge)
    ids = sorted(claude.keys() & gpt.keys())
    assert len(ids) == 805
    got = stats.paired_difference([claude[i] for i in ids], [gpt[i] for i in ids], n_resamples=2000)
    assert (round(got["diff"], 3), round(got["se"], 3), round(got["t"], 2)) == (8.010, 1.107, 7.24)
    assert got["ci_low"] > 5 and got["p_value"] < 1e-11


def test_paired_t_not_wilcoxon_on_soft_preferences():
    """text_davinci_001 vs alpaca-7b: t says no difference (p 0.71); Wilcoxon's ranks say p ~ 1e-12."""
    ref = _reference_dir() / "results"
    judge = "weighted_alpaca_eval_gpt4_turbo/annotations.json"
    dav, alp = _scores(ref / "text_davinci_001" / judge), _scores(ref / "alpaca-7b" / judge)
    ids = sorted(dav.keys() & alp.keys())
    a, b = np.array([dav[i] for i in ids]), np.array([alp[i] for i in ids])
    got = stats.paired_difference(a, b, n_resamples=500)
    assert got["p_value"] == pytest.approx(0.71, abs=0.01)
    assert sps.wilcoxon(a, b).pvalue < 1e-10
