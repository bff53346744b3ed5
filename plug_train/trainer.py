"""``train(config)``: the whole PLUG fine-tuning run, top to bottom.

    python -m plug_train train --model DIR --data rows.jsonl --output OUT
    accelerate launch --config_file docs/accelerate/ddp.yaml -m plug_train train ...

Sections: runtime, data, model, optimizer, (resume), loop, save.  The loop is padding-free
(batching.py), masks labels to the assistant turns (data.py) and computes the LM head only where
a label is learned.  Losses are token-weighted over the whole optimizer step by default, so a
micro-batch of short rows weighs what its tokens weigh (``--loss-reduction sequence`` gives
PLUG's per-micro-batch mean instead).
"""

from __future__ import annotations

import contextlib
import inspect
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from plug_eval.errors import PlugEvalError

from . import batching, checkpoint, data, dist, kernels, logs
from . import model as M
from . import noise as noise_mod
from .config import TrainConfig, describe_origins


def train(cfg: TrainConfig, origins: dict[str, str] | None = None,
          on_step: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """Run one training job; returns the output directory.  Bad input raises PlugEvalError.
    ``on_step`` (optional) gets each step's metrics record, on every process (the benchmark)."""
    # --- runtime ------------------------------------------------------------------------------
    acc = make_accelerator(cfg)
    say = logs.Printer(acc.is_main_process)
    out = Path(cfg.output)
    resume_from, skipped = checkpoint.prepare_output(out, cfg.resume) or (None, [])
    if cfg.merge_lora and dist.is_deepspeed(acc):
        raise PlugEvalError("--merge-lora is not available under DeepSpeed; merge the saved adapter afterwards "
                            "in one process (peft: PeftModel.from_pretrained(base, OUT).merge_and_unload())")
    acc.wait_for_everyone()  # every process has checked OUT before rank 0 writes into it

    # --- data ---------------------------------------------------------------------------------
    tok = M.load_tokenizer(cfg.model)
    template = data.training_template(tok)
    train_set, counts = data.encode_all(data.load_mixture(cfg.data, cfg.seed), tok, template,
                                        cfg.max_length, cfg.overlong)
    if not train_set:
        raise PlugEvalError(f"no usable training rows left ({dict(counts)}); is --max-length "
                            f"{cfg.max_length} too small?", data.parse_spec(cfg.data[0])[0])
    eval_set = _eval_rows(cfg, tok, template)
    plan = batching.make_plan(train_set, cfg.packing, cfg.max_length, cfg.batch_size, cfg.grad_accum,
                              acc.num_processes, cfg.seed)
    total = cfg.max_steps or cfg.epochs * plan.steps_per_epoch
    for line in describe_origins(cfg, origins or {}):  # after the input checks: errors stay one line
        say(line)
    say(f"{acc.num_processes} process(es) on {acc.device} ({acc.distributed_type.value}), "
        f"mixed precision {acc.mixed_precision}")
    say(_data_report(counts, train_set, plan, total, not getattr(tok, "chat_template", None)))

    info = {"config": cfg.to_json(), "data": dict(counts), "steps": total, "processes": acc.num_processes,
            "data_files": checkpoint.data_fingerprint(cfg.data)}
    if resume_from is not None:  # before the model loads: a changed run is a one-line error
        for note in skipped + checkpoint.check_same_run(resume_from, info, cfg.resume_anyway):
            say(f"resume: {note}")

    # --- model and optimizer --------------------------------------------------------------------
    torch.manual_seed(cfg.seed)
    dist.prepare_deepspeed(acc, cfg, cfg.model)
    source = checkpoint.model_source(acc, cfg, resume_from)
    model = M.load_model(source, cfg.gradient_checkpointing, cfg.attention,
                         M.load_dtype(cfg, acc.device, acc.mixed_precision), strict=source != cfg.model)
    if getattr(model, "_plug_self_test", None):
        say(model._plug_self_test)
    if cfg.lora:
        model = M.add_lora(model, cfg)
    keep_arg = "logits_to_keep" in inspect.signature(_base(model).forward).parameters
    flops = dist.training_flops(model)
    masters = _speed_options(cfg, acc, model)
    noise = noise_mod.attach(model, cfg.neftune_alpha)  # before prepare: wrappers keep the hook
    groups = _param_groups(model, cfg.weight_decay)
    opt = torch.optim.AdamW(masters.groups(groups) if masters else groups, lr=cfg.lr, fused=_fused(acc))
    if resume_from is not None:  # before prepare: FSDP shards the trained weights as it would the base
        checkpoint.load_weights(acc, model, resume_from)
    model, opt = acc.prepare(model, opt)
    model.train()
    checkpoint.store_weights_once(acc)
    start = 0
    if resume_from is not None:
        checkpoint.load_state(acc, model, opt, resume_from)
        checkpoint.check_restored_rng(resume_from, acc.process_index)
        start = checkpoint.resume_step(resume_from)
        if acc.is_main_process:
            for name in ("metrics.jsonl", "eval.jsonl"):
                checkpoint.trim_jsonl(out / name, start)
        say(f"resumed from {resume_from} at step {start}")
    peak, peak_note = dist.peak_flops(acc.device)
    info["flops"] = flops.to_json()
    info["mfu"] = (peak_note if peak is None else
                   f"{flops.formula} per token / the {peak_note} bf16 dense peak ({peak / 1e12:.0f} TFLOP/s)")

    # --- loop ---------------------------------------------------------------------------------
    if acc.is_main_process:  # created only now: bad input leaves no output directory behind
        out.mkdir(parents=True, exist_ok=True)
    acc.wait_for_everyone()
    metrics = logs.JsonlWriter(out / "metrics.jsonl", acc.is_main_process)
    evals = logs.JsonlWriter(out / "eval.jsonl", acc.is_main_process and bool(eval_set))
    acc.init_trackers("plug-train", config=_flat(cfg.to_json()))
    bar = logs.progress_bar(total, start, acc.is_main_process and cfg.progress)
    policy = checkpoint.SavePolicy(cfg.save_every, cfg.save_minutes)
    t_start = time.perf_counter()
    batches = Batches(plan, train_set, acc, cfg)  # --overlap: the next step's batch is ready early
    pending: list[dict[str, Any]] = []  # --overlap: a step's loss is read once the next is queued

    def log_step(rec: dict[str, Any]) -> None:
        loss = float(rec.pop("loss_sum")) / rec["loss_tokens"]  # the GPU sync of a step
        dt = time.perf_counter() - rec.pop("t0")
        record = {"step": rec["step"], "loss": loss, "lr": rec["lr"], "tokens": rec["tokens"],
                  "loss_tokens": rec["loss_tokens"], "tokens_per_s": rec["tokens"] / dt,
                  "elapsed_s": time.perf_counter() - t_start, "grad_norm": dist.as_float(rec.pop("grad_norm")),
                  "mfu": dist.mfu(rec["tokens"] / dt, flops, peak, acc.num_processes)}
        if record["step"] == 1:  # what happened to the rows and what MFU counts, once per run (kept on resume)
            record["data"] = data.report_counts(counts, len(train_set))
            record["flops"] = info["flops"]
        metrics.write(record)
        if on_step:
            on_step(record)
        acc.log({f"train/{k}": v for k, v in record.items() if k not in ("step", "data", "flops")}, step=record["step"])
        bar.update(1)
        bar.set_postfix(loss=f"{loss:.4f}", lr=f"{rec['lr']:.2e}", tok_s=f"{record['tokens_per_s']:.0f}")

    for step in range(start, total):
        t0 = time.perf_counter()
        lr = lr_at(step, total, cfg)
        for group in opt.param_groups:
            group["lr"] = lr
        units = [i for u in plan.step_units(step) for i in plan.units[u]]
        step_tokens = sum(len(train_set[i].input_ids) for i in units)
        step_loss_tokens = sum(train_set[i].n_loss for i in units)
        loss_sum, norm = train_step(acc, model, opt, batches.get(step), cfg, step_loss_tokens, keep_arg, masters,
                                    noise)
        pending.append({"step": step + 1, "loss_sum": acc.reduce(loss_sum.detach(), "sum"), "lr": lr,
                        "tokens": step_tokens, "loss_tokens": step_loss_tokens, "t0": t0, "grad_norm": norm})
        # Several processes read rank 0's clock in the first steps, then every AGREE_EVERY steps:
        # agreeing is a collective and a host-device sync; steps alone need no agreement.
        read_clock = acc.num_processes == 1 or step + 1 < AGREE_EVERY or (step + 1) % AGREE_EVERY == 0
        saving = policy.due(step + 1, total, read_clock)
        if read_clock and cfg.save_minutes and acc.num_processes > 1:
            saving = _agree(acc, saving)
        evaluating = eval_set and _eval_due(cfg, step + 1, total, saving)
        hold = cfg.overlap and step + 1 < total and not (saving or evaluating)
        if hold:
            batches.prepare(step + 1)  # host work and copies queued behind this step's kernels
        while len(pending) > (1 if hold else 0):
            log_step(pending.pop(0))
        if evaluating:
            record = {"step": step + 1, "eval_loss": evaluate(acc, model, eval_set, cfg, keep_arg)}
            evals.write(record)
            acc.log({"eval/loss": record["eval_loss"]}, step=step + 1)
            say(f"step {step + 1}: eval loss {record['eval_loss']:.4f}")
        if saving:
            checkpoint.save_checkpoint(acc, model, opt, tok, template, out, step + 1, info, cfg.save_total_limit)
            policy.saved()
    bar.close()

    # --- save ---------------------------------------------------------------------------------
    checkpoint.save_final(acc, model, tok, template, out, {**info, "step": total}, cfg.merge_lora,
                          cfg.model, M.base_dtype(cfg.model))
    metrics.close()
    evals.close()
    acc.end_training()
    say(f"done: {total} steps, model in {out}; rows: {_counts_line(data.report_counts(counts, len(train_set)))}")
    return out


# --- one optimizer step -------------------------------------------------------------------------
def train_step(acc: Any, model: Any, opt: Any, micro: list[Any], cfg: TrainConfig, step_loss_tokens: int,
               keep_arg: bool, masters: kernels.MasterWeights | None = None,
               noise: noise_mod.EmbeddingNoise | None = None) -> tuple[torch.Tensor, torch.Tensor | float | None]:
    """One optimizer step: gradients of every micro-batch of this process, clip, update.
    Returns this process's summed token loss and the global gradient norm before clipping
    (both left on the device, for logging).  With ``masters`` (--bf16-weights) the fp32 copies
    are clipped and stepped, then copied into the bf16 weights."""
    total = accumulate_gradients(acc, model, micro, cfg, step_loss_tokens, keep_arg, noise)
    norm: torch.Tensor | float | None
    if masters is not None:
        masters.grads_to_master()
        norm = torch.nn.utils.clip_grad_norm_(masters.masters(), cfg.max_grad_norm or math.inf)
    else:
        norm = dist.clip_and_norm(acc, model, cfg.max_grad_norm)
    opt.step()
    opt.zero_grad(set_to_none=True)
    if masters is not None:
        masters.master_to_model()
    return total, norm


def accumulate_gradients(acc: Any, model: Any, micro: list[Any], cfg: TrainConfig,
                         step_loss_tokens: int, keep_arg: bool,
                         noise: noise_mod.EmbeddingNoise | None = None) -> torch.Tensor:
    """Forward/backward each micro-batch, scaled so the summed gradient is the step's loss:
    token = sum over the step's supervised tokens / their number (all processes);
    sequence = PLUG's mean of the per-micro-batch means.  ``micro``: lists of rows, or batches
    already on the device (--overlap)."""
    acc.step = 0  # accelerate syncs gradients on its grad_accum-th accumulate() call
    total = torch.zeros((), device=acc.device)
    for seqs in micro:
        mb = seqs if isinstance(seqs, batching.MicroBatch) else \
            batching.make_batch(seqs, cfg.attention == "model").to(acc.device)
        with acc.accumulate(model), noise.batch(mb) if noise else contextlib.nullcontext():
            loss_sum, router = micro_terms(model, mb, keep_arg, cfg.fused_ce)
            if cfg.loss_reduction == "token":
                # x processes: DDP/FSDP average gradients; x grad_accum: accelerate divides by it
                scale = acc.num_processes * cfg.grad_accum / step_loss_tokens
            else:  # accelerate's division by grad_accum makes the mean of micro-batch means
                scale = 1.0 / mb.n_loss
            acc.backward((loss_sum if router is None else loss_sum + router) * scale)
        total += loss_sum.detach()  # the cross-entropy alone is logged, comparable across models
    return total


def micro_loss(model: Any, mb: batching.MicroBatch, keep_arg: bool, fused_ce: str = "off") -> torch.Tensor:
    """What one micro-batch adds to the step's objective: its summed cross-entropy and, for an MoE
    model whose config asks for it, the router's load-balancing loss (``micro_terms``)."""
    ce, router = micro_terms(model, mb, keep_arg, fused_ce)
    return ce if router is None else ce + router


def micro_terms(model: Any, mb: batching.MicroBatch, keep_arg: bool,
                fused_ce: str = "off") -> tuple[torch.Tensor, torch.Tensor | None]:
    """Summed cross-entropy over the supervised positions of one padding-free row (or padded
    block), and the router term or None.  The LM head runs only on those positions
    (``logits_to_keep``); with ``fused_ce`` the head and the loss run together in chunks
    (kernels.py) and no logits tensor is built.  The router term is transformers' own
    load-balancing loss (computed by the model when ``output_router_logits`` is set in its config)
    times ``router_aux_loss_coef`` and the micro-batch's supervised tokens: divided by those
    tokens, the step's loss is what transformers' own ``loss`` is, the mean cross-entropy plus the
    coefficient times the aux loss (without labels transformers computes it but never adds it)."""
    keep = mb.keep
    kwargs = {"logits_to_keep": keep} if keep_arg and not mb.padded else {}
    base = _base(getattr(model, "module", model))
    if fused_ce == "off":
        out = model(**mb.model_kwargs(), **kwargs)
        hidden = None
    else:
        with kernels.hidden_instead_of_logits(base) as softcap:
            out = model(**mb.model_kwargs(), **kwargs)
        hidden = out.logits
    rows = out.logits[0] if kwargs else out.logits.flatten(0, 1)[keep]
    if hidden is None:
        ce = F.cross_entropy(rows.float(), mb.targets[keep], reduction="sum")
    else:
        head = base.get_output_embeddings()
        ce = kernels.linear_cross_entropy(rows, head.weight, mb.targets[keep], head.bias, softcap, fused_ce)
    aux = getattr(out, "aux_loss", None)
    if not isinstance(aux, torch.Tensor):
        return ce, None
    coef = float(getattr(_text_config(base), "router_aux_loss_coef", 0.0) or 0.0)
    return ce, aux.to(ce.dtype) * (coef * mb.n_loss)


def _text_config(model: Any) -> Any:
    config = model.config
    return getattr(config, "text_config", None) or config


@torch.no_grad()
def evaluate(acc: Any, model: Any, eval_set: list[data.Encoded], cfg: TrainConfig, keep_arg: bool) -> float:
    """Token-weighted loss over all held-out rows, split across processes.  Every process runs
    the same number of forwards (FSDP gathers weights collectively): spare ones count zero."""
    model.eval()
    mine = eval_set[acc.process_index::acc.num_processes]
    rounds = math.ceil(math.ceil(len(eval_set) / acc.num_processes) / cfg.batch_size)
    loss = torch.zeros((), device=acc.device)
    for i in range(rounds):
        part = mine[i * cfg.batch_size:(i + 1) * cfg.batch_size]
        weight = 1.0 if part else 0.0
        mb = batching.make_batch(part or eval_set[:1], cfg.attention == "model").to(acc.device)
        loss += weight * micro_terms(model, mb, keep_arg, cfg.fused_ce)[0]
    model.train()
    return float(acc.reduce(loss, "sum")) / sum(e.n_loss for e in eval_set)


# --- helpers ------------------------------------------------------------------------------------
def make_accelerator(cfg: TrainConfig) -> Any:
    from accelerate import Accelerator

    precision = cfg.precision
    if precision == "auto":
        precision = "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "fp32"
    if precision == "fp16" and not torch.cuda.is_available():
        raise PlugEvalError("--precision fp16 needs a CUDA GPU; use bf16 or fp32")
    dist.check_deepspeed_launch(torch.cuda.is_available())
    # cpu=True on a machine without CUDA: under torchrun, accelerate then uses gloo (MULTI_CPU)
    extra = dist.accelerator_kwargs(precision)
    acc = Accelerator(cpu=not torch.cuda.is_available(), mixed_precision="no" if precision == "fp32" else precision,
                      gradient_accumulation_steps=cfg.grad_accum, log_with=logs.check_tracker(cfg.log),
                      project_dir=cfg.output, **extra)
    dist.fsdp_on_cpu(acc, extra)
    return acc


def lr_at(step: int, total: int, cfg: TrainConfig) -> float:
    """The LR of update ``step`` (0-based): linear warm-up, then linear or cosine decay to 0
    (the same curve as transformers' schedulers, over ceil(ratio x steps) warm-up steps as its
    ``TrainingArguments.get_warmup_steps`` counts them)."""
    warmup = math.ceil(total * cfg.warmup_ratio)
    if step < warmup:
        return cfg.lr * step / warmup
    progress = (step - warmup) / max(1, total - warmup)
    if cfg.schedule == "cosine":
        return cfg.lr * 0.5 * (1.0 + math.cos(math.pi * progress))
    return cfg.lr * max(0.0, 1.0 - progress)


def _param_groups(model: Any, weight_decay: float) -> list[dict[str, Any]]:
    """No decay for biases and norm weights, decided by name (see dist.no_decay)."""
    return dist.param_groups(model, weight_decay)


AGREE_EVERY = 8


def _agree(acc: Any, decision: bool) -> bool:
    """Rank 0's decision on every process (saving is collective; clocks differ)."""
    from accelerate.utils import broadcast

    return bool(broadcast(torch.tensor([int(decision)], device=acc.device), from_process=0).item())


def _flat(config: dict[str, Any]) -> dict[str, Any]:
    """Tracker hyper-parameters must be scalars: lists become comma-joined strings."""
    return {k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in config.items()}


def _fused(acc: Any) -> bool | None:
    """Fused AdamW (one kernel for all parameters) where the plain torch optimizer runs."""
    from accelerate.utils import DistributedType

    plain = (DistributedType.NO, DistributedType.MULTI_CPU, DistributedType.MULTI_GPU)
    return True if acc.distributed_type in plain and acc.device.type in ("cpu", "cuda") else None


def _base(model: Any) -> Any:
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def _speed_options(cfg: TrainConfig, acc: Any, model: Any) -> kernels.MasterWeights | None:
    """Check and apply --fused-ce, --kernels and --bf16-weights; returns the master copy if any."""
    from accelerate.utils import DistributedType

    sharded = acc.distributed_type in (DistributedType.FSDP, DistributedType.DEEPSPEED)
    if sharded and cfg.fused_ce != "off":  # the loss reads the head's weight outside its forward
        raise PlugEvalError(f"--fused-ce {cfg.fused_ce} is for one process or DDP (FSDP and DeepSpeed shard "
                            "the LM head's weight); use --fused-ce off")
    kernels.check_fused_ce(_base(model), cfg.fused_ce)
    kernels.apply_kernels(_base(model), cfg.kernels)
    if not cfg.bf16_weights:
        return None
    if sharded:
        raise PlugEvalError("--bf16-weights is for one process or DDP; FSDP and DeepSpeed keep their own "
                            "master weights (use their mixed-precision settings)")
    model.to(acc.device)  # the master copy lives where the optimizer steps
    masters = kernels.MasterWeights(model)
    acc.register_for_checkpointing(masters)  # saved in state/ and restored by --resume
    return masters


class Batches:
    """Each step's micro-batches on the device.  ``prepare(step)`` builds them ahead of time:
    collated on the host, pinned, and copied with non_blocking=True, so the copy queues behind
    the GPU's current work instead of waiting for it (--overlap)."""

    def __init__(self, plan: batching.Plan, rows: list[data.Encoded], acc: Any, cfg: TrainConfig):
        self.plan, self.rows, self.acc, self.padded = plan, rows, acc, cfg.attention == "model"
        self.ready: dict[int, list[batching.MicroBatch]] = {}

    def prepare(self, step: int) -> None:
        self.ready[step] = [batching.make_batch([self.rows[i] for i in idx], self.padded).pin().to(self.acc.device)
                            for idx in self.plan.micro_batches(step, self.acc.process_index)]

    def get(self, step: int) -> list[Any]:
        if step in self.ready:
            return self.ready.pop(step)
        return [[self.rows[i] for i in idx] for idx in self.plan.micro_batches(step, self.acc.process_index)]


def _counts_line(report: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in report.items())


def _eval_rows(cfg: TrainConfig, tok: Any, template: str) -> list[data.Encoded]:
    if not cfg.eval_data:
        return []
    rows = [ex for spec in cfg.eval_data for ex in data.read_rows(data.parse_spec(spec)[0])]
    kept, _ = data.encode_all(rows, tok, template, cfg.max_length, cfg.overlong)
    return kept


def _eval_due(cfg: TrainConfig, done: int, total: int, saving: bool) -> bool:
    if done == total:
        return True
    return done % cfg.eval_every == 0 if cfg.eval_every else bool(saving)


def _data_report(counts: Counter, kept: list[data.Encoded], plan: batching.Plan, total: int,
                 plug_format: bool) -> str:
    tokens = sum(len(e.input_ids) for e in kept)
    parts = [f"{counts['rows']} rows -> {len(kept)} kept ({tokens} tokens)",
             f"dropped {counts['dropped_overlong']} over-long, {counts['dropped_no_loss']} with nothing to learn",
             f"{counts['truncated_pivot']} pivot answers shortened",
             f"{counts['truncated']} rows cut to --max-length",
             f"{counts['dropped_unmaskable']} dropped whose assistant turns could not be located"
             + "".join(f" ({n}: {why})" for why, n in data.drop_reasons(counts).items()),
             f"{counts['prompt_not_prefix']} rows whose prompt was not a token prefix",
             f"{counts['system_folded']} rows with the system prompt folded into the first user turn (the "
             "template refuses the system role; evaluation folds it the same way)",
             f"{counts['system_moved']} rows trained on the evaluated prompt, where the template shows the system "
             "prompt only before a final user turn",
             f"{len(plan.units)} {'packed rows' if len(plan.units) != len(kept) else 'sequences'}",
             f"{plan.steps_per_epoch} steps/epoch, {total} steps",
             "PLUG format (the tokenizer had no chat template)" if plug_format else "the tokenizer's chat template"]
    return "; ".join(parts)
