"""Real servers that tests start on 127.0.0.1, and a tiny model that gives a known answer.

    model = scripted_model(tmp_path / "model", "the reply")   # a real transformers model
    with transformers_serve(model) as server:                # `transformers serve MODEL`
        server.base_url   # http://127.0.0.1:PORT/v1 (an OpenAI-compatible API)
        server.model      # the model name its requests must carry (the path it serves)
        server.log()      # what it printed; with log_requests, every request body

`transformers_serve` picks a free port, waits for ``/health``, and at exit stops the server's
whole process group.  Without ``transformers[serving]`` (FastAPI, Uvicorn) it skips the test
with the reason, and fails it instead when ``CI`` is set.  The server runs offline
(``HF_HUB_OFFLINE=1``): it loads the local folder given as its FORCE_MODEL argument, and
answers only requests naming that same model.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT_S = 180.0  # a cold start on the 2-core machine takes about 15 s
STOP_TIMEOUT_S = 20.0
OFFLINE = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def skip_or_fail(reason: str) -> None:
    """Skip the test with ``reason``; under CI, fail it: there the dependency must be present."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: this test must run)")
    pytest.skip(reason)


def serving_missing() -> str | None:
    """Why `transformers serve` cannot run here, or None when it can."""
    try:
        from transformers.utils.import_utils import is_serve_available
    except ImportError:
        return "this transformers has no `transformers serve` (transformers 5 has it)"
    if not is_serve_available():
        return "transformers serve needs its extra: pip install 'transformers[serving]'"
    return None


def require_serving() -> None:
    """Skip the calling test (under CI: fail it) where `transformers serve` cannot run; call it
    first in a fixture that builds a model for the server, to skip before the build."""
    missing = serving_missing()
    if missing:
        skip_or_fail(missing)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A running server: where it listens, the model it serves, its log file."""

    base_url: str
    model: str
    log_path: Path
    pid: int

    @property
    def chat_url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def request_bodies(self) -> list[dict]:
        """The JSON bodies of the requests it logged (``log_requests=True``), in order.

        transformers serve logs the first 4000 characters of a body: a longer one comes back as
        ``{"truncated_body": <those characters>}``.
        """
        bodies = []
        for line in self.log().splitlines():
            head, sep, body = line.partition(" body: ")
            if sep and " Request " in head:
                try:
                    bodies.append(json.loads(body))
                except ValueError:
                    bodies.append({"truncated_body": body})
        return bodies


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
            return r.status == 200 and json.loads(r.read()).get("status") == "ok"
    except (OSError, ValueError, urllib.error.URLError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the server's process group, SIGKILL if it outlives STOP_TIMEOUT_S; then
    SIGKILL to whatever of the group is left (a child the server started)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=STOP_TIMEOUT_S)


def _command(model: str, port: int, log_requests: bool, extra: tuple[str, ...]) -> list[str]:
    exe = Path(sys.executable).parent / "transformers"
    cmd = [str(exe) if exe.exists() else "transformers", "serve", model, "--host", "127.0.0.1",
           "--port", str(port), "--device", "cpu"]
    if log_requests:  # a line per request, and its body at debug level (request_bodies)
        cmd += ["--enable-log-requests", "--log-level", "debug"]
    return cmd + list(extra)


def _start(model: str, log_path: Path, log_requests: bool, extra: tuple[str, ...],
           timeout: float) -> tuple[subprocess.Popen, int]:
    """Start the server and wait until it is healthy; a port taken meanwhile gets another try."""
    for _ in range(3):
        port = free_port()
        with log_path.open("w", encoding="utf-8") as log:
            proc = subprocess.Popen(_command(model, port, log_requests, extra), stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    env={**os.environ, **OFFLINE}, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None and not _healthy(port):
            time.sleep(0.5)
        if proc.poll() is None and _healthy(port):
            return proc, port
        _stop(proc)
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if "address already in use" not in text.lower():
            tail = "\n".join(text.splitlines()[-25:])
            raise RuntimeError(f"transformers serve {model} did not become healthy "
                               f"(exit {proc.returncode}); its log ends:\n{tail}")
    raise RuntimeError("transformers serve: no free port in 3 tries")


@contextlib.contextmanager
def transformers_serve(model_dir: str | os.PathLike[str], *, log_requests: bool = True,
                       extra_args: tuple[str, ...] = (), log_dir: str | os.PathLike[str] | None = None,
                       timeout: float = START_TIMEOUT_S) -> Iterator[Served]:
    """`transformers serve MODEL_DIR` on 127.0.0.1 and a free port, for the ``with`` block.

    ``extra_args`` go to the command line as they are (e.g. ``("--max-model-len", "512")``).
    """
    require_serving()
    model = str(model_dir)
    folder = Path(log_dir) if log_dir is not None else Path(tempfile.mkdtemp(prefix="serve-"))
    proc, port = _start(model, folder / "transformers-serve.log", log_requests, extra_args, timeout)
    try:
        yield Served(f"http://127.0.0.1:{port}/v1", model, folder / "transformers-serve.log", proc.pid)
    finally:
        _stop(proc)


def scripted_model(out_dir: str | os.PathLike[str], reply: str, *, seed: int = 0,
                   max_positions: int = 1024) -> Path:
    """A tiny random-weights model (:func:`plug_eval.tiny.build_tiny_model`) that answers ``reply``.

    Greedy decoding gives ``reply`` then EOS after the chat template's generation prompt,
    whatever the conversation: the model's ``generation_config.json`` carries a
    ``sequence_bias`` that favours each next token of ``reply`` given the ones before it (a
    transformers generation setting, so ``model.generate`` applies it on every backend: lm-eval's
    ``hf``, ``transformers serve``).  Each request still runs the real template and model.
    """
    from transformers import AutoTokenizer, GenerationConfig

    from plug_eval.tiny import build_tiny_model

    out = build_tiny_model(out_dir, seed=seed, texts=[reply], max_positions=max_positions)
    tok = AutoTokenizer.from_pretrained(str(out))
    chat = [{"role": "user", "content": "x"}]
    opened = tok.apply_chat_template(chat, add_generation_prompt=True, tokenize=False)
    closed = tok.apply_chat_template(chat, add_generation_prompt=False, tokenize=False)
    start = tok(opened[len(closed):], add_special_tokens=False)["input_ids"]
    full = tok.apply_chat_template(chat, add_generation_prompt=True, tokenize=True, return_dict=True)
    assert start and list(full["input_ids"][-len(start):]) == start, "template's generation prompt"
    ids = tok(reply, add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
    assert tok.decode(ids[:-1]) == reply, "the tokenizer does not round-trip the reply"
    config = GenerationConfig.from_pretrained(str(out))
    config.sequence_bias = [[start + ids[: i + 1], 100.0] for i in range(len(ids))]
    config.save_pretrained(str(out))
    return out
