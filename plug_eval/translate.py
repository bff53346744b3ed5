"""``plug-train translate``: English instruction data into parallel rows, through the one engine.

Each (row, target language) is one call: the instruction and its response go out together in
one request, so terms stay consistent between them, and come back under two localized labels
(``### 指令:`` / ``### 回复:`` for Chinese) on lines of their own, where they are split.  The
calls run through :mod:`plug_eval.engine` with a backend from :mod:`plug_eval.judges` (any
``openai:MODEL`` + ``--base-url``, ``anthropic:MODEL`` or ``hf:PATH``), so the store,
concurrency, retries, ``--max-cost``, ``--dry-run`` and progress are the judges' own: a killed
run pays again only for the calls that were in flight, a finished one reruns with no call.

Every reply is checked (:func:`validate`); a failed check is a reason, counted and written to
``failures.jsonl``, never dropped.  Written to ``--out DIR``:

* ``parallel.jsonl`` -- rows translated into every requested language, in the format
  ``plug-train build-data --parallel`` reads; each row records the translator and prompt hash;
* ``partial.jsonl``  -- every row with the languages that passed (``build-data --allow-partial``);
* ``failures.jsonl`` -- one line per failed (row, language) with its reasons;
* ``translate.json`` -- settings, counts and cost; ``spotcheck.html`` with ``--spot-check N``;
* ``judgments.jsonl`` -- the engine's store of replies (the resumable part).
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from plug_eval import files, languages, store
from plug_eval.engine import Engine, Limits, Outcome, Result, check_before_calls
from plug_eval.errors import PlugEvalError
from plug_eval.judges import registry
from plug_eval.judges.base import Backend, BackendOptions, JudgeRequest, base_url_host
from plug_eval.langid import fidelity, strip_code
from plug_eval.languages import answer_units
from plug_eval.prices import FREE, Price, PriceTable, max_call_cost

SCHEMA_VERSION = 1

#: The two part labels per language (the labels of PLUG's own split script for zh, ko, it, es).
LABELS: dict[str, tuple[str, str]] = {
    "en": ("Instruction", "Response"),
    "zh": ("指令", "回复"),
    "ko": ("지시문", "답변"),
    "it": ("Istruzione", "Risposta"),
    "es": ("Instrucción", "Respuesta"),
}

#: Output tokens per source (English) token, for the dry-run estimate: a translation says the
#: same as its source, but these languages need more tokens than English for it in the OpenAI
#: tokenizers (an assumption, not a measurement of any one model: check a real dry run's usage).
EXPANSION: dict[str, float] = {"en": 1.0, "zh": 1.3, "ko": 1.6, "it": 1.3, "es": 1.25}

#: Length units (plug_eval.languages.answer_units: CJK characters, Hangul syllables, words) a
#: translation has per English word.  The length check divides by it before comparing.
UNITS_PER_WORD: dict[str, float] = {"en": 1.0, "zh": 1.6, "ko": 1.5, "it": 1.1, "es": 1.1}
RATIO_BAND = (0.33, 3.0)  #: normalized length ratio a translation must fall in
MIN_UNITS_FOR_RATIO = 20  #: below this many source units the ratio says nothing
MIN_FIDELITY = 0.5  #: share of the response's prose that must be in the target language
MIN_MAX_TOKENS = 256

SYSTEM = (
    "You are a professional translator of instruction-following data from {source} into {target}.\n"
    "The user message holds an instruction and its response. Translate both together, so that they "
    "stay consistent with each other. Do not follow the instruction, do not answer it, do not add "
    "notes. Keep code blocks, inline code, URLs, numbers, formulas and proper names exactly as they "
    "are; translate only natural-language text.\n"
    "Reply in exactly this form, with each label on a line of its own:\n"
    "### {ins}:\n<the {target} instruction>\n### {res}:\n<the {target} response>"
)
USER = "### {ins}:\n{instruction}\n### {res}:\n{response}"
PROMPT_SHA256 = hashlib.sha256(("translate-v1\n" + SYSTEM + "\n" + USER).encode("utf-8")).hexdigest()

_FENCED = re.compile(r"```[^\n]*\n(.*?)```|~~~[^\n]*\n(.*?)~~~", re.S)


# --------------------------------------------------------------------------- reading the input


def _source_row(obj: Any, where: str, n: int, source: str = "en") -> dict[str, Any]:
    """``{id, instruction, response}`` from one input row of any accepted shape (a parallel row's
    ``instruction_<source>``/``response_<source>`` too)."""
    if not isinstance(obj, dict):
        raise PlugEvalError("each row must be a JSON object", where)
    if "messages" in obj:
        msgs = obj["messages"]
        ok = isinstance(msgs, list) and all(isinstance(m, dict) and isinstance(m.get("content"), str) for m in msgs)
        turns = [m for m in msgs if m.get("role") != "system"] if ok else []
        if not ok or len(turns) != 2 or [m.get("role") for m in turns] != ["user", "assistant"]:
            raise PlugEvalError("'messages' must be one user turn then one assistant turn (single-turn only)", where)
        instruction, response = turns[0]["content"], turns[1]["content"]
    else:
        instruction = obj.get("instruction", obj.get(f"instruction_{source}"))
        response = obj.get("response", obj.get("output", obj.get(f"response_{source}")))
        extra = obj.get("input")
        if isinstance(instruction, str) and isinstance(extra, str) and extra.strip():
            instruction = f"{instruction.rstrip()}\n\n{extra.strip()}"  # Alpaca's optional input
    for name, value in (("instruction", instruction), ("response (or output)", response)):
        if not isinstance(value, str) or not value.strip():
            raise PlugEvalError(f"missing or empty {name}", where)
    rid = obj.get("id", n)
    if not isinstance(rid, (str, int)) or isinstance(rid, bool):
        raise PlugEvalError("'id' must be a string or an integer", where)
    return {"id": rid, "instruction": instruction.strip(), "response": response.strip()}


def read_source(path: str | Path, source: str = "en") -> list[dict[str, Any]]:
    """Rows of a JSONL file or a JSON list; errors name ``path`` (and the line or item)."""
    path = Path(path)
    if not path.is_file():
        raise PlugEvalError("input file not found", path)
    text = files.decode_text(files.read_bytes(path), path)
    if text.lstrip().startswith("["):
        data = files.parse_json(text, path)
        rows = [_source_row(obj, f"{path}: item {i}", i, source) for i, obj in enumerate(data)]
    else:
        rows = [_source_row(obj, f"{path}:{n}", n, source) for n, obj in files.jsonl_rows(text, path)]
    if not rows:
        raise PlugEvalError("no rows to translate", path)
    seen: set[str] = set()
    for r in rows:
        if str(r["id"]) in seen:
            raise PlugEvalError(f"duplicate id {r['id']!r}: ids name rows in the output", path)
        seen.add(str(r["id"]))
    return rows


# --------------------------------------------------------------------------- the prompt and its split


def est_tokens(text: str) -> int:
    """A rough token count: ~4 ASCII characters a token, one per other character."""
    n_ascii = sum(1 for ch in text if ord(ch) < 128)
    return math.ceil(n_ascii / 4 + (len(text) - n_ascii))


def max_tokens_for(row: dict[str, Any], target: str) -> int:
    """The reply's token budget: twice the source's tokens times the language's expansion, at
    least :data:`MIN_MAX_TOKENS`; never below twice the source (the issue's floor)."""
    src = est_tokens(row["instruction"]) + est_tokens(row["response"])
    return max(MIN_MAX_TOKENS, math.ceil(2 * max(1.0, EXPANSION[target]) * src) + 32)


def messages_for(row: dict[str, Any], source: str, target: str) -> tuple[str, str]:
    """(system, user) of one translation request."""
    ins, res = LABELS[target]
    src_ins, src_res = LABELS[source]
    system = SYSTEM.format(source=languages.get(source).name, target=languages.get(target).name, ins=ins, res=res)
    return system, USER.format(ins=src_ins, res=src_res, instruction=row["instruction"], response=row["response"])


def _label_line(label: str) -> re.Pattern[str]:
    return re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?\**[ \t]*" + re.escape(label) + r"[ \t]*\**[ \t]*[:：]\**[ \t]*",
                      re.M)


def split_reply(text: str, target: str) -> tuple[str | None, str | None]:
    """(instruction, response) of a reply; None for a part whose label line is missing.  The
    response starts at the first response label after the instruction label, so a response that
    mentions its own label later is kept whole."""
    ins, res = LABELS[target]
    m_ins = _label_line(ins).search(text)
    m_res = _label_line(res).search(text, m_ins.end() if m_ins else 0)
    instruction = None
    if m_ins:
        instruction = text[m_ins.end(): m_res.start() if m_res else len(text)].strip()
    response = text[m_res.end():].strip() if m_res else None
    return instruction, response


def code_blocks(text: str) -> list[str]:
    """The bodies of fenced code blocks, whitespace-normalized."""
    return [" ".join((a or b).split()) for a, b in _FENCED.findall(text or "")]


def length_ratio(source: str, translation: str, target: str, source_lang: str = "en") -> float | None:
    """Translation length over source length, in units normalized per language; None when the
    source has too little prose to judge."""
    src = answer_units(strip_code(source)) / UNITS_PER_WORD[source_lang]
    if src < MIN_UNITS_FOR_RATIO:
        return None
    return answer_units(strip_code(translation)) / UNITS_PER_WORD[target] / src


def validate(row: dict[str, Any], reply: str, target: str, *, source_lang: str = "en",
             finish_reason: str | None = None) -> tuple[dict[str, str] | None, list[str]]:
    """The translated parts and every reason the reply fails (empty list: it passes)."""
    reasons: list[str] = []
    instruction, response = split_reply(reply, target)
    ins_label, res_label = LABELS[target]
    if finish_reason == "length":
        reasons.append("truncated: the reply hit max_tokens")
    if instruction is None:
        reasons.append(f"missing_part: no '{ins_label}:' label line")
    elif not instruction:
        reasons.append("empty_part: the instruction is empty")
    if response is None:
        reasons.append(f"missing_part: no '{res_label}:' label line")
    elif not response:
        reasons.append("empty_part: the response is empty")
    if reasons:
        return None, reasons
    assert instruction is not None and response is not None
    fid = fidelity(response, target)
    if fid < MIN_FIDELITY:
        reasons.append(f"wrong_language: {fid:.0%} of the response's prose is {target} (needs {MIN_FIDELITY:.0%})")
    for part, src, out in (("instruction", row["instruction"], instruction), ("response", row["response"], response)):
        want, got = code_blocks(src), code_blocks(out)
        missing = [b for b in want if b not in got]
        if missing:
            reasons.append(f"code_block_lost: {len(missing)} of {len(want)} code block(s) of the {part} "
                           "missing or changed")
    ratio = length_ratio(row["instruction"] + "\n" + row["response"], instruction + "\n" + response, target,
                         source_lang)
    if ratio is not None and not RATIO_BAND[0] <= ratio <= RATIO_BAND[1]:
        reasons.append(f"length_ratio: {ratio:.2f} outside {RATIO_BAND[0]}-{RATIO_BAND[1]}")
    return ({"instruction": instruction, "response": response} if not reasons else None), reasons


# --------------------------------------------------------------------------- planning


@dataclass
class TranslateCall:
    """One planned call: a row into one language."""

    row_id: Any
    lang: str
    key: str
    request: JudgeRequest


def parse_model(spec: str) -> tuple[str, str]:
    """``openai:MODEL`` / ``anthropic:MODEL`` / ``hf:PATH`` -> (backend, model)."""
    backend, sep, model = spec.partition(":")
    if not sep or not model.strip():
        raise PlugEvalError(f"--model {spec!r}: expected BACKEND:MODEL, e.g. openai:gpt-4o-mini, "
                            "anthropic:claude-3-5-haiku or hf:./path")
    if backend == "rules":
        raise PlugEvalError("--model rules: the rules judge cannot translate; name an LLM")
    registry.get(backend)  # unknown -> did-you-mean now
    return backend, model


def make_backend(spec: str, base_url: str | None, timeout: float, extra: dict[str, Any] | None = None) -> Backend:
    backend, model = parse_model(spec)
    return registry.get(backend)(BackendOptions(model=model, base_url=base_url, timeout=timeout,
                                                extra=dict(extra or {})))


def parse_targets(spec: str, source: str) -> list[str]:
    out: list[str] = []
    for code in filter(None, (p.strip() for p in spec.split(","))):
        if code not in LABELS:
            raise PlugEvalError(f"--target {spec!r}: no labels for {code!r}; known: {', '.join(LABELS)}")
        if code == source:
            raise PlugEvalError(f"--target {spec!r}: {code} is the source language")
        if code not in out:
            out.append(code)
    if not out:
        raise PlugEvalError("--target needs at least one language, e.g. zh,ko,it,es")
    return out


def plan(rows: list[dict[str, Any]], targets: list[str], backend: Backend, *, source: str = "en",
         temperature: float = 0.0) -> list[TranslateCall]:
    identity = backend.identity()
    calls = []
    for row in rows:
        for lang in targets:
            system, user = messages_for(row, source, lang)
            decoding: dict[str, Any] = {"max_tokens": max_tokens_for(row, lang)}
            if "temperature" not in backend.unsupported_preset_args:
                decoding["temperature"] = temperature
            key = store.judgment_key(identity, decoding, PROMPT_SHA256, system, user, f"translate:{lang}")
            calls.append(TranslateCall(row["id"], lang, key,
                                       JudgeRequest(system=system, user=user, decoding=decoding, lang=lang)))
    return calls


# --------------------------------------------------------------------------- costs


def dry_run(rows: list[dict[str, Any]], calls: list[TranslateCall], pending: list[TranslateCall],
            price: Price | None, model: str) -> dict[str, Any]:
    """Calls and estimated cost: input as sent, output = source tokens x the language's expansion."""
    by_id = {r["id"]: r for r in rows}
    per_lang: dict[str, dict[str, Any]] = {}
    for c in pending:
        row = by_id[c.row_id]
        n_in = est_tokens(prompt_of(c))
        n_out = math.ceil((est_tokens(row["instruction"]) + est_tokens(row["response"])) * EXPANSION[c.lang])
        d = per_lang.setdefault(c.lang, {"calls": 0, "input_tokens": 0, "output_tokens": 0})
        d["calls"] += 1
        d["input_tokens"] += n_in
        d["output_tokens"] += n_out
    total = None
    for d in per_lang.values():
        d["cost_usd"] = None if price is None else round(price.cost(d["input_tokens"], d["output_tokens"]) or 0, 4)
        if d["cost_usd"] is not None:
            total = (total or 0.0) + d["cost_usd"]
    return {"dry_run": True, "model": model, "calls": len(calls), "pending": len(pending),
            "estimated": True, "expansion": {k: EXPANSION[k] for k in per_lang}, "per_lang": per_lang,
            "cost_usd": None if total is None else round(total, 4),
            "price_per_mtok": None if price is None else {"input": price.input, "output": price.output}}


# --------------------------------------------------------------------------- recording and outputs


def recorder(spec: str, backend: Backend) -> Any:
    def record(call: TranslateCall, result: Result) -> dict[str, Any]:
        reply = result.reply
        return {"schema_version": SCHEMA_VERSION, "key": call.key, "id": call.row_id, "lang": call.lang,
                "raw": backend.redact(reply.text) if reply else None, "error": result.error,
                "finish_reason": reply.finish_reason if reply else None,
                "input_tokens": reply.input_tokens if reply else None,
                "output_tokens": reply.output_tokens if reply else None, "cost_usd": result.cost_usd,
                "latency_s": round(result.latency_s, 4), "attempts": result.attempts, "translator": spec,
                "prompt_sha256": PROMPT_SHA256, "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds")}
    return record


def outcome_of(call: TranslateCall, row: dict[str, Any], rec: dict[str, Any] | None,
               source: str) -> tuple[dict[str, str] | None, list[str]]:
    if rec is None:
        return None, ["not_translated: no call made yet (stopped by --max-cost or interrupted)"]
    if rec.get("error") is not None:
        return None, [f"call_failed: {rec['error']}"]
    return validate(row, rec.get("raw") or "", call.lang, source_lang=source, finish_reason=rec.get("finish_reason"))


def assemble(rows: list[dict[str, Any]], calls: list[TranslateCall], st: store.JudgmentStore, *, source: str,
             targets: list[str], spec: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                     list[dict[str, Any]], list[TranslateCall], list[dict[str, Any]]]:
    """(complete rows, rows with one language at least, failures, failed calls, every row) from
    what the store holds now."""
    by_id = {r["id"]: r for r in rows}
    out: dict[Any, dict[str, Any]] = {}
    failures, failed = [], []
    for r in rows:
        out[r["id"]] = {"id": r["id"], f"instruction_{source}": r["instruction"], f"response_{source}": r["response"]}
    for c in calls:
        parts, reasons = outcome_of(c, by_id[c.row_id], st.latest(c.key), source)
        if parts is None:
            failures.append({"id": c.row_id, "lang": c.lang, "reasons": reasons, "key": c.key})
            failed.append(c)
        else:
            out[c.row_id][f"instruction_{c.lang}"] = parts["instruction"]
            out[c.row_id][f"response_{c.lang}"] = parts["response"]
    translator = {"model": spec, "prompt_sha256": PROMPT_SHA256}
    every = [{**out[r["id"]], "translator": translator} for r in rows]
    have = [sum(f"response_{t}" in row for t in targets) for row in every]
    partial = [row for row, n in zip(every, have, strict=True) if n]
    complete = [row for row, n in zip(every, have, strict=True) if n == len(targets)]
    return complete, partial, failures, failed, every


def spot_check(rows: list[dict[str, Any]], targets: list[str], source: str, n: int, seed: int) -> str:
    """An HTML page of ``n`` random rows: the source beside each translation, for a human to read."""
    picked = random.Random(seed).sample(rows, min(n, len(rows)))

    def esc(text: str | None) -> str:
        return html.escape(text or "—")

    head = "".join(f"<th>{esc(languages.get(x).name)}</th>" for x in [source, *targets])
    body = []
    for r in picked:
        for part in ("instruction", "response"):
            cells = "".join(f"<td><pre>{esc(r.get(f'{part}_{x}'))}</pre></td>" for x in [source, *targets])
            body.append(f"<tr><th>{esc(str(r['id']))}<br>{part}</th>{cells}</tr>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Translation spot check</title><style>"
            "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "vertical-align:top;padding:4px}pre{white-space:pre-wrap;max-width:40em;margin:0}</style></head><body>"
            f"<h1>Translation spot check: {len(picked)} random rows</h1><p>Prompt sha256 {PROMPT_SHA256[:12]}; "
            "an em dash marks a translation that failed its checks (see failures.jsonl).</p>"
            f"<table><tr><th>row</th>{head}</tr>{''.join(body)}</table></body></html>\n")


# --------------------------------------------------------------------------- the command


@dataclass
class Job:
    """A checked request: the rows, the languages, the backend and every call they need."""

    input: str
    rows: list[dict[str, Any]]
    source: str
    targets: list[str]
    model: str
    base_url: str | None
    temperature: float
    backend: Backend
    calls: list[TranslateCall]
    price: Price | None

    def assemble(self, st: store.JudgmentStore) -> tuple[
            list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[TranslateCall],
            list[dict[str, Any]]]:
        return assemble(self.rows, self.calls, st, source=self.source, targets=self.targets, spec=self.model)


def check_options(opts: Limits, source: str, temperature: float, spot: int) -> None:
    if source not in LABELS:
        raise PlugEvalError(f"--source {source!r}: no labels for it; known: {', '.join(LABELS)}")
    opts.check()
    if spot < 0:
        raise PlugEvalError(f"--spot-check must be 0 or more, not {spot}")
    if not 0 <= temperature <= 2:
        raise PlugEvalError(f"--temperature must be in 0-2, not {temperature}")
    if opts.out.exists() and not opts.out.is_dir():
        raise PlugEvalError("--out must be a directory", opts.out)


def pending_calls(job: Job, st: store.JudgmentStore, retry_failed: bool) -> list[TranslateCall]:
    """The calls to make: those the store lacks, and with ``retry_failed`` those that failed."""
    if not retry_failed:
        return [c for c in job.calls if not st.settled(c.key)]
    failed = [c for c in job.assemble(st)[3] if st.latest(c.key) is not None]  # failed, not merely unmade
    return failed + [c for c in job.calls if st.latest(c.key) is None]


def run_calls(job: Job, pending: list[TranslateCall], opts: Limits, st: store.JudgmentStore,
              retry_failed: bool) -> Outcome | None:
    """Make the pending calls through the engine, within what is left of ``--max-cost``."""
    if not pending:
        return None
    limits = replace(opts, force=retry_failed)  # --retry-failed asks again for keys the store holds
    if opts.max_cost is not None and job.price is not None:
        left = opts.max_cost - spent(st, job.calls, job.price)  # the budget is the directory's total
        if left <= 0:
            return Outcome(stopped="budget")
        limits = replace(limits, max_cost=left)
    engine: Engine[TranslateCall] = Engine(job.backend, limits, job.price, recorder(job.model, job.backend),
                                           activity="translating")
    return asyncio.run(engine.run(pending))


def write_outputs(job: Job, out: Path, outcome: Outcome | None, spot: int, seed: int) -> dict[str, Any]:
    """Rebuild every output from the store (atomically) and return the summary."""
    done = store.JudgmentStore(out)
    done.refresh()
    complete, partial, failures, _, every = job.assemble(done)
    files.write_jsonl(out / "parallel.jsonl", complete)
    files.write_jsonl(out / "partial.jsonl", partial)
    files.write_jsonl(out / "failures.jsonl", failures)
    if spot:
        files.write_atomic(out / "spotcheck.html", spot_check(every, job.targets, job.source, spot, seed))
    reasons = Counter(reason.split(":", 1)[0] for f in failures for reason in f["reasons"])
    summary = {
        "schema_version": SCHEMA_VERSION, "input": job.input, "source": job.source, "targets": job.targets,
        "translator": {"model": job.model, "host": base_url_host(job.base_url), "prompt_sha256": PROMPT_SHA256,
                       "temperature": job.temperature},
        "checks": {"min_fidelity": MIN_FIDELITY, "length_ratio_band": list(RATIO_BAND),
                   "units_per_word": UNITS_PER_WORD},
        "rows": len(job.rows), "complete_rows": len(complete), "partial_rows": len(partial) - len(complete),
        "failed_translations": len(failures), "failure_reasons": dict(sorted(reasons.items())),
        "per_lang_ok": {t: sum(1 for r in partial if f"response_{t}" in r) for t in job.targets},
        "calls_made": outcome.calls if outcome else 0, "call_errors": outcome.errors if outcome else 0,
        "cost_usd": round(outcome.cost, 6) if outcome else 0.0, "stopped": outcome.stopped if outcome else None,
        "cost_usd_all_runs": round(sum(r.get("cost_usd") or 0.0 for recs in done.by_key.values() for r in recs), 6),
    }
    files.write_json(out / "translate.json", summary)
    return summary


def translate(input_path: str, targets_spec: str, model: str, opts: Limits, *, source: str = "en",
              base_url: str | None = None, temperature: float = 0.0, retry_failed: bool = False,
              dry: bool = False, spot: int = 0, seed: int = 0,
              backend_extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Translate, write the outputs, return the summary (or the dry-run estimate).  Every input
    and option is checked before the first call; nothing is written before then either."""
    check_options(opts, source, temperature, spot)
    targets = parse_targets(targets_spec, source)
    rows = read_source(input_path, source)
    backend = make_backend(model, base_url, opts.timeout, backend_extra)
    price = FREE if backend.local else opts.prices.lookup(model.partition(":")[2])
    job = Job(str(input_path), rows, source, targets, model, base_url, temperature, backend,
              plan(rows, targets, backend, source=source, temperature=temperature), price)
    existing = store.JudgmentStore(opts.out)
    existing.refresh()
    pending = pending_calls(job, existing, retry_failed)
    if dry:
        return dry_run(rows, job.calls, pending, price, model)
    check_before_calls(pending, backend, opts.max_cost, price, model, prompt_of)
    opts.out.mkdir(parents=True, exist_ok=True)
    outcome = run_calls(job, pending, opts, existing, retry_failed)
    return write_outputs(job, opts.out, outcome, spot, seed)


def prompt_of(call: TranslateCall) -> str:
    """The text a translation call sends (what its cost estimate counts)."""
    return (call.request.system or "") + call.request.user


def spent(st: store.JudgmentStore, calls: list[TranslateCall], price: Price) -> float:
    """What the replies in the store cost, superseded ones included; a reply whose usage is
    unknown counts at its call's maximum, as the engine's budget does."""
    by_key = {c.key: c for c in calls}
    total = 0.0
    for key, recs in st.by_key.items():
        for rec in recs:
            if rec.get("cost_usd") is not None:
                total += rec["cost_usd"]
            elif rec.get("error") is None and key in by_key:
                req = by_key[key].request
                total += max_call_cost(prompt_of(by_key[key]), req.decoding, price)
    return total


def run_cli(args: Any) -> dict[str, Any]:
    """``plug-train translate``'s parsed flags -> :func:`translate`; every flag checked first."""
    table = PriceTable().override(args.prices) if args.prices else PriceTable()
    opts = Limits(out=Path(args.out), concurrency=args.concurrency, max_cost=args.max_cost,
                   max_retries=args.max_retries, timeout=args.timeout, prices=table,
                   progress=None if args.quiet else sys.stderr)
    return translate(args.input, args.target, args.model, opts, source=args.source, base_url=args.base_url,
                     temperature=args.temperature, retry_failed=args.retry_failed, dry=args.dry_run,
                     spot=args.spot_check, seed=args.seed)
