"""``plug-judge truthful``: X-TruthfulQA's two judgments of every answer, through the one engine.

As the PLUG paper does, each answer gets two independent calls: *truthfulness*, with the
question and both reference lists (``judges/templates/truthful.j2``: truthful, not truthful,
or not enough information when neither list settles it), and *informativeness*, with the
question alone (``informative.j2``).  The answers are lm-eval ``--log_samples`` files of the
``xtruthfulqa_*`` tasks, whose docs carry the question, ``correct_answers``,
``incorrect_answers`` and ``lang``; the answer judged is ``filtered_resps`` (on pivot tasks the
target-language block).

Everything is read, checked and rendered before anything is written or paid for: a bad input
is a one-line error naming the file.  The calls go through :mod:`plug_eval.engine` (store,
resume, retries, budget, costs); the run directory and its summary are
:mod:`plug_eval.truthful_run`'s.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from plug_eval import (
    __version__,
    files,
    languages,
    records,
    rundir,
    store,
    truthful_run,
)
from plug_eval.compare import RunOptions, make_backend, price_of
from plug_eval.engine import Engine, Recorder, Result, check_before_calls, pending_calls
from plug_eval.errors import DataError, PlugEvalError
from plug_eval.judges.base import Backend, JudgeRequest
from plug_eval.judges.config import JudgeConfig, read_template, resolve
from plug_eval.judges.render import render
from plug_eval.judges.verdicts import PARSERS, UNPARSED
from plug_eval.prices import Price
from plug_eval.tasks.source import RowProblem
from plug_eval.tasks.xtruthfulqa.data import REFERENCE_LISTS, reference_list

SCHEMA_VERSION = 1
INFO_TEMPLATE = "informative.j2"


@dataclass
class Call:
    """One planned judge call: ``order`` names the aspect (``truthful`` or ``informative``)."""

    item_id: str  #: the item's uid, ``lang:id``
    order: str
    key: str
    request: JudgeRequest
    flags: tuple[str, ...]


# --------------------------------------------------------------------------- judges


def resolve_judges(spec: str, *, base_url: str | None = None, template: str | None = None,
                   info_template: str | None = None, overrides: dict[str, Any] | None = None
                   ) -> dict[str, JudgeConfig]:
    """The two judges: the same backend, model and decoding, each with its template and parser."""
    if spec.partition(":")[0] == "rules":
        raise PlugEvalError(f"--judge {spec}: the offline language rule cannot judge truthfulness; "
                            "name an LLM judge, e.g. --judge openai:gpt-4o")
    try:
        truth = resolve(spec, "truthful", base_url=base_url, template=template, overrides=overrides)
    except PlugEvalError as err:
        if " is for " not in err.problem:
            raise
        raise PlugEvalError(f"{err.problem}; name the judge as BACKEND:MODEL (e.g. openai:gpt-4o) or give a "
                            "preset with mode: truthful") from None
    if truth.parser != "truthful":
        raise PlugEvalError(f"--judge {spec}: a truthful judge reads labels with the 'truthful' parser, "
                            f"not {truth.parser!r}")
    name, text = read_template(info_template or INFO_TEMPLATE, None)
    info = replace(truth, template_name=name, template_text=text, parser="informative")
    return {"truthful": truth, "informative": info}


# --------------------------------------------------------------------------- inputs


def _docs(path: str, wanted_filter: Any) -> dict[str, tuple[int, dict[str, Any]]]:
    """doc id -> (line number, doc) of the lines of the chosen filter."""
    text = files.decode_text(files.read_bytes(path, DataError), path, DataError)
    out = {}
    for n, row in files.jsonl_rows(text, path, DataError):
        if isinstance(row, dict) and str(row.get("filter", "none")) == str(wanted_filter or "none"):
            doc = row.get("doc") or {}
            out[str(doc.get("id"))] = (n, doc)
    return out


def _references(n: int, item_id: str, doc: dict[str, Any], path: str) -> dict[str, list[str]]:
    if not any(k in doc for k in REFERENCE_LISTS):
        raise DataError(f"line {n}: not an X-TruthfulQA samples file: the doc has no correct_answers or "
                        "incorrect_answers (judge the samples of the xtruthfulqa_* tasks)", path)
    try:
        return {k: reference_list(doc, k) for k in REFERENCE_LISTS}
    except RowProblem as problem:
        raise DataError(f"line {n} (id {item_id}): {problem}", path) from None


def _lang(answer: records.Answer, lang: str | None, path: str) -> str:
    found = answer.lang or lang
    if lang and answer.lang and answer.lang != lang:
        raise DataError(f"id {answer.id}: the file says language {answer.lang!r} but --lang is {lang!r}", path)
    if not found:
        raise DataError("the answers carry no language: pass --lang CODE", path)
    if found not in languages.LANGUAGES:
        raise DataError(f"unknown language {found!r}; known: {', '.join(languages.LANGUAGES)}", path)
    return str(found)


def read_samples(path: str, *, filter: str | None = None, lang: str | None = None, name: str | None = None,
                 skip_empty: bool = False) -> tuple[records.AnswerFile, list[dict[str, Any]]]:
    """One samples file's answers as items, every row checked; raises DataError naming the file."""
    af = records.read_answer_file(path, filter=filter, name=name)
    if af.format != records.LM_EVAL:
        raise DataError(f"not an lm-eval samples file (it reads as a {af.format} answer file): plug-judge "
                        "truthful judges the --log_samples output of the xtruthfulqa_* tasks", path)
    docs = _docs(path, af.meta.get("filter"))
    items, empty = [], []
    for a in af.answers:
        n, doc = docs[str(a.id)]
        refs = _references(n, str(a.id), doc, path)
        code = _lang(a, lang, path)
        if not a.answer.strip():
            empty.append(f"{a.id} (line {n})")
        items.append({"schema_version": SCHEMA_VERSION, "uid": f"{code}:{a.id}", "id": a.id, "lang": code,
                      "instruction": a.instruction or "", **refs, "answer": a.answer, "raw": a.raw,
                      "status": a.status, "empty": not a.answer.strip(),
                      "units": languages.answer_units(a.answer), "source": af.source()})
    if empty and not skip_empty:
        raise DataError(f"{len(empty)} empty answer(s) (first: id {empty[0]}): the model answered nothing or "
                        "PLUG extraction failed; pass --skip-empty to count them unscored", path)
    return af, items


def load_inputs(paths: list[str], *, filter: str | None = None, lang: str | None = None,
                name: str | None = None, skip_empty: bool = False
                ) -> tuple[list[dict[str, Any]], list[records.AnswerFile], str]:
    """(items, files, system name) of one system's samples files, in file order."""
    seen: dict[str, str] = {}
    items: list[dict[str, Any]] = []
    answer_files = []
    for path in paths:
        af, rows = read_samples(path, filter=filter, lang=lang, name=name, skip_empty=skip_empty)
        for row in rows:
            if row["uid"] in seen:
                raise DataError(f"id {row['id']} ({row['lang']}) is also in {seen[row['uid']]}: judge each task "
                                "in its own run", path)
            seen[row["uid"]] = path
        items += rows
        answer_files.append(af)
    systems = sorted({f.system for f in answer_files})
    if len(systems) > 1:
        raise DataError(f"the files come from different systems ({', '.join(systems)}): judge each system in its "
                        "own run, or name it with --name", paths[-1])
    return items, answer_files, systems[0]


# --------------------------------------------------------------------------- planning


def plan_calls(items: list[dict[str, Any]], configs: dict[str, JudgeConfig], backend: Backend) -> list[Call]:
    """Both judgments of every non-empty answer; only truthfulness sees the reference lists."""
    identity = backend.identity()
    calls = []
    for item in items:
        if item["empty"]:
            continue
        for aspect, cfg in configs.items():
            context = {k: item[k] for k in REFERENCE_LISTS} if aspect == "truthful" else {}
            r = render(cfg.template_text, instruction=item["instruction"], answers=(item["answer"],),
                       lang=item["lang"], max_answer_units=cfg.max_answer_units, context=context)
            key = store.judgment_key(identity, cfg.decoding, cfg.template_sha256, r.system, r.user, aspect)
            req = JudgeRequest(system=r.system, user=r.user, decoding=cfg.decoding, lang=item["lang"],
                               answers=(item["answer"],))
            calls.append(Call(item["uid"], aspect, key, req, r.flags))
    return calls


@dataclass
class Plan:
    items: list[dict[str, Any]]
    files: list[records.AnswerFile]
    system: str
    configs: dict[str, JudgeConfig]
    backend: Backend
    calls: list[Call]
    pending: list[Call]
    price: Price | None

    @property
    def config(self) -> JudgeConfig:
        return self.configs["truthful"]


def _check_existing(out: Path, system: str) -> None:
    """Refuse to mix another kind of run, or another system, into an existing run directory."""
    if out.exists() and not out.is_dir():
        raise PlugEvalError("exists and is not a directory: choose another --out", out)
    path = out / rundir.RUN
    if not path.exists():
        if (out / rundir.JUDGMENTS).exists():
            raise PlugEvalError("holds judgments but no run.json: not a truthful run directory; use another --out",
                                out)
        return
    try:
        old = files.read_json(path)
    except (OSError, PlugEvalError):
        raise PlugEvalError("unreadable run.json: not a plug-judge run directory?", path) from None
    if not isinstance(old, dict) or old.get("kind") != truthful_run.KIND:
        raise PlugEvalError("holds a pairwise or grading run, not a truthful one: use another --out", out)
    if old.get("system") != system:
        raise PlugEvalError(f"holds the answers of {old.get('system')}; use another --out for {system}", out)


def make_plan(paths: list[str], configs: dict[str, JudgeConfig], opts: RunOptions, *, filter: str | None = None,
              lang: str | None = None, name: str | None = None, skip_empty: bool = False) -> Plan:
    """Everything checked and rendered, nothing written: the basis of the run and of --dry-run."""
    items, answer_files, system = load_inputs(paths, filter=filter, lang=lang, name=name, skip_empty=skip_empty)
    truth = configs["truthful"]
    backend = make_backend(truth, opts.timeout)
    calls = plan_calls(items, configs, backend)
    _check_existing(opts.out, system)
    existing = store.JudgmentStore(opts.out)
    existing.refresh()
    pending = pending_calls(calls, existing, opts)
    price = price_of(backend, truth, opts.prices)
    check_before_calls(pending, backend, opts.max_cost, price, truth.model, _prompt)
    return Plan(items, answer_files, system, configs, backend, calls, pending, price)


def _prompt(call: Call) -> str:
    return (call.request.system or "") + call.request.user


# --------------------------------------------------------------------------- running


def manifest(plan: Plan, opts: RunOptions) -> dict[str, Any]:
    """``run.json``: what the summary and the report need without calling anything."""
    keys: dict[str, dict[str, str]] = {}
    for c in plan.calls:
        keys.setdefault(c.item_id, {})[c.order] = c.key
    judge = {aspect: {"template": cfg.template_name, "template_sha256": cfg.template_sha256, "parser": cfg.parser}
             for aspect, cfg in plan.configs.items()}
    t = plan.config
    return {"schema_version": SCHEMA_VERSION, "kind": truthful_run.KIND, "system": plan.system, "judge": t.label(),
            "seed": opts.seed, "n_resamples": opts.n_resamples,
            "provenance": {"files": [f.source() for f in plan.files],
                           "judge": {"spec": t.spec, "preset": t.preset, "backend": t.backend, "model": t.model,
                                     "base_url": t.base_url, "decoding": t.decoding,
                                     "max_answer_units": t.max_answer_units, **judge},
                           "seed": opts.seed, "plug_eval_version": __version__,
                           **records.data_provenance(*plan.files)},
            "keys": keys}


def recorder(configs: dict[str, JudgeConfig], backend: Backend) -> Recorder[Call]:
    """The stored line of one call: its aspect, the label read from the reply (or why none)."""
    parsers = {aspect: PARSERS[cfg.parser] for aspect, cfg in configs.items()}
    label_of = configs["truthful"].label()

    def record(call: Call, result: Result) -> dict[str, Any]:
        reply, flags = result.reply, list(call.flags)
        label, reason = UNPARSED, result.error and "call failed"
        if reply is not None:
            parsed = parsers[call.order](reply.text, call.request.answers)
            label, reason = parsed.verdict, parsed.reason
            if parsed.matches_answer_text:
                flags.append("verdict_matches_answer_text")
            if reply.finish_reason == "length":
                flags.append("reply_truncated")
        lang, _, item_id = call.item_id.partition(":")
        return {"schema_version": SCHEMA_VERSION, "key": call.key, "uid": call.item_id, "id": item_id,
                "lang": lang, "aspect": call.order, "label": label,
                "raw": backend.redact(reply.text) if reply else None, "reason": reason, "error": result.error,
                "error_kind": result.error_kind if result.error else None,
                "input_tokens": reply.input_tokens if reply else None,
                "output_tokens": reply.output_tokens if reply else None, "cost_usd": result.cost_usd,
                "latency_s": round(result.latency_s, 4), "attempts": result.attempts, "judge": label_of,
                "flags": flags, "time": datetime.now(UTC).isoformat(timespec="milliseconds")}

    return record


def run_plan(plan: Plan, opts: RunOptions) -> dict[str, Any]:
    """Write items.jsonl and run.json, make the pending calls, write and return summary.json."""
    opts.out.mkdir(parents=True, exist_ok=True)
    files.write_jsonl(opts.out / rundir.ITEMS, plan.items)
    files.write_json(opts.out / rundir.RUN, manifest(plan, opts))
    if plan.price is None and plan.pending:
        print(f"plug-judge: warning: no price known for {plan.config.model!r}: cost_usd is null "
              "(add it with --prices FILE)", file=sys.stderr)
    started = time.monotonic()
    engine = Engine(plan.backend, opts, plan.price, recorder(plan.configs, plan.backend),
                    activity="judging truthfulness")
    outcome = asyncio.run(engine.run(plan.pending))
    return truthful_run.write_summary(opts.out, {"stopped": outcome.stopped, "calls_made": outcome.calls,
                                                 "seconds": round(time.monotonic() - started, 3)})
