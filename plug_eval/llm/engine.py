"""The engine for batched, resumable, budgeted LLM calls: every LLM job runs on it.

Backends (:mod:`plug_eval.llm.backends`) only make calls; this module decides when, and stores what
came back.  ``concurrency`` workers take calls from one queue (a backend with ``batch_size`` > 1
gets one worker and that many requests at a time).  Before a call a worker reserves its maximum
cost (``max_cost``) and claims its key in the store (another run may hold it: the call goes to
the back of the queue and is skipped once that run's record appears).  Failures that a retry
can fix (:class:`~plug_eval.llm.base.TransientError`) are retried with exponential backoff
and jitter, or after the server's ``retry-after`` capped at ``retry_after_cap``; what still
fails is stored as an error with its reason and kind (``Result.error_kind``), and
``retry_errors`` retries only those (the caller's ``needed`` rule may widen what a retry
asks again).  Each record is appended the moment its call returns, as the caller's ``record``
function builds it.

Two failures stop the whole run instead (``Outcome.fatal`` says why; nothing is stored for the
call): a :class:`~plug_eval.llm.base.FatalError` (authentication, permission, unknown model:
no later call can succeed), and ``max_consecutive_failures`` connection failures in a row (a
dead server; default 20, counted per attempt, reset by any reply).
"""

from __future__ import annotations

import asyncio
import math
import random
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Generic, Protocol, TextIO, TypeVar

from plug_eval.errors import PlugEvalError
from plug_eval.llm.base import (
    MAX_CONSECUTIVE_FAILURES,
    Backend,
    CallError,
    FatalError,
    Reply,
    Request,
    TransientError,
    storable,
)
from plug_eval.llm.pacing import Budget, Progress, Window
from plug_eval.llm.prices import Price, PriceTable, max_call_cost
from plug_eval.llm.store import DiskFull, Store

CLAIM_RETRY_S = 0.02
REFUSED_IN_A_ROW = 3  #: 403s on different prompts, before any reply, that say the endpoint is closed to us
JOURNAL_BYTES_PER_CALL = 128 * 1024  #: space reserved per call in flight for replies a full disk would lose
STOPS_NOW = ("auth", "connection", "timeout", "disk")  #: stops that abandon the calls in flight


class Call(Protocol):
    """What the engine needs of a planned call: its store key and its request."""

    @property
    def key(self) -> str: ...

    @property
    def request(self) -> Request: ...


@dataclass
class Limits:
    """How to run: where the store is, how many calls at once, retries, budget.  None of this
    changes a call's key.  Every command that makes LLM calls takes these, from the same flags
    (:func:`plug_eval.llm.cli.add_run_flags`), and :meth:`check` is the one place they are
    validated."""

    out: Path
    concurrency: int = 8
    max_cost: float | None = None  #: USD for the whole run directory (``spent_before`` included)
    retry_errors: bool = False  #: call the keys stored as errors again
    force: bool = False  #: call every key again, stored or not
    retry_unparsed: bool = False  #: call again the keys whose reply gave the job nothing to use
    max_retries: int = 6
    retry_after_cap: float = 60.0
    backoff_base: float = 0.5
    timeout: float = 120.0
    progress: TextIO | None = sys.stderr
    prices: PriceTable = field(default_factory=PriceTable)
    max_consecutive_failures: int = MAX_CONSECUTIVE_FAILURES  #: connection failures in a row that stop a run
    spent_before: float = 0.0  #: USD the store already holds, counted against ``max_cost``
    accept_new_identity: bool = False  #: reuse a run directory made with another identity
    batch: bool = False  #: send the calls through the provider's batch API (:mod:`plug_eval.llm.batch`)
    wait: bool = True  #: with ``batch``: wait for the batches to end (``--no-wait``: submit and return)

    def check(self) -> None:
        """A one-line :class:`PlugEvalError` naming the flag for the first bad value; before any
        file is read or call paid."""
        rules = [("--concurrency", self.concurrency, self.concurrency >= 1, "at least 1"),
                 ("--max-retries", self.max_retries, self.max_retries >= 0, "0 or more"),
                 ("--timeout", self.timeout, self.timeout > 0, "more than 0 seconds"),
                 ("--retry-after-cap", self.retry_after_cap, self.retry_after_cap >= 0, "0 or more seconds"),
                 ("--max-cost", self.max_cost, self.max_cost is None or self.max_cost >= 0, "0 or more USD"),
                 ("--max-consecutive-failures", self.max_consecutive_failures, self.max_consecutive_failures >= 1,
                  "at least 1")]
        for option, value, ok, rule in rules:
            if not ok or (isinstance(value, float) and math.isnan(value)):
                raise PlugEvalError(f"{option} must be {rule}, not {value}")
        if not self.wait and not self.batch:
            raise PlugEvalError("--no-wait needs --batch: a live run waits for its calls")


C = TypeVar("C", bound=Call)


#: Whether a call must be made, given every record its key has in the store (oldest first).
Needed = Callable[[C, list[dict[str, Any]]], bool]


def settled_rule(limits: Limits) -> Needed[Any]:
    """The default rule: every call with ``force``, else those the store has not settled (a stored
    error counts as settled unless ``retry_errors``)."""
    if limits.force:
        return lambda call, records: True
    if limits.retry_errors:
        return lambda call, records: all(r.get("error") is not None for r in records)
    return lambda call, records: not records


def pending_calls(calls: Sequence[C], store: Store, needed: Needed[C]) -> list[C]:
    """The calls a run must make, by the ``needed`` rule."""
    return [c for c in calls if needed(c, store.by_key.get(c.key, []))]


def check_before_calls(pending: Sequence[C], backend: Backend, max_cost: float | None, price: Price | None,
                       model: str, prompt_of: Callable[[C], str], *, dry: bool = False) -> None:
    """What must hold before the first paid call, as one-line errors: the backend can be called
    (SDK installed, key set, base URL usable) and a ``--max-cost`` can be kept (the model's price
    is known and a call's worst case can be computed).  Nothing to call: nothing to check."""
    if not pending:
        return
    if not dry:  # a dry run makes no call: it needs no key, no SDK, no server
        backend.check()
    if max_cost is not None:
        if price is None:
            raise PlugEvalError(f"--max-cost: no price known for model {model!r}; "
                                "add it with --prices FILE ({model: {input: USD/1M, output: USD/1M}})")
        max_call_cost(prompt_of(pending[0]), pending[0].request.decoding, price)


def retry_delay(err: TransientError, attempt: int, limits: Limits) -> float:
    """How long to wait before attempt ``attempt + 1`` (a call's retries, and a batch's steps): the
    server's retry-after (capped, +0-10% jitter); after a timeout, the timeout again (the server
    may still be working on the request it gave up: a retry now would queue behind it), capped;
    else 0.5 s * 2^n minus 0-25% jitter."""
    if err.retry_after is not None:
        return min(err.retry_after, limits.retry_after_cap) * (1 + 0.1 * random.random())
    if err.kind == "timeout":
        return min(limits.timeout, limits.retry_after_cap) * (1 - 0.25 * random.random())
    base = min(limits.backoff_base * 2 ** (attempt - 1), limits.retry_after_cap)
    return base * (1 - 0.25 * random.random())


@dataclass(frozen=True)
class Result:
    """How one call ended: a reply or an error, with its cost (None when unknown)."""

    reply: Reply | None
    error: str | None
    latency_s: float
    attempts: int
    cost_usd: float | None
    error_kind: str | None = None  #: one of :data:`plug_eval.llm.base.ERROR_KINDS` when ``error``
    cost_bound_usd: float | None = None  #: the call's maximum cost, when its cost is unknown but bounded
    batch_id: str | None = None  #: the provider's batch the call went through (``--batch``)


_ABANDONED = "abandoned"  #: an attempt cut short by a stopped run: nothing to store
_Attempted = tuple[Reply | None, str | None, float, int, str | None]  # reply, error, latency, attempts, kind

#: Builds the stored line of one finished call; it must carry ``key``.
Recorder = Callable[[C, Result], dict[str, Any]]


@dataclass
class Outcome:
    calls: int = 0
    errors: int = 0
    cost: float = 0.0
    stopped: str | None = None  #: "budget", "auth", "connection", "timeout" or "disk" when the run ended early
    fatal: str | None = None  #: the one-line reason of a stop no rerun can fix as it is
    error_kinds: dict[str, int] = field(default_factory=dict)  #: stored errors by kind
    journaled: int = 0  #: replies a full disk sent to the journal
    lost: int = 0  #: replies not even the journal could take


class Engine(Generic[C]):
    """Makes the calls a store does not hold yet, within the limits, recording each as it ends."""

    def __init__(self, backend: Backend, limits: Limits, price: Price | None, record: Recorder[C], *,
                 activity: str = "judging", needed: Needed[C] | None = None) -> None:
        self.backend, self.opts, self.price, self.record = backend, limits, price, record
        self.activity = activity
        self.needed: Needed[C] = needed or settled_rule(limits)
        self.store = Store(limits.out)
        self.budget = Budget(limits.max_cost, limits.spent_before)
        self.max_failures = limits.max_consecutive_failures
        self.failures_in_a_row: dict[str, int] = {}  #: connection failures and timeouts since the last reply
        self.window = Window(limits.concurrency, limits.timeout, elastic=backend.elastic)
        self.answered = False  #: a reply came back in this run
        self.held: list[tuple[C, Result]] = []  #: refusals (403) before any reply, not stored yet
        self.queue: deque[tuple[C, float]] = deque()
        self.outcome = Outcome()
        self.progress: Progress | None = None

    async def run(self, calls: Sequence[C]) -> Outcome:
        unique = list({c.key: c for c in reversed(calls)}.values())[::-1]  # one call per key
        self.queue.extend((c, 0.0) for c in unique)
        n = 1 if self.backend.batch_size > 1 else max(1, self.opts.concurrency)
        self.window = Window(n, self.opts.timeout, elastic=self.backend.elastic)
        self.progress = Progress(len(unique), self.opts.progress, self.activity) if unique else None
        if self.progress:
            self.progress.window = self.window
        self.store.open(journal_bytes=n * JOURNAL_BYTES_PER_CALL)
        self.store.refresh()
        try:
            await asyncio.gather(*(self._worker() for _ in range(min(n, len(unique)))))
            self.refused_endpoint()  # every call refused and none answered: the endpoint's permission
        finally:
            self.store.close()
            await self.backend.aclose()
        return self.outcome

    # ------------------------------------------------------------------ scheduling

    async def _next(self) -> tuple[C, float] | None:
        """The next call this worker may make now, claimed and budgeted; None when done."""
        while self.queue and not self.outcome.stopped:
            call, not_before = self.queue.popleft()
            if not_before > time.monotonic():
                await asyncio.sleep(not_before - time.monotonic())
            if not self._still_needed(call):
                continue
            if not self.store.try_claim(call.key):  # another run is making this call
                self.store.refresh()
                if self._still_needed(call):
                    self.queue.append((call, time.monotonic() + CLAIM_RETRY_S))
                continue
            self.store.refresh()  # the other run may have finished it just before we claimed
            if not self._still_needed(call):
                self.store.release(call.key)
                continue
            reserve = self._reserve_amount(call)
            if not await self.budget.reserve(reserve):
                self.store.release(call.key)
                self.outcome.stopped = "budget"
                return None
            return call, reserve
        return None

    def _still_needed(self, call: C) -> bool:
        """Whether the call must still be made: ``force`` makes each key once per run, whatever
        other runs store meanwhile; otherwise the ``needed`` rule on what the store holds now."""
        return self.opts.force or self.needed(call, self.store.by_key.get(call.key, []))

    def _bound(self, call: C) -> float | None:
        """The most a call can cost: None without a price or a maximum reply length."""
        try:
            return None if self.price is None else max_call_cost(
                (call.request.system or "") + call.request.user, call.request.decoding, self.price)
        except PlugEvalError:  # no max_tokens: no bound
            return None

    def _reserve_amount(self, call: C) -> float:
        if self.opts.max_cost is None or self.price is None:
            return 0.0
        return max_call_cost((call.request.system or "") + call.request.user, call.request.decoding, self.price)

    async def _worker(self) -> None:
        while True:
            batch: list[tuple[C, float]] = []
            for _ in range(self.backend.batch_size):
                nxt = await self._next()
                if nxt is None:
                    break
                batch.append(nxt)
            if not batch:
                return
            try:
                if len(batch) == 1 and self.backend.batch_size == 1:
                    results = [await self._with_retries(batch[0][0])]
                else:
                    results = await self._batch([c for c, _ in batch])
                for (call, reserve), (reply, error, latency, attempts, kind) in zip(batch, results, strict=True):
                    if kind == _ABANDONED:  # the run stopped: this is no judgment, store nothing
                        await self.budget.settle(reserve, 0.0)
                        continue
                    await self._finish(call, reserve, reply, error, latency, attempts, kind)
            finally:
                for call, _ in batch:
                    self.store.release(call.key)

    # ------------------------------------------------------------------ calling

    def _stop(self, why: str, reason: str) -> None:
        if self.outcome.stopped is None or self.outcome.stopped == "budget":
            self.outcome.stopped, self.outcome.fatal = why, reason

    def _failed_attempt(self, err: CallError) -> None:
        """Count connection failures and timeouts in a row; stop the run at the limit (a dead or a
        hanging server).  Any reply resets the count."""
        if err.kind not in ("connection", "timeout"):
            return
        self.failures_in_a_row[err.kind] = self.failures_in_a_row.get(err.kind, 0) + 1
        n = sum(self.failures_in_a_row.values())
        if n >= self.max_failures > 0:
            dead, hung = self.failures_in_a_row.get("connection", 0), self.failures_in_a_row.get("timeout", 0)
            self._stop("connection" if dead else "timeout",
                       f"{n} attempts in a row failed ({dead} could not connect, {hung} had no reply within "
                       f"--timeout {self.opts.timeout:g} s; last: {self.backend.redact(err.reason)}): is the server "
                       "up and answering? (--max-consecutive-failures, --timeout)")

    async def _with_retries(self, call: C) -> _Attempted:
        attempt = 0
        while True:
            attempt += 1
            if self.outcome.stopped in STOPS_NOW:  # stopped while this call waited to retry
                return None, None, 0.0, attempt - 1, _ABANDONED
            await self.window.acquire()  # waiting for a place in the window is not attempt time
            started, signal = time.monotonic(), None
            try:
                reply = await asyncio.wait_for(self.backend.complete(call.request), self.opts.timeout)
                self.failures_in_a_row.clear()
                signal = "reply"
                return reply, None, time.monotonic() - started, attempt, None
            except (CallError, asyncio.TimeoutError) as caught:
                err = caught if isinstance(caught, CallError) else TransientError(
                    f"timeout: no reply within --timeout {self.opts.timeout:g} s", kind="timeout")
                signal = err.kind
            finally:
                await self.window.release(time.monotonic() - started, signal)
            if err.kind == "timeout" and self.progress:
                self.progress.timed_out()
            if isinstance(err, FatalError):
                self._stop("auth", f"the server refused the call: {self.backend.redact(err.reason)}")
                return None, None, time.monotonic() - started, attempt, _ABANDONED
            self._failed_attempt(err)
            if self.outcome.stopped in STOPS_NOW:
                return None, None, time.monotonic() - started, attempt, _ABANDONED
            if not isinstance(err, TransientError) or attempt > self.opts.max_retries:
                return None, self.backend.redact(err.reason), time.monotonic() - started, attempt, err.kind
            await asyncio.sleep(self._delay(err, attempt))

    def _delay(self, err: TransientError, attempt: int) -> float:
        return retry_delay(err, attempt, self.opts)

    async def _batch(self, calls: list[C]) -> list[_Attempted]:
        started = time.monotonic()
        replies = await self.backend.complete_batch([c.request for c in calls])
        latency = time.monotonic() - started
        out: list[_Attempted] = []
        for r in replies:
            if isinstance(r, FatalError):
                self._stop("auth", f"the backend refused the call: {self.backend.redact(r.reason)}")
                out.append((None, None, latency, 1, _ABANDONED))
            elif isinstance(r, CallError):
                out.append((None, self.backend.redact(r.reason), latency, 1, r.kind))
            else:
                out.append((r, None, latency, 1, None))
        return out

    # ------------------------------------------------------------------ recording

    async def _finish(self, call: C, reserve: float, reply: Reply | None, error: str | None,
                      latency: float, attempts: int, kind: str | None = None) -> None:
        cost = None
        if reply is not None and self.price is not None:
            cost = 0.0 if self.backend.local else self.price.cost(reply.input_tokens, reply.output_tokens)
        bound = self._bound(call) if reply is not None and cost is None else None
        result = Result(reply, error, latency, attempts, cost, kind if error is not None else None, bound)
        if kind == "refused" and not self.answered:  # the endpoint's permission, or this one prompt? hold it
            self._hold(call, result)
        elif self._keep(call, result) and reply is not None:
            self.answered = True
            for held in self.held:  # an answer: the refusals held back were about their own prompts
                self._keep(*held)
            self.held.clear()
        self.outcome.cost += cost or 0.0
        await self.budget.settle(reserve, cost)
        if self.progress:
            self.progress.update(cost, (kind or "other") if error is not None else None)

    def _hold(self, call: C, result: Result) -> None:
        """A 403 before any reply: refused for its content, or is the endpoint closed to this key?
        Nothing is stored until a reply says which; REFUSED_IN_A_ROW refusals say the endpoint."""
        self.held.append((call, result))
        if len(self.held) >= REFUSED_IN_A_ROW:
            self.refused_endpoint()

    def refused_endpoint(self) -> None:
        """Every call so far was refused: permission on the endpoint, a stop with nothing stored."""
        if self.held and not self.answered:
            self._stop("auth", f"permission denied on the endpoint: {len(self.held)} calls refused, none "
                       f"answered (last: {self.held[-1][1].error})")
            self.held.clear()

    def _keep(self, call: C, result: Result) -> bool:
        """Store one finished call (:func:`keep`); a full disk stops the run."""
        why = keep(self.store, self.record, call, result, self.outcome)
        if why is not None:
            self._stop("disk", why)
        return why is None


def keep(store: Store, record: Recorder[Any], call: Call, result: Result, outcome: Outcome) -> str | None:
    """The record step of every finished call, live or through a batch: the job's record,
    appended and counted in ``outcome``.  A record that cannot be built or written is kept raw,
    as an error of its own kind; a full disk returns why the run must stop (the reply kept in
    the journal), else None."""
    try:
        rec = record(call, result)
    except Exception as err:  # the job's recorder cannot take this reply: it was paid, keep it raw
        rec = unrecordable(call, result, err)
    try:
        try:
            store.append(rec)
        except (TypeError, ValueError) as err:  # a record JSON cannot hold: the raw one instead
            rec = unrecordable(call, result, err)
            store.append(rec)
    except DiskFull as err:
        outcome.journaled += err.kept
        outcome.lost += not err.kept
        return (f"cannot write {err.path} ({err.strerror}): every reply made is in the store or in its journal, "
                "which the next run reads first" + (f" ({outcome.lost} could not be kept)" if outcome.lost else "")
                + "; free some space and rerun the same command")
    outcome.calls += 1
    outcome.errors += rec.get("error") is not None
    if rec.get("error") is not None:
        kind = str(rec.get("error_kind") or "other")
        outcome.error_kinds[kind] = outcome.error_kinds.get(kind, 0) + 1
    return None


def unrecordable(call: Call, result: Result, err: BaseException) -> dict[str, Any]:
    """The record of a paid reply its job could not record: the common fields, the text kept."""
    text = None if result.reply is None else storable(str(result.reply.text))
    cost = result.cost_usd if isinstance(result.cost_usd, int | float) else None
    return {"schema_version": 1, "key": call.key, "raw": text,
            "error": f"the reply could not be recorded ({type(err).__name__}: {str(err)[:200]}); its text is kept "
                     "in raw", "error_kind": "unrecordable", "input_tokens": None, "output_tokens": None,
            "cost_usd": cost, "cost_bound_usd": result.cost_bound_usd, "latency_s": round(result.latency_s, 4),
            "attempts": result.attempts, "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            **({"batch_id": result.batch_id} if result.batch_id is not None else {})}
