"""``plug-train``: fine-tune a causal LM on PLUG (or direct) rows, and build those rows.

    plug-train train --model DIR --data plug.jsonl --output OUT [--config run.yaml] [flags]
    plug-train build-data --parallel parallel.jsonl --target zh,ko,it,es --mode both --out data/
    accelerate launch [--config_file docs/accelerate/ddp.yaml] -m plug_train train ...
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from plug_eval.errors import PlugEvalError, fail

from . import config as C

PROG = "plug-train"

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
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a model", epilog=TRAIN_EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_flags(t)
    b = sub.add_parser("build-data", help="PLUG and direct rows from parallel rows", epilog=BUILD_EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--parallel", required=True, metavar="FILE", help="JSONL rows {id, instruction_en, "
                   "response_en, instruction_<lang>, response_<lang>}")
    b.add_argument("--target", required=True, help="languages, optionally weighted: zh,ko or zh:1,ko:0.5")
    b.add_argument("--mode", default="both", choices=("plug", "direct", "both"))
    b.add_argument("--english", action="store_true", help="add the English rows, answered directly")
    b.add_argument("--seed", type=int, default=0, help="seed of the selection and shuffle")
    b.add_argument("--out", required=True, metavar="DIR", help="writes DIR/plug.jsonl and/or DIR/direct.jsonl")
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        if args.command == "build-data":
            from .build_data import build_data

            written = build_data(args.parallel, args.target, args.mode, args.out, args.english, args.seed)
            print(json.dumps(written))
        else:
            from .trainer import train

            from .checkpoint import saved_config

            cfg, origins = C.resolve(args, saved_config)
            out = train(cfg, origins)
            if os.environ.get("RANK", "0") == "0":  # one line from a multi-process launch
                print(out)
    except PlugEvalError as e:
        fail(PROG, e)


if __name__ == "__main__":
    main(sys.argv[1:])
