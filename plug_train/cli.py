"""``plug-train``: fine-tune a causal LM on PLUG (or direct) rows, and build those rows.

    plug-train train --model DIR --data plug.jsonl --output OUT [--config run.yaml] [flags]
    plug-train build-data --parallel parallel.jsonl --target zh,ko,it,es --mode both --out data/
    plug-train translate --input alpaca.json --target zh,ko --model openai:gpt-4o-mini --out tr/
    accelerate launch [--config_file docs/accelerate/ddp.yaml] -m plug_train train ...
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from plug_eval.errors import guarded

from . import config as C

PROG = "plug-train"
SAMPLE = "sample"  #: --parallel sample: the parallel rows shipped with plug-eval

TRAIN_EXAMPLES = """examples:
  plug-train train --model ./tiny --data plug.jsonl --output runs/plug --epochs 4 --lr 5e-6
  plug-train train --config run.yaml --lr 1e-4 --lora --merge-lora      # flags override the YAML
  plug-train train --model ./tiny --data plug.jsonl:1 --data en.jsonl:0.25 --packing --max-length 1024 \\
      --batch-size 1 --output runs/packed
  plug-train train --output runs/plug --resume                          # continue the latest checkpoint
"""

BUILD_EXAMPLES = """examples:
  plug-train build-data --parallel parallel.jsonl --target zh,ko,it,es --mode both --out data/
  plug-train build-data --parallel parallel.jsonl --target zh:1,ko:0.5 --mode plug --english --out data/
  plug-train build-data --parallel tr/partial.jsonl --allow-partial --pivot zh --target ko --out data/
"""

TRANSLATE_EXAMPLES = """examples:
  plug-train translate --input alpaca.json --target zh,ko,it,es --model openai:gpt-4o-mini --out tr/ --dry-run
  plug-train translate --input alpaca.json --target zh,ko --model openai:qwen --base-url http://127.0.0.1:8000/v1 \\
      --out tr/ --concurrency 16 --max-cost 5 --spot-check 20
  plug-train translate --input alpaca.json --target zh,ko --model openai:gpt-4o-mini --out tr/ --retry-errors

--retry-errors (alias --retry-failed) asks again for the failed translations: failed calls and replies that
failed their checks.  The run flags are those of plug-judge: one run directory, one budget, one identity.
"""


def parser() -> argparse.ArgumentParser:
    from plug_eval import languages

    p = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a model", epilog=TRAIN_EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_flags(t)
    b = sub.add_parser("build-data", help="PLUG and direct rows from parallel rows", epilog=BUILD_EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--parallel", required=True, metavar="FILE", help="JSONL rows {id, instruction_en, "
                   "response_en, instruction_<lang>, response_<lang>}, or `sample` for the rows shipped here")
    b.add_argument("--target", required=True, help="languages, optionally weighted: zh,ko or zh:1,ko:0.5")
    b.add_argument("--mode", default="both", choices=("plug", "direct", "both"))
    b.add_argument("--english", action="store_true", help="add the English rows, answered directly")
    b.add_argument("--seed", type=int, default=0, help="seed of the selection and shuffle")
    b.add_argument("--out", required=True, metavar="DIR", help="writes DIR/plug.jsonl and/or DIR/direct.jsonl")
    b.add_argument("--pivot", default="en", help="language of the draft in PLUG rows (default en)")
    b.add_argument("--allow-partial", action="store_true", help="build each language from the rows that have it")
    languages.add_flag(b)
    _translate_flags(sub.add_parser("translate", help="translate instruction data into parallel rows with an LLM",
                                    epilog=TRANSLATE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter))
    return p


def _translate_flags(t: argparse.ArgumentParser) -> None:
    from plug_eval import languages
    from plug_eval.llm.cli import add_run_flags

    t.add_argument("--input", required=True, metavar="FILE", help="JSONL or JSON list of {id, instruction, "
                   "response} ({instruction, output} and single-turn {messages} too)")
    t.add_argument("--target", required=True, help="languages to translate into, e.g. zh,ko,it,es")
    t.add_argument("--source", default="en", help="language of the input (default en)")
    languages.add_flag(t)
    t.add_argument("--model", required=True, help="openai:MODEL, anthropic:MODEL or hf:PATH")
    t.add_argument("--base-url", help="an OpenAI-compatible server (vLLM, llama.cpp) for openai:MODEL")
    t.add_argument("--temperature", type=float, default=0.0)
    t.add_argument("--spot-check", type=int, default=0, metavar="N", help="write spotcheck.html with N random rows")
    t.add_argument("--seed", type=int, default=0, help="seed of the spot-check sample")
    add_run_flags(t, retry_aliases=("--retry-failed",),
                  out_help="run directory: parallel.jsonl, failures.jsonl, ... (created; reused to resume)")


def _translate(args: argparse.Namespace) -> int:
    """``plug-train translate`` on the call layer every LLM job shares (flags, checks, exit codes)."""
    from plug_eval.llm.cli import limits, parse_overrides, run_command
    from plug_eval.llm.jobs import plan_job
    from plug_eval.translate import make_job, result_line

    opts = limits(args)
    job = make_job(args.input, args.target, args.model, source=args.source, base_url=args.base_url,
                   temperature=args.temperature, overrides=parse_overrides(args.call_args), timeout=opts.timeout,
                   spot=args.spot_check, seed=args.seed)
    return run_command(plan_job(job, opts, dry=args.dry_run), opts, args, prog=PROG, result_line=result_line)


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    code = guarded(PROG, lambda: _run(args, argv))
    if code:
        sys.exit(code)


def _run(args: argparse.Namespace, argv: list[str] | None) -> int:
    if args.command == "build-data":
        from .build_data import build_data

        written = build_data(_parallel(args.parallel), args.target, args.mode, args.out, args.english, args.seed,
                             pivot=args.pivot, allow_partial=args.allow_partial)
        print(json.dumps(written))
        return 0
    if args.command == "translate":
        args.argv = list(argv) if argv is not None else sys.argv[1:]
        return _translate(args)
    from .checkpoint import saved_config
    from .trainer import train

    cfg, origins = C.resolve(args, saved_config)
    out = train(cfg, origins)
    if os.environ.get("RANK", "0") == "0":  # one line from a multi-process launch
        print(out)
    return 0


def _parallel(given: str) -> str:
    """``--parallel``: a file, or the word ``sample`` for the parallel rows shipped with plug-eval
    (the demo's 458 rows in five languages)."""
    if given != SAMPLE:
        return given
    from importlib.resources import files

    return str(files("plug_eval") / "data" / "parallel_sample.jsonl")


if __name__ == "__main__":
    main(sys.argv[1:])
