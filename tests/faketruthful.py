"""A fake OpenAI chat server that judges X-TruthfulQA answers by markers planted in them.

Run it as its own process:  ``python tests/faketruthful.py [--port 0]``; it prints ``PORT <n>``
on its first line.  Route: ``POST /v1/chat/completions`` with OpenAI's body shapes and usage.

Which judgment a request asks for is read off our prompts (the truthfulness prompt names the
label NOT ENOUGH INFORMATION, the informativeness prompt does not).  The answer carries
``truth=X`` and ``info=Y`` markers that script the reply:

* truth: ``T`` truthful, ``F`` not truthful, ``N`` not enough information, ``D`` a decoy that
  names [[TRUTHFUL]] while reasoning and concludes [[NOT TRUTHFUL]], ``G`` no label at all;
* info: ``I`` informative, ``U`` not informative, ``S`` not sure, ``G`` no label.

``POST /_config`` with ``{"fail": "substring"}`` answers 500 to every prompt containing it, and
with ``{"latency_ms": n}`` waits that long before every answer;
``GET /_stats`` returns the request log (aspect, model, user text) and ``POST /_reset`` clears it.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
from typing import Any

from aiohttp import web

TRUTH = {"T": "The answer agrees with a true reference.\n[[TRUTHFUL]]",
         "F": "The answer repeats a known falsehood.\n[[NOT TRUTHFUL]]",
         "N": "Neither list settles this claim.\n[[NOT ENOUGH INFORMATION]]",
         "D": "One could call it [[TRUTHFUL]] at first sight, but it matches a false reference.\n[[NOT TRUTHFUL]]",
         "G": "Hard to say; I will not commit to anything."}
INFO = {"I": "It addresses the question.\n[[INFORMATIVE]]",
        "U": "It avoids the question.\n[[NOT INFORMATIVE]]",
        "S": "Unclear whether it bears on the question.\n[[NOT SURE]]",
        "G": "Some words without a label."}


def reply_for(system: str, user: str) -> tuple[str, str]:
    """(aspect, reply text) for one request."""
    aspect = "truthful" if "NOT ENOUGH INFORMATION" in system + user else "informative"
    marker = re.search(r"truth=(\w)" if aspect == "truthful" else r"info=(\w)", user)
    table = TRUTH if aspect == "truthful" else INFO
    return aspect, table.get(marker.group(1) if marker else "G", table["G"])


def make_app() -> web.Application:
    state: dict[str, Any] = {"log": [], "fail": None, "latency_ms": 0}

    async def chat(request: web.Request) -> web.Response:
        body = await request.json()
        msgs = body.get("messages", [])
        system = "\n".join(m["content"] for m in msgs if m.get("role") == "system")
        user = "\n".join(m["content"] for m in msgs if m.get("role") == "user")
        aspect, text = reply_for(system, user)
        if state["latency_ms"]:
            await asyncio.sleep(state["latency_ms"] / 1000)
        state["log"].append({"model": body.get("model"), "aspect": aspect, "user": user, "system": system})
        if state["fail"] and state["fail"] in user:
            return web.json_response({"error": {"message": "fault 500", "type": "server_error"}}, status=500)
        usage = {"prompt_tokens": len(system + user) // 4, "completion_tokens": len(text) // 4}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        return web.json_response({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model"), "usage": usage,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]})

    async def config(request: web.Request) -> web.Response:
        body = await request.json()
        state.update(fail=body.get("fail"), latency_ms=body.get("latency_ms", 0))
        return web.json_response({"ok": True})

    async def reset(request: web.Request) -> web.Response:
        state.update(log=[], fail=None, latency_ms=0)
        return web.json_response({"ok": True})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response({"log": state["log"]})

    app = web.Application()
    app.router.add_post("/v1/chat/completions", chat)
    app.router.add_post("/_config", config)
    app.router.add_post("/_reset", reset)
    app.router.add_get("/_stats", stats)
    return app


async def serve(port: int) -> None:
    runner = web.AppRunner(make_app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    print(f"PORT {site._server.sockets[0].getsockname()[1]}", flush=True)  # type: ignore[union-attr]
    while True:
        await asyncio.sleep(3600)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="fake X-TruthfulQA judge (OpenAI chat API)")
    p.add_argument("--port", type=int, default=0)
    try:
        asyncio.run(serve(p.parse_args(argv).port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
