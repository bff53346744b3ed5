"""Run the demo's subprocesses (plug-train, plug-eval run, plug-judge) with progress and logs.

Every command runs as a real subprocess of the real CLI, its output going to a log file under
``OUT/logs/``.  Jobs of one stage may run side by side (two small trainings on a 2-core
machine finish sooner one thread each than one after the other); a single status line shows
how each is getting on, read from the files the tools write (``metrics.jsonl``, lm-eval's
progress bar, ``judgments.jsonl``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from plug_eval.errors import PlugEvalError

Progress = Callable[[], str]


class JobFailed(Exception):
    """A subprocess failed; ``usage`` is True when it failed on the user's input (exit 2)."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class Job:
    name: str
    argv: list[str]
    log: Path
    progress: Progress = lambda: ""  # noqa: E731
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    seconds: float = 0.0


def python_module(module: str, *args: str) -> list[str]:
    """argv running ``module`` with this interpreter (the CLIs of this very install)."""
    return [sys.executable, "-m", module, *args]


def run_jobs(jobs: list[Job], parallel: int, out: TextIO = sys.stderr) -> None:
    """Run ``jobs``, at most ``parallel`` at a time, showing progress; raise JobFailed if any fails."""
    pending: list[Job] = list(jobs)
    running: list[Job] = []
    failed: list[Job] = []
    status = StatusLine(out)
    while pending or running:
        while pending and len(running) < max(1, parallel):
            running.append(_start(pending.pop(0)))
        time.sleep(0.5)
        for job in [j for j in running if j.proc and j.proc.poll() is not None]:
            running.remove(job)
            job.seconds = time.perf_counter() - job.started
            if job.proc and job.proc.returncode != 0:
                failed.append(job)
        status.show(" | ".join(f"{j.name}: {j.progress() or 'running'}" for j in running))
    status.clear()
    if failed:
        raise _failure(failed[0])


def _start(job: Job) -> Job:
    job.log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TOKENIZERS_PARALLELISM": "false", **job.env}
    with open(job.log, "wb") as log:
        job.proc = subprocess.Popen(job.argv, stdout=log, stderr=subprocess.STDOUT, env=env)
    job.started = time.perf_counter()
    return job


def _failure(job: Job) -> JobFailed:
    lines = job.log.read_text(encoding="utf-8", errors="replace").strip().splitlines() if job.log.is_file() else []
    code = job.proc.returncode if job.proc else None
    if code == 2 and lines and ": error: " in lines[-1]:  # the tool's own one-line input error
        return JobFailed(lines[-1], usage=True)
    tail = "\n".join("    " + ln for ln in lines[-15:])
    return JobFailed(f"{job.name} failed (exit {code}); log: {job.log}\n{tail}")


class StatusLine:
    """One line rewritten in place on a terminal; a line every 20 s in a log."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.tty, self.last, self.width = out, out.isatty(), 0.0, 0

    def show(self, text: str) -> None:
        if not text:
            return
        if self.tty:
            text = text[:160]
            self.out.write("\r  " + text.ljust(self.width))
            self.width = len(text)
            self.out.flush()
        elif time.monotonic() - self.last >= 20:
            self.out.write(f"  {text}\n")
            self.out.flush()
            self.last = time.monotonic()

    def clear(self) -> None:
        if self.tty and self.width:
            self.out.write("\r" + " " * (self.width + 2) + "\r")
            self.out.flush()


# --- progress readers ------------------------------------------------------------------------
_STEPS = re.compile(r"steps/epoch, (\d+) steps")
_BAR = re.compile(r"(\d+)/(\d+) \[")


def _tail(path: Path, size: int = 4096) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(max(0, path.stat().st_size - size))
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 0


def training_progress(log: Path, metrics: Path) -> Progress:
    """``steps done/total, loss`` from the trainer's log and metrics.jsonl."""
    total: list[str] = []  # found once, then remembered

    def read() -> str:
        if not total and log.is_file():
            found = _STEPS.search(log.read_text(encoding="utf-8", errors="replace"))
            total.extend([found.group(1)] if found else [])
        last = _tail(metrics, 400).strip().splitlines()[-1:]
        step = re.search(r'"step": (\d+)', last[0]) if last else None
        loss = re.search(r'"loss": ([0-9.]+)', last[0]) if last else None
        text = f"step {step.group(1) if step else 0}/{total[0] if total else '?'}"
        return text + (f" loss {float(loss.group(1)):.3f}" if loss else "")
    return read


def generation_progress(log: Path) -> Progress:
    """lm-eval's last ``done/total`` progress count."""
    def read() -> str:
        bars = _BAR.findall(_tail(log))
        return f"{bars[-1][0]}/{bars[-1][1]} requests" if bars else "loading"
    return read


def judging_progress(judgments: Path, expected: int) -> Progress:
    def read() -> str:
        return f"{count_lines(judgments)}/{expected} judgments"
    return read


def require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise PlugEvalError(f"{what} not found", path)
    return path
