#!/usr/bin/env python3
"""Where a training step's CPU time goes: plug-train against TRL SFTTrainer, same model and rows.

    cd bench/trainer && ../../.venv/bin/python profile_step.py --hidden 384 --layers 8 --heads 6 --threads 1

Both trainers run padding-free (8 sequences per step flattened into one row: plug-train's default
and TRL's ``padding_free=True``), or with --packed both packed (one 1,024-token row per step:
``--packing`` and TRL's ``packing=True``, best-fit decreasing), on the random-init Llama of
bench.py (20.5M parameters at the sizes above) and data/plug_train.jsonl.  torch.profiler records
steps --wait+1 .. --wait+--active; every operator's self CPU time is put in one category:

- attention: scaled-dot-product attention forward and backward (and TRL's mask building);
- LM head: the matrix products with the vocabulary (8,192 columns) and the cross-entropy;
- other matmuls: every other matrix product (q/k/v/o and the MLP, forward and backward; in-place
  ``addmm_`` too);
- optimizer: the fused AdamW step and gradient clipping's norms;
- elementwise and the rest: RMSNorm, RoPE, SiLU, copies, the autograd engine's own ops.

Prints, per trainer, CPU milliseconds per 1,000 real tokens in each category and its share, then
TRL's time per token over ours, per category.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch  # noqa: E402
from torch.profiler import ProfilerActivity, profile, schedule  # noqa: E402

CATEGORIES = ("attention", "LM head", "other matmuls", "optimizer", "elementwise and the rest")


def category(name: str, shapes: str, vocab: int) -> str:
    if "attention" in name or "sdpa" in name or "_efficient_attention" in name or "flash_attention" in name:
        return "attention"
    if "nll_loss" in name or "log_softmax" in name or "cross_entropy" in name:
        return "LM head"
    if name.rstrip("_") in ("aten::mm", "aten::addmm", "aten::bmm", "aten::baddbmm", "aten::matmul", "aten::linear"):
        return "LM head" if str(vocab) in shapes else "other matmuls"
    if "adam" in name or "foreach_norm" in name or "linalg_vector_norm" in name:
        return "optimizer"
    return "elementwise and the rest"


def leaf_ops(prof: profile, vocab: int, steps: int) -> dict[str, float]:
    """Self CPU seconds per step in each category (self time: nothing is counted twice), and under
    "top of the rest" the five operators that take most of the last category."""
    out: dict[str, float] = defaultdict(float)
    rest: dict[str, float] = defaultdict(float)
    for ev in prof.key_averages(group_by_input_shape=True):
        where = category(ev.key, str(ev.input_shapes), vocab)
        out[where] += ev.self_cpu_time_total / 1e6 / steps
        if where == CATEGORIES[-1]:
            rest[ev.key] += ev.self_cpu_time_total / 1e6 / steps
    out["top of the rest"] = sorted(rest.items(), key=lambda kv: -kv[1])[:5]  # type: ignore[assignment]
    return out


def build(a: argparse.Namespace, tok) -> str:
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=a.hidden, intermediate_size=int(a.hidden * 2.6875),
                      num_hidden_layers=a.layers, num_attention_heads=a.heads, num_key_value_heads=a.heads,
                      max_position_embeddings=2048, tie_word_embeddings=False, bos_token_id=tok.bos_token_id,
                      eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    work = tempfile.mkdtemp(prefix="plug-profile-")
    LlamaForCausalLM(cfg).save_pretrained(work + "/model")
    tok.save_pretrained(work + "/model")
    return work


def window(a: argparse.Namespace, marks: list[float], tokens: list[int]) -> tuple[float, float]:
    """CPU seconds and real tokens per step over the profiled steps (wait+1 .. wait+active)."""
    return ((marks[a.wait + a.active] - marks[a.wait]) / a.active,
            sum(tokens[a.wait + 1:a.wait + a.active + 1]) / a.active)


def profile_ours(a: argparse.Namespace, work: str) -> tuple[dict[str, float], float, float]:
    from plug_train import TrainConfig, train

    steps = a.wait + 1 + a.active
    cfg = TrainConfig(model=work + "/model", data=[a.data], output=work + "/ours", max_steps=steps + 1, lr=3e-4,
                      warmup_ratio=0.0, max_grad_norm=1.0, batch_size=1 if a.packed else 8, packing=a.packed,
                      precision="fp32", progress=False, max_length=1024, save_minutes=0)
    marks: list[float] = []
    tokens: list[int] = []
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True,
                 schedule=schedule(wait=a.wait, warmup=1, active=a.active)) as prof:
        train(cfg, on_step=lambda rec: (marks.append(time.process_time()), tokens.append(rec["tokens"]), prof.step()))
    return (leaf_ops(prof, a.vocab, a.active), *window(a, marks, tokens))


def profile_trl(a: argparse.Namespace, work: str, tok) -> tuple[dict[str, float], float, float]:
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    rows = [json.loads(x) for x in open(a.data, encoding="utf-8")]
    prompt = lambda r: f"<|system|>\n{r['system'].strip()}\n<|user|>\n{r['instruction'].strip()}\n<|assistant|>\n"  # noqa: E731
    ds = Dataset.from_list([{"prompt": prompt(r), "completion": r["response"].strip()} for r in rows])
    model = AutoModelForCausalLM.from_pretrained(work + "/model", attn_implementation="sdpa")
    steps = a.wait + 1 + a.active
    marks: list[float] = []
    tokens: list[int] = []
    fed = [0]
    model.register_forward_pre_hook(lambda m, args, kw: fed.__setitem__(0, fed[0] + kw["input_ids"].numel()),
                                    with_kwargs=True)  # padding-free: every position is a real token
    prof = profile(activities=[ProfilerActivity.CPU], record_shapes=True,
                   schedule=schedule(wait=a.wait, warmup=1, active=a.active))

    class Step(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            marks.append(time.process_time())
            tokens.append(fed[0] - sum(tokens))
            prof.step()

    shape = dict(packing=True, packing_strategy="bfd", max_length=1024, per_device_train_batch_size=1) if a.packed \
        else dict(padding_free=True, max_length=None, per_device_train_batch_size=8)
    cfg = SFTConfig(output_dir=work + "/trl", max_steps=steps + 1, learning_rate=3e-4, **shape,
                    lr_scheduler_type="linear", warmup_steps=0, max_grad_norm=1.0, save_strategy="no",
                    report_to="none", use_cpu=True, bf16=False, fp16=False,  # fp32, as plug-train's run
                    gradient_checkpointing=False, weight_decay=0.0,  # TRL's SFTConfig recomputes by default
                    completion_only_loss=True,
                    disable_tqdm=True, seed=0, dataloader_num_workers=0, logging_steps=1000)
    trainer = SFTTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok, callbacks=[Step()])
    with prof:
        trainer.train()
    return (leaf_ops(prof, a.vocab, a.active), *window(a, marks, tokens))


def main() -> None:
    from transformers import AutoTokenizer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="data/plug_train.jsonl")
    ap.add_argument("--tok", default="data/tokenizer")
    ap.add_argument("--hidden", type=int, default=384)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--heads", type=int, default=6)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--wait", type=int, default=2)
    ap.add_argument("--active", type=int, default=4)
    ap.add_argument("--packed", action="store_true", help="both packed into 1,024-token rows, one per step")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    tok = AutoTokenizer.from_pretrained(a.tok)
    a.vocab = len(tok)
    work = build(a, tok)
    try:
        results = {"plug_train": profile_ours(a, work), "trl": profile_trl(a, work, tok)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, (cats, cpu_step, tok_step) in results.items():
        print(f"\n{name}: {cpu_step:.2f} CPU s per step measured, {tok_step:.0f} tokens per step, "
              f"{1e6 * cpu_step / tok_step:.0f} CPU ms per 1k tokens; profiled operators:")
        total = sum(cats[c] for c in CATEGORIES)
        for c in CATEGORIES:
            print(f"  {c:26s} {1e6 * cats[c] / tok_step:6.0f} ms per 1k tokens  {100 * cats[c] / total:5.1f} %")
        print("  of the rest: " + ", ".join(f"{k} {1e6 * v / tok_step:.0f}" for k, v in cats["top of the rest"]))
    (ours, _, ours_tok), (trl, _, trl_tok) = results["plug_train"], results["trl"]
    print("\nTRL / plug-train, CPU time per token, by category:")
    for c in CATEGORIES:
        print(f"  {c:26s} {(trl[c] / trl_tok) / (ours[c] / ours_tok) if ours[c] else float('nan'):5.2f}x")
    print("RESULT " + json.dumps({n: {"cpu_s_per_step": round(r[1], 3), "tokens_per_step": round(r[2]),
                                      **{c: round(r[0][c], 3) for c in CATEGORIES}} for n, r in results.items()}))


if __name__ == "__main__":
    main()
