"""The run flags of every command that makes LLM calls, and what a command prints around a run.

``plug-judge compare``, ``grade``, ``truthful`` and ``plug-train translate`` take the same
flags, with the same meanings and errors, from :func:`add_run_flags`; :func:`limits` turns them
into the engine's :class:`~plug_eval.llm.engine.Limits`, checked before anything is read or
paid; :func:`run_command` runs a plan and prints the same closing lines for every job (the
result, the calls made, the stored errors and how to call them again), with Ctrl-C exiting 130
and every finished call kept.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plug_eval.errors import PlugEvalError
from plug_eval.llm.base import MAX_CONSECUTIVE_FAILURES

if TYPE_CHECKING:
    from plug_eval.llm.engine import Limits

EXIT_NOTHING = 1  #: the run finished, but gave nothing to use (nothing scored, no row translated)
EXIT_STOPPED = 3  #: stopped with work left (the budget, a dead server, a full disk): a rerun continues
EXIT_INTERRUPTED = 130


def add_run_flags(p: argparse.ArgumentParser, *, retry_aliases: Sequence[str] = (), out_help: str = "",
                  out_required: bool = True) -> None:
    """Add the shared run flags to a command's parser (``retry_aliases``: other names of
    ``--retry-errors`` that a command kept, e.g. translate's ``--retry-failed``)."""
    r = p.add_argument_group("run")
    r.add_argument("--out", required=out_required, metavar="DIR",
                   help=out_help or "run directory (created; reused to resume)")
    r.add_argument("-J", dest="call_args", action="append", default=[], metavar="KEY=VALUE",
                   help="decoding or backend option, e.g. -J temperature=0 -J max_tokens=512 -J batch_size=4")
    r.add_argument("--prices", metavar="FILE", help="YAML/JSON {model: {input: USD/1M, output: USD/1M}}")
    r.add_argument("--max-cost", type=float, metavar="USD",
                   help="stop before the total spent on this run directory (every earlier run and --force "
                   "repeat included) could exceed USD")
    r.add_argument("--dry-run", action="store_true", help="print the calls and their estimated cost, write nothing")
    r.add_argument("--force", action="store_true", help="call again; new records are appended, none rewritten")
    r.add_argument("--retry-errors", *retry_aliases, dest="retry_errors", action="store_true",
                   help="call again the calls stored as errors")
    r.add_argument("--retry-unparsed", action="store_true",
                   help="call again the calls whose reply gave nothing to use (empty, a refusal, no verdict)")
    r.add_argument("--accept-new-identity", action="store_true",
                   help="rerun into a run directory made with other inputs, model, base URL, language or "
                   "template, reusing the stored calls whose keys still match")
    r.add_argument("--concurrency", type=int, default=8, help="calls in flight (default 8)")
    r.add_argument("--timeout", type=float, default=120.0, help="seconds per attempt (default 120)")
    r.add_argument("--max-retries", type=int, default=6, help="retries of a failing call (default 6)")
    r.add_argument("--retry-after-cap", type=float, default=60.0, help="longest wait a server may ask (s)")
    r.add_argument("--max-consecutive-failures", type=int, default=MAX_CONSECUTIVE_FAILURES, metavar="N",
                   help=f"stop the run after N connection failures in a row (default {MAX_CONSECUTIVE_FAILURES})")
    r.add_argument("--quiet", action="store_true", help="no progress line")
    b = p.add_argument_group("batch (the provider's batch API: half the price, results within 24 hours)")
    b.add_argument("--batch", action="store_true",
                   help="send the calls through the provider's batch API (openai, anthropic) and wait for them; "
                   "the same command resumes after a crash and sends nothing twice")
    b.add_argument("--no-wait", action="store_true",
                   help="with --batch: submit, store what has ended, and exit; the same command collects later")


def limits(args: argparse.Namespace) -> Limits:
    """The engine's limits from the run flags, every value checked (one-line errors)."""
    from plug_eval.llm.engine import Limits
    from plug_eval.llm.prices import PriceTable

    opts = Limits(out=Path(args.out), concurrency=args.concurrency, max_cost=args.max_cost,
                  retry_errors=args.retry_errors, force=args.force, retry_unparsed=args.retry_unparsed,
                  max_retries=args.max_retries,
                  retry_after_cap=args.retry_after_cap, timeout=args.timeout,
                  progress=None if args.quiet else sys.stderr,
                  max_consecutive_failures=args.max_consecutive_failures,
                  accept_new_identity=args.accept_new_identity, batch=args.batch, wait=not args.no_wait)
    opts.check()
    if args.prices:
        opts.prices = PriceTable().override(args.prices)
    return opts


def parse_overrides(pairs: Sequence[str]) -> dict[str, Any]:
    """``-J key=value`` pairs; values are read as YAML scalars (``0`` -> 0, ``true`` -> True)."""
    import yaml

    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise PlugEvalError(f"-J {pair}: expected KEY=VALUE")
        try:
            out[key.strip()] = yaml.safe_load(value) if value else ""
        except yaml.YAMLError:
            raise PlugEvalError(f"-J {pair}: the value is not a YAML scalar") from None
    return out


def run_command(plan: Any, opts: Limits, args: argparse.Namespace, *, prog: str,
                result_line: Callable[[dict[str, Any]], str], what: str = "") -> int:
    """Dry-run or run a plan (:class:`~plug_eval.llm.jobs.Plan`) and print the closing lines; the
    exit code.  ``what`` opens the dry run's totals line."""
    from plug_eval.llm.jobs import dry_run, run_job

    if args.dry_run:
        print("\n".join(dry_run(plan, what, batched=opts.batch)))
        return 0
    job = plan.job
    try:
        result = run_job(plan, opts)
    except KeyboardInterrupt:
        print(f"\n{prog}: interrupted; every finished call is stored in {opts.out}: rerun the same command "
              "to resume", file=sys.stderr)
        if opts.batch:
            print(batches_line(opts, args, prog), file=sys.stderr)
        return EXIT_INTERRUPTED
    print(result_line(result.summary))
    stopped = result.outcome.stopped
    useless = None if stopped == "submitted" else job.scored_nothing(result.summary)  # --no-wait: not finished
    note = f"; STOPPED ({stopped}): {result.not_made} {job.noun} not made" if stopped else ""
    if stopped == "submitted":  # --no-wait: the batches keep running
        note = f"; {result.not_made} {job.noun} not made yet"
    print(f"{result.outcome.calls} calls in {result.seconds:.1f} s{note}; wrote {opts.out}/{job.summary_file}")
    if stopped == "submitted":
        print(batches_line(opts, args, prog))
    if result.stored_errors:
        n = sum(result.stored_errors.values())
        detail = ", ".join(f"{k} {v}" for k, v in result.stored_errors.items())
        print(f"{prog}: {n} {job.noun} are stored as errors ({detail}); rerunning the same command does not call "
              f"them again; to do so: {retry_command(args, prog)}", file=sys.stderr)
    if useless:
        print(f"{prog}: {useless}", file=sys.stderr)
    if stopped and stopped != "submitted":  # the budget ran out: a rerun with more continues (--no-wait: as asked)
        return EXIT_STOPPED
    return EXIT_NOTHING if useless else 0


def batches_line(opts: Limits, args: argparse.Namespace, prog: str) -> str:
    """What to do about the batches still running: the command that collects them, and the one
    that cancels them."""
    from plug_eval.llm.batch import open_summary
    from plug_eval.llm.batch_log import CANCEL_COMMAND

    n, requests = open_summary(opts.out)
    if not n:
        return f"{prog}: no batch of {opts.out} is still open"
    collect = shlex.join([prog, *[a for a in _shown_argv(args) if a != "--no-wait"]])
    return (f"{prog}: {n} batches ({requests} requests) keep running at the provider (up to 24 hours); collect "
            f"them with the same command (--no-wait: what has ended so far): {collect}; cancel them: "
            f"{CANCEL_COMMAND} {shlex.quote(str(opts.out))}")


def _shown_argv(args: argparse.Namespace) -> list[str]:
    """The command's arguments as they may be shown (credentials in URLs redacted)."""
    from plug_eval.llm.base import redact_url

    argv: Sequence[str] = getattr(args, "argv", None) or sys.argv[1:]
    return [(redact_url(a) or a) if "://" in a else a for a in argv]


def retry_command(args: argparse.Namespace, prog: str) -> str:
    """The command line that calls the stored errors again (credentials in URLs redacted)."""
    shown = _shown_argv(args)
    return shlex.join([prog, *[a for a in shown if a not in ("--retry-errors", "--retry-failed")], "--retry-errors"])
