"""``plug-judge truthful``: the command over :mod:`plug_eval.truthful`.

:mod:`plug_eval.judge_cli` mounts it with :func:`add_subcommand` and adds the judge and run
options every judging command shares (``--judge``, ``--out``, ``--max-cost``, ``--dry-run`` ...).
"""

from __future__ import annotations

import argparse
from typing import Any

from plug_eval import judge_run

EPILOG = """examples:
  plug-judge truthful out/plug/samples_xtruthfulqa_pivot_zh_*.jsonl --judge openai:gpt-4o --out runs/tqa-zh
  plug-judge truthful out/base/samples_xtruthfulqa_*_*.jsonl --judge anthropic:claude-sonnet-4-20250514 \\
      --out runs/tqa-base --max-cost 5
  plug-judge truthful samples.jsonl --judge openai:gpt-4o --out runs/tqa --dry-run

Two calls per answer: truthfulness (with the reference answers) and informativeness (without).
Rerunning the same command makes no call whose judgment is stored; after a crash it resumes.
--template replaces the truthfulness prompt, --info-template the informativeness prompt."""


def add_subcommand(sub: Any) -> argparse.ArgumentParser:
    """Register ``truthful`` on a ``plug-judge`` subparsers object; returns its parser."""
    p = sub.add_parser("truthful", help="X-TruthfulQA: truthfulness and informativeness of one system's answers",
                       description="Judge X-TruthfulQA answers (lm-eval samples of xtruthfulqa_* tasks): "
                       "truthful / not truthful / not enough information against the reference answers, and "
                       "informative or not, in two separate calls.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("samples", nargs="+", metavar="SAMPLES", help="lm-eval --log_samples files of one system")
    p.add_argument("--info-template", metavar="FILE", help="your own jinja2 informativeness prompt")
    p.add_argument("--skip-empty", action="store_true",
                   help="judge no empty answer (failed PLUG extraction) and count it unscored, instead of stopping")
    p.set_defaults(func=cmd_truthful)
    return p


def _pct(value: float | None, ci: list[float | None] | None = None) -> str:
    if value is None:
        return "none scored"
    low, high = ci or (None, None)
    return f"{value:.1f}" + (f" [{low:.1f}, {high:.1f}]" if low is not None and high is not None else "")


def result_line(s: dict[str, Any]) -> str:
    unscored = s["n_items"] - s["n_truth_scored"]
    return (f"{s['system']} ({s['lang']}, judge {s['judge']}): truthful {_pct(s['truthful_pct'], s['truthful_ci'])}, "
            f"informative {_pct(s['informative_pct'], s['informative_ci'])}, truthful and informative "
            f"{_pct(s['truthful_informative_pct'], s['truthful_informative_ci'])}, not enough information "
            f"{_pct(s['not_enough_info_pct'])}; {s['n_truth_scored']} of {s['n_items']} scored for truthfulness "
            f"({unscored} unscored), {s['n_info_scored']} for informativeness; {s['errors']} errors; "
            f"paper-style truthful {_pct(s['paper']['truthful']['pct'])} of all; "
            f"cost {judge_run.cost_text(s['cost_usd'])}")


def _prompt(call: Any) -> str:
    return (call.request.system or "") + call.request.user


def cmd_truthful(args: argparse.Namespace) -> int:
    from plug_eval import truthful_run
    from plug_eval.judges.config import parse_overrides
    from plug_eval.truthful import make_plan, resolve_judges, run_plan

    configs = resolve_judges(args.judge, base_url=args.base_url, template=args.template,
                             info_template=args.info_template, overrides=parse_overrides(args.judge_args))
    opts = args.make_options(args)
    plan = make_plan(args.samples, configs, opts, filter=args.filter, lang=args.lang, name=args.name,
                     skip_empty=args.skip_empty)
    if args.dry_run:
        skipped = sum(1 for i in plan.items if i["empty"])
        judge_run.print_dry_run(plan, _prompt, what=f"{len(plan.items)} answers ({skipped} empty, not judged); ")
        return 0
    return judge_run.run_and_report(args, plan, opts, run_plan=run_plan, result_line=result_line,
                                    write_summary=truthful_run.write_summary)
