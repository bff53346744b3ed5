"""The speed flags against the default path, on the CPU, with real tiny models.

Where a flag's kernels run on the CPU (the chunked fused cross-entropy, per-layer compilation,
the fp32 master copy, host overlap, the padded --attention model path) the result must equal the
default path's (losses and gradients to fp32 rounding); what needs CUDA (liger) must refuse in one
line here.  Speed itself is measured on a GPU by bench/trainer/gpu_run.sh, not here.
"""

import json

import pytest
import torch
import torch.nn.functional as F

from plug_eval.errors import PlugEvalError
from plug_train import attention, batching, data, kernels, trainer
from plug_train import model as M
from plug_train.config import TrainConfig, validate
from plug_train.smoke import plug_rows, write_jsonl


# --- the chunked fused linear cross-entropy -------------------------------------------------
@pytest.mark.parametrize("softcap", [None, 2.0])
@pytest.mark.parametrize("rows", [1, 3, 64])
def test_chunked_linear_cross_entropy_equals_logits_then_cross_entropy(softcap, rows):
    g = torch.Generator().manual_seed(0)
    h = torch.randn(10, 16, generator=g, dtype=torch.float64, requires_grad=True)
    w = torch.randn(50, 16, generator=g, dtype=torch.float64, requires_grad=True)
    b = torch.randn(50, generator=g, dtype=torch.float64, requires_grad=True)
    y = torch.randint(0, 50, (10,), generator=g)
    logits = h @ w.T + b
    if softcap is not None:
        logits = torch.tanh(logits / softcap) * softcap
    ref = F.cross_entropy(logits, y, reduction="sum")
    ref_grads = torch.autograd.grad(ref * 0.7, (h, w, b))
    ours = kernels.linear_cross_entropy(h, w, y, bias=b, softcap=softcap, rows=rows)
    grads = torch.autograd.grad(ours * 0.7, (h, w, b))
    assert float(ours) == pytest.approx(float(ref), rel=1e-12)
    for a, r in zip(grads, ref_grads):
        torch.testing.assert_close(a, r, rtol=1e-10, atol=1e-12)


def test_chunked_linear_cross_entropy_stays_fp32_under_autocast():
    g = torch.Generator().manual_seed(0)
    h = torch.randn(6, 32, generator=g, requires_grad=True)
    w = torch.randn(300, 32, generator=g)
    y = torch.randint(0, 300, (6,), generator=g)
    ref = F.cross_entropy(h @ w.T, y, reduction="sum")
    with torch.autocast("cpu", dtype=torch.bfloat16):
        ours = kernels.linear_cross_entropy(h, w, y)
    assert ours.dtype == torch.float32 and float(ours) == pytest.approx(float(ref), rel=1e-6)


def test_chunked_linear_cross_entropy_skips_the_gradient_of_a_frozen_head():
    h = torch.randn(4, 8, requires_grad=True)
    w = torch.randn(20, 8)  # frozen (LoRA): no [V, H] gradient is accumulated
    y = torch.randint(0, 20, (4,))
    (gh,) = torch.autograd.grad(kernels.linear_cross_entropy(h, w, y), (h,))
    (ref,) = torch.autograd.grad(F.cross_entropy(h @ w.T, y, reduction="sum"), (h,))
    torch.testing.assert_close(gh, ref, rtol=1e-5, atol=1e-6)


def grads_of(model, mb, fused="off"):
    model.zero_grad(set_to_none=True)
    loss = trainer.micro_loss(model, mb, True, fused)
    loss.backward()
    return float(loss), {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


def assert_same(a, b, tol=1e-5):
    assert a[0] == pytest.approx(b[0], rel=tol)
    assert a[1].keys() == b[1].keys()
    for name in a[1]:
        torch.testing.assert_close(a[1][name], b[1][name], rtol=tol, atol=tol, msg=name)


@pytest.fixture(scope="module")
def llama(tiny_model):
    tok = M.load_tokenizer(tiny_model)
    rows = [data.Example(data._messages(r, "x"), "x") for r in plug_rows(4, seed=2, max_words=30)]
    encoded, _ = data.encode_all(rows, tok, data.training_template(tok), 1024)
    return tiny_model, encoded


def test_fused_cross_entropy_in_the_trainer_equals_the_logits_path(llama):
    path, encoded = llama
    model = M.load_model(path, gradient_checkpointing=False)
    mb = batching.collate(encoded)
    assert_same(grads_of(model, mb, "chunked"), grads_of(model, mb))


def gemma2(tmp_path_factory=None):
    from transformers import AutoModelForCausalLM, Gemma2Config

    cfg = Gemma2Config(vocab_size=96, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                       num_attention_heads=4, num_key_value_heads=2, head_dim=8, sliding_window=4,
                       attn_logit_softcapping=0.5, final_logit_softcapping=3.0, query_pre_attn_scalar=8,
                       initializer_range=0.5)
    torch.manual_seed(0)
    return AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").float()


def test_fused_cross_entropy_applies_gemma2s_final_softcap():
    model = gemma2()
    model.set_attn_implementation(attention.register())
    seqs = [list(range(5, 17)), list(range(30, 39))]
    mb = batching.collate([data.Encoded(s, s) for s in seqs])
    plain = grads_of(model, mb)
    assert_same(grads_of(model, mb, "chunked"), plain)
    assert model.config.final_logit_softcapping == 3.0  # restored after the forward


def test_model_attention_on_padded_batches_equals_packed_rows(llama):
    path, encoded = llama
    packed = M.load_model(path, gradient_checkpointing=False)
    own = M.load_model(path, gradient_checkpointing=False, attention_mode="model")
    assert own.config._attn_implementation == "sdpa"
    assert_same(grads_of(own, batching.collate_padded(encoded)), grads_of(packed, batching.collate(encoded)))


def test_per_layer_compile_gives_the_same_loss_and_gradients(llama, monkeypatch):
    # aot_eager traces and runs the same graphs as inductor without a C compiler (2-core CI);
    # the wrapping and the graph breaks around our attention are what is tested here
    monkeypatch.setattr(kernels, "COMPILE_BACKEND", "aot_eager")
    path, encoded = llama
    mb = batching.collate(encoded)
    ref = grads_of(M.load_model(path, gradient_checkpointing=False), mb)
    model = M.load_model(path, gradient_checkpointing=False)
    kernels.apply_kernels(model, "compile")
    assert all(getattr(layer, "_compiled_call_impl", None) is not None for layer in kernels.decoder_layers(model))
    assert_same(grads_of(model, mb), ref)


def test_master_weights_keep_updates_smaller_than_bf16_resolution():
    lin = torch.nn.Linear(4, 4, bias=False)
    with torch.no_grad():
        lin.weight.fill_(1.0)
    masters = kernels.MasterWeights(lin)
    assert lin.weight.dtype == torch.bfloat16 and masters.masters()[0].dtype == torch.float32
    opt = torch.optim.SGD(masters.groups([{"params": [lin.weight]}]), lr=1e-3)
    for _ in range(10):  # each update (1e-3) is below bf16's step at 1.0 (2^-7): alone it would vanish
        lin.weight.grad = torch.ones_like(lin.weight)
        masters.grads_to_master()
        opt.step()
        masters.master_to_model()
    assert masters.masters()[0][0, 0].item() == pytest.approx(1.0 - 10e-3, abs=1e-6)
    assert torch.equal(lin.weight, masters.masters()[0].to(torch.bfloat16))
    assert lin.weight[0, 0].item() != 1.0  # 0.99 in bf16 is 0.98828125: the sum arrived


# --- whole runs ------------------------------------------------------------------------------
def run(tmp_path, name, tiny_model, **kw):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(8, seed=3, max_words=30))
    out = trainer.train(validate(TrainConfig(model=tiny_model, data=[str(rows)], output=str(tmp_path / name),
                                             max_steps=3, batch_size=2, lr=1e-3, progress=False, **kw)))
    return [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]


def strip(records):
    return [{k: v for k, v in r.items() if k not in ("tokens_per_s", "elapsed_s")} for r in records]


def test_overlap_and_fused_ce_runs_log_the_same_losses(tiny_model, tmp_path):
    base = run(tmp_path, "base", tiny_model)
    assert strip(run(tmp_path, "overlap", tiny_model, overlap=True)) == strip(base)
    fused = run(tmp_path, "fused", tiny_model, fused_ce="chunked")
    assert [r["loss"] for r in fused] == pytest.approx([r["loss"] for r in base], rel=1e-5)


def test_model_attention_run_logs_the_losses_of_the_packed_run(tiny_model, tmp_path):
    base = run(tmp_path, "base", tiny_model)
    own = run(tmp_path, "own", tiny_model, attention="model")
    assert [r["loss"] for r in own] == pytest.approx([r["loss"] for r in base], rel=1e-5)


def test_bf16_weights_run_tracks_the_fp32_run(tiny_model, tmp_path):
    base = run(tmp_path, "base", tiny_model)
    bf16 = run(tmp_path, "bf16", tiny_model, bf16_weights=True)
    assert [r["loss"] for r in bf16] == pytest.approx([r["loss"] for r in base], rel=2e-2)


def test_gemma2_trains_end_to_end_and_saves_with_its_own_attention(tmp_path):
    from transformers import AutoModelForCausalLM

    from plug_eval.tiny import build_tokenizer

    where = tmp_path / "gemma2"
    tok = build_tokenizer(where, "plug")
    model = gemma2()
    model.resize_token_embeddings(len(tok))
    model.config.update({"bos_token_id": tok.bos_token_id, "eos_token_id": tok.eos_token_id,
                         "pad_token_id": tok.pad_token_id})
    model.save_pretrained(str(where))
    records = run(tmp_path, "out", str(where))  # before the fix: transformers' SDPA ValueError here
    assert len(records) == 3 and all(r["loss"] > 0 for r in records)
    saved = AutoModelForCausalLM.from_pretrained(str(tmp_path / "out"))
    assert saved.config._attn_implementation == "eager"


@pytest.mark.parametrize("flags, problem", [
    (dict(attention="model", packing=True), "--packing needs --attention packed"),
    (dict(fused_ce="liger"), "--fused-ce liger runs on CUDA only"),
    (dict(kernels="liger"), "--kernels liger runs on CUDA only"),
])
def test_flags_that_cannot_run_here_are_refused_in_one_line(tiny_model, tmp_path, flags, problem):
    if torch.cuda.is_available() and "CUDA" in problem:
        pytest.skip("this machine has CUDA")
    with pytest.raises(PlugEvalError) as err:
        run(tmp_path, "x", tiny_model, **flags)
    assert problem in str(err.value) and "\n" not in str(err.value)
    assert not (tmp_path / "x").exists()  # nothing written


def test_bf16_weights_resume_restores_the_fp32_master_copy(tiny_model, tmp_path):
    import shutil

    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(8, seed=3, max_words=30))
    cfg = dict(model=tiny_model, data=[str(rows)], max_steps=4, batch_size=2, lr=1e-3, save_every=2,
               bf16_weights=True, progress=False)
    a = trainer.train(TrainConfig(output=str(tmp_path / "a"), **cfg))
    b = tmp_path / "b"
    b.mkdir()
    shutil.copytree(a / "checkpoint-2", b / "checkpoint-2")
    trainer.train(TrainConfig(output=str(b), resume="latest", **cfg))
    losses = lambda d: [json.loads(x)["loss"] for x in (d / "metrics.jsonl").read_text().splitlines()]  # noqa: E731
    assert losses(b) == losses(a)[2:]  # exact: without the saved masters they differ
