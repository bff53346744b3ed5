"""The training configuration: one dataclass, read from YAML, overridden by flags.

Each field is documented once, in its ``help`` metadata; the command-line flags and the
``--help`` text are generated from it.  ``resolve`` returns the config together with where each
non-default value came from (``run.yaml`` or ``flag``), which ``train`` prints.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError

SCHEMA_VERSION = 1


def _f(default: Any, help: str, **kw: Any) -> Any:
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help, **kw})
    return field(default=default, metadata={"help": help, **kw})


@dataclass
class TrainConfig:
    # Inputs and outputs
    model: str = _f("", "HF model id or local directory (required)", group="inputs")
    data: list[str] = _f([], "JSONL training rows, FILE or FILE:WEIGHT; repeat for a mixture (required)",
                         group="inputs")
    output: str = _f("", "output directory: final model, checkpoint-N/, metrics.jsonl (required)",
                     group="inputs")
    eval_data: list[str] = _f([], "held-out JSONL rows for the periodic eval loss (repeatable)",
                              group="inputs")
    # Schedule
    epochs: int = _f(1, "passes over the data (the paper: 4); ignored when --max-steps is set",
                     group="schedule")
    max_steps: int = _f(0, "optimizer steps to run; 0 = as many as --epochs take", group="schedule")
    batch_size: int = _f(8, "sequences per micro-batch per process; with --packing, packed rows",
                         group="schedule")
    grad_accum: int = _f(1, "micro-batches per optimizer step", group="schedule")
    max_length: int = _f(2048, "tokens per sequence, or per packed row with --packing", group="schedule")
    # Optimisation
    lr: float = _f(2e-5, "peak AdamW learning rate", group="optimisation")
    warmup_ratio: float = _f(0.03, "fraction of the steps spent warming the LR up linearly (rounded up, as "
                             "transformers rounds it)",
                             group="optimisation")
    schedule: str = _f("linear", "LR decay after warm-up", choices=("linear", "cosine"),
                       group="optimisation")
    weight_decay: float = _f(0.0, "AdamW weight decay (not applied to biases and norms)",
                             group="optimisation")
    neftune_alpha: float = _f(0.0, "NEFTune: uniform noise on the input embeddings while training, of size "
                              "ALPHA / sqrt(sequence length x hidden size) (the paper: 5-15); 0 = off",
                              group="optimisation")
    max_grad_norm: float = _f(1.0, "clip the global gradient norm; 0 = no clipping", group="optimisation")
    loss_reduction: str = _f("token", "token: sum over supervised tokens / supervised tokens in the whole "
                             "step; sequence: PLUG's mean per micro-batch", choices=("token", "sequence"),
                             group="optimisation")
    # Data
    packing: bool = _f(False, "pack sequences into rows of --max-length tokens (no cross-attention)",
                       group="data")
    overlong: str = _f("drop", "rows longer than --max-length: drop, shorten the pivot answer, or cut "
                       "the row's end off as the paper's trainer does (truncate: parity runs)",
                       choices=("drop", "truncate-pivot", "truncate"), group="data")
    # LoRA
    lora: bool = _f(False, "train a peft LoRA adapter instead of all weights", group="lora")
    lora_r: int = _f(64, "LoRA rank", group="lora")
    lora_alpha: int = _f(16, "LoRA alpha (scale = alpha / r)", group="lora")
    lora_dropout: float = _f(0.1, "LoRA dropout (PLUG used 0.1)", group="lora")
    lora_targets: str = _f("auto", "comma-separated module names, or auto: every linear projection of the "
                           "decoder layers (attention, MLP, shared experts) and the routed experts of MoE models "
                           "(without dropout: peft has none for fused expert weights)", group="lora")
    merge_lora: bool = _f(False, "also save the merged full weights in OUT/merged/", group="lora")
    # Runtime
    precision: str = _f("auto", "auto = bf16 on GPUs that have it, fp32 elsewhere",
                        choices=("auto", "bf16", "fp16", "fp32"), group="runtime")
    gradient_checkpointing: bool = _f(False, "recompute activations in backward to save memory",
                                      group="runtime")
    save_every: int = _f(0, "write OUT/checkpoint-N every N steps; 0 = only by --save-minutes",
                         group="runtime")
    eval_every: int = _f(0, "eval loss every N steps; 0 = at each checkpoint and at the end",
                         group="runtime")
    resume: str = _f("", "continue from a checkpoint: a checkpoint-N dir, or the latest intact one in "
                     "--output; flags not given are read from it",
                     group="runtime")
    seed: int = _f(0, "seed for init of LoRA, data order and dropout", group="runtime")
    log: str = _f("none", "metrics tracker besides metrics.jsonl", choices=("none", "tensorboard", "wandb"),
                  group="runtime")
    progress: bool = _f(True, "show a progress bar (rank 0)", group="runtime")
    # Attention and speed (docs/training.md: what each does, where it runs, how it was checked)
    attention: str = _f("packed", "packed: padding-free rows through plug_train's attention (causal, sliding "
                        "window, soft-cap, sinks); model: padded batches through the model's own attention",
                        choices=("packed", "model"), group="speed")
    fused_ce: str = _f("off", "LM head + cross-entropy without the full logits: chunked (pure torch, any "
                       "device) or liger (liger-kernel, CUDA)", choices=("off", "chunked", "liger"), group="speed")
    kernels: str = _f("none", "fused RMSNorm/RoPE/SwiGLU (liger, CUDA) or torch.compile per decoder layer "
                      "(compile)", choices=("none", "liger", "compile"), group="speed")
    bf16_weights: bool = _f(False, "compute in bf16 weights, step an fp32 master copy (one process or DDP)",
                            group="speed")
    overlap: bool = _f(False, "prepare the next batch (pinned, non-blocking copy) while the GPU works; the "
                       "loss is read one step late", group="speed")
    # Checkpoints and resume (issue 15, items 3 and 6)
    save_minutes: float = _f(30.0, "also write a checkpoint when this many minutes have passed since the "
                             "last one, so a killed run can be resumed; 0 = only --save-every",
                             group="checkpoints")
    save_total_limit: int = _f(2, "keep only the newest LIMIT checkpoint-* directories (the final model in "
                               "OUT/ is kept apart from them); 0 = keep all", group="checkpoints")
    resume_anyway: bool = _f(False, "resume even if data, batch size, LR, max length, world size or another "
                             "setting that changes the run differs from the checkpoint's", group="checkpoints")

    def to_json(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **dataclasses.asdict(self)}


FIELDS = {f.name: f for f in dataclasses.fields(TrainConfig)}
REQUIRED = ("model", "data", "output")


# --- validation ---------------------------------------------------------------------------
def validate(cfg: TrainConfig, source: str | None = None) -> TrainConfig:
    """Reject values that cannot work, with one line naming what to change."""
    def bad(problem: str) -> None:
        raise PlugEvalError(problem, source)

    for name in REQUIRED:
        if not getattr(cfg, name):
            bad(f"--{name.replace('_', '-')} is required")
    positive = ("batch_size", "grad_accum", "max_length", "lora_r", "lora_alpha")
    for name in positive:
        if getattr(cfg, name) < 1:
            bad(f"--{name.replace('_', '-')} must be at least 1, got {getattr(cfg, name)}")
    for name in ("max_steps", "save_every", "eval_every", "save_total_limit"):
        if getattr(cfg, name) < 0:
            bad(f"--{name.replace('_', '-')} must be 0 or more")
    if cfg.max_steps == 0 and cfg.epochs < 1:
        bad("set --epochs >= 1 or --max-steps >= 1")
    if not 0 <= cfg.warmup_ratio < 1:
        bad(f"--warmup-ratio must be in [0, 1), got {cfg.warmup_ratio}")
    if cfg.lr <= 0:
        bad(f"--lr must be positive, got {cfg.lr}")
    for name in ("save_minutes", "weight_decay", "neftune_alpha"):
        if getattr(cfg, name) < 0:
            bad(f"--{name.replace('_', '-')} must be 0 or more, got {getattr(cfg, name)}")
    if cfg.merge_lora and not cfg.lora:
        bad("--merge-lora needs --lora")
    if cfg.attention == "model" and cfg.packing:
        bad("--packing needs --attention packed (the model's own attention would mix packed sequences)")
    for name, f in FIELDS.items():
        choices = f.metadata.get("choices")
        if choices and getattr(cfg, name) not in choices:
            bad(f"--{name.replace('_', '-')} must be one of {', '.join(choices)}, got {getattr(cfg, name)!r}")
    return cfg


# --- YAML + flags -------------------------------------------------------------------------
def _coerce(name: str, value: Any, source: str) -> Any:
    """A YAML value checked against the field's type (ints may stand for floats)."""
    default = FIELDS[name].default if FIELDS[name].default is not dataclasses.MISSING else []
    if isinstance(default, list):
        value = [value] if isinstance(value, str) else value
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise PlugEvalError(f"{name} must be a string or a list of strings", source)
        return [os.fspath(v) for v in value]
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        if isinstance(value, str):  # PyYAML reads 1e-4 (no dot) as a string
            try:
                value = float(value)
            except ValueError:
                pass
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise PlugEvalError(f"{name} must be {type(default).__name__}, got {value!r}", source)
    return value


def load_yaml(path: str) -> dict[str, Any]:
    import yaml

    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise PlugEvalError("config file not found", path) from None
    except yaml.YAMLError as e:
        raise PlugEvalError(f"not valid YAML ({' '.join(str(e).split())})", path) from None
    if not isinstance(raw, dict):
        raise PlugEvalError("a config file must be a mapping of field: value", path)
    out = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name not in FIELDS:
            raise PlugEvalError(f"unknown field {key!r}; known: {', '.join(FIELDS)}", path)
        out[name] = _coerce(name, value, path)
    return out


def add_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per field, grouped as the dataclass is, defaults left unset (None)."""
    parser.add_argument("--config", metavar="RUN.YAML", help="read fields from a YAML file; flags override it")
    groups: dict[str, Any] = {}
    for name, f in FIELDS.items():
        group = groups.setdefault(f.metadata["group"], parser.add_argument_group(f.metadata["group"]))
        flag = "--" + name.replace("_", "-")
        default = f.default if f.default is not dataclasses.MISSING else []
        shown = f" [default: {default}]" if default not in ("", [], False) and name not in REQUIRED else ""
        kw: dict[str, Any] = {"dest": name, "default": None, "help": f.metadata["help"] + shown}
        if isinstance(default, list):
            kw.update(action="append", metavar="FILE")
        elif isinstance(default, bool):
            kw.update(action=argparse.BooleanOptionalAction)
        else:
            kw.update(type=type(default), metavar=name.split("_")[-1].upper())
            if f.metadata.get("choices"):
                kw.update(choices=f.metadata["choices"], metavar=None)
        if name == "resume":
            kw.update(nargs="?", const="latest", metavar="CHECKPOINT")
        # --out names every command's output, as in plug-judge; --output stays another name of it
        group.add_argument(*(["--out", flag] if name == "output" else [flag]), **kw)


def resolve(args: argparse.Namespace, saved_config: Callable[[Path, str], tuple[dict[str, Any], str]]
            | None = None) -> tuple[TrainConfig, dict[str, str]]:
    """Defaults, then (with --resume) the checkpoint's config, then the YAML file, then flags;
    returns the config and each value's origin.  ``saved_config`` reads a checkpoint's config
    (:func:`plug_train.checkpoint.saved_config`; passed in, so the config does not import the
    checkpoint code, which imports the config)."""
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    if getattr(args, "config", None):
        for name, value in load_yaml(args.config).items():
            values[name], origin[name] = value, Path(args.config).name
    for name in FIELDS:
        value = getattr(args, name, None)
        if value is not None:
            values[name], origin[name] = value, "flag"
    if values.get("resume") and values.get("output") and saved_config:  # `--output OUT --resume`
        saved, where = saved_config(Path(values["output"]), values["resume"])
        for name, value in saved.items():
            if name in FIELDS and name not in values:
                values[name], origin[name] = value, where
    cfg = validate(TrainConfig(**values), getattr(args, "config", None))
    return cfg, origin


def describe_origins(cfg: TrainConfig, origin: dict[str, str]) -> list[str]:
    """Lines like ``lr=0.0003 (flag)`` for every value that is not the default."""
    lines = []
    for name, f in FIELDS.items():
        default = f.default if f.default is not dataclasses.MISSING else []
        value = getattr(cfg, name)
        if value != default:
            lines.append(f"{name}={json.dumps(value, ensure_ascii=False)} ({origin.get(name, 'TrainConfig')})")
    return lines
