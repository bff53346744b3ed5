"""One owner for the run directory: every consumer derives the same numbers from the same files.

The checked-in fixtures under ``tests/fixtures/rundirs`` were written by the release before
the run-directory model (now ``plug_eval.judges.runs``) existed (``compare`` with the rules judge, ``import-alpacaeval`` of
``inputs/annotations.json``); they must summarize to the numbers they were written with.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_judge import run_cli

from plug_eval import stats
from plug_eval.judges import runs, summaries
from plug_eval.judges.jobs import alpacaeval_import
from plug_eval.llm.store import counting
from plug_eval.reports import build_report, load_run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rundirs"
STAT_FIELDS = ("n_items", "n_scored", "win", "slight_win", "tie", "slight_loss", "loss", "unscored", "win_rate",
               "ci_low", "ci_high", "p_value", "position_bias", "by_category", "errors", "cost_usd")


def _copy(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / name, tmp_path / name))


def _summary(d: Path) -> dict:
    return json.loads((d / runs.SUMMARY).read_text("utf-8"))


def _csv_rows(report_dir: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((report_dir / "summary.csv").read_text("utf-8"))))


@pytest.mark.parametrize("name", ["compare", "import"])
def test_fixture_written_by_the_old_release_summarizes_identically(name, tmp_path):
    d = _copy(name, tmp_path)
    before = _summary(d)
    code, out, err = run_cli("summarize", str(d))
    assert code == 0, err
    after = _summary(d)
    # every field the old release wrote comes back identical; an import's summary gains "run".
    # Issue 11 demands one change: LC on 8 items is not an estimate (fewer than 20 scored), so null.
    lc = ("lc_win_rate", "length_coef")
    assert {k: after[k] for k in before if k not in lc} == {k: v for k, v in before.items() if k not in lc}
    assert all(after[k] is None for k in lc if k in before) and "20 scored items" in after["lc_reason"]
    # every summary gains the paper's figures (issue 12)
    assert set(after) - set(before) <= {"run", "lc_ci_low", "lc_ci_high", "lc_reason", "paper"}
    assert (before["n_scored"], before["unscored"]) == ((8, 0) if name == "compare" else (7, 1))


@pytest.mark.parametrize("name", ["compare", "import"])
def test_every_consumer_gets_the_same_numbers_from_one_directory(name, tmp_path):
    d = _copy(name, tmp_path)
    stored = _summary(d)
    built = summaries.build_summaries([runs.load_run(d, need_summary=False)])[0]
    assert run_cli("summarize", str(d))[0] == 0
    via_judge_cli = _summary(d)
    res = subprocess.run([sys.executable, "-m", "plug_eval.judges", "summarize", str(d)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert f"win rate {stored['win_rate']:.1f}" in res.stdout
    run = load_run(d)  # what the report reads
    derived = stats.comparison_stats(**run.stats_arguments(), seed=stored["seed"],
                                     n_resamples=stored["n_resamples"])
    build_report([d], tmp_path / "report" / "report.html")
    (row,) = _csv_rows(tmp_path / "report")
    for k in STAT_FIELDS:
        assert built[k] == via_judge_cli[k] == stored[k], k
        if k in derived:
            assert derived[k] == stored[k], k
    for k in ("win_rate", "ci_low", "ci_high", "p_value"):
        assert float(row[k]) == stored[k], k
    assert int(row["n_scored"]) == stored["n_scored"]


def _import_dir(tmp_path: Path, rows: list[dict]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "annotations.json"
    src.write_text(json.dumps(rows), encoding="utf-8")
    alpacaeval_import.import_annotations(src, tmp_path / "run", n_resamples=200)
    return tmp_path / "run"


def _row(i: int, pref: float | None, **extra) -> dict:
    return {"instruction": f"Q{i}?", "output_1": f"base {i}", "output_2": f"model {i}", "generator_1": "base",
            "generator_2": "model", "annotator": "j", "dataset": "koala", "preference": pref, **extra}


def test_a_null_preference_is_unscored_even_with_a_verdict_in_every_consumer(tmp_path):
    """The resolved disagreement: the report used to score such a record from its verdict."""
    d = _import_dir(tmp_path, [_row(i, p) for i, p in enumerate([1.8, 1.0, 2.0, 1.5])])
    recs = [json.loads(x) for x in (d / runs.JUDGMENTS).read_text("utf-8").splitlines()]
    recs[0] = {**recs[0], "preference": None, "verdict": "A", "slot_verdict": "first"}  # a judge that gave no score
    (d / runs.JUDGMENTS).write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert run_cli("summarize", str(d))[0] == 0
    s = _summary(d)
    assert (s["n_scored"], s["unscored"]) == (3, 1)
    assert s["win_rate"] == pytest.approx(100 * (0.0 + 1.0 + 0.5) / 3)
    run = load_run(d)
    assert run.outcomes() == [None, 0.0, 1.0, 0.5]
    build_report([d], tmp_path / "report" / "report.html")
    (row,) = _csv_rows(tmp_path / "report")
    assert int(row["n_scored"]) == 3 and float(row["win_rate"]) == s["win_rate"]


def test_the_latest_success_of_each_planned_key_counts(tmp_path):
    d = _copy("compare", tmp_path)
    run = runs.load_run(d)
    item, order = run.ids[0], "AB"
    key = run.keys[item][order]
    first = run.judgments[item][order]
    flipped = {"A": "B", "B": "A", "tie": "A"}[first["verdict"]]
    later = [{**first, "verdict": flipped, "time": "later"},  # --force: a newer success replaces it
             {**first, "verdict": "tie", "error": "RateLimitError"},  # a later failure never hides it
             {**first, "key": "f" * 64, "verdict": "tie"}]  # another judge sharing the store: not planned
    with (d / runs.JUDGMENTS).open("a", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in later)
        fh.write('{"key": "' + key + '", "verd')  # torn by a kill
    again = runs.load_run(d)
    assert again.best(key)["verdict"] == flipped and again.best(key)["time"] == "later"
    assert again.verdict(item, order) == flipped and "f" * 64 not in again.planned_keys()
    assert counting([]) is None and counting([{"error": "x"}])["error"] == "x"


def test_cost_is_null_when_a_made_call_has_no_price_but_not_for_calls_never_made(tmp_path):
    """AlpacaEval skips its judge on identical outputs: those rows cost nothing."""
    same = _row(2, 1.5, output_2="base 2")
    d = _import_dir(tmp_path, [_row(0, 1.9, price_per_example=0.25), _row(1, 1.2, price_per_example=0.5), same])
    assert _summary(d)["cost_usd"] == 0.75
    d2 = _import_dir(tmp_path / "b", [_row(0, 1.9, price_per_example=0.25), _row(1, 1.2)])
    s = _summary(d2)
    assert s["cost_usd"] is None and s["run"]["cost_unknown_calls"] == 1 and s["run"]["cost_known_usd"] == 0.25


def test_the_report_only_reads(tmp_path):
    d = _copy("import", tmp_path)
    files = {p.name: p.read_bytes() for p in d.iterdir()}
    build_report([d], tmp_path / "out" / "report.html")
    assert {p.name: p.read_bytes() for p in d.iterdir()} == files


def test_the_facts_cache_gives_the_same_numbers_and_notices_every_change(tmp_path):
    d = _copy("import", tmp_path)
    full = summaries.build_summaries([runs.load_run(d, need_summary=False)])[0]
    assert run_cli("summarize", str(d))[0] == 0  # written by the old release: no cache yet, one is made
    cache = json.loads((d / runs.FACTS).read_text("utf-8"))
    assert len(cache["items"]["rows"]) == 8 and all("instruction" not in r for r in cache["judgments"]["records"])
    warm = runs.load_run(d, need_summary=False, facts=True)
    assert warm.cache is None  # current: nothing to rewrite (files this new are checked by content)
    assert summaries.build_summaries([warm])[0] == {**full, "run": _summary(d)["run"]}
    inode = (d / runs.SUMMARY).stat().st_ino
    assert run_cli("summarize", str(d))[0] == 0
    assert (d / runs.SUMMARY).stat().st_ino == inode  # unchanged: not rewritten
    # an edited items.jsonl (same size) and an appended judgment are both noticed
    items = (d / runs.ITEMS).read_text("utf-8").replace('"category": "oasst"', '"category": "OASST"')
    (d / runs.ITEMS).write_text(items, encoding="utf-8")
    recs = [json.loads(x) for x in (d / runs.JUDGMENTS).read_text("utf-8").splitlines()]
    flipped = {**recs[1], "preference": 2.0, "verdict": "A"}  # a newer success for the same key
    with (d / runs.JUDGMENTS).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(flipped) + "\n")
    assert run_cli("summarize", str(d))[0] == 0
    s = _summary(d)
    assert set(s["by_category"]) == {"koala", "OASST"}
    assert s["win_rate"] == summaries.build_summaries([runs.load_run(d)])[0]["win_rate"] != full["win_rate"]
    (d / runs.FACTS).write_text('{"schema_version": 1, "items": [', encoding="utf-8")  # damaged: rebuilt
    assert run_cli("summarize", str(d))[0] == 0 and _summary(d) == s
    assert json.loads((d / runs.FACTS).read_text("utf-8"))["schema_version"] == runs.FACTS_VERSION


def test_a_current_cache_is_trusted_by_stat_without_reading_the_files(tmp_path, monkeypatch):
    d = _copy("import", tmp_path)
    assert run_cli("summarize", str(d))[0] == 0
    fp = json.loads((d / runs.FACTS).read_text("utf-8"))["items"]["fingerprint"]
    assert fp["stat"] is None  # copied a moment ago: a change within the same clock tick would not show
    later = runs.time.time_ns() + 10**10
    monkeypatch.setattr(runs.time, "time_ns", lambda: later)  # ten seconds on
    assert runs.load_run(d, need_summary=False, facts=True).cache is not None  # read by content, stat added
    assert run_cli("summarize", str(d))[0] == 0
    assert json.loads((d / runs.FACTS).read_text("utf-8"))["items"]["fingerprint"]["stat"] is not None
    read: list[str] = []
    real_read = runs.files.read_bytes
    monkeypatch.setattr(runs.files, "read_bytes", lambda p, *a: read.append(Path(p).name) or real_read(p, *a))
    warm = runs.load_run(d, need_summary=False, facts=True)
    big = {runs.ITEMS, runs.JUDGMENTS}
    assert warm.cache is None and not big & set(read)  # neither answers nor replies read
    os.utime(d / runs.ITEMS)  # touched, same bytes: read once by content, and its new stat stored
    read.clear()
    assert runs.load_run(d, need_summary=False, facts=True).cache is not None
    assert big & set(read) == {runs.ITEMS}


def test_a_summary_of_unchanged_files_keeps_its_statistics_and_any_change_recomputes_them(tmp_path, monkeypatch):
    """A rerun that made no call costs no bootstrap (issue 28): facts.json records what the stored
    summary was computed from; the same files and plan reuse it, a changed plan or store does not."""
    d = _copy("compare", tmp_path)
    first = summaries.summarize_dirs([d])[0]
    calls = []
    real = summaries.stats.many_comparison_stats
    monkeypatch.setattr(summaries.stats, "many_comparison_stats", lambda *a, **k: calls.append(1) or real(*a, **k))
    again = summaries.summarize_dirs([d], run_info={"stopped": None, "calls_made": 0, "seconds": 0.1})[0]
    assert calls == [] and {k: v for k, v in again.items() if k != "run"} == {k: v for k, v in first.items() if k != "run"}
    assert again["run"]["calls_made"] == 0 and again["run"]["pending"] == first["run"]["pending"]
    plan = json.loads((d / "run.json").read_text("utf-8"))
    (d / "run.json").write_text(json.dumps({**plan, "n_resamples": 400}), encoding="utf-8")
    assert summaries.summarize_dirs([d])[0]["n_resamples"] == 400 and calls == [1]  # another plan: recomputed
    with (d / runs.JUDGMENTS).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"key": "not-planned", "error": None}) + "\n")
    summaries.summarize_dirs([d])
    assert calls == [1, 1]  # the store changed: recomputed
