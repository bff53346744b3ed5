"""``anthropic:MODEL``: the Messages API through the official SDK.

The current SDK's ``messages.create`` has no ``temperature``/``top_p``/``top_k`` parameters,
so the generic presets' ``temperature: 0`` is dropped for this backend (and left out of the
judgment key); set one explicitly with ``-J temperature=0`` and it is sent in the body, where
honouring it is the service's business.  The key comes from ``ANTHROPIC_API_KEY``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from plug_eval.llm.backends._sdk import SdkBackend, classify
from plug_eval.llm.base import Reply, Request, reply

MINIMUM = (0, 40)
DEFAULT_MAX_TOKENS = 1024


def without_v1(url: str | None) -> str | None:
    """A base URL without a trailing ``/v1``: the SDK adds ``/v1/messages`` itself, so a URL
    copied from an OpenAI-style setting would call ``/v1/v1/messages``."""
    if not url:
        return url
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return urlunsplit(parts._replace(path=path[:-3])) if path.endswith("/v1") else url


class AnthropicBackend(SdkBackend):
    default_host = "api.anthropic.com"
    name = "anthropic"
    unsupported_preset_args = ("temperature", "top_p", "top_k")
    sdk_name, minimum, client_class = "anthropic", MINIMUM, "AsyncAnthropic"
    key_env, base_env, default_url = "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com"

    def effective_base_url(self) -> str | None:
        if self._base_url is None:
            self._base_url = without_v1(super().effective_base_url())
        return self._base_url

    def body_of(self, request: Request) -> dict[str, Any]:
        """The Messages API body of one request (a live call's, or one request of a batch)."""
        body: dict[str, Any] = {"model": self.options.model, "max_tokens": DEFAULT_MAX_TOKENS,
                                "messages": [{"role": "user", "content": request.user}], **request.decoding}
        if request.system:
            body["system"] = request.system
        return body

    async def complete(self, request: Request) -> Reply:
        client = self._connect()
        try:
            # The raw body through the SDK's public client.post (as the openai backend does):
            # same auth, errors and JSON decoding as messages.create, far less CPU per call.
            return self.reply_of(await client.post("/v1/messages", body=self.body_of(request), cast_to=dict[str, Any]))
        except Exception as err:  # every failure becomes a classified CallError
            raise classify(err, self._sdk) from None

    @staticmethod
    def reply_of(resp: dict[str, Any]) -> Reply:
        """The reply in a Messages API body (a live response, or a batch result's message)."""
        parts = [b for b in resp["content"] if isinstance(b, dict) and b.get("type") == "text"]
        usage = resp.get("usage") if isinstance(resp.get("usage"), dict) else {}
        finish = "length" if resp.get("stop_reason") == "max_tokens" else resp.get("stop_reason")
        return reply("".join(str(b.get("text") or "") for b in parts), usage.get("input_tokens"),
                     usage.get("output_tokens"), finish)
