#!/usr/bin/env python3
"""plug-train's speed flags measured in one go, next to TRL SFTTrainer, on one GPU.

    bash bench/trainer/gpu_speed.sh                          # on the GPU machine, repository root
    python bench/trainer/gpu_speed.py --tiny --out /tmp/gs   # the same logic on CPU (no numbers)

0. attention_check: our packed attention on this device (varlen window on CUDA) against eager
   attention for tiny Llama, Mistral (window) and Gemma2 (soft-cap + window), with a control;
1. probe: which of trl, datasets, liger-kernel, flash-attn import here (versions, or missing);
2. build once: a ~0.5B random-init Llama (bf16 on disk; --vocab rows in its head, 32k by default so
   the LM head weighs what it does in real models) and 2,000 PLUG rows of 20-500 words;
3. every variant in its own subprocess (--one NAME) with a hard timeout (--variant-s, 45 s): the
   same rows, seed and order, packed 4 x 4,096-token rows per step, bf16 autocast, up to --steps
   optimizer steps or --train-s seconds of training, whichever comes first; tokens/s over the steps
   after --warmup, MFU by 6N (N = non-embedding parameters, datasheet bf16 dense peak), peak memory,
   and the loss at the last step (compared with the base variant's at the same step);
4. OUT/gpu_speed.json rewritten after each variant, so a timeout keeps what was measured.
A variant whose package is missing, or that needs CUDA on a CPU machine, is recorded as not run,
with the reason.  Goal (issue 15): MFU >= 40 % and >= 1.3x TRL's tokens/s, loss within 1e-2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PEAK = {"H100": 989e12, "H200": 989e12, "A100": 312e12}
SIZES = {
    "full": dict(hidden_size=1536, intermediate_size=4096, num_hidden_layers=20, num_attention_heads=12,
                 num_key_value_heads=4, tok_vocab=8192, rows=2000, min_words=20, max_words=500),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                 num_key_value_heads=2, tok_vocab=2048, rows=64, min_words=8, max_words=60),
}
# name -> (plug-train flags, packages it needs, needs CUDA)
VARIANTS = {
    "attention_check": ("check", (), False),
    "base": ({}, (), False),
    "all_liger": ({"kernels": "liger", "fused_ce": "liger", "bf16_weights": True, "overlap": True},
                  ("liger_kernel",), True),
    "trl_padfree_liger": (None, ("trl", "datasets"), False),
    "fused_ce_chunked": ({"fused_ce": "chunked"}, (), False),
    "fused_ce_liger": ({"fused_ce": "liger"}, ("liger_kernel",), True),
    "kernels_liger": ({"kernels": "liger"}, ("liger_kernel",), True),
    "bf16_weights": ({"bf16_weights": True}, (), False),
    "overlap": ({"overlap": True}, (), False),
    "kernels_compile": ({"kernels": "compile"}, (), False),
    "all_compile": ({"kernels": "compile", "fused_ce": "chunked", "bf16_weights": True, "overlap": True},
                    (), False),
}
PROBE = ("trl", "datasets", "liger_kernel", "flash_attn", "transformers", "peft", "accelerate", "triton")


def probe() -> dict:
    found = {}
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
    """Tokenizer + random-init Llama in work/model, rows in work/rows.jsonl; returns facts."""
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


class Stop(Exception):
    pass


def summarise(records: list[dict], warmup: int, non_embedding: int, seconds: float | None = None) -> dict:
    import torch

    if len(records) < 3:
        return {"steps": len(records), "error": "fewer than 3 steps in the time given (compilation?)",
                "losses": [round(r["loss"], 5) for r in records]}
    warm = min(warmup, len(records) - 2)
    timed = records[warm + 1:]
    if seconds is None:
        seconds = records[-1]["elapsed_s"] - records[warm]["elapsed_s"]
    tok_s = sum(r["tokens"] for r in timed) / seconds
    name = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    peak = next((v for k, v in PEAK.items() if k in name), None)
    return {"steps": len(records), "steps_timed": len(timed), "seconds_timed": round(seconds, 2),
            "tokens_per_s": round(tok_s), "mfu_6n": round(6 * non_embedding * tok_s / peak, 4) if peak else None,
            "losses": [round(r["loss"], 5) for r in records],
            "peak_mem_gb": round(torch.cuda.max_memory_allocated() / 2**30, 2) if torch.cuda.is_available() else None}


def run_plug(name: str, flags: dict, work: Path, args: argparse.Namespace, facts: dict) -> dict:
    import shutil

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
                      lr=1e-4, warmup_ratio=0.0, precision="auto", progress=False, **flags)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    try:
        train(cfg, on_step=on_step)
    except Stop:
        pass
    return {"flags": flags, **summarise(records, args.warmup, facts["non_embedding_params"])}


def run_trl(work: Path, args: argparse.Namespace, facts: dict, have: dict) -> dict:
    """SFTTrainer, padding-free (flattened rows + position ids), completion-only loss, Liger when
    installed, bf16, fused AdamW; about as many tokens per step as our packed rows."""
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
    attn = "flash_attention_2" if have.get("flash_attn") else "sdpa"
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
            if logs and "loss" in logs:
                marks[-1] = (*marks[-1][:2], float(logs["loss"]))

    cfg = SFTConfig(output_dir=str(work / "run_trl"), max_steps=args.steps, learning_rate=1e-4,
                    per_device_train_batch_size=per_step, gradient_accumulation_steps=1, warmup_steps=0,
                    lr_scheduler_type="linear", max_grad_norm=1.0, logging_steps=1, save_strategy="no",
                    report_to="none", bf16=torch.cuda.is_available(), use_cpu=not torch.cuda.is_available(),
                    padding_free=True, max_length=None, completion_only_loss=True,  # rows < 1k tokens
                    use_liger_kernel=bool(have.get("liger_kernel")) and torch.cuda.is_available(),
                    optim="adamw_torch_fused", dataloader_num_workers=0, disable_tqdm=True, seed=0)
    trainer = SFTTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok, callbacks=[CB()])
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    trainer.train()
    warm = min(args.warmup, len(marks) - 2)
    seconds = marks[-1][0] - marks[warm][0]
    records = [{"tokens": b[1] - a[1], "loss": b[2], "elapsed_s": b[0] - t0}
               for a, b in zip([(t0, 0, 0.0)] + marks[:-1], marks)]
    return {"attn_implementation": attn, "use_liger_kernel": cfg.use_liger_kernel, "sequences_per_step": per_step,
            **summarise(records, args.warmup, facts["non_embedding_params"], seconds)}


def attention_check(args: argparse.Namespace) -> dict:
    """Our packed attention on this device against eager attention per sequence, for tiny Llama,
    Mistral (sliding window: the varlen kernel's window_size on CUDA) and Gemma2 (soft-cap +
    window: the eager formula), in fp32 and under bf16 autocast; with the window dropped as a
    control that shows the check can fail."""
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


def one(args: argparse.Namespace) -> None:
    """Child process: run one variant, write work/NAME.json."""
    work = Path(args.work)
    facts = json.loads((work / "facts.json").read_text())
    have = json.loads((work / "probe.json").read_text())
    flags = VARIANTS[args.one][0]
    t0 = time.perf_counter()
    if flags == "check":
        result = attention_check(args)
    elif flags is None:
        result = run_trl(work, args, facts, have)
    else:
        result = run_plug(args.one, flags, work, args, facts)
    result["wall_s"] = round(time.perf_counter() - t0, 1)
    (work / f"{args.one}.json").write_text(json.dumps(result))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=os.environ.get("OUT", "bench/trainer/gpu_results/speed"))
    p.add_argument("--work", default="/tmp/plug_gpu_speed", help="model and runs (GBs): not under --out")
    p.add_argument("--tiny", action="store_true", help="a tiny model on CPU: checks the logic, measures nothing")
    p.add_argument("--vocab", type=int, default=32000, help="rows of the model's embedding and LM head")
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--train-s", type=float, default=28.0, help="training seconds per variant at most")
    p.add_argument("--variant-s", type=float, default=45.0, help="hard wall limit per variant (subprocess)")
    p.add_argument("--budget-s", type=float, default=390.0, help="start no variant after this many seconds")
    p.add_argument("--warmup", type=int, default=5, help="steps left out of the timing")
    p.add_argument("--max-length", type=int, default=4096)
    p.add_argument("--batch-size", type=int, default=4)
    p.add_argument("--only", default="", help="comma-separated variant names (default: all)")
    p.add_argument("--one", default="", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.tiny:
        args.vocab, args.max_length, args.batch_size = min(args.vocab, 2048), 256, 2
        args.steps = min(args.steps, 8)
    if args.one:
        return one(args)

    import shutil

    t_start = time.perf_counter()
    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    have = probe()
    (work / "probe.json").write_text(json.dumps(have))
    import torch

    cuda = torch.cuda.is_available()
    report: dict = {"probe": have, "missing": [k for k in ("trl", "datasets", "liger_kernel", "flash_attn")
                                               if not have.get(k)],
                    "args": {k: v for k, v in vars(args).items() if k != "one"}, "variants": {}}

    def save() -> None:
        report["total_s"] = round(time.perf_counter() - t_start, 1)
        (out / "gpu_speed.json").write_text(json.dumps(report, indent=1))

    facts = build(work, SIZES["tiny" if args.tiny else "full"], args.vocab)
    (work / "facts.json").write_text(json.dumps(facts))
    report["model"] = {**facts, "build_s": round(time.perf_counter() - t_start, 1)}
    save()
    print("probe:", json.dumps(have), "\nmodel:", json.dumps(report["model"]), flush=True)
    names = [n for n in VARIANTS if not args.only or n in args.only.split(",")]
    for name in names:
        flags, needs, needs_cuda = VARIANTS[name]
        missing = [n for n in needs if not have.get(n)]
        if missing:
            report["variants"][name] = {"not_run": f"missing on this machine: {', '.join(missing)}"}
        elif needs_cuda and not cuda:
            report["variants"][name] = {"not_run": "needs CUDA"}
        elif time.perf_counter() - t_start > args.budget_s:
            report["variants"][name] = {"not_run": f"time: {args.budget_s:.0f} s budget spent"}
        else:
            cmd = [sys.executable, __file__, "--one", name, "--work", str(work), "--steps", str(args.steps),
                   "--train-s", str(args.train_s), "--warmup", str(args.warmup), "--max-length",
                   str(args.max_length), "--batch-size", str(args.batch_size)] + (["--tiny"] if args.tiny else [])
            t0 = time.perf_counter()
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=args.variant_s)
                res_file = work / f"{name}.json"
                if r.returncode == 0 and res_file.exists():
                    report["variants"][name] = json.loads(res_file.read_text())
                else:
                    report["variants"][name] = {"error": f"rc={r.returncode}", "stderr_tail": r.stderr[-1500:]}
            except subprocess.TimeoutExpired:
                report["variants"][name] = {"error": f"timed out after {args.variant_s:.0f} s"}
            report["variants"][name]["subprocess_s"] = round(time.perf_counter() - t0, 1)
        compare(report)
        save()
        print(f"{name}:", json.dumps({k: v for k, v in report["variants"][name].items() if k != "losses"}),
              flush=True)
    save()


def compare(report: dict) -> None:
    """Each variant against base (speed, loss at the same step) and the best against TRL."""
    v = report["variants"]
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
