"""No paid judgment lost or paid twice: kill -9 and resume, a torn last line, two runs on one store."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import conftest_judge
from conftest_judge import KEY, cli_subprocess, pair_files, read_jsonl, run_cli, summary

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute


def _args(a: Path, b: Path, out: Path, base: str, *extra: str) -> list[str]:
    return ["compare", str(a), str(b), "--judge", "openai:fair", "--base-url", base, "--out", str(out), "--lang", "zh",
            "--quiet", *extra]


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_kill_9_mid_run_then_resume_pays_only_in_flight_calls_twice(fake, tmp_path):
    fake.config(latency_ms=40)
    a, b = pair_files(tmp_path, n=40)
    out = tmp_path / "run"
    proc = cli_subprocess(*_args(a, b, out, fake.openai, "--concurrency", "4"), env={"OPENAI_API_KEY": KEY})
    deadline = time.time() + 60
    while _lines(out / "judgments.jsonl") < 20 and time.time() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    before = (out / "judgments.jsonl").read_bytes()
    stored = {json.loads(x)["key"] for x in before.splitlines() if x.strip()}
    assert 20 <= len(stored) < 80, "the kill must land mid-run"
    # resume with the same command: nothing stored is asked again
    code, _, err = run_cli(*_args(a, b, out, fake.openai, "--concurrency", "4"))
    assert code == 0, err
    after = (out / "judgments.jsonl").read_bytes()
    assert after.startswith(before)  # appended, never rewritten
    recs = read_jsonl(out / "judgments.jsonl")
    assert len(recs) == 80 and len({r["key"] for r in recs}) == 80
    attempts = fake.stats()["attempts"]
    assert len(attempts) == 80
    paid_twice = [k for k, n in attempts.items() if n > 1]
    assert len(paid_twice) <= 4  # at most the calls in flight at the kill (concurrency 4)
    s = summary(out)
    assert s["n_scored"] == 40 and s["win"] == 40 and s["errors"] == 0


def test_torn_last_line_is_skipped_and_the_next_record_starts_a_fresh_line(fake, tmp_path):
    a, b = pair_files(tmp_path, n=3)
    out = tmp_path / "run"
    assert run_cli(*_args(a, b, out, fake.openai))[0] == 0
    path = out / "judgments.jsonl"
    good = read_jsonl(path)
    # keep 4 complete records and tear the fifth in half, as a crash during a write could
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:4]) + lines[4][: len(lines[4]) // 2])
    fake.reset()
    code, _, err = run_cli(*_args(a, b, out, fake.openai))
    assert code == 0, err
    assert sum(fake.stats()["attempts"].values()) == 2  # the torn record and the removed one
    text = path.read_bytes()
    assert text.endswith(b"\n")
    ok = [json.loads(x) for x in text.splitlines()[:4] + text.splitlines()[5:]]
    assert len(ok) == 6 and {r["key"] for r in ok} == {r["key"] for r in good}
    s = summary(out)
    assert s["n_scored"] == 3 and s["run"]["bad_store_lines"] == 1


def test_two_runs_on_one_store_never_pay_a_key_twice(fake, tmp_path):
    fake.config(latency_ms=60)
    a, b = pair_files(tmp_path, n=30)
    out = tmp_path / "run"
    args = _args(a, b, out, fake.openai, "--concurrency", "4")
    procs = [cli_subprocess(*args, env={"OPENAI_API_KEY": KEY}) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    attempts = fake.stats()["attempts"]
    assert len(attempts) == 60 and set(attempts.values()) == {1}
    recs = read_jsonl(out / "judgments.jsonl")  # every line parses: no interleaved writes
    assert len(recs) == 60 and len({r["key"] for r in recs}) == 60
    calls = [int(r[0].split("\n")[-2].split(" calls")[0]) for r in results]
    assert sum(calls) == 60 and min(calls) > 0, calls  # the runs shared the work
    assert summary(out)["n_scored"] == 30
