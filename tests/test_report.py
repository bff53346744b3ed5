"""The report without a browser: run-directory reading, exports, size, CSP and escaping in the source."""

from __future__ import annotations

import base64
import csv
import hashlib
import html as html_lib
import io
import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from synthetic_runs import write_grid, write_run

from plug_eval import stats
from plug_eval.errors import PlugEvalError
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
    assert {p.name for p in written} >= {"report.html", "summary.csv", "summary.md"}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "summary.csv").read_text("utf-8"))))
    per_lang = [r for r in rows if r["lang"] != "overall"]
    assert len(per_lang) == 6 and len(rows) == 9  # 3 systems x 2 languages, plus 3 overall rows
    for d in grid:
        s = _summary(d)
        row = next(r for r in per_lang if r["run_dir"] == str(d))
        assert float(row["win_rate"]) == s["win_rate"] and float(row["ci_low"]) == s["ci_low"]
        assert int(row["n_scored"]) == s["n_scored"] and float(row["p_value"]) == s["p_value"]
    md = (tmp_path / "summary.md").read_text("utf-8")
    assert md.count("\n| ") == 4 and "| # | System | Overall | en | zh | LC |" in md
    assert re.search(r"\| 1 \| strong \| \d+\.\d \[\d+\.\d, \d+\.\d\]", md)


def test_holm_marks_use_every_test_in_the_report(grid, tmp_path):
    build_report(grid, tmp_path / "report.html")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "summary.csv").read_text("utf-8"))))
    p = [float(r["p_value"]) for r in rows]
    assert [float(r["p_holm"]) for r in rows] == pytest.approx(stats.holm(p))
    for r in rows:
        expected = "" if float(r["p_holm"]) >= 0.05 else ("above" if float(r["win_rate"]) > 50 else "below")
        assert r["significant"] == expected


def test_payloads_are_escaped_and_the_csp_allows_only_our_inline_code(tmp_path):
    d = tmp_path / "evil"
    write_run(d, system_a='<b onclick="x">sys</b>', n_items=4, n_resamples=50,
              answers=[(p, p, p) for p in PAYLOADS])
    build_report([d], tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text("utf-8")
    assert html.count("<script") == 1 and "<img" not in html and "<svg onload" not in html and "<b on" not in html
    for p in PAYLOADS:
        assert p not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "http" not in csp
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    for text in (style, script):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_templates_never_mark_text_safe():
    templates = files("plug_eval.reports") / "templates"
    for t in templates.iterdir():
        if t.name.endswith(".j2"):
            assert not re.search(r"\|\s*safe", t.read_text("utf-8")), t.name


def test_large_answers_go_to_linked_files_and_the_page_stays_small(tmp_path):
    dirs = write_grid(tmp_path / "runs", [f"s{i}" for i in range(10)], ["en", "zh", "ko", "it", "es"],
                      n_items=60, n_resamples=200)
    build_report(dirs, tmp_path / "out/report.html", inline_limit=10_000)
    html = (tmp_path / "out/report.html").read_text("utf-8")
    pages = sorted((tmp_path / "out/report_files").glob("*.html"))
    assert len(pages) == 50 and len(html.encode()) < 500_000
    for page in pages[:3]:
        assert f'href="report_files/{page.name}"' in html
        assert page.read_text("utf-8").count('<article class="item"') == 60
    small = build_report(dirs[:2], tmp_path / "small/report.html")
    assert not (tmp_path / "small/report_files").exists() and len(small) == 3


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
    rows = list(csv.DictReader(io.StringIO((tmp_path / "summary.csv").read_text("utf-8"))))
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
