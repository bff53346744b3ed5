"""Speed options of the training step, each behind its own flag (``--fused-ce``, ``--kernels``,
``--bf16-weights``; ``--overlap`` lives in the loop).  The default path needs none of them.

- ``linear_cross_entropy``: the LM head and the summed cross-entropy over the supervised rows in
  chunks of rows, computing the gradients of the hidden states and of the head in the same pass,
  so the [rows x vocab] logits never exist at once (Qwen2.5's 152k vocabulary at 16k supervised
  tokens: ~10 GB in fp32).  ``chunked`` is pure torch and runs anywhere; ``liger`` hands the same
  job to liger-kernel's Triton kernel (CUDA, the ``speed`` extra).
- ``hidden_instead_of_logits``: how the trainer gets the final hidden states of exactly the
  supervised rows through the model's own forward (so DDP hooks and ``logits_to_keep`` still
  apply): the output layer passes its input through for the duration.
- ``apply_kernels``: liger's fused RMSNorm/RoPE/SwiGLU, or ``torch.compile`` on each decoder layer.
- ``MasterWeights``: bf16 parameters for the forward and backward, an fp32 copy for the optimizer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import torch

from plug_eval.errors import PlugEvalError

#: Architectures whose logits are exactly ``lm_head(hidden)`` (Gemma2/3: then a final soft-cap,
#: which ``linear_cross_entropy`` applies itself).  Others are refused with --fused-ce.
PLAIN_HEAD = {"llama", "mistral", "qwen2", "qwen3", "qwen2_moe", "qwen3_moe", "gemma", "gemma2",
              "gemma3_text", "gpt_neox", "phi3", "gpt_oss", "olmo2"}
#: Rows per chunk are chosen so one chunk's fp32 logits stay under this many bytes (64 MB: 110 rows
#: of a 152k vocabulary, about what liger-kernel picks for a 0.5B model).
CHUNK_BYTES = 1 << 26
#: torch.compile backend for --kernels compile (tests use a backend that needs no C compiler).
COMPILE_BACKEND = "inductor"


# --- fused linear cross-entropy -----------------------------------------------------------
class _ChunkedLinearCE(torch.autograd.Function):
    """sum_i CE(cap(h_i W^T + b), y_i), gradients computed chunk by chunk in the forward."""

    @staticmethod
    def forward(ctx: Any, hidden: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None,
                targets: torch.Tensor, softcap: float | None, rows: int) -> torch.Tensor:
        # autocast would run the matmuls in bf16 under mixed precision: this loss is computed in fp32
        with torch.autocast(device_type=hidden.device.type, enabled=False):
            return _ChunkedLinearCE._forward(ctx, hidden, weight, bias, targets, softcap, rows)

    @staticmethod
    def _forward(ctx: Any, hidden: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None,
                 targets: torch.Tensor, softcap: float | None, rows: int) -> torch.Tensor:
        acc = torch.promote_types(torch.promote_types(hidden.dtype, weight.dtype), torch.float32)  # >= fp32
        w = weight.to(acc)
        need_h, need_w = ctx.needs_input_grad[0], ctx.needs_input_grad[1]
        need_b = bias is not None and ctx.needs_input_grad[2]
        grad_h = torch.empty_like(hidden) if need_h else None
        grad_w = torch.zeros_like(w) if need_w else None
        grad_b = torch.zeros(w.shape[0], dtype=acc, device=w.device) if need_b else None
        total = torch.zeros((), dtype=acc, device=hidden.device)
        for start in range(0, hidden.shape[0], rows):
            h = hidden[start:start + rows].to(acc)
            y = targets[start:start + rows]
            z = h @ w.T
            if bias is not None:
                z = z + bias.to(acc)
            if softcap is not None:
                t = torch.tanh(z / softcap)
                z = t * softcap
            lse = torch.logsumexp(z, dim=-1)
            total += (lse - z.gather(1, y[:, None])[:, 0]).sum()
            g = torch.softmax(z, dim=-1)  # d loss / d z: softmax - one-hot
            g.scatter_add_(1, y[:, None], torch.full_like(y[:, None], -1.0, dtype=g.dtype))
            if softcap is not None:
                g = g * (1.0 - t * t)
            if grad_h is not None:
                grad_h[start:start + rows] = (g @ w).to(hidden.dtype)
            if grad_w is not None:
                grad_w += g.T @ h
            if grad_b is not None:
                grad_b += g.sum(0)
        ctx.save_for_backward(*(t for t in (grad_h, grad_w, grad_b) if t is not None))
        ctx.which = (grad_h is not None, grad_w is not None, grad_b is not None)
        ctx.dtypes = (weight.dtype, bias.dtype if bias is not None else None)
        return total

    @staticmethod
    def backward(ctx: Any, grad_out: torch.Tensor) -> tuple[Any, ...]:
        # in place: the saved gradients are used once (no retain_graph), and a [V, H] copy is not free
        saved = iter(ctx.saved_tensors)
        gh, gw, gb = (next(saved) if has else None for has in ctx.which)
        gh = gh.mul_(grad_out.to(gh.dtype)) if gh is not None else None
        gw = gw.mul_(grad_out).to(ctx.dtypes[0]) if gw is not None else None
        gb = gb.mul_(grad_out).to(ctx.dtypes[1]) if gb is not None else None
        return gh, gw, gb, None, None, None


def linear_cross_entropy(hidden: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor,
                         bias: torch.Tensor | None = None, softcap: float | None = None,
                         impl: str = "chunked", rows: int | None = None) -> torch.Tensor:
    """Summed cross-entropy of ``hidden @ weight.T (+ bias)`` (soft-capped if given) against
    ``targets``, without the full logits.  ``hidden`` is [N, H], every target is learned."""
    if impl == "liger":
        try:
            from liger_kernel.transformers.fused_linear_cross_entropy import (
                LigerFusedLinearCrossEntropyLoss,
            )
        except ImportError:
            raise PlugEvalError("--fused-ce liger needs liger-kernel (pip install 'plug-eval[speed]')") from None
        loss = LigerFusedLinearCrossEntropyLoss(reduction="sum", softcap=softcap)(weight, hidden, targets, bias)
        return loss[0] if isinstance(loss, tuple) else loss
    rows = rows or max(1, CHUNK_BYTES // (4 * weight.shape[0]))
    return _ChunkedLinearCE.apply(hidden, weight, bias, targets, softcap, rows)


def check_fused_ce(model: Any, impl: str) -> None:
    """Refuse, in one line, a model or device the fused cross-entropy cannot serve exactly."""
    if impl == "off":
        return
    kind = getattr(model.config, "model_type", "?")
    if kind not in PLAIN_HEAD:
        raise PlugEvalError(f"--fused-ce {impl}: {kind} models are not known to compute logits as "
                            "lm_head(hidden); use --fused-ce off")
    if impl == "liger" and not torch.cuda.is_available():
        raise PlugEvalError("--fused-ce liger runs on CUDA only; use --fused-ce chunked on this machine")


@contextlib.contextmanager
def hidden_instead_of_logits(model: Any) -> Iterator[float | None]:
    """While inside, the model's "logits" are its final hidden states (the output layer passes its
    input through and the final soft-cap is off); yields that soft-cap for the loss to apply."""
    head = model.get_output_embeddings()
    if not hasattr(head, "_plug_forward"):
        head._plug_forward = head.forward
    cap = getattr(model.config, "final_logit_softcapping", None)
    head.forward = lambda x: x
    if cap is not None:
        model.config.final_logit_softcapping = None
    try:
        yield cap
    finally:
        head.forward = head._plug_forward
        if cap is not None:
            model.config.final_logit_softcapping = cap


# --- fused elementwise kernels ------------------------------------------------------------
def decoder_layers(model: Any) -> list[torch.nn.Module]:
    return [m for m in model.modules() if type(m).__name__.endswith("DecoderLayer")]


def apply_kernels(model: Any, kind: str) -> None:
    """``liger``: liger-kernel's RMSNorm, RoPE and SwiGLU patched into the loaded model (CUDA);
    ``compile``: each decoder layer compiled on its own (one small graph, reused by every layer)."""
    if kind == "none":
        return
    if kind == "liger":
        if not torch.cuda.is_available():
            raise PlugEvalError("--kernels liger runs on CUDA only (Triton); use --kernels compile or none")
        try:
            from liger_kernel.transformers import _apply_liger_kernel_to_instance
            from liger_kernel.transformers.monkey_patch import (
                MODEL_TYPE_TO_APPLY_LIGER_FN,
            )
        except ImportError:
            raise PlugEvalError("--kernels liger needs liger-kernel (pip install 'plug-eval[speed]')") from None
        kind_of = getattr(model.config, "model_type", "?")
        if kind_of not in MODEL_TYPE_TO_APPLY_LIGER_FN:  # liger would only log and do nothing
            raise PlugEvalError(f"--kernels liger: liger-kernel has no kernels for {kind_of} models; "
                                "use --kernels compile or none")
        _apply_liger_kernel_to_instance(model=model, rope=True, rms_norm=True, swiglu=True,
                                        cross_entropy=False, fused_linear_cross_entropy=False)
        return
    layers = decoder_layers(model)
    if not layers:
        raise PlugEvalError(f"--kernels compile: no decoder layers found in {type(model).__name__}")
    for layer in layers:
        layer.compile(backend=COMPILE_BACKEND, dynamic=True)


# --- bf16 weights, fp32 master copy ---------------------------------------------------------
class MasterWeights:
    """The model computes in bf16 parameters; the optimizer steps fp32 copies of the trainable
    ones, so updates smaller than bf16's resolution (lr x update / weight < 2^-8) still add up."""

    def __init__(self, model: torch.nn.Module):
        self.pairs: list[tuple[torch.nn.Parameter, torch.nn.Parameter]] = []
        for p in model.parameters():
            if p.requires_grad:
                self.pairs.append((p, torch.nn.Parameter(p.detach().float().clone())))
        for p in model.parameters():
            p.data = p.data.to(torch.bfloat16)
        self._master = {id(p): m for p, m in self.pairs}

    def groups(self, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The optimizer's parameter groups with every model parameter replaced by its master."""
        return [{**g, "params": [self._master[id(p)] for p in g["params"]]} for g in groups]

    def masters(self) -> list[torch.nn.Parameter]:
        return [m for _, m in self.pairs]

    def grads_to_master(self) -> None:
        for p, m in self.pairs:
            m.grad = None if p.grad is None else p.grad.float()
            p.grad = None

    def state_dict(self) -> dict[str, Any]:
        """The fp32 copies (accelerate's save_state): the bf16 weights alone would lose them."""
        return {"masters": [m.detach().cpu() for _, m in self.pairs]}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        saved = state["masters"]
        if len(saved) != len(self.pairs) or any(
                s.shape != m.shape for s, (_, m) in zip(saved, self.pairs, strict=True)):
            raise PlugEvalError("the checkpoint's fp32 master weights do not match this model (--bf16-weights)")
        with torch.no_grad():
            for s, (_, m) in zip(saved, self.pairs, strict=True):
                m.copy_(s)
        self.master_to_model()

    def master_to_model(self) -> None:
        with torch.no_grad():
            for p, m in self.pairs:
                p.copy_(m)
