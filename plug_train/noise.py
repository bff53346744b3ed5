"""Noisy input embeddings while training (NEFTune, Jain et al. 2023, arXiv:2310.05914).

During training, each token's input embedding gets uniform noise in ``[-s, s]`` with
``s = alpha / sqrt(L * d)``: ``L`` the length of the token's own sequence, ``d`` the hidden size.
Nothing changes at inference (the hook is inert when the module is in eval mode), and nothing is
saved: the trained weights are an ordinary model.

``L`` is each sequence's own length, in padding-free rows as in padded blocks.  (transformers'
hook takes the tensor's second dimension, which in a padding-free row is the whole row, so the
noise there shrinks with the number of sequences packed together.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import torch

from .batching import MicroBatch


def token_lengths(mb: MicroBatch) -> torch.Tensor:
    """[rows, T, 1]: for every position, the length of the sequence it belongs to."""
    if mb.attention_mask is not None:  # padded block: one sequence per row
        per_row = mb.attention_mask.sum(dim=1, keepdim=True).clamp(min=1)
        return per_row.expand_as(mb.attention_mask).unsqueeze(-1)
    assert mb.cu_seqlens is not None
    lengths = (mb.cu_seqlens[1:] - mb.cu_seqlens[:-1]).long()
    return torch.repeat_interleave(lengths, lengths).reshape(1, -1, 1)


class EmbeddingNoise:
    """A forward hook on the input embeddings; :meth:`batch` arms it for one micro-batch."""

    def __init__(self, model: Any, alpha: float):
        embeddings = model.get_input_embeddings()
        self.alpha = alpha
        self.dim = int(embeddings.embedding_dim)
        self.scale: torch.Tensor | None = None
        embeddings.register_forward_hook(self._hook)

    def _hook(self, module: torch.nn.Module, args: Any, output: torch.Tensor) -> torch.Tensor:
        if not module.training or self.scale is None:
            return output
        noise = torch.rand_like(output).mul_(2).sub_(1)  # U(-1, 1), from torch's seeded generator
        return output + noise * self.scale.to(output.dtype)

    @contextlib.contextmanager
    def batch(self, mb: MicroBatch) -> Iterator[None]:
        dims = token_lengths(mb).to(mb.input_ids.device).float() * self.dim
        self.scale = self.alpha / dims.sqrt()
        try:
            yield
        finally:
            self.scale = None


def attach(model: Any, alpha: float) -> EmbeddingNoise | None:
    """Hook NEFTune noise of strength ``alpha`` onto ``model``'s input embeddings (None when 0)."""
    return EmbeddingNoise(model, alpha) if alpha else None
