"""``plug-judge``: compare two systems' answers with an LLM judge, grade one system, summarise.

A thin shell: each subcommand parses, calls one library function (:mod:`plug_eval.compare`,
:mod:`plug_eval.rundir`) and prints.  User errors print one line and exit 2.  Every option
can also come from the environment as ``PLUG_JUDGE_<OPTION>`` (``PLUG_JUDGE_CONCURRENCY=32``).
If :mod:`plug_eval.report_cli` exists it adds its subcommands (``report``,
``import-alpacaeval``) through ``add_subcommands(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plug_eval import judge_run
from plug_eval.errors import PlugEvalError, fail

PROG = judge_run.PROG
UNSCORED_WARNING = 0.05  #: the result line warns when more than this share of items is unscored

COMPARE_EPILOG = """examples:
  plug-judge compare out/plug/samples_xalpacaeval_pivot_zh_*.jsonl out/base/samples_xalpacaeval_zh_*.jsonl \\
      --judge openai:gpt-4o --out runs/zh --filter plug_extract
  plug-judge compare plug.json baseline.json --lang ko --judge anthropic:claude-sonnet-4-20250514 --out runs/ko
  plug-judge compare a.json b.json --lang zh --judge openai:Qwen2.5-72B-Instruct \\
      --base-url http://localhost:8000/v1 --out runs/zh-local --concurrency 32
  plug-judge compare a.json b.json --lang zh --judge rules --out runs/smoke   # offline, NOT a quality judge

A is the system under test, B the baseline.  Keys come from OPENAI_API_KEY / ANTHROPIC_API_KEY.
Rerunning the same command makes no call whose judgment is stored; after a crash it resumes."""

GRADE_EPILOG = """examples:
  plug-judge grade plug.json --lang zh --judge openai:gpt-4o --out runs/grade-zh

A reply without a [[rating]] is excluded from the mean and counted as unparsed."""


def _common_judge_args(p: argparse.ArgumentParser, *, pairwise: bool) -> None:
    g = p.add_argument_group("judge")
    g.add_argument("--judge", required=True, metavar="SPEC",
                   help="preset name (see `plug-judge judges`), preset.yaml, BACKEND:MODEL or rules")
    g.add_argument("--base-url", help="OpenAI/Anthropic-compatible server URL (vLLM, llama.cpp, Ollama, a proxy)")
    g.add_argument("--template", metavar="FILE", help="your own jinja2 prompt template (e.g. the paper's prompt)")
    g.add_argument("-J", dest="judge_args", action="append", default=[], metavar="KEY=VALUE",
                   help="decoding or judge option, e.g. -J temperature=0 -J max_tokens=512 -J batch_size=4")
    g.add_argument("--prices", metavar="FILE", help="YAML/JSON {model: {input: USD/1M, output: USD/1M}}")
    d = p.add_argument_group("data")
    d.add_argument("--lang", help="language code of the answers when the files do not say (en zh ko it es)")
    d.add_argument("--filter", help="lm-eval samples holding several filters: the one whose filtered_resps are "
                   "the answers (a file with one filter uses it)")
    r = p.add_argument_group("run")
    r.add_argument("--out", required=True, metavar="DIR", help="run directory (created; reused to resume)")
    r.add_argument("--concurrency", type=int, default=8, help="calls in flight (default 8)")
    r.add_argument("--seed", type=int, default=0, help="seed for --orders 1 and the bootstrap (default 0)")
    r.add_argument("--max-cost", type=float, metavar="USD",
                   help="stop before the total spent on this run directory (every earlier run and --force "
                   "re-judgment included) could exceed USD")
    r.add_argument("--dry-run", action="store_true", help="print the calls and their estimated cost, write nothing")
    r.add_argument("--retry-errors", action="store_true", help="call again the judgments stored as errors")
    r.add_argument("--force", action="store_true", help="judge again; new records are appended, none rewritten")
    r.add_argument("--accept-new-identity", action="store_true",
                   help="rerun into a run directory made with other inputs, judge, base URL, language or "
                   "template, reusing the stored judgments whose keys still match")
    r.add_argument("--max-consecutive-failures", type=int, default=20, metavar="N",
                   help="stop the run after N connection failures in a row (default 20)")
    r.add_argument("--max-retries", type=int, default=6, help="retries of a failing call (default 6)")
    r.add_argument("--timeout", type=float, default=120.0, help="seconds per attempt (default 120)")
    r.add_argument("--retry-after-cap", type=float, default=60.0, help="longest wait a server may ask (s)")
    r.add_argument("--n-resamples", type=int, default=10_000, help="bootstrap resamples (default 10000)")
    r.add_argument("--quiet", action="store_true", help="no progress line")
    if pairwise:
        r.add_argument("--orders", type=int, choices=(1, 2), default=2,
                       help="2: both orders (default); 1: one order per item, chosen by --seed")
        d.add_argument("--allow-missing", action="store_true", help="judge the shared ids, record the missing")
        d.add_argument("--name-a", help="name of system A (default: from the file)")
        d.add_argument("--name-b", help="name of system B (default: from the file)")
    else:
        d.add_argument("--name", help="name of the system (default: from the file)")


def _env_defaults(p: argparse.ArgumentParser) -> None:
    """``PLUG_JUDGE_<DEST>`` environment variables become option defaults."""
    for action in p._actions:  # argparse has no public way to walk a parser's options
        env = os.environ.get(f"PLUG_JUDGE_{action.dest.upper()}")
        if env is None or not action.option_strings or action.dest == "help":
            continue
        if action.nargs == 0:
            action.default = env.lower() in ("1", "true", "yes")
        else:
            action.default = action.type(env) if callable(action.type) else env
            action.required = False


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Pairwise LLM judging of two systems' answers, "
                                     "both orders, resumable, within a budget.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("compare", help="judge A against B", epilog=COMPARE_EPILOG, formatter_class=fmt,
                       description="Judge system A's answers against system B's in both orders.")
    p.add_argument("a_file", metavar="A_FILE", help="answers of the system under test")
    p.add_argument("b_file", metavar="B_FILE", help="answers of the baseline")
    _common_judge_args(p, pairwise=True)
    p.set_defaults(func=cmd_compare, mode="pairwise")
    p = sub.add_parser("grade", help="1-10 single-answer grading", epilog=GRADE_EPILOG, formatter_class=fmt,
                       description="Grade one system's answers from 1 to 10.")
    p.add_argument("a_file", metavar="FILE")
    _common_judge_args(p, pairwise=False)
    p.set_defaults(func=cmd_compare, mode="grade")
    p = sub.add_parser("validate", help="check inputs and judge configuration without spending",
                       description="Check files, judge, template, key and prices; print the plan. Writes nothing.")
    p.add_argument("a_file", metavar="A_FILE")
    p.add_argument("b_file", metavar="B_FILE", nargs="?", help="omit to validate a grade run")
    _common_judge_args(p, pairwise=True)
    p.set_defaults(func=cmd_validate, mode=None)
    p = sub.add_parser("summarize", help="rebuild summary.json from stored judgments (no call)",
                       description="Rebuild summary.json of run directories from their stores, in one process.")
    p.add_argument("run_dirs", nargs="+", metavar="DIR")
    p.set_defaults(func=cmd_summarize)
    p = sub.add_parser("judges", help="list presets and backends")
    p.set_defaults(func=cmd_judges)
    _add_report_commands(sub)
    _add_truthful_command(sub)
    for name, sp in sub.choices.items():
        if name in ("compare", "grade", "validate"):
            _env_defaults(sp)
    return parser


def _add_report_commands(sub: Any) -> None:
    try:
        module = importlib.import_module("plug_eval.report_cli")
    except ModuleNotFoundError as err:
        if err.name != "plug_eval.report_cli":
            raise
        return
    module.add_subcommands(sub)


def _add_truthful_command(sub: Any) -> None:
    """``truthful`` (:mod:`plug_eval.truthful_cli`) with the judge and run options of ``grade``."""
    from plug_eval import truthful_cli

    p = truthful_cli.add_subcommand(sub)
    _common_judge_args(p, pairwise=False)
    p.set_defaults(make_options=_options)
    _env_defaults(p)


# --------------------------------------------------------------------------- commands


def _options(args: argparse.Namespace) -> Any:
    from plug_eval.compare import RunOptions
    from plug_eval.prices import PriceTable

    checks = [("--seed", args.seed, args.seed >= 0, "0 or more"),
              ("--n-resamples", args.n_resamples, args.n_resamples >= 1, "at least 1")]
    for option, value, ok, rule in checks:  # every option before anything is read, written or paid
        if not ok:
            raise PlugEvalError(f"{option} must be {rule}, not {value}")
    prices = PriceTable().override(args.prices) if args.prices else PriceTable()
    opts = RunOptions(out=Path(args.out), concurrency=args.concurrency, orders=getattr(args, "orders", 2),
                      seed=args.seed, max_cost=args.max_cost, retry_errors=args.retry_errors, force=args.force,
                      max_retries=args.max_retries, retry_after_cap=args.retry_after_cap, timeout=args.timeout,
                      prices=prices, n_resamples=args.n_resamples, progress=None if args.quiet else sys.stderr,
                      max_consecutive_failures=args.max_consecutive_failures,
                      accept_new_identity=args.accept_new_identity)
    opts.check()  # the engine's limits
    return opts


def _plan(args: argparse.Namespace, mode: str) -> tuple[Any, Any]:
    from plug_eval.compare import make_plan
    from plug_eval.judges.config import parse_overrides, resolve

    config = resolve(args.judge, mode, base_url=args.base_url, template=args.template,
                     overrides=parse_overrides(args.judge_args))
    opts = _options(args)
    paths = [args.a_file] + ([args.b_file] if mode == "pairwise" else [])
    names = (getattr(args, "name_a", None) or getattr(args, "name", None), getattr(args, "name_b", None))
    plan = make_plan(paths, config, opts, lang=args.lang, filter=args.filter,
                     allow_missing=getattr(args, "allow_missing", False), names=names)
    return plan, opts


def _result_line(s: dict[str, Any]) -> str:
    if s.get("mode") == "grade":
        mean = "none" if s["mean_rating"] is None else f"{s['mean_rating']:.2f}"
        return (f"{s['system']} ({s['lang']}, judge {s['judge']}): mean rating {mean} over {s['n_rated']} rated; "
                f"{s['unrated']} unrated ({s['unparsed']} unparsed, {s['errors']} errors); "
                f"cost {judge_run.cost_text(s['cost_usd'])}")
    rate = "nothing scored" if s["win_rate"] is None else \
        f"win rate {s['win_rate']:.1f} [{s['ci_low']:.1f}, {s['ci_high']:.1f}]"
    if s["win_rate"] is not None:
        rate += ", no decisive item" if s["p_value"] is None else f", p={s['p_value']:.3g}"
    pending = f", {s['pending']} pending (not judged yet)" if s.get("pending") else ""
    share = s["unscored"] / s["n_items"] if s.get("n_items") else 0.0
    warn = (f"; WARNING: {100 * share:.0f}% of items unscored (see the reasons in judgments.jsonl)"
            if share > UNSCORED_WARNING else "")
    return (f"{s['system_a']} vs {s['system_b']} ({s['lang']}, judge {s['judge']}): {rate}; "
            f"W/w/T/l/L {s['win']}/{s['slight_win']}/{s['tie']}/{s['slight_loss']}/{s['loss']}, "
            f"{s['n_scored']} scored, {s['unscored']} unscored{pending}, {s['errors']} errors; "
            f"cost {judge_run.cost_text(s['cost_usd'])}{warn}")


def cmd_compare(args: argparse.Namespace) -> int:
    import threading

    from plug_eval import rundir
    from plug_eval.compare import prompt_text, run_plan

    # reading, language checks and rendering take seconds on big files: say so after 1 s (a bad input is
    # usually found sooner, and its error then stays the only line)
    notice = threading.Timer(1.0, lambda: print("plug-judge: preparing: reading the answers, checking languages, "
                                                "rendering the prompts", file=sys.stderr, flush=True))
    if not args.quiet and not args.dry_run:
        notice.start()
    try:
        plan, opts = _plan(args, args.mode)
    finally:
        notice.cancel()
    if plan.config.not_a_quality_judge:
        print("plug-judge: note: the rules judge is an offline language check, NOT a quality judge", file=sys.stderr)
    if args.dry_run:
        judge_run.print_dry_run(plan, prompt_text)
        return 0
    return judge_run.run_and_report(args, plan, opts, run_plan=run_plan, result_line=_result_line,
                                    write_summary=rundir.write_summary)


def cmd_validate(args: argparse.Namespace) -> int:
    mode = "pairwise" if args.b_file else "grade"
    plan, _ = _plan(args, mode)
    n_a = len(plan.inputs.files[0].answers)
    files = ", ".join(f"{f.path} ({f.format}, {f.system}, {len(f.answers)} answers)" for f in plan.inputs.files)
    print(f"ok: {files}")
    print(f"ok: {len(plan.inputs.items)} items of {n_a}; judge {plan.config.label()} (preset {plan.config.preset}, "
          f"template {plan.config.template_name}); {len(plan.calls)} judgments, {len(plan.pending)} to call")
    if plan.price is None:
        print(f"warning: no price known for {plan.config.model!r}: costs will be null (see --prices)")
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from plug_eval import truthful_cli, truthful_run
    from plug_eval.rundir import summarize_dirs

    truthful = [d for d in args.run_dirs if truthful_run.is_truthful_dir(d)]
    pairwise = [d for d in args.run_dirs if d not in truthful]
    for directory, summary in zip(pairwise, summarize_dirs(pairwise) if pairwise else [], strict=True):
        print(f"{directory}: {_result_line(summary)}")
    for directory in truthful:
        print(f"{directory}: {truthful_cli.result_line(truthful_run.write_summary(directory))}")
    return 0


def cmd_judges(args: argparse.Namespace) -> int:
    from plug_eval.judges import registry
    from plug_eval.judges.config import load_preset, preset_names

    print("presets (--judge NAME):")
    for name in preset_names():
        data, _, _ = load_preset(name)
        target = f"{data.get('backend', '-')}:{data.get('model', '-')}" if data.get("backend") else "any backend"
        print(f"  {name:<14} {data.get('mode', 'pairwise'):<9} {target:<34} {data.get('description', '')}")
    print("backends (--judge BACKEND:MODEL): " + ", ".join(registry.names()))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(argv) if argv is not None else sys.argv[1:]
    try:
        return int(args.func(args))
    except PlugEvalError as err:
        fail(PROG, err)


if __name__ == "__main__":
    sys.exit(main())
