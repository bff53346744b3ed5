"""Shared pieces of the judge tests: the fake server (tests/fakeserver.py), answer files, CLI runner.

Imported by the ``test_judge_*`` modules (``from conftest_judge import ...``); not a root
conftest (a root conftest.py would shadow a wheel install, see PACKAGING.md pitfall 4).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fakeserver
import pytest

HERE = Path(__file__).resolve().parent
KEY = "sk-test-SECRET-4f9a8b7c6d"
ANT_KEY = "sk-ant-SECRET-1a2b3c4d5e"


FakeServer = fakeserver.Server


def start_server(latency_ms: float = 0) -> FakeServer:
    return fakeserver.start(latency_ms)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    srv = start_server()
    yield srv
    srv.proc.kill()
    srv.proc.wait()


@pytest.fixture()
def fake(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    """The fake server, reset, with API keys in the environment."""
    server.reset()
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_API_KEY", ANT_KEY)
    return server


# --------------------------------------------------------------------------- answer files


def answers(n: int, quality: Any, *, lang: str = "zh",
            text: str = "回答{i}，这是一个中文的回答。") -> list[dict[str, Any]]:
    """PLUG-format records; ``quality(i)`` (or a constant) is planted as ``quality=N`` for the fake judge."""
    q = quality if callable(quality) else (lambda i: quality)
    return [{"id": f"q{i}", "instruction": f"请回答第{i}个问题。", "output": text.format(i=i) + f" quality={q(i)}",
             "lang": lang, "category": "koala" if i % 2 else "oasst"} for i in range(n)]


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def lm_eval_line(i: int, answer: str, *, raw: str | None = None, lang: str = "zh", pivot: str | None = None,
                 filt: str = "none", fidelity: float | None = 1.0) -> dict[str, Any]:
    """One line of an lm-eval 0.4.13 ``--log_samples`` file, as the X-AlpacaEval tasks write it."""
    line = {"doc_id": i, "doc": {"id": f"q{i}", "dataset": "koala", "instruction": f"请回答第{i}个问题。", "lang": lang,
                                 "pivot": pivot, "system": "Please respond in Chinese.", "data_source": "hub:x",
                                 "data_sha256": "abc123"},
            "target": "", "arguments": {"gen_args_0": {"arg_0": "prompt", "arg_1": {}}},
            "resps": [[raw if raw is not None else answer]], "filtered_resps": [answer], "filter": filt,
            "metrics": ["lang_fidelity", "answer_units"], "answer_units": len(answer),
            "doc_hash": hashlib.sha256(str(i).encode()).hexdigest()}
    if fidelity is not None:
        line["lang_fidelity"] = fidelity
    return line


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def pair_files(tmp: Path, n: int = 6, qa: Any = 3, qb: Any = 1) -> tuple[Path, Path]:
    return write_json(tmp / "sysA.json", answers(n, qa)), write_json(tmp / "sysB.json", answers(n, qb))


# --------------------------------------------------------------------------- X-TruthfulQA samples files

#: (truth marker, info marker) per item: see tests/fakeserver.py
SCRIPT = ["TI", "TI", "TU", "TS", "FI", "FU", "NI", "GI", "DG", "TI"]


def doc(i: int, lang: str = "zh") -> dict:
    return {"id": f"sample-{i:02d}", "instruction": f"问题{i}：吞下口香糖会怎样？", "lang": lang, "pivot": "",
            "variant": "direct", "system": "Please respond in Chinese.", "data_source": "sample",
            "data_sha256": "abc", "correct_answers": [f"真{i}甲", f"真{i}乙"], "incorrect_answers": [f"假{i}甲"]}


def line(i: int, answer: str, d: dict | None = None) -> dict:
    return {"doc_id": i, "doc": d or doc(i), "target": "", "arguments": {"gen_args_0": {"arg_0": "p", "arg_1": {}}},
            "resps": [[answer]], "filtered_resps": [answer], "filter": "none",
            "metrics": ["lang_fidelity", "answer_units"], "lang_fidelity": 1.0, "answer_units": 3}


def samples(tmp: Path, script: list[str] = SCRIPT, lang: str = "zh", name: str = "plug-7b") -> Path:
    folder = tmp / name
    folder.mkdir(exist_ok=True)
    rows = [line(i, f"它会被排出体外。 truth={s[0]} info={s[1]}", doc(i, lang)) for i, s in enumerate(script)]
    return write_jsonl(folder / f"samples_xtruthfulqa_{lang}_2026-11-30.jsonl", rows)


# --------------------------------------------------------------------------- running the CLI


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``plug-judge ARGV`` in-process: (exit code, stdout, stderr)."""
    from plug_eval.judges.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def cli_subprocess(*argv: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.Popen[str]:
    """``plug-judge ARGV`` as its own process (for kill -9 and concurrent runs)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "plug_eval.judges", *argv], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_sigint, **kw)


def _default_sigint() -> None:
    """A shell that starts the suite in the background hands it SIGINT ignored, and Python then
    installs no KeyboardInterrupt handler; the Ctrl-C tests need the child to see it as a user's
    terminal would."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summary(run: Path) -> dict[str, Any]:
    return json.loads((run / "summary.json").read_text(encoding="utf-8"))


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` with its bytes, to prove a directory was left untouched."""
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
