"""Our packed attention against each architecture's own eager attention.

Tiny random models are built offline from configs (no downloads).  A packed row of three
sequences through ``plug_packed`` must give, position by position, the logits each sequence gets
alone through transformers' eager attention, to 1e-5 in fp32.  The lengths exceed the sliding
windows, and Gemma2's soft-cap is lowered so that it changes the scores, so dropping either
option fails the test (it did: 0.99 and 3.07 on Gemma2 before both were implemented).
"""

import pytest
import torch

from plug_eval.errors import PlugEvalError
from plug_train import attention, batching, data
from plug_train import model as M

LENGTHS = (13, 7, 10)


def _common(**kw):
    return dict(vocab_size=96, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64,
                initializer_range=0.5, **kw)  # large enough that attention is far from uniform


def configs():
    from transformers import Gemma2Config, Gemma3TextConfig, GptOssConfig, LlamaConfig, MistralConfig, Qwen2Config

    return {
        "llama": LlamaConfig(**_common()),
        "qwen2": Qwen2Config(**_common()),
        "qwen2-window": Qwen2Config(**_common(use_sliding_window=True, sliding_window=4, max_window_layers=0)),
        "mistral-window": MistralConfig(**_common(sliding_window=5)),
        "gemma2-softcap-window": Gemma2Config(**_common(head_dim=8, sliding_window=4, attn_logit_softcapping=0.5,
                                                        final_logit_softcapping=3.0, query_pre_attn_scalar=8)),
        "gemma3-window": Gemma3TextConfig(**_common(head_dim=8, sliding_window=4, query_pre_attn_scalar=8)),
        "gpt_oss-sinks-window": GptOssConfig(**_common(head_dim=8, sliding_window=4, num_local_experts=4,
                                                       num_experts_per_tok=2)),
    }


def build(name):
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(configs()[name], attn_implementation="eager").float().eval()
    if name.startswith("gpt_oss"):  # sinks start at zero: give them values that matter
        for layer in model.model.layers:
            layer.self_attn.sinks.data.normal_(0, 1)
    return model


def sequences(vocab):
    g = torch.Generator().manual_seed(1)
    return [torch.randint(3, vocab, (n,), generator=g).tolist() for n in LENGTHS]


@pytest.mark.parametrize("name", list(configs()))
@torch.no_grad()
def test_packed_attention_equals_eager_per_sequence(name, one_thread):
    model = build(name)
    seqs = sequences(model.config.vocab_size)
    eager = torch.cat([model(input_ids=torch.tensor([s]), use_cache=False).logits[0] for s in seqs])
    ours = packed_logits(model, seqs)
    assert ours.shape == eager.shape
    torch.testing.assert_close(ours, eager, rtol=1e-5, atol=1e-5)


def packed_logits(model, seqs):
    model.set_attn_implementation(attention.register())
    mb = batching.collate([data.Encoded(s, s) for s in seqs])
    return model(input_ids=mb.input_ids, position_ids=mb.position_ids, use_cache=False,
                 cu_seq_lens_q=mb.cu_seqlens, cu_seq_lens_k=mb.cu_seqlens,
                 max_length_q=mb.max_seqlen, max_length_k=mb.max_seqlen).logits[0]


@pytest.mark.parametrize("dropped", ["sliding_window", "attn_logit_softcapping"])
@torch.no_grad()
def test_each_option_matters_so_the_test_above_can_fail(dropped):
    """Control: our attention with the window or the soft-cap dropped (as before the fix) is far
    from eager on the same Gemma2."""
    model = build("gemma2-softcap-window")
    seqs = sequences(model.config.vocab_size)
    eager = torch.cat([model(input_ids=torch.tensor([s]), use_cache=False).logits[0] for s in seqs])
    for layer in model.model.layers:
        setattr(layer.self_attn, dropped, None)
    assert (packed_logits(model, seqs) - eager).abs().max().item() > 1e-2


def test_bidirectional_attention_is_refused_in_one_line_naming_the_option(tmp_path):
    from transformers import AutoModelForCausalLM, Gemma3TextConfig

    cfg = Gemma3TextConfig(**_common(head_dim=8, sliding_window=4, use_bidirectional_attention=True))
    AutoModelForCausalLM.from_config(cfg).save_pretrained(str(tmp_path / "m"))
    with pytest.raises(PlugEvalError) as err:
        M.load_model(str(tmp_path / "m"), gradient_checkpointing=False)
    assert "bidirectional" in str(err.value) and "--attention model" in str(err.value)
    assert "\n" not in str(err.value)
    M.load_model(str(tmp_path / "m"), gradient_checkpointing=False, attention_mode="model")  # the way out


@pytest.mark.parametrize("name", ["gemma2-softcap-window", "mistral-window"])
def test_training_gradients_of_packed_rows_equal_the_models_own_padded_attention(name):
    """The loss and every gradient of a packed row through our attention equal those of the same
    sequences right-padded through the model's eager attention (--attention model)."""
    from train_families import assert_packed_equals_padded

    model = build(name).train()
    assert_packed_equals_padded(model, [data.Encoded(s, s) for s in sequences(model.config.vocab_size)])
