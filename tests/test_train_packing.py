"""Packed (padding-free) rows keep sequences apart: same per-sequence losses as one at a time.

Also pins the transformers trap the trainer works around: a flattened row with position ids is
isolated only when no KV cache is built (``use_cache=False``).
"""

import pytest
import torch

from plug_train import batching, data, trainer
from plug_train import model as M
from plug_train.smoke import plug_rows


@pytest.fixture(scope="module")
def setup(tiny_model):
    tok = M.load_tokenizer(tiny_model)
    template = data.training_template(tok)
    rows = [data.Example(data._messages(r, "x"), "x") for r in plug_rows(5, seed=1, max_words=40)]
    encoded, _ = data.encode_all(rows, tok, template, 1024)
    model = M.load_model(tiny_model, gradient_checkpointing=False).eval()
    return model, encoded


def only(mb: batching.MicroBatch, k: int) -> batching.MicroBatch:
    """The same row, with the loss restricted to sequence ``k``."""
    cu = mb.cu_seqlens.tolist()
    targets = torch.full_like(mb.targets, data.IGNORE)
    targets[cu[k]:cu[k + 1]] = mb.targets[cu[k]:cu[k + 1]]
    return mb.with_targets(targets)


@torch.no_grad()
def test_packed_row_gives_the_per_sequence_losses_of_separate_rows(setup):
    model, encoded = setup
    assert len({len(e.input_ids) for e in encoded}) > 1
    alone = [float(trainer.micro_loss(model, batching.collate([e]), True)) for e in encoded]
    packed = batching.collate(encoded)
    together = [float(trainer.micro_loss(model, only(packed, k), True)) for k in range(len(encoded))]
    assert together == pytest.approx(alone, abs=1e-5, rel=1e-5)
    full = float(trainer.micro_loss(model, packed, True))  # and the LM-head-on-labels-only path
    assert full == pytest.approx(sum(alone), rel=1e-5)
    all_logits = float(trainer.micro_loss(model, packed, False))
    assert all_logits == pytest.approx(full, rel=1e-6)


@torch.no_grad()
def test_transformers_isolates_a_flat_row_only_without_a_cache(tiny_model, setup):
    """The trap (TRAINING.md §3): stock SDPA, position ids, no mask. Our path does not rely on it."""
    from transformers import AutoModelForCausalLM

    _, encoded = setup
    stock = AutoModelForCausalLM.from_pretrained(tiny_model, attn_implementation="sdpa").eval()
    assert stock.config.use_cache  # the default most checkpoints ship with
    mb = batching.collate(encoded)
    alone = torch.cat([stock(input_ids=torch.tensor([e.input_ids]), use_cache=False).logits[0] for e in encoded])
    no_cache = stock(input_ids=mb.input_ids, position_ids=mb.position_ids, use_cache=False).logits[0]
    default = stock(input_ids=mb.input_ids, position_ids=mb.position_ids).logits[0]
    assert (no_cache - alone).abs().max() < 1e-4
    assert (default - alone).abs().max() > 1e-2  # with a cache, sequences attend across each other
