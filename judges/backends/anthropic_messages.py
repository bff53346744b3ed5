"""``anthropic:MODEL``: the Messages API through the official SDK.

The current SDK's ``messages.create`` has no ``temperature``/``top_p``/``top_k`` parameters,
so the generic presets' ``temperature: 0`` is dropped for this backend (and left out of the
judgment key); set one explicitly with ``-J temperature=0`` and it is sent in the body, where
honouring it is the service's business.  The key comes from ``ANTHROPIC_API_KEY``.
"""

from __future__ import annotations

import os
from typing import Any

from plug_eval.judges.backends._sdk import async_client, classify, import_sdk, resolved_base_url
from plug_eval.judges.base import Backend, BackendOptions, JudgeReply, JudgeRequest, check_base_url

from plug_eval.errors import PlugEvalError

MINIMUM = (0, 40)
DEFAULT_MAX_TOKENS = 1024


class AnthropicBackend(Backend):
    default_host = "api.anthropic.com"
    name = "anthropic"
    unsupported_preset_args = ("temperature", "top_p", "top_k")

    def __init__(self, options: BackendOptions) -> None:
        super().__init__(options)
        self._key = os.environ.get("ANTHROPIC_API_KEY") or ("EMPTY" if options.base_url else None)
        if self._key:
            options.secrets.append(self._key)
        self._client: Any = None
        self._sdk: Any = None
        self._base_url: str | None = None

    def effective_base_url(self) -> str | None:
        if self._base_url is None:
            try:
                sdk = import_sdk("anthropic", MINIMUM)
            except PlugEvalError:  # no SDK: what it would have read
                given = self.options.base_url or os.environ.get("ANTHROPIC_BASE_URL")
                check_base_url(given, "--base-url" if self.options.base_url else "ANTHROPIC_BASE_URL")
                self._base_url = given or "https://api.anthropic.com"
            else:
                self._base_url = resolved_base_url(sdk, "Anthropic", self.options, "ANTHROPIC_BASE_URL")
            self.add_url_secrets(self._base_url)
        return self._base_url

    def check(self) -> None:
        import_sdk("anthropic", MINIMUM)
        if not self._key:
            raise PlugEvalError("the anthropic judge needs an API key: export ANTHROPIC_API_KEY=...")

    def _connect(self) -> Any:
        if self._client is None:
            self.check()
            self._sdk = import_sdk("anthropic", MINIMUM)
            self._client = async_client(self._sdk, "AsyncAnthropic", self._key, self.effective_base_url(),
                                        self.options.timeout)
        return self._client

    async def judge(self, request: JudgeRequest) -> JudgeReply:
        client = self._connect()
        body: dict[str, Any] = {"model": self.options.model, "max_tokens": DEFAULT_MAX_TOKENS,
                                "messages": [{"role": "user", "content": request.user}], **request.decoding}
        if request.system:
            body["system"] = request.system
        try:
            # The raw body through the SDK's public client.post (as the openai backend does):
            # same auth, errors and JSON decoding as messages.create, far less CPU per call.
            resp = await client.post("/v1/messages", body=body, cast_to=dict[str, Any])
            text = "".join(b.get("text", "") for b in resp["content"] if b.get("type") == "text")
            usage = resp.get("usage") or {}
            finish = "length" if resp.get("stop_reason") == "max_tokens" else resp.get("stop_reason")
            return JudgeReply(text=text, input_tokens=usage.get("input_tokens"),
                              output_tokens=usage.get("output_tokens"), finish_reason=finish)
        except Exception as err:  # every failure becomes a classified JudgeCallError
            raise classify(err, self._sdk) from None

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
