"""``openai:MODEL``: chat completions through the official SDK.

Chat completions is what OpenAI, vLLM, llama.cpp's server and Ollama all serve, so
``--base-url http://host:8000/v1`` points this backend at any of them.  The key comes from
``OPENAI_API_KEY``; a local server (``--base-url``) without a key gets a placeholder.  Decoding
arguments go into the request body as they are, so server-specific ones (vLLM's ``top_k``) work.
"""

from __future__ import annotations

from typing import Any

from plug_eval.llm.backends._sdk import SdkBackend, classify
from plug_eval.llm.base import Reply, Request, reply

MINIMUM = (1, 40)


class OpenAIBackend(SdkBackend):
    default_host = "api.openai.com"
    name = "openai"
    sdk_name, minimum, client_class = "openai", MINIMUM, "AsyncOpenAI"
    key_env, base_env, default_url = "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1"
    key_hint = " (or --base-url for a local OpenAI-compatible server)"

    def body_of(self, request: Request) -> dict[str, Any]:
        """The chat-completions body of one request (a live call's, or one line of a batch)."""
        messages = ([{"role": "system", "content": request.system}] if request.system else [])
        messages.append({"role": "user", "content": request.user})
        return {"model": self.options.model, "messages": messages, **request.decoding}

    async def complete(self, request: Request) -> Reply:
        client = self._connect()
        try:
            # client.post is the SDK's public way to send a raw body: same auth, retries (off),
            # errors and JSON decoding as chat.completions.create, without its per-call TypedDict
            # transform and pydantic construction (about 1.5 ms of CPU per call together, the
            # largest cost at 64 calls in flight).  A body without these fields is malformed.
            return self.reply_of(await client.post("/chat/completions", body=self.body_of(request),
                                                   cast_to=dict[str, Any]))
        except Exception as err:  # every failure becomes a classified CallError
            raise classify(err, self._sdk) from None

    @staticmethod
    def reply_of(resp: dict[str, Any]) -> Reply:
        """The reply in a chat-completions body (a live response, or one line of a batch's output)."""
        choice = resp["choices"][0]
        message = choice["message"]
        usage: dict[str, Any] = resp["usage"] if isinstance(resp.get("usage"), dict) else {}
        return reply(message.get("content"), usage.get("prompt_tokens"), usage.get("completion_tokens"),
                     choice.get("finish_reason"), refusal=message.get("refusal"))
