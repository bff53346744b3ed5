"""Loading the model and tokenizer, wrapping LoRA, and writing models to disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from plug_eval.errors import PlugEvalError

from .config import TrainConfig

# LoRA targets per architecture: every attention and MLP projection.
LORA_TARGETS = {
    "llama": "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
    "mistral": "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
    "qwen2": "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
    "qwen3": "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
    "gpt_neox": "query_key_value,dense,dense_h_to_4h,dense_4h_to_h",
}


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


def load_model(name: str, gradient_checkpointing: bool, attention_mode: str = "packed") -> Any:
    """The causal LM in fp32 (mixed precision is applied by accelerate), with our attention
    (``attention_mode`` packed) or the one transformers picks for it (``model``)."""
    from transformers import AutoModelForCausalLM

    from . import attention

    try:
        model = AutoModelForCausalLM.from_pretrained(name, dtype=torch.float32)
    except (OSError, ValueError) as e:
        raise PlugEvalError(f"cannot load a causal LM ({' '.join(str(e).split())[:200]})", name) from None
    setattr(model, "_plug_inference_attention", model.config._attn_implementation)  # restored on save
    setattr(model, "_plug_attention_mode", attention_mode)
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
    model.config.use_cache = False
    if gradient_checkpointing:
        if hasattr(model, "activation_checkpointing_enable"):  # transformers >= 5.2x name
            model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    return model


def inference_attention(model: Any) -> str:
    """The attention implementation the model was loaded with (``sdpa`` for most, ``eager`` for
    Gemma2): what a checkpoint and generation use, never our training-only one."""
    return getattr(model, "_plug_inference_attention", None) or "sdpa"


def add_lora(model: Any, cfg: TrainConfig) -> Any:
    from peft import LoraConfig, get_peft_model

    targets = cfg.lora_targets
    if targets == "auto":
        targets = LORA_TARGETS.get(model.config.model_type, "all-linear")
    modules: Any = targets if targets == "all-linear" else [t.strip() for t in targets.split(",") if t.strip()]
    lora = LoraConfig(task_type="CAUSAL_LM", r=cfg.lora_r, lora_alpha=cfg.lora_alpha,
                      lora_dropout=cfg.lora_dropout, target_modules=modules)
    try:
        model = get_peft_model(model, lora)
    except ValueError as e:
        raise PlugEvalError(f"--lora-targets {targets!r}: {' '.join(str(e).split())[:200]}") from None
    if cfg.gradient_checkpointing:
        model.enable_input_require_grads()
    return model


def save_pretrained(model: Any, state_dict: dict[str, torch.Tensor] | None, tok: Any, template: str,
                    where: Path) -> None:
    """Model (or adapter) and tokenizer, the trained chat template saved with it."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    if base.config._attn_implementation != inference_attention(base):
        base.set_attn_implementation(inference_attention(base))  # what a loader expects; ours is training-only
    base.config.use_cache = True
    model.save_pretrained(str(where), state_dict=state_dict)
    tok.chat_template = template
    tok.save_pretrained(str(where))


def save_merged(peft_model: Any, tok: Any, template: str, where: Path) -> None:
    """LoRA folded into the base weights: a plain model directory."""
    merged = peft_model.merge_and_unload()
    merged.set_attn_implementation(inference_attention(merged))
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

