"""The one scriptable fake LLM server of the tests and benches: OpenAI and Anthropic, every role.

Run it as its own process (so a client can be killed while the server keeps serving)::

    python tests/fakeserver.py [--port 0] [--latency-ms 0] [--reference PARALLEL.jsonl]

It prints ``PORT <n>`` on its first line and serves ``POST /v1/chat/completions`` (OpenAI) and
``POST /v1/messages`` (Anthropic), each with its provider's body and error shapes, and both
providers' batch APIs (files, batches, results; see "both providers' batch APIs" below), whose
requests the same roles answer.  From a test, :func:`start` runs it and returns a :class:`Server`
handle (config, reset, stats, submitted, batches, stop).

**Who answers** is read off the request, in this order:

1. a *translator* (the system prompt of ``plug-train translate``): each source part becomes
   ``[<tag>] `` + one target-language word per source word (``<tag>`` = the first 8 hex digits
   of sha256 of the part, so a test can tell which source a translation came from); fenced code
   is copied; with ``--reference``, a row of that parallel file whose English is the source gets
   its own translation.  Markers in the source instruction script faults: ``FAULT_NO_RESPONSE``
   (the response label is left out), ``FAULT_ENGLISH`` (the response stays English),
   ``FAULT_DROP_CODE`` (code blocks dropped), ``FAULT_500`` (HTTP 500 every time);
2. a *PLUG-trained chat model* (a system prompt of our lm-eval tasks): a bilingual PLUG answer to
   a pivot prompt, a direct answer in the language asked for otherwise;
3. an *X-TruthfulQA judge* (the answer carries ``truth=X`` / ``info=Y``): truth ``T`` truthful,
   ``F`` not truthful, ``N`` not enough information, ``D`` a decoy naming [[TRUTHFUL]] before
   concluding [[NOT TRUTHFUL]], ``G`` no label; info ``I``, ``U`` (not informative), ``S`` (not
   sure), ``G``.  The truthfulness prompt is the one naming NOT ENOUGH INFORMATION;
4. a *pairwise judge* scripted by the request's model name: ``fair`` (default) compares the
   ``quality=N`` markers of the two answers in prompt order; ``first`` always [[A]]; ``decoy``
   names the opposite verdict first; ``garbage`` never decides; ``echo`` also quotes ``[[..]]``
   text planted in the answers; ``grade`` rates ``[[N]]`` = the first answer's quality;
   ``fair-cut`` is cut off inside the verdict (finish_reason "length"); ``final`` ends with
   ``Final verdict: [[X]]`` (FastChat's format); ``scripted`` replies with the text a test wrote,
   base64 in the ``reply64=...`` marker of the answer shown first (so each order has its own);
5. an *X-SVAMP extractor* (the system prompt of ``plug-judge svamp-extract``): the number of the
   answer's ``[final: X]`` marker, else ``[invalid]``.

**Control** (JSON): ``POST /_config`` sets ``latency_ms`` and ``faults``; ``POST /_reset`` clears
counts and config; ``GET /_stats`` returns ``attempts`` and ``completed`` per key (sha256 of
model + messages), the request ``log`` (each entry with what was asked and whether a reply was
``paid`` for, i.e. computed, even if the client had gone) and ``peak_in_flight``.  A fault is
``{"match": substring or "", "times": n (per key, default 1), "status": 429, "headers": {...},
"message": text}`` or ``{"delay": s}``, ``{"malformed": true}``, ``{"drop": true}``,
``{"echo_auth": true}``, ``{"hang": true}`` (never answer), ``{"trickle": s}`` (send the reply a
byte every ``s`` seconds), or ``{"shape": name}``: a valid reply in an unusual shape (``parts``:
content as a list of text parts; ``string_usage``: token counts as strings; ``no_usage``: no
usage at all; ``surrogate``: a lone surrogate escape in the text; ``empty``: empty content;
``refusal``: OpenAI's ``refusal`` field instead of content).  The first ``times`` attempts of
every key whose prompt contains ``match`` get it.  ``"serial": true`` makes the server answer
one request at a time, as a local server on one GPU does (the others wait in its queue).
Batches:
``batch_polls``, ``batch_seconds`` (when a batch ends), ``batch_create_delay`` (seconds between
creating a batch and answering its creator), ``batch_create_status`` (refuse every new batch);
``GET /_stats`` adds ``batches`` (id, provider, custom_ids, polls, ended, cancel, bytes).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- 4. the pairwise judge

QUALITY = re.compile(r"quality=(\d+)")
SCRIPTED = re.compile(r"reply64=([A-Za-z0-9+/=]+)")
VERDICT_IN_ANSWER = re.compile(r"[^\n]{0,40}verdict: \[\[[^\]\n]{1,8}\]\][^\n]{0,20}")


def _fair(user: str) -> str:
    q = [int(x) for x in QUALITY.findall(user)]
    if len(q) < 2:
        return "C"
    return "A" if q[0] > q[1] else "B" if q[1] > q[0] else "C"


def judge_reply(model: str, user: str) -> tuple[str, str]:
    """(reply text, finish reason) of the scripted pairwise judge named by ``model``."""
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
    if model == "scripted":
        m = SCRIPTED.search(user)
        return (base64.b64decode(m.group(1)).decode("utf-8") if m else "no script"), "stop"
    return f"Comparing the two answers on helpfulness and language.\n[[{fair}]]", "stop"


# --------------------------------------------------------------------------- 3. the X-TruthfulQA judge

TRUTH = {"T": "The answer agrees with a true reference.\n[[TRUTHFUL]]",
         "F": "The answer repeats a known falsehood.\n[[NOT TRUTHFUL]]",
         "N": "Neither list settles this claim.\n[[NOT ENOUGH INFORMATION]]",
         "D": "One could call it [[TRUTHFUL]] at first sight, but it matches a false reference.\n[[NOT TRUTHFUL]]",
         "G": "Hard to say; I will not commit to anything."}
INFO = {"I": "It addresses the question.\n[[INFORMATIVE]]",
        "U": "It avoids the question.\n[[NOT INFORMATIVE]]",
        "S": "Unclear whether it bears on the question.\n[[NOT SURE]]",
        "G": "Some words without a label."}


def truthful_reply(system: str, user: str) -> tuple[str, str]:
    """(aspect, reply text) of one X-TruthfulQA judgment."""
    aspect = "truthful" if "NOT ENOUGH INFORMATION" in system + user else "informative"
    marker = re.search(r"truth=(\w)" if aspect == "truthful" else r"info=(\w)", user)
    table = TRUTH if aspect == "truthful" else INFO
    return aspect, table.get(marker.group(1) if marker else "G", table["G"])


# --------------------------------------------------------------------------- 2. a PLUG-trained chat model

PLUG_DRAFT = "First make a plan, then work through it step by step."
PLUG_ANSWERS = {
    "en": "First make a plan, then work through it step by step.",
    "zh": "首先制定计划，然后一步一步地完成它。",
    "ko": "먼저 계획을 세우고 차근차근 실행하세요.",
    "it": "Prima fai un piano, poi seguilo passo dopo passo.",
    "es": "Primero haz un plan y luego síguelo paso a paso.",
}


def chat_reply(system: str) -> str | None:
    """A PLUG-trained model's answer to one of our tasks' system prompts; None for another prompt."""
    from plug_eval import languages, pivot

    for code in languages.TARGETS:
        if system == languages.pivot_system_prompt(code):
            return pivot.build_response(PLUG_DRAFT, PLUG_ANSWERS[code], code)
        if system == languages.direct_system_prompt(code):
            return PLUG_ANSWERS[code]
    return PLUG_ANSWERS["en"] if system == languages.direct_system_prompt("en") else None


# --------------------------------------------------------------------------- 1. the translator

WORDS = {
    "Chinese": ("zh", "我们 今天 学习 这个 问题 非常 重要 因为 大家 需要 知道 答案".split()),
    "Korean": ("ko", "우리는 오늘 이 문제를 공부합니다 매우 중요합니다 왜냐하면 모두가 답을 알아야 합니다".split()),
    "Italian": ("it", "oggi noi studiamo questo problema molto importante perché tutti devono sapere".split()),
    "Spanish": ("es", "hoy nosotros estudiamos este problema muy importante porque todos deben saber".split()),
}
_FENCE = re.compile(r"(```.*?```)", re.S)
_TARGET = re.compile(r"into (\w+)\.")
_LABELS = re.compile(r"### (.+?):\n<the .+? instruction>\n### (.+?):\n<the .+? response>")
_SOURCE = re.compile(r"\A### [^\n]+:\n(.*)\n### [^\n]+:\n(.*)\Z", re.S)
TRANSLATOR = "professional translator of instruction-following data"
EXTRACTOR = "worked answers to arithmetic word problems"
REFERENCE: dict[tuple[str, str], dict[str, Any]] = {}


def tag(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _render(text: str, words: list[str], keep_code: bool = True) -> str:
    """``[tag]`` + one target word per source word; code blocks copied (or dropped)."""
    out = []
    for i, piece in enumerate(_FENCE.split(text)):
        if i % 2:
            if keep_code:
                out.append("\n" + piece + "\n")
            continue
        for line in piece.split("\n"):
            n = len(re.findall(r"[A-Za-z]+", line))
            out.append(" ".join(words[j % len(words)] for j in range(n)) + ("。" if n else ""))
    return f"[{tag(text)}] " + "\n".join(x for x in out if x)


def translate(system: str, user: str) -> tuple[str, str, str]:
    """(reply text, language code, tag of the source instruction)."""
    code, words = WORDS[_TARGET.search(system).group(1)]  # type: ignore[union-attr]
    ins_label, res_label = _LABELS.search(system).groups()  # type: ignore[union-attr]
    instruction, response = _SOURCE.match(user).groups()  # type: ignore[union-attr]
    known = REFERENCE.get((instruction.strip(), response.strip()))
    if known and known.get(f"response_{code}"):
        return (f"### {ins_label}:\n{known[f'instruction_{code}']}\n### {res_label}:\n{known[f'response_{code}']}",
                code, tag(instruction))
    ins_out = _render(instruction, words)
    res_out = response if "FAULT_ENGLISH" in instruction else _render(
        response, words, keep_code="FAULT_DROP_CODE" not in instruction)
    if "FAULT_NO_RESPONSE" in instruction:
        return f"### {ins_label}:\n{ins_out}\n{res_out}", code, tag(instruction)
    return f"### {ins_label}:\n{ins_out}\n### {res_label}:\n{res_out}", code, tag(instruction)


# --------------------------------------------------------------------------- the server


def _messages(body: dict[str, Any]) -> tuple[str, str, str]:
    """(system, user, every text) of a request in either provider's shape."""
    def text(c: Any) -> str:
        return c if isinstance(c, str) else " ".join(b.get("text", "") for b in c or [] if isinstance(b, dict))

    msgs = body.get("messages", [])
    system = body.get("system") if isinstance(body.get("system"), str) else \
        "\n".join(text(m.get("content")) for m in msgs if m.get("role") == "system")
    user = "\n".join(text(m.get("content")) for m in msgs if m.get("role") == "user")
    return system or "", user, "\n".join([system or "", *(text(m.get("content")) for m in msgs)])


def answer(model: str, system: str, user: str, entry: dict[str, Any]) -> tuple[str, str, int | None]:
    """(reply text, finish reason, an HTTP status to fail with instead) of one request; notes
    in ``entry`` which role answered."""
    if TRANSLATOR in system:
        if "FAULT_500" in user:
            return "", "stop", 500
        text, lang, src = translate(system, user)
        entry.update(kind="translate", lang=lang, tag=src)
        return text, "stop", None
    plug = chat_reply(system)
    if plug is not None:
        entry.update(kind="chat")
        return plug, "stop", None
    if EXTRACTOR in system:
        final = re.search(r"\[final: ([^\]]+)\]", user)
        entry.update(kind="svamp_extract")
        return (final.group(1) if final else "[invalid]"), "stop", None
    if re.search(r"truth=\w|info=\w", user):
        aspect, text = truthful_reply(system, user)
        entry.update(kind="truthful", aspect=aspect)
        return text, "stop", None
    entry.update(kind="judge")
    text, finish = judge_reply(model, user)
    return text, finish, None


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


def reshape(reply: dict[str, Any], shape: str, path: str) -> dict[str, Any]:
    """A valid reply in an unusual shape, as some servers and SDK versions send it."""
    anthropic = path.endswith("/messages")
    usage = reply["usage"]
    text = reply["content"][0]["text"] if anthropic else reply["choices"][0]["message"]["content"]
    if shape == "parts" and not anthropic:  # content as a list of parts (vision-style servers)
        reply["choices"][0]["message"]["content"] = [{"type": "text", "text": text[:10]},
                                                     {"type": "text", "text": text[10:]}]
    elif shape == "string_usage":
        reply["usage"] = {k: str(v) for k, v in usage.items()}
    elif shape == "no_usage":
        reply.pop("usage")
    elif shape in ("surrogate", "empty", "refusal"):
        new = {"surrogate": "\ud83d " + text, "empty": "", "refusal": None}[shape]
        if anthropic:
            reply["content"] = [{"type": "text", "text": new}] if new is not None else []
        else:
            reply["choices"][0]["message"]["content"] = new
            if shape == "refusal":
                reply["choices"][0]["message"]["refusal"] = "I can't help with comparing these answers."
    return reply


def error_body(path: str, status: int, message: str) -> dict[str, Any]:
    if path.endswith("/messages"):
        kind = {401: "authentication_error", 403: "permission_error", 404: "not_found_error",
                429: "rate_limit_error"}.get(status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": message}}
    return {"error": {"message": message, "type": "server_error", "code": str(status)}}


class State:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.latency_ms = 0.0
        self.serial = False
        self.queue = asyncio.Lock()
        self.faults: list[dict[str, Any]] = []
        self.attempts: dict[str, int] = {}
        self.completed: dict[str, int] = {}
        self.log: list[dict[str, Any]] = []
        self.in_flight = 0
        self.peak = 0
        self.batch_polls = 2  # a batch ends at its batch_polls-th retrieve ...
        self.batch_seconds = 0.0  # ... once batch_seconds have passed since it was created
        self.batch_create_delay = 0.0  # seconds between creating a batch and answering its creator
        self.batch_create_status = 0  # answer batch creation with this HTTP status instead (0: accept)
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}


def make_app(state: State) -> Any:
    from aiohttp import web

    async def handle(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        system, user, prompt = _messages(body)
        model = str(body.get("model", ""))
        key = hashlib.sha256((model + "\x00" + prompt).encode()).hexdigest()
        n = state.attempts[key] = state.attempts.get(key, 0) + 1
        entry: dict[str, Any] = {"t": time.time(), "path": request.path, "query": request.query_string, "key": key,
                                 "model": model, "retry": request.headers.get("x-stainless-retry-count"),
                                 "has_temperature": "temperature" in body, "system": system, "user": user,
                                 "body": body, "paid": False}
        state.log.append(entry)
        state.in_flight += 1
        state.peak = max(state.peak, state.in_flight)
        try:
            if state.serial:  # one at a time: the rest wait in the server's queue
                async with state.queue:
                    entry["t_start"] = time.time()
                    return await _respond(request, body, prompt, key, n, entry)
            return await _respond(request, body, prompt, key, n, entry)
        finally:
            state.in_flight -= 1
            entry["t_end"] = time.time()

    async def _respond(request: web.Request, body: dict[str, Any], prompt: str, key: str, n: int,
                       entry: dict[str, Any]) -> web.StreamResponse:
        if state.latency_ms:
            await asyncio.sleep(state.latency_ms / 1000)
        shaped = None
        for fault in state.faults:
            if fault.get("match", "") in prompt and n <= fault.get("times", 1):
                if "shape" in fault or "trickle" in fault:
                    shaped = fault
                    break
                resp = await _fault(request, fault)
                if resp is not None:
                    return resp
                break
        text, finish, status = answer(entry["model"], entry["system"], entry["user"], entry)
        if status is not None:
            return web.json_response(error_body(request.path, status, "scripted failure"), status=status)
        entry["paid"] = True  # the reply is made: a client that has gone still pays for it
        make = anthropic_body if request.path.endswith("/messages") else openai_body
        reply = make(entry["model"], text, finish, prompt)
        if shaped is not None and "shape" in shaped:
            reply = reshape(reply, shaped["shape"], request.path)
        data = json.dumps(reply, ensure_ascii=True)  # a lone surrogate travels as its \u escape
        if shaped is not None and "trickle" in shaped:
            return await _trickle(request, data.encode(), float(shaped["trickle"]))
        resp = web.Response(text=data, content_type="application/json")
        if request.transport is not None and not request.transport.is_closing():  # the client still waits
            state.completed[key] = state.completed.get(key, 0) + 1
        return resp

    async def _trickle(request: web.Request, data: bytes, every: float) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": str(len(data))})
        await resp.prepare(request)
        for i in range(len(data)):
            await resp.write(data[i:i + 1])
            await asyncio.sleep(every)
        await resp.write_eof()
        return resp

    async def _fault(request: web.Request, fault: dict[str, Any]) -> web.StreamResponse | None:
        if fault.get("hang"):
            await asyncio.sleep(3600)
        if "delay" in fault:
            await asyncio.sleep(fault["delay"])
            return None
        if fault.get("drop"):
            request.transport.close()  # type: ignore[union-attr]
            raise asyncio.CancelledError()
        if fault.get("malformed"):
            return web.Response(text='{"id": "chatcmpl-fake", "choices": [', content_type="application/json")
        status = int(fault.get("status", 500))
        message = fault.get("message") or f"fault {status}"
        if fault.get("echo_auth"):
            message += " for key " + request.headers.get("authorization", "") + request.headers.get("x-api-key", "")
        return web.json_response(error_body(request.path, status, message), status=status,
                                 headers=fault.get("headers", {}))

    async def config(request: web.Request) -> web.Response:
        data = await request.json()
        state.latency_ms = float(data.get("latency_ms", state.latency_ms))
        state.faults = list(data.get("faults", state.faults))
        state.serial = bool(data.get("serial", state.serial))
        for name in ("batch_polls", "batch_seconds", "batch_create_delay", "batch_create_status"):
            setattr(state, name, type(getattr(state, name))(data.get(name, getattr(state, name))))
        return web.json_response({"ok": True})

    async def reset(request: web.Request) -> web.Response:
        state.reset()
        return web.json_response({"ok": True})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response({"attempts": state.attempts, "completed": state.completed, "log": state.log,
                                  "peak_in_flight": state.peak,
                                  "batches": [batch_stats(b) for b in state.batches.values()]})

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_post("/v1/chat/completions", handle)
    app.router.add_post("/v1/messages", handle)
    app.router.add_post("/_config", config)
    app.router.add_post("/_reset", reset)
    app.router.add_get("/_stats", stats)
    add_batch_routes(app, state)
    return app



# --------------------------------------------------------------------------- both providers' batch APIs
#
# OpenAI: POST /v1/files (multipart, purpose=batch), POST /v1/batches, GET /v1/batches[/{id}],
# POST /v1/batches/{id}/cancel, GET /v1/files/{id}/content.  Anthropic: POST/GET /v1/messages/batches,
# GET /v1/messages/batches/{id}[/results], POST /v1/messages/batches/{id}/cancel.  Each request of a
# batch is answered by answer(), as on the live routes, when the batch is created (faults count its
# attempt as a live call's: {"status": n} fails it, {"expire": true} expires it, {"malformed": true}
# answers a body without the reply), logged with its "batch" and "custom_id", and revealed when the
# batch ends: at its batch_polls-th retrieve once batch_seconds have passed, or at the first retrieve
# after a cancel (the requests done by then are answered, the rest cancelled).

ANTHROPIC_ERROR = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                   404: "not_found_error", 429: "rate_limit_error", 529: "overloaded_error"}


def batch_answer(state: State, provider: str, path: str, batch_id: str, custom_id: str,
                 body: dict[str, Any]) -> dict[str, Any]:
    """The result of one request of a batch: {"body": ...} or {"status", "message"} or {"expire"}."""
    system, user, prompt = _messages(body)
    model = str(body.get("model", ""))
    key = hashlib.sha256((model + "\x00" + prompt).encode()).hexdigest()
    n = state.attempts[key] = state.attempts.get(key, 0) + 1
    entry: dict[str, Any] = {"t": time.time(), "path": path, "key": key, "model": model, "batch": batch_id,
                             "custom_id": custom_id, "has_temperature": "temperature" in body, "system": system,
                             "user": user, "body": body, "paid": False}
    state.log.append(entry)
    fault = next((f for f in state.faults if f.get("match", "") in prompt and n <= f.get("times", 1)), None)
    if fault and fault.get("expire"):
        return {"entry": entry, "expire": True}
    if fault and fault.get("malformed"):
        return {"entry": entry, "body": {"choices": []} if provider == "openai" else {"content": None}}
    if fault and not ({"delay", "drop"} & set(fault)):
        return {"entry": entry, "status": int(fault.get("status", 500)), "message": fault.get("message") or "fault"}
    text, finish, status = answer(model, system, user, entry)
    if status is not None:
        return {"entry": entry, "status": status, "message": "scripted failure"}
    make = anthropic_body if provider == "anthropic" else openai_body
    return {"entry": entry, "body": make(model, text, finish, prompt)}


def new_batch(state: State, provider: str, path: str, requests: list[tuple[str, dict[str, Any]]],
              **extra: Any) -> dict[str, Any]:
    n = len(state.batches) + 1
    bid = f"batch_{n:04d}" if provider == "openai" else f"msgbatch_{n:04d}"
    b = {"id": bid, "provider": provider, "seq": n, "t0": time.time(), "polls": 0, "cancel": False, "ended": False,
         "done": 0, **extra}
    b["results"] = [(cid, batch_answer(state, provider, path, bid, cid, body)) for cid, body in requests]
    state.batches[bid] = b
    return b


def advance(state: State, b: dict[str, Any]) -> None:
    """One retrieve of a batch: it progresses, and maybe ends."""
    b["polls"] += 1
    if b["ended"]:
        return
    if not b["cancel"]:
        b["done"] = min(len(b["results"]), len(b["results"]) * b["polls"] // max(state.batch_polls, 1))
    due = b["polls"] >= state.batch_polls and time.time() - b["t0"] >= state.batch_seconds
    if b["cancel"] or due:
        b["ended"], b["processed"] = True, b["done"] if b["cancel"] else len(b["results"])
        for i, (_, r) in enumerate(b["results"]):
            r["processed"] = i < b["processed"] and not r.get("expire")
            r["entry"]["paid"] = bool(r["processed"] and "body" in r)


def _iso(t: float | None) -> str | None:
    from datetime import datetime, timezone

    return None if t is None else datetime.fromtimestamp(t, timezone.utc).isoformat()


def openai_batch(state: State, b: dict[str, Any]) -> dict[str, Any]:
    results = [r for _, r in b["results"]]
    if not b["ended"]:
        status = "cancelling" if b["cancel"] else "validating" if b["polls"] == 0 else "in_progress"
        ok, failed = b["done"], 0
    else:
        status = "cancelled" if b["cancel"] else "expired" if any(r.get("expire") for r in results) else "completed"
        ok = sum(1 for r in results if r["processed"] and "body" in r)
        failed = sum(1 for r in results if r["processed"] and "status" in r)
        out, err = [], []
        for i, (cid, r) in enumerate(b["results"]):
            line: dict[str, Any] = {"id": f"batch_req_{i}", "custom_id": cid, "response": None, "error": None}
            if r["processed"]:
                line["response"] = {"status_code": 200 if "body" in r else r["status"], "request_id": f"req_{i}",
                                    "body": r["body"] if "body" in r else error_body("", r["status"], r["message"])}
                (out if "body" in r else err).append(line)
            elif r.get("expire"):
                err.append({**line, "error": {"code": "batch_expired", "message": "This request could not be "
                                              "executed before the completion window expired."}})
        for name, lines in (("out", out), ("err", err)):
            if lines:
                state.files[f"file-{name}-{b['id']}"] = "".join(json.dumps(x) + "\n" for x in lines).encode()
    return {"id": b["id"], "object": "batch", "endpoint": b["endpoint"], "input_file_id": b["input_file_id"],
            "completion_window": "24h", "status": status, "created_at": int(b["t0"]), "metadata": b["metadata"],
            "request_counts": {"total": len(results), "completed": ok, "failed": failed},
            "output_file_id": f"file-out-{b['id']}" if f"file-out-{b['id']}" in state.files else None,
            "error_file_id": f"file-err-{b['id']}" if f"file-err-{b['id']}" in state.files else None,
            "errors": None, "expires_at": int(b["t0"]) + 86400}


def anthropic_batch(b: dict[str, Any], host: str) -> dict[str, Any]:
    counts = {"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
    for _, r in b["results"]:
        kind = ("processing" if not b["ended"] else "succeeded" if r["processed"] and "body" in r else
                "errored" if r["processed"] else "expired" if r.get("expire") else "canceled")
        counts[kind] += 1
    status = "ended" if b["ended"] else "canceling" if b["cancel"] else "in_progress"
    return {"id": b["id"], "type": "message_batch", "processing_status": status, "request_counts": counts,
            "created_at": _iso(b["t0"]), "expires_at": _iso(b["t0"] + 86400),
            "ended_at": _iso(time.time()) if b["ended"] else None, "archived_at": None,
            "cancel_initiated_at": _iso(b.get("cancel_t")),
            "results_url": f"http://{host}/v1/messages/batches/{b['id']}/results" if b["ended"] else None}


def anthropic_results(b: dict[str, Any]) -> bytes:
    lines = []
    for cid, r in b["results"]:
        if r["processed"] and "body" in r:
            result: dict[str, Any] = {"type": "succeeded", "message": r["body"]}
        elif r["processed"]:
            kind = ANTHROPIC_ERROR.get(r["status"], "api_error")
            result = {"type": "errored", "error": {"type": "error", "error": {"type": kind, "message": r["message"]}}}
        else:
            result = {"type": "expired" if r.get("expire") else "canceled"}
        lines.append(json.dumps({"custom_id": cid, "result": result}) + "\n")
    return "".join(lines).encode()


def batch_stats(b: dict[str, Any]) -> dict[str, Any]:
    return {"id": b["id"], "provider": b["provider"], "custom_ids": [cid for cid, _ in b["results"]],
            "polls": b["polls"], "ended": b["ended"], "cancel": b["cancel"], "bytes": b["bytes"]}


def add_batch_routes(app: Any, state: State) -> None:
    from aiohttp import web

    def found(request: web.Request, provider: str) -> dict[str, Any]:
        b = state.batches.get(request.match_info["id"])
        if b is None or b["provider"] != provider:
            raise web.HTTPNotFound(text=json.dumps(error_body(request.path, 404, "no such batch")),
                                   content_type="application/json")
        return b

    async def created(request: web.Request, b: dict[str, Any], body: dict[str, Any]) -> web.Response:
        if state.batch_create_delay:  # accepted, not answered yet: a client killed now never learns the id
            await asyncio.sleep(state.batch_create_delay)
        return web.json_response(body)

    def refused(path: str) -> web.Response | None:
        status = state.batch_create_status
        return web.json_response(error_body(path, status, "batches refused"), status=status) if status else None

    async def upload(request: web.Request) -> web.Response:
        form = await request.post()
        data = form["file"].file.read()  # type: ignore[union-attr]
        fid = f"file-in-{len(state.files) + 1:04d}"
        state.files[fid] = data
        return web.json_response({"id": fid, "object": "file", "bytes": len(data), "created_at": int(time.time()),
                                  "filename": form["file"].filename, "purpose": form["purpose"],  # type: ignore
                                  "status": "processed"})

    async def content(request: web.Request) -> web.Response:
        data = state.files.get(request.match_info["id"])
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data, content_type="application/octet-stream")

    async def oa_create(request: web.Request) -> web.Response:
        body = await request.json()
        if (no := refused(request.path)) is not None:
            return no
        lines = [json.loads(x) for x in state.files[body["input_file_id"]].decode().splitlines() if x.strip()]
        b = new_batch(state, "openai", request.path, [(x["custom_id"], x["body"]) for x in lines],
                      endpoint=body["endpoint"], input_file_id=body["input_file_id"], metadata=body.get("metadata"),
                      bytes=len(state.files[body["input_file_id"]]))
        return await created(request, b, openai_batch(state, b))

    async def oa_list(request: web.Request) -> web.Response:
        data = [openai_batch(state, b) for b in sorted(state.batches.values(), key=lambda b: -b["seq"])
                if b["provider"] == "openai"]
        return web.json_response({"object": "list", "data": data, "first_id": data[0]["id"] if data else None,
                                  "last_id": data[-1]["id"] if data else None, "has_more": False})

    async def oa_retrieve(request: web.Request) -> web.Response:
        b = found(request, "openai")
        advance(state, b)
        return web.json_response(openai_batch(state, b))

    async def cancel(request: web.Request) -> web.Response:
        provider = "anthropic" if "/messages/" in request.path else "openai"
        b = found(request, provider)
        if not b["ended"]:
            b["cancel"], b["cancel_t"] = True, time.time()
        return web.json_response(openai_batch(state, b) if provider == "openai" else
                                 anthropic_batch(b, request.host))

    async def an_create(request: web.Request) -> web.Response:
        body = await request.json()
        if (no := refused(request.path)) is not None:
            return no
        b = new_batch(state, "anthropic", request.path, [(x["custom_id"], x["params"]) for x in body["requests"]],
                      bytes=len(await request.read()))
        return await created(request, b, anthropic_batch(b, request.host))

    async def an_list(request: web.Request) -> web.Response:
        data = [anthropic_batch(b, request.host) for b in sorted(state.batches.values(), key=lambda b: -b["seq"])
                if b["provider"] == "anthropic"]
        return web.json_response({"data": data, "has_more": False, "first_id": data[0]["id"] if data else None,
                                  "last_id": data[-1]["id"] if data else None})

    async def an_retrieve(request: web.Request) -> web.Response:
        b = found(request, "anthropic")
        advance(state, b)
        return web.json_response(anthropic_batch(b, request.host))

    async def an_results(request: web.Request) -> web.Response:
        b = found(request, "anthropic")
        if not b["ended"]:
            return web.json_response(error_body(request.path, 400, "batch still in progress"), status=400)
        return web.Response(body=anthropic_results(b), content_type="application/binary")

    r = app.router
    r.add_post("/v1/files", upload)
    r.add_get("/v1/files/{id}/content", content)
    r.add_post("/v1/batches", oa_create)
    r.add_get("/v1/batches", oa_list)
    r.add_get("/v1/batches/{id}", oa_retrieve)
    r.add_post("/v1/batches/{id}/cancel", cancel)
    r.add_post("/v1/messages/batches", an_create)
    r.add_get("/v1/messages/batches", an_list)
    r.add_get("/v1/messages/batches/{id}", an_retrieve)
    r.add_get("/v1/messages/batches/{id}/results", an_results)
    r.add_post("/v1/messages/batches/{id}/cancel", cancel)


async def serve(port: int, latency_ms: float) -> None:
    from aiohttp import web

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


# --------------------------------------------------------------------------- the handle a test holds


class Server:
    """A running fake server process: its URLs, and its control routes."""

    def __init__(self, proc: subprocess.Popen[str], port: int) -> None:
        self.proc, self.port = proc, port
        self.url = f"http://127.0.0.1:{port}"
        self.openai = self.url + "/v1"

    def _post(self, path: str, data: dict[str, Any]) -> Any:
        req = urllib.request.Request(self.url + path, data=json.dumps(data).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def config(self, **kw: Any) -> None:
        self._post("/_config", kw)

    def reset(self) -> None:
        self._post("/_reset", {})

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.url + "/_stats", timeout=10) as resp:
            return json.loads(resp.read())

    def log(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The requests received (of one role: ``translate``, ``chat``, ``truthful``, ``judge``)."""
        return [e for e in self.stats()["log"] if kind is None or e.get("kind") == kind]

    def submitted(self) -> list[str]:
        """The custom id of every request submitted in a batch, once per submission."""
        return [e["custom_id"] for e in self.stats()["log"] if e.get("batch")]

    def batches(self) -> list[dict[str, Any]]:
        """Every batch created: id, provider, custom_ids, polls, ended, cancel."""
        return list(self.stats()["batches"])

    def paid(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The requests whose reply was made (paid for), whether or not the client waited for it."""
        return [e for e in self.log(kind) if e["paid"]]

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(latency_ms: float = 0, reference: str | Path | None = None) -> Server:
    """Start the fake server in its own process on a free port of 127.0.0.1."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--port", "0", "--latency-ms", str(latency_ms)]
    if reference is not None:
        cmd += ["--reference", str(reference)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError(f"fake server did not start: {line!r}")
    return Server(proc, int(line.split()[1]))


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="the tests' fake OpenAI/Anthropic server")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--reference", help="parallel JSONL whose rows' translations are returned for their English")
    a = p.parse_args(argv)
    if a.reference:
        for line in Path(a.reference).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                REFERENCE[(row["instruction_en"].strip(), row["response_en"].strip())] = row
    try:
        asyncio.run(serve(a.port, a.latency_ms))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
