"""One shape for every LLM job: ``compare``, ``truthful`` and ``translate`` behave alike (issue 20).

Each test runs all three jobs, through their real command lines, against the one fake server
(tests/fakeserver.py) on 127.0.0.1.  Before the call layer existed the three drifted: a wrong key
stopped ``compare`` with exit 2 but let ``truthful`` and ``translate`` exit 0; a forced
``truthful`` run ignored what its directory had already spent; ``truthful`` and ``translate``
silently paid every call again when the same server came back on another port.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import conftest_judge
import fakeserver
import pytest
from conftest_judge import pair_files, read_jsonl, samples, snapshot, write_json

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute

PRICE = {"input": 1000.0, "output": 1000.0}  # USD per 1M tokens: a call costs cents, its bound about $1


@dataclass(frozen=True)
class JobCase:
    name: str
    model: str
    noun: str

    def argv(self, tmp: Path, url: str) -> list[str]:
        """The job's command line (without the run flags) on fresh inputs in ``tmp``."""
        if self.name == "compare":
            a, b = pair_files(tmp, n=4)
            return ["compare", str(a), str(b), "--judge", f"openai:{self.model}", "--base-url", url, "--lang", "zh"]
        if self.name == "truthful":
            return ["truthful", str(samples(tmp, script=["TI", "FU", "NS"])), "--judge", f"openai:{self.model}",
                    "--base-url", url]
        rows = [{"id": f"r{i}", "instruction": f"Explain in plain words why the sky looks blue, take {i}.",
                 "response": "Air scatters blue sunlight more than red light, so the sky looks blue to us."}
                for i in range(3)]
        return ["translate", "--input", str(write_json(tmp / "rows.json", rows)), "--target", "zh,ko", "--model",
                f"openai:{self.model}", "--base-url", url]


JOBS = [JobCase("compare", "fair", "judgments"), JobCase("truthful", "tqa", "judgments"),
        JobCase("translate", "fake-translator", "translations")]


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


def prices(tmp: Path) -> str:
    return str(write_json(tmp / "prices.json", {job.model: PRICE for job in JOBS}))


def spent(out: Path) -> float:
    """What the directory's store says was spent, every record counted."""
    path = out / "judgments.jsonl"
    return sum(r["cost_usd"] or 0.0 for r in read_jsonl(path)) if path.exists() else 0.0


def ids(job: JobCase) -> str:
    return job.name


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_a_wrong_key_is_one_line_exit_2_with_the_servers_reason_and_nothing_stored(job, fake, tmp_path):
    fake.config(faults=[{"status": 401, "times": 10**9, "message": "Incorrect API key provided: sk-te...8b7c"}])
    out = tmp_path / "run"
    code, stdout, stderr = run(*job.argv(tmp_path, fake.openai), "--out", str(out), "--prices", prices(tmp_path),
                               "--quiet", "--concurrency", "1")
    assert code == 2, (stdout, stderr)
    assert stderr.count("\n") == 1 and "HTTP 401" in stderr and "Incorrect API key provided" in stderr, stderr
    assert f"stopped after 0 stored {job.noun}" in stderr and "authentication failed" in stderr
    assert read_jsonl(out / "judgments.jsonl") == []  # nothing stored, so nothing is counted as done
    assert len(fake.log()) == 1  # the first call: the run stops there


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_a_forced_rerun_keeps_the_directorys_total_under_max_cost(job, fake, tmp_path):
    out, price = tmp_path / "run", prices(tmp_path)
    argv = [*job.argv(tmp_path, fake.openai), "--out", str(out), "--prices", price, "--quiet"]
    assert run(*argv)[0] == 0
    first = spent(out)
    assert first > 0
    limit = 1.9 * first  # room for some repeats (a call reserves its bound, ~4x its cost), not for all
    code, stdout, stderr = run(*argv, "--force", "--max-cost", f"{limit:.6f}")
    assert code == 3, stderr  # stopped with work left: a rerun with more budget continues
    assert first < spent(out) <= limit + 1e-9, (first, spent(out), limit)
    assert "STOPPED (budget)" in stdout


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_the_same_server_on_another_port_repays_nothing_unless_accepted(job, fake, tmp_path):
    out = tmp_path / "run"
    argv = job.argv(tmp_path, fake.openai)
    assert run(*argv, "--out", str(out), "--quiet")[0] == 0
    before = snapshot(out)
    with fakeserver.start() as moved:
        moved_argv = [moved.openai if a == fake.openai else a for a in argv]
        code, _, stderr = run(*moved_argv, "--out", str(out), "--quiet")
        assert code == 2 and stderr.count("\n") == 1, stderr
        assert "base URL" in stderr and f"127.0.0.1:{moved.port}" in stderr and "--accept-new-identity" in stderr
        assert moved.log() == [] and snapshot(out) == before  # nothing paid, nothing written
        code, _, stderr = run(*moved_argv, "--out", str(out), "--quiet", "--accept-new-identity")
        assert code == 0, stderr
        assert moved.log()  # accepted: the calls of the new server are made


SHARED_FLAGS = ["--max-cost", "100", "--concurrency", "2", "--timeout", "30", "--max-retries", "1",
                "--retry-after-cap", "1", "--max-consecutive-failures", "5", "--accept-new-identity",
                "-J", "temperature=0", "--retry-errors", "--quiet"]


@pytest.mark.parametrize("job", JOBS, ids=ids)
def test_every_shared_run_flag_is_accepted(job, fake, tmp_path):
    out, price = tmp_path / "run", prices(tmp_path)
    argv = [*job.argv(tmp_path, fake.openai), "--out", str(out), "--prices", price]
    code, stdout, stderr = run(*argv, "--dry-run", *SHARED_FLAGS)
    assert code == 0, stderr
    assert f" to call; {'translator' if job.name == 'translate' else 'judge'} " in stdout.splitlines()[-1]
    assert fake.log() == [] and not out.exists()
    code, _, stderr = run(*argv, *SHARED_FLAGS)
    assert code == 0, stderr
    made = len(fake.log())
    code, _, stderr = run(*argv, *SHARED_FLAGS, "--force")
    assert code == 0, stderr
    assert len(fake.log()) == 2 * made  # --force calls every key again, appending
    assert len(read_jsonl(out / "judgments.jsonl")) == 2 * made


BAD = [("--concurrency", "0", "--concurrency must be at least 1, not 0"),
       ("--timeout", "0", "--timeout must be more than 0 seconds, not 0.0"),
       ("--max-retries", "-1", "--max-retries must be 0 or more, not -1"),
       ("--retry-after-cap", "-1", "--retry-after-cap must be 0 or more seconds, not -1.0"),
       ("--max-consecutive-failures", "0", "--max-consecutive-failures must be at least 1, not 0"),
       ("--max-cost", "-1", "--max-cost must be 0 or more USD, not -1.0"),
       ("-J", "max_tokens", "-J max_tokens: expected KEY=VALUE")]


@pytest.mark.parametrize("flag, value, problem", BAD, ids=[b[0] for b in BAD])
def test_a_bad_run_flag_is_the_same_one_line_error_in_every_job(flag, value, problem, fake, tmp_path):
    lines = set()
    for job in JOBS:
        out = tmp_path / job.name / "run"
        out.parent.mkdir()
        code, _, stderr = run(*job.argv(out.parent, fake.openai), "--out", str(out), flag, value)
        assert code == 2 and stderr.count("\n") == 1 and problem in stderr, (job.name, stderr)
        lines.add(stderr.split("error: ", 1)[1])
        assert not out.exists()
    assert len(lines) == 1  # word for word the same
    assert fake.log() == []


def test_translate_keeps_retry_failed_as_another_name_of_retry_errors(fake, tmp_path):
    job = JOBS[2]
    out = tmp_path / "run"
    argv = [*job.argv(tmp_path, fake.openai), "--out", str(out), "--quiet"]
    fake.config(faults=[{"match": "take 1", "times": 1, "status": 500}])
    assert run(*argv, "--max-retries", "0")[0] == 0
    failed = read_jsonl(out / "failures.jsonl")
    assert {(f["id"], f["reasons"][0].split(":")[0]) for f in failed} == {("r1", "call_failed")}
    made = len(fake.log())
    assert run(*argv, "--retry-failed")[0] == 0
    assert len(fake.log()) == made + 2 and read_jsonl(out / "failures.jsonl") == []
    assert json.loads((out / "run.json").read_text())["kind"] == "translate"
