"""A fake OpenAI-compatible chat server that answers as a PLUG-trained model and records requests.

Started in-process by tests (``with ChatServer() as server: ...``) on 127.0.0.1 and a free port.
It serves ``POST /v1/chat/completions``: the reply is a PLUG bilingual answer when the system
message asks for a pivot response, else a direct answer in the language asked for.  Every request
body is kept in ``server.bodies``.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from plug_eval import languages, pivot

DRAFTS = {"en": "First make a plan, then work through it step by step."}
ANSWERS = {
    "en": "First make a plan, then work through it step by step.",
    "zh": "首先制定计划，然后一步一步地完成它。",
    "ko": "먼저 계획을 세우고 차근차근 실행하세요.",
    "it": "Prima fai un piano, poi seguilo passo dopo passo.",
    "es": "Primero haz un plan y luego síguelo paso a paso.",
}


def reply_for(messages: list[dict]) -> str:
    system = next((m.get("content", "") for m in messages if m.get("role") == "system"), "")
    for code in languages.TARGETS:
        if system == languages.pivot_system_prompt(code):
            return pivot.build_response(DRAFTS["en"], ANSWERS[code], code)
        if system == languages.direct_system_prompt(code):
            return ANSWERS[code]
    return ANSWERS["en"]


class ChatServer:
    def __init__(self) -> None:
        self.bodies: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.bodies.append(body)
                text = reply_for(body.get("messages", []))
                out = json.dumps({
                    "id": f"fake-{len(server.bodies)}", "object": "chat.completion", "created": 0,
                    "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_port}/v1/chat/completions"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> ChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
