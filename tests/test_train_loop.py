"""plug_train's loop: loss reductions, LR schedule, gradient checkpointing, eval and trackers."""

import importlib.util
import json
import math

import pytest
import torch

from plug_eval.errors import PlugEvalError
from plug_train import TrainConfig, data, logs, train, trainer
from plug_train import model as M
from plug_train.smoke import plug_rows, write_jsonl


def encoded_rows(tiny_model, n):
    tok = M.load_tokenizer(tiny_model)
    rows = [data.Example(data._messages(r, "x"), "x") for r in plug_rows(n, seed=2, max_words=30)]
    return data.encode_all(rows, tok, data.training_template(tok), 1024)[0]


def grads(model):
    return torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None])


@pytest.mark.parametrize("reduction", ["token", "sequence"])
def test_loss_reduction_weights_tokens_or_micro_batches(tiny_model, reduction):
    enc = encoded_rows(tiny_model, 4)
    micro = [enc[:1], enc[1:]]  # one short micro-batch, one long
    cfg = TrainConfig(model=tiny_model, data=["x"], output="x", grad_accum=2, loss_reduction=reduction)
    acc = trainer.make_accelerator(cfg)
    model = acc.prepare(M.load_model(tiny_model, False))
    n = [sum(e.n_loss for e in m) for m in micro]
    trainer.accumulate_gradients(acc, model, micro, cfg, sum(n), True)
    ours = grads(model)
    model.zero_grad()
    from plug_train import batching

    sums = [trainer.micro_loss(model, batching.collate(m), True) for m in micro]
    expected = (sums[0] + sums[1]) / sum(n) if reduction == "token" else (sums[0] / n[0] + sums[1] / n[1]) / 2
    expected.backward()
    assert torch.allclose(ours, grads(model), atol=1e-7, rtol=1e-5)
    assert n[0] != n[1]  # so the two reductions really differ


@pytest.mark.parametrize("schedule", ["linear", "cosine"])
def test_lr_schedule_is_transformers_curve(schedule):
    from transformers import get_cosine_schedule_with_warmup, get_linear_schedule_with_warmup

    cfg = TrainConfig(lr=2e-5, warmup_ratio=0.1, schedule=schedule)
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=2e-5)
    make = get_linear_schedule_with_warmup if schedule == "linear" else get_cosine_schedule_with_warmup
    sched = make(opt, num_warmup_steps=5, num_training_steps=50)
    for step in range(50):
        assert math.isclose(trainer.lr_at(step, 50, cfg), opt.param_groups[0]["lr"], rel_tol=1e-9, abs_tol=1e-15)
        opt.step()
        sched.step()


@pytest.mark.parametrize("total, ratio", [(50, 0.03), (7, 0.1), (100, 0.07)])
def test_warmup_steps_are_rounded_up_as_transformers_counts_them(total, ratio, tmp_path):
    """ceil(ratio x steps), TrainingArguments.get_warmup_steps' rule (int() warmed up a step short:
    1 instead of 2 for 3% of 50 steps); the whole curve is transformers' scheduler's."""
    from transformers import TrainingArguments, get_linear_schedule_with_warmup

    warmup = TrainingArguments(output_dir=str(tmp_path), warmup_steps=ratio, report_to=[]).get_warmup_steps(total)
    assert warmup == math.ceil(total * ratio) > int(total * ratio)
    cfg = TrainConfig(lr=1e-3, warmup_ratio=ratio)
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1e-3)
    sched = get_linear_schedule_with_warmup(opt, num_warmup_steps=warmup, num_training_steps=total)
    for step in range(total):
        assert math.isclose(trainer.lr_at(step, total, cfg), opt.param_groups[0]["lr"], rel_tol=1e-9, abs_tol=1e-15)
        opt.step()
        sched.step()


def run(tiny_model, tmp_path, name, **kw):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(6, max_words=30))
    cfg = dict(model=tiny_model, data=[str(rows)], output=str(tmp_path / name), max_steps=3, batch_size=2,
               lr=1e-2, progress=False)
    out = train(TrainConfig(**{**cfg, **kw}))
    return [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()], out


def test_gradient_checkpointing_changes_memory_not_math(tiny_model, tmp_path):
    plain, _ = run(tiny_model, tmp_path, "plain")
    ckpt, _ = run(tiny_model, tmp_path, "ckpt", gradient_checkpointing=True)
    assert [m["loss"] for m in ckpt] == pytest.approx([m["loss"] for m in plain], abs=1e-6)
    lora, _ = run(tiny_model, tmp_path, "lora", gradient_checkpointing=True, lora=True, lora_r=4)
    assert len(lora) == 3


def test_eval_loss_at_each_checkpoint_and_the_end(tiny_model, tmp_path):
    held_out = write_jsonl(tmp_path / "eval.jsonl", plug_rows(3, seed=9, max_words=20))
    _, out = run(tiny_model, tmp_path, "run", max_steps=4, save_every=2, eval_data=[str(held_out)])
    evals = [json.loads(x) for x in (out / "eval.jsonl").read_text().splitlines()]
    assert [e["step"] for e in evals] == [2, 4] and all(math.isfinite(e["eval_loss"]) for e in evals)
    assert (out / "checkpoint-2" / "plug_train.json").is_file() and not (out / "checkpoint-4").exists()


def test_missing_tracker_package_is_a_one_line_error():
    missing = [name for name in ("wandb", "tensorboard") if importlib.util.find_spec(name) is None]
    if not missing:
        pytest.skip("both trackers installed")
    with pytest.raises(PlugEvalError, match=f"pip install {missing[0]}"):
        logs.check_tracker(missing[0])


def test_tensorboard_logging(tiny_model, tmp_path):
    pytest.importorskip("tensorboard")
    _, out = run(tiny_model, tmp_path, "tb", log="tensorboard")
    assert list(out.glob("**/events.out.tfevents.*"))
