"""``plug-judge compare`` and ``grade`` as library calls: plan the calls, run them, summarise.

Planning is pure: every item becomes one call per order (``AB`` = system A in the first slot,
``BA``), each with its rendered prompt and its key (:func:`plug_eval.store.judgment_key`).
Nothing is written until both answer files, the judge and the template have been checked, so a
bad input leaves an existing run directory untouched.  Running skips every key the store
already holds; :mod:`plug_eval.engine` makes the remaining calls.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from plug_eval import __version__, files, records, rundir, store
from plug_eval.engine import Engine, Limits, Recorder, Result, check_before_calls, pending_calls
from plug_eval.errors import PlugEvalError
from plug_eval.judges import registry
from plug_eval.judges.base import Backend, BackendOptions, JudgeRequest, redact_url
from plug_eval.judges.config import JudgeConfig
from plug_eval.judges.render import render
from plug_eval.judges.verdicts import PARSERS, UNPARSED
from plug_eval.prices import FREE, Price, PriceTable

SCHEMA_VERSION = 1
SYSTEM_OF_SLOT = {"AB": {"first": "A", "second": "B"}, "BA": {"first": "B", "second": "A"}}


@dataclass
class Call:
    """One planned judge call."""

    item_id: str
    order: str  #: "AB", "BA", or "" for single-answer grading
    key: str
    request: JudgeRequest
    flags: tuple[str, ...]


@dataclass
class RunOptions(Limits):
    """How to judge, over the engine's limits; none of this changes a judgment's key."""

    orders: int = 2
    seed: int = 0
    n_resamples: int = 10_000
    accept_new_identity: bool = False


# --------------------------------------------------------------------------- planning


def chosen_order(seed: int, item_id: str, systems: tuple[str, str]) -> str:
    """The one order judged under ``--orders 1``: a coin flip seeded by (seed, item, systems)."""
    blob = json.dumps([seed, item_id, sorted(systems)], ensure_ascii=False).encode("utf-8")
    return "AB" if hashlib.sha256(blob).digest()[0] % 2 == 0 else "BA"


def make_backend(config: JudgeConfig, timeout: float = 120.0) -> Backend:
    cls = registry.get(config.backend)
    extra = {k: v for k, v in config.options.items()}
    return cls(BackendOptions(model=config.model, base_url=config.base_url,
                              timeout=float(extra.pop("timeout", timeout)), extra=extra))


def _call(config: JudgeConfig, identity: dict[str, Any], item: dict[str, Any], order: str) -> Call:
    if order == "":
        answers: tuple[str, ...] = (item["answer_a"],)
    else:
        answers = (item["answer_a"], item["answer_b"]) if order == "AB" else (item["answer_b"], item["answer_a"])
    r = render(config.template_text, instruction=item["instruction"] or "", answers=answers, lang=item["lang"],
               max_answer_units=config.max_answer_units)
    key = store.judgment_key(identity, config.decoding, config.template_sha256, r.system, r.user, order)
    req = JudgeRequest(system=r.system, user=r.user, decoding=config.decoding, lang=item["lang"], answers=answers)
    return Call(item["id"], order, key, req, r.flags)


def plan_calls(items: list[dict[str, Any]], config: JudgeConfig, backend: Backend, *, orders: int = 2,
               seed: int = 0, systems: tuple[str, str] = ("A", "B")) -> list[Call]:
    """Every call the comparison needs, in item order (both orders of an item together)."""
    identity = backend.identity()
    if config.mode == "grade":
        return [_call(config, identity, item, "") for item in items]
    if orders not in (1, 2):
        raise PlugEvalError(f"--orders must be 1 or 2, not {orders}")
    calls = []
    for item in items:
        for order in (("AB", "BA") if orders == 2 else (chosen_order(seed, item["id"], systems),)):
            calls.append(_call(config, identity, item, order))
    return calls


# --------------------------------------------------------------------------- inputs


@dataclass
class Inputs:
    items: list[dict[str, Any]]
    files: list[records.AnswerFile]
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)

    @property
    def systems(self) -> tuple[str, str]:
        return (self.files[0].system, self.files[1].system if len(self.files) > 1 else "")


def load_inputs(paths: list[str], *, lang: str | None = None, filter: str | None = None,
                allow_missing: bool = False, names: tuple[str | None, str | None] = (None, None)) -> Inputs:
    """Read and pair the answer files (one file: grading); raises DataError naming the file."""
    files = [records.read_answer_file(p, filter=filter, name=n) for p, n in zip(paths, names, strict=False)]
    if len(files) == 1:
        return Inputs(records.single_items(files[0], lang=lang), files)
    pairing = records.pair_files(files[0], files[1], lang=lang, allow_missing=allow_missing)
    return Inputs(pairing.items, files, pairing.only_in_a, pairing.only_in_b)


def price_of(backend: Backend, config: JudgeConfig, prices: PriceTable) -> Price | None:
    return FREE if backend.local else prices.lookup(config.model)


def prompt_text(call: Call) -> str:
    """The text a call sends, for the cost bounds in :mod:`plug_eval.prices`."""
    return (call.request.system or "") + call.request.user


# --------------------------------------------------------------------------- the run directory


def run_identity(inputs: Inputs, config: JudgeConfig, backend: Backend) -> dict[str, Any]:
    """What a run directory holds judgments of: the inputs' hashes, the judge, the effective base
    URL (credentials redacted), the languages and the template.  A rerun must match it."""
    return {"inputs": [f.sha256 for f in inputs.files], "judge": config.label(),
            "base_url": redact_url(backend.effective_base_url()),
            "lang": sorted({str(i["lang"]) for i in inputs.items}), "template": config.template_sha256}


def _old_identity(old: dict[str, Any]) -> dict[str, Any]:
    """The identity a run.json records; one written before identities is read off its provenance."""
    if isinstance(old.get("identity"), dict):
        return old["identity"]
    prov: dict[str, Any] = old["provenance"] if isinstance(old.get("provenance"), dict) else {}
    judge: dict[str, Any] = prov["judge"] if isinstance(prov.get("judge"), dict) else {}
    out: dict[str, Any] = {"judge": old.get("judge")}
    if isinstance(prov.get("files"), list):
        out["inputs"] = [f.get("sha256") for f in prov["files"] if isinstance(f, dict)]
    if "template_sha256" in judge:
        out["template"] = judge["template_sha256"]
    return out


_IDENTITY_NAMES = {"inputs": "answer files", "judge": "judge", "base_url": "base URL", "lang": "language",
                   "template": "template"}


def _check_existing(out: Path, mode: str, systems: tuple[str, str], identity: dict[str, Any] | None = None,
                    accept_new_identity: bool = False) -> None:
    """Refuse to mix a different comparison into an existing run directory."""
    if out.exists() and not out.is_dir():
        raise PlugEvalError("exists and is not a directory: choose another --out", out)
    path = out / rundir.RUN
    if not path.exists():
        if rundir.holds_judgments(out):
            raise PlugEvalError("holds judgments but no run.json (an import-alpacaeval directory?): "
                                "use a new --out", out)
        return
    try:
        old = files.read_json(path)
    except (OSError, PlugEvalError):
        raise PlugEvalError("unreadable run.json: not a plug-judge run directory?", path) from None
    if not isinstance(old, dict):
        raise PlugEvalError("run.json is not a JSON object: not a plug-judge run directory?", path)
    if old.get("mode") != mode or (old.get("system_a"), old.get("system_b") or "") != systems:
        raise PlugEvalError(f"holds {old.get('system_a')} vs {old.get('system_b')} ({old.get('mode')}); "
                            f"use another --out for {systems[0]} vs {systems[1]}", out)
    if identity is None or accept_new_identity:
        return
    before = _old_identity(old)
    changed = [k for k in _IDENTITY_NAMES if k in before and k in identity and before[k] != identity[k]]
    if changed:
        what = "; ".join(f"{_IDENTITY_NAMES[k]} {_show(before[k])} -> {_show(identity[k])}" for k in changed)
        raise PlugEvalError(f"holds judgments of another run ({what}): use a new --out, or pass "
                            "--accept-new-identity to reuse the stored judgments whose keys still match", out)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(v)[:12] for v in value)
    return "none" if value is None else str(value)[:60]


def run_manifest(inputs: Inputs, config: JudgeConfig, calls: list[Call], opts: RunOptions,
                 identity: dict[str, Any] | None = None) -> dict[str, Any]:
    """``run.json``: what the summary and the report need to know without calling anything."""
    keys: dict[str, dict[str, str]] = {}
    for c in calls:
        keys.setdefault(c.item_id, {})[c.order or "single"] = c.key
    prov = records.data_provenance(*inputs.files)
    return {
        "schema_version": SCHEMA_VERSION, "mode": config.mode, "system_a": inputs.systems[0],
        "system_b": inputs.systems[1] or None, "judge": config.label(), "orders": opts.orders, "seed": opts.seed,
        "n_resamples": opts.n_resamples,
        "provenance": {
            "files": [f.source() for f in inputs.files],
            "judge": {"spec": config.spec, "preset": config.preset, "backend": config.backend, "model": config.model,
                      "base_url": (identity or {}).get("base_url", redact_url(config.base_url)),
                      "template": config.template_name,
                      "template_sha256": config.template_sha256, "parser": config.parser,
                      "decoding": config.decoding, "max_answer_units": config.max_answer_units,
                      "not_a_quality_judge": config.not_a_quality_judge},
            "seed": opts.seed, "plug_eval_version": __version__, **prov,
        },
        "missing": {"only_in_a": inputs.only_in_a, "only_in_b": inputs.only_in_b},
        "identity": identity,
        "keys": keys,
    }


def _reuse_fidelity(out: Path, items: list[dict[str, Any]]) -> None:
    """Take language fidelity from a previous items.jsonl of the same answers (saves py3langid)."""
    path = out / rundir.ITEMS
    if not path.exists():
        return
    old = {(r["id"], r.get("answer_a"), r.get("answer_b")): r for r in files.read_jsonl(path)}
    for item in items:
        prev = old.get((item["id"], item.get("answer_a"), item.get("answer_b")))
        for side in ("a", "b"):
            if prev and item.get(f"lang_fidelity_{side}") is None:
                item[f"lang_fidelity_{side}"] = prev.get(f"lang_fidelity_{side}")


def prepare_run_dir(inputs: Inputs, config: JudgeConfig, calls: list[Call], opts: RunOptions,
                    identity: dict[str, Any] | None = None) -> None:
    """Write items.jsonl and run.json (atomically) before the first call."""
    try:
        opts.out.mkdir(parents=True, exist_ok=True)
        probe = files.write_atomic(opts.out / ".plug-judge-write-check", b"")
        probe.unlink()
    except OSError as err:
        raise PlugEvalError(f"cannot write the run directory ({err.strerror or err}): choose another --out",
                            opts.out) from None
    _reuse_fidelity(opts.out, inputs.items)
    records.fill_fidelity(inputs.items)
    files.write_jsonl(opts.out / rundir.ITEMS, inputs.items)
    files.write_json(opts.out / rundir.RUN, run_manifest(inputs, config, calls, opts, identity))


@dataclass
class Plan:
    inputs: Inputs
    config: JudgeConfig
    backend: Backend
    calls: list[Call]
    pending: list[Call]
    price: Price | None
    identity: dict[str, Any] | None = None
    spent_before: float = 0.0  #: USD already spent on this run directory (counted against --max-cost)


def make_plan(paths: list[str], config: JudgeConfig, opts: RunOptions, *, lang: str | None = None,
              filter: str | None = None, allow_missing: bool = False,
              names: tuple[str | None, str | None] = (None, None)) -> Plan:
    """Everything checked and rendered, nothing written: the basis of compare, validate, dry-run."""
    inputs = load_inputs(paths, lang=lang, filter=filter, allow_missing=allow_missing, names=names)
    backend = make_backend(config, opts.timeout)
    calls = plan_calls(inputs.items, config, backend, orders=opts.orders, seed=opts.seed, systems=inputs.systems)
    identity = run_identity(inputs, config, backend)
    _check_existing(opts.out, config.mode, inputs.systems, identity, opts.accept_new_identity)
    existing = store.JudgmentStore(opts.out)
    existing.refresh()
    pending = pending_calls(calls, existing, opts)
    price = price_of(backend, config, opts.prices)
    check_before_calls(pending, backend, opts.max_cost, price, config.model, prompt_text)
    return Plan(inputs, config, backend, calls, pending, price, identity, existing.spent())


# --------------------------------------------------------------------------- running


def judgment_recorder(config: JudgeConfig, backend: Backend) -> Recorder[Call]:
    """The stored line of one judge call (error or reply), with the verdict mapped back to systems."""
    parse = PARSERS[config.parser]

    def record(call: Call, result: Result) -> dict[str, Any]:
        reply, error = result.reply, result.error
        flags = list(call.flags)
        slot, verdict, rating, reason = UNPARSED, UNPARSED, None, error and "call failed"
        if reply is not None:
            parsed = parse(reply.text, call.request.answers)
            slot, rating, reason = parsed.verdict, parsed.rating, parsed.reason
            if parsed.matches_answer_text:
                flags.append("verdict_matches_answer_text")
            if reply.finish_reason == "length":
                flags.append("reply_truncated")
            verdict = SYSTEM_OF_SLOT.get(call.order, {}).get(slot, "tie" if slot == "tie" else slot)
        return {
            "schema_version": SCHEMA_VERSION, "key": call.key, "id": call.item_id, "order": call.order or None,
            "slot_verdict": slot if config.mode == "pairwise" else None, "verdict": verdict, "rating": rating,
            "raw": backend.redact(reply.text) if reply else None, "reason": reason, "error": error,
            "error_kind": result.error_kind if error else None,
            "input_tokens": reply.input_tokens if reply else None,
            "output_tokens": reply.output_tokens if reply else None, "cost_usd": result.cost_usd,
            "latency_s": round(result.latency_s, 4), "attempts": result.attempts, "judge": config.label(),
            "preset": config.preset, "flags": flags,
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        }

    return record


def run_plan(plan: Plan, opts: RunOptions) -> dict[str, Any]:
    """Write the run directory, make the pending calls, write and return summary.json."""
    prepare_run_dir(plan.inputs, plan.config, plan.calls, opts, plan.identity)
    if plan.price is None and plan.pending:
        print(f"plug-judge: warning: no price known for {plan.config.model!r}: cost_usd is null "
              "(add it with --prices FILE)", file=sys.stderr)
    started = time.monotonic()
    opts = dataclasses.replace(opts, spent_before=plan.spent_before)  # a budget is per run directory
    engine = Engine(plan.backend, opts, plan.price, judgment_recorder(plan.config, plan.backend))
    outcome = asyncio.run(engine.run(plan.pending))
    summary = rundir.write_summary(opts.out, run_info={"stopped": outcome.stopped, "calls_made": outcome.calls,
                                                        "seconds": round(time.monotonic() - started, 3)})
    if outcome.fatal:  # every judgment made is stored and summarised; the reason is one line, exit 2
        raise PlugEvalError(f"stopped after {outcome.calls} stored judgments: {outcome.fatal}")
    return summary
