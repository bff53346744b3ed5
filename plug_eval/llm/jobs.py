"""One shape for every LLM job: a job says what is its own, :func:`run_job` does the rest.

A :class:`Job` (pairwise judging and grading, X-TruthfulQA's two judgments, translation) gives
only its items, its calls, the fields its records add, and its summary.  Everything around them
is here, once, so the jobs cannot drift apart:

* :func:`plan_job`, before anything is written or paid: the existing directory is checked (its
  kind, subject and identity), the calls the store does not settle are found, the backend and
  a ``--max-cost`` are checked, and what the directory already spent is counted;
* :func:`run_job`: ``items.jsonl`` and ``run.json`` are written, the engine makes the pending
  calls and each record gets the common fields (:data:`COMMON_FIELDS`) around the job's own;
  then the job's summary is written, also on Ctrl-C (marked ``interrupted``), and a fatal
  outcome (a bad key, an unknown model, a dead server) becomes one line: exit 2;
* :func:`dry_run`: the same plan, priced, with nothing written.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError
from plug_eval.llm import batch, rundir
from plug_eval.llm.base import Backend, Reply, Request
from plug_eval.llm.engine import Engine, Limits, Needed, Outcome, Result, check_before_calls, pending_calls
from plug_eval.llm.prices import FREE, Price, PriceTable, cost_text, estimated_cost, max_call_cost
from plug_eval.llm.store import Store, call_key, counting, legacy_keys

SCHEMA_VERSION = 1
#: The fields :func:`run_job` writes into every record, whatever the job (its own come between
#: ``key`` and ``raw``).
COMMON_FIELDS = ("schema_version", "key", "raw", "error", "error_kind", "input_tokens", "output_tokens",
                 "cost_usd", "latency_s", "attempts", "time")
#: Common fields written only when they apply: a reply's bound when its cost is unknown, and the
#: provider's batch a record came through (``--batch``).
OPTIONAL_FIELDS = ("cost_bound_usd", "batch_id")


@dataclass(frozen=True)
class Call:
    """One planned call: which item it belongs to, its part of the item (a judging order, an
    aspect, a target language; ``""`` when an item has one call), its store key and request.

    ``template_sha256`` and ``key_part`` (the part as the key names it, when it differs) are
    what the key was made of besides the request, so the keys earlier releases gave the same
    request can be found (:func:`aliased`)."""

    item_id: Any
    part: str
    key: str
    request: Request
    flags: tuple[str, ...] = ()
    template_sha256: str = ""
    key_part: str | None = None


def make_call(backend: Backend, item_id: Any, part: str, request: Request, template_sha256: str, *,
              flags: tuple[str, ...] = (), key_part: str | None = None) -> Call:
    """A planned call with its store key (:func:`plug_eval.llm.store.call_key`)."""
    key = call_key(backend.identity(), request.decoding, template_sha256, request.system, request.user,
                   part if key_part is None else key_part)
    return Call(item_id, part, key, request, flags, template_sha256, key_part)


def aliased(calls: list[Call], store: Store, backend: Backend) -> list[Call]:
    """The calls with the key an earlier release stored each under, where it did: a directory
    judged with ``-J temperature=0.0``, or with the provider's URL spelled out, keeps its calls
    under today's rule that every spelling is one key.  Costs nothing on a fresh directory."""
    if not store.by_key:
        return calls
    now, old = backend.identity(), backend.legacy_identities()
    out = []
    for c in calls:
        if c.key not in store.by_key:
            part = c.part if c.key_part is None else c.key_part
            found = [k for k in legacy_keys(old, now, c.request.decoding, c.template_sha256, c.request.system,
                                            c.request.user, part) if k in store.by_key]
            c = dataclasses.replace(c, key=found[0]) if found else c
        out.append(c)
    return out


@dataclass(frozen=True)
class RunInfo:
    """How the last run went, for the summary: why it stopped, what it did and spent (None: not
    known, as for a run interrupted by Ctrl-C)."""

    stopped: str | None = None
    calls_made: int | None = None
    seconds: float | None = None
    errors: int | None = None
    cost_usd: float | None = None

    def standard(self) -> dict[str, Any]:
        """The fields a summary's ``run`` block keeps: why it stopped, and what is known of the rest."""
        known = {"calls_made": self.calls_made, "seconds": self.seconds}
        return {"stopped": self.stopped, **{k: v for k, v in known.items() if v is not None}}


class Job(ABC):
    """What one kind of LLM job is: subclasses define their own parts and nothing else."""

    kind: str = ""  #: run.json's ``kind``
    noun: str = "calls"  #: what its calls are, in messages ("judgments", "translations")
    activity: str = "calling"  #: the progress line's word
    role: str = "model"  #: what the model is to this job, in messages ("judge", "translator")
    summary_file: str = rundir.SUMMARY
    adopt: tuple[str, ...] = ()  #: files that mark this job's directories from before run.json
    backend: Backend

    @abstractmethod
    def calls(self) -> list[Call]:
        """Every call the job needs, in a stable order, each with its key."""

    @abstractmethod
    def identity(self) -> dict[str, Any]:
        """What a run directory holds calls of: a rerun with another is refused unless accepted."""

    @abstractmethod
    def items(self, out: Path) -> list[dict[str, Any]]:
        """``items.jsonl``: what the calls are about (the previous file of ``out`` may be reused)."""

    @abstractmethod
    def manifest(self) -> dict[str, Any]:
        """run.json's fields of this job (the layer adds kind, identity and keys)."""

    @abstractmethod
    def fields(self, call: Call, reply: Reply | None, error: str | None) -> dict[str, Any]:
        """The job's own fields of one call's record."""

    @abstractmethod
    def summarize(self, out: Path, run: RunInfo | None) -> dict[str, Any]:
        """Rebuild and write the summary from the directory's files (``run`` None: keep the last)."""

    def label(self) -> str:
        """How the model is named in messages."""
        return f"{self.backend.name}:{self.backend.options.model}"

    def conflict(self, old: dict[str, Any]) -> str | None:
        """Why an existing run.json of this kind holds another subject (other systems), or None."""
        return None

    def rejects(self, call: Call, record: dict[str, Any]) -> bool:
        """Whether a stored reply is one ``--retry-errors`` asks for again besides errors."""
        return False

    def unparsed(self, call: Call, record: dict[str, Any]) -> bool:
        """Whether a stored reply gave the job nothing to use (empty, a refusal, no verdict):
        what ``--retry-unparsed`` asks for again."""
        return False

    def scored_nothing(self, summary: dict[str, Any]) -> str | None:
        """Why a finished run is of no use (nothing scored), or None; the command then exits 1."""
        return None

    def estimated_output_tokens(self, call: Call) -> int | None:
        """A guess at a reply's length for ``--dry-run``; None: the layer's default guess."""
        return None


# --------------------------------------------------------------------------- planning


def prompt_of(call: Call) -> str:
    """The text a call sends, for the cost bounds in :mod:`plug_eval.llm.prices`."""
    return (call.request.system or "") + call.request.user


def price_of(backend: Backend, prices: PriceTable) -> Price | None:
    return FREE if backend.local else prices.lookup(backend.options.model)


def needed_rule(job: Job, opts: Limits) -> Needed[Call]:
    """Which calls a run makes: all with ``--force``; with ``--retry-errors`` those whose counting
    record is an error or one the job rejects; with ``--retry-unparsed`` those whose reply gave no
    verdict (the old reply stays in the store); always those with no record."""
    if opts.force:
        return lambda call, records: True
    if not (opts.retry_errors or opts.retry_unparsed):
        return lambda call, records: not records

    def retry(call: Call, records: list[dict[str, Any]]) -> bool:
        best = counting(records)
        if best is None:
            return True
        if best.get("error") is not None:
            return opts.retry_errors
        return (opts.retry_errors and job.rejects(call, best)) or (opts.retry_unparsed and job.unparsed(call, best))
    return retry


@dataclass
class Plan:
    """A job checked and planned against its run directory; nothing written yet."""

    job: Job
    calls: list[Call]
    pending: list[Call]
    price: Price | None
    needed: Needed[Call]
    spent_before: float = 0.0  #: USD the directory already spent (counted against --max-cost)


def plan_job(job: Job, opts: Limits, *, dry: bool = False) -> Plan:
    """Everything checked before anything is written or paid (see the module's first point).
    ``dry`` (``--dry-run``): the backend is not checked, so pricing a run needs no key, no SDK
    and no network."""
    opts.check()
    calls = job.calls()
    rundir.check_existing(opts.out, job.kind, job.conflict, job.identity(),
                          accept_new_identity=opts.accept_new_identity, adopt=job.adopt)
    batch.check(job.backend, opts)  # --batch: a batch API; live: no batch of the directory still open
    store = Store(opts.out)
    store.refresh()
    calls = aliased(calls, store, job.backend)
    needed = needed_rule(job, opts)
    pending = pending_calls(calls, store, needed)
    price = price_of(job.backend, opts.prices)
    check_before_calls(pending, job.backend, opts.max_cost, price, job.backend.options.model, prompt_of, dry=dry)
    return Plan(job, calls, pending, price, needed, store.spent(_bounds(calls, price)))


def _bounds(calls: list[Call], price: Price | None) -> Callable[[str], float | None]:
    """A planned call's maximum cost by key (None when it cannot be bounded)."""
    by_key = {c.key: c for c in calls}

    def bound(key: str) -> float | None:
        call = by_key.get(key)
        if call is None or price is None:
            return None
        try:
            return max_call_cost(prompt_of(call), call.request.decoding, price)
        except PlugEvalError:  # no maximum reply length
            return None

    return bound


# --------------------------------------------------------------------------- running


def manifest(plan: Plan) -> dict[str, Any]:
    """run.json: the job's fields, its identity and the key of every planned call."""
    keys: dict[str, dict[str, str]] = {}
    for c in plan.calls:
        keys.setdefault(str(c.item_id), {})[c.part or "single"] = c.key
    return {"schema_version": SCHEMA_VERSION, "kind": plan.job.kind, **plan.job.manifest(),
            "identity": plan.job.identity(), "keys": keys}


def recorder(job: Job) -> Callable[[Call, Result], dict[str, Any]]:
    """The stored line of one finished call: the common fields around the job's own."""
    backend = job.backend

    def record(call: Call, result: Result) -> dict[str, Any]:
        reply = result.reply
        rec = {"schema_version": SCHEMA_VERSION, "key": call.key, **job.fields(call, reply, result.error),
               "raw": backend.redact(reply.text) if reply else None, "error": result.error,
               "error_kind": result.error_kind if result.error else None,
               "input_tokens": reply.input_tokens if reply else None,
               "output_tokens": reply.output_tokens if reply else None, "cost_usd": result.cost_usd,
               "latency_s": round(result.latency_s, 4), "attempts": result.attempts,
               "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds")}
        if result.cost_bound_usd is not None:  # unknown cost: what it counts as against --max-cost
            rec["cost_bound_usd"] = round(result.cost_bound_usd, 8)
        if reply is not None and reply.notes:  # what was normalised to store a valid but unusual reply
            rec["reply_notes"] = list(reply.notes)
        if result.batch_id is not None:  # came through a provider's batch (--batch)
            rec["batch_id"] = result.batch_id
        return rec

    return record


class RunStopped(PlugEvalError):
    """A run that no rerun can continue as it is: exit 2 for what the user must fix (a key, a
    model, a permission), 3 for what happened to the server or the disk (dead, hanging, full)."""

    def __init__(self, why: str, problem: str) -> None:
        super().__init__(problem)
        self.why = why
        self.exit_code = 2 if why in ("auth", "refused") else 3  # refused: a batch the provider would not take


@dataclass
class RunResult:
    summary: dict[str, Any]
    outcome: Outcome
    seconds: float
    not_made: int  #: planned calls that still have no record (a stopped run)
    stored_errors: dict[str, int]  #: planned calls whose counting record is an error, by kind


def run_job(plan: Plan, opts: Limits) -> RunResult:
    """Write the run directory, make the pending calls, write the summary; see the module."""
    job, out = plan.job, opts.out
    rundir.claim(out, job.kind, job.conflict, job.identity(), manifest(plan),
                 accept_new_identity=opts.accept_new_identity, adopt=job.adopt)
    rundir.write_items(out, job.items(out))
    rundir.mark_unfinished(out, job.summary_file)
    if plan.price is None and plan.pending:
        print(f"warning: no price known for {job.backend.options.model!r}: cost_usd is null "
              "(add it with --prices FILE)", file=sys.stderr)
    started = time.monotonic()
    limits = dataclasses.replace(opts, spent_before=plan.spent_before)  # a budget is per run directory
    engine = Engine(job.backend, limits, plan.price, recorder(job), activity=job.activity, needed=plan.needed)
    try:
        if opts.batch:  # the same calls, records and store through the provider's batch API
            outcome = batch.run_batches(job.backend, plan.calls, plan.pending, plan.price, recorder(job),
                                        plan.needed, limits, job.activity)
        else:
            outcome = asyncio.run(engine.run(plan.pending))
    except KeyboardInterrupt:
        _summarize_interrupted(job, out)
        raise
    seconds = round(time.monotonic() - started, 3)
    info = RunInfo(outcome.stopped, outcome.calls, seconds, outcome.errors, round(outcome.cost, 8))
    try:
        summary = job.summarize(out, info)
    except OSError as err:  # a full disk: every reply is stored or journaled; only the summary waits
        if not outcome.fatal:
            raise PlugEvalError(f"cannot write the summary ({err.strerror or err}): every call is stored; "
                                "free some space and run `plug-judge summarize` or the same command again",
                                out) from None
        summary = {}
    if outcome.fatal:  # every call made is stored and summarised; the reason is one line
        raise RunStopped(outcome.stopped or "stopped", f"stopped after {outcome.calls} stored {job.noun}: "
                         f"{outcome.fatal}")
    not_made, errors = _state(plan, out)
    return RunResult(summary, outcome, seconds, not_made, errors)


def _summarize_interrupted(job: Job, out: Path) -> None:
    """The summary of what is stored, marked ``interrupted``, so a report never reads it as finished."""
    try:
        job.summarize(out, RunInfo(stopped="interrupted"))
    except (OSError, PlugEvalError, KeyboardInterrupt):  # nothing stored yet, or a second Ctrl-C
        pass


def _state(plan: Plan, out: Path) -> tuple[int, dict[str, int]]:
    """After a run: planned calls with no record, and those whose counting record is an error."""
    store = Store(out)
    store.refresh()
    missing, kinds = 0, dict[str, int]()
    for call in {c.key: c for c in plan.calls}.values():
        best = counting(store.by_key.get(call.key, []))
        if best is None:
            missing += 1
        elif best.get("error") is not None:
            kind = str(best.get("error_kind") or "other")
            kinds[kind] = kinds.get(kind, 0) + 1
    return missing, dict(sorted(kinds.items()))


# --------------------------------------------------------------------------- pricing without calling


def dry_run(plan: Plan, what: str = "", batched: bool = False) -> list[str]:
    """One line per planned call (stored, or to call with its estimated cost), then the totals;
    ``what`` opens the totals line (e.g. how many answers were read).  ``batched`` (``--batch``):
    each cost at the live price and at the batch price, side by side."""
    job, price = plan.job, plan.price
    pending = {c.key for c in plan.pending}
    prices = [price, price.batch()] if price is not None and batched else [price]
    lines, est = [], [0.0] * len(prices)
    for c in plan.calls:
        stored = c.key not in pending
        costs = [None if p is None or stored else estimated_cost(prompt_of(c), c.request.decoding, p,
                                                                 job.estimated_output_tokens(c)) for p in prices]
        est = [e + (x or 0.0) for e, x in zip(est, costs, strict=True)]
        lines.append(f"{c.item_id}\t{c.part or 'single'}\t{c.key[:12]}\t"
                     f"{'stored, no call' if stored else 'call, est. ' + _side_by_side(costs, batched)}")
    worst: list[float | None] = [None] * len(prices)
    if price is not None and plan.pending and all("max_tokens" in c.request.decoding for c in plan.pending):
        worst = [sum(max_call_cost(prompt_of(c), c.request.decoding, p) for c in plan.pending)
                 for p in prices if p is not None]
    lines.append(f"{what}{len(plan.calls)} {job.noun}: {len(plan.calls) - len(plan.pending)} stored, "
                 f"{len(plan.pending)} to call; {job.role} {job.label()}; "
                 f"estimated cost {_side_by_side(est if price else [None], batched)}"
                 + (f" (at most {_side_by_side(worst, batched)})" if worst[0] is not None else ""))
    return lines


def _side_by_side(costs: Sequence[float | None], batched: bool) -> str:
    """A cost, or with ``--batch`` the live and the batch cost: ``$0.0100 live, $0.0050 in a batch``."""
    if not batched or len(costs) == 1:  # no price: unknown either way
        return cost_text(costs[0])
    return f"{cost_text(costs[0])} live, {cost_text(costs[1])} in a batch"
