"""A fake OpenAI + Anthropic server (aiohttp) that judges like a scripted LLM, for tests and the bench.

Run it as its own process:  ``python tests/fakellm.py [--port 0] [--latency-ms 0]``; it prints
``PORT <n>`` on its first line.  Routes: ``POST /v1/chat/completions`` (OpenAI) and
``POST /v1/messages`` (Anthropic), with each provider's body shapes and error shapes.

The judge's behaviour is the request's model name:

* ``fair``    -- compares the ``quality=N`` markers of the two answers in prompt order: [[A]]/[[B]]/[[C]]
* ``first``   -- always [[A]] (a position-biased judge)
* ``decoy``   -- mentions the opposite verdict first, then the fair one last
* ``garbage`` -- never gives a verdict
* ``echo``    -- the fair verdict, then quotes any ``[[..]]`` text found inside the answers
* ``grade``   -- ``[[N]]`` with N the first answer's quality; no rating if there is none
* ``fair-cut``-- the fair reply cut off inside the verdict, finish_reason "length"
* ``final``   -- reasoning, then ``Final verdict: [[X]]`` with the fair verdict (FastChat's format)

Control (JSON): ``POST /_config`` sets ``latency_ms`` and ``faults``; ``POST /_reset`` clears
counts and config; ``GET /_stats`` returns attempts and completed calls per key (key = sha256 of
model + messages), the request log, and the peak number of requests in flight.
A fault is ``{"match": substring or "", "times": n (per key, default 1), "status": 429,
"headers": {...}} | {"delay": s} | {"malformed": true} | {"drop": true} | {"echo_auth": true}``;
the first ``times`` attempts of every key whose prompt contains ``match`` get it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import re
import sys
import time
from typing import Any

from aiohttp import web

QUALITY = re.compile(r"quality=(\d+)")
VERDICT_IN_ANSWER = re.compile(r"[^\n]{0,40}verdict: \[\[[^\]\n]{1,8}\]\][^\n]{0,20}")


class State:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.latency_ms = 0.0
        self.faults: list[dict[str, Any]] = []
        self.attempts: dict[str, int] = {}
        self.completed: dict[str, int] = {}
        self.log: list[dict[str, Any]] = []
        self.in_flight = 0
        self.peak = 0


def _text_of(body: dict[str, Any]) -> str:
    parts = [body.get("system") or ""] if isinstance(body.get("system"), str) else []
    for m in body.get("messages", []):
        c = m.get("content")
        parts.append(c if isinstance(c, str) else " ".join(b.get("text", "") for b in c or []))
    return "\n".join(parts)


def _user_text(body: dict[str, Any]) -> str:
    return "\n".join(m["content"] for m in body.get("messages", []) if m.get("role") == "user"
                     and isinstance(m.get("content"), str))


def _fair(user: str) -> str:
    q = [int(x) for x in QUALITY.findall(user)]
    if len(q) < 2:
        return "C"
    return "A" if q[0] > q[1] else "B" if q[1] > q[0] else "C"


def judge_reply(model: str, body: dict[str, Any]) -> tuple[str, str]:
    """(reply text, finish reason) of the scripted judge named by ``model``."""
    user = _user_text(body)
    fair = _fair(user)
    if model == "first":
        return "Assistant A is clearly better.\n[[A]]", "stop"
    if model == "decoy":
        other = {"A": "B", "B": "A", "C": "A"}[fair]
        return f"At first glance one might say [[{other}]]. Looking closer, the verdict is:\n[[{fair}]]", "stop"
    if model == "garbage":
        return "Both answers have merits and I would rather not choose.", "stop"
    if model == "echo":
        quotes = " / ".join(m.group(0).strip() for m in VERDICT_IN_ANSWER.finditer(user))
        return f"Weighing both answers.\n[[{fair}]]\nNote that an answer tried to steer me: {quotes}", "stop"
    if model == "grade":
        q = QUALITY.findall(user)
        return ("The answer is adequate." + (f"\nRating: [[{q[0]}]]" if q else "")), "stop"
    if model == "final":
        return f"Both answers address the question; one is more helpful.\n\nFinal verdict: [[{fair}]]", "stop"
    if model == "fair-cut":
        return f"Careful comparison follows.\n[[{fair}", "length"
    return f"Comparing the two answers on helpfulness and language.\n[[{fair}]]", "stop"


def openai_body(model: str, text: str, finish: str, prompt: str) -> dict[str, Any]:
    usage = {"prompt_tokens": len(prompt) // 4, "completion_tokens": len(text) // 4}
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
            "usage": usage}


def anthropic_body(model: str, text: str, finish: str, prompt: str) -> dict[str, Any]:
    return {"id": "msg_fake", "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "text", "text": text}],
            "stop_reason": "max_tokens" if finish == "length" else "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": len(prompt) // 4, "output_tokens": len(text) // 4}}


def error_body(path: str, status: int, message: str) -> dict[str, Any]:
    if path.endswith("/messages"):
        return {"type": "error", "error": {"type": "rate_limit_error" if status == 429 else "api_error",
                                           "message": message}}
    return {"error": {"message": message, "type": "server_error", "code": str(status)}}


def make_app(state: State) -> web.Application:
    async def handle(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        prompt = _text_of(body)
        key = hashlib.sha256((body.get("model", "") + "\x00" + prompt).encode()).hexdigest()
        n = state.attempts[key] = state.attempts.get(key, 0) + 1
        entry = {"t": time.time(), "path": request.path, "query": request.query_string, "key": key,
                 "retry": request.headers.get("x-stainless-retry-count"), "has_temperature": "temperature" in body}
        state.log.append(entry)
        state.in_flight += 1
        state.peak = max(state.peak, state.in_flight)
        try:
            return await _respond(request, body, prompt, key, n)
        finally:
            state.in_flight -= 1
            entry["t_end"] = time.time()

    async def _respond(request: web.Request, body: dict[str, Any], prompt: str, key: str, n: int) -> web.StreamResponse:
        if state.latency_ms:
            await asyncio.sleep(state.latency_ms / 1000)
        for fault in state.faults:
            if fault.get("match", "") in prompt and n <= fault.get("times", 1):
                resp = await _fault(request, fault)
                if resp is not None:
                    return resp
                break
        text, finish = judge_reply(body.get("model", ""), body)
        make = anthropic_body if request.path.endswith("/messages") else openai_body
        resp = web.json_response(make(body.get("model", ""), text, finish, prompt))
        if request.transport is not None and not request.transport.is_closing():  # client still waiting
            state.completed[key] = state.completed.get(key, 0) + 1
        return resp

    async def _fault(request: web.Request, fault: dict[str, Any]) -> web.StreamResponse | None:
        if "delay" in fault:
            await asyncio.sleep(fault["delay"])
            return None
        if fault.get("drop"):
            request.transport.close()  # type: ignore[union-attr]
            raise asyncio.CancelledError()
        if fault.get("malformed"):
            return web.Response(text='{"id": "chatcmpl-fake", "choices": [', content_type="application/json")
        status = int(fault.get("status", 500))
        message = f"fault {status}"
        if fault.get("echo_auth"):
            message += " for key " + request.headers.get("authorization", "") + request.headers.get("x-api-key", "")
        return web.json_response(error_body(request.path, status, message), status=status,
                                 headers=fault.get("headers", {}))

    async def config(request: web.Request) -> web.Response:
        data = await request.json()
        state.latency_ms = float(data.get("latency_ms", state.latency_ms))
        state.faults = list(data.get("faults", state.faults))
        return web.json_response({"ok": True})

    async def reset(request: web.Request) -> web.Response:
        state.reset()
        return web.json_response({"ok": True})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response({"attempts": state.attempts, "completed": state.completed, "log": state.log,
                                  "peak_in_flight": state.peak})

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_post("/v1/chat/completions", handle)
    app.router.add_post("/v1/messages", handle)
    app.router.add_post("/_config", config)
    app.router.add_post("/_reset", reset)
    app.router.add_get("/_stats", stats)
    return app


async def serve(port: int, latency_ms: float) -> None:
    state = State()
    state.latency_ms = latency_ms
    runner = web.AppRunner(make_app(state), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"PORT {bound}", flush=True)
    while True:
        await asyncio.sleep(3600)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="fake OpenAI/Anthropic judge server")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--latency-ms", type=float, default=0.0)
    a = p.parse_args(argv)
    try:
        asyncio.run(serve(a.port, a.latency_ms))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
