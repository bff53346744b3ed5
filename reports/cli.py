"""``plug-judge report``: the HTML leaderboard, CSV and Markdown from run directories.

:mod:`plug_eval.judges.cli` mounts it with :func:`add_subcommands` (``plug-judge report``,
``python -m plug_eval.judges report``).  jinja2 and scipy are imported inside the command, so
``--help`` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

REPORT_EPILOG = """examples:
  plug-judge report runs/zh runs/ko --out out/report.html
  plug-judge report runs/* --out out/report.html --title "PLUG vs baseline"
  plug-judge report runs/claude-2 runs/gpt-3.5 --out site/report.html \\
      --alpacaeval-weights baseline_gpt4_1106_preview.csv --alpacaeval-difficulty instruction_difficulty.csv

Writes report.html (opens offline; one leaderboard per judge and baseline), summary.csv and summary.md next to
it, and, when the answers are too large to inline, report_files/ with one data file per comparison that the page
loads when you open that comparison's answers."""


def add_subcommands(subparsers: Any) -> None:
    """Register ``report`` on a subparsers object."""
    from plug_eval import languages

    p = subparsers.add_parser("report", help="HTML leaderboard, CSV and Markdown from run directories",
                              description="Build the leaderboard report from run directories.", epilog=REPORT_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR", help="directories written by compare or import")
    p.add_argument("-o", "--out", "--output", dest="output", required=True, metavar="OUT/report.html",
                   help="where to write the report")
    p.add_argument("--title", default="plug-eval leaderboard", help="page title")
    p.add_argument("--inline-limit", type=int, default=None, metavar="BYTES",
                   help="inline the answer browser below this many bytes of answers (default 300000)")
    p.add_argument("--results", action="append", default=[], metavar="results_*.json",
                   help="lm-eval results files with xsvamp_* tasks: their accuracy joins the per-language view")
    p.add_argument("--alpacaeval-weights", metavar="CSV",
                   help="AlpacaEval's length-controlled GLM weights (metrics/weights/<annotator>/length_controlled_v1/"
                        "baseline_<baseline>.csv): AlpacaEval imports then show AlpacaEval's own LC")
    p.add_argument("--alpacaeval-difficulty", metavar="CSV",
                   help="AlpacaEval's per-instruction difficulties (instruction_difficulty.csv), needed with "
                        "--alpacaeval-weights")
    languages.add_flag(p)  # the names of languages added by a file
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from plug_eval.reports import build_report

    written = build_report(args.run_dirs, args.output, title=args.title, inline_limit=args.inline_limit,
                           results=args.results, alpacaeval_weights=args.alpacaeval_weights,
                           alpacaeval_difficulty=args.alpacaeval_difficulty)
    pages = [p for p in written if p.suffix == ".js"]
    for path in written:
        if path.suffix != ".js":
            print(f"wrote {path}")
    if pages:
        print(f"wrote {len(pages)} answer data files under {pages[0].parent}")
    return 0
