"""Attention over a padding-free row of several sequences, each attending only to itself.

Registered with transformers as the attention implementation ``plug_packed``.  The model passes
our keyword arguments (``cu_seq_lens_q``, ``max_length_q``) through to it, and because the name has
no mask function in transformers, no (T x T) mask is ever built.

- CUDA, bf16/fp16, with ``torch.nn.attention.varlen``: one flash-attention varlen call; a
  sliding window goes through its ``window_size``.
- Elsewhere (CPU): causal SDPA per sequence; on CPU this is faster than one masked SDPA over the
  row, which computes the whole (T x T) block and throws most of it away.  A sliding window is a
  boolean mask on that sequence.
- Logit soft-capping (Gemma2) and attention sinks (``s_aux``, gpt-oss), which no fused kernel here
  takes: the eager formula per sequence, on every device (exact, but O(L^2) memory per sequence).
- Anything else that changes what a query sees (bidirectional attention): a one-line refusal
  naming it; ``--attention model`` trains with the model's own attention on padded batches.
- No boundaries passed: an error.  The trainer switches the model back to the implementation it
  was loaded with before it saves or generates, so a checkpoint never names this one.

The trap this avoids: transformers isolates sequences in a flattened row from ``position_ids``
alone only when no KV cache is built, so a forward without ``use_cache=False`` silently lets them
attend across each other.  The trainer passes ``use_cache=False`` *and* the boundaries.
"""

from __future__ import annotations

import inspect
from typing import Any

import torch
import torch.nn.functional as F

from plug_eval.errors import PlugEvalError

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
                 max_len: int, scaling: float | None, window: int | None) -> torch.Tensor:
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
    if window is not None:  # key j is seen by query i when i - window < j <= i
        kw["window_size"] = (window - 1, 0)
    elif "is_causal" in params:
        kw["is_causal"] = True
    else:
        kw["window_size"] = (-1, 0)
    cu = cu.to(torch.int32)
    return fn(q, k, v, cu, cu, max_len, max_len, **kw)[None]  # [1, T, heads, dim]


def _window_mask(n: int, window: int, device: torch.device) -> torch.Tensor:
    """[n, n] True where query i may see key j: causal and within the last ``window`` positions."""
    i = torch.arange(n, device=device)[:, None]
    j = torch.arange(n, device=device)[None, :]
    return (j <= i) & (j > i - window)


def _eager_one(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, scaling: float, dropout: float,
               window: int | None, softcap: float | None, sinks: torch.Tensor | None) -> torch.Tensor:
    """One sequence by the eager formula: scores, soft-cap, causal/window mask, sinks, softmax."""
    n = q.shape[2]
    if k.shape[1] != q.shape[1]:
        k, v = (t.repeat_interleave(q.shape[1] // t.shape[1], dim=1) for t in (k, v))
    scores = torch.matmul(q, k.transpose(2, 3)) * scaling
    if softcap is not None:
        scores = torch.tanh(scores / softcap) * softcap
    allowed = _window_mask(n, window if window is not None else n, q.device)
    scores = scores.masked_fill(~allowed, torch.finfo(scores.dtype).min)
    if sinks is not None:  # one extra logit per head that takes probability mass and gives no value
        sink = sinks.to(scores.dtype).reshape(1, -1, 1, 1).expand(q.shape[0], -1, n, 1)
        scores = torch.cat([scores, sink], dim=-1)
        scores = scores - scores.max(dim=-1, keepdim=True).values
    probs = torch.softmax(scores, dim=-1, dtype=torch.float32).to(v.dtype)
    if sinks is not None:
        probs = probs[..., :-1]
    probs = F.dropout(probs, p=dropout, training=dropout > 0)
    return torch.matmul(probs, v)


def _per_sequence(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, cu: list[int],
                  scaling: float | None, dropout: float, window: int | None = None,
                  softcap: float | None = None, sinks: torch.Tensor | None = None) -> torch.Tensor:
    # split, not slicing: the backward of a split is one cat, that of n slices n zero-filled copies
    lengths = [b - a for a, b in zip(cu[:-1], cu[1:], strict=True)]
    gqa = query.shape[1] != key.shape[1]
    outs = []
    for q, k, v in zip(*(t.split(lengths, dim=2) for t in (query, key, value)), strict=True):
        n = q.shape[2]
        if softcap is not None or sinks is not None:
            outs.append(_eager_one(q, k, v, scaling if scaling is not None else q.shape[-1] ** -0.5,
                                   dropout, window, softcap, sinks))
        elif window is not None and n > window:
            outs.append(F.scaled_dot_product_attention(q, k, v, attn_mask=_window_mask(n, window, q.device),
                                                       scale=scaling, dropout_p=dropout, enable_gqa=gqa))
        else:
            outs.append(F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=scaling,
                                                       dropout_p=dropout, enable_gqa=gqa))
    return torch.cat(outs, dim=2).transpose(1, 2)  # [1, T, heads, dim]


def check_module(module: torch.nn.Module) -> None:
    """Refuse, in one line, an attention layer whose behaviour this implementation would change."""
    if getattr(module, "is_causal", True) is False:
        raise PlugEvalError(f"{type(module).__name__} attends bidirectionally, which {NAME} does not "
                            "implement; use --attention model")


def packed_attention(module: torch.nn.Module, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor,
                     attention_mask: torch.Tensor | None, scaling: float | None = None,
                     dropout: float = 0.0, sliding_window: int | None = None, softcap: float | None = None,
                     s_aux: torch.Tensor | None = None, **kwargs: Any) -> tuple[torch.Tensor, None]:
    cu = kwargs.get("cu_seq_lens_q")
    if cu is None:  # with no mask function registered, transformers built no mask: refuse
        raise RuntimeError(f"{NAME} attention needs cu_seq_lens_q; use attn_implementation='sdpa' here")
    check_module(module)
    # Qwen2-MoE keeps its window on the module and in the mask only (the probe checks every model)
    sliding_window = sliding_window or getattr(module, "sliding_window", None)
    window = int(sliding_window) if sliding_window else None
    dtype = _compute_dtype(query)
    fused_ok = softcap is None and s_aux is None and (window is None or _varlen_has_window())
    if USE_VARLEN and fused_ok and query.is_cuda and dtype in HALF and dropout == 0.0 and _varlen() is not None:
        query, key, value = (t.to(dtype) for t in (query, key, value))
        out = _cuda_varlen(query, key, value, cu, int(kwargs["max_length_q"]), scaling, window)
    else:
        out = _per_sequence(query, key, value, cu.tolist(), scaling, dropout, window, softcap, s_aux)
    return out.contiguous(), None


def _varlen_has_window() -> bool:
    fn = _varlen()
    return fn is not None and "window_size" in inspect.signature(fn).parameters


def register() -> str:
    """Make ``plug_packed`` known to transformers (idempotent) and return its name."""
    from transformers import AttentionInterface

    AttentionInterface.register(NAME, packed_attention)
    return NAME
