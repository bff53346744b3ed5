"""``plug-judge report``: the HTML leaderboard, CSV and Markdown from run directories.

:mod:`plug_eval.judges.cli` mounts it with :func:`add_subcommands` (``plug-judge report``,
``python -m plug_eval.judges report``).  jinja2 and scipy are imported inside the command, so
``--help`` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

REPORT_EPILOG = """examples:
  plug-judge report runs/zh runs/ko -o out/report.html
  plug-judge report runs/* -o out/report.html --title "PLUG vs baseline"

Writes report.html (self-contained: opens offline), summary.csv and summary.md next to it, and
report_files/<comparison>.html answer browsers when the answers are too large to inline."""


def add_subcommands(subparsers: Any) -> None:
    """Register ``report`` on a subparsers object."""
    p = subparsers.add_parser("report", help="HTML leaderboard, CSV and Markdown from run directories",
                              description="Build the leaderboard report from run directories.", epilog=REPORT_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR", help="directories written by compare or import")
    p.add_argument("-o", "--output", required=True, metavar="OUT/report.html", help="where to write the report")
    p.add_argument("--title", default="plug-eval leaderboard", help="page title")
    p.add_argument("--inline-limit", type=int, default=None, metavar="BYTES",
                   help="inline the answer browser below this many bytes of answers (default 300000)")
    p.add_argument("--results", action="append", default=[], metavar="results_*.json",
                   help="lm-eval results files with xsvamp_* tasks: their accuracy joins the per-language view")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from plug_eval.reports import build_report

    written = build_report(args.run_dirs, args.output, title=args.title, inline_limit=args.inline_limit,
                           results=args.results)
    for path in written:
        print(f"wrote {path}")
    return 0
