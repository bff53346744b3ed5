"""``openai:MODEL``: chat completions through the official SDK.

Chat completions is what OpenAI, vLLM, llama.cpp's server and Ollama all serve, so
``--base-url http://host:8000/v1`` points this backend at any of them.  The key comes from
``OPENAI_API_KEY``; a local server (``--base-url``) without a key gets a placeholder.
"""

from __future__ import annotations

import os
from typing import Any

from plug_eval.errors import PlugEvalError

from ..base import Backend, BackendOptions, JudgeReply, JudgeRequest
from ._sdk import aiohttp_client, classify, import_sdk

#: Arguments the SDK takes by name; anything else travels in ``extra_body`` (e.g. vLLM's top_k).
SDK_ARGS = {"temperature", "top_p", "max_tokens", "max_completion_tokens", "seed", "stop", "presence_penalty",
            "frequency_penalty", "reasoning_effort", "n", "logprobs", "top_logprobs", "response_format"}
MINIMUM = (1, 40)


class OpenAIBackend(Backend):
    name = "openai"

    def __init__(self, options: BackendOptions) -> None:
        super().__init__(options)
        self._key = os.environ.get("OPENAI_API_KEY") or ("EMPTY" if options.base_url else None)
        if self._key:
            options.secrets.append(self._key)
        self._client: Any = None
        self._sdk: Any = None

    def check(self) -> None:
        import_sdk("openai", MINIMUM)
        if not self._key:
            raise PlugEvalError("the openai judge needs an API key: export OPENAI_API_KEY=... "
                                "(or --base-url for a local OpenAI-compatible server)")

    def _connect(self) -> Any:
        if self._client is None:
            self.check()
            self._sdk = import_sdk("openai", MINIMUM)
            kwargs: dict[str, Any] = {"api_key": self._key, "base_url": self.options.base_url,
                                      "timeout": self.options.timeout, "max_retries": 0}
            transport = aiohttp_client(self._sdk)
            if transport is not None:
                kwargs["http_client"] = transport
            self._client = self._sdk.AsyncOpenAI(**kwargs)
        return self._client

    async def judge(self, request: JudgeRequest) -> JudgeReply:
        client = self._connect()
        messages = ([{"role": "system", "content": request.system}] if request.system else [])
        messages.append({"role": "user", "content": request.user})
        named = {k: v for k, v in request.decoding.items() if k in SDK_ARGS}
        extra = {k: v for k, v in request.decoding.items() if k not in SDK_ARGS}
        try:
            resp = await client.chat.completions.create(model=self.options.model, messages=messages,
                                                        extra_body=extra or None, **named)
            choice = resp.choices[0]
            usage = resp.usage
            return JudgeReply(text=choice.message.content or "",
                              input_tokens=getattr(usage, "prompt_tokens", None),
                              output_tokens=getattr(usage, "completion_tokens", None),
                              finish_reason=choice.finish_reason)
        except Exception as err:  # every failure becomes a classified JudgeCallError
            raise classify(err, self._sdk) from None

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
