"""The report over real judging runs: a killed ``compare --force`` is shown unfinished everywhere."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import time
from pathlib import Path

import conftest_judge
from conftest_judge import KEY, cli_subprocess, pair_files, run_cli, summary

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute


def _args(a: Path, b: Path, out: Path, base: str, *extra: str) -> list[str]:
    return ["compare", str(a), str(b), "--judge", "openai:fair", "--base-url", base, "--out", str(out), "--lang", "zh",
            "--quiet", *extra]


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n")


def test_a_killed_force_run_is_not_shown_as_finished(fake, tmp_path):
    a, b = pair_files(tmp_path, n=30)
    out = tmp_path / "run"
    code, _, err = run_cli(*_args(a, b, out, fake.openai))
    assert code == 0, err
    finished = summary(out)
    assert finished["n_scored"] == 30 and not finished["run"].get("stopped")
    fake.config(latency_ms=40)
    before = _lines(out / "judgments.jsonl")
    proc = cli_subprocess(*_args(a, b, out, fake.openai, "--force", "--concurrency", "2"),
                          env={"OPENAI_API_KEY": KEY})
    deadline = time.time() + 60
    while _lines(out / "judgments.jsonl") < before + 10 and time.time() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert before + 10 <= _lines(out / "judgments.jsonl") < before + 60, "the kill must land mid-run"
    assert summary(out)["run"]["stopped"] == "unfinished"  # the call layer marks a summary while a run goes on
    for marked in (True, False):  # and without that mark (a directory left by an older release): the files tell
        if not marked:
            (out / "summary.json").write_text(json.dumps(finished), encoding="utf-8")
        site = tmp_path / f"site-{marked}"
        code, stdout, err = run_cli("report", str(out), "--out", str(site / "report.html"))
        assert code == 0, err
        page = (site / "report.html").read_text("utf-8")
        assert "1 comparison not finished" in page and "a killed or running job" in page
        (row,) = csv.DictReader(io.StringIO((site / "summary.csv").read_text("utf-8")))
        assert row["finished"] == "False" and "judgments stored after its summary.json" in row["status"]
        assert ("stopped (unfinished)" in row["status"]) == marked
        md = (site / "summary.md").read_text("utf-8")
        assert "(unfinished)" in md and "- unfinished: " in md
    # resumed and finished, the same directory reads as finished again
    assert run_cli(*_args(a, b, out, fake.openai))[0] == 0
    assert run_cli("report", str(out), "--out", str(tmp_path / "again" / "report.html"))[0] == 0
    (row,) = csv.DictReader(io.StringIO((tmp_path / "again" / "summary.csv").read_text("utf-8")))
    assert row["finished"] == "True" and row["status"] == "" and row["n_scored"] == "30"
