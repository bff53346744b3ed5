"""Checkpoints and the final model: what goes where in OUT, and resuming from it.

    OUT/                      final model (or LoRA adapter) + tokenizer, plug_train.json last
    OUT/merged/               merged weights (--merge-lora)
    OUT/checkpoint-N/         model + tokenizer + state/ (optimizer, RNG: accelerate) + plug_train.json
    OUT/metrics.jsonl         one line per optimizer step; OUT/eval.jsonl one line per eval

``plug_train.json`` (the resolved config, the step, the data counts) is written last, and
checkpoint directories appear by rename, so an interrupted run never looks finished.  Resuming
needs only the step: the data order is a function of (seed, step), see batching.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError

from . import files
from . import model as M

MARKER = "plug_train.json"
_CKPT = re.compile(r"^checkpoint-(\d+)$")


def prepare_output(out: Path, resume: str) -> Path | None:
    """Check OUT is usable; return the checkpoint to resume from, if any."""
    if resume:
        ckpt = latest_checkpoint(out) if resume == "latest" else Path(resume)
        if ckpt is None:
            raise PlugEvalError("--resume latest: no complete checkpoint-N here", out)
        if not (ckpt / MARKER).is_file() or not (ckpt / "state").is_dir():
            raise PlugEvalError("not a complete plug-train checkpoint (no plug_train.json or state/)", ckpt)
        return ckpt
    if out.exists() and any(out.iterdir()):
        raise PlugEvalError("output directory is not empty; choose a new --output, or --resume to continue", out)
    return None


def latest_checkpoint(out: Path) -> Path | None:
    found = [(int(m.group(1)), p) for p in out.glob("checkpoint-*")
             if (m := _CKPT.match(p.name)) and (p / MARKER).is_file()]
    return max(found)[1] if found else None


def resume_step(ckpt: Path) -> int:
    return int(json.loads((ckpt / MARKER).read_text(encoding="utf-8"))["step"])


def trim_jsonl(path: Path, last_step: int) -> None:
    """Drop lines logged after ``last_step`` by a run that died before its next checkpoint."""
    if not path.exists():
        return
    keep = [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["step"] <= last_step]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(line + "\n" for line in keep), encoding="utf-8")
    os.replace(tmp, path)


def save_checkpoint(acc: Any, model: Any, tok: Any, template: str, out: Path, step: int,
                    info: dict[str, Any]) -> Path:
    """Every process calls this (accelerate gathers sharded state); only rank 0 writes files."""
    final = out / f"checkpoint-{step}"
    tmp = final.with_name(final.name + ".tmp")
    if acc.is_main_process:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    acc.wait_for_everyone()
    acc.save_state(str(tmp / "state"))
    _save_model(acc, model, tok, template, tmp)
    if acc.is_main_process:
        files.write_json(tmp / MARKER, {**info, "step": step, "complete": True})
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    acc.wait_for_everyone()
    return final


def save_final(acc: Any, model: Any, tok: Any, template: str, out: Path, info: dict[str, Any],
               merge: bool) -> None:
    """The finished model at OUT/ (files moved in from a temporary dir), the marker last."""
    staging = out / "final.tmp"
    if acc.is_main_process:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    acc.wait_for_everyone()
    _save_model(acc, model, tok, template, staging)
    if acc.is_main_process:
        for item in sorted(staging.iterdir(), key=lambda p: p.name == "config.json"):  # config last
            os.replace(item, out / item.name)
        staging.rmdir()
        if merge:
            with files.atomic_dir(out / "merged") as tmp:
                M.save_merged(acc.unwrap_model(model), tok, template, tmp)
        files.write_json(out / MARKER, {**info, "complete": True})
    acc.wait_for_everyone()


def _save_model(acc: Any, model: Any, tok: Any, template: str, where: Path) -> None:
    from accelerate.utils import DistributedType

    sharded = acc.distributed_type in (DistributedType.FSDP, DistributedType.DEEPSPEED)
    state = acc.get_state_dict(model) if sharded else None  # a collective when sharded
    if acc.is_main_process:
        M.save_pretrained(acc.unwrap_model(model), state, tok, template, where)
    M.restore_training_attention(acc.unwrap_model(model))
