#!/usr/bin/env python3
"""GPU check for plug-train: a ~0.5B random-init Llama trained packed in bf16 by our trainer.

    bash bench/trainer/gpu_check.sh                       # on the GPU machine, from the repo root
    python bench/trainer/gpu_check.py --tiny --out /tmp/gc  # the same logic on CPU, in seconds

Writes OUT/gpu_check.json and prints a summary:
1. packed isolation on this device: per-sequence losses of a packed row vs each sequence alone,
   in fp32 (SDPA per sequence) and in bf16 autocast (flash varlen when torch has it), next to a
   contaminated control (the same row run as one sequence) that shows the check can fail;
2. throughput: ``plug_train.train`` (packing, bf16, fused AdamW) for --seconds, stopped from
   the step callback (so the 2 GB final save is skipped); tokens/s over the steps after warm-up;
3. MFU, counted two ways (H100/H200 bf16 dense peak 989 TFLOP/s):
   - ``mfu_6n``: 6 x N x tokens/s, N = non-embedding parameters (attention + MLP matrices),
     the brief's formula;
   - ``mfu_full``: that, plus the LM head (6 x vocab x hidden, only on the supervised positions,
     which is all we compute) and causal attention (6 x hidden x layers x sum(n^2)/sum(n) per
     token, no recompute counted);
4. an FSDP2 smoke run (accelerate launch, 1 process, tiny model) when a GPU is there, with the
   files of its checkpoint-2 and a resume from it (losses equal to the first run's);
5. a DeepSpeed ZeRO-3 run (docs/accelerate/deepspeed_zero3.yaml, 1 process, torch AdamW so no
   DeepSpeed op is compiled): 5 steps, --max-grad-norm 0.5 and --weight-decay 0.1 (the values the
   config's "auto"s used to lose), a checkpoint at step 3 (its files: no model file, the weights
   are DeepSpeed's) and a resume from it, the final save; then LoRA under ZeRO-3 (checkpoint at
   step 2 without the frozen base, resumed); recorded as not run, with the reason, when
   deepspeed does not import.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from plug_eval.tiny import build_tokenizer  # noqa: E402
from plug_train import TrainConfig, attention, batching, data, dist, train, trainer  # noqa: E402
from plug_train import model as M  # noqa: E402
from plug_train.smoke import plug_rows, write_jsonl  # noqa: E402

PEAK = dist.PEAK_FLOPS  # bf16 dense datasheet peaks, plug_train's table
SIZES = {  # ~0.5B: 20 x 25.2M non-embedding + 2 x 12.6M embedding/head
    "full": dict(hidden_size=1536, intermediate_size=4096, num_hidden_layers=20, num_attention_heads=12,
                 num_key_value_heads=4, vocab=8192, rows=2000, min_words=20, max_words=500),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                 num_key_value_heads=2, vocab=2048, rows=64, min_words=8, max_words=60),
}


class Stop(Exception):
    """Raised from the step callback once the time budget is spent."""


def build(out: Path, size: dict, seed: int = 0) -> tuple[Path, Path, int]:
    """Tokenizer + random-init bf16 Llama in out/model, PLUG rows in out/rows.jsonl."""
    from transformers import LlamaConfig, LlamaForCausalLM

    rows = plug_rows(size["rows"], seed=seed, min_words=size["min_words"], max_words=size["max_words"])
    rows_file = write_jsonl(out / "rows.jsonl", rows)
    tok = build_tokenizer(out / "model", chat_template=None, vocab_size=size["vocab"],
                          texts=[r["instruction"] + "\n" + r["response"] for r in rows[:400]])
    keys = ("hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads")
    config = LlamaConfig(vocab_size=len(tok), max_position_embeddings=8192, tie_word_embeddings=False,
                         bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, **{k: size[k] for k in keys})
    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    with torch.device(device):
        model = LlamaForCausalLM(config).to(torch.bfloat16)
    model.save_pretrained(str(out / "model"))
    non_embedding = sum(p.numel() for n, p in model.named_parameters()
                        if p.ndim == 2 and "embed_tokens" not in n and "lm_head" not in n)
    del model
    return out / "model", rows_file, non_embedding


# --- 1. isolation --------------------------------------------------------------------------
def per_sequence_losses(model, mb, autocast: bool) -> list[float]:
    cu = mb.cu_seqlens.tolist()
    out = []
    for k in range(len(cu) - 1):
        targets = torch.full_like(mb.targets, data.IGNORE)
        targets[cu[k]:cu[k + 1]] = mb.targets[cu[k]:cu[k + 1]]
        one = mb.with_targets(targets)
        with torch.autocast(mb.input_ids.device.type, dtype=torch.bfloat16, enabled=autocast):
            loss = trainer.micro_loss(model, one, True) / int((targets != data.IGNORE).sum())
        out.append(float(loss))
    return out


@torch.no_grad()
def isolation(model_dir: Path, rows_file: Path, device: str) -> dict:
    tok = M.load_tokenizer(str(model_dir))
    examples = data.read_rows(rows_file)[:6]
    encoded, _ = data.encode_all(examples, tok, data.training_template(tok), 4096)
    model = M.load_model(str(model_dir), gradient_checkpointing=False).to(device).eval()
    packed = batching.collate(encoded).to(device)
    one_seq = batching.collate(encoded).to(device)  # the contaminated control: one long "sequence"
    one_seq.cu_seqlens = torch.tensor([0, packed.n_tokens], dtype=torch.int32, device=device)
    one_seq.max_seqlen = packed.n_tokens
    result = {"sequences": len(encoded), "tokens": packed.n_tokens}
    for name, autocast in (("fp32", False), ("bf16", True)):
        if autocast and device == "cpu":
            continue
        alone = [per_sequence_losses(model, batching.collate([e]).to(device), autocast)[0] for e in encoded]
        together = per_sequence_losses(model, packed, autocast)
        mixed = per_sequence_losses(model, one_seq, autocast)
        result[name] = {"max_abs_diff_packed": max(abs(a - b) for a, b in zip(alone, together)),
                        "max_abs_diff_contaminated": max(abs(a - b) for a, b in zip(alone, mixed)),
                        "loss_alone_mean": sum(alone) / len(alone)}
    with torch.enable_grad():  # the kernels must also run backward (the check above is no_grad)
        with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
            loss = trainer.micro_loss(model, packed, True)
        loss.backward()
        result["backward_ok"] = all(p.grad is None or bool(torch.isfinite(p.grad).all()) for p in model.parameters())
    tolerance = {"fp32": 1e-4, "bf16": 2e-2}
    result["ok"] = result["backward_ok"] and all(result[k]["max_abs_diff_packed"] < tolerance[k]
                       and result[k]["max_abs_diff_contaminated"] > 10 * result[k]["max_abs_diff_packed"]
                       for k in tolerance if k in result)
    del model
    return result


# --- 2-3. throughput and MFU ---------------------------------------------------------------
def throughput(model_dir: Path, rows_file: Path, out: Path, args: argparse.Namespace, size: dict,
               non_embedding: int) -> dict:
    records: list[dict] = []

    def on_step(rec: dict) -> None:
        records.append(rec)
        if rec["elapsed_s"] > args.seconds:
            raise Stop

    cfg = TrainConfig(model=str(model_dir), data=[str(rows_file)], output=str(out / "run"), max_steps=100_000,
                      packing=True, max_length=args.max_length, batch_size=args.batch_size, lr=1e-4,
                      warmup_ratio=0.0, precision="auto", gradient_checkpointing=args.checkpointing,
                      progress=False)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    try:
        train(cfg, on_step=on_step)
    except Stop:
        pass
    warm = min(args.warmup, len(records) - 2)
    a, b = records[warm], records[-1]
    tokens = sum(r["tokens"] for r in records[warm + 1:])
    loss_tokens = sum(r["loss_tokens"] for r in records[warm + 1:])
    seconds = b["elapsed_s"] - a["elapsed_s"]
    tok_s, loss_tok_s = tokens / seconds, loss_tokens / seconds
    # attention work per token: sum(n^2)/sum(n) over the training rows
    tok = M.load_tokenizer(str(model_dir))
    enc, _ = data.encode_all(data.read_rows(rows_file), tok, data.training_template(tok), args.max_length)
    n2 = sum(len(e.input_ids) ** 2 for e in enc) / sum(len(e.input_ids) for e in enc)
    h, layers = size["hidden_size"], size["num_hidden_layers"]
    flops_6n = 6 * non_embedding * tok_s
    flops_full = flops_6n + 6 * size["vocab"] * h * loss_tok_s + 6 * h * layers * n2 * tok_s
    name = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    peak = args.peak_tflops * 1e12 if args.peak_tflops else next((v for k, v in PEAK.items() if k in name), None)
    return {"device": name, "steps_timed": len(records) - warm - 1, "seconds_timed": round(seconds, 2),
            "tokens_per_s": round(tok_s), "loss_tokens_per_s": round(loss_tok_s),
            "tokens_per_step": round(tokens / max(1, len(records) - warm - 1)),
            "non_embedding_params": non_embedding, "mean_sq_len_per_token": round(n2, 1),
            "tflops_6n": round(flops_6n / 1e12, 1), "tflops_full": round(flops_full / 1e12, 1),
            "mfu_6n": round(flops_6n / peak, 4) if peak else None,
            "mfu_full": round(flops_full / peak, 4) if peak else None, "peak_flops": peak,
            "final_loss": records[-1]["loss"], "first_loss": records[0]["loss"],
            "peak_mem_gb": round(torch.cuda.max_memory_allocated() / 2**30, 2) if torch.cuda.is_available() else None,
            "interrupted_run_left_marker": (out / "run" / "plug_train.json").exists(),
            "varlen_used": attention.USE_VARLEN and attention._varlen() is not None and torch.cuda.is_available()}


# --- 4-5. FSDP2 and ZeRO-3 smoke runs -------------------------------------------------------
def launch(config: str, args: list[str]) -> subprocess.CompletedProcess:
    """``accelerate launch --num_processes 1`` of plug-train with a shipped config."""
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--config_file", str(ROOT / "docs/accelerate" / config),
           "--num_processes", "1", "-m", "plug_train", "train", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=150, env={**os.environ}, cwd=ROOT)


def losses_of(run: Path) -> list[float]:
    metrics = run / "metrics.jsonl"
    return [json.loads(x)["loss"] for x in metrics.read_text().splitlines()] if metrics.exists() else []


def launch_smoke(out: Path, name: str, config: str, engaged: str, steps: int, extra: list[str],
                 resume_at: int) -> dict:
    """plug-train under ``accelerate launch --num_processes 1`` with a shipped config, tiny model;
    then the files of checkpoint-``resume_at`` (the weights once: no model copy in state/ under
    FSDP, no model file under DeepSpeed, the adapter only for LoRA) and a resume from it, whose
    losses must equal the first run's."""
    tiny_dir, rows_file, _ = build(out / name, SIZES["tiny"])
    run = out / name / "run"
    t0 = time.perf_counter()
    r = launch(config, ["--model", str(tiny_dir), "--data", str(rows_file), "--output", str(run),
                        "--max-steps", str(steps), "--batch-size", "2", "--lr", "1e-3", "--no-progress", *extra])
    records = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines()] \
        if (run / "metrics.jsonl").exists() else []
    result = {"rc": r.returncode, "seconds": round(time.perf_counter() - t0, 1),
              "losses": [m["loss"] for m in records], "grad_norms": [m.get("grad_norm") for m in records],
              "engaged": f"({engaged})" in r.stderr, "complete": (run / "plug_train.json").exists(),
              "checkpoints": sorted(p.name for p in run.glob("checkpoint-*")),
              "stderr_tail": r.stderr[-1500:] if r.returncode else ""}
    ckpt = run / f"checkpoint-{resume_at}"
    if r.returncode or not ckpt.is_dir():
        return result
    result["checkpoint_files"] = {p.relative_to(ckpt).as_posix(): p.stat().st_size for p in sorted(ckpt.rglob("*"))
                                  if p.is_file() and not p.name.startswith(("tokenizer", "special_tokens"))}
    resumed = out / name / "resumed"
    shutil.rmtree(resumed, ignore_errors=True)
    resumed.mkdir(parents=True)
    shutil.copytree(ckpt, resumed / ckpt.name)
    t0 = time.perf_counter()
    r2 = launch(config, ["--output", str(resumed), "--resume", "--no-progress"])
    again = losses_of(resumed)
    result["resume"] = {"rc": r2.returncode, "seconds": round(time.perf_counter() - t0, 1), "losses": again,
                        "equal_to_the_first_run": again == result["losses"][resume_at:],
                        "stderr_tail": r2.stderr[-1500:] if r2.returncode else ""}
    return result


def fsdp_smoke(out: Path) -> dict:
    return launch_smoke(out, "fsdp", "fsdp.yaml", "FSDP", 4, ["--save-every", "2"], resume_at=2)


def zero3_smoke(out: Path) -> dict:
    try:
        import deepspeed  # noqa: F401
    except Exception as e:  # noqa: BLE001 - any import failure means: not run
        return {"not_run": f"deepspeed does not import here ({type(e).__name__}: {e})"[:300]}
    full = launch_smoke(out, "zero3", "deepspeed_zero3.yaml", "DEEPSPEED", 5,
                        ["--save-every", "3", "--max-grad-norm", "0.5", "--weight-decay", "0.1"], resume_at=3)
    lora = launch_smoke(out, "zero3_lora", "deepspeed_zero3.yaml", "DEEPSPEED", 3,
                        ["--save-every", "2", "--lora", "--lora-r", "4", "--lr", "1e-2"], resume_at=2)
    return {**full, "lora": lora}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=os.environ.get("OUT", "bench/trainer/out/gpu_check"))
    p.add_argument("--tiny", action="store_true", help="a 0.1M-parameter model: checks the logic on CPU")
    p.add_argument("--seconds", type=float, default=40.0, help="training time to measure")
    p.add_argument("--warmup", type=int, default=5, help="steps left out of the timing")
    p.add_argument("--max-length", type=int, default=4096)
    p.add_argument("--batch-size", type=int, default=4, help="packed rows per micro-batch")
    p.add_argument("--checkpointing", action="store_true")
    p.add_argument("--peak-tflops", type=float, default=0.0, help="override the bf16 dense peak")
    p.add_argument("--skip-fsdp", action="store_true", help="skip the FSDP2 and ZeRO-3 smoke runs")
    p.add_argument("--work", default="/tmp/plug_gpu_check", help="model and runs (GBs): not under --out")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    size = SIZES["tiny" if args.tiny else "full"]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    import accelerate, peft, transformers  # noqa: E401

    report: dict = {"versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                                 "peft": peft.__version__, "accelerate": accelerate.__version__},
                    "size": size, "args": vars(args)}
    t0 = time.perf_counter()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)  # a rerun starts clean
    work.mkdir(parents=True)
    model_dir, rows_file, non_embedding = build(work, size)
    report["build_s"] = round(time.perf_counter() - t0, 1)
    try:
        report["isolation"] = isolation(model_dir, rows_file, device)
    except Exception as e:  # a varlen kernel that does not run here: report, retry with the SDPA loop
        report["isolation_varlen_error"] = f"{type(e).__name__}: {e}"[:500]
        attention.USE_VARLEN = False
        report["isolation"] = isolation(model_dir, rows_file, device)
    save(out, report, "isolation")
    report["throughput"] = stage(lambda: throughput(model_dir, rows_file, work, args, size, non_embedding))
    save(out, report, "throughput")
    if device == "cuda" and not args.skip_fsdp:
        report["fsdp_smoke"] = stage(lambda: fsdp_smoke(work))
        save(out, report, "fsdp_smoke")
        report["zero3_smoke"] = stage(lambda: zero3_smoke(work))
        save(out, report, "zero3_smoke")
    report["total_s"] = round(time.perf_counter() - t0, 1)
    save(out, report, "total_s")


def stage(run):
    """A stage's result, or its error: one failing stage still leaves the others' results."""
    try:
        return run()
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        import traceback

        return {"error": f"{type(e).__name__}: {e}"[:1000], "traceback": traceback.format_exc()[-3000:]}


def save(out: Path, report: dict, key: str) -> None:
    """Print the stage and rewrite OUT/gpu_check.json, so a timeout keeps what was measured."""
    print(f"{key}:", json.dumps(report[key]), flush=True)
    (out / "gpu_check.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
