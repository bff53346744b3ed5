"""``openai:MODEL``: chat completions through the official SDK.

Chat completions is what OpenAI, vLLM, llama.cpp's server and Ollama all serve, so
``--base-url http://host:8000/v1`` points this backend at any of them.  The key comes from
``OPENAI_API_KEY``; a local server (``--base-url``) without a key gets a placeholder.  Decoding
arguments go into the request body as they are, so server-specific ones (vLLM's ``top_k``) work.
"""

from __future__ import annotations

from typing import Any

from plug_eval.llm.backends._sdk import SdkBackend, classify
from plug_eval.llm.base import Reply, Request

MINIMUM = (1, 40)


class OpenAIBackend(SdkBackend):
    default_host = "api.openai.com"
    name = "openai"
    sdk_name, minimum, client_class = "openai", MINIMUM, "AsyncOpenAI"
    key_env, base_env, default_url = "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com"
    key_hint = " (or --base-url for a local OpenAI-compatible server)"

    async def complete(self, request: Request) -> Reply:
        client = self._connect()
        messages = ([{"role": "system", "content": request.system}] if request.system else [])
        messages.append({"role": "user", "content": request.user})
        body = {"model": self.options.model, "messages": messages, **request.decoding}
        try:
            # client.post is the SDK's public way to send a raw body: same auth, retries (off),
            # errors and JSON decoding as chat.completions.create, without its per-call TypedDict
            # transform and pydantic construction (about 1.5 ms of CPU per call together, the
            # largest cost at 64 calls in flight).  A body without these fields is malformed.
            resp = await client.post("/chat/completions", body=body, cast_to=dict[str, Any])
            choice = resp["choices"][0]
            usage = resp.get("usage") or {}
            return Reply(text=choice["message"].get("content") or "",
                              input_tokens=usage.get("prompt_tokens"), output_tokens=usage.get("completion_tokens"),
                              finish_reason=choice.get("finish_reason"))
        except Exception as err:  # every failure becomes a classified JudgeCallError
            raise classify(err, self._sdk) from None
