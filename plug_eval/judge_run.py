"""What every judging command does around its run: the dry-run listing, the run itself with
Ctrl-C handled, and the closing lines (result, calls, stored errors).

``plug-judge compare`` / ``grade`` (:mod:`plug_eval.judge_cli`) and ``plug-judge truthful``
(:mod:`plug_eval.truthful_cli`) differ in their plans and summaries, not in how a run starts,
stops or reports what it could not judge; this module is that shared part, so the two can no
longer drift apart (the truthful command once lacked both the interrupted marking and the
stored-errors hint).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable, Sequence
from typing import Any

from plug_eval.errors import PlugEvalError

PROG = "plug-judge"


def cost_text(value: float | None) -> str:
    return "unknown" if value is None else f"${value:.4f}"


def print_dry_run(plan: Any, prompt_of: Callable[[Any], str], what: str = "") -> None:
    """One line per planned call (stored, or to call with its estimated cost), then the totals.

    ``prompt_of(call)`` is the text the judge will read (the estimate counts it); ``what`` opens
    the totals line (e.g. how many answers were read)."""
    from plug_eval.prices import estimated_cost, max_call_cost

    pending = {c.key for c in plan.pending}
    est = 0.0
    for c in plan.calls:
        stored = c.key not in pending
        cost = None if plan.price is None or stored else estimated_cost(prompt_of(c), c.request.decoding, plan.price)
        est += cost or 0.0
        print(f"{c.item_id}\t{c.order or 'single'}\t{c.key[:12]}\t"
              f"{'stored, no call' if stored else 'call, est. ' + cost_text(cost)}")
    worst = None
    if plan.price is not None and plan.pending and "max_tokens" in plan.config.decoding:
        worst = sum(max_call_cost(prompt_of(c), c.request.decoding, plan.price) for c in plan.pending)
    print(f"{what}{len(plan.calls)} judgments: {len(plan.calls) - len(plan.pending)} stored, "
          f"{len(plan.pending)} to call; judge {plan.config.label()}; "
          f"estimated cost {cost_text(est if plan.price else None)}"
          + (f" (at most {cost_text(worst)})" if worst is not None else ""))


def run_and_report(args: argparse.Namespace, plan: Any, opts: Any, *,
                   run_plan: Callable[[Any, Any], dict[str, Any]],
                   result_line: Callable[[dict[str, Any]], str],
                   write_summary: Callable[..., dict[str, Any]]) -> int:
    """Run the plan; print the result, the calls made and any stored errors; exit code.

    On Ctrl-C the summary is rebuilt from what is stored and marked ``"stopped": "interrupted"``
    (``write_summary(out, run_info=...)``), so a report never reads the run as finished, and the
    exit code is 130."""
    try:
        summary = run_plan(plan, opts)
    except KeyboardInterrupt:
        mark_interrupted(args.out, write_summary)
        print(f"\n{PROG}: interrupted; every finished judgment is stored in {args.out}: "
              "rerun the same command to resume", file=sys.stderr)
        return 130
    print(result_line(summary))
    run = summary["run"]
    stopped = f"; STOPPED ({run['stopped']}): {run['pending']} judgments not made" if run.get("stopped") else ""
    print(f"{run.get('calls_made', 0)} calls in {run.get('seconds', 0):.1f} s{stopped}; wrote {args.out}/summary.json")
    print_stored_errors(summary, args)
    return 0


def mark_interrupted(out: str, write_summary: Callable[..., dict[str, Any]]) -> None:
    """Rebuild summary.json as stopped ("interrupted"), so a report never reads it as finished."""
    try:
        write_summary(out, run_info={"stopped": "interrupted"})
    except (OSError, PlugEvalError, KeyboardInterrupt):  # nothing judged yet, or a second Ctrl-C: no summary
        pass


def retry_command(args: argparse.Namespace) -> str:
    """The command line that calls the stored errors again (credentials in URLs redacted)."""
    from plug_eval.judges.base import redact_url

    argv: Sequence[str] = getattr(args, "argv", None) or sys.argv[1:]
    shown = [(redact_url(a) or a) if "://" in a else a for a in argv]
    return shlex.join([PROG, *[a for a in shown if a != "--retry-errors"], "--retry-errors"])


def print_stored_errors(summary: dict[str, Any], args: argparse.Namespace) -> None:
    """Any run that ends with stored errors says how many, of which kind, and how to call them again."""
    n = summary.get("errors") or 0
    if not n:
        return
    kinds = (summary.get("run") or {}).get("error_kinds") or {}
    detail = f" ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})" if kinds else ""
    print(f"{PROG}: {n} judgments are stored as errors{detail}; rerunning the same command does not call "
          f"them again; to do so: {retry_command(args)}", file=sys.stderr)
