#!/usr/bin/env python3
"""plug-train on one GPU, everything in one run of at most 8 minutes (issue 25).

    bash bench/trainer/gpu_run.sh                          # on the GPU machine, repository root
    python bench/trainer/gpu_run.py --tiny --out /tmp/gr   # the same logic on CPU (measures nothing)

Stages, each in its own subprocess with a hard time limit, in the order of STAGES (the goals'
numbers first); a stage with under 15 s of --budget-s left is recorded as not run, and
OUT/gpu_run.json is rewritten after every stage, so a timeout keeps what was measured:

1. probe: versions of what imports here (trl, datasets, liger-kernel, flash-attn, deepspeed, ...);
2. build: a ~0.5B random-init Llama (20 x 1536, GQA 12/4, a 32k-row embedding and LM head so the
   head weighs what it does in real models; bf16 on disk) and 2,000 PLUG rows of 20-500 words;
3. attention_check: our packed attention on this device (the varlen kernel on CUDA, its window,
   the eager formula for soft-caps) against eager attention, tiny Llama / Mistral / Gemma2, fp32
   and bf16, with a dropped-window control; isolation: the 0.5B model's per-sequence losses in a
   packed row against each sequence alone, next to a contaminated control, and a backward;
4. speed, each variant the same rows, seed and order, 4 packed rows x 4,096 tokens per step, bf16
   autocast, --steps steps or --train-s seconds: base (plug-train's defaults), our fused options
   (all_liger = --kernels liger --fused-ce liger --bf16-weights --overlap, then each alone:
   fused_ce_liger, kernels_liger, bf16_weights; --kernels compile is left out: its compile time
   alone would take a variant's share); tokens/s
   after --warmup steps, MFU by 6N (N = non-embedding parameters, bf16 dense datasheet peak),
   peak memory, loss at the last step against base's;
5. trl_padfree_liger: TRL SFTTrainer, padding-free (its collator flattens each batch into one row
   and passes the sequence boundaries, cu_seq_lens), completion-only loss, Liger, fused AdamW,
   bf16, about as many tokens per step.  Its attention is a varlen kernel fed those boundaries:
   flash-attn's when the package imports, else torch's varlen_attn through ``plug_packed``
   registered on TRL's model (the same one-call-per-row kernel).  Never SDPA over a dense
   16k x 16k mask, which is what TRL's padding-free rows cost without a varlen kernel;
6. zero3: docs/accelerate/deepspeed_zero3.yaml in 1 process on a tiny model (torch AdamW, so no
   DeepSpeed op is compiled): 5 steps with a checkpoint at 3 and a resume from it that must repeat
   the last losses, then the same for LoRA (checkpoint without the frozen base) if time is left.
Goals (issue 25): MFU >= 40 % and >= 1.3x TRL + Liger, loss within 1e-2 of base.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PEAK = {"H100": 989e12, "H200": 989e12, "H800": 989e12, "A100": 312e12}
SIZES = {
    "full": dict(hidden_size=1536, intermediate_size=4096, num_hidden_layers=20, num_attention_heads=12,
                 num_key_value_heads=4, tok_vocab=8192, rows=2000, min_words=20, max_words=500),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                 num_key_value_heads=2, tok_vocab=2048, rows=64, min_words=8, max_words=60),
}
# name -> (plug-train flags | a stage, packages it needs, needs CUDA, time limit in s).  In the order
# they run: what the goals are read from first (base, all options, TRL, ZeRO-3), single options after.
STAGES = {
    "attention_check": ("attention_check", (), False, 40),
    "isolation": ("isolation", (), False, 40),
    "base": ({}, (), False, 50),
    "all_liger": ({"kernels": "liger", "fused_ce": "liger", "bf16_weights": True, "overlap": True},
                  ("liger_kernel",), True, 50),
    "trl_padfree_liger": ("trl", ("trl", "datasets"), False, 60),
    "zero3": ("zero3", ("deepspeed",), True, 75),
    "fused_ce_liger": ({"fused_ce": "liger"}, ("liger_kernel",), True, 50),
    "kernels_liger": ({"kernels": "liger"}, ("liger_kernel",), True, 50),
    "bf16_weights": ({"bf16_weights": True}, (), False, 50),
    "zero3_lora": ("zero3_lora", ("deepspeed",), True, 60),
}
PROBE = ("trl", "datasets", "liger_kernel", "flash_attn", "deepspeed", "transformers", "peft", "accelerate", "triton")


class Stop(Exception):
    """Raised from a step callback once the variant's steps or seconds are spent."""


# --- 1-2. probe and build ---------------------------------------------------------------------
def probe() -> dict:
    found: dict = {}
    for name in PROBE:
        try:
            found[name] = getattr(importlib.import_module(name), "__version__", "present")
        except Exception as e:  # noqa: BLE001 - a broken install is as missing as an absent one
            found[name] = None
            found[f"{name}_error"] = f"{type(e).__name__}: {e}"[:200]
    import torch

    found["torch"] = torch.__version__
    found["cuda"] = torch.cuda.get_device_name() if torch.cuda.is_available() else None
    return found


def build(work: Path, size: dict, vocab: int) -> dict:
    """Tokenizer + random-init bf16 Llama in work/model, rows in work/rows.jsonl; returns facts."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from plug_eval.tiny import build_tokenizer
    from plug_train.smoke import plug_rows, write_jsonl

    rows = plug_rows(size["rows"], seed=0, min_words=size["min_words"], max_words=size["max_words"])
    write_jsonl(work / "rows.jsonl", rows)
    tok = build_tokenizer(work / "model", chat_template=None, vocab_size=size["tok_vocab"],
                          texts=[r["instruction"] + "\n" + r["response"] for r in rows[:400]])
    keys = ("hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads")
    config = LlamaConfig(vocab_size=max(len(tok), vocab), max_position_embeddings=8192, tie_word_embeddings=False,
                         bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, **{k: size[k] for k in keys})
    torch.manual_seed(0)
    with torch.device("cuda" if torch.cuda.is_available() else "cpu"):
        model = LlamaForCausalLM(config).to(torch.bfloat16)
    model.save_pretrained(str(work / "model"))
    non_embedding = sum(p.numel() for n, p in model.named_parameters()
                        if p.ndim == 2 and "embed_tokens" not in n and "lm_head" not in n)
    return {"non_embedding_params": non_embedding, "vocab": config.vocab_size, "rows": len(rows)}


# --- 3. attention on this device ----------------------------------------------------------------
def attention_check(args: argparse.Namespace) -> dict:
    """plug_packed on this device against eager attention per sequence (tiny Llama, Mistral with a
    window, Gemma2 with soft-cap + window; fp32 and bf16 autocast), and a dropped-window control."""
    import torch
    from transformers import AutoModelForCausalLM, Gemma2Config, LlamaConfig, MistralConfig

    from plug_train import attention, batching, data

    device = "cuda" if torch.cuda.is_available() else "cpu"
    common = dict(vocab_size=256, hidden_size=128, intermediate_size=256, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024, initializer_range=0.2)
    configs = {"llama": LlamaConfig(**common), "mistral_window64": MistralConfig(**common, sliding_window=64),
               "gemma2_softcap_window64": Gemma2Config(**common, head_dim=32, sliding_window=64,
                                                       attn_logit_softcapping=5.0, query_pre_attn_scalar=32)}
    g = torch.Generator().manual_seed(0)
    seqs = [torch.randint(3, 256, (n,), generator=g).tolist() for n in (300, 170, 90)]
    out: dict = {"varlen_available": attention._varlen() is not None, "device": device}
    for name, cfg in configs.items():
        torch.manual_seed(0)
        model = AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").float().to(device).eval()
        res = {}
        with torch.no_grad():
            ref = torch.cat([model(input_ids=torch.tensor([s], device=device), use_cache=False).logits[0]
                             for s in seqs])
            model.set_attn_implementation(attention.register())
            mb = batching.collate([data.Encoded(s, s) for s in seqs]).to(torch.device(device))
            for precision in ("fp32", "bf16") if device == "cuda" else ("fp32",):
                with torch.autocast(device, dtype=torch.bfloat16, enabled=precision == "bf16"):
                    ours = model(**mb.model_kwargs()).logits[0].float()
                res[f"max_abs_diff_{precision}"] = float((ours - ref).abs().max())
            if getattr(cfg, "sliding_window", None):
                model.config.sliding_window = None  # Mistral reads the config, Gemma2 the layer
                for layer in model.model.layers:
                    layer.self_attn.sliding_window = None
                with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
                    ctrl = model(**mb.model_kwargs()).logits[0].float()
                res["control_window_dropped"] = float((ctrl - ref).abs().max())
        out[name] = res
    return out


def isolation(work: Path) -> dict:
    """The 0.5B model's per-sequence losses in one packed row against each sequence alone (fp32,
    bf16), a contaminated control (the row as one sequence), and a finite backward."""
    import torch

    from plug_train import batching, data, trainer
    from plug_train import model as M

    device = "cuda" if torch.cuda.is_available() else "cpu"
    tok = M.load_tokenizer(str(work / "model"))
    encoded, _ = data.encode_all(data.read_rows(work / "rows.jsonl")[:6], tok, data.training_template(tok), 4096)
    model = M.load_model(str(work / "model"), gradient_checkpointing=False).to(device).eval()
    packed = batching.collate(encoded).to(torch.device(device))
    mixed = batching.collate(encoded).to(torch.device(device))
    mixed.cu_seqlens = torch.tensor([0, packed.n_tokens], dtype=torch.int32, device=device)
    mixed.max_seqlen = packed.n_tokens

    def losses(mb, autocast):  # each sequence's mean loss, the sequences as the packed row bounds them
        cu, out = (packed if mb is mixed else mb).cu_seqlens.tolist(), []
        for k in range(len(cu) - 1):
            targets = torch.full_like(mb.targets, data.IGNORE)
            targets[cu[k]:cu[k + 1]] = mb.targets[cu[k]:cu[k + 1]]
            with torch.autocast(device, dtype=torch.bfloat16, enabled=autocast):
                out.append(float(trainer.micro_loss(model, mb.with_targets(targets), True))
                           / int((targets != data.IGNORE).sum()))
        return out

    result: dict = {"sequences": len(encoded), "tokens": packed.n_tokens}
    with torch.no_grad():
        for name, autocast in (("fp32", False), ("bf16", True)):
            if autocast and device == "cpu":
                continue
            alone = [losses(batching.collate([e]).to(torch.device(device)), autocast)[0] for e in encoded]
            pairs = list(zip(alone, losses(packed, autocast), losses(mixed, autocast), strict=True))
            result[name] = {"max_abs_diff_packed": max(abs(a - b) for a, b, _ in pairs),
                            "max_abs_diff_contaminated": max(abs(a - c) for a, _, c in pairs)}
    with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
        loss = trainer.micro_loss(model, packed, True)
    loss.backward()
    result["backward_finite"] = all(p.grad is None or bool(torch.isfinite(p.grad).all()) for p in model.parameters())
    result["self_test"] = getattr(model, "_plug_self_test", None)
    return result


# --- 4-5. speed ---------------------------------------------------------------------------------
def summarise(records: list[dict], warmup: int, non_embedding: int, seconds: float | None = None) -> dict:
    import torch

    if len(records) < 3:
        return {"steps": len(records), "error": "fewer than 3 steps in the time given",
                "losses": [round(r["loss"], 5) for r in records]}
    warm = min(warmup, len(records) - 2)
    timed = records[warm + 1:]
    if seconds is None:
        seconds = records[-1]["elapsed_s"] - records[warm]["elapsed_s"]
    tok_s = sum(r["tokens"] for r in timed) / seconds
    name = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    peak = next((v for k, v in PEAK.items() if k in name), None)
    return {"device": name, "steps": len(records), "steps_timed": len(timed), "seconds_timed": round(seconds, 2),
            "tokens_per_s": round(tok_s), "mfu_6n": round(6 * non_embedding * tok_s / peak, 4) if peak else None,
            "losses": [round(r["loss"], 5) for r in records],
            "peak_mem_gb": round(torch.cuda.max_memory_allocated() / 2**30, 2) if torch.cuda.is_available() else None}


def run_plug(name: str, flags: dict, work: Path, args: argparse.Namespace, facts: dict) -> dict:
    import torch

    from plug_train import TrainConfig, train

    records: list[dict] = []

    def on_step(rec: dict) -> None:
        records.append(rec)  # the clock starts after the first step (compilation is not training)
        if len(records) >= args.steps or rec["elapsed_s"] - records[0]["elapsed_s"] > args.train_s:
            raise Stop  # before the final save: the 1-2 GB write is not what is measured

    out = work / f"run_{name}"
    shutil.rmtree(out, ignore_errors=True)
    cfg = TrainConfig(model=str(work / "model"), data=[str(work / "rows.jsonl")], output=str(out),
                      max_steps=100_000, packing=True, max_length=args.max_length, batch_size=args.batch_size,
                      lr=1e-4, warmup_ratio=0.0, precision="auto", progress=False, save_minutes=0, **flags)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    try:
        train(cfg, on_step=on_step)
    except Stop:
        pass
    return {"flags": flags, **summarise(records, args.warmup, facts["non_embedding_params"])}


def trl_attention(have: dict) -> str:
    """TRL's padding-free rows need a varlen kernel fed the collator's cu_seq_lens: flash-attn's
    if it imports, else torch's varlen_attn through plug_packed (registered with transformers)."""
    if have.get("flash_attn"):
        return "flash_attention_2"
    from plug_train import attention

    return attention.register()


def run_trl(work: Path, args: argparse.Namespace, facts: dict, have: dict) -> dict:
    """SFTTrainer, padding-free, completion-only loss, Liger when installed, bf16, fused AdamW;
    about as many tokens per step as our packed rows."""
    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    from plug_eval import pivot

    rows = [json.loads(x) for x in (work / "rows.jsonl").read_text().splitlines()]
    tok = AutoTokenizer.from_pretrained(str(work / "model"))
    ds = Dataset.from_list([{"prompt": pivot.format_prompt(r["instruction"], r.get("system")),
                             "completion": r["response"].strip() + tok.eos_token} for r in rows])
    mean_len = sum(len(tok(r["instruction"] + r["response"])["input_ids"]) for r in rows[:200]) / min(200, len(rows))
    per_step = max(1, round(args.batch_size * args.max_length / (mean_len + 40)))
    attn = trl_attention(have)
    model = AutoModelForCausalLM.from_pretrained(str(work / "model"), dtype=torch.float32, attn_implementation=attn)
    marks: list[tuple[float, int, float]] = []
    counted = {"tokens": 0}

    def count(module, a, kw):
        ids = kw.get("input_ids")
        if ids is not None:
            mask = kw.get("attention_mask")
            counted["tokens"] += int(ids.numel()) if mask is None else int(mask.sum())

    model.register_forward_pre_hook(count, with_kwargs=True)
    t0 = time.perf_counter()

    class CB(TrainerCallback):
        def on_step_end(self, a, state, control, **kw):
            marks.append((time.perf_counter(), counted["tokens"], 0.0))
            if len(marks) >= args.steps or time.perf_counter() - marks[0][0] > args.train_s:
                control.should_training_stop = True

        def on_log(self, a, state, control, logs=None, **kw):
            if logs and "loss" in logs and marks:
                marks[-1] = (*marks[-1][:2], float(logs["loss"]))

    cfg = SFTConfig(output_dir=str(work / "run_trl"), max_steps=args.steps, learning_rate=1e-4,
                    per_device_train_batch_size=per_step, gradient_accumulation_steps=1, warmup_steps=0,
                    lr_scheduler_type="linear", max_grad_norm=1.0, logging_steps=1, save_strategy="no",
                    report_to="none", bf16=torch.cuda.is_available(), use_cpu=not torch.cuda.is_available(),
                    padding_free=True, max_length=None, completion_only_loss=True,  # rows < 1k tokens
                    use_liger_kernel=bool(have.get("liger_kernel")) and torch.cuda.is_available(),
                    optim="adamw_torch_fused", dataloader_num_workers=0, disable_tqdm=True, seed=0,
                    gradient_checkpointing=False)  # TRL's default recomputes activations; ours does not
    trainer = SFTTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok, callbacks=[CB()])
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    trainer.train()
    warm = min(args.warmup, len(marks) - 2)
    seconds = marks[-1][0] - marks[warm][0]
    records = [{"tokens": b[1] - a[1], "loss": b[2], "elapsed_s": b[0] - t0}
               for a, b in zip([(t0, 0, 0.0)] + marks[:-1], marks, strict=True)]
    return {"attn_implementation": attn, "use_liger_kernel": cfg.use_liger_kernel, "sequences_per_step": per_step,
            **summarise(records, args.warmup, facts["non_embedding_params"], seconds)}


# --- 6. ZeRO-3 in one process, with resume -------------------------------------------------------
def launch(args: list[str], limit: float) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--config_file",
           str(ROOT / "docs/accelerate/deepspeed_zero3.yaml"), "--num_processes", "1", "-m", "plug_train", "train",
           *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env={**os.environ}, cwd=ROOT)


def losses_of(run: Path) -> list[float]:
    metrics = run / "metrics.jsonl"
    return [json.loads(x)["loss"] for x in metrics.read_text().splitlines()] if metrics.exists() else []


def zero3(work: Path, lora: bool) -> dict:
    """5 (LoRA: 3) steps on a tiny model with a checkpoint, then a resume from it in a fresh output
    folder: the resumed run must log the first run's last losses."""
    name = "zero3_lora" if lora else "zero3"
    tiny = work / name
    build(tiny, SIZES["tiny"], 2048)
    steps, at = (3, 2) if lora else (5, 3)
    extra = ["--lora", "--lora-r", "4", "--lr", "1e-2"] if lora else ["--max-grad-norm", "0.5", "--weight-decay", "0.1"]
    run = tiny / "run"
    t0 = time.perf_counter()
    r = launch(["--model", str(tiny / "model"), "--data", str(tiny / "rows.jsonl"), "--output", str(run),
                "--max-steps", str(steps), "--batch-size", "2", "--lr", "1e-3", "--no-progress", "--save-every",
                str(at), *extra], 35)
    result = {"rc": r.returncode, "seconds": round(time.perf_counter() - t0, 1), "losses": losses_of(run),
              "engaged": "(DEEPSPEED)" in r.stderr, "complete": (run / "plug_train.json").exists(),
              "stderr_tail": r.stderr[-1200:] if r.returncode else ""}
    ckpt = run / f"checkpoint-{at}"
    if r.returncode or not ckpt.is_dir():
        return result
    result["checkpoint_files"] = sorted(p.relative_to(ckpt).as_posix() for p in ckpt.rglob("*")
                                        if p.is_file() and not p.name.startswith(("tokenizer", "special_tokens")))
    resumed = tiny / "resumed"
    resumed.mkdir()
    shutil.copytree(ckpt, resumed / ckpt.name)
    t0 = time.perf_counter()
    r2 = launch(["--output", str(resumed), "--resume", "--no-progress"], 35)
    again = losses_of(resumed)
    result["resume"] = {"rc": r2.returncode, "seconds": round(time.perf_counter() - t0, 1), "losses": again,
                        "equal_to_the_first_run": bool(again) and again == result["losses"][at:],
                        "stderr_tail": r2.stderr[-1200:] if r2.returncode else ""}
    return result


# --- the driver -----------------------------------------------------------------------------------
def one(args: argparse.Namespace) -> None:
    """Child process: run one stage, write work/NAME.json."""
    work = Path(args.work)
    facts = json.loads((work / "facts.json").read_text())
    have = json.loads((work / "probe.json").read_text())
    what = STAGES[args.one][0]
    t0 = time.perf_counter()
    if what == "attention_check":
        result = attention_check(args)
    elif what == "isolation":
        result = isolation(work)
    elif what == "trl":
        result = run_trl(work, args, facts, have)
    elif what in ("zero3", "zero3_lora"):
        result = zero3(work, lora=what == "zero3_lora")
    else:
        result = run_plug(args.one, what, work, args, facts)
    result["wall_s"] = round(time.perf_counter() - t0, 1)
    (work / f"{args.one}.json").write_text(json.dumps(result))


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=os.environ.get("OUT", "bench/trainer/gpu_results/run"))
    p.add_argument("--work", default="/tmp/plug_gpu_run", help="model and runs (GBs): not under --out")
    p.add_argument("--tiny", action="store_true", help="a tiny model on CPU: checks the logic, measures nothing")
    p.add_argument("--vocab", type=int, default=32000, help="rows of the model's embedding and LM head")
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--train-s", type=float, default=20.0, help="training seconds per speed variant at most")
    p.add_argument("--budget-s", type=float, default=420.0, help="start no stage after this many seconds")
    p.add_argument("--warmup", type=int, default=5, help="steps left out of the timing")
    p.add_argument("--max-length", type=int, default=4096)
    p.add_argument("--batch-size", type=int, default=4)
    p.add_argument("--only", default="", help="comma-separated stage names (default: all)")
    p.add_argument("--one", default="", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.tiny:
        args.vocab, args.max_length, args.batch_size = min(args.vocab, 2048), 256, 2
        args.steps, args.train_s = min(args.steps, 8), min(args.train_s, 10.0)
    return args


def main() -> None:
    args = parse()
    if args.one:
        return one(args)
    import torch

    t_start = time.perf_counter()
    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    have = probe()
    (work / "probe.json").write_text(json.dumps(have))
    cuda = torch.cuda.is_available()
    report: dict = {"probe": have, "args": {k: v for k, v in vars(args).items() if k != "one"}, "stages": {}}

    def save() -> None:
        report["total_s"] = round(time.perf_counter() - t_start, 1)
        (out / "gpu_run.json").write_text(json.dumps(report, indent=1))

    facts = build(work, SIZES["tiny" if args.tiny else "full"], args.vocab)
    (work / "facts.json").write_text(json.dumps(facts))
    report["model"] = {**facts, "build_s": round(time.perf_counter() - t_start, 1)}
    save()
    print("probe:", json.dumps(have), "\nmodel:", json.dumps(report["model"]), flush=True)
    for name in [n for n in STAGES if not args.only or n in args.only.split(",")]:
        report["stages"][name] = run_stage(name, args, have, cuda, t_start)
        compare(report)
        save()
        print(f"{name}:", json.dumps({k: v for k, v in report["stages"][name].items() if k != "losses"}), flush=True)
    save()


def run_stage(name: str, args: argparse.Namespace, have: dict, cuda: bool, t_start: float) -> dict:
    _, needs, needs_cuda, limit = STAGES[name]
    missing = [n for n in needs if not have.get(n)]
    left = args.budget_s - (time.perf_counter() - t_start)
    if missing:
        return {"not_run": f"missing on this machine: {', '.join(missing)}"}
    if needs_cuda and not cuda:
        return {"not_run": "needs CUDA"}
    if left < 15:
        return {"not_run": f"time: the {args.budget_s:.0f} s budget is spent"}
    cmd = [sys.executable, __file__, "--one", name, "--work", args.work, "--steps", str(args.steps), "--train-s",
           str(args.train_s), "--warmup", str(args.warmup), "--max-length", str(args.max_length), "--batch-size",
           str(args.batch_size)] + (["--tiny"] if args.tiny else [])
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=min(limit, left))
        res_file = Path(args.work) / f"{name}.json"
        result = json.loads(res_file.read_text()) if r.returncode == 0 and res_file.exists() else \
            {"error": f"rc={r.returncode}", "stderr_tail": r.stderr[-1500:]}
    except subprocess.TimeoutExpired:
        result = {"error": f"timed out after {min(limit, left):.0f} s"}
    result["subprocess_s"] = round(time.perf_counter() - t0, 1)
    return result


def compare(report: dict) -> None:
    """Each speed variant against base (tokens/s, loss at the same step) and the best against TRL."""
    v = report["stages"]
    base = v.get("base", {})
    for name, res in v.items():
        if "tokens_per_s" not in res or name == "base" or "tokens_per_s" not in base:
            continue
        res["speedup_vs_base"] = round(res["tokens_per_s"] / base["tokens_per_s"], 3)
        n = min(len(res["losses"]), len(base["losses"]))
        if n and not name.startswith("trl"):
            a, b = res["losses"][n - 1], base["losses"][n - 1]
            res["loss_rel_diff_vs_base"] = {"step": n, "value": round(abs(a - b) / abs(b), 5)}
    trl = v.get("trl_padfree_liger", {})
    ours = [(res["tokens_per_s"], name) for name, res in v.items()
            if "tokens_per_s" in res and not name.startswith("trl")]
    if ours:
        best = max(ours)
        report["best"] = {"variant": best[1], "tokens_per_s": best[0], "mfu_6n": v[best[1]].get("mfu_6n"),
                          "vs_trl": round(best[0] / trl["tokens_per_s"], 3) if "tokens_per_s" in trl else None,
                          "goal": "MFU >= 0.40 and >= 1.3x TRL padding-free + Liger; loss within 1e-2 of base"}


if __name__ == "__main__":
    main()
