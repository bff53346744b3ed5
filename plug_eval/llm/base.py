"""What a backend is: one small class with one async method that makes one LLM call.

Every LLM job (judging, grading, X-TruthfulQA, translation) calls models through this.  The
engine (:mod:`plug_eval.llm.engine`) owns retries, concurrency, the store and the budget, and
:mod:`plug_eval.llm.prices` the cost; a backend only turns a :class:`Request` into a
:class:`Reply`, and says whether a failure is worth retrying by raising
:class:`TransientError` (429, 5xx, timeouts, dropped connections, malformed bodies) or
:class:`PermanentError` (anything a retry cannot fix).
"""

from __future__ import annotations

import re
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
    """The raw text of one reply with the usage the provider reported (None when unknown).

    ``notes`` say what :func:`reply` had to normalise to make a valid but unusual reply storable
    (``content_parts``, ``usage_text``, ``usage_unreadable``, ``lone_surrogate``, ``refusal``)."""

    text: str
    input_tokens: int | None = None
    output_tokens: int | None = None
    finish_reason: str | None = None
    notes: tuple[str, ...] = ()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with every lone surrogate (half of an escaped pair, not Unicode text) as U+FFFD,
    so it can be written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def _count(value: Any, notes: list[str]) -> int | None:
    """A token count as a server sent it: an int, an integral float or a numeric string; None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        notes.append("usage_text")
        return int(value.strip())
    notes.append("usage_unreadable")
    return None


def _text(content: Any, notes: list[str]) -> str:
    """Reply text from a string, a list of content parts (``{"type": "text", "text": ...}``) or nothing."""
    if content is None:
        return ""
    if isinstance(content, list):
        notes.append("content_parts")
        return "".join(part if isinstance(part, str) else str(part.get("text") or "")
                       for part in content if isinstance(part, str | dict))
    return content if isinstance(content, str) else str(content)


def reply(content: Any, input_tokens: Any = None, output_tokens: Any = None, finish_reason: Any = None,
          refusal: Any = None) -> Reply:
    """A :class:`Reply` from what a server sent, in any valid shape, always storable as UTF-8.

    Content parts are joined; token counts sent as strings are read as numbers, and anything else
    is unknown (never a crash); a lone surrogate (half of an escaped pair) becomes U+FFFD; a
    refusal sent instead of content is kept as the text, noted."""
    notes: list[str] = []
    text = _text(content, notes)
    if not text and isinstance(refusal, str) and refusal:
        text, notes = refusal, [*notes, "refusal"]
    if storable(text) != text:
        text = storable(text)
        notes.append("lone_surrogate")
    finish = finish_reason if isinstance(finish_reason, str) else None
    return Reply(text, _count(input_tokens, notes), _count(output_tokens, notes), finish, tuple(dict.fromkeys(notes)))


MAX_CONSECUTIVE_FAILURES = 20  #: connection failures or timeouts in a row that stop a run (a dead server)

#: What went wrong with a call, as stored (``error_kind``) and counted in the progress line;
#: ``unrecordable`` is a paid reply that could not be recorded as the job's record (kept raw).
#: ``expired`` and ``canceled``: a request of a provider's batch that the batch never processed.
ERROR_KINDS = ("auth", "refused", "rate", "server", "connection", "timeout", "malformed", "too-long",
               "unrecordable", "expired", "canceled", "other")


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

    @property
    def elastic(self) -> bool:
        """Whether the server absorbs any concurrency (a provider's API), so the engine may start at
        ``--concurrency``; a server of the user's may answer one request at a time (see
        :class:`plug_eval.llm.pacing.Window`)."""
        return self.default_host is not None and canonical_host(self.effective_base_url()) == self.default_host

    def effective_base_url(self) -> str | None:
        """Where calls really go: ``--base-url``, else the SDK's environment variable, else its
        default (SDK backends resolve it from their client); None for backends that call no server."""
        return self.options.base_url

    def identity(self) -> dict[str, Any]:
        """What goes into a call's key: backend, server host and model (never a secret).

        The host is the effective base URL's, in one spelling (:func:`canonical_host`): a local
        server named by ``OPENAI_BASE_URL`` is a different model from the provider's API, but
        ``--base-url https://api.openai.com/v1`` spelled out is the provider's API, whose host
        stays None as it always was."""
        host = canonical_host(self.effective_base_url())
        return {"backend": self.name, "host": None if host == self.default_host else host,
                "model": self.options.model}

    def legacy_identities(self) -> list[dict[str, Any]]:
        """Identities that earlier releases keyed the same server's calls with (the host as the URL
        spelled it, the provider's host when given by --base-url), to find their stored calls."""
        raw = base_url_host(self.effective_base_url())
        hosts = [None if self.options.base_url is None and raw == self.default_host else raw]
        now = self.identity()
        if now["host"] is None and self.default_host:
            hosts += [self.default_host, f"{self.default_host}:443"]
        return [{**now, "host": h} for h in dict.fromkeys(hosts) if h != now["host"]]

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


DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """One spelling of a base URL: scheme and host in lower case, no default port, no trailing
    slash (credentials and query kept, for :func:`redact_url`); None and "" as they are."""
    if not url:
        return url
    parts = urlsplit(url if "//" in url else "//" + url)
    try:
        port = parts.port
    except ValueError:  # not a port number: leave the URL as the user wrote it
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    userinfo = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    netloc = userinfo + host + (f":{port}" if port and port != DEFAULT_PORTS.get(scheme) else "")
    out = urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, parts.fragment))
    return out if "//" in url else out.lstrip("/")


def identity_url(url: str | None) -> str | None:
    """A base URL as a run directory's identity holds it: credentials redacted, one spelling."""
    return canonical_url(redact_url(url))


def canonical_host(url: str | None) -> str | None:
    """The host[:port] of a base URL in one spelling (lower case, no default port)."""
    return base_url_host(canonical_url(url))


def base_url_host(url: str | None) -> str | None:
    """The host[:port] of a base URL: a local server and the provider's API are different models."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    return parts.netloc.rsplit("@", 1)[-1] or None
