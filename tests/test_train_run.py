"""plug_train end to end on tiny random-init models: memorise PLUG rows and pass the pivot task in
lm-eval, the prompt lm-eval builds is the training prompt, LoRA reload/merge, exact resume,
and outputs that never look complete when they are not."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import torch

from conftest import exe
from plug_eval import files, languages, pivot
from plug_train import TrainConfig, checkpoint, data, train
from plug_train import model as M
from plug_train.smoke import plug_rows, write_jsonl

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}

MEMO = [  # (instruction, English answer, Chinese answer)
    ("水是什么？", "Water is a clear liquid.", "水是一种透明的液体。"),
    ("天空为什么是蓝色的？", "Air scatters blue light.", "空气散射蓝光。"),
    ("猫喜欢吃什么？", "Cats like fish.", "猫喜欢吃鱼。"),
    ("如何学习音乐？", "Practice every day.", "每天练习。"),
]


def memo_rows():
    return [{"id": f"m{i}", "lang": "zh", "system": languages.pivot_system_prompt("zh"), "instruction": q,
             "response": pivot.build_response(en, zh, "zh")} for i, (q, en, zh) in enumerate(MEMO)]


@pytest.fixture(scope="module")
def plain_model(tmp_path_factory):
    """A tiny Llama whose tokenizer has no chat template (PLUG's format is trained and saved)."""
    from plug_eval.tiny import build_tiny_model

    texts = [r["instruction"] + "\n" + r["response"] for r in memo_rows()]
    return str(build_tiny_model(tmp_path_factory.mktemp("plain") / "model", chat_template="none",
                                hidden=96, layers=2, texts=texts))


@pytest.mark.slow
def test_memorised_rows_pass_the_pivot_task_and_prompts_match_lm_eval(plain_model, tmp_path):
    rows = write_jsonl(tmp_path / "memo.jsonl", memo_rows())
    out = train(TrainConfig(model=plain_model, data=[str(rows)], output=str(tmp_path / "run"), max_steps=120,
                            batch_size=4, lr=3e-3, warmup_ratio=0.0, progress=False))
    losses = [json.loads(x)["loss"] for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert losses[-1] < 0.05 < losses[0]
    saved = M.load_tokenizer(str(out))
    assert saved.chat_template == pivot.PLUG_CHAT_TEMPLATE  # what was trained is what lm-eval gets

    bench = tmp_path / "xae"
    bench.mkdir()
    for code in ("en", "zh"):
        table = [{"id": r["id"], "dataset": "memo", "instruction": r["instruction"]} for r in memo_rows()]
        (bench / languages.LANGUAGES[code].data_file).write_text(json.dumps(table, ensure_ascii=False))
    res = subprocess.run([exe("plug-eval"), "run", "--model", "hf", "--model_args", f"pretrained={out}",
                          "--tasks", "xalpacaeval_pivot_zh", "--apply_chat_template", "--log_samples",
                          "--metadata", json.dumps({"xalpacaeval_data_dir": str(bench)}),
                          "--gen_kwargs", "max_gen_toks=64", "--output_path", str(tmp_path / "eval")],
                         capture_output=True, text=True, env=ENV, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    [results] = (tmp_path / "eval").glob("**/results_*.json")
    assert json.loads(results.read_text())["results"]["xalpacaeval_pivot_zh"]["pivot_ok,plug_extract"] == 1.0

    [samples] = (tmp_path / "eval").glob("**/samples_xalpacaeval_pivot_zh_*.jsonl")
    by_id = {r["id"]: r for r in memo_rows()}
    for line in samples.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        prompt = s["arguments"]["gen_args_0"]["arg_0"]
        msgs = data._messages(by_id[s["doc"]["id"]], "x")
        assert prompt == data.render(saved, saved.chat_template, msgs[:-1], generation_prompt=True)
        enc, _ = data.encode(saved, saved.chat_template, msgs)
        first = next(i for i, lab in enumerate(enc.labels) if lab != data.IGNORE)
        assert saved(prompt)["input_ids"] == enc.input_ids[:first]  # token for token
        assert s["filtered_resps"][0] == pivot.split_response(by_id[s["doc"]["id"]]["response"], "zh").answer


@torch.no_grad()
def logits(model, ids):
    return model(input_ids=ids).logits


def test_lora_adapter_reloaded_and_merged_give_the_same_logits(tiny_model, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(8, max_words=30))
    out = train(TrainConfig(model=tiny_model, data=[str(rows)], output=str(tmp_path / "run"), max_steps=4,
                            batch_size=4, lr=1e-2, lora=True, lora_r=8, merge_lora=True, progress=False))
    assert (out / "adapter_config.json").is_file() and (out / "merged" / "config.json").is_file()
    assert json.loads((out / "adapter_config.json").read_text())["target_modules"]  # auto-detected
    ids = torch.tensor([M.load_tokenizer(str(out))("English response:\n水是什么？")["input_ids"]])
    base = AutoModelForCausalLM.from_pretrained(tiny_model).eval()
    before = logits(base, ids)
    adapted = logits(PeftModel.from_pretrained(base, str(out)).eval(), ids)
    merged = logits(AutoModelForCausalLM.from_pretrained(str(out / "merged")).eval(), ids)
    assert (adapted - before).abs().max() > 1e-3  # the adapter learned something
    assert (adapted - merged).abs().max() < 1e-5


def test_resume_reproduces_the_next_steps_exactly(tiny_model, tmp_path):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(12, max_words=30))
    # LoRA dropout 0.1 and NEFTune's noise: the resumed run must also restore the RNG to match
    cfg = dict(model=tiny_model, data=[str(rows)], max_steps=4, batch_size=2, grad_accum=2, lr=1e-2,
               lora=True, lora_r=4, save_every=2, warmup_ratio=0.5, progress=False, neftune_alpha=5.0)
    a = train(TrainConfig(output=str(tmp_path / "a"), **cfg))
    b = tmp_path / "b"
    b.mkdir()
    shutil.copytree(a / "checkpoint-2", b / "checkpoint-2")
    train(TrainConfig(output=str(b), resume="latest", **cfg))
    metrics = lambda d: [json.loads(x) for x in (d / "metrics.jsonl").read_text().splitlines()]  # noqa: E731
    strip = lambda m: {k: v for k, v in m.items() if k not in ("tokens_per_s", "elapsed_s")}  # noqa: E731
    assert [strip(m) for m in metrics(b)] == [strip(m) for m in metrics(a)[2:]]
    from safetensors.torch import load_file

    wa, wb = load_file(a / "adapter_model.safetensors"), load_file(b / "adapter_model.safetensors")
    assert all(torch.equal(wa[k], wb[k]) for k in wa)


def test_an_interrupted_save_never_looks_complete(tmp_path):
    out = tmp_path / "run"
    with pytest.raises(RuntimeError):
        with files.staging_dir(out / "merged") as tmp:
            (tmp / "config.json").write_text("{}")
            raise RuntimeError("killed mid-save")
    assert not (out / "merged").exists() and not list(out.glob("*.tmp"))
    (out / "checkpoint-4.tmp" / "state").mkdir(parents=True)  # a save that died before its rename
    (out / "checkpoint-2").mkdir()  # ... and one without its marker
    assert checkpoint.latest_checkpoint(out) is None


def test_resolved_config_is_saved_next_to_the_model(tiny_model, tmp_path):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(4, max_words=30))
    out = train(TrainConfig(model=tiny_model, data=[f"{rows}:2"], output=str(tmp_path / "run"), max_steps=2,
                            batch_size=2, packing=True, max_length=1024, progress=False))
    info = json.loads((out / "plug_train.json").read_text())
    assert info["complete"] and info["step"] == 2 and info["config"]["packing"] is True
    assert info["data"]["rows"] == 8  # weight 2: every row twice
    steps = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert set(steps[1]) == {"step", "loss", "lr", "tokens", "loss_tokens", "tokens_per_s", "elapsed_s",
                             "grad_norm", "mfu"}
    assert set(steps[0]) == set(steps[1]) | {"data", "flops"} and steps[0]["data"]["kept"] == 8  # once per run
    assert steps[0]["flops"]["formula"] == "6N" and steps[0]["flops"] == info["flops"]
    assert all(s["grad_norm"] > 0 for s in steps) and steps[0]["mfu"] is None  # no datasheet peak on CPU
    assert info["mfu"].startswith("MFU not estimated")
    assert Path(out / "model.safetensors").is_file()
