"""The self-test a model gets when it loads for ``--attention packed``: one short packed row
through our attention against each of its sequences alone through the model's own eager
attention.  A mismatch is a one-line refusal naming the way out (``--attention model``), never
a run trained silently wrong.

What it catches: anything that makes a query see other keys than transformers would let it see,
wherever transformers keeps it.  Qwen2-MoE, PhiMoE, Llama-4's chunked attention and others keep
a restriction only in the attention mask, which a padding-free row never builds; a packed row
whose sequences leak into each other; an option the model passes that ``plug_packed`` ignores.

The probe is three sequences of 3W+1, 2W+1 and W+2 tokens (28 for W = 4), so every sliding
window and attention chunk is crossed: for the probe alone, window and chunk sizes above W are
set to W, in the configs (read by the masks) and on the modules (passed to the attention), and
put back after.  fp32 weights must agree at every position to 1e-4 of the logits' scale; half
precision (a LoRA base in bf16) to 3e-2 at 7 of 8 positions (a near-tie in an MoE router may
flip one).  Weights that are not materialised in this process (DeepSpeed ZeRO-3 partitions them at
load, FSDP's low-memory loading leaves them on the meta device off rank 0) cannot run a forward:
the probe is skipped there, and says so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import torch

from plug_eval.errors import PlugEvalError

from . import attention, batching, data

#: Attributes that bound what a query sees, in configs and on attention modules.
WINDOW_ATTRS = ("sliding_window", "attention_chunk_size")
PROBE_WINDOW = 4
TOLERANCE = {torch.float32: 1e-4, torch.float64: 1e-4}
HALF_TOLERANCE, HALF_SHARE = 3e-2, 1 / 8


def check(model: Any) -> str:
    """Run the probe on ``model`` (loaded, with ``plug_packed`` set); returns a line saying what
    was checked, or raises ``PlugEvalError`` on a mismatch."""
    params = list(model.parameters())
    if any(p.device.type == "meta" or p.numel() == 0 for p in params):
        return "attention self-test skipped: the weights are not materialised in this process (sharded at load)"
    dtype = params[0].dtype
    was_training = model.training
    model.eval()
    try:
        with _probe_windows(model), torch.no_grad():
            seqs = _sequences(model, params[0].device)
            model.set_attn_implementation("eager")
            eager = torch.cat([model(input_ids=s[None], use_cache=False).logits[0].float() for s in seqs])
            model.set_attn_implementation(attention.NAME)
            ours = _packed_logits(model, seqs).float()
    finally:
        model.set_attn_implementation(attention.NAME)
        model.train(was_training)
    return _verdict(ours, eager, dtype)


def _verdict(ours: torch.Tensor, eager: torch.Tensor, dtype: torch.dtype) -> str:
    scale = eager.abs().amax(dim=-1).clamp(min=1.0)
    err = ((ours - eager).abs().amax(dim=-1) / scale)
    tol = TOLERANCE.get(dtype, HALF_TOLERANCE)
    bad = int((err > tol).sum())
    allowed = 0 if dtype in TOLERANCE else int(HALF_SHARE * err.numel())
    if bad > allowed:
        raise PlugEvalError(f"{attention.NAME} attention does not match this model's own attention ({bad} of "
                            f"{err.numel()} probe positions differ, up to {float(err.max()):.2g} of the logits' "
                            "scale): it restricts attention in a way plug-train does not implement; use "
                            "--attention model")
    return (f"attention self-test: {attention.NAME} matches the model's eager attention on a {err.numel()}-token "
            f"packed probe (largest difference {float(err.max()):.1e} of the logits' scale)")


def _sequences(model: Any, device: torch.device) -> list[torch.Tensor]:
    """Seeded ordinary tokens: none of the ids a config names (image placeholders, BOS, EOS, pad)."""
    vocab = int(model.get_input_embeddings().num_embeddings)
    named = {v for c in _configs(model) for k, v in vars(c).items()
             if isinstance(v, int) and (k.endswith("_token_id") or k.endswith("_token_index"))}
    pool = torch.tensor([i for i in range(min(vocab, 1024)) if i not in named])
    g = torch.Generator().manual_seed(0)
    w = PROBE_WINDOW
    return [pool[torch.randint(0, len(pool), (n,), generator=g)].to(device) for n in (3 * w + 1, 2 * w + 1, w + 2)]


def _configs(model: Any) -> list[Any]:
    """Every config object of the model and its sub-models (text, vision, audio)."""
    found: dict[int, Any] = {}
    for module in model.modules():
        config = getattr(module, "config", None)
        if config is not None:
            found[id(config)] = config
    for config in list(found.values()):
        for name in ("text_config", "vision_config", "audio_config"):
            sub = getattr(config, name, None)
            if sub is not None:
                found[id(sub)] = sub
    return list(found.values())


def _packed_logits(model: Any, seqs: list[torch.Tensor]) -> torch.Tensor:
    mb = batching.collate([data.Encoded(s.tolist(), s.tolist()) for s in seqs]).to(seqs[0].device)
    kwargs = mb.model_kwargs()
    return model(**kwargs).logits[0]


@contextlib.contextmanager
def _probe_windows(model: Any) -> Iterator[None]:
    """Window and chunk sizes above the probe's set to it, everywhere they are read; restored after."""
    owners = list(model.modules()) + _configs(model)
    saved = [(o, a, getattr(o, a)) for o in owners for a in WINDOW_ATTRS
             if isinstance(getattr(o, a, None), int) and not isinstance(getattr(o, a), bool)
             and getattr(o, a) > PROBE_WINDOW]
    try:
        for owner, name, _ in saved:
            setattr(owner, name, PROBE_WINDOW)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)
