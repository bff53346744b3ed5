"""Two CPU processes under ``accelerate launch`` train like one process at the same global batch:
DDP (cpu_ddp.yaml) and FSDP2 (the shipped fsdp.yaml over gloo: accelerate 1.15 would run plain
DDP on CPU processes, plug_train turns FSDP2 on, see dist.fsdp_on_cpu); FSDP2 checkpoints hold
the weights once (the adapter only, for LoRA) and resume exactly.  DeepSpeed needs GPUs: its
config, accelerate's launch checks on it and what its checkpoints write are checked here, the run is
bench/trainer/gpu_run.sh's.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import exe

from plug_eval.errors import PlugEvalError
from plug_train.smoke import plug_rows, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}


def losses(out):
    return [json.loads(x)["loss"] for x in (Path(out) / "metrics.jsonl").read_text().splitlines()]


@pytest.mark.slow
def test_two_processes_match_one_at_the_same_global_batch(tiny_model, tmp_path):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(16, max_words=30))
    held_out = write_jsonl(tmp_path / "eval.jsonl", plug_rows(5, seed=7, max_words=30))  # 5: uneven split
    common = ["train", "--model", tiny_model, "--data", str(rows), "--max-steps", "3", "--grad-accum", "2",
              "--lr", "1e-2", "--no-progress", "--eval-data", str(held_out)]
    one = subprocess.run([exe("plug-train"), *common, "--batch-size", "4", "--output", str(tmp_path / "one")],
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert one.returncode == 0, one.stderr[-2000:]
    two = subprocess.run([exe("accelerate"), "launch", "--config_file", str(ROOT / "docs/accelerate/cpu_ddp.yaml"),
                          "--main_process_port", "0", "-m", "plug_train", *common, "--batch-size", "2",
                          "--output", str(tmp_path / "two")], capture_output=True, text=True, env=ENV, timeout=300)
    assert two.returncode == 0, two.stderr[-2000:]
    assert "2 process(es)" in two.stderr
    assert two.stdout.strip() == str(tmp_path / "two")  # only rank 0 prints and writes
    assert len(losses(tmp_path / "two")) == 3
    assert losses(tmp_path / "two") == pytest.approx(losses(tmp_path / "one"), abs=1e-5)
    evals = [json.loads((tmp_path / d / "eval.jsonl").read_text())["eval_loss"] for d in ("one", "two")]
    assert evals[1] == pytest.approx(evals[0], abs=1e-5)


def launch(config, args, tmp_path, name, processes=2):
    cmd = [exe("accelerate"), "launch", "--config_file", str(ROOT / "docs/accelerate" / config), "--num_processes",
           str(processes), "--mixed_precision", "no", "--main_process_port", "0", "-m", "plug_train", *args,
           "--output", str(tmp_path / name)]
    res = subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


def weights(path):
    from safetensors.torch import load_file

    return load_file(path)


def weight_files(ckpt):
    """Files of a checkpoint that hold weights (not the optimizer's moments)."""
    return sorted(p.relative_to(ckpt).as_posix() for p in ckpt.rglob("*")
                  if p.suffix in (".safetensors", ".bin", ".pt") and "optimizer" not in p.name)


@pytest.mark.slow
def test_fsdp2_on_two_cpu_processes_trains_like_one(tiny_model, tmp_path):
    """The shipped fsdp.yaml, 2 gloo processes: plug_train's FSDP2 path (not accelerate's DDP
    fallback) gives the 1-process losses and weights after 5 steps, checkpoint and merge included."""
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(16, max_words=30))
    common = ["train", "--model", tiny_model, "--data", str(rows), "--max-steps", "5", "--grad-accum", "2",
              "--lr", "1e-3", "--no-progress", "--save-every", "3", "--save-total-limit", "0"]
    one = subprocess.run([exe("plug-train"), *common, "--batch-size", "4", "--output", str(tmp_path / "one")],
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert one.returncode == 0, one.stderr[-2000:]
    # --save-minutes 0.0001: rank 0's clock says "save" after every step, and both processes follow it
    two = launch("fsdp.yaml", [*common, "--batch-size", "2", "--save-minutes", "0.0001"], tmp_path, "two")
    assert "2 process(es) on cpu:0 (FSDP)" in two.stderr
    assert sorted(p.name for p in (tmp_path / "two").glob("checkpoint-*")) == [f"checkpoint-{n}" for n in (1, 2, 3, 4)]
    ckpt = tmp_path / "two/checkpoint-3"  # the weights once: model.safetensors, no FSDP copy in state/
    assert weight_files(ckpt) == ["model.safetensors"]
    assert sorted(p.name for p in (ckpt / "state").iterdir()) == ["optimizer.bin", "random_states_0.pkl",
                                                                  "random_states_1.pkl"]
    model_bytes = (ckpt / "model.safetensors").stat().st_size
    assert sum(p.stat().st_size for p in ckpt.rglob("*") if p.is_file()) < 3.3 * model_bytes  # + Adam's 2 moments
    assert losses(tmp_path / "two") == pytest.approx(losses(tmp_path / "one"), abs=1e-5)
    norms = [[json.loads(x)["grad_norm"] for x in (tmp_path / d / "metrics.jsonl").read_text().splitlines()]
             for d in ("one", "two")]
    assert norms[1] == pytest.approx(norms[0], rel=1e-5)
    w1, w2 = weights(tmp_path / "one/model.safetensors"), weights(tmp_path / "two/model.safetensors")
    assert set(w1) == set(w2)  # tied embeddings stored once, as a single process stores them
    assert max((w1[k] - w2[k]).abs().max().item() for k in w1) < 1e-5
    base = weights(Path(tiny_model) / "model.safetensors")
    assert max((w1[k] - base[k]).abs().max().item() for k in w1) > 1e-3  # the weights did move

    # resuming FSDP's own sharded state in 2 processes redoes steps 4-5 exactly; in 1 process it is refused
    (tmp_path / "resumed").mkdir()
    shutil.copytree(tmp_path / "two/checkpoint-3", tmp_path / "resumed/checkpoint-3")
    launch("fsdp.yaml", ["train", "--resume", "--no-progress"], tmp_path, "resumed")
    assert losses(tmp_path / "resumed") == losses(tmp_path / "two")[3:]
    w3 = weights(tmp_path / "resumed/model.safetensors")
    assert all(w3[k].equal(w2[k]) for k in w2)
    alone = subprocess.run([exe("plug-train"), "train", "--output", str(tmp_path / "resumed"), "--resume",
                            str(tmp_path / "resumed/checkpoint-3")], capture_output=True, text=True, env=ENV,
                           timeout=300)
    assert alone.returncode == 2 and "world size 1 (checkpoint: 2)" in alone.stderr


@pytest.mark.slow
def test_lora_under_fsdp2_checkpoints_the_adapter_resumes_exactly_and_merges_it_whole(tiny_model, tmp_path):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(8, max_words=30))
    launch("fsdp.yaml", ["train", "--model", tiny_model, "--data", str(rows), "--max-steps", "3", "--batch-size",
                         "2", "--lr", "1e-2", "--lora", "--lora-r", "4", "--merge-lora", "--no-progress",
                         "--save-every", "1"], tmp_path, "run")
    out = tmp_path / "run"
    ckpt = out / "checkpoint-2"  # the adapter only, once: no base, no FSDP copy of the model in state/
    assert weight_files(ckpt) == ["adapter_model.safetensors"]
    size = sum(p.stat().st_size for p in ckpt.rglob("*") if p.is_file())
    assert size < (Path(tiny_model) / "model.safetensors").stat().st_size

    (tmp_path / "resumed").mkdir()  # step 3 again from checkpoint-2, in 2 processes: the same adapter
    shutil.copytree(ckpt, tmp_path / "resumed/checkpoint-2")
    launch("fsdp.yaml", ["train", "--resume", "--no-progress"], tmp_path, "resumed")
    assert losses(tmp_path / "resumed") == losses(out)[2:]
    a, b = weights(out / "adapter_model.safetensors"), weights(tmp_path / "resumed/adapter_model.safetensors")
    assert set(a) == set(b) and all(a[k].equal(b[k]) for k in a)
    ids = torch.tensor([[5, 17, 42, 99, 7, 3]])
    with torch.no_grad():
        base = AutoModelForCausalLM.from_pretrained(tiny_model).eval()
        before = base(input_ids=ids).logits
        adapted = PeftModel.from_pretrained(base, str(out)).eval()(input_ids=ids).logits
        merged = AutoModelForCausalLM.from_pretrained(str(out / "merged")).eval()(input_ids=ids).logits
    assert (adapted - before).abs().max() > 1e-3
    assert (adapted - merged).abs().max() < 1e-5


def test_every_auto_of_the_shipped_deepspeed_config_is_filled_from_the_flags():
    from plug_train import TrainConfig, dist

    ds = json.loads((ROOT / "docs/accelerate/zero3.json").read_text())
    cfg = TrainConfig(batch_size=3, grad_accum=5, max_grad_norm=0.5, lr=1e-4)
    filled = dist.fill_deepspeed_config(ds, cfg, processes=8, hidden_size=512, mixed_precision="bf16")
    assert "auto" not in json.dumps(filled)
    assert filled["train_micro_batch_size_per_gpu"] == 3 and filled["gradient_accumulation_steps"] == 5
    assert filled["train_batch_size"] == 3 * 5 * 8
    assert filled["gradient_clipping"] == 0.5  # accelerate would write 1.0
    assert filled["bf16"]["enabled"] is True
    assert filled["zero_optimization"]["reduce_bucket_size"] == 512 * 512
    with pytest.raises(PlugEvalError, match="cannot fill zero_optimization.sub_group_size"):
        dist.fill_deepspeed_config({"zero_optimization": {"sub_group_size": "auto"}}, cfg, 1, 8, "no")
    with pytest.raises(PlugEvalError, match="remove its \"optimizer\" block"):
        dist.fill_deepspeed_config({"optimizer": {"type": "AdamW"}}, cfg, 1, 8, "no")


def test_no_decay_groups_survive_zero3_partitioning(tiny_model):
    """ZeRO-3 replaces every parameter by a 1-D shard: the groups must not change."""
    import torch

    from plug_train import model as M
    from plug_train import trainer

    model = M.load_model(tiny_model, False)
    names = {id(p): n for n, p in model.named_parameters()}
    before = [[names[id(p)] for p in g["params"]] for g in trainer._param_groups(model, 0.1)]
    for p in model.parameters():
        p.data = torch.empty(0)  # what deepspeed.zero.Init leaves on each parameter
    after = [[names[id(p)] for p in g["params"]] for g in trainer._param_groups(model, 0.1)]
    assert after == before
    assert any("norm" in n for n in before[1]) and all("norm" not in n for n in before[0])
    assert "model.embed_tokens.weight" in before[0]


def test_fsdp2_reduces_gradients_in_fp32(monkeypatch):
    import torch

    from plug_train import dist

    monkeypatch.setenv("ACCELERATE_USE_FSDP", "true")
    monkeypatch.setenv("FSDP_VERSION", "2")
    policy = dist.accelerator_kwargs("bf16")["fsdp_plugin"].mixed_precision_policy
    assert policy.param_dtype == torch.bfloat16 and policy.reduce_dtype == torch.float32


class FakeDeepSpeedAccelerator:
    """Stands in for accelerate's Accelerator under DeepSpeed, which needs GPUs and the deepspeed
    package (neither is here): one process, and ``save_state``/``load_state`` record their
    arguments (``save_state`` writes a file where DeepSpeed's engine would write its partitions)
    instead of running the engine.  Everything else the save touches (the model, peft, the
    tokenizer, the files) is real."""

    is_main_process = True
    process_index = 0
    num_processes = 1

    def __init__(self):
        from accelerate.utils import DistributedType

        self.distributed_type = DistributedType.DEEPSPEED
        self.calls = []

    def wait_for_everyone(self):
        pass

    def unwrap_model(self, model):
        return model

    def get_state_dict(self, model):  # ZeRO-3's gathered 16-bit weights: a collective, only for the final model
        self.calls.append(("get_state_dict",))
        return model.state_dict()

    def save_state(self, where, **kwargs):
        self.calls.append(("save_state", kwargs))
        (Path(where) / "pytorch_model").mkdir(parents=True)
        (Path(where) / "pytorch_model" / "bf16_zero_pp_rank_0_mp_rank_00_optim_states.pt").write_bytes(b"fp32")

    def load_state(self, where, **kwargs):
        self.calls.append(("load_state", kwargs))


@pytest.mark.parametrize("lora", [False, True])
def test_deepspeed_checkpoints_leave_the_weights_to_deepspeeds_own_files(tiny_model, tmp_path, lora):
    """Under DeepSpeed the optimizer partitions hold the fp32 weights, so a checkpoint writes no
    model file (and gathers nothing); a LoRA run keeps the frozen base out of DeepSpeed's files
    and resumes without it.  The final model is still written whole."""
    from plug_train import TrainConfig, checkpoint
    from plug_train import model as M

    model = M.load_model(tiny_model, False)
    if lora:
        model = M.add_lora(model, TrainConfig(lora=True, lora_r=4))
    tok = M.load_tokenizer(tiny_model)
    acc = FakeDeepSpeedAccelerator()
    out = tmp_path / "run"
    out.mkdir()
    ckpt = checkpoint.save_checkpoint(acc, model, None, tok, tok.chat_template, out, 1, {"config": {}})
    assert acc.calls == [("save_state", {"exclude_frozen_parameters": True} if lora else {})]
    assert weight_files(ckpt) == ["state/pytorch_model/bf16_zero_pp_rank_0_mp_rank_00_optim_states.pt"]
    assert (ckpt / ("adapter_config.json" if lora else "config.json")).is_file()
    assert (ckpt / "tokenizer.json").is_file() and checkpoint.damage(ckpt) is None

    acc.calls.clear()
    checkpoint.load_weights(acc, model, ckpt)  # nothing to read: DeepSpeed's load_state restores them
    checkpoint.load_state(acc, model, None, ckpt)
    assert acc.calls == [("load_state", {"load_module_strict": not lora})]

    acc.calls.clear()
    checkpoint.save_final(acc, model, tok, tok.chat_template, out, {"config": {}}, merge=False)
    assert acc.calls == [("get_state_dict",)]
    assert weight_files(out) == sorted([("adapter_model.safetensors" if lora else "model.safetensors"),
                                        "checkpoint-1/state/pytorch_model/bf16_zero_pp_rank_0_mp_rank_00_optim_states.pt"])


def test_accelerate_accepts_the_shipped_deepspeed_config(monkeypatch):
    """accelerate's own launch path with docs/accelerate/deepspeed_zero3.yaml, up to the DeepSpeed
    plugin every process builds from the environment the launcher sets (the launcher itself is
    stood in for: it needs the deepspeed package).  With ``mixed_precision`` in the YAML next to a
    DeepSpeed config file, accelerate refused the plugin (a 63-line traceback per process)."""
    import accelerate.commands.launch as launch_mod
    from accelerate.utils import DeepSpeedPlugin
    from accelerate.utils.launch import prepare_deepspeed_cmd_env

    seen = {}
    monkeypatch.setattr(launch_mod, "deepspeed_launcher", lambda args: seen.update(prepare_deepspeed_cmd_env(args)[1]))
    monkeypatch.chdir(ROOT)  # the YAML names the JSON file relative to the repository root
    args = launch_mod.launch_command_parser().parse_args(
        ["--config_file", "docs/accelerate/deepspeed_zero3.yaml", "--num_processes", "1", "-m", "plug_train", "train"])
    launch_mod.launch_command(args)
    for key, value in seen.items():
        if key.startswith("ACCELERATE"):
            monkeypatch.setenv(key, value)
    assert seen["ACCELERATE_USE_DEEPSPEED"] == "true"
    plugin = DeepSpeedPlugin()  # raised "... config variables will be ignored: [..., 'mixed_precision']"
    assert plugin.zero3_init_flag and plugin.deepspeed_config["zero_optimization"]["stage"] == 3


def test_a_deepspeed_launch_without_gpus_is_one_line_not_a_plain_run(tiny_model, tmp_path):
    """What `accelerate launch --config_file deepspeed_zero3.yaml` sets for each process, on this
    machine: accelerate would quietly run one plain process (deepspeed installed) or raise an
    ImportError traceback (not installed).  One line, exit 2, nothing written."""
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(2, max_words=10))
    res = subprocess.run([exe("plug-train"), "train", "--model", tiny_model, "--data", str(rows), "--output",
                          str(tmp_path / "out"), "--max-steps", "1", "--no-progress"], capture_output=True, text=True,
                         env={**ENV, "ACCELERATE_USE_DEEPSPEED": "true"}, timeout=300)
    assert res.returncode == 2 and res.stderr.strip().count("\n") == 0
    assert "asks for DeepSpeed, which needs CUDA GPUs" in res.stderr and not (tmp_path / "out").exists()
