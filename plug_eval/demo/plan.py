"""What a demo run will do: the profiles and the resolved, validated settings.

Three profiles.  ``default`` trains a tiny model built here (a few minutes on a laptop CPU)
and checks that the method works; ``quick`` is the same pipeline cut down for the tests
(seconds of training, three instructions per language, no checks); ``real`` is chosen by
``--base-model`` and fine-tunes a real model with LoRA.  Flags override any profile value.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from plug_eval import languages
from plug_eval.errors import PlugEvalError
from plug_eval.parallel import read_parallel

PIVOT_OK_MIN = 0.9  #: the PLUG model must produce both blocks this often
FIDELITY_MIN = 0.8  #: the direct model must answer in the asked language this often


@dataclass(frozen=True)
class Profile:
    name: str
    tiny: dict[str, int] | None  #: build_tiny_model arguments; None = use --base-model
    train: dict[str, Any]  #: plug-train flags (without --) for both systems
    limit: int | None  #: instructions per language (lm-eval --limit)
    max_gen_toks: int
    batch_size: str  #: lm-eval --batch_size
    check: bool  #: enforce PIVOT_OK_MIN and FIDELITY_MIN
    jobs: int  #: trainings / generations side by side
    #: flags for one system only, over ``train`` (the direct rows are half as long, so the direct
    #: model can take more epochs in the time the PLUG model takes)
    per_system: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the share of the parallel rows each target language trains on (build-data ``--target
    #: zh:SHARE,...``: a seeded sample per language, the same pairs for both systems)
    share: float = 1.0

    def train_flags(self, system: str) -> dict[str, Any]:
        return {**self.train, **self.per_system.get(system, {})}

    def targets(self, langs: tuple[str, ...]) -> str:
        """build-data's ``--target``: every language, with this profile's share of the rows."""
        return ",".join(lang if self.share == 1 else f"{lang}:{self.share:g}" for lang in langs)


# The default profile (docs/reproducing.md, "Five seeds"): hidden 192 x 3 layers, trained on half
# of the parallel rows per target language (458 instructions, each language a seeded half: more
# different instructions for the same compute than every row in every language, which is what
# carries the PLUG model's format to instructions it never saw).  The PLUG model: 7 epochs at 3e-3
# with weight decay 0.1, a cosine decay and NEFTune noise (alpha 5) on its input embeddings, all
# three against over-fitting its English drafts (it sees each once per language); the direct model
# 12, because it learns slower and its rows are half as long, so it takes about the PLUG model's
# time on the other core.
PROFILES = {
    "default": Profile("default", {"hidden": 192, "layers": 3, "heads": 6, "vocab_size": 4096},
                       {"epochs": 7, "lr": 3e-3, "batch-size": 8, "max-length": 512, "warmup-ratio": 0.03},
                       None, 256, "32", True, 2,
                       per_system={"plug": {"weight-decay": 0.1, "schedule": "cosine", "neftune-alpha": 5.0},
                                   "direct": {"epochs": 12}},
                       share=0.5),
    "quick": Profile("quick", {"hidden": 64, "layers": 2, "heads": 4, "vocab_size": 2048},
                     {"max-steps": 30, "lr": 3e-3, "batch-size": 8, "max-length": 512, "warmup-ratio": 0.03},
                     3, 48, "32", False, 2),
    "real": Profile("real", None,
                    {"epochs": 3, "lr": 2e-4, "batch-size": 4, "grad-accum": 4, "max-length": 2048,
                     "warmup-ratio": 0.03, "lora": True},
                    None, 1024, "auto", True, 1),
}


@dataclass(frozen=True)
class Plan:
    """Everything a run needs, resolved from the flags and checked before any work starts."""

    out: Path
    profile: Profile
    parallel: Path
    data_dir: str  #: "sample", "hub" or an absolute folder
    langs: tuple[str, ...]
    judge: str
    base_url: str | None
    base_model: str | None
    force: bool
    seed: int = 0
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def judge_slug(self) -> str:
        """A folder name for this judge (and server): judging with another lands elsewhere."""
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", self.judge).strip("-") or "judge"
        if self.base_url:
            slug += "-" + hashlib.sha256(self.base_url.encode()).hexdigest()[:6]
        return slug

    @property
    def lora(self) -> bool:
        return bool(self.profile.train.get("lora"))


def shipped_parallel() -> Path:
    return Path(str(files("plug_eval") / "data" / "parallel_sample.jsonl"))


def _langs(spec: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in spec.split(",") if c.strip())
    bad = [c for c in codes if c not in languages.TARGETS]
    if bad or not codes:
        raise PlugEvalError(f"--langs {spec!r}: choose among {', '.join(languages.TARGETS)}")
    return codes


def _data_dir(value: str) -> str:
    if value in ("sample", "hub"):
        return value
    path = Path(value).expanduser().resolve()
    if not path.is_dir():
        raise PlugEvalError("X-AlpacaEval folder not found (give a folder, 'sample' or 'hub')", path)
    return str(path)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    train: dict[str, Any] = {}
    if args.max_steps is not None:
        train["max-steps"] = args.max_steps
    if args.epochs is not None:
        train["epochs"] = args.epochs
    for flag, value in (("lr", args.lr), ("batch-size", args.batch_size)):
        if value is not None:
            train[flag] = value
    return train


def resolve(args: argparse.Namespace) -> Plan:
    """Flags -> Plan.  Every problem with the user's input is one PlugEvalError line."""
    name = "real" if args.base_model else "quick" if args.quick else "default"
    prof = PROFILES[name]
    over = _overrides(args)
    drop = "epochs" if "max-steps" in over else "max-steps" if "epochs" in over else None
    train = {k: v for k, v in {**prof.train, **over}.items() if k != drop}
    per_system = {system: {k: v for k, v in flags.items() if k not in over and k != drop}
                  for system, flags in prof.per_system.items()}  # a flag given overrides both systems
    prof = replace(prof, train=train, per_system=per_system,
                   limit=args.limit if args.limit is not None else prof.limit,
                   max_gen_toks=args.max_gen_toks or prof.max_gen_toks,
                   check=prof.check if args.check is None else args.check, jobs=args.jobs or prof.jobs)
    parallel = Path(args.parallel).expanduser().resolve() if args.parallel else shipped_parallel()
    langs = _langs(args.langs)
    check_parallel(parallel, langs)
    out = Path(args.out).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise PlugEvalError("--out must be a folder, not a file", out)
    base = args.base_model
    if base and (base.startswith((".", "/", "~")) or os.sep in base and Path(base).expanduser().exists()):
        if not Path(base).expanduser().is_dir():
            raise PlugEvalError("--base-model folder not found", base)
        base = str(Path(base).expanduser().resolve())
    from plug_eval.judges.prompts.config import resolve as resolve_judge

    resolve_judge(args.judge, base_url=args.base_url)  # an unknown judge fails now, not after training
    if args.seed < 0:
        raise PlugEvalError(f"--seed {args.seed}: must be 0 or more")
    return Plan(out, prof, parallel, _data_dir(args.data_dir), langs, args.judge, args.base_url, base, args.force,
                args.seed)


def check_parallel(path: Path, langs: tuple[str, ...]) -> None:
    """The parallel file is readable JSONL with every field the languages need (before any work)."""
    read_parallel(path, langs)
