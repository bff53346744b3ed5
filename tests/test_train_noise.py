"""--neftune-alpha: noisy input embeddings while training, none at inference, none saved."""

import json

import pytest
import torch

from plug_train import TrainConfig, batching, data, noise, train
from plug_train import model as M
from plug_train.cli import main as cli_main
from plug_train.smoke import plug_rows, write_jsonl


def encoded(tiny_model, n):
    tok = M.load_tokenizer(tiny_model)
    rows = [data.Example(data._messages(r, "x"), "x") for r in plug_rows(n, seed=3, max_words=30)]
    return data.encode_all(rows, tok, data.training_template(tok), 1024)[0]


def embeddings_seen(model, mb, hook):
    """The embeddings the decoder receives: hooks run in order, so one added after ours sees its output."""
    seen = []
    handle = model.get_input_embeddings().register_forward_hook(lambda m, args, out: seen.append(out.detach()))
    with torch.no_grad(), hook.batch(mb):
        model(**mb.model_kwargs())
    handle.remove()
    return seen[0] if mb.padded else seen[0][0]  # padding-free: one row [1, T, d]


@pytest.mark.parametrize("padded", [False, True])
def test_noise_is_bounded_by_each_sequences_own_length(tiny_model, padded):
    rows = encoded(tiny_model, 3)
    model = M.load_model(tiny_model, False, "model" if padded else "packed")
    alpha = 5.0
    hook = noise.attach(model, alpha)
    clean = model.get_input_embeddings()
    mb = batching.make_batch(rows, padded)
    model.train()
    noisy = embeddings_seen(model, mb, hook)
    with torch.no_grad():
        base = clean(mb.input_ids)[0] if not padded else clean(mb.input_ids)
    lengths = [len(r.input_ids) for r in rows]
    d = clean.embedding_dim
    if padded:
        for i, n in enumerate(lengths):
            delta = (noisy[i, :n] - base[i, :n]).abs()
            bound = alpha / (n * d) ** 0.5
            assert delta.max() <= bound * (1 + 1e-5)
            assert delta.max() > 0.9 * bound  # uniform noise reaches near its bound over n x d draws
    else:
        start = 0
        for n in lengths:
            delta = (noisy[start:start + n] - base[start:start + n]).abs()
            bound = alpha / (n * d) ** 0.5  # the sequence's own length, not the packed row's
            assert 0.9 * bound < delta.max() <= bound * (1 + 1e-5)
            start += n


def test_no_noise_in_eval_mode_or_without_alpha(tiny_model):
    rows = encoded(tiny_model, 2)
    model = M.load_model(tiny_model, False)
    assert noise.attach(model, 0.0) is None
    hook = noise.attach(model, 10.0)
    mb = batching.make_batch(rows, False)
    model.eval()
    seen = embeddings_seen(model, mb, hook)
    with torch.no_grad():
        assert torch.equal(seen, model.get_input_embeddings()(mb.input_ids)[0])


def test_training_with_noise_changes_the_run_and_saves_a_plain_model(tiny_model, tmp_path):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(6, max_words=30))
    cfg = dict(model=tiny_model, data=[str(rows)], max_steps=3, batch_size=2, lr=1e-2, progress=False)
    plain = train(TrainConfig(**cfg, output=str(tmp_path / "plain")))
    noisy = train(TrainConfig(**cfg, output=str(tmp_path / "noisy"), neftune_alpha=5.0))
    loss = [[json.loads(x)["loss"] for x in (out / "metrics.jsonl").read_text().splitlines()] for out in (plain, noisy)]
    assert loss[0][0] != loss[1][0]  # the first step already sees noisy embeddings
    assert json.loads((noisy / "plug_train.json").read_text())["config"]["neftune_alpha"] == 5.0
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(noisy)  # an ordinary model: no hook, same keys as the base
    base = AutoModelForCausalLM.from_pretrained(tiny_model)
    assert model.state_dict().keys() == base.state_dict().keys()


@pytest.mark.parametrize("flag", ["--neftune-alpha", "--weight-decay"])
def test_a_negative_strength_is_one_line_exit_2_and_touches_nothing(tmp_path, capsys, tiny_model, flag):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(4))
    out = tmp_path / "out"
    out.mkdir()
    (out / "metrics.jsonl").write_text("kept\n")  # an earlier run's file: must survive
    with pytest.raises(SystemExit) as e:
        cli_main(["train", "--model", tiny_model, "--data", str(rows), "--output", str(out), flag, "-1"])
    err = capsys.readouterr().err.strip()
    assert e.value.code == 2 and "\n" not in err and f"{flag} must be 0 or more, got -1.0" in err
    assert [p.name for p in out.iterdir()] == ["metrics.jsonl"] and (out / "metrics.jsonl").read_text() == "kept\n"
