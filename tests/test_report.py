"""The report without a browser: run-directory reading, boards per judge and baseline, exports, scale,
unfinished runs, AlpacaEval's LC, CSP and escaping in the source."""

from __future__ import annotations

import base64
import csv
import hashlib
import html as html_lib
import io
import json
import math
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from synthetic_runs import write_grid, write_run

from plug_eval import stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges.jobs import alpacaeval_import
from plug_eval.judges.summaries import summarize_dirs
from plug_eval.reports import build_report, load_run

PAYLOADS = ('<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">',
            '</pre><svg onload="window.__pwned = 3"></svg>', '"><b onmouseover="window.__pwned=4">x</b>')


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    root = tmp_path_factory.mktemp("grid")
    return write_grid(root, ["weak", "middle", "strong"], ["en", "zh"], n_items=40, n_resamples=500)


def _summary(d: Path) -> dict:
    return json.loads((d / "summary.json").read_text("utf-8"))


def _csv(report_dir: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((report_dir / "summary.csv").read_text("utf-8"))))


def _docs(page: str, site: Path) -> dict[str, dict]:
    """The answer browser's JSON documents, inline in the page or in report_files/."""
    found = {m.group(1): json.loads(m.group(2)) for m in
             re.finditer(r'<script type="application/json" data-doc="([^"]+)">(.*?)</script>', page, re.S)}
    for f in sorted((site / "report_files").glob("*.js")):
        m = re.fullmatch(r'plugReport\.receive\("([^"]+)",(.*)\);\n', f.read_text("utf-8"), re.S)
        assert m, f.name
        found[m.group(1)] = json.loads(m.group(2))
    return found


def test_loader_derives_the_stored_summary(grid):
    """Outcomes rebuilt from judgments.jsonl give exactly the summary written at judging time."""
    recomputed = summarize_dirs(grid, write=False)
    for d, got in zip(grid, recomputed, strict=True):
        stored = _summary(d)
        assert {k: got[k] for k in stored if k != "cost_usd"} == {k: v for k, v in stored.items() if k != "cost_usd"}
        assert got["cost_usd"] == pytest.approx(stored["cost_usd"], abs=1e-8)  # the summary rounds to 1e-8


def test_last_record_wins_and_a_torn_line_is_ignored(tmp_path):
    d = tmp_path / "run"
    write_run(d, system_a="x", n_items=6, n_resamples=100)
    run = load_run(d)
    first = run.ids[0]
    with (d / "judgments.jsonl").open("a", encoding="utf-8") as fh:  # --force re-judged both orders
        for order in ("AB", "BA"):
            fh.write(json.dumps({**run.judgments[first][order], "verdict": "B", "error": None}) + "\n")
        fh.write('{"id": "0001", "order": "AB", "verd')  # killed mid-write
    again = load_run(d)
    assert again.order_verdicts()[0] == ("B", "B") and again.outcomes()[0] == "loss"
    assert summarize_dirs([d], write=True)[0]["loss"] >= 1
    assert _summary(d)["n_items"] == 6


def test_bad_run_directories_are_one_line_errors(tmp_path):
    with pytest.raises(PlugEvalError, match="items.jsonl is missing"):
        load_run(tmp_path)
    d = tmp_path / "r"
    write_run(d, system_a="x", n_items=3, n_resamples=50)
    (d / "items.jsonl").write_text('{"id": 1}\nnot json\n{"id": 2}\n')
    with pytest.raises(PlugEvalError, match=r"items.jsonl:2: not valid JSON"):
        load_run(d)
    res = subprocess.run([sys.executable, "-m", "plug_eval.judges", "report", str(tmp_path / "nope"), "-o",
                          str(tmp_path / "out/report.html")], capture_output=True, text=True)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "not a run directory" in res.stderr
    assert not (tmp_path / "out").exists()


def test_exports_match_the_summaries(grid, tmp_path):
    written = build_report(grid, tmp_path / "report.html")
    assert {p.name for p in written} == {"report.html", "summary.csv", "summary.md"}
    rows = _csv(tmp_path)
    per_lang = [r for r in rows if r["lang"] != "overall"]
    assert len(per_lang) == 6 and len(rows) == 9  # 3 systems x 2 languages, plus 3 overall rows
    for d in grid:
        s = _summary(d)
        row = next(r for r in per_lang if r["run_dir"] == str(d))
        assert float(row["win_rate"]) == s["win_rate"] and float(row["ci_low"]) == s["ci_low"]
        assert int(row["n_scored"]) == s["n_scored"] and float(row["p_value"]) == s["p_value"]
        assert row["finished"] == "True" and row["status"] == ""
        assert float(row["equal_length_win_rate"]) == s["lc_win_rate"] and row["alpacaeval_lc_win_rate"] == ""
    md = (tmp_path / "summary.md").read_text("utf-8")
    assert "| # | System | Baseline | Judge | Overall | en | zh | Equal-length |" in md
    assert re.search(r"\| 1 \| strong \| baseline \| synthetic:judge \| \d+\.\d \[\d+\.\d, \d+\.\d\]", md)
    assert "AlpacaEval LC" not in md and "not AlpacaEval's LC" in md


def test_holm_marks_use_every_test_in_the_report(grid, tmp_path):
    build_report(grid, tmp_path / "report.html")
    rows = _csv(tmp_path)
    p = [float(r["p_value"]) for r in rows]
    assert [float(r["p_holm"]) for r in rows] == pytest.approx(stats.holm(p))
    for r in rows:
        expected = "" if float(r["p_holm"]) >= 0.05 else ("above" if float(r["win_rate"]) > 50 else "below")
        assert r["significant"] == expected


# --------------------------------------------------------------------------- judges and baselines (issue 26)


@pytest.fixture(scope="module")
def two_judges(tmp_path_factory):
    """plug and direct against one baseline by two judges, and plug against a second baseline."""
    root = tmp_path_factory.mktemp("judges")
    dirs = []
    for judge in ("judge-one", "judge-two"):
        for system, strength in (("plug", 1.0), ("direct", 0.2)):
            for lang in ("zh", "ko"):
                d = root / f"{judge}-{system}-{lang}"
                write_run(d, system_a=system, system_b="base", lang=lang, judge=judge, strength=strength,
                          n_items=60, n_resamples=300)
                dirs.append(d)
    for lang in ("zh", "ko"):
        d = root / f"other-{lang}"
        write_run(d, system_a="plug", system_b="gpt-4", lang=lang, judge="judge-one", strength=-0.5, n_items=60,
                  n_resamples=300)
        dirs.append(d)
    site = root / "site"
    build_report(dirs, site / "report.html")
    return dirs, site


def _kappa(x: list[str], y: list[str]) -> tuple[float, float]:
    """Share of agreement (%) and Cohen's kappa, written out for the test."""
    n = len(x)
    cats = sorted(set(x) | set(y))
    observed = sum(a == b for a, b in zip(x, y, strict=True)) / n
    expected = sum((x.count(c) / n) * (y.count(c) / n) for c in cats)
    return 100 * observed, (observed - expected) / (1 - expected)


def test_one_board_per_judge_and_baseline_and_paired_tests_never_cross_judges(two_judges):
    dirs, site = two_judges
    page = (site / "report.html").read_text("utf-8")
    for judge, base in (("judge-one", "base"), ("judge-two", "base"), ("judge-one", "gpt-4")):
        assert f'<table class="board" data-judge="{judge}" data-baseline="{base}">' in page
        assert f'<table class="lang-cols" data-board="{judge}-vs-{base}">' in page
    boards = re.findall(r'<table class="board" data-judge="([^"]+)" data-baseline="([^"]+)">(.*?)</table>', page, re.S)
    assert len(boards) == 3
    for judge, base, body in boards:
        rows = re.findall(r'<tr data-system="([^"]+)" data-judge="([^"]+)" data-baseline="([^"]+)">', body)
        assert {(j, b) for _, j, b in rows} == {(judge, base)}
        assert len(rows) == len({s for s, _, _ in rows})  # a system once per board
    paired = re.findall(r'<table class="paired" data-judge="([^"]+)" data-baseline="([^"]+)">(.*?)</table>', page, re.S)
    assert {(j, b) for j, b, _ in paired} == {("judge-one", "base"), ("judge-two", "base")}
    for judge, base, body in paired:
        for better, worse, named in re.findall(r'<td class="l sys">([^<]+)</td><td class="l">([^<]+)</td>'
                                               r'<td class="l">([^<]+)</td>', body):
            assert better != worse and named == f"{judge} · {base}"
    assert "Results of different judges, or against different baselines, are never paired" in page
    # every CSV and Markdown line names its judge and baseline
    rows = _csv(site)
    assert all(r["judge"] and r["system_b"] for r in rows) and len(rows) == 10 + 5
    md = (site / "summary.md").read_text("utf-8")
    table_lines = [x for x in md.splitlines() if x.startswith("| ") and not x.startswith("| #")]
    assert len(table_lines) == 5
    for line in table_lines:
        assert re.match(r"\| \d \| \w+ \| (base|gpt-4) \| judge-(one|two) \|", line), line
    assert md.count("#### Judge ") == 3


def test_a_system_judged_twice_is_one_row_with_a_column_per_judge_and_their_agreement(two_judges):
    dirs, site = two_judges
    page = (site / "report.html").read_text("utf-8")
    table = re.search(r'<table class="judges" data-baseline="base">(.*?)</table>', page, re.S).group(1)
    assert "<th>Judge judge-one</th><th>Judge judge-two</th>" in table
    assert len(re.findall(r'<tr data-system="', table)) == 2  # plug and direct, once each
    for system in ("plug", "direct"):
        labels = {}
        for judge in ("judge-one", "judge-two"):
            labels[judge] = []
            for lang in ("zh", "ko"):
                for o in load_run(next(d for d in dirs if d.name == f"{judge}-{system}-{lang}")).outcomes():
                    s = stats.SCORES.get(o)
                    labels[judge].append(None if s is None else "A" if s > 0.5 else "B" if s < 0.5 else "tie")
        both = [(a, b) for a, b in zip(labels["judge-one"], labels["judge-two"], strict=True)
                if a is not None and b is not None]
        share, kappa = _kappa([a for a, _ in both], [b for _, b in both])
        row = re.search(rf'<tr data-system="{system}">(.*?)</tr>', table, re.S).group(1)
        got = re.search(r'<b class="agree">([\d.]+)%</b> of (\d+) items, κ <b class="kappa">(-?[\d.]+)</b>', row)
        assert got, row
        assert float(got.group(1)) == pytest.approx(share, abs=0.05) and int(got.group(2)) == len(both)
        assert float(got.group(3)) == pytest.approx(kappa, abs=5e-4)
        assert 0 < kappa < 1  # the synthetic judges share the items' quality, not their draws


# --------------------------------------------------------------------------- odd and unfinished runs (issue 21)


def _fail_every_judgment(d: Path) -> None:
    recs = [json.loads(x) for x in (d / "judgments.jsonl").read_text("utf-8").splitlines()]
    for r in recs:
        r.update(verdict="unparsed", slot_verdict="unparsed", raw=None, error="APIConnectionError: refused")
    (d / "judgments.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    summarize_dirs([d])


def test_a_comparison_that_scored_nothing_does_not_crash_the_report(tmp_path):
    """Issue 21: TypeError '<' between 'NoneType' and 'float' when sorting a language's table."""
    dirs = write_grid(tmp_path / "runs", ["a", "b"], ["en", "zh"], n_items=10, n_resamples=100)
    _fail_every_judgment(dirs[0])
    assert _summary(dirs[0])["win_rate"] is None and _summary(dirs[0])["n_scored"] == 0
    build_report(dirs, tmp_path / "site" / "report.html")
    page = (tmp_path / "site" / "report.html").read_text("utf-8")
    row = re.search(r'<tr data-comparison="a-vs-baseline-en"[^>]*>(.*?)</tr>', page, re.S).group(1)
    assert "not scored" in row and '<b class="wr">–</b>' in row
    nothing = next(r for r in _csv(tmp_path / "site") if r["run_dir"] == str(dirs[0]))
    assert nothing["win_rate"] == "" and nothing["n_scored"] == "0"


def test_a_category_that_is_a_dict_or_a_list_does_not_crash_the_report(tmp_path):
    (d,) = write_grid(tmp_path / "runs", ["b"], ["zh"], n_items=10, n_resamples=100)
    items = [json.loads(x) for x in (d / "items.jsonl").read_text("utf-8").splitlines()]
    for k, item in enumerate(items):
        item["category"] = {"topic": "math", "level": k % 2} if k % 3 == 0 else ["koala", "oasst"] if k % 3 else None
    (d / "items.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    summarize_dirs([d])
    build_report([d], tmp_path / "site" / "report.html")
    page = (tmp_path / "site" / "report.html").read_text("utf-8")
    doc = _docs(page, tmp_path / "site")["b-vs-baseline-zh"]
    cats = {doc["strings"][it[2]] for it in doc["items"] if it[2] is not None}
    assert "{'topic': 'math', 'level': 0}" in cats and "['koala', 'oasst']" in cats
    assert "<th>{&#39;topic&#39;: &#39;math&#39;, &#39;level&#39;: 0}</th>" in page  # the category table, escaped


def test_a_summary_older_than_its_judgments_is_shown_unfinished_with_the_files_numbers(tmp_path):
    d = tmp_path / "run"
    write_run(d, system_a="plug", n_items=30, n_resamples=200)
    stale = _summary(d)
    run = load_run(d)
    with (d / "judgments.jsonl").open("a", encoding="utf-8") as fh:  # what a killed --force leaves behind
        for item_id in run.ids[:10]:
            for order in ("AB", "BA"):
                fh.write(json.dumps({**run.judgments[item_id][order], "verdict": "B", "error": None}) + "\n")
    build_report([d], tmp_path / "site" / "report.html")
    fresh = summarize_dirs([d], write=False)[0]
    assert fresh["win_rate"] != stale["win_rate"]
    (row,) = _csv(tmp_path / "site")
    assert row["finished"] == "False" and "does not match the stored judgments" in row["status"]
    assert float(row["win_rate"]) == fresh["win_rate"] and int(row["loss"]) == fresh["loss"]
    page = (tmp_path / "site" / "report.html").read_text("utf-8")
    assert "1 comparison not finished" in page and f"{fresh['win_rate']:.1f}" in page
    assert "plug (unfinished)" in (tmp_path / "site" / "summary.md").read_text("utf-8")
    assert _summary(d) == stale  # the report only reads


# --------------------------------------------------------------------------- scale (issue 28)


def test_many_small_comparisons_keep_their_numbers_and_store_each_text_once(tmp_path):
    systems = [f"s{i:02d}" for i in range(12)]
    dirs = write_grid(tmp_path / "runs", systems, ["en", "zh", "ko", "it", "es"], n_items=12, n_resamples=200)
    site = tmp_path / "site"
    written = build_report(dirs, site / "report.html", inline_limit=10_000)
    rows = [r for r in _csv(site) if r["lang"] != "overall"]
    assert len(rows) == 60
    for r in rows:
        s = _summary(Path(r["run_dir"]))
        assert (float(r["win_rate"]), float(r["ci_low"]), float(r["ci_high"])) == (s["win_rate"], s["ci_low"],
                                                                                   s["ci_high"])
        assert int(r["n_scored"]) == s["n_scored"] and float(r["p_value"]) == s["p_value"]
    page = (site / "report.html").read_text("utf-8")
    data = sorted((site / "report_files").glob("*.js"))
    # one document per comparison, one pool per language's instructions and per system's answers there
    assert len(data) == 60 + 5 + 13 * 5 and {p for p in written if p.suffix == ".js"} == set(data)
    docs = _docs(page, site)
    comparisons = [doc for doc in docs.values() if "items" in doc]
    for lang in ("en", "zh", "ko", "it", "es"):  # the baseline's answers and the instructions: one pool each
        mine = [doc for doc in comparisons if doc["key"].endswith(f"-{lang}")]
        assert len(mine) == 12 and len({doc["pools"]["b"] for doc in mine}) == 1
        assert len({doc["pools"]["i"] for doc in mine}) == 1 and len({doc["pools"]["a"] for doc in mine}) == 12
    for doc in comparisons:  # and no comparison carries its own copy of a text
        assert all(item[8] is None for item in doc["items"]), doc["key"]
    assert "<article" not in page and 'data-files="report_files"' in page


def test_answer_data_is_inert_json_and_the_csp_allows_only_our_inline_code(tmp_path):
    d = tmp_path / "evil"
    write_run(d, system_a='<b onclick="x">sys</b>', n_items=4, n_resamples=50,
              answers=[(p, p, p) for p in PAYLOADS])
    build_report([d], tmp_path / "report.html")
    page = (tmp_path / "report.html").read_text("utf-8")
    assert len(re.findall(r"<script>", page)) == 1  # ours; the rest are JSON documents, never run
    assert len(re.findall(r'<script type="application/json"', page)) == len(re.findall(r"<script", page)) - 1
    assert "<img" not in page and "<svg onload" not in page and "<b on" not in page
    for p in PAYLOADS:
        assert p not in page
    docs = _docs(page, tmp_path)
    texts = [t for doc in docs.values() if "texts" in doc for t in doc["texts"]]
    assert [t[0] for t in texts[:4]] == list(PAYLOADS)  # the instructions' pool, as written, decoded by JSON
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "http" not in csp and "'self'" not in csp
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    for text in (style, script):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    build_report([d], tmp_path / "files" / "report.html", inline_limit=0)  # data files: only our folder's scripts
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                                      (tmp_path / "files" / "report.html").read_text("utf-8")).group(1))
    assert "script-src 'sha256-" in csp and csp.count("'self'") == 1 and "http" not in csp


def test_templates_never_mark_text_safe():
    templates = files("plug_eval.reports") / "templates"
    for t in templates.iterdir():
        if t.name.endswith(".j2"):
            assert not re.search(r"\|\s*safe", t.read_text("utf-8")), t.name


def test_run_json_keys_decide_which_records_count(tmp_path):
    """As `plug-judge summarize` reads a store: this run's keys only; a later error never hides a success."""
    d = tmp_path / "run"
    write_run(d, system_a="x", n_items=3, n_resamples=50)
    recs = [json.loads(x) for x in (d / "judgments.jsonl").read_text().splitlines()]
    keys = {}
    for r in recs:
        keys.setdefault(r["id"], {})[r["order"]] = r["key"]
    (d / "run.json").write_text(json.dumps({"keys": keys}))
    first = recs[0]
    extra = [{**first, "verdict": "B", "error": "RateLimitError", "raw": None},  # a later failed retry
             {**first, "key": "other-judge", "verdict": "B", "error": None}]  # another judge in the store
    with (d / "judgments.jsonl").open("a") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in extra)
    run = load_run(d)
    assert run.judgments[first["id"]][first["order"]]["verdict"] == first["verdict"]
    assert summarize_dirs([d], write=False)[0]["n_scored"] == _summary(d)["n_scored"]


def test_the_papers_figures_sit_beside_our_win_rate(grid, tmp_path):
    """Issue 12: W/T/L as % of all items and the signed delta with its interval, in page and CSV."""
    build_report(grid, tmp_path / "report.html")
    rows = _csv(tmp_path)
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "Paper W/T/L · Δ" in page and "the paper prints |Δ|" in page
    for d in grid:
        s = _summary(d)
        p = s["paper"]
        n = s["n_items"]
        assert p["win_pct"] == pytest.approx(100 * (s["win"] + s["slight_win"]) / n)
        assert p["loss_pct"] == pytest.approx(100 * (s["loss"] + s["slight_loss"]) / n)
        assert p["delta"] == pytest.approx(p["win_pct"] - p["loss_pct"])
        assert p["delta_ci_low"] <= p["delta"] <= p["delta_ci_high"]
        row = next(r for r in rows if r["run_dir"] == str(d))
        assert float(row["paper_delta"]) == pytest.approx(p["delta"])
        assert f"{p['delta']:+.1f}" in page


# --------------------------------------------------------------------------- AlpacaEval's LC (issue 26)


def _reference() -> Path:
    root = os.environ.get("PLUG_EVAL_REFERENCE_DIR")
    folder = Path(root) / "alpacaeval" if root else None
    if folder is None or not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail("PLUG_EVAL_REFERENCE_DIR is needed under CI")
        pytest.skip("AlpacaEval reference data not found")
    return folder


@pytest.fixture(scope="module")
def ae_imports(tmp_path_factory):
    ref = _reference()
    root = tmp_path_factory.mktemp("ae")
    dirs = []
    for model in ("claude-2", "gpt-3.5-turbo-1106"):
        alpacaeval_import.import_annotations(ref / "results" / model / "weighted_alpaca_eval_gpt4_turbo" /
                                             "annotations.json", root / model, n_resamples=200)
        dirs.append(root / model)
    weights = (ref / "metrics/weights/weighted_alpaca_eval_gpt4_turbo/length_controlled_v1"
               / "baseline_gpt4_1106_preview.csv")
    difficulty = np.random.default_rng(0).uniform(0.0, 1.5, 805)  # a stand-in: AlpacaEval's file is not offline
    diff_file = root / "instruction_difficulty.csv"
    diff_file.write_text("index,instruction_difficulty\n" + "".join(f"{i},{float(d)!r}\n"
                                                                     for i, d in enumerate(difficulty)))
    return dirs, weights, diff_file, difficulty


def test_alpacaeval_imports_show_alpacaevals_own_lc_from_its_weights_never_under_our_label(ae_imports, tmp_path):
    dirs, weights, diff_file, difficulty = ae_imports
    table = {row[0]: row for row in csv.reader(weights.open())}
    col = table[""].index("instruction_difficulty"), table[""].index("not_gamed_baseline.astype(float)")

    def lc(model: str) -> float:  # AlpacaEval's predict_winrate, written out for the test
        dw = [float(table[model][i]) - float(table["gpt4_1106_preview"][i]) for i in col]
        return 100 * float(np.mean([1 / (1 + math.exp(-(dw[1] + dw[0] * d))) for d in difficulty]))

    build_report(dirs, tmp_path / "ae" / "report.html", alpacaeval_weights=weights, alpacaeval_difficulty=diff_file)
    rows = {r["system_a"]: r for r in _csv(tmp_path / "ae")}
    for model in ("claude-2", "gpt-3.5-turbo-1106"):
        assert float(rows[model]["alpacaeval_lc_win_rate"]) == pytest.approx(lc(model), abs=1e-9)
        assert rows[model]["equal_length_win_rate"] != ""  # ours stays in the CSV, under its own name
    page = (tmp_path / "ae" / "report.html").read_text("utf-8")
    board = re.search(r'<table class="board".*?</table>', page, re.S).group(0)
    assert ">AlpacaEval LC</th>" in board and ">Equal-length</th>" not in board  # every row has AlpacaEval's
    ae = re.findall(r'<td class="ae-lc" title="">([\d.]+)</td>', board)
    assert sorted(float(x) for x in ae) == sorted(round(lc(m), 1) for m in rows)
    assert lc("claude-2") > lc("gpt-3.5-turbo-1106")  # AlpacaEval's order, which our figure reverses here
    # without the weights: our figure, under our label only
    build_report(dirs, tmp_path / "ours" / "report.html")
    page = (tmp_path / "ours" / "report.html").read_text("utf-8")
    board = re.search(r'<table class="board".*?</table>', page, re.S).group(0)
    assert ">Equal-length</th>" in board and "AlpacaEval LC" not in page
    ours = {r["system_a"]: float(r["equal_length_win_rate"]) for r in _csv(tmp_path / "ours")}
    assert ours["gpt-3.5-turbo-1106"] > ours["claude-2"]  # issue 26: why it must not read as AlpacaEval's


def test_alpacaeval_weights_without_difficulties_is_a_one_line_error(ae_imports, tmp_path):
    dirs, weights, _, _ = ae_imports
    res = subprocess.run([sys.executable, "-m", "plug_eval.judges", "report", str(dirs[0]), "--out",
                          str(tmp_path / "out/report.html"), "--alpacaeval-weights", str(weights)],
                         capture_output=True, text=True)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "--alpacaeval-difficulty" in res.stderr
    assert not (tmp_path / "out").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("model,x\nclaude-2,1\n")
    with pytest.raises(PlugEvalError, match="not AlpacaEval's length-controlled weights"):
        build_report(dirs, tmp_path / "out/report.html", alpacaeval_weights=bad, alpacaeval_difficulty=bad)
