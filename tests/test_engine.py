"""plug_eval.llm.engine on its own: any caller's calls and records, resumable, retried, within a budget.

The judge tests drive it through ``plug-judge compare``; here a caller that is not a judge (as the
translate command will be) plans its own calls and builds its own records.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plug_eval.llm import engine
from plug_eval.llm.base import Backend, BackendOptions, PermanentError, Reply, Request, TransientError
from plug_eval.llm.engine import Engine, Result
from plug_eval.llm.prices import Price
from plug_eval.llm.store import Store


class Echo(Backend):
    """Upper-cases the prompt; fails a prompt once when it contains 'flaky', always for 'broken'."""

    name = "echo"

    def __init__(self) -> None:
        super().__init__(BackendOptions(model="echo-1"))
        self.calls: list[str] = []

    async def complete(self, request: Request) -> Reply:
        self.calls.append(request.user)
        if "broken" in request.user:
            raise PermanentError("400 bad request")
        if "flaky" in request.user and self.calls.count(request.user) == 1:
            raise TransientError("429 slow down", retry_after=0.0)
        return Reply(request.user.upper(), input_tokens=10, output_tokens=5)


@dataclass(frozen=True)
class Translation:
    key: str
    request: Request


def Limits(out: Path, **kw: Any) -> engine.Limits:  # noqa: N802  the engine's limits, fast retries for tests
    defaults: dict[str, Any] = {"concurrency": 4, "max_retries": 2, "retry_after_cap": 0.01, "backoff_base": 0.001,
                                "timeout": 5.0, "progress": io.StringIO()}
    return engine.Limits(out, **{**defaults, **kw})


def _record(call: Translation, result: Result) -> dict[str, Any]:
    return {"key": call.key, "text": result.reply.text if result.reply else None, "error": result.error,
            "attempts": result.attempts, "cost_usd": result.cost_usd}


def key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()  # the store claims keys by their hex prefix


def _calls(texts: list[str]) -> list[Translation]:
    return [Translation(key(t), Request(system=None, user=t, decoding={"max_tokens": 5})) for t in texts]


def _run(backend: Echo, limits: Limits, calls: list[Translation], price: Price | None = None):
    engine: Engine[Translation] = Engine(backend, limits, price, _record, activity="translating")
    return asyncio.run(engine.run(calls))


def _stored(out: Path) -> dict[str, dict[str, Any]]:
    store = Store(out)
    store.refresh()
    return {k: v[-1] for k, v in store.by_key.items()}


def test_a_caller_that_is_not_a_judge_gets_its_records_and_resumes_without_calls(tmp_path):
    backend, limits = Echo(), Limits(tmp_path / "run")
    outcome = _run(backend, limits, _calls(["hello", "flaky", "broken", "hello"]))
    assert (outcome.calls, outcome.errors) == (3, 1)  # one call per key
    stored = _stored(limits.out)
    assert stored[key("hello")]["text"] == "HELLO"
    assert stored[key("flaky")] == {"key": key("flaky"), "text": "FLAKY", "error": None, "attempts": 2,
                                    "cost_usd": None}
    assert stored[key("broken")]["error"] == "400 bad request" and stored[key("broken")]["attempts"] == 1
    assert "translating [" in limits.progress.getvalue()  # type: ignore[union-attr]
    again = Echo()
    assert _run(again, limits, _calls(["hello", "flaky", "broken"])).calls == 0 and again.calls == []
    retry = Echo()
    _run(retry, Limits(limits.out, retry_errors=True), _calls(["hello", "broken"]))
    assert retry.calls == ["broken"]


def test_the_budget_stops_before_a_call_could_exceed_it(tmp_path):
    price = Price(input=1_000_000.0, output=0.0)  # $1 per prompt byte: a call reserves (len + 64) dollars
    limits = Limits(tmp_path / "run", concurrency=1, max_cost=90.0)  # reserves 74 each, spends 10
    outcome = _run(Echo(), limits, _calls(["a" * 10, "b" * 10, "c" * 10]), price)
    assert outcome.stopped == "budget" and outcome.calls == 2
    assert sum(r["cost_usd"] for r in _stored(limits.out).values()) == 20.0


def test_the_window_grows_while_its_replies_stay_quick_and_halves_on_a_timeout():
    """On a user's server the window starts at 1; a round grows it only if its slowest reply,
    scaled to the larger window, stays under half the timeout."""
    from plug_eval.llm.pacing import Window

    async def rounds(w: Window, latencies: list[list[float]]) -> list[int]:
        sizes = [w.size]
        for round_ in latencies:
            for latency in round_:
                await w.acquire()
                await w.release(latency, "reply")
            sizes.append(w.size)
        return sizes

    async def run() -> tuple[list[int], list[int], int]:
        parallel = await rounds(Window(8, 10.0, elastic=False), [[1.0], [1.0] * 2, [1.0] * 4, [1.0] * 8])
        serial = Window(8, 10.0, elastic=False)  # latency grows with the window: 2 s a request
        grew = await rounds(serial, [[2.0], [2.0, 4.0], [2.0, 4.0]])
        await serial.acquire()
        await serial.release(10.0, "timeout")
        return parallel, grew, serial.size

    parallel, serial, after_timeout = asyncio.run(run())
    assert parallel == [1, 2, 4, 8, 8]  # a server that answers in parallel: up to --concurrency
    assert serial == [1, 2, 2, 2]  # 4 s at 2 would be 8 s at 4: past half the 10 s timeout
    assert after_timeout == 1
    assert Window(8, timeout=10.0, elastic=True).size == 8  # a provider's API: all at once
