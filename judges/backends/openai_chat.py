"""``openai:MODEL``: chat completions through the official SDK.

Chat completions is what OpenAI, vLLM, llama.cpp's server and Ollama all serve, so
``--base-url http://host:8000/v1`` points this backend at any of them.  The key comes from
``OPENAI_API_KEY``; a local server (``--base-url``) without a key gets a placeholder.  Decoding
arguments go into the request body as they are, so server-specific ones (vLLM's ``top_k``) work.
"""

from __future__ import annotations

import os
from typing import Any

from plug_eval.judges.backends._sdk import async_client, classify, import_sdk, resolved_base_url
from plug_eval.judges.base import Backend, BackendOptions, JudgeReply, JudgeRequest, check_base_url

from plug_eval.errors import PlugEvalError

MINIMUM = (1, 40)


class OpenAIBackend(Backend):
    default_host = "api.openai.com"
    name = "openai"

    def __init__(self, options: BackendOptions) -> None:
        super().__init__(options)
        self._key = os.environ.get("OPENAI_API_KEY") or ("EMPTY" if options.base_url else None)
        if self._key:
            options.secrets.append(self._key)
        self._client: Any = None
        self._sdk: Any = None
        self._base_url: str | None = None

    def effective_base_url(self) -> str | None:
        if self._base_url is None:
            try:
                sdk = import_sdk("openai", MINIMUM)
            except PlugEvalError:  # no SDK: what it would have read
                given = self.options.base_url or os.environ.get("OPENAI_BASE_URL")
                check_base_url(given, "--base-url" if self.options.base_url else "OPENAI_BASE_URL")
                self._base_url = given or "https://api.openai.com"
            else:
                self._base_url = resolved_base_url(sdk, "OpenAI", self.options, "OPENAI_BASE_URL")
            self.add_url_secrets(self._base_url)
        return self._base_url

    def check(self) -> None:
        import_sdk("openai", MINIMUM)
        if not self._key:
            raise PlugEvalError("the openai judge needs an API key: export OPENAI_API_KEY=... "
                                "(or --base-url for a local OpenAI-compatible server)")

    def _connect(self) -> Any:
        if self._client is None:
            self.check()
            self._sdk = import_sdk("openai", MINIMUM)
            self._client = async_client(self._sdk, "AsyncOpenAI", self._key, self.effective_base_url(),
                                        self.options.timeout)
        return self._client

    async def judge(self, request: JudgeRequest) -> JudgeReply:
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
            return JudgeReply(text=choice["message"].get("content") or "",
                              input_tokens=usage.get("prompt_tokens"), output_tokens=usage.get("completion_tokens"),
                              finish_reason=choice.get("finish_reason"))
        except Exception as err:  # every failure becomes a classified JudgeCallError
            raise classify(err, self._sdk) from None

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
