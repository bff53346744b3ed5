"""``anthropic:MODEL``: the Messages API through the official SDK.

The current SDK's ``messages.create`` has no ``temperature``/``top_p``/``top_k`` parameters,
so the generic presets' ``temperature: 0`` is dropped for this backend (and left out of the
judgment key); set one explicitly with ``-J temperature=0`` and it is sent in the body, where
honouring it is the service's business.  The key comes from ``ANTHROPIC_API_KEY``.

``--batch`` sends the calls through the Message Batches API instead (:class:`AnthropicBatches`):
``messages.batches.create`` with each request's ``params`` the live call's body,
``messages.batches.retrieve``, and the results file read raw from the batch's ``results_url``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from plug_eval import files
from plug_eval.llm.backends._sdk import SdkBackend, classify, status_error
from plug_eval.llm.base import CallError, Reply, Request, reply
from plug_eval.llm.batch_api import BatchAPI, Remote, as_dict, read_reply, unprocessed

MINIMUM = (0, 40)
DEFAULT_MAX_TOKENS = 1024
#: the HTTP status of each error type of the Messages API, for a batch request that errored
ERROR_STATUS = {"invalid_request_error": 400, "authentication_error": 401, "billing_error": 402,
                "permission_error": 403, "not_found_error": 404, "request_too_large": 413, "rate_limit_error": 429,
                "api_error": 500, "timeout_error": 504, "overloaded_error": 529}


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

    def batch_api(self) -> AnthropicBatches:
        return AnthropicBatches(self)

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
        usage: dict[str, Any] = resp["usage"] if isinstance(resp.get("usage"), dict) else {}
        finish = "length" if resp.get("stop_reason") == "max_tokens" else resp.get("stop_reason")
        return reply("".join(str(b.get("text") or "") for b in parts), usage.get("input_tokens"),
                     usage.get("output_tokens"), finish)


class AnthropicBatches(BatchAPI):
    """Message Batches: at most 100,000 requests and 256 MB per batch.  A batch carries no
    metadata, so :meth:`find` returns the batches of the same size created since the intent:
    candidates, each verified by its results' custom ids."""

    provider = "anthropic"
    max_requests, max_bytes = 100_000, 256_000_000
    finds_by_tag = False
    backend: AnthropicBackend

    def entry(self, key: str, request: Request) -> dict[str, Any]:
        return {"custom_id": key, "params": self.backend.body_of(request)}

    async def submit(self, entries: list[dict[str, Any]], tag: str) -> Remote:
        return self._remote(await self.backend.sdk_call(lambda c: c.messages.batches.create(requests=entries)))

    async def find(self, tag: str, since: float, count: int) -> list[Remote]:
        async def newest(client: Any) -> list[Remote]:
            found = []
            async for batch in client.messages.batches.list(limit=100):  # newest first
                remote = self._remote(batch)
                if (remote.created or 0.0) < since:
                    break
                if remote.total == count:
                    found.append(remote)
            return found

        return await self.backend.sdk_call(newest)

    async def retrieve(self, batch_id: str) -> Remote:
        return self._remote(await self.backend.sdk_call(lambda c: c.messages.batches.retrieve(batch_id)))

    async def cancel(self, batch_id: str) -> Remote:
        return self._remote(await self.backend.sdk_call(lambda c: c.messages.batches.cancel(batch_id)))

    async def results(self, remote: Remote) -> list[tuple[str, Reply | CallError]]:
        url = remote.handle.results_url
        if not url:
            return []
        data = await self.backend.sdk_call(lambda c: c.get(url, cast_to=bytes,
                                                           options={"headers": {"Accept": "application/binary"}}))
        return [(str(row.get("custom_id")), self._result(row.get("result"))) for row in files.scan_lines(data).rows]

    def _result(self, result: Any) -> Reply | CallError:
        result = as_dict(result)
        kind = result.get("type")
        if kind == "succeeded":
            return read_reply(self.backend.reply_of, result.get("message"))
        if kind in ("expired", "canceled"):
            return unprocessed(str(kind))
        outer = as_dict(result.get("error"))
        error = as_dict(outer.get("error")) or outer
        return status_error(ERROR_STATUS.get(str(error.get("type")), 500), str(error.get("message") or result))

    @staticmethod
    def _remote(batch: Any) -> Remote:
        c = batch.request_counts
        done = c.succeeded + c.errored + c.canceled + c.expired
        unanswered = "canceled" if batch.cancel_initiated_at else "expired"
        return Remote(batch.id, batch.processing_status, batch.processing_status == "ended", done,
                      done + c.processing, batch.created_at.timestamp(), None, unanswered, batch)
