"""What the trainer tells accelerate so DDP, FSDP2 and DeepSpeed ZeRO-3 all train the same run.

The trainer has no distribution code of its own; this module only fills in what accelerate cannot
know from its config file:

* FSDP2: gradients are reduced in fp32 (accelerate's bf16 policy reduces them in bf16), and on a
  machine without GPUs FSDP2 really runs over gloo (accelerate silently turns it into DDP there).
* DeepSpeed: every ``"auto"`` of the config is filled from the trainer's flags.  accelerate fills
  the batch sizes from a DataLoader, which the trainer does not have, and ``gradient_clipping``
  with 1.0 whatever ``--max-grad-norm`` says.
* No-decay parameter groups decided by name and module type (ZeRO-3 partitions parameters at
  load, so every ``p.ndim`` is 1).
* The gradient norm of each step, and MFU against the GPU's datasheet peak (6N FLOPs per token,
  4 N_frozen + 6 N_trainable for LoRA: see ``Flops``).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

import torch

from plug_eval.errors import PlugEvalError

from .config import TrainConfig

# bf16 dense peak FLOP/s from the datasheets (no sparsity), matched against the device name.
PEAK_FLOPS = {"H200": 989e12, "H100": 989e12, "H800": 989e12, "A100": 312e12, "A800": 312e12,
              "L40S": 362e12, "L4": 121e12, "A10G": 70e12, "A6000": 155e12}


# --- accelerate plugins ---------------------------------------------------------------------
def accelerator_kwargs(precision: str) -> dict[str, Any]:
    """Extra ``Accelerator`` arguments for the launch's distributed type (read from the env that
    ``accelerate launch`` sets): an FSDP2 plugin that reduces gradients in fp32."""
    if os.environ.get("ACCELERATE_USE_FSDP", "false").lower() != "true":
        return {}
    from accelerate.utils import FullyShardedDataParallelPlugin

    plugin = FullyShardedDataParallelPlugin()
    if plugin.fsdp_version == 2 and precision in ("bf16", "fp16"):
        from torch.distributed.fsdp import MixedPrecisionPolicy

        dtype = torch.bfloat16 if precision == "bf16" else torch.float16
        plugin.mixed_precision_policy = MixedPrecisionPolicy(param_dtype=dtype, reduce_dtype=torch.float32,
                                                             output_dtype=dtype)
    return {"fsdp_plugin": plugin}


def fsdp_on_cpu(acc: Any, kwargs: dict[str, Any]) -> None:
    """Under ``accelerate launch`` with an FSDP config on a machine without GPUs, accelerate
    makes a gloo process group and then runs plain DDP (it enables FSDP only on accelerator
    devices).  torch's ``fully_shard`` runs over gloo on CPU, so turn FSDP on as the config asks."""
    from accelerate.state import AcceleratorState, PartialState
    from accelerate.utils import DistributedType

    plugin = kwargs.get("fsdp_plugin")
    if plugin is None or acc.distributed_type != DistributedType.MULTI_CPU:
        return
    if plugin.fsdp_version != 2:
        raise PlugEvalError("FSDP on CPU processes needs fsdp_version: 2 in the accelerate config")
    PartialState._shared_state["distributed_type"] = DistributedType.FSDP
    AcceleratorState._shared_state["distributed_type"] = DistributedType.FSDP
    AcceleratorState._shared_state["fsdp_plugin"] = plugin


def check_deepspeed_launch(cuda: bool) -> None:
    """A launch whose accelerate config asks for DeepSpeed (``ACCELERATE_USE_DEEPSPEED``) must be
    able to run under it, checked before accelerate starts: without GPUs accelerate quietly runs a
    plain process instead (a run the config did not ask for), and without the package it raises a
    traceback."""
    import importlib.util

    if os.environ.get("ACCELERATE_USE_DEEPSPEED", "false").lower() != "true":
        return
    if not cuda:
        raise PlugEvalError("the accelerate config asks for DeepSpeed, which needs CUDA GPUs; on this machine use "
                            "docs/accelerate/cpu_ddp.yaml or fsdp.yaml")
    if importlib.util.find_spec("deepspeed") is None:
        raise PlugEvalError("the accelerate config asks for DeepSpeed, which is not installed: pip install deepspeed")


def is_sharded(acc: Any) -> bool:
    from accelerate.utils import DistributedType

    return acc.distributed_type in (DistributedType.FSDP, DistributedType.DEEPSPEED)


def is_fsdp(acc: Any) -> bool:
    from accelerate.utils import DistributedType

    return acc.distributed_type == DistributedType.FSDP


def is_deepspeed(acc: Any) -> bool:
    from accelerate.utils import DistributedType

    return acc.distributed_type == DistributedType.DEEPSPEED


# --- DeepSpeed ------------------------------------------------------------------------------
def fill_deepspeed_config(ds: dict[str, Any], cfg: TrainConfig, processes: int, hidden_size: int,
                          mixed_precision: str) -> dict[str, Any]:
    """Replace every ``"auto"`` of a DeepSpeed config (in place) by the value the trainer's flags
    imply; an ``auto`` we do not know is a one-line error naming it."""
    values = {
        "train_micro_batch_size_per_gpu": cfg.batch_size,
        "gradient_accumulation_steps": cfg.grad_accum,
        "train_batch_size": cfg.batch_size * cfg.grad_accum * processes,
        "gradient_clipping": cfg.max_grad_norm,  # 0 = no clipping, as in DeepSpeed
        "bf16.enabled": mixed_precision == "bf16",
        "fp16.enabled": mixed_precision == "fp16",
        # accelerate's (and transformers') rule of thumb for the hidden-size based buckets
        "zero_optimization.reduce_bucket_size": hidden_size * hidden_size,
        "zero_optimization.stage3_prefetch_bucket_size": int(0.9 * hidden_size * hidden_size),
        "zero_optimization.stage3_param_persistence_threshold": 10 * hidden_size,
    }
    for block in ("optimizer", "scheduler"):
        if block in ds:
            raise PlugEvalError(f"DeepSpeed config: remove its \"{block}\" block; plug-train steps torch AdamW "
                                "with its own LR schedule (--lr, --warmup-ratio, --schedule)")

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            name = prefix + key
            if isinstance(value, dict):
                walk(value, name + ".")
            elif value == "auto":
                if name not in values:
                    raise PlugEvalError(f"DeepSpeed config: plug-train cannot fill {name}: \"auto\"; "
                                        "set a value in the JSON file")
                node[key] = values[name]

    walk(ds, "")
    return ds


def prepare_deepspeed(acc: Any, cfg: TrainConfig, model_name: str) -> None:
    """Fill the launch's DeepSpeed config before the model is loaded (ZeRO-3 init reads it)."""
    if not is_deepspeed(acc):
        return
    from transformers import AutoConfig

    plugin = acc.state.deepspeed_plugin
    model_cfg = AutoConfig.from_pretrained(model_name)
    hidden = getattr(model_cfg, "hidden_size", None) or max(getattr(model_cfg, "hidden_sizes", [0]))
    fill_deepspeed_config(plugin.deepspeed_config, cfg, acc.num_processes, hidden, acc.mixed_precision)
    plugin.gradient_clipping = cfg.max_grad_norm
    if plugin.zero3_init_flag:  # the copy transformers' zero.Init reads at load: the filled values
        plugin.set_deepspeed_weakref()


# --- optimizer ------------------------------------------------------------------------------
def no_decay(module: torch.nn.Module, param_name: str) -> bool:
    """Biases and the weights of normalisation layers are not decayed.  Decided by name and
    module type, never by shape: ZeRO-3 leaves every parameter as a 1-D shard."""
    return param_name == "bias" or param_name.endswith("_bias") or "norm" in type(module).__name__.lower()


def param_groups(model: torch.nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    decay: list[torch.nn.Parameter] = []
    plain: list[torch.nn.Parameter] = []
    seen: set[int] = set()
    for module in model.modules():
        for name, p in module.named_parameters(recurse=False):
            if p.requires_grad and id(p) not in seen:  # tied weights appear under two modules
                seen.add(id(p))
                (plain if no_decay(module, name) else decay).append(p)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": plain, "weight_decay": 0.0}]


def clip_and_norm(acc: Any, model: Any, max_norm: float) -> torch.Tensor | float | None:
    """Clip to ``max_norm`` (0 = measure only) and return the global gradient norm before
    clipping, left on the device (read it with ``as_float`` when the step is logged).  DeepSpeed
    clips inside its engine step, which accelerate runs in the last ``backward``: its norm."""
    if is_deepspeed(acc):
        return getattr(model, "get_global_grad_norm", lambda: None)()
    norm = acc.clip_grad_norm_(model.parameters(), max_norm if max_norm > 0 else math.inf)
    if norm is not None and hasattr(norm, "full_tensor"):  # FSDP2: a replicated DTensor
        norm = norm.full_tensor()
    return norm


def as_float(value: torch.Tensor | float | None) -> float | None:
    return None if value is None else float(value)


# --- MFU ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Flops:
    """Training FLOPs per token from the non-embedding parameters (attention and MLP matrices and
    norms; the input embedding is a lookup and the LM head runs only on supervised rows, so
    neither is counted, nor is attention's quadratic term or gradient-checkpointing recompute).

    A matrix of N weights costs 2N per token forward, 2N for the gradient of its input and 2N
    for the gradient of its weight.  A frozen matrix (a LoRA base) needs no weight gradient, but
    its input gradient still flows to the adapters below it: 4N.  Full fine-tuning: 6N; LoRA:
    4 N_frozen + 6 N_trainable (the first layer's q/k/v read the frozen embedding and need no input
    gradient either: under 1/(3 x layers) of attention's weights, left in the count)."""

    trainable: int
    frozen: int

    @property
    def per_token(self) -> int:
        return 6 * self.trainable + 4 * self.frozen

    @property
    def formula(self) -> str:
        return "4*N_frozen + 6*N_trainable" if self.frozen else "6N"

    def to_json(self) -> dict[str, Any]:
        return {"formula": self.formula, "per_token": self.per_token, "n_trainable": self.trainable,
                "n_frozen": self.frozen}


def training_flops(model: Any) -> Flops:
    """The :class:`Flops` of ``model`` as it will train (LoRA wrapped or not), before ``prepare``."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    skip: set[int] = set()
    for get in ("get_input_embeddings", "get_output_embeddings"):
        module = getattr(base, get, lambda: None)()
        if module is not None:
            skip |= {id(p) for p in module.parameters()}
    seen: set[int] = set()
    counts = {True: 0, False: 0}
    for p in base.parameters():
        if id(p) not in skip and id(p) not in seen:
            seen.add(id(p))
            counts[p.requires_grad] += int(getattr(p, "ds_numel", p.numel()))  # ZeRO-3 keeps the full size here
    return Flops(trainable=counts[True], frozen=counts[False])


def peak_flops(device: torch.device) -> tuple[float | None, str]:
    """The device's bf16 dense peak and its name, or None with the reason."""
    if device.type != "cuda":
        return None, f"MFU not estimated: no datasheet peak for {device.type}"
    name = torch.cuda.get_device_name(device)
    peak = next((v for k, v in PEAK_FLOPS.items() if k in name), None)
    return peak, name if peak else f"MFU not estimated: no datasheet peak known for {name}"


def mfu(tokens_per_s: float, flops: Flops, peak: float | None, processes: int) -> float | None:
    """Model FLOPs utilisation (all processes' tokens over all devices' peak)."""
    return None if not peak else flops.per_token * tokens_per_s / (peak * processes)
