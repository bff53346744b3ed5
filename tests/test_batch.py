"""``--batch``: every LLM job through the providers' batch APIs, at half the price, resumable (issue 22).

Each test runs the real command lines (``plug-judge compare`` on OpenAI and Anthropic, ``grade``,
``truthful``, ``plug-train translate``) against the one fake server (tests/fakeserver.py) on
127.0.0.1, whose batch routes answer each request with the same ``answer()`` as its live routes,
through the official SDKs unchanged.  The server logs every request submitted in a batch, so
"submitted exactly once" is counted, not assumed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import conftest_judge
import pytest
from conftest_judge import pair_files, read_jsonl, samples, write_json

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute

PRICE = {"input": 1000.0, "output": 1000.0}  # USD per 1M tokens: a call costs cents
#: what a record holds that differs between a live call and the same call through a batch
NOT_THE_REPLY = {"cost_usd", "latency_s", "time", "batch_id", "attempts", "cost_bound_usd"}


@dataclass(frozen=True)
class JobCase:
    name: str
    job: str
    backend: str
    model: str
    noun: str

    def argv(self, tmp: Path, fake: Any) -> list[str]:
        """The job's command line (without the run flags) on fresh inputs in ``tmp``."""
        judge = f"{self.backend}:{self.model}"
        url = fake.openai if self.backend == "openai" else fake.url
        if self.job == "compare":
            a, b = pair_files(tmp, n=4, qa=lambda i: 3 if i % 2 else 1, qb=2)
            return ["compare", str(a), str(b), "--judge", judge, "--base-url", url, "--lang", "zh"]
        if self.job == "grade":
            a, _ = pair_files(tmp, n=4, qa=lambda i: i + 3)
            return ["grade", str(a), "--judge", judge, "--base-url", url, "--lang", "zh"]
        if self.job == "truthful":
            return ["truthful", str(samples(tmp, script=["TI", "FU", "NS", "TU"])), "--judge", judge,
                    "--base-url", url]
        rows = [{"id": f"r{i}", "instruction": f"Explain in plain words why the sky looks blue, take {i}.",
                 "response": "Air scatters blue sunlight more than red light, so the sky looks blue to us."}
                for i in range(2)]
        return ["translate", "--input", str(write_json(tmp / "rows.json", rows)), "--target", "zh,ko", "--model",
                judge, "--base-url", url]

    @property
    def summary_file(self) -> str:
        return "translate.json" if self.job == "translate" else "summary.json"


JOBS = [JobCase("compare-openai", "compare", "openai", "fair", "judgments"),
        JobCase("compare-anthropic", "compare", "anthropic", "fair", "judgments"),
        JobCase("grade", "grade", "openai", "grade", "judgments"),
        JobCase("truthful", "truthful", "openai", "tqa", "judgments"),
        JobCase("translate", "translate", "openai", "fake-translator", "translations")]
COMPARE = {j.backend: j for j in JOBS if j.job == "compare"}


def ids(job: JobCase) -> str:
    return job.name


def run(*argv: str) -> tuple[int, str, str]:
    """``plug-judge ARGV`` or ``plug-train translate ARGV`` in-process: (exit code, stdout, stderr)."""
    from plug_eval.judges.cli import main as judge_main
    from plug_train.cli import main as train_main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = int((train_main if argv[0] == "translate" else judge_main)(list(argv)) or 0)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def subprocess_run(*argv: str) -> subprocess.Popen[str]:
    """The same command as its own process (to kill it)."""
    module = "plug_train" if argv[0] == "translate" else "plug_eval.judges"
    return subprocess.Popen([sys.executable, "-m", module, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=dict(os.environ), preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                                                              signal.SIG_DFL))


def prices(tmp: Path, **extra: float) -> str:
    return str(write_json(tmp / "prices.json", {job.model: {**PRICE, **extra} for job in JOBS}))


def records(out: Path) -> list[dict[str, Any]]:
    path = out / "judgments.jsonl"
    return read_jsonl(path) if path.exists() else []


def events(out: Path) -> list[dict[str, Any]]:
    path = out / "batches.jsonl"
    return read_jsonl(path) if path.exists() else []


def cost(out: Path) -> float:
    return sum(r["cost_usd"] or 0.0 for r in records(out))


def summary(job: JobCase, out: Path) -> dict[str, Any]:
    return json.loads((out / job.summary_file).read_text(encoding="utf-8"))


def wait_for(check: Any, what: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while not check():
        assert time.time() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def polled(fake: Any, out: Path) -> bool:
    """The run recorded its batch and waits on it: the server has answered a poll of it."""
    batches = fake.batches()
    return bool(batches) and batches[0]["polls"] >= 1 and any(e["event"] == "submitted" for e in events(out))


def submitted_once(fake: Any, out: Path) -> Counter[str]:
    """Every planned key of ``out`` submitted exactly once: the server's count per key."""
    counts = Counter(fake.submitted())
    planned = {k for parts in json.loads((out / "run.json").read_text())["keys"].values() for k in parts.values()}
    assert set(counts) == planned and set(counts.values()) == {1}, counts
    return counts


def without(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in keys}


# --------------------------------------------------------------------------- the same results at half the price


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_a_batch_run_equals_a_live_run_at_half_the_cost(job, fake, tmp_path):
    argv, price = job.argv(tmp_path, fake), prices(tmp_path)
    live, batched = tmp_path / "live", tmp_path / "batch"
    assert run(*argv, "--out", str(live), "--prices", price, "--quiet")[0] == 0
    made_live = len(fake.log())
    code, stdout, stderr = run(*argv, "--out", str(batched), "--prices", price, "--batch")
    assert code == 0, stderr
    assert all(e.get("batch") for e in fake.log()[made_live:])  # no live call: every request went in a batch
    submitted_once(fake, batched)
    assert "in batches [####################]" in stderr and f"{made_live}/{made_live} requests" in stderr
    by_key = {r["key"]: r for r in records(batched)}
    assert len(by_key) == made_live and all(r["batch_id"] == fake.batches()[0]["id"] for r in by_key.values())
    for rec in records(live):  # the same verdicts, labels, translations: the same reply, read the same way
        assert without(by_key[rec["key"]], *NOT_THE_REPLY) == without(rec, *NOT_THE_REPLY)
    assert abs(cost(batched) / cost(live) - 0.5) < 1e-6, (cost(batched), cost(live))
    s_live, s_batch = summary(job, live), summary(job, batched)
    money = ("cost_usd", "cost_usd_all_runs", "run", "calls_made")
    assert without(s_batch, *money) == without(s_live, *money)
    if job.job != "translate":
        assert s_batch["run"]["batch_judgments"] == made_live and "batch_judgments" not in s_live["run"]
        assert without(s_batch["run"], "batch_judgments", "cost_known_usd", "seconds") == \
            without(s_live["run"], "cost_known_usd", "seconds")
    assert run(*argv, "--out", str(batched), "--prices", price, "--batch", "--quiet")[0] == 0
    assert len(fake.batches()) == 1  # a finished directory: the same command sends nothing


@pytest.mark.parametrize("judge", ["openai:gpt-4o-mini", "anthropic:claude-sonnet-4-20250514"])
def test_the_issues_command_costs_half_at_the_price_tables_own_prices(judge, fake, tmp_path):
    """``plug-judge compare A B --judge openai:gpt-4o-mini --batch`` (and the Anthropic one), no
    price file: the table's price, halved."""
    a, b = pair_files(tmp_path, n=4)
    url = fake.openai if judge.startswith("openai") else fake.url
    argv = ["compare", str(a), str(b), "--judge", judge, "--base-url", url, "--lang", "zh", "--quiet"]
    assert run(*argv, "--out", str(tmp_path / "live"))[0] == 0
    code, stdout, stderr = run(*argv, "--out", str(tmp_path / "batch"), "--batch")
    assert code == 0 and "win rate 100.0" in stdout, stderr
    live = {r["key"]: r["cost_usd"] for r in records(tmp_path / "live")}
    batched = {r["key"]: r["cost_usd"] for r in records(tmp_path / "batch")}
    assert live.keys() == batched.keys() and all(c > 0 for c in live.values())
    assert all(abs(batched[k] - live[k] / 2) <= 1e-8 for k in live), (live, batched)  # each rounded to 1e-8 USD
    submitted_once(fake, tmp_path / "batch")


def test_the_price_file_may_give_the_batch_price(fake, tmp_path):
    job = COMPARE["openai"]
    argv = job.argv(tmp_path, fake)
    assert run(*argv, "--out", str(tmp_path / "live"), "--prices", prices(tmp_path), "--quiet")[0] == 0
    quarter = prices(tmp_path, batch_input=250.0, batch_output=250.0)
    assert run(*argv, "--out", str(tmp_path / "b"), "--prices", quarter, "--batch", "--quiet")[0] == 0
    assert abs(cost(tmp_path / "b") / cost(tmp_path / "live") - 0.25) < 1e-6


def test_dry_run_shows_the_live_and_the_batch_cost_side_by_side(fake, tmp_path):
    job = COMPARE["openai"]
    out = tmp_path / "run"
    code, stdout, _ = run(*job.argv(tmp_path, fake), "--out", str(out), "--prices", prices(tmp_path), "--batch",
                          "--dry-run")
    assert code == 0
    last = stdout.splitlines()[-1]
    live, batch = (float(x.split("$")[1].split(" ")[0]) for x in last.split("estimated cost ")[1].split(", ")[:2])
    assert " live, $" in last and " in a batch (at most $" in last
    assert abs(batch / live - 0.5) < 1e-3, last
    assert all(" live, $" in line and line.endswith(" in a batch") for line in stdout.splitlines()[:-1])
    assert fake.log() == [] and fake.batches() == [] and not out.exists()


@pytest.mark.parametrize("limit", ["max_requests", "max_bytes"])
@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_a_batch_is_split_at_the_providers_limits(backend, limit, fake, tmp_path, monkeypatch):
    from plug_eval.llm.backends.anthropic_messages import AnthropicBatches
    from plug_eval.llm.backends.openai_chat import OpenAIBatches

    api = OpenAIBatches if backend == "openai" else AnthropicBatches
    monkeypatch.setattr(api, limit, 3 if limit == "max_requests" else 3000)
    out = tmp_path / "run"
    code, _, stderr = run(*COMPARE[backend].argv(tmp_path, fake), "--out", str(out), "--batch", "--quiet")
    assert code == 0, stderr
    batches = fake.batches()
    submitted_once(fake, out)
    assert len(batches) >= 3 and all(b["custom_ids"] for b in batches)
    if limit == "max_requests":
        assert [len(b["custom_ids"]) for b in batches] == [3, 3, 2]
    else:
        assert all(b["bytes"] <= 3000 for b in batches), [b["bytes"] for b in batches]


def test_max_cost_is_reserved_per_batch_before_it_is_submitted(fake, tmp_path):
    job = COMPARE["openai"]
    argv = [*job.argv(tmp_path, fake), "--prices", prices(tmp_path), "--quiet", "--batch"]
    out = tmp_path / "run"
    code, stdout, stderr = run(*argv, "--out", str(out), "--max-cost", "2.0")
    assert code == 3, stderr  # stopped: a rerun with a larger budget continues
    assert "STOPPED (budget)" in stdout
    assert 0 < cost(out) <= 2.0
    intents = [e for e in events(out) if e["event"] == "intent"]
    assert len(intents) >= 2  # each batch's results freed its reservation for the next
    assert all(0 < e["reserved_usd"] <= 2.0 for e in intents)
    spent_then = 0.0
    for e in intents:  # what was spent when a batch was sent, plus its reservation, fits the budget
        spent_then = sum(r["cost_usd"] for r in records(out) if r["time"] < e["time"])
        assert spent_then + e["reserved_usd"] <= 2.0 + 1e-9
    assert len(records(out)) < 8 and set(Counter(fake.submitted()).values()) == {1}


# --------------------------------------------------------------------------- waiting, not waiting, cancelling


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_no_wait_submits_and_exits_and_the_same_command_collects_later(backend, fake, tmp_path):
    job = COMPARE[backend]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch"]
    fake.config(batch_polls=100)
    code, stdout, stderr = run(*argv, "--no-wait")
    assert code == 0, stderr
    assert "1 batches (8 requests) keep running at the provider" in stdout
    assert f"plug-judge batches cancel {out}" in stdout and " --batch" in stdout.split("collect them")[1]
    s = summary(job, out)
    assert s["run"]["stopped"] == "submitted" and s["pending"] == 4 and records(out) == []
    assert run(*argv, "--no-wait")[0] == 0  # not ended yet: nothing collected, nothing sent again
    assert len(fake.batches()) == 1 and records(out) == []
    fake.config(batch_polls=0)
    code, stdout, stderr = run(*argv, "--no-wait")
    assert code == 0, stderr
    submitted_once(fake, out)
    assert len(records(out)) == 8 and "keep running" not in stdout and summary(job, out)["run"]["stopped"] is None


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_cancel_then_collect_stores_the_rest_as_canceled_and_retry_errors_sends_only_those(backend, fake, tmp_path):
    job = COMPARE[backend]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch"]
    fake.config(batch_polls=4)  # the first poll sees 2 of 8 requests done
    assert run(*argv, "--no-wait")[0] == 0
    code, stdout, stderr = run("batches", "cancel", str(out))
    assert code == 0, stderr
    batch_id = fake.batches()[0]["id"]
    assert stdout.startswith(f"{batch_id}: cancel") and fake.batches()[0]["cancel"]
    code, stdout, _ = run("batches", "list", str(out))
    assert code == 0 and batch_id in stdout and "cancel asked" in stdout
    code, _, stderr = run(*argv)
    assert code == 0, stderr
    recs = records(out)
    assert Counter(r["error_kind"] for r in recs) == {None: 2, "canceled": 6}
    assert "6 judgments are stored as errors (canceled 6)" in stderr and "--retry-errors" in stderr
    fake.config(batch_polls=1)
    assert run(*argv, "--retry-errors")[0] == 0
    again = fake.batches()[1]["custom_ids"]
    assert sorted(again) == sorted(r["key"] for r in recs if r["error"])  # only the cancelled ones
    assert summary(job, out)["errors"] == 0 and summary(job, out)["n_scored"] == 4


@pytest.mark.parametrize("retry", ["live", "batch"])
@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_failed_and_expired_requests_are_errors_of_their_kind_and_retried_as_the_flags_say(backend, retry, fake,
                                                                                             tmp_path):
    job = COMPARE[backend]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet"]
    fake.config(faults=[{"match": "第1个", "status": 500}, {"match": "第2个", "expire": True},
                        {"match": "第3个", "malformed": True}])
    code, _, stderr = run(*argv, "--batch")
    assert code == 0, stderr
    kinds = Counter(r["error_kind"] for r in records(out))
    assert kinds == {None: 2, "server": 2, "expired": 2, "malformed": 2}, kinds
    s = summary(job, out)
    assert s["errors"] == 6 and s["run"]["error_kinds"] == {"expired": 2, "malformed": 2, "server": 2}
    assert "6 judgments are stored as errors" in stderr
    assert run(*argv, "--batch")[0] == 0 and len(fake.batches()) == 1  # errors are settled: nothing sent
    sent = len(fake.log())
    code, _, stderr = run(*argv, "--retry-errors", *(["--batch"] if retry == "batch" else []))
    assert code == 0, stderr
    new = fake.log()[sent:]
    assert len(new) == 6 and all(bool(e.get("batch")) == (retry == "batch") for e in new)
    assert summary(job, out)["errors"] == 0 and summary(job, out)["n_scored"] == 4


# --------------------------------------------------------------------------- refused before anything is sent


BAD = [(["--no-wait"], "--no-wait needs --batch: a live run waits for its calls"),
       (["--no-wait", "--dry-run"], "--no-wait needs --batch: a live run waits for its calls")]


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_a_bad_flag_combination_is_one_line_exit_2_before_anything_is_sent(job, fake, tmp_path):
    for flags, problem in BAD:
        out = tmp_path / "run"
        code, _, stderr = run(*job.argv(tmp_path, fake), "--out", str(out), *flags)
        assert code == 2 and stderr.count("\n") == 1 and problem in stderr, stderr
        assert not out.exists()
    assert fake.log() == [] and fake.batches() == []


def test_a_backend_without_a_batch_api_is_refused_before_anything_is_written(fake, tmp_path):
    a, b = pair_files(tmp_path, n=2)
    out = tmp_path / "run"
    code, _, stderr = run("compare", str(a), str(b), "--judge", "rules", "--lang", "zh", "--out", str(out), "--batch")
    assert code == 2 and stderr.count("\n") == 1, stderr
    assert "--batch: the rules backend has no batch API" in stderr and not out.exists()


def test_a_live_run_is_refused_while_a_batch_of_its_directory_runs(fake, tmp_path):
    job = COMPARE["openai"]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet"]
    fake.config(batch_polls=100)
    assert run(*argv, "--batch", "--no-wait")[0] == 0
    before = (out / "batches.jsonl").read_bytes(), len(fake.log())
    code, _, stderr = run(*argv)
    assert code == 2 and stderr.count("\n") == 1, stderr
    assert "1 batches of this directory are still open" in stderr and "plug-judge batches cancel" in stderr
    assert ((out / "batches.jsonl").read_bytes(), len(fake.log())) == before


def test_a_second_batch_run_on_one_directory_is_refused(fake, tmp_path):
    from plug_eval.llm.batch_log import BatchLog

    job = COMPARE["openai"]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch"]
    fake.config(batch_polls=100)
    assert run(*argv, "--no-wait")[0] == 0
    before = (out / "batches.jsonl").read_bytes(), len(fake.stats()["log"]), fake.batches()
    with BatchLog(out).writing():  # another run holds the directory's batches
        code, _, stderr = run(*argv)
        assert code == 2 and "another run is submitting, collecting or cancelling" in stderr
        code, _, stderr = run("batches", "cancel", str(out))
        assert code == 2 and "another run is submitting, collecting or cancelling" in stderr
    assert ((out / "batches.jsonl").read_bytes(), len(fake.stats()["log"]), fake.batches()) == before


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_a_server_that_refuses_the_batch_is_one_line_exit_2_and_nothing_is_stored(backend, fake, tmp_path):
    job = COMPARE[backend]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch", "--prices", prices(tmp_path)]
    fake.config(batch_create_status=400)
    code, _, stderr = run(*argv)
    assert code == 2 and stderr.count("\n") == 1 and "the server refused the batch: HTTP 400" in stderr, stderr
    assert records(out) == [] and [e["event"] for e in events(out)] == ["intent", "not_submitted"]
    fake.config(batch_create_status=503)  # may have reached the provider: looked up, then left for the next run
    code, _, stderr = run(*argv, "--max-retries", "0")
    assert code == 3 and "rerun the same command" in stderr, stderr  # the server's trouble, not the user's
    assert events(out)[-1]["event"] == "intent"
    fake.config(batch_create_status=0)
    assert run(*argv)[0] == 0
    submitted_once(fake, out)
    assert [e["event"] for e in events(out)][:4] == ["intent", "not_submitted", "intent", "not_submitted"]


# --------------------------------------------------------------------------- kill -9, Ctrl-C


@pytest.mark.slow
@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_kill_9_while_waiting_then_the_same_command_submits_nothing_twice(job, fake, tmp_path):
    argv = [*job.argv(tmp_path, fake), "--out", str(tmp_path / "run"), "--quiet", "--batch"]
    out = tmp_path / "run"
    fake.config(batch_polls=1000)
    proc = subprocess_run(*argv)
    wait_for(lambda: polled(fake, out), "the batch to be polled")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and records(out) == []
    fake.config(batch_polls=1)
    code, _, stderr = run(*argv)
    assert code == 0, stderr
    submitted_once(fake, out)
    assert len(fake.batches()) == 1 and len(records(out)) == len(fake.submitted())
    assert [e["event"] for e in events(out)].count("submitted") == 1


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_kill_9_after_the_provider_accepted_before_the_id_was_recorded(backend, fake, tmp_path):
    """The window: the provider created the batch, the client died before it heard the id.  The
    rerun finds it (OpenAI: by the intent's tag in its metadata; Anthropic, which has no metadata:
    by size and time, verified by its results' custom ids, even beside another directory's batch
    of the same size) and sends nothing again."""
    job = COMPARE[backend]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch"]
    fake.config(batch_create_delay=30)
    proc = subprocess_run(*argv)
    wait_for(lambda: fake.batches(), "the provider to accept the batch")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert [e["event"] for e in events(out)] == ["intent"]
    fake.config(batch_create_delay=0)
    other = tmp_path / "other"
    other.mkdir()
    a, b = pair_files(other, n=4, qa=5, qb=4)  # another directory's batch of the same size, after the intent
    assert run("compare", str(a), str(b), "--judge", f"{backend}:fair", "--base-url", argv[6], "--lang", "zh",
               "--out", str(other / "run"), "--batch", "--no-wait", "--quiet")[0] == 0
    code, _, stderr = run(*argv)
    assert code == 0, stderr
    mine = fake.batches()[0]
    assert len(fake.batches()) == 2 and Counter(fake.submitted())[mine["custom_ids"][0]] == 1
    assert sorted(r["key"] for r in records(out)) == sorted(mine["custom_ids"])
    adopted = [e for e in events(out) if e["event"] == "submitted"]
    assert all(e["adopted"] for e in adopted) and mine["id"] in {e["batch_id"] for e in adopted}
    collected = {e["batch_id"]: e["ours"] for e in events(out) if e["event"] == "collected"}
    assert collected == ({mine["id"]: True} if backend == "openai" else {mine["id"]: True,
                                                                          fake.batches()[1]["id"]: False})


@pytest.mark.slow
def test_ctrl_c_while_waiting_leaves_the_batch_running_and_says_how_to_collect_or_cancel_it(fake, tmp_path):
    job = COMPARE["openai"]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake), "--out", str(out), "--batch"]
    fake.config(batch_polls=1000)
    proc = subprocess_run(*argv)
    wait_for(lambda: polled(fake, out), "the batch to be polled")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "keep running at the provider" in stderr and f"plug-judge batches cancel {out}" in stderr
    assert not fake.batches()[0]["cancel"] and json.loads((out / "summary.json").read_text())["run"]["stopped"] \
        == "interrupted"
    fake.config(batch_polls=1)
    assert run(*argv, "--quiet")[0] == 0
    submitted_once(fake, out)


def test_the_report_says_which_judgments_came_through_a_batch(fake, tmp_path):
    job = COMPARE["openai"]
    out = tmp_path / "run"
    assert run(*job.argv(tmp_path, fake), "--out", str(out), "--quiet", "--batch")[0] == 0
    code, _, stderr = run("report", str(out), "--out", str(tmp_path / "rep" / "report.html"))
    assert code == 0, stderr
    html = (tmp_path / "rep" / "report.html").read_text(encoding="utf-8")
    assert "<dt>through a batch</dt><dd>8 judgments, sent in a provider batch</dd>" in html
