"""``plug-judge``: compare two systems' answers with an LLM judge, grade one system, judge
X-TruthfulQA answers, summarise, report.

A thin shell: each subcommand parses, builds one job (:mod:`plug_eval.judges.jobs`) and hands it
to the call layer's command runner (:func:`plug_eval.llm.cli.run_command`), which prints the same
closing lines for every job.  The run flags are the call layer's (:func:`~plug_eval.llm.cli.add_run_flags`,
shared with ``plug-train translate``); the judge and data flags are here.  User errors print one
line and exit 2.  Every option can also come from the environment as ``PLUG_JUDGE_<OPTION>``
(``PLUG_JUDGE_CONCURRENCY=32``).  ``report`` is :mod:`plug_eval.reports.cli`'s.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError, guarded
from plug_eval.judges import reproduce
from plug_eval.judges.inputs import MAX_EMPTY_SHARE
from plug_eval.judges.prompts import paper
from plug_eval.llm.cli import add_run_flags, limits, parse_overrides, run_command
from plug_eval.llm.prices import cost_text
from plug_eval.llm.rundir import BATCHES

PROG = "plug-judge"
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

TRUTHFUL_EPILOG = """examples:
  plug-judge truthful out/plug/samples_xtruthfulqa_pivot_zh_*.jsonl --judge openai:gpt-4o --out runs/tqa-zh
  plug-judge truthful out/base/samples_xtruthfulqa_*_*.jsonl --judge anthropic:claude-sonnet-4-20250514 \\
      --out runs/tqa-base --max-cost 5
  plug-judge truthful samples.jsonl --judge openai:gpt-4o --out runs/tqa --dry-run

Two calls per answer: truthfulness (with the reference answers) and informativeness (without).
Rerunning the same command makes no call whose judgment is stored; after a crash it resumes.
--template replaces the truthfulness prompt, --info-template the informativeness prompt."""

IMPORT_EPILOG = """examples:
  plug-judge import-alpacaeval results/claude-2/weighted_alpaca_eval_gpt4_turbo/annotations.json --out runs/claude-2

System A is the evaluated model (generator_2), B AlpacaEval's baseline (generator_1).
summary.json adds AlpacaEval's own metrics under "alpacaeval"."""


# --------------------------------------------------------------------------- the parser


def _judge_args(p: argparse.ArgumentParser, *, pairwise: bool, out_required: bool = True) -> None:
    """The judge, data and statistics flags of a judging command, then the shared run flags."""
    from plug_eval import languages

    g = p.add_argument_group("judge")
    g.add_argument("--judge", required=True, metavar="SPEC",
                   help="preset name (see `plug-judge judges`), preset.yaml, BACKEND:MODEL or rules")
    g.add_argument("--base-url", help="OpenAI/Anthropic-compatible server URL (vLLM, llama.cpp, Ollama, a proxy)")
    g.add_argument("--template", metavar="FILE", help="your own jinja2 prompt template (e.g. the paper's prompt)")
    d = p.add_argument_group("data")
    d.add_argument("--lang", help="language code of the answers when the files do not say (en zh ko it es)")
    languages.add_flag(d)
    d.add_argument("--filter", help="lm-eval samples holding several filters: the one whose filtered_resps are "
                   "the answers (a file with one filter uses it)")
    s = p.add_argument_group("statistics")
    s.add_argument("--seed", type=int, default=0, help="seed for --orders 1 and the bootstrap (default 0)")
    s.add_argument("--n-resamples", type=int, default=10_000, help="bootstrap resamples (default 10000)")
    d.add_argument("--limit", type=int, metavar="N", help="judge the first N items only (a quick check)")
    d.add_argument("--allow-empty", action="store_true",
                   help=f"judge even when more than {100 * MAX_EMPTY_SHARE:.0f}%% of a system's answers are empty")
    if pairwise:
        paper.add_judge_flags(g)  # issue 24: the PLUG repository's judge as a setting
        s.add_argument("--orders", type=int, choices=(1, 2), default=2,
                       help="2: both orders (default); 1: one order per item, chosen by --seed")
        d.add_argument("--allow-missing", action="store_true", help="judge the shared ids, record the missing")
        d.add_argument("--name-a", help="name of system A (default: from the file)")
        d.add_argument("--name-b", help="name of system B (default: from the file)")
    else:
        d.add_argument("--name", help="name of the system (default: from the file)")
    add_run_flags(p, out_required=out_required)


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
    from plug_eval.reports import cli as report_cli

    parser = argparse.ArgumentParser(prog=PROG, description="Pairwise LLM judging of two systems' answers, "
                                     "both orders, resumable, within a budget.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("compare", help="judge A against B", epilog=COMPARE_EPILOG, formatter_class=fmt,
                       description="Judge system A's answers against system B's in both orders.")
    p.add_argument("a_file", metavar="A_FILE", help="answers of the system under test")
    p.add_argument("b_file", metavar="B_FILE", help="answers of the baseline")
    _judge_args(p, pairwise=True)
    p.set_defaults(func=cmd_compare, mode="pairwise")
    p = sub.add_parser("grade", help="1-10 single-answer grading", epilog=GRADE_EPILOG, formatter_class=fmt,
                       description="Grade one system's answers from 1 to 10.")
    p.add_argument("a_file", metavar="FILE")
    _judge_args(p, pairwise=False)
    p.set_defaults(func=cmd_compare, mode="grade")
    p = sub.add_parser("validate", help="check inputs and judge configuration without spending",
                       description="Check files, judge, template, key and prices; print the plan. Writes nothing.")
    p.add_argument("a_file", metavar="A_FILE")
    p.add_argument("b_file", metavar="B_FILE", nargs="?", help="omit to validate a grade run")
    _judge_args(p, pairwise=True, out_required=False)
    p.set_defaults(func=cmd_validate, mode=None)
    p = sub.add_parser("summarize", help="rebuild summary.json from stored judgments (no call)",
                       description="Rebuild summary.json of run directories from their stores, in one process.")
    p.add_argument("run_dirs", nargs="+", metavar="DIR")
    p.set_defaults(func=cmd_summarize)
    p = sub.add_parser("judges", help="list presets and backends")
    p.set_defaults(func=cmd_judges)
    report_cli.add_subcommands(sub)
    _add_import(sub, fmt)
    _add_truthful(sub, fmt)
    reproduce.add_subcommands(sub)  # issue 24: paper-table, svamp-extract
    _add_batches(sub)
    for name, sp in sub.choices.items():
        if name in ("compare", "grade", "validate", "truthful"):
            _env_defaults(sp)
    return parser


def _add_import(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("import-alpacaeval", help="turn AlpacaEval annotations into a run directory",
                       description="Import AlpacaEval judge annotations.", epilog=IMPORT_EPILOG, formatter_class=fmt)
    p.add_argument("annotations", metavar="ANNOTATIONS.json")
    p.add_argument("--out", required=True, metavar="DIR", help="run directory to write")
    p.add_argument("--lang", default="en", help="language code of the answers (default en)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--n-resamples", type=int, default=10_000, help="bootstrap resamples (default 10000)")
    p.add_argument("--force", action="store_true", help="write into a non-empty directory")
    p.set_defaults(func=cmd_import_alpacaeval)


def _add_truthful(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("truthful", help="X-TruthfulQA: truthfulness and informativeness of one system's answers",
                       description="Judge X-TruthfulQA answers (lm-eval samples of xtruthfulqa_* tasks): "
                       "truthful / not truthful / not enough information against the reference answers, and "
                       "informative or not, in two separate calls.", epilog=TRUTHFUL_EPILOG, formatter_class=fmt)
    p.add_argument("samples", nargs="+", metavar="SAMPLES", help="lm-eval --log_samples files of one system")
    p.add_argument("--info-template", metavar="FILE", help="your own jinja2 informativeness prompt")
    p.add_argument("--skip-empty", action="store_true",
                   help="judge no empty answer (failed PLUG extraction) and count it unscored, instead of stopping")
    _judge_args(p, pairwise=False)
    p.set_defaults(func=cmd_truthful)


def _add_batches(sub: Any) -> None:
    p = sub.add_parser("batches", help="list or cancel a run directory's provider batches (--batch)",
                       description="The batches a --batch run of any LLM job (compare, grade, truthful, "
                       "plug-train translate) sent to the provider, from its run directory's batches.jsonl.")
    cmds = p.add_subparsers(dest="batches_command", required=True, metavar="ACTION")
    ls = cmds.add_parser("list", help="each batch with its provider, size and recorded state (no call)")
    ls.add_argument("run_dir", metavar="DIR")
    cancel = cmds.add_parser("cancel", help="ask the provider to cancel every open batch of DIR")
    cancel.add_argument("run_dir", metavar="DIR")
    cancel.add_argument("--base-url", help="where the batches went, when the recorded URL held credentials")
    p.set_defaults(func=cmd_batches)


# --------------------------------------------------------------------------- planning


def _statistics(args: argparse.Namespace) -> None:
    """The statistics flags, checked with the run flags before anything is read, written or paid."""
    for option, value, ok, rule in [("--seed", args.seed, args.seed >= 0, "0 or more"),
                                    ("--n-resamples", args.n_resamples, args.n_resamples >= 1, "at least 1")]:
        if not ok:
            raise PlugEvalError(f"{option} must be {rule}, not {value}")


def _pairwise_plan(args: argparse.Namespace, mode: str) -> tuple[Any, Any]:
    from plug_eval.judges.jobs.pairwise import PairwiseJob, load_inputs, make_backend
    from plug_eval.judges.prompts.config import resolve
    from plug_eval.llm.jobs import plan_job

    config = resolve(args.judge, mode, base_url=args.base_url, template=args.template,
                     overrides=parse_overrides(args.call_args), **paper.judge_options(args))
    _statistics(args)
    opts = limits(args)
    paths = [args.a_file] + ([args.b_file] if mode == "pairwise" else [])
    names = (getattr(args, "name_a", None) or getattr(args, "name", None), getattr(args, "name_b", None))
    inputs = load_inputs(paths, lang=args.lang, filter=args.filter, allow_missing=getattr(args, "allow_missing", False),
                         names=names, limit=args.limit, allow_empty=args.allow_empty)
    for (side, n), f in zip(inputs.empty.items(), inputs.files, strict=False):
        if n:  # said before any call: an empty answer usually loses, which is not the model's quality
            print(f"plug-judge: warning: {n} of {len(inputs.items)} answers of {f.system} ({side.upper()}) are empty",
                  file=sys.stderr)
    job = PairwiseJob(inputs, config, make_backend(config, opts.timeout), orders=getattr(args, "orders", 2),
                      seed=args.seed, n_resamples=args.n_resamples)
    return plan_job(job, opts, dry=args.dry_run), opts


# --------------------------------------------------------------------------- result lines


def _pct(value: float | None, ci: list[float | None] | None = None) -> str:
    if value is None:
        return "none scored"
    low, high = ci or (None, None)
    return f"{value:.1f}" + (f" [{low:.1f}, {high:.1f}]" if low is not None and high is not None else "")


def _truthful_line(s: dict[str, Any]) -> str:
    unscored = s["n_items"] - s["n_truth_scored"]
    return (f"{s['system']} ({s['lang']}, judge {s['judge']}): truthful {_pct(s['truthful_pct'], s['truthful_ci'])}, "
            f"informative {_pct(s['informative_pct'], s['informative_ci'])}, truthful and informative "
            f"{_pct(s['truthful_informative_pct'], s['truthful_informative_ci'])}, not enough information "
            f"{_pct(s['not_enough_info_pct'])}; {s['n_truth_scored']} of {s['n_items']} scored for truthfulness "
            f"({unscored} unscored), {s['n_info_scored']} for informativeness; {s['errors']} errors; "
            f"paper-style truthful {_pct(s['paper']['truthful']['pct'])} of all; "
            f"cost {cost_text(s['cost_usd'])}")


def _grade_line(s: dict[str, Any]) -> str:
    mean = "none" if s["mean_rating"] is None else f"{s['mean_rating']:.2f}"
    return (f"{s['system']} ({s['lang']}, judge {s['judge']}): mean rating {mean} over {s['n_rated']} rated; "
            f"{s['unrated']} unrated ({s['unparsed']} unparsed, {s['errors']} errors); "
            f"cost {cost_text(s['cost_usd'])}")


def _result_line(s: dict[str, Any]) -> str:
    run: dict[str, Any] = s["run"] if isinstance(s.get("run"), dict) else {}
    stopped = run.get("stopped")
    return _numbers_line(s) + (f"; UNFINISHED (stopped: {stopped})" if stopped else "")


def _numbers_line(s: dict[str, Any]) -> str:
    if s.get("kind") == "truthful":
        return _truthful_line(s)
    if s.get("mode") == "grade":
        return _grade_line(s)
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
            f"cost {cost_text(s['cost_usd'])}{warn}")


# --------------------------------------------------------------------------- commands


def cmd_compare(args: argparse.Namespace) -> int:
    # reading, language checks and rendering take seconds on big files: say so after 1 s (a bad input is
    # usually found sooner, and its error then stays the only line)
    notice = threading.Timer(1.0, lambda: print("plug-judge: preparing: reading the answers, checking languages, "
                                                "rendering the prompts", file=sys.stderr, flush=True))
    if not args.quiet and not args.dry_run:
        notice.start()
    try:
        plan, opts = _pairwise_plan(args, args.mode)
    finally:
        notice.cancel()
    if plan.job.config.not_a_quality_judge:
        print("plug-judge: note: the rules judge is an offline language check, NOT a quality judge", file=sys.stderr)
    return run_command(plan, opts, args, prog=PROG, result_line=_result_line)


def cmd_truthful(args: argparse.Namespace) -> int:
    from plug_eval.judges.jobs.pairwise import make_backend
    from plug_eval.judges.jobs.truthful import make_job, resolve_judges
    from plug_eval.llm.jobs import plan_job

    configs = resolve_judges(args.judge, base_url=args.base_url, template=args.template,
                             info_template=args.info_template, overrides=parse_overrides(args.call_args))
    _statistics(args)
    opts = limits(args)
    job = make_job(args.samples, configs, make_backend(configs["truthful"], opts.timeout), filter=args.filter,
                   lang=args.lang, name=args.name, skip_empty=args.skip_empty, seed=args.seed,
                   n_resamples=args.n_resamples)
    plan = plan_job(job, opts, dry=args.dry_run)
    skipped = sum(1 for i in job.answers if i["empty"])
    return run_command(plan, opts, args, prog=PROG, result_line=_result_line,
                       what=f"{len(job.answers)} answers ({skipped} empty, not judged); ")


def cmd_validate(args: argparse.Namespace) -> int:
    if args.out is None:  # validate writes nothing: a directory that does not exist holds nothing
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            args.out = str(Path(tmp) / "run")
            return cmd_validate(args)
    plan, _ = _pairwise_plan(args, "pairwise" if args.b_file else "grade")
    inputs, config = plan.job.inputs, plan.job.config
    n_a = len(inputs.files[0].answers)
    read = ", ".join(f"{f.path} ({f.format}, {f.system}, {len(f.answers)} answers)" for f in inputs.files)
    print(f"ok: {read}")
    print(f"ok: {len(inputs.items)} items of {n_a}; judge {config.label()} (preset {config.preset}, "
          f"template {config.template_name}); {len(plan.calls)} judgments, {len(plan.pending)} to call")
    if plan.price is None:
        print(f"warning: no price known for {config.model!r}: costs will be null (see --prices)")
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from plug_eval.judges.summaries import summarize_dirs

    for directory, summary in zip(args.run_dirs, summarize_dirs(args.run_dirs), strict=True):
        print(f"{directory}: {_result_line(summary)}")
    return 0


def cmd_import_alpacaeval(args: argparse.Namespace) -> int:
    from plug_eval.judges.jobs.alpacaeval_import import import_annotations

    s = import_annotations(args.annotations, args.out, lang=args.lang, force=args.force, seed=args.seed,
                           n_resamples=args.n_resamples)
    scored = f"nothing scored ({s['unscored']} unscored)" if s["win_rate"] is None else (
        f"win rate {s['win_rate']:.1f} [{s['ci_low']:.1f}, {s['ci_high']:.1f}], "
        f"n {s['n_scored']} scored / {s['unscored']} unscored")
    print(f"{s['system_a']} vs {s['system_b']} ({s['lang']}, judge {s['judge']}): {scored}")
    ae = s["alpacaeval"]
    print(f"  AlpacaEval: win_rate {ae['win_rate']:.3f}, standard_error {ae['standard_error']:.3f}, "
          f"n_total {ae['n_total']}, discrete_win_rate {ae['discrete_win_rate']:.3f}")
    print(f"  wrote {args.out}/items.jsonl, judgments.jsonl, summary.json")
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from plug_eval.llm import batch, batch_log

    if not (Path(args.run_dir) / BATCHES).exists():
        raise PlugEvalError("holds no batches.jsonl: no --batch run wrote here", args.run_dir)
    if args.batches_command == "list":
        lines = batch_log.listing(args.run_dir)
    else:
        lines = batch.cancel(args.run_dir, base_url=args.base_url)
    print("\n".join(lines))
    return 0


def cmd_judges(args: argparse.Namespace) -> int:
    from plug_eval.judges.prompts.config import load_preset, preset_names
    from plug_eval.llm import registry

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
    return guarded(PROG, lambda: args.func(args))


if __name__ == "__main__":
    sys.exit(main())
