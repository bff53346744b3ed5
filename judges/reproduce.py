"""``plug-judge paper-table`` and ``plug-judge svamp-extract``: the paper's numbers for your models.

:mod:`plug_eval.judges.cli` mounts both with :func:`add_subcommands`.  The work is elsewhere:
the table in :mod:`plug_eval.judges.papertable`, the X-SVAMP extraction job in
:mod:`plug_eval.judges.jobs.svamp_extract` (over the call layer, with the shared run flags).
Everything heavy is imported inside the commands, so ``plug-judge --help`` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

from plug_eval.llm.cli import add_run_flags

PROG = "plug-judge"

PAPER_TABLE_EPILOG = """examples:
  plug-judge paper-table judged/zh judged/ko judged/it judged/es
  plug-judge paper-table judged/*/ --csv paper_table.csv

One row per run directory (W/T/L/error % of the items judged in both orders, as the PLUG repository's
calculate_pair_judge_score.py counts them; Δ = W - L in points, the script prints |Δ|), then per judge the
mean Δ over the runs, with a 95% interval from the runs' bootstrap resamples."""

SVAMP_EPILOG = """examples:
  plug-judge svamp-extract out/plug/*/samples_xsvamp_pivot_zh_*.jsonl --filter plug_extract \\
      --judge openai:gpt-3.5-turbo --out extracted/plug-zh
  plug-judge svamp-extract out/base/*/samples_xsvamp_zh_*.jsonl --judge openai:gpt-3.5-turbo \\
      --out extracted/base-zh --max-cost 1 --dry-run

One call per answer (greedy, 20 tokens). svamp.json gives accuracy_llm (the paper's method: the LLM's reply read
by the paper's regex), accuracy_rule (the tasks' rule) and accuracy_paper_regex (the regex on the whole answer)."""


def add_subcommands(sub: Any) -> None:
    """Register ``paper-table`` and ``svamp-extract`` on ``plug-judge``'s subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("paper-table", help="the PLUG paper's W/T/L/Δ table of run directories, with the mean Δ",
                       description="The PLUG paper's X-AlpacaEval table from compare run directories (no call).",
                       epilog=PAPER_TABLE_EPILOG, formatter_class=fmt)
    p.add_argument("run_dirs", nargs="+", metavar="DIR", help="run directories of plug-judge compare")
    p.add_argument("--csv", metavar="FILE", help="also write the table, full precision, as CSV")
    p.set_defaults(func=cmd_paper_table)
    p = sub.add_parser("svamp-extract", help="X-SVAMP: the final numbers read by an LLM (the paper's main method)",
                       description="Extract each X-SVAMP answer's final number with an LLM and score accuracy "
                       "beside the rule-based and regex columns.", epilog=SVAMP_EPILOG, formatter_class=fmt)
    p.add_argument("samples", nargs="+", metavar="SAMPLES", help="lm-eval --log_samples files of xsvamp_* tasks")
    p.add_argument("--judge", required=True, metavar="BACKEND:MODEL", help="the extractor, e.g. openai:gpt-3.5-turbo")
    p.add_argument("--base-url", help="OpenAI/Anthropic-compatible server URL (vLLM, llama.cpp, Ollama, a proxy)")
    p.add_argument("--filter", help="lm-eval samples holding several filters: the one whose filtered_resps are "
                   "the answers (a file with one filter uses it)")
    p.add_argument("--lang", help="language code of the answers when the files do not say")
    add_run_flags(p)
    p.set_defaults(func=cmd_svamp_extract)


def cmd_paper_table(args: argparse.Namespace) -> int:
    from plug_eval.judges import papertable

    t = papertable.table(papertable.comparisons(args.run_dirs))
    print(papertable.render_text(t))
    if args.csv:
        papertable.write_csv(t, args.csv)
        print(f"wrote {args.csv}")
    return 0


def cmd_svamp_extract(args: argparse.Namespace) -> int:
    from plug_eval.judges.jobs import svamp_extract
    from plug_eval.llm.cli import limits, parse_overrides, run_command
    from plug_eval.llm.jobs import plan_job

    opts = limits(args)
    job = svamp_extract.make_job(args.samples, args.judge, base_url=args.base_url,
                                 overrides=parse_overrides(args.call_args), filter=args.filter, lang=args.lang,
                                 timeout=opts.timeout)
    return run_command(plan_job(job, opts), opts, args, prog=PROG, result_line=svamp_extract.result_line,
                       what=f"{len(job.answers)} answers; ")
