"""What a backend is: one small class with one async method that makes one LLM call.

Every LLM job (judging, grading, X-TruthfulQA, translation) calls models through this.  The
engine (:mod:`plug_eval.llm.engine`) owns retries, concurrency, the store and the budget, and
:mod:`plug_eval.llm.prices` the cost; a backend only turns a :class:`Request` into a
:class:`Reply`, and says whether a failure is worth retrying by raising
:class:`TransientError` (429, 5xx, timeouts, dropped connections, malformed bodies) or
:class:`PermanentError` (anything a retry cannot fix).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from plug_eval.errors import PlugEvalError

if TYPE_CHECKING:
    from plug_eval.llm.batch_api import BatchAPI


@dataclass(frozen=True)
class Request:
    """One rendered prompt, plus the structured inputs that rule-based backends read."""

    system: str | None
    user: str
    decoding: Mapping[str, Any]
    lang: str | None = None
    answers: tuple[str, ...] = ()  #: the answers in slot order (first, second), untruncated


@dataclass(frozen=True)
class Reply:
    """The raw text of one reply with the usage the provider reported (None when unknown)."""

    text: str
    input_tokens: int | None = None
    output_tokens: int | None = None
    finish_reason: str | None = None


#: What went wrong with a call, as stored (``error_kind``) and counted in the progress line
#: (``expired`` and ``canceled``: a request of a provider's batch that the batch never processed).
ERROR_KINDS = ("auth", "rate", "server", "connection", "timeout", "malformed", "too-long", "expired", "canceled",
               "other")


class CallError(Exception):
    """A call that did not produce a reply; ``reason`` is stored with the judgment, ``kind`` is one
    of :data:`ERROR_KINDS`."""

    def __init__(self, reason: str, retry_after: float | None = None, kind: str = "other") -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.kind = kind


class TransientError(CallError):
    """Worth another try after a backoff (rate limit, overload, timeout, bad body)."""


class PermanentError(CallError):
    """A retry will not help (bad request, a prompt too long for the model)."""


class FatalError(PermanentError):
    """No call of this run can succeed (authentication, permission, unknown model): the engine
    stops the run at the first one and stores nothing for it."""


@dataclass
class BackendOptions:
    """What a backend is built with; ``secrets`` are redacted from any stored text."""

    model: str
    base_url: str | None = None
    timeout: float = 120.0
    extra: dict[str, Any] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)


class Backend(ABC):
    """A backend.  Subclasses set ``name`` and implement :meth:`complete`.

    ``batch_size`` > 1 means the backend also implements :meth:`complete_batch`, and the
    engine hands it that many requests at a time (a local model generates them together).
    ``local`` backends cost nothing and need no API key.
    """

    name: str = ""
    batch_size: int = 1
    local: bool = False
    #: decoding arguments a generic preset sets that this API does not take; dropped unless given by -J
    unsupported_preset_args: tuple[str, ...] = ()

    def __init__(self, options: BackendOptions) -> None:
        self.options = options
        self.add_url_secrets(options.base_url)

    @abstractmethod
    async def complete(self, request: Request) -> Reply:
        """Make one call and return its reply, or raise a :class:`CallError`."""

    async def complete_batch(self, requests: Sequence[Request]) -> list[Reply | CallError]:
        """Several requests at once; by default one call each."""
        out: list[Reply | CallError] = []
        for req in requests:
            try:
                out.append(await self.complete(req))
            except CallError as err:
                out.append(err)
        return out

    def check(self) -> None:  # noqa: B027 - an optional hook: most backends have nothing to check
        """Raise a ``PlugEvalError`` if the backend cannot work (missing key or SDK); no call."""

    async def aclose(self) -> None:  # noqa: B027 - an optional hook: most backends hold no connection
        """Release connections; called once when a run ends."""

    def batch_api(self) -> BatchAPI | None:
        """The provider's batch API (``--batch``, :mod:`plug_eval.llm.batch`), or None: this
        backend makes live calls only."""
        return None

    #: the host calls go to when neither --base-url nor the SDK's environment variable says otherwise
    default_host: str | None = None

    def effective_base_url(self) -> str | None:
        """Where calls really go: ``--base-url``, else the SDK's environment variable, else its
        default (SDK backends resolve it from their client); None for backends that call no server."""
        return self.options.base_url

    def identity(self) -> dict[str, Any]:
        """What goes into a call's key: backend, server host and model (never a secret).

        The host is the effective base URL's (a local server named by ``OPENAI_BASE_URL`` is a
        different model from the provider's API); the provider's default host stays None, as it
        always was, so judgments keyed before this rule keep their keys."""
        host = base_url_host(self.effective_base_url())
        if self.options.base_url is None and host == self.default_host:
            host = None
        return {"backend": self.name, "host": host, "model": self.options.model}

    def add_url_secrets(self, url: str | None) -> None:
        """Treat the credentials a URL carries (``user:pass@``, the query string) as secrets."""
        if not url:
            return
        parts = urlsplit(url if "//" in url else "//" + url)
        if "@" in parts.netloc:
            userinfo = parts.netloc.rsplit("@", 1)[0]
            self.options.secrets.extend([userinfo, *userinfo.split(":", 1)])
        if parts.query:
            self.options.secrets.append(parts.query)
            self.options.secrets.extend(v for part in parts.query.split("&") for v in part.split("=", 1)[1:])

    def redact(self, text: str) -> str:
        """Remove API keys from text that will be stored or printed (error bodies can echo them)."""
        for secret in sorted(self.options.secrets, key=len, reverse=True):
            if secret and len(secret) >= 4:
                text = text.replace(secret, "[REDACTED]")
        return text


def redact_url(url: str | None) -> str | None:
    """A URL safe to store and show: user:password@ and the query string (``?api-key=...``) redacted."""
    if not url:
        return url
    parts = urlsplit(url if "//" in url else "//" + url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "[REDACTED]@" + netloc.rsplit("@", 1)[1]
    query = "[REDACTED]" if parts.query else ""
    fragment = "[REDACTED]" if parts.fragment else ""
    out = urlunsplit((parts.scheme, netloc, parts.path, query, fragment))
    return out if "//" in url else out.lstrip("/")


def check_base_url(url: str | None, where: str) -> None:
    """Refuse a base URL with ``user:password@`` before any call: the official SDKs send the API
    key as a bearer token and never these credentials (their aiohttp transport rejects the URL on
    every call).  ``where`` names the flag or variable the URL came from."""
    if not url:
        return
    parts = urlsplit(url if "//" in url else "//" + url)
    if "@" in parts.netloc:
        raise PlugEvalError(f"{where} {redact_url(url)}: a user:password@ in the URL is not sent to the server "
                            "(the SDK authenticates with the API key); remove it and export the key "
                            "(OPENAI_API_KEY / ANTHROPIC_API_KEY)")


def base_url_host(url: str | None) -> str | None:
    """The host[:port] of a base URL: a local server and the provider's API are different models."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    return parts.netloc.rsplit("@", 1)[-1] or None
