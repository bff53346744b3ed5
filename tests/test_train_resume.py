"""plug_train's checkpoints under real failures: torn logs, damaged checkpoints, garbage RNG
state, a changed run, a run killed before its first step-based checkpoint, and what a
checkpoint holds (weights once, LoRA adapter only, the final model in the base's dtype)."""

import json
import shutil
from pathlib import Path

import pytest
import torch

from plug_eval.errors import PlugEvalError
from plug_train import TrainConfig, checkpoint, cli, train
from plug_train import model as M
from plug_train.smoke import plug_rows, write_jsonl


def metrics(out):
    strip = ("tokens_per_s", "elapsed_s", "mfu")
    return [{k: v for k, v in json.loads(x).items() if k not in strip}
            for x in (Path(out) / "metrics.jsonl").read_text().splitlines()]


@pytest.fixture()
def rows(tmp_path):
    return write_jsonl(tmp_path / "rows.jsonl", plug_rows(12, max_words=30))


def common(tiny_model, rows, **kw):
    return {"model": tiny_model, "data": [str(rows)], "max_steps": 4, "batch_size": 2, "lr": 1e-2, "save_total_limit": 0,
            "warmup_ratio": 0.0, "progress": False, **kw}


@pytest.fixture()
def finished(tiny_model, rows, tmp_path):
    """A 4-step run with a checkpoint after every step."""
    return train(TrainConfig(output=str(tmp_path / "a"), save_every=1, **common(tiny_model, rows)))


def killed_at(finished, tmp_path, step, name="b"):
    """What a run killed after ``step`` leaves: its checkpoints up to there and its log."""
    b = tmp_path / name
    b.mkdir()
    for n in range(1, step + 1):
        shutil.copytree(finished / f"checkpoint-{n}", b / f"checkpoint-{n}")
    shutil.copy(finished / "metrics.jsonl", b / "metrics.jsonl")
    return b


def test_a_torn_last_metrics_line_is_dropped_on_resume(tiny_model, rows, finished, tmp_path):
    b = killed_at(finished, tmp_path, 2)
    with (b / "metrics.jsonl").open("a") as f:
        f.write('{"step": 5, "loss": 1.2')  # killed mid-write
    train(TrainConfig(output=str(b), resume="latest", save_every=1, **common(tiny_model, rows)))
    assert metrics(b) == metrics(finished)


def test_a_garbled_line_inside_metrics_is_a_one_line_error(tmp_path):
    log = tmp_path / "metrics.jsonl"
    log.write_text('{"step": 1}\nnot json\n{"step": 2}\n')
    with pytest.raises(PlugEvalError) as err:
        checkpoint.trim_jsonl(log, 2)
    assert str(err.value).startswith(f"{log}:2: not valid JSON") and "resume again" in str(err.value)
    log.write_text('{"step": 1}\n{"step": 2}\n{"step": 3, "lo')  # torn by a kill: dropped, like step 3
    checkpoint.trim_jsonl(log, 2)
    assert log.read_text() == '{"step": 1}\n{"step": 2}\n'


def test_a_damaged_newest_checkpoint_falls_back_to_the_previous_one(tiny_model, rows, finished, tmp_path, capsys):
    b = killed_at(finished, tmp_path, 3)
    optimizer = b / "checkpoint-3" / "state" / "optimizer.bin"
    optimizer.write_bytes(optimizer.read_bytes()[:100])  # a disk that filled up mid-write
    train(TrainConfig(output=str(b), resume="latest", save_every=1, **common(tiny_model, rows)))
    assert "checkpoint-3 skipped: state/optimizer.bin has 100 bytes" in capsys.readouterr().err
    assert metrics(b) == metrics(finished)  # resumed at step 2, and redid step 3 exactly


def test_a_checkpoint_changed_after_it_was_written_is_damaged(finished):
    ckpt = finished / "checkpoint-2"
    weights = ckpt / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-5] ^= 0xFF  # same size, one flipped byte
    weights.write_bytes(bytes(data))
    assert "model.safetensors does not match its SHA-256" in checkpoint.damage(ckpt)
    with pytest.raises(PlugEvalError, match="cannot resume from this checkpoint"):
        checkpoint.find_resume(finished, str(ckpt))


def test_garbage_rng_state_is_refused(tiny_model, rows, finished, tmp_path):
    b = killed_at(finished, tmp_path, 2)
    ckpt = b / "checkpoint-2"
    rng = ckpt / "state" / "random_states_0.pkl"
    rng.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(PlugEvalError, match="random_states_0.pkl: not a readable random state"):
        train(TrainConfig(output=str(b), resume=str(ckpt), **common(tiny_model, rows)))
    # a readable pickle with the wrong contents: refused too, whatever the manifest says
    torch.save({"random_state": (3, (1, 2), None), "torch_manual_seed": torch.zeros(3)}, rng)
    assert checkpoint.rng_problem(rng) == "no valid torch CPU generator state"


@pytest.mark.parametrize("change", [{"lr": 2e-2}, {"batch_size": 3}, {"max_length": 600}, "data", "world"])
def test_resuming_a_different_run_is_a_one_line_error_unless_resume_anyway(tiny_model, rows, finished, tmp_path,
                                                                          change):
    b = killed_at(finished, tmp_path, 2)
    kw = common(tiny_model, rows)
    if change == "data":  # same path, different rows
        write_jsonl(rows, plug_rows(12, seed=5, max_words=30))
        expected = "data (contents and weights)"
    elif change == "world":  # as if written by 2 processes
        marker = b / "checkpoint-2" / checkpoint.MARKER
        marker.write_text(json.dumps({**json.loads(marker.read_text()), "processes": 2}))
        expected = "world size 1 (checkpoint: 2)"
    else:
        kw.update(change)
        [(name, value)] = change.items()
        expected = f"{name} {value!r} (checkpoint:"
    with pytest.raises(PlugEvalError, match="--resume-anyway") as e:
        train(TrainConfig(output=str(b), resume="latest", **kw))
    assert expected in str(e.value) and "\n" not in str(e.value)
    if change != "world":
        train(TrainConfig(output=str(b), resume="latest", resume_anyway=True, **kw))
        assert len(metrics(b)) == 4


def test_output_and_resume_alone_continue_the_run(finished, tmp_path, capsys):
    """The --help example: `plug-train train --output DIR --resume` reads the rest from the checkpoint."""
    b = killed_at(finished, tmp_path, 2)
    assert "--output runs/plug --resume" in cli.TRAIN_EXAMPLES
    cli.main(["train", "--output", str(b), "--resume"])
    err = capsys.readouterr().err
    assert "lr=0.01 (checkpoint-2)" in err and "resumed from" in err
    assert metrics(b) == metrics(finished)


def test_checkpoints_every_30_minutes_by_default(tiny_model, rows, tmp_path, monkeypatch):
    from plug_train import trainer

    steps = [0]
    monkeypatch.setattr(checkpoint, "monotonic", lambda: 12 * 60 * steps[0])  # a step takes 12 minutes
    real_step = trainer.train_step

    def timed_step(*args, **kw):
        steps[0] += 1
        return real_step(*args, **kw)

    monkeypatch.setattr(trainer, "train_step", timed_step)
    assert TrainConfig().save_minutes == 30 and TrainConfig().save_every == 0
    out = train(TrainConfig(output=str(tmp_path / "run"), **common(tiny_model, rows, max_steps=7)))
    assert sorted(p.name for p in out.glob("checkpoint-*")) == ["checkpoint-3", "checkpoint-6"]  # 36 min each


def test_save_policy_counts_steps_and_minutes(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(checkpoint, "monotonic", lambda: now[0])
    policy = checkpoint.SavePolicy(save_every=4, save_minutes=10)
    now[0] = 599
    assert not policy.due(1, 100) and policy.due(4, 100)
    now[0] = 600
    assert policy.due(5, 100) and not policy.due(100, 100)  # the last step gets the final save
    policy.saved()
    now[0] = 1199
    assert not policy.due(6, 100)
    assert not checkpoint.SavePolicy(0, 0).due(8, 100)
    now[0] = 5000  # overdue by the clock, but a step where the processes do not read it
    assert policy.due(7, 100) and not policy.due(7, 100, read_clock=False) and policy.due(8, 100, read_clock=False)


def test_messages_when_there_is_nothing_to_resume(tiny_model, rows, finished, tmp_path):
    with pytest.raises(PlugEvalError, match="finished already"):
        checkpoint.find_resume(finished, "latest")
    empty = tmp_path / "killed"
    empty.mkdir()
    (empty / "metrics.jsonl").write_text('{"step": 1}\n')
    with pytest.raises(PlugEvalError, match="stopped before its first checkpoint.*--save-minutes"):
        checkpoint.find_resume(empty, "latest")
    with pytest.raises(PlugEvalError, match="holds no checkpoint to resume from; choose a new --output"):
        checkpoint.prepare_output(empty, "")
    b = killed_at(finished, tmp_path, 2)
    with pytest.raises(PlugEvalError, match="add --resume to continue from checkpoint-2"):
        checkpoint.prepare_output(b, "")
    with pytest.raises(PlugEvalError, match="no such output directory"):
        checkpoint.find_resume(tmp_path / "nowhere", "latest")


def test_by_default_the_newest_two_checkpoints_are_kept_besides_the_final_model(tiny_model, rows, tmp_path):
    """A checkpoint every 30 minutes and none deleted filled disks (a 7B full fine-tune: ~4 TB a
    day); the default now keeps the newest 2, and the final model apart from them."""
    default = TrainConfig().save_total_limit
    out = train(TrainConfig(output=str(tmp_path / "run"), save_every=1,
                            **common(tiny_model, rows, max_steps=5, save_total_limit=default)))
    assert sorted(p.name for p in out.glob("checkpoint-*")) == ["checkpoint-3", "checkpoint-4"]
    assert (out / "model.safetensors").is_file() and (out / checkpoint.MARKER).is_file()
    keep_all = train(TrainConfig(output=str(tmp_path / "all"), save_every=2, **common(tiny_model, rows, max_steps=5)))
    assert sorted(p.name for p in keep_all.glob("checkpoint-*")) == ["checkpoint-2", "checkpoint-4"]


def test_every_file_of_a_checkpoint_is_hashed_however_large(finished):
    """Files over 64 MB were checked by size only: a flipped byte in a large weight shard passed."""
    ckpt = finished / "checkpoint-2"
    big = ckpt / "model-00002-of-00002.safetensors"  # as large as a real shard's tail
    big.write_bytes(bytes(65 * 2**20))
    marker = json.loads((ckpt / checkpoint.MARKER).read_text())
    files = {k: v for k, v in checkpoint._manifest(ckpt).items() if k != checkpoint.MARKER}  # as the save does
    (ckpt / checkpoint.MARKER).write_text(json.dumps({**marker, "files": files}))
    assert checkpoint.damage(ckpt) is None
    with big.open("r+b") as f:
        f.seek(40 * 2**20)
        f.write(b"\x01")  # same size, one byte changed
    assert checkpoint.damage(ckpt) == "model-00002-of-00002.safetensors does not match its SHA-256 (changed after " \
                                      "it was written)"


def test_other_ranks_finish_writing_before_rank_0_seals_a_checkpoint(tiny_model, rows, tmp_path, monkeypatch):
    """The order of events in save_checkpoint: a barrier after every process's state writes and
    before the rename that makes the checkpoint visible."""
    from plug_train import trainer

    events = []

    class Recording:
        def __init__(self, acc):
            self.acc = acc

        def __getattr__(self, name):
            value = getattr(self.acc, name)
            if name in ("save_state", "wait_for_everyone", "get_state_dict"):
                def record(*a, **kw):
                    events.append(name)
                    return value(*a, **kw)
                return record
            return value

    import os

    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b)))
    cfg = TrainConfig(output=str(tmp_path / "run"), **common(tiny_model, rows))
    acc = trainer.make_accelerator(cfg)
    model = acc.prepare(M.load_model(tiny_model, False))
    tok = M.load_tokenizer(tiny_model)
    (tmp_path / "run").mkdir()
    checkpoint.save_checkpoint(Recording(acc), model, None, tok, tok.chat_template, tmp_path / "run", 1,
                               {"config": {}})
    rename = len(events) - 1 - events[::-1].index("rename")
    assert events.index("save_state") < events.index("wait_for_everyone", events.index("save_state")) < rename


def test_checkpoints_store_the_weights_once_and_lora_only_its_adapter(tiny_model, rows, tmp_path):
    full = train(TrainConfig(output=str(tmp_path / "full"), save_every=1, **common(tiny_model, rows, max_steps=2)))
    lora = train(TrainConfig(output=str(tmp_path / "lora"), save_every=1, lora=True, lora_r=4,
                             **common(tiny_model, rows, max_steps=2)))

    def weight_files(d):
        return sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.suffix in (".safetensors", ".bin")
                      and "optimizer" not in p.name)

    assert weight_files(full / "checkpoint-1") == ["model.safetensors"]
    assert weight_files(lora / "checkpoint-1") == ["adapter_model.safetensors"]
    size = sum(p.stat().st_size for p in (lora / "checkpoint-1").rglob("*") if p.is_file())
    base = (Path(tiny_model) / "model.safetensors").stat().st_size
    assert size < base  # adapter, its optimizer state and the tokenizer: less than the frozen base alone


def test_the_final_model_is_saved_in_the_base_models_dtype(tiny_model, rows, tmp_path):
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    bf16 = tmp_path / "bf16"
    AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.bfloat16).save_pretrained(bf16)
    M.load_tokenizer(tiny_model).save_pretrained(bf16)
    out = train(TrainConfig(output=str(tmp_path / "full"), save_every=1, **common(str(bf16), rows, max_steps=2)))
    assert {t.dtype for t in load_file(out / "model.safetensors").values()} == {torch.bfloat16}
    assert json.loads((out / "config.json").read_text())["dtype"] == "bfloat16"
    ckpt = load_file(out / "checkpoint-1" / "model.safetensors")  # the training copy stays fp32
    assert {t.dtype for t in ckpt.values()} == {torch.float32}
    lora = train(TrainConfig(output=str(tmp_path / "lora"), lora=True, lora_r=4, merge_lora=True,
                             **common(str(bf16), rows, max_steps=2)))
    assert {t.dtype for t in load_file(lora / "merged" / "model.safetensors").values()} == {torch.bfloat16}


def test_frozen_lora_bases_load_in_bf16_on_gpus_only():
    lora, full = TrainConfig(lora=True), TrainConfig()
    assert M.load_dtype(lora, torch.device("cuda"), "bf16") == torch.bfloat16
    assert M.load_dtype(lora, torch.device("cuda"), "no") == torch.float32
    assert M.load_dtype(lora, torch.device("cpu"), "bf16") == torch.float32
    assert M.load_dtype(full, torch.device("cuda"), "bf16") == torch.float32


def test_mfu_is_the_flops_per_token_over_the_datasheet_peak():
    from plug_train import dist

    full = dist.Flops(trainable=500_000_000, frozen=0)
    assert full.formula == "6N" and full.per_token == 6 * 500_000_000
    assert dist.mfu(10_000, full, 989e12, 1) == pytest.approx(6 * 5e8 * 1e4 / 989e12)
    assert dist.mfu(20_000, full, 989e12, 2) == pytest.approx(dist.mfu(10_000, full, 989e12, 1))
    lora = dist.Flops(trainable=4_000_000, frozen=500_000_000)
    assert lora.formula == "4*N_frozen + 6*N_trainable" and lora.per_token == 4 * 500_000_000 + 6 * 4_000_000
    assert dist.mfu(10_000, lora, 989e12, 1) == pytest.approx(lora.per_token * 1e4 / 989e12)
    peak, why = dist.peak_flops(torch.device("cpu"))
    assert peak is None and dist.mfu(1e4, full, peak, 1) is None and "cpu" in why


@pytest.mark.parametrize("lora", [False, True])
def test_the_flop_count_matches_the_matmuls_of_a_training_step(tiny_model, lora):
    """What ``training_flops`` counts per token equals the matrix-multiply FLOPs torch's own
    counter sees in a forward and backward of the decoder (the embedding and LM head left out,
    as the count leaves them out; attention's score matmuls subtracted; norm weights, which
    the count includes but do no matmul, make the small difference).  6N would overstate a
    LoRA step by half."""
    from torch.utils.flop_counter import FlopCounterMode

    from plug_train import dist

    model = M.load_model(tiny_model, False, "model")
    if lora:
        model = M.add_lora(model, TrainConfig(lora=True, lora_r=4, lora_dropout=0.0))
    flops = dist.training_flops(model)
    base = model.get_base_model() if lora else model
    named = {n: p for n, p in base.named_parameters() if "embed_tokens" not in n and "lm_head" not in n}
    assert flops.trainable == sum(p.numel() for p in named.values() if p.requires_grad)
    assert flops.frozen == sum(p.numel() for p in named.values() if not p.requires_grad)
    assert (flops.frozen > 0) == lora and flops.formula == ("4*N_frozen + 6*N_trainable" if lora else "6N")

    tokens = 32
    ids = torch.randint(0, base.config.vocab_size, (1, tokens))
    with FlopCounterMode(display=False) as counter:
        hidden = base.model(input_ids=ids).last_hidden_state
        hidden.pow(2).sum().backward()
    ops = {str(op): n for op, n in counter.get_flop_counts()["Global"].items()}
    linear = ops.get("aten.mm", 0) + ops.get("aten.addmm", 0)
    # Under LoRA the first layer's q/k/v read the frozen embedding: no input gradient to compute
    # there (2 FLOPs a weight a token the count includes; 1/(3 x layers) of attention's weights).
    unneeded = sum(p.numel() for n, p in named.items() if lora and not p.requires_grad
                   and n.startswith("model.layers.0.self_attn.") and n.split(".")[4] in ("q_proj", "k_proj", "v_proj"))
    assert linear == pytest.approx((flops.per_token - 2 * unneeded) * tokens, rel=0.01)
    if lora:
        assert 6 * (flops.trainable + flops.frozen) * tokens > 1.4 * linear


@pytest.mark.parametrize("change, named", [({"bf16_weights": True}, "--bf16-weights True (checkpoint: False)"),
                                           ({"lora": True, "lora_r": 4}, "--lora True (checkpoint: False)")])
def test_a_resume_that_cannot_load_the_checkpoint_is_one_line_even_with_resume_anyway(
        tiny_model, rows, finished, tmp_path, change, named):
    """Adding --bf16-weights on resume was a 32-line traceback from accelerate (no fp32 master copy
    in the checkpoint); switching LoRA on cannot load a full checkpoint either."""
    b = killed_at(finished, tmp_path, 2)
    for anyway in (False, True):
        with pytest.raises(PlugEvalError) as e:
            train(TrainConfig(output=str(b), resume="latest", resume_anyway=anyway, **common(tiny_model, rows, **change)))
        assert named in str(e.value) and "\n" not in str(e.value) and "--resume-anyway cannot" in str(e.value)


def test_a_full_disk_while_saving_leaves_no_half_checkpoint_and_says_so_in_one_line(tiny_model, rows, small_disk):
    """Issue 21, case 5: a checkpoint that does not fit is removed, not left as checkpoint-N.tmp; the
    error is one line (exit 3: free space and resume)."""
    from plug_eval.errors import StoppedError

    out = small_disk / "run"
    full = r"cannot write (checkpoint-\d+|the final model) \(No space left on device\).*--resume"
    with pytest.raises(StoppedError, match=full):
        train(TrainConfig(output=str(out), save_every=1, **common(tiny_model, rows)))
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], sorted(p.name for p in out.iterdir())
    assert StoppedError("x").exit_code == 3
