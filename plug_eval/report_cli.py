"""`plug-judge report` and `plug-judge import-alpacaeval`: thin shells over library calls.

``plug_eval.judge_cli`` mounts these through :func:`add_subcommands`; ``python -m
plug_eval.report_cli`` runs them on their own (plus ``summarize``, which recomputes the
summaries of many run directories in one process, for when ``plug-judge`` is not installed).
Heavy imports (jinja2, scipy) happen inside the commands, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from plug_eval.errors import PlugEvalError, fail

PROG = "plug-judge"

REPORT_EPILOG = """examples:
  plug-judge report runs/zh runs/ko -o out/report.html
  plug-judge report runs/* -o out/report.html --title "PLUG vs baseline"

Writes report.html (self-contained: opens offline), summary.csv and summary.md next to it, and
report_files/<comparison>.html answer browsers when the answers are too large to inline."""

IMPORT_EPILOG = """examples:
  plug-judge import-alpacaeval results/claude-2/weighted_alpaca_eval_gpt4_turbo/annotations.json --out runs/claude-2

System A is the evaluated model (generator_2), B AlpacaEval's baseline (generator_1).
summary.json adds AlpacaEval's own metrics under "alpacaeval"."""


def add_subcommands(subparsers: Any) -> None:
    """Register `report` and `import-alpacaeval` on a ``plug-judge`` subparsers object."""
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

    p = subparsers.add_parser("import-alpacaeval", help="turn AlpacaEval annotations into a run directory",
                              description="Import AlpacaEval judge annotations.", epilog=IMPORT_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("annotations", metavar="ANNOTATIONS.json")
    p.add_argument("--out", required=True, metavar="DIR", help="run directory to write")
    p.add_argument("--lang", default="en", help="language code of the answers (default en)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--n-resamples", type=int, default=10_000, help="bootstrap resamples (default 10000)")
    p.add_argument("--force", action="store_true", help="write into a non-empty directory")
    p.set_defaults(func=cmd_import_alpacaeval)


def cmd_import_alpacaeval(args: argparse.Namespace) -> int:
    from plug_eval.alpacaeval import import_annotations

    s = import_annotations(args.annotations, args.out, lang=args.lang, force=args.force, seed=args.seed,
                           n_resamples=args.n_resamples)
    print(f"{s['system_a']} vs {s['system_b']} ({s['lang']}, judge {s['judge']}): " + _line(s))
    ae = s["alpacaeval"]
    print(f"  AlpacaEval: win_rate {ae['win_rate']:.3f}, standard_error {ae['standard_error']:.3f}, "
          f"n_total {ae['n_total']}, discrete_win_rate {ae['discrete_win_rate']:.3f}")
    print(f"  wrote {args.out}/items.jsonl, judgments.jsonl, summary.json")
    return 0


def _line(s: dict[str, Any]) -> str:
    if s["win_rate"] is None:
        return f"nothing scored ({s['unscored']} unscored)"
    return (f"win rate {s['win_rate']:.1f} [{s['ci_low']:.1f}, {s['ci_high']:.1f}], "
            f"n {s['n_scored']} scored / {s['unscored']} unscored")


def cmd_report(args: argparse.Namespace) -> int:
    from plug_eval.reports import build_report

    written = build_report(args.run_dirs, args.output, title=args.title, inline_limit=args.inline_limit,
                           results=args.results)
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from plug_eval.rundir import summarize_dirs

    for directory, summary in zip(args.run_dirs, summarize_dirs(args.run_dirs, write=not args.dry_run), strict=True):
        print(f"{directory}: {summary['system_a']} vs {summary['system_b']} ({summary['lang']}): " + _line(summary))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="plug-eval reports and imports")
    sub = parser.add_subparsers(dest="command", required=True)
    add_subcommands(sub)
    p = sub.add_parser("summarize", help="recompute summary.json of run directories without any judge call")
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR")
    p.add_argument("--dry-run", action="store_true", help="print, do not write summary.json")
    p.set_defaults(func=cmd_summarize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except PlugEvalError as err:
        fail(PROG, err)


if __name__ == "__main__":
    sys.exit(main())
