"""A fake OpenAI-compatible translator (stdlib HTTP server), run as its own process.

    python tests/faketranslate.py [--port 0] [--delay-ms 0] [--log FILE] [--reference PARALLEL.jsonl]

prints ``PORT <n>`` on its first line and serves ``POST /v1/chat/completions`` (OpenAI) and
``POST /v1/messages`` (Anthropic), each with its provider's body shapes.  It translates
by rule, so tests can check what came back without a model:

* the target language and its labels are read from the request's system prompt
  (``... into Korean ... ### 지시문: ... ### 답변:``) and the two source parts from the user
  message's ``### Instruction:`` / ``### Response:`` lines;
* each part becomes ``[<tag>] `` + one word of the target language per source word, where
  ``<tag>`` is the first 8 hex digits of sha256(source part), so a test can tell which source a
  translation came from; fenced code blocks are copied as they are;
* with ``--reference``, a source whose instruction and response are the English of a row of
  that parallel file gets that row's own translation instead (a lookup, not a rule): the
  pivot benchmark trains on real Chinese and Korean that way;
* faults, chosen by markers in the source instruction: ``FAULT_NO_RESPONSE`` (the response label
  is left out), ``FAULT_ENGLISH`` (the response is the English source), ``FAULT_DROP_CODE`` (code
  blocks are left out), ``FAULT_500`` (HTTP 500 every time).

Every completed reply is appended as one JSON line ``{lang, tag}`` to ``--log`` *before* it is
sent, so a test counts the calls the server was paid for even when the client dies mid-call.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

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
_LOCK = threading.Lock()


def tag(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def render(text: str, words: list[str], keep_code: bool = True) -> str:
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


REFERENCE: dict[tuple[str, str], dict[str, Any]] = {}


def translate(system: str, user: str) -> tuple[str, str, str]:
    """(reply text, language code, tag of the source instruction)."""
    lang_name = _TARGET.search(system).group(1)  # type: ignore[union-attr]
    code, words = WORDS[lang_name]
    ins_label, res_label = _LABELS.search(system).groups()  # type: ignore[union-attr]
    instruction, response = _SOURCE.match(user).groups()  # type: ignore[union-attr]
    known = REFERENCE.get((instruction.strip(), response.strip()))
    if known and known.get(f"response_{code}"):
        return (f"### {ins_label}:\n{known[f'instruction_{code}']}\n### {res_label}:\n{known[f'response_{code}']}",
                code, tag(instruction))
    ins_out = render(instruction, words)
    if "FAULT_ENGLISH" in instruction:
        res_out = response
    else:
        res_out = render(response, words, keep_code="FAULT_DROP_CODE" not in instruction)
    if "FAULT_NO_RESPONSE" in instruction:
        return f"### {ins_label}:\n{ins_out}\n{res_out}", code, tag(instruction)
    return f"### {ins_label}:\n{ins_out}\n### {res_label}:\n{res_out}", code, tag(instruction)


class Handler(BaseHTTPRequestHandler):
    delay_s = 0.0
    log_path: str | None = None

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, obj: Any) -> None:
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        msgs = body.get("messages", [])
        anthropic = self.path.endswith("/messages")
        system = body.get("system", "") if anthropic else next((m["content"] for m in msgs if m["role"] == "system"), "")
        user = next((m["content"] for m in msgs if m["role"] == "user"), "")
        if "FAULT_500" in user:
            self._send(500, {"error": {"message": "scripted failure", "type": "server_error"}})
            return
        time.sleep(self.delay_s)
        text, lang, src_tag = translate(system, user)
        if self.log_path:
            with _LOCK, open(self.log_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"lang": lang, "tag": src_tag}) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        n_in, n_out = len(system + user) // 4, len(text) // 2
        if anthropic:
            self._send(200, {"id": "fake", "type": "message", "role": "assistant", "model": body.get("model"),
                             "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
                             "usage": {"input_tokens": n_in, "output_tokens": n_out}})
            return
        self._send(200, {"id": "fake", "object": "chat.completion", "model": body.get("model"),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": text}}],
                         "usage": {"prompt_tokens": n_in, "completion_tokens": n_out,
                                   "total_tokens": n_in + n_out}})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--delay-ms", type=float, default=0.0)
    ap.add_argument("--log")
    ap.add_argument("--reference", help="parallel JSONL whose rows' translations are returned for their English")
    args = ap.parse_args()
    if args.reference:
        with open(args.reference, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    REFERENCE[(row["instruction_en"].strip(), row["response_en"].strip())] = row
    Handler.delay_s = args.delay_ms / 1000
    Handler.log_path = args.log
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
