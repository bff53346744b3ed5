"""Which sequences go into which micro-batch, and how a micro-batch becomes tensors.

Every micro-batch is *padding-free*: its sequences are laid end to end in one row, with position
ids restarting at 0 for each sequence and the sequence boundaries (``cu_seqlens``) passed down to
the attention, so no token attends across a boundary and no compute goes to padding.  Without
``--packing`` a micro-batch holds ``batch_size`` sequences; with it, ``batch_size`` rows of at
most ``max_length`` tokens, filled by best-fit decreasing.

The order of the whole run is a pure function of (seed, epoch, step), the same on every process.
A step takes ``G = batch_size x grad_accum x processes`` units; process ``r`` gets its slices.
So 1 process x batch 4 and 2 processes x batch 2 see the same sequences in a step, and resuming
at step N needs nothing but N.  The last step of an epoch is filled up by wrapping around to the
epoch's first units, as torch's ``DistributedSampler`` does.

``--attention model`` (a model whose attention ours does not implement) uses ``collate_padded``
instead: the same sequences as a right-padded [batch, longest] block with an attention mask,
through the model's own attention.
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from typing import Any

import torch

from .data import IGNORE, Encoded


def pack(lengths: list[int], capacity: int) -> list[list[int]]:
    """Best-fit decreasing: indices grouped into bins whose lengths sum to at most ``capacity``."""
    bins: list[list[int]] = []
    free: list[tuple[int, int]] = []  # (room left, bin index), sorted
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        n = lengths[i]
        at = bisect.bisect_left(free, (n, -1))
        if at < len(free):
            room, b = free.pop(at)
        else:
            room, b = capacity, len(bins)
            bins.append([])
        bins[b].append(i)
        if room - n > 0:
            bisect.insort(free, (room - n, b))
    return bins


@dataclass
class Plan:
    """The run's schedule of units (a sequence, or a packed row of sequences)."""

    units: list[list[int]]  # each unit: indices into the encoded data set
    batch_size: int
    grad_accum: int
    world: int
    seed: int

    @property
    def per_step(self) -> int:
        return self.batch_size * self.grad_accum * self.world

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(len(self.units) / self.per_step)

    def _order(self, epoch: int) -> list[int]:
        order = list(range(len(self.units)))
        random.Random(self.seed * 100_003 + epoch).shuffle(order)
        return order

    def step_units(self, step: int) -> list[int]:
        """All units of one optimizer step (every process), in a fixed order."""
        epoch, k = divmod(step, self.steps_per_epoch)
        order = self._order(epoch)
        return [order[(k * self.per_step + j) % len(order)] for j in range(self.per_step)]

    def micro_batches(self, step: int, rank: int) -> list[list[int]]:
        """This process's micro-batches for ``step``: grad_accum lists of sequence indices."""
        units = self.step_units(step)
        out = []
        for m in range(self.grad_accum):
            start = (m * self.world + rank) * self.batch_size
            out.append([i for u in units[start:start + self.batch_size] for i in self.units[u]])
        return out


def make_plan(data: list[Encoded], packing: bool, max_length: int, batch_size: int,
              grad_accum: int, world: int, seed: int) -> Plan:
    if packing:
        units = pack([len(e.input_ids) for e in data], max_length)
    else:
        units = [[i] for i in range(len(data))]
    return Plan(units, batch_size, grad_accum, world, seed)


@dataclass
class MicroBatch:
    """One padding-free row (ids, positions, next-token targets, sequence boundaries), or with
    ``attention_mask`` set, a right-padded block whose targets are flattened row by row."""

    input_ids: torch.Tensor  # [1, T], or [B, L] padded
    position_ids: torch.Tensor  # same shape as input_ids
    targets: torch.Tensor  # [T] (or [B * L]): the label of token t+1, IGNORE across boundaries
    cu_seqlens: torch.Tensor | None  # [n+1] int32; None when padded
    max_seqlen: int
    keep: torch.Tensor  # positions whose target is learned, found on the CPU (no GPU sync)
    attention_mask: torch.Tensor | None = None  # [B, L] 1 = real token; only when padded

    @property
    def padded(self) -> bool:
        return self.attention_mask is not None

    @property
    def n_loss(self) -> int:
        return self.keep.shape[0]

    @property
    def n_tokens(self) -> int:
        return self.input_ids.shape[1] if self.attention_mask is None else int(self.attention_mask.sum())

    def model_kwargs(self) -> dict[str, object]:
        """What the model's forward takes for this batch.  ``use_cache=False`` matters: with a
        cache, transformers stops isolating packed sequences."""
        if self.padded:
            return {"input_ids": self.input_ids, "attention_mask": self.attention_mask,
                    "position_ids": self.position_ids, "use_cache": False}
        return {"input_ids": self.input_ids, "position_ids": self.position_ids, "use_cache": False,
                "cu_seq_lens_q": self.cu_seqlens, "cu_seq_lens_k": self.cu_seqlens,
                "max_length_q": self.max_seqlen, "max_length_k": self.max_seqlen}

    def with_targets(self, targets: torch.Tensor) -> MicroBatch:
        """The same row learning other targets (tests: the loss of one sequence of a packed row)."""
        keep = (targets != IGNORE).nonzero().squeeze(1)
        return MicroBatch(self.input_ids, self.position_ids, targets, self.cu_seqlens, self.max_seqlen, keep,
                          self.attention_mask)

    def pin(self) -> MicroBatch:
        """Page-locked copies, so that ``to(device)`` can overlap with compute (CUDA only)."""
        if not torch.cuda.is_available():
            return self
        def pin(t: Any) -> Any:
            return None if t is None else t.pin_memory()

        return MicroBatch(pin(self.input_ids), pin(self.position_ids), pin(self.targets), pin(self.cu_seqlens),
                          self.max_seqlen, pin(self.keep), pin(self.attention_mask))

    def to(self, device: torch.device) -> MicroBatch:
        def move(t: Any) -> Any:
            return None if t is None else t.to(device, non_blocking=True)

        return MicroBatch(move(self.input_ids), move(self.position_ids), move(self.targets), move(self.cu_seqlens),
                          self.max_seqlen, move(self.keep), move(self.attention_mask))


def collate(seqs: list[Encoded]) -> MicroBatch:
    ids = [t for e in seqs for t in e.input_ids]
    pos = [p for e in seqs for p in range(len(e.input_ids))]
    targets = [t for e in seqs for t in e.labels[1:] + [IGNORE]]
    lengths = [len(e.input_ids) for e in seqs]
    cu = [0]
    for n in lengths:
        cu.append(cu[-1] + n)
    targets_t = torch.tensor(targets)
    return MicroBatch(torch.tensor([ids]), torch.tensor([pos]), targets_t, torch.tensor(cu, dtype=torch.int32),
                      max(lengths), (targets_t != IGNORE).nonzero().squeeze(1))


def collate_padded(seqs: list[Encoded], pad_id: int = 0) -> MicroBatch:
    """The sequences right-padded to the longest, for the model's own attention."""
    width = max(len(e.input_ids) for e in seqs)
    ids, pos, mask, targets = [], [], [], []
    for e in seqs:
        pad = width - len(e.input_ids)
        ids.append(e.input_ids + [pad_id] * pad)
        pos.append(list(range(len(e.input_ids))) + [0] * pad)
        mask.append([1] * len(e.input_ids) + [0] * pad)
        targets += e.labels[1:] + [IGNORE] * (pad + 1)
    targets_t = torch.tensor(targets)
    return MicroBatch(torch.tensor(ids), torch.tensor(pos), targets_t, None, width,
                      (targets_t != IGNORE).nonzero().squeeze(1), torch.tensor(mask))


def make_batch(seqs: list[Encoded], padded: bool) -> MicroBatch:
    """A padding-free row (our attention), or a padded block (``--attention model``)."""
    return collate_padded(seqs) if padded else collate(seqs)
