"""The attention self-test at load (plug_train/probe.py): a restriction transformers keeps only in
the attention mask (Llama-4's chunked attention here, real transformers code) is refused in one
line naming --attention model, before anything is trained or written; windows larger than the
probe are still checked (every family of the test matrix passes: tests/test_train_families.py)."""

import pytest
import torch

from plug_eval.errors import PlugEvalError
from plug_train import cli, probe
from plug_train import model as M
from plug_train.smoke import plug_rows, write_jsonl


def _common(**kw):
    return dict({"vocab_size": 600, **kw}, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256)


@pytest.fixture(scope="module")
def chunked(tmp_path_factory):
    """A tiny Llama-4 text model attending in chunks of 6 tokens (in its mask only), with the
    tokenizer of the tiny Llama."""
    from transformers import AutoModelForCausalLM, Llama4TextConfig

    from plug_eval.tiny import build_tokenizer

    out = tmp_path_factory.mktemp("llama4") / "model"
    tok = build_tokenizer(out, "plug", vocab_size=512)
    torch.manual_seed(0)
    cfg = Llama4TextConfig(**_common(attention_chunk_size=6, intermediate_size_mlp=64, num_local_experts=2,
                                     head_dim=8, vocab_size=len(tok), bos_token_id=1, eos_token_id=2))
    AutoModelForCausalLM.from_config(cfg).save_pretrained(str(out))
    return out


def test_a_restriction_kept_only_in_the_mask_is_refused_naming_the_way_out(chunked):
    with pytest.raises(PlugEvalError) as err:
        M.load_model(str(chunked), gradient_checkpointing=False)
    message = str(err.value)
    assert "does not match this model's own attention" in message and "use --attention model" in message
    assert "\n" not in message and message.startswith(str(chunked))
    M.load_model(str(chunked), gradient_checkpointing=False, attention_mode="model")  # the way out loads


def test_the_refusal_is_one_line_exit_2_and_writes_nothing(chunked, tmp_path, capsys):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(4, max_words=10))
    with pytest.raises(SystemExit) as e:
        cli.main(["train", "--model", str(chunked), "--data", str(rows), "--output", str(tmp_path / "out"),
                  "--max-steps", "1", "--no-progress"])
    err = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert e.value.code == 2 and len(err) == 1 and "use --attention model" in err[0]
    assert not (tmp_path / "out").exists()


def test_windows_larger_than_the_probe_are_shrunk_for_it_and_restored(tmp_path):
    """A Mistral window of 4096 tokens is checked on the 28-token probe: configs and modules read
    4 inside, 4096 again after."""
    from transformers import AutoModelForCausalLM, MistralConfig

    model = AutoModelForCausalLM.from_config(MistralConfig(**_common(sliding_window=4096)))
    with probe._probe_windows(model):
        assert model.config.sliding_window == probe.PROBE_WINDOW
    assert model.config.sliding_window == 4096
    model.save_pretrained(str(tmp_path / "m"))
    assert "matches the model's eager attention" in M.load_model(str(tmp_path / "m"), False)._plug_self_test


def test_weights_not_materialised_here_skip_the_probe_and_say_so():
    from transformers import AutoModelForCausalLM, LlamaConfig

    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(LlamaConfig(**_common()))
    assert "skipped" in probe.check(model)
