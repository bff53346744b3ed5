"""Loading the model and tokenizer, wrapping LoRA, and writing models to disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch

from plug_eval.errors import PlugEvalError

from .config import TrainConfig


def load_tokenizer(name: str) -> Any:
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(name)
    except (OSError, ValueError) as e:
        raise PlugEvalError(f"cannot load a tokenizer ({' '.join(str(e).split())[:200]})", name) from None
    if not getattr(tok, "is_fast", False):
        raise PlugEvalError("a fast tokenizer is needed (character offsets locate the answer)", name)
    if tok.eos_token is None:
        raise PlugEvalError("the tokenizer has no EOS token, so a trained model could not stop", name)
    return tok


def load_model(name: str, gradient_checkpointing: bool, attention_mode: str = "packed",
               dtype: torch.dtype = torch.float32, strict: bool = False) -> Any:
    """The causal LM in ``dtype`` (fp32 unless ``load_dtype`` says otherwise; mixed precision is
    applied by accelerate), with our attention (``attention_mode`` packed) or the one transformers
    picks for it (``model``).  Read by transformers' own loader, which converts the names and
    layouts of the files into the model's (fused MoE experts, multimodal prefixes, GPT-NeoX's
    head).  ``strict``: every weight of the model must come from the files (a checkpoint)."""
    from transformers import AutoModelForCausalLM

    from . import attention, probe

    try:
        loaded: Any = AutoModelForCausalLM.from_pretrained(name, dtype=dtype, output_loading_info=True)
        model, info = loaded
    except (OSError, ValueError, RuntimeError) as e:
        raise PlugEvalError(f"cannot load a causal LM ({' '.join(str(e).split())[:200]})", name) from None
    if strict:
        _check_loaded(info, name)
    # plain attributes (nn.Module keeps non-tensor values in the instance dict)
    vars(model)["_plug_inference_attention"] = model.config._attn_implementation  # restored on save
    vars(model)["_plug_attention_mode"] = attention_mode
    if attention_mode == "packed":
        try:
            model.set_attn_implementation(attention.register())
        except (ValueError, AttributeError):  # a model without the attention interface: masked SDPA
            pass
        for module in model.modules():  # refuse what our attention cannot do before any compute
            if hasattr(module, "is_causal") and hasattr(module, "scaling"):
                try:
                    attention.check_module(module)
                except PlugEvalError as e:
                    raise PlugEvalError(e.problem, name) from None
        if model.config._attn_implementation == attention.NAME:
            try:
                vars(model)["_plug_self_test"] = probe.check(model)
            except PlugEvalError as e:
                raise PlugEvalError(e.problem, name) from None
    model.config.use_cache = False
    if gradient_checkpointing:
        if hasattr(model, "activation_checkpointing_enable"):  # transformers >= 5.2x name
            model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    return model


def _check_loaded(info: dict[str, Any], name: str) -> None:
    """A one-line error when the files did not fill the model exactly (transformers would leave
    missing weights at their random init and only log it)."""
    for key, what in (("missing_keys", "missing from the files"), ("unexpected_keys", "not in the model"),
                      ("mismatched_keys", "of another shape than the model's")):
        found = sorted(str(k if isinstance(k, str) else k[0]) for k in info.get(key) or ())
        if found:
            raise PlugEvalError(f"{len(found)} weights {what}, e.g. {found[0]}: these files do not fit the "
                                "model they were saved from", name)


def load_dtype(cfg: TrainConfig, device: torch.device, mixed_precision: str) -> torch.dtype:
    """fp32 master weights, except a frozen LoRA base on a GPU with bf16 autocast: it is only
    read, so bf16 halves its memory (13B: 26 GB instead of 52) and the adapter stays fp32."""
    if cfg.lora and device.type == "cuda" and mixed_precision == "bf16":
        return torch.bfloat16
    return torch.float32


def base_dtype(name: str) -> torch.dtype:
    """The dtype the base model was published in (its config's ``dtype``), fp32 if unstated."""
    from transformers import AutoConfig

    try:
        value = getattr(AutoConfig.from_pretrained(name), "dtype", None)
    except (OSError, ValueError):
        return torch.float32
    if isinstance(value, str):
        value = getattr(torch, value, None)
    return value if isinstance(value, torch.dtype) and value.is_floating_point else torch.float32


def inference_attention(model: Any) -> str:
    """The attention implementation the model was loaded with (``sdpa`` for most, ``eager`` for
    Gemma2): what a checkpoint and generation use, never our training-only one."""
    return getattr(model, "_plug_inference_attention", None) or "sdpa"


def lora_targets(model: Any) -> tuple[str, list[str]]:
    """``--lora-targets auto``: every linear projection inside the decoder layers (attention, MLP,
    an MoE's shared expert), as a pattern that matches nothing outside them (a multimodal model's
    vision tower, the LM head), and the routed experts' 3-D weights (``mlp.experts.gate_up_proj``,
    ``mlp.experts.down_proj``: not linear modules, so peft adapts them as parameters).  Routers and
    one-output gates are left as they are: the adapter never changes which experts a token uses
    except through what it learns upstream."""
    import re

    layers = model.get_decoder().layers if hasattr(model, "get_decoder") else None
    if not isinstance(layers, torch.nn.ModuleList):
        raise PlugEvalError(f"--lora-targets auto: no decoder layers found in {type(model).__name__}; "
                            "name the modules with --lora-targets")
    prefix = next(n for n, m in model.named_modules() if m is layers)
    linear: set[str] = set()
    params: set[str] = set()
    for layer in layers:
        for name, module in layer.named_modules():
            if isinstance(module, torch.nn.Linear) and module.out_features > 1:
                linear.add(name)
            elif type(module).__name__.endswith("Experts"):
                params |= {f"{name}.{p}" for p, w in module.named_parameters(recurse=False) if w.ndim == 3}
    pattern = rf"{re.escape(prefix)}\.\d+\.(?:{'|'.join(re.escape(n) for n in sorted(linear))})"
    return pattern, sorted(params)


def add_lora(model: Any, cfg: TrainConfig) -> Any:
    """peft LoRA on ``model``.  Routed experts get no dropout: peft cannot apply it to a fused
    weight (it refuses), so the adapter is built without and ``--lora-dropout`` is set on the
    linear projections' adapters afterwards; the saved adapter config says 0 so it loads anywhere."""
    from peft import LoraConfig, get_peft_model

    params: list[str] = []
    modules: Any
    if cfg.lora_targets == "auto":
        modules, params = lora_targets(model)
    else:
        modules = [t.strip() for t in cfg.lora_targets.split(",") if t.strip()]
    dropout = 0.0 if params else cfg.lora_dropout
    lora = LoraConfig(task_type="CAUSAL_LM", r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=dropout,
                      target_modules=modules, target_parameters=params or None)
    try:
        model = get_peft_model(model, lora)
    except ValueError as e:
        raise PlugEvalError(f"--lora-targets {cfg.lora_targets!r}: {' '.join(str(e).split())[:200]}") from None
    if params and cfg.lora_dropout:
        from peft.tuners.lora.layer import Linear as LoraLinear

        for module in model.modules():
            if isinstance(module, LoraLinear):
                for name in module.lora_dropout:
                    module.lora_dropout[name] = torch.nn.Dropout(cfg.lora_dropout)
    if cfg.gradient_checkpointing:
        model.enable_input_require_grads()
    return model


def save_pretrained(model: Any, state_dict: dict[str, torch.Tensor] | None, tok: Any, template: str,
                    where: Path, dtype: torch.dtype | None = None, weights: bool = True) -> None:
    """Model (or adapter) and tokenizer, the trained chat template saved with it.  ``dtype``: the
    full model's floating weights cast to it (a LoRA adapter keeps its own dtype).  ``weights``
    False: the configs and tokenizer only (the weights are stored elsewhere)."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    if base.config._attn_implementation != inference_attention(base):
        base.set_attn_implementation(inference_attention(base))  # what a loader expects; ours is training-only
    base.config.use_cache = True
    tok.chat_template = template
    tok.save_pretrained(str(where))
    if not weights:
        if hasattr(model, "peft_config"):
            model.peft_config[model.active_adapter].save_pretrained(str(where))
        else:
            base.config.save_pretrained(str(where))
            if getattr(base, "generation_config", None) is not None:
                base.generation_config.save_pretrained(str(where))
        return
    cast = dtype is not None and not hasattr(model, "peft_config")
    if cast and state_dict is None:
        state_dict = model.state_dict()
    if state_dict is not None:  # gathered or cast: tied weights would be saved as two copies
        first: dict[int, str] = {}
        tied = {name for name, p in model.named_parameters(remove_duplicate=False)
                if first.setdefault(id(p), name) != name}
        state_dict = {k: v.to(dtype) if cast and v.is_floating_point() else v
                      for k, v in state_dict.items() if k not in tied}
    model.save_pretrained(str(where), state_dict=state_dict)
    if cast:  # transformers wrote the dtype of the live (fp32) model
        config = json.loads((where / "config.json").read_text(encoding="utf-8"))
        config["dtype"] = str(dtype).removeprefix("torch.")
        (where / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def save_merged(base_name: str, adapter_dir: Path, tok: Any, template: str, where: Path,
                dtype: torch.dtype | None = None) -> None:
    """LoRA folded into the base weights: a plain model directory.  Built from the base model
    and the saved adapter (whole, gathered from every process), never from sharded weights."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(base_name, dtype=torch.float32)
    merged = PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()
    if dtype is not None:
        merged = merged.to(dtype)  # loaded afresh: its attention is already the inference one
    merged.config.use_cache = True
    merged.save_pretrained(str(where))
    tok.chat_template = template
    tok.save_pretrained(str(where))


def restore_training_attention(model: Any) -> None:
    from . import attention

    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    packed = getattr(base, "_plug_attention_mode", "packed") == "packed"
    try:
        base.set_attn_implementation(attention.NAME if packed else inference_attention(base))
    except (ValueError, AttributeError):
        pass
    base.config.use_cache = False

