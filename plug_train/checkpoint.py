"""Checkpoints and the final model: what goes where in OUT, and resuming from it.

    OUT/                      final model (or LoRA adapter) + tokenizer, plug_train.json last
    OUT/merged/               merged weights (--merge-lora)
    OUT/checkpoint-N/         model (or LoRA adapter) + tokenizer + state/ + plug_train.json
    OUT/metrics.jsonl         one line per optimizer step; OUT/eval.jsonl one line per eval

``plug_train.json`` (the resolved config, the step, the data counts, and a manifest of every file
with its size and SHA-256) is written last, and checkpoint directories appear by
rename, so an interrupted run never looks finished.  ``state/`` is accelerate's (optimizer, RNG);
the weights are stored once in every mode (see "saving and loading" below), the LoRA adapter
only for LoRA.  Resuming needs the step: the data order is a function
of (seed, step), see batching.py.  A damaged newest checkpoint is skipped for the one before it.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic
from typing import Any

import torch

from plug_eval import files
from plug_eval.errors import PlugEvalError, StoppedError

from . import model as M
from .dist import is_deepspeed, is_fsdp, is_sharded

MARKER = "plug_train.json"
_CKPT = re.compile(r"^checkpoint-(\d+)$")
# Settings that change the data order, the schedule or the model: a resumed run must keep them.
RUN_FIELDS = ("model", "epochs", "max_steps", "batch_size", "grad_accum", "max_length", "lr", "warmup_ratio",
              "schedule", "weight_decay", "neftune_alpha", "max_grad_norm", "loss_reduction", "packing", "overlong",
              "lora", "lora_r", "lora_alpha", "lora_dropout", "lora_targets", "seed")
_NOT_INHERITED = ("resume", "resume_anyway")
# Settings that decide which weights are trained and how the optimizer holds them: a checkpoint
# written under other values cannot be loaded into this run, --resume-anyway or not.
FIXED_FIELDS = ("lora", "bf16_weights")
LORA_FIELDS = ("lora_r", "lora_targets")


# --- finding the checkpoint to resume --------------------------------------------------------
def prepare_output(out: Path, resume: str) -> tuple[Path, list[str]] | None:
    """Check OUT is usable; return the checkpoint to resume from (and the damaged newer ones
    skipped, as notes), if any."""
    if resume:
        return find_resume(out, resume)
    if out.exists() and any(out.iterdir()):
        raise PlugEvalError(_not_empty(out), out)
    return None


def find_resume(out: Path, resume: str) -> tuple[Path, list[str]]:
    """``--resume latest``: the newest intact checkpoint in OUT; else the named one."""
    if resume != "latest":
        ckpt = Path(resume)
        problem = damage(ckpt)
        if problem:
            raise PlugEvalError(f"cannot resume from this checkpoint: {problem}", ckpt)
        return ckpt, []
    if (out / MARKER).is_file():
        raise PlugEvalError("--resume: this run finished already (plug_train.json); nothing to resume", out)
    skipped: list[str] = []
    for _, ckpt in sorted(_checkpoints(out), reverse=True):
        problem = damage(ckpt)
        if problem is None:
            return ckpt, skipped
        skipped.append(f"{ckpt.name} skipped: {problem}")
    raise PlugEvalError(_nothing_to_resume(out, skipped), out)


def latest_checkpoint(out: Path) -> Path | None:
    """The newest intact checkpoint in OUT, or None."""
    return next((p for _, p in sorted(_checkpoints(out), reverse=True) if damage(p) is None), None)


def saved_config(out: Path, resume: str) -> tuple[dict[str, Any], str]:
    """The config stored with the checkpoint ``--resume`` picks (for ``--output OUT --resume``
    with nothing else), and the checkpoint's name as the values' origin."""
    ckpt, _ = find_resume(out, resume)
    saved = _marker(ckpt)["config"]
    return {k: v for k, v in saved.items() if k != "schema_version" and k not in _NOT_INHERITED}, ckpt.name


def damage(ckpt: Path) -> str | None:
    """Why ``ckpt`` cannot be resumed from, or None when it is intact."""
    if not ckpt.is_dir():
        return "no such directory"
    try:
        marker = _marker(ckpt)
    except FileNotFoundError:
        return f"no {MARKER} (the save did not finish)"
    except (ValueError, KeyError, TypeError):
        return f"{MARKER} is not readable"
    if not (ckpt / "state").is_dir():
        return "no state/ directory"
    for rng in sorted((ckpt / "state").glob("random_states_*.pkl")):
        problem = rng_problem(rng)
        if problem:
            return f"state/{rng.name}: {problem}"
    for rel, entry in marker.get("files", {}).items():
        path = ckpt / rel
        if not path.is_file():
            return f"{rel} is missing"
        if path.stat().st_size != entry["size"]:
            return f"{rel} has {path.stat().st_size} bytes, {entry['size']} were written"
        if "sha256" in entry and _sha256(path) != entry["sha256"]:
            return f"{rel} does not match its SHA-256 (changed after it was written)"
    return None


def rng_problem(path: Path) -> str | None:
    """Why a random-state file of accelerate's cannot restore the RNGs, or None.  accelerate
    itself only logs "Could not load random states" and carries on with whatever RNG it has."""
    try:
        states = torch.load(path, weights_only=False)
    except Exception as e:  # noqa: BLE001 - a damaged pickle raises anything
        return f"not a readable random state ({type(e).__name__})"
    if not isinstance(states, dict):
        return "not a random-state mapping"
    cpu = states.get("torch_manual_seed")
    if not (isinstance(cpu, torch.Tensor) and cpu.dtype == torch.uint8
            and cpu.numel() == torch.get_rng_state().numel()):
        return "no valid torch CPU generator state"
    try:
        random.Random().setstate(states["random_state"])
    except (KeyError, TypeError, ValueError):
        return "no valid Python random state"
    numpy_state = states.get("numpy_random_seed")
    if not (isinstance(numpy_state, tuple) and numpy_state and numpy_state[0] == "MT19937"):
        return "no valid numpy random state"
    return None


def check_restored_rng(ckpt: Path, process_index: int) -> None:
    """After ``load_state``: the torch CPU generator is the saved one (accelerate swallows a
    failure to restore it)."""
    saved = torch.load(ckpt / "state" / f"random_states_{process_index}.pkl", weights_only=False)
    if not torch.equal(saved["torch_manual_seed"], torch.get_rng_state()):
        raise PlugEvalError("the random state was not restored", ckpt / "state")


def check_same_run(ckpt: Path, info: dict[str, Any], resume_anyway: bool) -> list[str]:
    """Differences between this run and the checkpoint's in what changes the data order, the
    schedule or the model.  A one-line error unless ``--resume-anyway`` (then returned as notes)."""
    saved = _marker(ckpt)
    then, now = saved.get("config", {}), info["config"]
    fixed = FIXED_FIELDS + (LORA_FIELDS if then.get("lora") and now.get("lora") else ())
    cannot = [f"--{name.replace('_', '-')} {now.get(name)!r} (checkpoint: {then[name]!r})" for name in fixed
              if name in then and then[name] != now.get(name)]
    if cannot:
        raise PlugEvalError(f"--resume: this run differs from the checkpoint in {'; '.join(cannot)}, which decide the "
                            "weights the checkpoint holds and how; --resume-anyway cannot change them. Drop those "
                            "flags (--resume reads the checkpoint's values) or start a new --output", ckpt)
    diffs = [f"{name} {now.get(name)!r} (checkpoint: {then[name]!r})" for name in RUN_FIELDS
             if name in then and then[name] != now.get(name)]
    for key, label in (("data_files", "data (contents and weights)"), ("processes", "world size")):
        if key in saved and saved[key] != info.get(key):
            shown = "" if key == "data_files" else f" {info.get(key)} (checkpoint: {saved[key]})"
            diffs.append(label + shown)
    if diffs and not resume_anyway:
        raise PlugEvalError(f"--resume: this run differs from the checkpoint in {'; '.join(diffs)}: the data "
                            "order or the schedule would change. Drop those flags (--resume reads the "
                            "checkpoint's values) or add --resume-anyway", ckpt)
    return diffs


def data_fingerprint(specs: list[str]) -> list[list[Any]]:
    """[weight, SHA-256] of each training file, in order (paths may move between runs)."""
    from .data import parse_spec

    out = []
    for spec in specs:
        path, weight = parse_spec(spec)
        try:
            out.append([weight, _sha256(Path(path))])
        except OSError:
            raise PlugEvalError("cannot read this data file", path) from None
    return out


def resume_step(ckpt: Path) -> int:
    return int(_marker(ckpt)["step"])


def trim_jsonl(path: Path, last_step: int) -> None:
    """Drop lines logged after ``last_step`` by a run that died before its next checkpoint,
    and a last line torn by the kill.  Any other line that is not a JSON object is a one-line
    error at ``path:line``."""
    try:
        text = files.decode_text(files.read_bytes(path), path)
    except FileNotFoundError:
        return
    try:
        records = files.parse_jsonl(text, path)
    except PlugEvalError as e:
        lines = text.split("\n")
        last = max((n for n, line in enumerate(lines, 1) if line.strip()), default=0)
        if e.path != f"{path}:{last}":
            raise PlugEvalError(f"{e.problem}; fix or delete that line, then resume again", e.path) from None
        records = files.parse_jsonl("\n".join(lines[:last - 1]), path)  # the line being written at the kill
    files.write_jsonl(path, [r for r in records if r.get("step", 0) <= last_step])


# --- when to save ------------------------------------------------------------------------------
class SavePolicy:
    """A checkpoint every ``save_every`` steps and whenever ``save_minutes`` have passed since
    the last one (or the start), never at the last step (the final save follows)."""

    def __init__(self, save_every: int, save_minutes: float) -> None:
        self.every, self.seconds = save_every, save_minutes * 60
        self.last = monotonic()

    def due(self, done: int, total: int, read_clock: bool = True) -> bool:
        """``read_clock`` False: by steps only (what every process decides alike, no collective)."""
        if done >= total:
            return False
        by_steps = bool(self.every) and done % self.every == 0
        return by_steps or (read_clock and self.seconds > 0 and monotonic() - self.last >= self.seconds)

    def saved(self) -> None:
        self.last = monotonic()


# --- saving and loading: the weights once, in every mode ------------------------------------------
# One process and DDP: the checkpoint's model (or adapter) files are the weights; accelerate's
# state/ gets none (the hooks of ``store_weights_once``).  FSDP: the same files, gathered whole
# on rank 0; state/ holds the optimizer (``optimizer.bin``) and the RNGs, never FSDP's own copy of
# the model (``pytorch_model_fsdp*``).  DeepSpeed: its optimizer files in state/ already hold the
# fp32 weights (ZeRO partitions them with Adam's moments), so the checkpoint writes no model
# file, only the config and tokenizer (``state/zero_to_fp32.py`` turns it into one), and a LoRA
# run leaves the frozen base out of DeepSpeed's files.  The final model is always written whole.
def store_weights_once(acc: Any) -> None:
    """One process or DDP: keep the model out of accelerate's ``state/`` (``save_state`` and
    ``load_state`` then handle the optimizer, RNGs and registered objects only)."""
    if is_sharded(acc):
        return
    acc.register_save_state_pre_hook(lambda models, weights, where: weights.clear())
    acc.register_load_state_pre_hook(lambda models, where: models.clear())


def save_state(acc: Any, model: Any, opt: Any, where: Path) -> None:
    """``state/`` of a checkpoint: optimizer, RNGs (and DeepSpeed's partitions), no second copy
    of the weights.  Every process calls it."""
    if is_fsdp(acc):  # accelerate's save_state would also write the model: its optimizer and RNG parts
        from accelerate.checkpointing import save_accelerator_state
        from accelerate.utils import save_fsdp_optimizer

        save_fsdp_optimizer(acc.state.fsdp_plugin, acc, opt, model, str(where))
        save_accelerator_state(str(where), [], [], [], [], acc.process_index, acc.step, acc.scaler)
    elif is_deepspeed(acc) and is_lora(acc.unwrap_model(model)):
        acc.save_state(str(where), exclude_frozen_parameters=True)  # the base is the one --model names
    else:
        acc.save_state(str(where))


def load_state(acc: Any, model: Any, opt: Any, ckpt: Path) -> None:
    """What ``save_state`` wrote, into the prepared model and optimizer (the weights themselves
    were read by ``load_weights`` before ``prepare``, except under DeepSpeed)."""
    where = str(ckpt / "state")
    if is_fsdp(acc):
        from accelerate.checkpointing import load_accelerator_state
        from accelerate.utils import load_fsdp_optimizer

        load_accelerator_state(where, [], [], [], [], acc.process_index, acc.scaler)  # the scaler first (FSDP2)
        load_fsdp_optimizer(acc.state.fsdp_plugin, acc, opt, model, where)
    elif is_deepspeed(acc):
        acc.load_state(where, load_module_strict=not is_lora(acc.unwrap_model(model)))
    else:
        acc.load_state(where)


def model_source(acc: Any, cfg: Any, ckpt: Path | None) -> str:
    """Where the model's weights load from: a full fine-tune resumes from the checkpoint's model
    files, read by transformers' own loader (which converts the on-disk names and layouts, as for
    the base model; reading them raw failed for GPT-NeoX, Qwen2-MoE, Mixtral and Gemma-3).  LoRA
    loads the base and then the adapter (``load_weights``); DeepSpeed keeps the weights in state/."""
    if ckpt is None or cfg.lora or is_deepspeed(acc):
        return str(cfg.model)
    if not any(ckpt.glob("model*.safetensors")):
        raise PlugEvalError("no model*.safetensors to resume the weights from", ckpt)
    return str(ckpt)


def load_weights(acc: Any, model: Any, ckpt: Path) -> None:
    """The trained LoRA adapter of a checkpoint into the model, before ``prepare`` (FSDP then
    shards it as it shards the base).  A full fine-tune's weights were loaded from the checkpoint
    itself (``model_source``); under DeepSpeed ``load_state`` reads them."""
    from safetensors.torch import load_file

    if is_deepspeed(acc) or not is_lora(model):
        return
    from peft import set_peft_model_state_dict

    adapter = ckpt / "adapter_model.safetensors"
    if not adapter.is_file():
        raise PlugEvalError("no adapter_model.safetensors: this checkpoint is not a LoRA run's", ckpt)
    try:
        result: Any = set_peft_model_state_dict(model, load_file(adapter))
    except RuntimeError as e:  # another base (--model) with other shapes
        raise PlugEvalError(f"adapter does not fit the model ({' '.join(str(e).split())[:160]})", ckpt) from None
    if result.unexpected_keys:
        raise PlugEvalError(f"adapter does not fit the model ({result.unexpected_keys[0]})", ckpt)


def save_checkpoint(acc: Any, model: Any, opt: Any, tok: Any, template: str, out: Path, step: int,
                    info: dict[str, Any], keep: int = 0) -> Path:
    """Every process calls this (accelerate gathers sharded state); only rank 0 writes files
    other than its own shard of ``state/``.  ``keep`` > 0: delete all but the newest ``keep``."""
    final = out / f"checkpoint-{step}"
    tmp = final.with_name(final.name + ".tmp")
    with _cleaned_on_failure(tmp, acc.is_main_process, f"cannot write {final.name}"):
        if acc.is_main_process:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
        acc.wait_for_everyone()
        save_state(acc, model, opt, tmp / "state")
        _save_model(acc, model, tok, template, tmp, weights=not is_deepspeed(acc))
        acc.wait_for_everyone()  # every process's state files are on disk before rank 0 seals the directory
        if acc.is_main_process:
            files.write_json(tmp / MARKER, {**info, "step": step, "complete": True, "files": _manifest(tmp)})
            files.replace_path(tmp, final)
            prune(out, keep)
    acc.wait_for_everyone()
    return final


@contextmanager
def _cleaned_on_failure(tmp: Path, main: bool, what: str) -> Iterator[None]:
    """A write that fails (a full disk) leaves no half-written folder behind and says so in one
    line: the last complete checkpoint is still there, so the same command resumes from it."""
    try:
        yield
    except BaseException as err:
        if main:
            shutil.rmtree(tmp, ignore_errors=True)  # never a half-written folder, whatever stopped the save
        # safetensors reports a full disk as its own error type, the OS's words inside it
        full = isinstance(err, OSError) or "os error" in str(err)
        if not full:
            raise
        why = err.strerror if isinstance(err, OSError) and err.strerror else _os_words(str(err))
        raise StoppedError(f"{what} ({why}); the last complete checkpoint is kept: free some space and rerun "
                           "with --resume", tmp.parent) from None


def _os_words(text: str) -> str:
    """``No space left on device`` out of a library's message that carries the OS error."""
    for words in ("No space left on device", "Disk quota exceeded", "Read-only file system"):
        if words in text:
            return words
    return " ".join(text.split())[:120]


def prune(out: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` checkpoints (0 = keep all); returns what went."""
    if keep <= 0:
        return []
    old = [p for _, p in sorted(_checkpoints(out), reverse=True)][keep:]
    for path in old:
        shutil.rmtree(path)
    return old


def save_final(acc: Any, model: Any, tok: Any, template: str, out: Path, info: dict[str, Any],
               merge: bool, base: str = "", dtype: torch.dtype | None = None) -> None:
    """The finished model at OUT/ in ``dtype`` (the base model's), the marker last.  Its files
    are written in a sibling folder and moved in when complete, config.json last, so a loader
    never finds a half-written model.  ``merge``: LoRA folded into the base weights, from the
    adapter just saved (gathered whole under FSDP), on rank 0."""
    staging = out / "final.tmp"
    with _cleaned_on_failure(staging, acc.is_main_process, "cannot write the final model"):
        if acc.is_main_process:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
        acc.wait_for_everyone()
        _save_model(acc, model, tok, template, staging, dtype=dtype)
    acc.wait_for_everyone()
    if acc.is_main_process:
        for item in sorted(staging.iterdir(), key=lambda p: p.name == "config.json"):  # config last
            files.replace_path(item, out / item.name)  # over what a final save that died left (a resumed run's)
        staging.rmdir()
        if merge:
            with files.staging_dir(out / "merged") as tmp:
                M.save_merged(base, out, tok, template, tmp, dtype)
        files.write_json(out / MARKER, {**info, "complete": True})
    acc.wait_for_everyone()


def _save_model(acc: Any, model: Any, tok: Any, template: str, where: Path, weights: bool = True,
                dtype: torch.dtype | None = None) -> None:
    """The model (or adapter) files and tokenizer at ``where``; ``weights`` False: the configs
    and tokenizer only (a DeepSpeed checkpoint, whose weights are in state/)."""
    state = acc.get_state_dict(model) if weights and is_sharded(acc) else None  # a collective when sharded
    if acc.is_main_process:
        M.save_pretrained(acc.unwrap_model(model), state, tok, template, where, dtype, weights)
    M.restore_training_attention(acc.unwrap_model(model))


def is_lora(model: Any) -> bool:
    return hasattr(model, "peft_config")


# --- small helpers ---------------------------------------------------------------------------------
def _checkpoints(out: Path) -> list[tuple[int, Path]]:
    return [(int(m.group(1)), p) for p in out.glob("checkpoint-*") if (m := _CKPT.match(p.name)) and p.is_dir()]


def _marker(ckpt: Path) -> dict[str, Any]:
    marker = json.loads((ckpt / MARKER).read_text(encoding="utf-8"))
    if not marker.get("complete") or not isinstance(marker["step"], int):
        raise ValueError("incomplete marker")
    return marker


def _manifest(root: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        out[path.relative_to(root).as_posix()] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    return out


def _sha256(path: Path) -> str:
    """The file's SHA-256 (remembered for the same size and modification time: a resume checks a
    checkpoint more than once, and a 7B one holds 30 GB)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = _hash_file(path)
    return _HASHES[key]


_HASHES: dict[tuple[str, int, int], str] = {}


def _hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _not_empty(out: Path) -> str:
    if (out / MARKER).is_file():
        return "output directory holds a finished run; choose a new --output"
    ckpt = latest_checkpoint(out)
    if ckpt is not None:
        return f"output directory is not empty: add --resume to continue from {ckpt.name}, or choose a new --output"
    return ("output directory is not empty and holds no checkpoint to resume from; choose a new --output "
            "(or delete this one)")


def _nothing_to_resume(out: Path, skipped: list[str]) -> str:
    if skipped:
        return f"--resume: no intact checkpoint-N here ({'; '.join(skipped)}); start again with a new --output"
    if not out.exists():
        return "--resume: no such output directory; start a run with --model, --data and --output first"
    return ("--resume: no checkpoint-N here: the run stopped before its first checkpoint (one is written every "
            "--save-minutes, 30 by default, and every --save-every steps); start again with a new --output")
