"""``openai:MODEL``: chat completions through the official SDK.

Chat completions is what OpenAI, vLLM, llama.cpp's server and Ollama all serve, so
``--base-url http://host:8000/v1`` points this backend at any of them.  The key comes from
``OPENAI_API_KEY``; a local server (``--base-url``) without a key gets a placeholder.  Decoding
arguments go into the request body as they are, so server-specific ones (vLLM's ``top_k``) work.

``--batch`` sends the calls through the Batch API instead (:class:`OpenAIBatches`): the entries as
one JSONL file uploaded with ``files.create`` (purpose ``batch``), ``batches.create`` for
``/v1/chat/completions`` tagged in its metadata, ``batches.retrieve``, and the output and error
files read with ``files.content``.  Any OpenAI-compatible server that offers these routes works.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from plug_eval import files
from plug_eval.llm.backends._sdk import SdkBackend, classify, status_error
from plug_eval.llm.base import CallError, Reply, Request, reply
from plug_eval.llm.batch_api import TAG_KEY, BatchAPI, Remote, as_dict, read_reply, unprocessed

MINIMUM = (1, 40)
ENDPOINT = "/v1/chat/completions"
ENDED = {"completed", "expired", "cancelled", "failed"}
#: the error code of a request an expired or cancelled batch never processed
UNPROCESSED = {"batch_expired": "expired", "batch_cancelled": "canceled"}


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

    def batch_api(self) -> OpenAIBatches:
        return OpenAIBatches(self)

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


async def _file_content(client: Any, file_id: str) -> Any:
    return await client.files.content(file_id)


class OpenAIBatches(BatchAPI):
    """The Batch API: at most 50,000 requests and 200 MB per input file."""

    provider = "openai"
    max_requests, max_bytes = 50_000, 200_000_000
    backend: OpenAIBackend

    def entry(self, key: str, request: Request) -> dict[str, Any]:
        return {"custom_id": key, "method": "POST", "url": ENDPOINT, "body": self.backend.body_of(request)}

    async def submit(self, entries: list[dict[str, Any]], tag: str) -> Remote:
        data = files.dump_jsonl(entries).encode("utf-8")
        upload = await self.backend.sdk_call(lambda c: c.files.create(
            file=("plug-eval-batch.jsonl", data, "application/jsonl"), purpose="batch"))
        return self._remote(await self.backend.sdk_call(lambda c: c.batches.create(
            input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h", metadata={TAG_KEY: tag})))

    async def find(self, tag: str, since: float, count: int) -> list[Remote]:
        async def newest(client: Any) -> list[Remote]:
            found = []
            async for batch in client.batches.list(limit=100):  # newest first
                if batch.created_at < since:
                    break
                if (batch.metadata or {}).get(TAG_KEY) == tag:
                    found.append(self._remote(batch))
            return found

        return await self.backend.sdk_call(newest)

    async def retrieve(self, batch_id: str) -> Remote:
        return self._remote(await self.backend.sdk_call(lambda c: c.batches.retrieve(batch_id)))

    async def cancel(self, batch_id: str) -> Remote:
        return self._remote(await self.backend.sdk_call(lambda c: c.batches.cancel(batch_id)))

    async def results(self, remote: Remote) -> list[tuple[str, Reply | CallError]]:
        out: list[tuple[str, Reply | CallError]] = []
        for file_id in (remote.handle.output_file_id, remote.handle.error_file_id):
            if file_id:
                content = await self.backend.sdk_call(partial(_file_content, file_id=file_id))
                out += [(str(row.get("custom_id")), self._line(row)) for row in files.scan_lines(content.content).rows]
        return out

    def _line(self, row: dict[str, Any]) -> Reply | CallError:
        """One line of the output or error file: a response (200 or not), or a request error."""
        response, error = row.get("response"), row.get("error")
        if isinstance(response, dict) and response.get("status_code") == 200:
            return read_reply(self.backend.reply_of, response.get("body"))
        if isinstance(response, dict):
            body = as_dict(response.get("body"))
            detail = as_dict(body.get("error"))
            return status_error(int(response.get("status_code") or 500), str(detail.get("message") or body))
        error = as_dict(error)
        code = str(error.get("code") or "")
        if code in UNPROCESSED:
            return unprocessed(UNPROCESSED[code])
        return CallError(f"{code or 'error'}: {error.get('message') or 'no result'}", kind="other")

    @staticmethod
    def _remote(batch: Any) -> Remote:
        counts = batch.request_counts
        errors = [e.message for e in (batch.errors.data or [])] if batch.errors else []
        failed = "; ".join(str(m) for m in errors if m) or "the provider gave no reason"
        return Remote(batch.id, batch.status, batch.status in ENDED,
                      (counts.completed + counts.failed) if counts else 0, counts.total if counts else 0,
                      float(batch.created_at), failed if batch.status == "failed" else None,
                      {"expired": "expired", "cancelled": "canceled"}.get(batch.status, "other"), batch)
