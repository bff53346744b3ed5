"""What a provider's batch API is to the call layer: five steps, the same for OpenAI and Anthropic.

A backend that can batch returns one of these from :meth:`~plug_eval.llm.base.Backend.batch_api`
(``openai`` and ``anthropic`` do; their classes live beside their live calls, in
:mod:`plug_eval.llm.backends`).  The batch runner (:mod:`plug_eval.llm.batch`) only ever uses
these steps:

* :meth:`BatchAPI.entry` -- one request as a batch carries it, its ``custom_id`` the call's store
  key and its body the backend's ``body_of(request)``, byte for byte what a live call sends;
* :meth:`BatchAPI.submit` -- send the entries as one batch, tagged so that :meth:`BatchAPI.find`
  can look it up again if the run dies before it recorded the batch's id;
* :meth:`BatchAPI.retrieve` -- the batch's state now (:class:`Remote`);
* :meth:`BatchAPI.results` -- each request's reply, read with the backend's ``reply_of`` as a
  live reply is, or its error (:class:`~plug_eval.llm.base.CallError`, of its kind);
* :meth:`BatchAPI.cancel`.

Every step raises a classified :class:`~plug_eval.llm.base.CallError` when the provider fails.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plug_eval.llm.base import CallError, Reply, Request, TransientError

#: the metadata key (OpenAI) under which a batch carries the tag of the intent that submitted it
TAG_KEY = "plug_eval_intent"


@dataclass
class Remote:
    """What the provider says of one batch now."""

    id: str
    state: str  #: the provider's own word: validating, in_progress, ended, cancelled ...
    ended: bool  #: no request of it will be processed any more: its results can be read
    done: int = 0  #: requests processed so far, as far as the provider tells
    total: int = 0
    created: float | None = None  #: unix time at the provider
    failed: str | None = None  #: why the batch failed as a whole (then no request of it was processed)
    unanswered: str = "other"  #: the error kind of a request with no result line (expired, canceled)
    handle: Any = None  #: the provider's own object, for :meth:`BatchAPI.results`


class BatchAPI(ABC):
    """One provider's batch API over a backend's SDK client."""

    provider: str = ""
    max_requests: int = 0  #: requests per batch, at most
    max_bytes: int = 0  #: bytes per batch, at most (its JSON lines or its request body)
    #: whether :meth:`find` knows a batch by its tag for sure (OpenAI's metadata); else it returns
    #: candidates by size and time, verified by their results' custom ids (Anthropic: no metadata)
    finds_by_tag: bool = True

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    @abstractmethod
    def entry(self, key: str, request: Request) -> dict[str, Any]:
        """One request as the batch carries it (``custom_id`` = ``key``)."""

    def size(self, entry: dict[str, Any]) -> int:
        """Bytes the entry takes in a batch: JSON with every non-ASCII character escaped, the
        longer of the ways the SDKs encode it, plus its separator."""
        return len(json.dumps(entry, separators=(", ", ": "))) + 1

    @abstractmethod
    async def submit(self, entries: list[dict[str, Any]], tag: str) -> Remote:
        """Send the entries as one batch, tagged ``tag``."""

    @abstractmethod
    async def find(self, tag: str, since: float, count: int) -> list[Remote]:
        """Batches created since ``since`` (unix time) that may be the one submitted with ``tag``
        (``count`` requests)."""

    @abstractmethod
    async def retrieve(self, batch_id: str) -> Remote:
        """The batch's state now."""

    @abstractmethod
    async def results(self, remote: Remote) -> list[tuple[str, Reply | CallError]]:
        """(custom_id, reply or error) of every request of an ended batch that has a result."""

    @abstractmethod
    async def cancel(self, batch_id: str) -> Remote:
        """Ask the provider to stop the batch; what it processed stays readable."""


def as_dict(value: Any) -> dict[str, Any]:
    """A field of a provider's JSON that should be an object: itself, else an empty one."""
    return value if isinstance(value, dict) else {}


def read_reply(reply_of: Callable[[dict[str, Any]], Reply], body: Any) -> Reply | CallError:
    """A result's body read as a live reply is; a body without the fields is malformed."""
    try:
        return reply_of(body)
    except (KeyError, TypeError, IndexError, AttributeError) as err:
        return TransientError(f"malformed response body ({err.__class__.__name__}: {err})", kind="malformed")


def unprocessed(kind: str) -> CallError:
    """The error of a request the batch never processed (``expired``, ``canceled``)."""
    why = {"expired": "the batch expired before this request was processed",
           "canceled": "the batch was cancelled before this request was processed"}
    return CallError(why.get(kind, "the batch ended without a result for this request"), kind=kind)
