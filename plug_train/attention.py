"""Attention over a padding-free row of several sequences, each attending only to itself.

Registered with transformers as the attention implementation ``plug_packed``.  The model passes
our keyword arguments (``cu_seq_lens_q``, ``max_length_q``) through to it, and because the name has
no mask function in transformers, no (T x T) mask is ever built.

- CUDA, bf16/fp16, with ``torch.nn.attention.varlen``: one flash-attention varlen call.
- Elsewhere (CPU): causal SDPA per sequence; on CPU this is faster than one masked SDPA over the
  row, which computes the whole (T x T) block and throws most of it away.
- No boundaries passed: an error.  The trainer switches the model back to ``sdpa`` before it
  saves or generates, so a checkpoint never names this implementation.

The trap this avoids: transformers isolates sequences in a flattened row from ``position_ids``
alone only when no KV cache is built, so a forward without ``use_cache=False`` silently lets them
attend across each other.  The trainer passes ``use_cache=False`` *and* the boundaries.
"""

from __future__ import annotations

import inspect
from typing import Any

import torch
import torch.nn.functional as F

NAME = "plug_packed"
#: Use torch's flash varlen kernel on CUDA when it is there (set False to force the SDPA loop).
USE_VARLEN = True


def _varlen() -> Any:
    try:
        from torch.nn.attention.varlen import varlen_attn
    except ImportError:
        return None
    return varlen_attn


HALF = (torch.float16, torch.bfloat16)


def _compute_dtype(t: torch.Tensor) -> torch.dtype:
    """The dtype attention runs in: autocast's when on (RoPE in fp32 hands us fp32 q/k)."""
    if t.is_cuda and torch.is_autocast_enabled("cuda"):
        return torch.get_autocast_dtype("cuda")
    return t.dtype


def _cuda_varlen(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, cu: torch.Tensor,
                 max_len: int, scaling: float | None) -> torch.Tensor:
    fn = _varlen()
    params = inspect.signature(fn).parameters  # the API changed between torch 2.10 and 2.13
    q, k, v = (t[0].transpose(0, 1) for t in (query, key, value))  # [T, heads, dim]
    kw: dict[str, Any] = {}
    if q.shape[1] != k.shape[1]:
        if "enable_gqa" in params:
            kw["enable_gqa"] = True
        else:
            k, v = (t.repeat_interleave(q.shape[1] // k.shape[1], dim=1) for t in (k, v))
    if scaling is not None and "scale" in params:
        kw["scale"] = scaling
    elif scaling is not None:  # no scale argument: fold a non-default scale into the queries
        q = q * (scaling * q.shape[-1] ** 0.5)
    if "is_causal" in params:
        kw["is_causal"] = True
    else:
        kw["window_size"] = (-1, 0)
    cu = cu.to(torch.int32)
    return fn(q, k, v, cu, cu, max_len, max_len, **kw)[None]  # [1, T, heads, dim]


def _per_sequence(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, cu: list[int],
                  scaling: float | None, dropout: float) -> torch.Tensor:
    # split, not slicing: the backward of a split is one cat, that of n slices n zero-filled copies
    lengths = [b - a for a, b in zip(cu[:-1], cu[1:])]
    gqa = query.shape[1] != key.shape[1]
    outs = [F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=scaling, dropout_p=dropout,
                                           enable_gqa=gqa)
            for q, k, v in zip(*(t.split(lengths, dim=2) for t in (query, key, value)))]
    return torch.cat(outs, dim=2).transpose(1, 2)  # [1, T, heads, dim]


def packed_attention(module: torch.nn.Module, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor,
                     attention_mask: torch.Tensor | None, scaling: float | None = None,
                     dropout: float = 0.0, **kwargs: Any) -> tuple[torch.Tensor, None]:
    cu = kwargs.get("cu_seq_lens_q")
    if cu is None:  # with no mask function registered, transformers built no mask: refuse
        raise RuntimeError(f"{NAME} attention needs cu_seq_lens_q; use attn_implementation='sdpa' here")
    dtype = _compute_dtype(query)
    if USE_VARLEN and query.is_cuda and dtype in HALF and dropout == 0.0 and _varlen() is not None:
        query, key, value = (t.to(dtype) for t in (query, key, value))
        out = _cuda_varlen(query, key, value, cu, int(kwargs["max_length_q"]), scaling)
    else:
        out = _per_sequence(query, key, value, cu.tolist(), scaling, dropout)
    return out.contiguous(), None


def register() -> str:
    """Make ``plug_packed`` known to transformers (idempotent) and return its name."""
    from transformers import AttentionInterface

    AttentionInterface.register(NAME, packed_attention)
    return NAME
