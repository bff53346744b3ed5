"""A paid judgment is never lost and never paid twice (issue 21), and a slow server is no storm (issue 27).

Each case of issue 21 is a test named ``test_caseN_...``, run through the real command line
against the one fake server (tests/fakeserver.py) on 127.0.0.1, which can answer in valid but
unusual shapes, refuse one prompt, hang, trickle bytes or answer one request at a time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import conftest_judge
import pytest
from conftest import fill
from conftest_judge import KEY, cli_subprocess, pair_files, read_jsonl, run_cli, summary, write_json

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rundirs"


def compare(a: Path, b: Path, out: Path, url: str, *extra: str, judge: str = "openai:fair") -> tuple[int, str, str]:
    return run_cli("compare", str(a), str(b), "--judge", judge, "--base-url", url, "--out", str(out), "--lang", "zh",
                   "--quiet", *extra)


def prices(tmp: Path, **models: float) -> str:
    return str(write_json(tmp / "prices.json", {m: {"input": p, "output": p} for m, p in models.items()}))


def attempts(fake) -> int:
    return sum(fake.stats()["attempts"].values())


def paid_per_key(fake) -> Counter:
    return Counter(e["key"] for e in fake.paid())


# --------------------------------------------------------------------------- case 1: unusual replies


@pytest.mark.parametrize("shape, note", [("parts", "content_parts"), ("string_usage", "usage_text"),
                                         ("surrogate", "lone_surrogate")])
def test_case1_a_valid_but_unusual_reply_is_stored_once_and_never_paid_again(shape, note, fake, tmp_path):
    fake.config(faults=[{"shape": shape, "times": 10**9}])
    a, b = pair_files(tmp_path, n=2)
    run = tmp_path / "run"
    made = []
    for _ in range(3):
        code, _, err = compare(a, b, run, fake.openai, "--prices", prices(tmp_path, fair=1.0))
        assert code == 0 and "Traceback" not in err, err
        made.append(attempts(fake))
    assert made == [4, 4, 4]  # the first run pays the 4 calls; the reruns find them stored
    records = read_jsonl(run / "judgments.jsonl")
    assert len(records) == 4 and all(r["error"] is None and note in r["reply_notes"] for r in records)
    assert all(r["verdict"] in ("A", "B", "tie") for r in records)  # the verdict survives the shape
    if shape == "string_usage":  # counts sent as text are counts: the cost is known
        assert all(isinstance(r["input_tokens"], int) and r["cost_usd"] is not None for r in records)
    if shape == "surrogate":  # half of an escaped pair cannot be stored as UTF-8: it becomes U+FFFD
        assert all(r["raw"].startswith("\ufffd ") for r in records)
    assert summary(run)["n_scored"] == 2


# --------------------------------------------------------------------------- case 2: equivalent commands


def test_case2_every_spelling_of_the_same_request_is_the_same_key(fake, tmp_path):
    a, b = pair_files(tmp_path, n=3)
    run = tmp_path / "run"
    assert compare(a, b, run, fake.openai)[0] == 0
    made = attempts(fake)
    url = fake.openai
    for extra, base in [(("-J", "temperature=0.0"), url), (("-J", "max_tokens=1024.0"), url), ((), url + "/"),
                        ((), f"HTTP://127.0.0.1:{fake.port}/v1")]:
        code, out, err = compare(a, b, run, base, "--dry-run", *extra)
        assert code == 0 and out.splitlines()[-1].startswith("6 judgments: 6 stored, 0 to call"), (extra, base, err)
        code, _, err = compare(a, b, run, base, *extra)
        assert code == 0, err
    assert attempts(fake) == made  # nothing paid twice


def test_case2_the_providers_url_spelled_out_is_the_provider(monkeypatch):
    from plug_eval.llm import registry
    from plug_eval.llm.base import canonical_url

    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    default = registry.build("openai", "gpt-4o-mini")
    for spelled in ("https://api.openai.com/v1", "https://api.openai.com/v1/", "HTTPS://API.openai.com:443/v1"):
        given = registry.build("openai", "gpt-4o-mini", base_url=spelled)
        assert given.identity() == default.identity() == {"backend": "openai", "host": None, "model": "gpt-4o-mini"}
        assert canonical_url(given.effective_base_url()) == canonical_url(default.effective_base_url())
    assert registry.build("openai", "gpt-4o-mini", base_url="http://127.0.0.1:8000/v1").identity()["host"] == \
        "127.0.0.1:8000"


def test_case2_a_directory_written_by_the_last_release_keeps_its_keys(tmp_path):
    """tests/fixtures/rundirs/spellings was written by 14c8772 with ``-J temperature=0.0 -J
    max_tokens=1024.0``: its 16 judgments stay found under every spelling of that command."""
    run = tmp_path / "spellings"
    shutil.copytree(FIXTURES / "spellings", run)
    inputs = tmp_path / "inputs"
    shutil.copytree(FIXTURES / "inputs", inputs)
    before = json.loads((run / "summary.json").read_text("utf-8"))
    base = ["compare", str(inputs / "plug.json"), str(inputs / "base.json"), "--judge", "rules", "--lang", "zh",
            "--out", str(run), "--quiet", "--n-resamples", "500"]
    for spelling in (["-J", "temperature=0.0", "-J", "max_tokens=1024.0"], ["-J", "temperature=0", "-J", "max_tokens=1024"]):
        code, out, err = run_cli(*base, *spelling, "--dry-run")
        assert code == 0 and out.splitlines()[-1].startswith("16 judgments: 16 stored, 0 to call"), err
        code, out, err = run_cli(*base, *spelling)
        assert code == 0 and "0 calls" in out, err
    assert len(read_jsonl(run / "judgments.jsonl")) == 16
    after = summary(run)
    assert {k: after[k] for k in ("win_rate", "ci_low", "ci_high", "n_scored", "win", "tie", "loss")} == \
        {k: before[k] for k in ("win_rate", "ci_low", "ci_high", "n_scored", "win", "tie", "loss")}


# --------------------------------------------------------------------------- case 3: no usage, a budget


def test_case3_a_reply_without_usage_counts_at_its_bound_in_every_later_run(fake, tmp_path):
    fake.config(faults=[{"shape": "no_usage", "times": 10**9}])
    a, b = pair_files(tmp_path, n=10)
    run = tmp_path / "run"
    price = prices(tmp_path, fair=1.0)  # a call's bound: (prompt bytes + 64 + 1024 max_tokens) / 1e6 ~ $0.0015
    made = []
    for _ in range(3):
        code, out, err = compare(a, b, run, fake.openai, "--prices", price, "--max-cost", "0.012",
                                 "--concurrency", "1")
        assert code == 3, err  # stopped by the budget, each time
        made.append(attempts(fake))
    assert made[0] > 0 and made[1] == made[2] == made[0]  # the budget does not reset: no more calls
    s = summary(run)
    assert s["run"]["no_usage_calls"] == made[0] and s["cost_usd"] is None  # unknown, never 0
    assert s["run"]["no_usage_bound_usd"] <= 0.012
    records = read_jsonl(run / "judgments.jsonl")
    assert all(r["cost_usd"] is None and r["cost_bound_usd"] > 0 for r in records)


# --------------------------------------------------------------------------- case 4: two runs at once


def test_case4_two_judges_started_at_once_on_a_fresh_directory_one_wins(fake, tmp_path):
    fake.config(latency_ms=20)
    a, b = pair_files(tmp_path, n=150)  # reading and checking the answers takes a moment: the old window
    run = tmp_path / "run"
    procs = [cli_subprocess("compare", str(a), str(b), "--judge", judge, "--base-url", fake.openai, "--out", str(run),
                            "--lang", "zh", "--quiet", env={"OPENAI_API_KEY": KEY})
             for judge in ("openai:fair", "openai:first")]
    done = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    codes = sorted(d[2] for d in done)
    assert codes == [0, 2], done
    loser = next(d for d in done if d[2] == 2)
    assert loser[1].count("\n") == 1 and "holds the calls of another run (judge openai:" in loser[1], loser[1]
    winner = "openai:fair" if procs[0].returncode == 0 else "openai:first"
    assert {r["judge"] for r in read_jsonl(run / "judgments.jsonl")} == {winner}  # nothing of the other judge
    assert summary(run)["judge"] == winner


# --------------------------------------------------------------------------- case 5: a full disk


def test_case5_a_full_disk_mid_run_loses_no_reply_and_the_rerun_pays_nothing_again(fake, tmp_path, small_disk):
    fake.config(latency_ms=150)
    a, b = pair_files(tmp_path, n=20)
    run = small_disk / "run"
    args = ["compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai, "--out", str(run),
            "--lang", "zh", "--quiet", "--concurrency", "2", "--prices", prices(tmp_path, fair=1.0)]
    proc = cli_subprocess(*args, env={"OPENAI_API_KEY": KEY})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not (run / "judgments.jsonl").exists()
                                           or len(read_jsonl(run / "judgments.jsonl")) < 4):
        time.sleep(0.05)
    items_stat = os.stat(run / "items.jsonl")
    filler = fill(small_disk)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 3, err
    assert err.strip().count("\n") == 0 and "No space left on device" in err and "journal" in err, err
    assert "Traceback" not in err
    journaled = [r for p in run.glob("judgments.journal.*") for r in read_jsonl_raw(p)]
    assert journaled, "the replies the store could not take are in the journal"
    filler.unlink()
    code, out, err = run_cli(*args)
    assert code == 0, err
    assert not list(run.glob("judgments.journal.*"))  # read back and removed
    assert os.stat(run / "items.jsonl").st_ino == items_stat.st_ino  # resuming rewrote nothing
    keys = paid_per_key(fake)
    assert len(keys) == 40 and max(keys.values()) == 1  # every call paid exactly once, none lost
    assert summary(run)["n_scored"] == 20


def read_jsonl_raw(path: Path) -> list[dict]:
    data = path.read_bytes().split(b"\0", 1)[0].decode("utf-8")
    return [json.loads(line) for line in data.splitlines() if line.strip()]


# --------------------------------------------------------------------------- case 6: one prompt refused


def test_case6_a_403_on_one_prompt_is_that_calls_error_not_the_runs(fake, tmp_path):
    fake.config(faults=[{"match": "第1个", "status": 403, "times": 10**9, "message": "Request blocked by WAF"}])
    a, b = pair_files(tmp_path, n=6)
    code, out, err = compare(a, b, tmp_path / "run", fake.openai, "--concurrency", "1")
    assert code == 0, err
    s = summary(tmp_path / "run")
    assert s["n_scored"] == 5 and s["errors"] == 2 and s["run"]["error_kinds"] == {"refused": 2}
    refused = [r for r in read_jsonl(tmp_path / "run" / "judgments.jsonl") if r["error"]]
    assert {r["id"] for r in refused} == {"q1"} and all("Request blocked by WAF" in r["error"] for r in refused)


def test_case6_when_every_prompt_is_refused_the_run_stops_on_the_endpoints_permission(fake, tmp_path):
    fake.config(faults=[{"status": 403, "times": 10**9, "message": "this key has no access to the model"}])
    a, b = pair_files(tmp_path, n=6)
    code, out, err = compare(a, b, tmp_path / "run", fake.openai, "--concurrency", "1",
                             "--prices", prices(tmp_path, fair=1.0))
    assert code == 2 and err.count("\n") == 1 and "permission denied on the endpoint" in err, err
    assert read_jsonl(tmp_path / "run" / "judgments.jsonl") == []  # nothing stored: the fixed key judges all


# --------------------------------------------------------------------------- case 7: an empty reply, a refusal


@pytest.mark.parametrize("shape", ["empty", "refusal"])
def test_case7_retry_unparsed_asks_again_for_replies_without_a_verdict_only(shape, fake, tmp_path):
    fake.config(faults=[{"match": "第2个", "shape": shape, "times": 1}])
    a, b = pair_files(tmp_path, n=4)
    run = tmp_path / "run"
    assert compare(a, b, run, fake.openai)[0] == 0
    assert summary(run)["unscored"] == 1
    made = attempts(fake)
    assert compare(a, b, run, fake.openai, "--retry-errors")[0] == 0
    assert attempts(fake) == made  # not errors: --retry-errors leaves them alone
    assert compare(a, b, run, fake.openai, "--retry-unparsed")[0] == 0
    assert attempts(fake) == made + 2  # exactly the two orders of the item without a verdict
    assert summary(run)["unscored"] == 0
    history = [r for r in read_jsonl(run / "judgments.jsonl") if r["id"] == "q2"]
    assert len(history) == 4 and [r["verdict"] for r in history].count("unparsed") == 2  # the old replies stay


# --------------------------------------------------------------------------- case 8: a hanging server


def test_case8_a_hanging_server_trips_the_breaker_with_timeouts_counted(fake, tmp_path):
    fake.config(faults=[{"hang": True, "times": 10**9}])
    a, b = pair_files(tmp_path, n=8)
    proc = cli_subprocess("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                          "--out", str(tmp_path / "run"), "--lang", "zh", "--timeout", "0.5",
                          "--max-consecutive-failures", "4", "--concurrency", "2", env={"OPENAI_API_KEY": KEY})
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 3, err
    last = err.strip().splitlines()[-1]
    assert "4 attempts in a row failed (0 could not connect, 4 had no reply within --timeout 0.5 s" in last
    assert "timeouts 1" in err  # the progress line counts them as they happen
    assert attempts(fake) <= 5  # the breaker stops it: no retry storm


# --------------------------------------------------------------------------- case 9: unfinished, nothing scored


def test_case9_a_killed_force_run_reads_as_unfinished_everywhere(fake, tmp_path):
    a, b = pair_files(tmp_path, n=20)
    run = tmp_path / "run"
    assert compare(a, b, run, fake.openai)[0] == 0
    assert summary(run)["run"]["stopped"] is None
    fake.config(latency_ms=300)
    proc = cli_subprocess("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                          "--out", str(run), "--lang", "zh", "--quiet", "--force", "--concurrency", "1",
                          env={"OPENAI_API_KEY": KEY})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(read_jsonl(run / "judgments.jsonl")) < 42:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert summary(run)["run"]["stopped"] == "unfinished"  # the old numbers no longer read as finished
    code, out, _ = run_cli("summarize", str(run))
    assert code == 0 and "UNFINISHED (stopped: unfinished)" in out
    fake.config(latency_ms=0)
    code, out, _ = compare(a, b, run, fake.openai)
    assert code == 0 and "UNFINISHED" not in out and summary(run)["run"]["stopped"] is None


# --------------------------------------------------------------------------- issue 27: slow servers


def test_a_server_that_answers_one_request_at_a_time_gets_no_retry_storm(fake, tmp_path):
    fake.config(serial=True, latency_ms=400)  # 8 in flight would wait 3.2 s: past the 2 s timeout
    a, b = pair_files(tmp_path, n=6)
    code, out, err = compare(a, b, tmp_path / "run", fake.openai, "--timeout", "2")
    assert code == 0, err
    log = fake.log()
    assert len(log) == 12 and all(e["paid"] for e in log)  # no retry, no request left behind
    assert summary(tmp_path / "run")["n_scored"] == 6


def test_timeout_is_the_wall_time_of_one_attempt_even_when_the_server_trickles(fake, tmp_path):
    fake.config(faults=[{"trickle": 0.05, "times": 10**9}])  # a ~600-byte reply takes ~30 s, a byte at a time
    a, b = pair_files(tmp_path, n=1)
    code, out, err = compare(a, b, tmp_path / "run", fake.openai, "--timeout", "1", "--max-retries", "0",
                             "--max-consecutive-failures", "100")
    assert code == 1, err  # nothing scored: both calls timed out
    records = read_jsonl(tmp_path / "run" / "judgments.jsonl")
    assert [r["error_kind"] for r in records] == ["timeout", "timeout"]
    assert all("no reply within --timeout 1 s" in r["error"] for r in records)
    assert all(r["attempts"] == 1 for r in records)  # one attempt each, ended by the engine, not the SDK


def test_an_anthropic_base_url_ending_in_v1_is_not_doubled(fake, tmp_path):
    a, b = pair_files(tmp_path, n=2)
    code, out, err = compare(a, b, tmp_path / "run", fake.url + "/v1", judge="anthropic:fair")
    assert code == 0, err
    assert {e["path"] for e in fake.log()} == {"/v1/messages"}


def test_engine_guard_a_recorder_that_fails_keeps_the_paid_reply_raw(tmp_path):
    """The last line of defence: whatever a job's recorder raises, the reply is stored (an error of
    kind ``unrecordable`` with its text) and a rerun does not pay for it again."""
    import asyncio
    import io

    from test_engine import Echo, _calls, _stored

    from plug_eval.llm.engine import Engine, Limits

    def broken(call, result):
        raise TypeError("a record field this job cannot build")

    limits = Limits(tmp_path / "run", concurrency=2, progress=io.StringIO())
    backend = Echo()
    outcome = asyncio.run(Engine(backend, limits, None, broken).run(_calls(["hello", "world"])))
    assert outcome.calls == 2 and outcome.errors == 2
    stored = _stored(limits.out)
    assert all(r["error_kind"] == "unrecordable" and r["raw"] in ("HELLO", "WORLD") for r in stored.values())
    again = Echo()
    assert asyncio.run(Engine(again, limits, None, broken).run(_calls(["hello", "world"]))).calls == 0
    assert again.calls == []


# --------------------------------------------------------------------------- the property


def _stored(run: Path) -> tuple[set[str], set[str], float]:
    """(keys with a success, keys whose records are all errors, what the directory spent)."""
    from plug_eval.llm.store import Store

    store = Store(run)
    store.refresh()
    ok = {k for k, recs in store.by_key.items() if any(r.get("error") is None for r in recs)}
    return ok, set(store.by_key) - ok, store.spent()


@pytest.mark.slow
def test_property_no_sequence_of_runs_pays_a_stored_key_again_or_passes_the_last_budget(fake):
    """Any sequence of kill -9, rerun, --force, --retry-errors and --max-cost on one directory:
    a run other than --force pays no key that is stored (the calls in flight at a kill excepted),
    --force pays each key once, and a run with --max-cost M ends with the directory's total at
    most M (or where it was, if earlier runs without a cap had spent more)."""
    import tempfile

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    ops = st.lists(st.sampled_from(["rerun", "force", "retry", "cap-low", "cap-high", "kill"]), min_size=2, max_size=4)

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
    @given(ops)
    def check(sequence: list[str]) -> None:
        fake.reset()
        fake.config(faults=[{"match": "第1个", "status": 500, "times": 1}])  # its first attempts fail: errors
        tmp = Path(tempfile.mkdtemp(prefix="property-"))
        a, b = pair_files(tmp, n=4)
        run = tmp / "run"
        base = ["compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai, "--out", str(run),
                "--lang", "zh", "--quiet", "--max-retries", "0", "--prices", prices(tmp, fair=1.0)]
        in_flight: set[str] = set()
        for op in sequence:
            ok, errors, spent = _stored(run) if run.exists() else (set(), set(), 0.0)
            before = len(fake.paid())
            flags = {"rerun": [], "force": ["--force"], "retry": ["--retry-errors"], "cap-low": ["--max-cost", "0.006"],
                     "cap-high": ["--max-cost", "0.03"], "kill": []}[op]
            if op == "kill":
                fake.config(latency_ms=150)
                proc = cli_subprocess(*base, "--concurrency", "2", env={"OPENAI_API_KEY": KEY})
                time.sleep(0.5)
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                time.sleep(0.4)  # what was in flight completes on the server: paid, not stored
                fake.config(latency_ms=0)
            else:
                code, _, err = run_cli(*base, *flags)
                assert code in (0, 1), err  # 1: nothing scored yet (a tight budget)
            paid = Counter(e["key"] for e in fake.paid()[before:])
            after_ok, after_errors, after_spent = _stored(run) if run.exists() else (set(), set(), 0.0)
            if op == "force":
                assert max(paid.values(), default=0) <= 1
            elif op != "kill":
                stored_before = ok if op == "retry" else ok | errors
                assert not (set(paid) & stored_before) - in_flight, (op, sequence)
            if op.startswith("cap"):
                limit = float(flags[1])
                assert after_spent <= max(limit, spent) + 1e-9, (op, after_spent, limit, spent)
            in_flight = (set(paid) - after_ok - after_errors) if op == "kill" else set()

    check()
