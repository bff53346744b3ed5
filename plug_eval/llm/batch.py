"""``--batch``: a run's calls through the provider's batch API, at the batch price, resumable across kill -9.

A mode of the one call layer: :func:`plug_eval.llm.jobs.run_job` runs :func:`run_batches`
instead of the engine, with the same pending calls, the same record step (``recorder(job)``)
and the same store, so the records, keys and summaries are a live run's.  Each record also
carries its ``batch_id``.  The provider's steps are a :class:`~plug_eval.llm.batch_api.BatchAPI`;
what was sent is ``batches.jsonl`` (:mod:`plug_eval.llm.batch_log`).

A run:

1. looks up every *dangling* intent (written, but its batch never recorded: the run died
   between the two) at the provider (:meth:`~plug_eval.llm.batch_api.BatchAPI.find`) and records
   what it finds, or that there is none;
2. sends the pending calls no open batch holds, in batches of at most the provider's limits
   (OpenAI 50,000 requests and 200 MB, Anthropic 100,000 and 256 MB), each first written as an
   intent with its keys and the most it can cost at the batch price, reserved against
   ``--max-cost`` together with what the directory already spent and what its open batches
   reserve; what does not fit waits until a batch's results free its reservation;
3. polls every open batch (0.25 s after submitting, then twice as long each time, up to a
   minute), with a progress line; an ended batch's results are stored (a request it never
   processed as an error of kind ``expired`` or ``canceled``), then it is marked collected;
4. with ``--no-wait``, stops after one poll: what has ended is stored, the rest keeps running
   and the same command collects it later.

Collecting is idempotent: a result already stored from this batch is never stored again, so a
kill during collection loses nothing and doubles nothing.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, TextIO, TypeVar

from plug_eval.errors import PlugEvalError
from plug_eval.llm import registry
from plug_eval.llm.base import Backend, CallError, FatalError, Reply, TransientError, redact_url
from plug_eval.llm.batch_api import BatchAPI, Remote, unprocessed
from plug_eval.llm.batch_log import CANCEL_COMMAND, BatchLog, Known
from plug_eval.llm.engine import Call, Limits, Needed, Outcome, Recorder, Result, keep, retry_delay
from plug_eval.llm.prices import Price, max_call_cost
from plug_eval.llm.store import Store

POLL_FIRST, POLL_MAX = 0.25, 60.0  #: seconds between polls: the first, and the longest
LOOKBACK_S = 600.0  #: a lookup also takes batches created this long before the intent (the clocks may differ)
T = TypeVar("T")


def check(backend: Backend, limits: Limits) -> None:
    """Before anything is written: ``--batch`` needs a backend with a batch API, and a live run
    is refused where batches are still running (their calls would be paid twice)."""
    if limits.batch:
        if backend.batch_api() is None:
            raise PlugEvalError(f"--batch: the {backend.name} backend has no batch API (openai and anthropic "
                                "have one): run without --batch")
        return
    running = [b for b in BatchLog(limits.out).load().open_batches() if not b.cancel_asked]
    if running:
        raise PlugEvalError(f"{len(running)} batches of this directory are still open ({running[0].id}...): "
                            f"rerun with --batch to collect them, or cancel them first ({CANCEL_COMMAND} "
                            f"{limits.out})", limits.out)


def run_batches(backend: Backend, calls: Sequence[Call], pending: Sequence[Call], price: Price | None,
                record: Recorder[Any], needed: Needed[Any], limits: Limits, activity: str = "calling") -> Outcome:
    """Send the pending calls in batches, wait for them (unless ``limits.wait`` is off) and store
    every result through ``record``; see the module."""
    with BatchLog(limits.out).writing() as log:
        return asyncio.run(Runner(backend, calls, pending, price, record, needed, limits, log, activity).run())


class Runner:
    """One run of the batch mode over one run directory."""

    def __init__(self, backend: Backend, calls: Sequence[Call], pending: Sequence[Call], price: Price | None,
                 record: Recorder[Any], needed: Needed[Any], limits: Limits, log: BatchLog, activity: str) -> None:
        api = backend.batch_api()
        assert api is not None, "check() refuses a backend without a batch API"
        self.api: BatchAPI = api
        self.backend, self.record, self.needed, self.opts, self.log = backend, record, needed, limits, log
        self.by_key = {c.key: c for c in calls}
        self.pending = list({c.key: c for c in pending}.values())
        self.price = None if price is None else price.batch()
        self.store = Store(limits.out)
        self.spent = limits.spent_before
        self.sent: set[str] = set()  #: keys sent this run: never twice, even with --force
        self.remotes: dict[str, Remote] = {}
        self.outcome = Outcome()
        self.budget_blocked = False
        self.progress = BatchProgress(limits.progress, activity)

    async def run(self) -> Outcome:
        self.store.open()
        self.store.refresh()
        try:
            self._check_open()
            await self._resolve()
            await self._submit_what_fits()
            delay = POLL_FIRST
            while not self.outcome.fatal:
                if await self._poll() and not self.outcome.fatal:
                    await self._submit_what_fits()
                    delay = POLL_FIRST
                if not self.log.open_batches() or self.outcome.fatal or not self.opts.wait:
                    break
                self.progress.show(self)
                await asyncio.sleep(delay)
                delay = min(2 * delay, POLL_MAX)
        finally:
            self.store.close()
            await self.backend.aclose()
        self.progress.show(self, final=True)
        if not self.outcome.fatal:
            if self.log.open_batches():
                self.outcome.stopped = "submitted"
            elif self.budget_blocked:
                self.outcome.stopped = "budget"
        return self.outcome

    # ------------------------------------------------------------------ what is sent

    def _check_open(self) -> None:
        """Every open batch holds calls this command plans: their results have somewhere to go."""
        for intent in self.log.open_intents():
            if any(k not in self.by_key for k in intent.keys):
                name = intent.batches[0] if intent.batches else f"intent {intent.tag}"
                raise PlugEvalError(f"an open batch of this directory ({name}) holds calls this command does not "
                                    f"plan: rerun the command that submitted it, or cancel it ({CANCEL_COMMAND} "
                                    f"{self.opts.out})", self.opts.out)

    async def _resolve(self) -> None:
        """Look up every dangling intent at the provider and record what is found."""
        for intent in self.log.dangling():
            found = await self._find(intent.tag, intent.t, len(intent.keys))
            if found is None:
                return
            self._adopt(intent.tag, found)

    async def _find(self, tag: str, since: float, count: int) -> list[Remote] | None:
        known = set(self.log.batches)
        found = await self._retrying(lambda: self.api.find(tag, since - LOOKBACK_S, count), "looking up a batch")
        return None if found is None else [r for r in found if r.id not in known]

    def _adopt(self, tag: str, found: list[Remote]) -> None:
        if not found:
            self.log.add("not_submitted", tag=tag, reason="no batch of this intent at the provider")
        for remote in found:
            self.log.add("submitted", tag=tag, batch_id=remote.id, state=remote.state, adopted=True,
                         verified=self.api.finds_by_tag)
            self.remotes[remote.id] = remote

    def _bound(self, call: Call) -> float | None:
        """The most a call can cost at the batch price; None without a price or a max_tokens."""
        try:
            return None if self.price is None else max_call_cost(
                (call.request.system or "") + call.request.user, call.request.decoding, self.price)
        except PlugEvalError:
            return None

    def _fits(self, amount: float) -> bool:
        limit = self.opts.max_cost
        return limit is None or self.spent + self.log.reserved() + amount <= limit + 1e-12

    async def _submit_what_fits(self) -> None:
        """Send the pending calls no open batch holds, in batches within the provider's limits and
        the budget."""
        self.store.refresh()
        covered = self.log.covered()
        todo = [c for c in self.pending if c.key not in covered and c.key not in self.sent
                and self.needed(c, self.store.by_key.get(c.key, []))]
        chunk: list[tuple[Call, dict[str, Any]]] = []
        size, reserve, self.budget_blocked = 0, 0.0, False
        for call in todo:
            bound = self._bound(call)
            if not self._fits(reserve + (bound or 0.0)):
                self.budget_blocked = True
                break
            entry = self.api.entry(call.key, call.request)
            n = self.api.size(entry)
            if chunk and (len(chunk) >= self.api.max_requests or size + n > self.api.max_bytes):
                await self._submit(chunk, reserve)
                if self.outcome.fatal:
                    return
                chunk, size, reserve = [], 0, 0.0
            chunk.append((call, entry))
            size, reserve = size + n, reserve + (bound or 0.0)
        if chunk:
            await self._submit(chunk, reserve)

    async def _submit(self, chunk: list[tuple[Call, dict[str, Any]]], reserve: float) -> None:
        """Record the intent, then send the batch; a failure that may have reached the provider is
        looked up by the intent's tag before anything is sent again."""
        tag, keys = uuid.uuid4().hex, [c.key for c, _ in chunk]
        self.log.add("intent", tag=tag, provider=self.api.provider, backend=self.backend.name,
                     model=self.backend.options.model, base_url=redact_url(self.backend.options.base_url),
                     keys=keys, reserved_usd=None if self.price is None else round(reserve, 8))
        intent_t = self.log.intents[tag].t
        self.sent.update(keys)
        entries = [e for _, e in chunk]
        for attempt in range(1, self.opts.max_retries + 2):
            try:
                remote = await self.api.submit(entries, tag)
            except CallError as err:
                reason = self.backend.redact(err.reason)
                if not isinstance(err, TransientError):
                    self.log.add("not_submitted", tag=tag, reason=reason)
                    self._stop("auth" if isinstance(err, FatalError) else "refused",
                               f"the server refused the batch: {reason}")
                    return
                await asyncio.sleep(retry_delay(err, attempt, self.opts))
                found = await self._find(tag, intent_t, len(keys))  # it may have been accepted all the same
                if found is None:  # the run stopped: the intent stays for the next run to look up
                    return
                if found:
                    self._adopt(tag, found)
                    return
                continue
            self.log.add("submitted", tag=tag, batch_id=remote.id, state=remote.state, adopted=False, verified=True)
            self.remotes[remote.id] = remote
            return
        self._stop("connection", "the batch could not be sent: rerun the same command (it looks the batch up "
                   "before sending it again)")

    # ------------------------------------------------------------------ waiting and collecting

    async def _poll(self) -> bool:
        """Every open batch's state; an ended one is collected.  Whether one was."""
        ended = False
        for known in self.log.open_batches():
            remote = await self._retrying(partial(self.api.retrieve, known.id), f"polling batch {known.id}")
            if remote is None:
                return ended
            self.remotes[known.id] = remote
            if remote.state != known.state:
                self.log.add("state", batch_id=known.id, state=remote.state)
            if remote.ended:
                await self._collect(self.log.batches[known.id], remote)
                ended = True
                if self.outcome.fatal:
                    return ended
        return ended

    async def _collect(self, known: Known, remote: Remote) -> None:
        """Store every result of an ended batch that is not stored yet, then mark it collected."""
        intent = self.log.intents[known.tag]
        if remote.failed is not None:
            self.log.add("failed", batch_id=known.id, reason=remote.failed)
            self._stop("refused", f"batch {known.id} failed at the provider ({remote.failed}); nothing of its "
                       f"{len(intent.keys)} requests was stored: fix the cause and rerun the same command")
            return
        results = await self._retrying(lambda: self.api.results(remote), f"reading the results of batch {known.id}")
        if results is None:
            return
        keys = set(intent.keys)
        mine = [(k, got) for k, got in results if k in keys]
        if not mine and not known.verified:  # a candidate of the same size and time: another directory's
            self.log.add("collected", batch_id=known.id, ours=False, stored=0)
            return
        siblings = set(intent.batches)
        answered = {k for k, _ in mine}
        unanswered: list[tuple[str, Reply | CallError]] = [(k, unprocessed(remote.unanswered)) for k in intent.keys
                                                           if k not in answered]
        stored = 0
        for key, got in mine + unanswered:
            if not any(r.get("batch_id") in siblings for r in self.store.by_key.get(key, [])):
                if not self._store(key, got, known):
                    return  # not marked collected: the next run stores the rest
                stored += 1
        self.log.add("collected", batch_id=known.id, ours=True, stored=stored)

    def _store(self, key: str, got: Reply | CallError, known: Known) -> bool:
        """One result through the job's record step, into the store; False when the disk is full."""
        call = self.by_key[key]
        latency = max(0.0, time.time() - known.t)
        if isinstance(got, Reply):
            cost = None if self.price is None else self.price.cost(got.input_tokens, got.output_tokens)
            bound = self._bound(call) if cost is None else None
            result = Result(got, None, latency, 1, cost, None, bound, batch_id=known.id)
        else:
            result = Result(None, self.backend.redact(got.reason), latency, 1, None, got.kind, None, batch_id=known.id)
        why = keep(self.store, self.record, call, result, self.outcome)  # the engine's record step
        if why is not None:
            self._stop("disk", why)
            return False
        self.outcome.cost += result.cost_usd or 0.0
        self.spent += result.cost_usd if result.cost_usd is not None else (result.cost_bound_usd or 0.0)
        return True

    # ------------------------------------------------------------------ failures

    def _stop(self, why: str, reason: str) -> None:
        if self.outcome.fatal is None:
            self.outcome.stopped, self.outcome.fatal = why, reason

    async def _retrying(self, step: Callable[[], Awaitable[T]], what: str) -> T | None:
        """One provider step, retried as the engine retries a call; None once the run stopped."""
        for attempt in range(1, self.opts.max_retries + 2):
            try:
                return await step()
            except CallError as err:
                reason = self.backend.redact(err.reason)
                if not isinstance(err, TransientError):
                    self._stop("auth" if isinstance(err, FatalError) else "refused", f"{what}: {reason}")
                    return None
                if attempt > self.opts.max_retries:
                    self._stop("connection", f"{what}: {reason}; the batches keep running at the provider: rerun "
                               "the same command to resume")
                    return None
                await asyncio.sleep(retry_delay(err, attempt, self.opts))
        return None


class BatchProgress:
    """One status line while waiting: requests done / total, batches ended, elapsed, the provider's
    states.  A terminal redraws it at every poll; a log gets a line when it changes, at most one
    a minute otherwise."""

    def __init__(self, stream: TextIO | None, activity: str) -> None:
        self.stream, self.activity = stream, activity
        self.start = time.monotonic()
        self.tty = stream is not None and stream.isatty()
        self._last, self._shown = "", 0.0

    def line(self, runner: Runner) -> str:
        log = runner.log
        mine = [b for b in log.batches.values() if b.id in runner.remotes]
        done = sum(len(log.intents[b.tag].keys) if b.collected else runner.remotes[b.id].done for b in mine)
        total = sum(len(log.intents[b.tag].keys) for b in mine)
        states = Counter(runner.remotes[b.id].state for b in mine if b.open)
        pct = 100 * done // max(total, 1)
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        shown = ", ".join(f"{s} {n}" for s, n in sorted(states.items())) or "all ended"
        return (f"{self.activity} in batches [{bar}] {done}/{total} requests, "
                f"{sum(b.collected for b in mine)}/{len(mine)} batches ended; {runner.api.provider}: {shown}")

    def show(self, runner: Runner, final: bool = False) -> None:
        if self.stream is None or not runner.remotes:
            return
        text, now = self.line(runner), time.monotonic()
        if not (self.tty or final or text != self._last or now - self._shown >= 60):
            return
        elapsed = int(now - self.start)
        full = f"{text}; {elapsed // 3600}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d} elapsed"
        self._last, self._shown = text, now
        end = "\n" if not self.tty or final else ""
        print(("\r" if self.tty else "") + full, end=end, file=self.stream, flush=True)


# --------------------------------------------------------------------------- after a run


def open_summary(out: str | os.PathLike[str]) -> tuple[int, int]:
    """(batches still open, requests they hold) of a run directory."""
    log = BatchLog(out).load()
    batches = log.open_batches()
    return len(batches), sum(len(log.intents[b.tag].keys) for b in batches)


def cancel(out: str | os.PathLike[str], base_url: str | None = None) -> list[str]:
    """Ask the provider to cancel every open batch of a run directory; one line per batch."""
    with BatchLog(out).writing() as log:
        return asyncio.run(_cancel(log, base_url))


async def _cancel(log: BatchLog, base_url: str | None) -> list[str]:
    lines = []
    for known in [b for b in log.open_batches() if not b.cancel_asked]:
        intent = log.intents[known.tag]
        if not known.verified:
            lines.append(f"{known.id}: left running: found by its size and time only, it may be another "
                         "directory's batch")
            continue
        url = base_url or intent.base_url
        if url and "[REDACTED]" in url:
            raise PlugEvalError(f"batch {known.id} went to a base URL with credentials: pass --base-url", log.out)
        backend = registry.build(intent.backend, intent.model, base_url=url)
        api = backend.batch_api()
        assert api is not None
        try:
            remote = await api.cancel(known.id)
        except CallError as err:
            lines.append(f"{known.id}: not cancelled: {backend.redact(err.reason)}")
            continue
        finally:
            await backend.aclose()
        log.add("cancel", batch_id=known.id, state=remote.state)
        lines.append(f"{known.id}: {remote.state} ({len(intent.keys)} requests); what it processed is stored by the "
                     "next --batch run of the command, the rest as errors of kind canceled")
    for intent in log.dangling():
        lines.append(f"intent {intent.tag}: not known to be submitted: rerun the command with --batch to look it up")
    return lines or [f"{log.out}: no open batch to cancel"]
