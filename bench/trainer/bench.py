#!/usr/bin/env python3
"""CPU throughput benchmark: TRL SFTTrainer vs a plain PyTorch loop on PLUG-format data.

Modes
  trl_nopack    SFTTrainer, prompt/completion dataset, completion-only loss, dynamic padding (bs=--bs)
  trl_pack      SFTTrainer, packing=True, packing_strategy="bfd" (TRL turns padding-free on), rows of --pack-len
  trl_padfree   SFTTrainer, padding_free=True without packing (batch flattened to one row + position_ids)
  plain_pad     hand-written loop, PLUG train.py tokenization/masking, right padding to longest (multiple of 8)
  plain_padfree hand-written loop, batch flattened to one row + position_ids (block-diagonal causal mask)
  plug_train    our trainer (plug_train.train), same model/data/optimizer settings, bs=--bs sequences
  plug_train_pad   our trainer with --attention model: padded batches of --bs sequences (TRL nopack's like)
  plug_train_pack  our trainer with --packing: rows of --pack-len, --pack-bs rows per step
Prints one JSON line prefixed with RESULT.
Tokens: "real" = non-pad input tokens fed to the model; "loss" = labels != -100; "positions" = all positions
(incl. padding). Throughput is measured over optimizer steps (warmup+1 .. steps), excluding setup.
"""
import argparse, json, math, os, random, resource, sys, time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
import torch

ap = argparse.ArgumentParser()
ap.add_argument("--mode", required=True, choices=["trl_nopack", "trl_pack", "trl_padfree", "plain_pad", "plain_padfree",
                                                 "plug_train", "plug_train_pad", "plug_train_pack"])
ap.add_argument("--data", default="data/plug_train.jsonl")
ap.add_argument("--tok", default="data/tokenizer")
ap.add_argument("--steps", type=int, default=40)
ap.add_argument("--warmup", type=int, default=3)
ap.add_argument("--bs", type=int, default=8)
ap.add_argument("--pack-len", type=int, default=1024)
ap.add_argument("--pack-bs", type=int, default=2)
ap.add_argument("--max-len", type=int, default=1024)
ap.add_argument("--lr", type=float, default=3e-4)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--hidden", type=int, default=256)
ap.add_argument("--layers", type=int, default=4)
ap.add_argument("--heads", type=int, default=4)
ap.add_argument("--tag", default="")
ap.add_argument("--threads", type=int, default=0, help="torch threads (0 = torch default)")
a = ap.parse_args()

T0 = time.perf_counter()
if a.threads:
    torch.set_num_threads(a.threads)
LOAD0 = os.getloadavg()[0]
from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

tok = AutoTokenizer.from_pretrained(a.tok)
rows = [json.loads(l) for l in open(a.data, encoding="utf-8")]


def make_model():
    torch.manual_seed(a.seed)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=a.hidden, intermediate_size=int(a.hidden * 2.6875),
                      num_hidden_layers=a.layers, num_attention_heads=a.heads, num_key_value_heads=a.heads,
                      max_position_embeddings=2048, tie_word_embeddings=False, bos_token_id=tok.bos_token_id,
                      eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, use_cache=False)
    cfg._attn_implementation = "sdpa"
    return LlamaForCausalLM(cfg)


model = make_model()
n_params = sum(p.numel() for p in model.parameters())
PAD = tok.pad_token_id
cnt = dict(real=0, loss=0, positions=0, forwards=0)


def hook(mod, args, kwargs):
    ids = kwargs.get("input_ids")
    am = kwargs.get("attention_mask")
    lab = kwargs.get("labels")
    cnt["positions"] += ids.numel()
    cnt["real"] += int(am.sum()) if am is not None else int((ids != PAD).sum())
    if lab is not None:
        cnt["loss"] += int((lab[..., 1:] != -100).sum())
    cnt["forwards"] += 1


model.register_forward_pre_hook(hook, with_kwargs=True)
marks = []  # (time, real, loss, positions) after each optimizer step


def mark():  # wall clock, tokens so far, and this process's CPU seconds (all its threads)
    marks.append((time.perf_counter(), cnt["real"], cnt["loss"], cnt["positions"], time.process_time()))


def prompt_of(r):  # PLUG src/model/train.py:316-327 / inference.py:26-46
    return "<|system|>\n" + r["system"].strip() + "\n" + "<|user|>\n" + r["instruction"].strip() + "\n" + "<|assistant|>\n"


final_loss = None
opt_name = None
if a.mode.startswith("trl"):
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl import SFTConfig, SFTTrainer

    ds = Dataset.from_list([{"prompt": prompt_of(r), "completion": r["response"].strip()} for r in rows])

    class CB(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            mark()

        def on_log(self, args, state, control, logs=None, **kw):
            global final_loss
            if logs and "loss" in logs:
                final_loss = logs["loss"]

    kw = dict(output_dir=f"/tmp/plug-bench/out/{a.mode}", max_steps=a.steps, learning_rate=a.lr,
              per_device_train_batch_size=a.bs, gradient_accumulation_steps=1, lr_scheduler_type="linear",
              warmup_steps=0, weight_decay=0.0, max_grad_norm=1.0, logging_steps=10, save_strategy="no",
              report_to="none", use_cpu=True, bf16=False, fp16=False, gradient_checkpointing=False,
              seed=a.seed, data_seed=a.seed, dataloader_num_workers=0, disable_tqdm=True,
              completion_only_loss=True, max_length=a.max_len)
    if a.mode == "trl_pack":
        kw.update(packing=True, packing_strategy="bfd", max_length=a.pack_len, per_device_train_batch_size=a.pack_bs)
    elif a.mode == "trl_padfree":
        kw.update(padding_free=True, max_length=None)  # data is <= 600 tokens, so nothing to truncate
    cfg = SFTConfig(**kw)
    trainer = SFTTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok, callbacks=[CB()])
    setup_s = time.perf_counter() - T0
    trainer.create_optimizer()
    opt_name = type(trainer.optimizer).__name__ + str({k: v for k, v in trainer.optimizer.defaults.items() if k in ("fused", "foreach")})
    mark()  # t0 = start of training
    trainer.train()
elif a.mode.startswith("plug_train"):
    # Our trainer end to end: the same random-init weights (saved and reloaded), the same rows, AdamW
    # (fused), linear decay without warm-up, clip 1.0, fp32.  Tokens are counted from its per-step
    # records: "tokens" = real input tokens (a padding-free row has no pad), "loss_tokens" = labels.
    import shutil, tempfile
    from plug_train import TrainConfig, train

    work = tempfile.mkdtemp(prefix="plug-bench-")
    model.save_pretrained(work + "/model")
    tok.save_pretrained(work + "/model")
    del model
    pack, padded = a.mode == "plug_train_pack", a.mode == "plug_train_pad"
    cfg = TrainConfig(model=work + "/model", data=[a.data], output=work + "/out", max_steps=a.steps, lr=a.lr,
                      warmup_ratio=0.0, schedule="linear", weight_decay=0.0, max_grad_norm=1.0, seed=a.seed,
                      batch_size=a.pack_bs if pack else a.bs, packing=pack,
                      max_length=a.pack_len if pack else a.max_len, precision="fp32", progress=False,
                      attention="model" if padded else "packed")
    positions = [0]  # padded mode: the positions of each batch, pads included, as the trainer builds them
    if padded:
        from plug_train import batching

        make_batch = batching.make_batch

        def counting_make_batch(seqs, pad):
            mb = make_batch(seqs, pad)
            positions[0] += mb.input_ids.numel()
            return mb

        batching.make_batch = counting_make_batch
    loop_start = []

    def on_step(rec):
        global final_loss
        if not marks:  # the loop began rec["elapsed_s"] ago: that is t0
            loop_start.append(time.perf_counter() - rec["elapsed_s"])
            marks.append((loop_start[0], 0, 0, 0, time.process_time()))
        cnt["real"] += rec["tokens"]; cnt["loss"] += rec["loss_tokens"]
        cnt["positions"] = positions[0] if padded else cnt["positions"] + rec["tokens"]
        final_loss = rec["loss"]
        mark()

    opt_name = "AdamW{'fused': True}"
    train(cfg, on_step=on_step)
    setup_s = loop_start[0] - T0
    shutil.rmtree(work, ignore_errors=True)
else:
    # PLUG-style tokenization: full text then mask the length of the tokenized prefix (train.py:334-367)
    enc = []
    for r in rows:
        full = prompt_of(r) + r["response"].strip() + tok.eos_token
        ids = tok(full, max_length=a.max_len, truncation=True)["input_ids"]
        p = len(tok(prompt_of(r), max_length=a.max_len, truncation=True)["input_ids"])
        lab = list(ids)
        lab[:p] = [-100] * p
        if any(x != -100 for x in lab):
            enc.append((ids, lab))
    g = torch.Generator().manual_seed(a.seed)
    order = []
    while len(order) < a.steps * a.bs:
        order += torch.randperm(len(enc), generator=g).tolist()

    def batch(i):
        ex = [enc[j] for j in order[i * a.bs:(i + 1) * a.bs]]
        if a.mode == "plain_pad":
            L = max(len(e[0]) for e in ex)
            L = (L + 7) // 8 * 8
            ids = torch.full((len(ex), L), PAD)
            lab = torch.full((len(ex), L), -100)
            am = torch.zeros((len(ex), L), dtype=torch.long)
            for k, (x, y) in enumerate(ex):
                ids[k, :len(x)] = torch.tensor(x); lab[k, :len(y)] = torch.tensor(y); am[k, :len(x)] = 1
            return dict(input_ids=ids, labels=lab, attention_mask=am)
        ids = torch.tensor([t for e in ex for t in e[0]])[None]
        lab = torch.cat([torch.tensor([-100] + e[1][1:]) for e in ex])[None]  # never predict across a boundary
        pos = torch.cat([torch.arange(len(e[0])) for e in ex])[None]
        return dict(input_ids=ids, labels=lab, position_ids=pos)

    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.0, fused=True)
    opt_name = type(opt).__name__ + str({k: v for k, v in opt.defaults.items() if k in ("fused", "foreach")})
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / a.steps))
    setup_s = time.perf_counter() - T0
    model.train()
    mark()
    for i in range(a.steps):
        b = batch(i)
        out = model(**b)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step(); sched.step(); opt.zero_grad(set_to_none=True)
        final_loss = float(out.loss.detach())
        mark()

W = a.warmup
t0, r0, l0, p0, c0 = marks[W]
t1, r1, l1, p1, c1 = marks[-1]
dt = t1 - t0
res = dict(mode=a.mode, tag=a.tag, steps=len(marks) - 1, timed_steps=len(marks) - 1 - W, timed_s=round(dt, 3),
           real_tok_per_s=round((r1 - r0) / dt, 1), loss_tok_per_s=round((l1 - l0) / dt, 1),
           # CPU seconds of the timed steps: what a shared machine's load does not inflate as it does the wall clock
           timed_cpu_s=round(c1 - c0, 3), real_tok_per_cpu_s=round((r1 - r0) / (c1 - c0), 1),
           positions_per_s=round((p1 - p0) / dt, 1), pad_frac=round(1 - (r1 - r0) / max(1, p1 - p0), 4),
           real_tokens_timed=r1 - r0, s_per_step=round(dt / (len(marks) - 1 - W), 4), setup_s=round(setup_s, 2),
           total_s=round(time.perf_counter() - T0, 2), final_loss=final_loss, params=n_params, optimizer=opt_name,
           peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           cpu_s=round(sum(os.times()[:2]), 2), threads=torch.get_num_threads(), load1_start=LOAD0, load1_end=os.getloadavg()[0])
print("RESULT " + json.dumps(res), flush=True)
