"""``plug-train translate`` as a job: English instruction data into parallel rows.

Each (row, target language) is one call: the instruction and its response go out together in
one request, so terms stay consistent between them, and come back under two localized labels
(``### 指令:`` / ``### 回复:`` for Chinese) on lines of their own, where they are split.  Only
what is this job's own is here (the rows, the prompt, the checks, the outputs); the call layer
(:mod:`plug_eval.llm.jobs`) runs it with any backend (``openai:MODEL`` + ``--base-url``,
``anthropic:MODEL``, ``hf:PATH``), so the store, identity, concurrency, retries, ``--max-cost``,
``--dry-run``, progress and exit codes are those of every LLM job: a killed run pays again only
for the calls that were in flight, a finished one reruns with no call.

Every reply is checked (:func:`validate`); a failed check is a reason, counted and written to
``failures.jsonl``, never dropped, and ``--retry-errors`` (or ``--retry-failed``) asks again for
those as for failed calls.  Written to ``--out DIR``:

* ``parallel.jsonl`` -- rows translated into every requested language, in the format
  ``plug-train build-data --parallel`` reads; each row records the translator and prompt hash;
* ``partial.jsonl``  -- every row with the languages that passed (``build-data --allow-partial``);
* ``failures.jsonl`` -- one line per failed (row, language) with its reasons;
* ``translate.json`` -- settings, counts and cost; ``spotcheck.html`` with ``--spot-check N``;
* ``judgments.jsonl``, ``items.jsonl``, ``run.json`` -- the call layer's store, rows and identity.
"""

from __future__ import annotations

import hashlib
import html
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import files, langid, languages
from plug_eval.errors import PlugEvalError
from plug_eval.langid import fidelity, strip_code
from plug_eval.languages import answer_units
from plug_eval.llm import registry, store
from plug_eval.llm.base import Backend, Reply, Request, base_url_host, identity_url
from plug_eval.llm.jobs import Call, Job, RunInfo, make_call

SCHEMA_VERSION = 1
SUMMARY = "translate.json"

# The two part labels of each language (``labels``: PLUG's own split script's for zh, ko, it, es),
# its output tokens per English token for the dry-run estimate (``expansion``: an assumption about
# the OpenAI tokenizers, not a measurement of any one model) and the length units a translation
# has per English word (``units_per_word``: the length check divides by it) are fields of its
# language file (plug_eval.languages).
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
    return max(MIN_MAX_TOKENS, math.ceil(2 * max(1.0, languages.get(target).expansion) * src) + 32)


def messages_for(row: dict[str, Any], source: str, target: str) -> tuple[str, str]:
    """(system, user) of one translation request."""
    ins, res = languages.get(target).labels
    src_ins, src_res = languages.get(source).labels
    system = SYSTEM.format(source=languages.get(source).name, target=languages.get(target).name, ins=ins, res=res)
    return system, USER.format(ins=src_ins, res=src_res, instruction=row["instruction"], response=row["response"])


def _label_line(label: str) -> re.Pattern[str]:
    return re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?\**[ \t]*" + re.escape(label) + r"[ \t]*\**[ \t]*[:：]\**[ \t]*",
                      re.M)


def split_reply(text: str, target: str) -> tuple[str | None, str | None]:
    """(instruction, response) of a reply; None for a part whose label line is missing.  The
    response starts at the first response label after the instruction label, so a response that
    mentions its own label later is kept whole."""
    ins, res = languages.get(target).labels
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
    src = answer_units(strip_code(source)) / languages.get(source_lang).units_per_word
    if src < MIN_UNITS_FOR_RATIO:
        return None
    return answer_units(strip_code(translation)) / languages.get(target).units_per_word / src


def validate(row: dict[str, Any], reply: str, target: str, *, source_lang: str = "en",
             finish_reason: str | None = None) -> tuple[dict[str, str] | None, list[str]]:
    """The translated parts and every reason the reply fails (empty list: it passes)."""
    reasons: list[str] = []
    instruction, response = split_reply(reply, target)
    ins_label, res_label = languages.get(target).labels
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


# --------------------------------------------------------------------------- the job


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


def parse_targets(spec: str, source: str) -> list[str]:
    out: list[str] = []
    for code in filter(None, (p.strip() for p in spec.split(","))):
        if code not in languages.LANGUAGES:
            raise PlugEvalError(f"--target {spec!r}: {languages.unknown(code)}")
        if code == source:
            raise PlugEvalError(f"--target {spec!r}: {code} is the source language")
        if code not in out:
            out.append(code)
    if not out:
        raise PlugEvalError("--target needs at least one language, e.g. zh,ko,it,es")
    return out


@dataclass
class TranslateJob(Job):
    """Rows of one input file into the target languages, by one translator."""

    input: str
    input_sha256: str
    rows: list[dict[str, Any]]
    source: str
    targets: list[str]
    spec: str  #: the translator as given, ``BACKEND:MODEL``
    backend: Backend
    temperature: float = 0.0
    decoding: dict[str, Any] = field(default_factory=dict)  #: -J decoding overrides
    spot: int = 0
    seed: int = 0

    kind = "translate"
    noun = "translations"
    activity = "translating"
    role = "translator"
    summary_file = SUMMARY
    adopt = (SUMMARY,)  # a directory written before run.json existed

    def __post_init__(self) -> None:
        self.by_id = {r["id"]: r for r in self.rows}
        self._calls: list[Call] | None = None

    def label(self) -> str:
        return self.spec

    def calls(self) -> list[Call]:
        if self._calls is None:
            self._calls = []
            for row in self.rows:
                for lang in self.targets:
                    system, user = messages_for(row, self.source, lang)
                    decoding: dict[str, Any] = {"max_tokens": max_tokens_for(row, lang)}
                    if "temperature" not in self.backend.unsupported_preset_args:
                        decoding["temperature"] = self.temperature
                    decoding.update(self.decoding)
                    req = Request(system=system, user=user, decoding=decoding, lang=lang)
                    self._calls.append(make_call(self.backend, row["id"], lang, req, PROMPT_SHA256,
                                                 key_part=f"translate:{lang}"))
        return self._calls

    def identity(self) -> dict[str, Any]:
        """The input file, the translator and where it is served, the source language and the
        prompt: what the stored translations are translations of (targets may be added)."""
        return {"input": self.input_sha256, "translator": self.spec,
                "base_url": identity_url(self.backend.effective_base_url()), "source": self.source,
                "prompt": PROMPT_SHA256}

    def items(self, out: Path) -> list[dict[str, Any]]:
        return self.rows

    def manifest(self) -> dict[str, Any]:
        return {"input": self.input, "source": self.source, "targets": self.targets, "translator": self.spec,
                "prompt_sha256": PROMPT_SHA256, "temperature": self.temperature}

    def fields(self, call: Call, reply: Reply | None, error: str | None) -> dict[str, Any]:
        return {"id": call.item_id, "lang": call.part, "finish_reason": reply.finish_reason if reply else None,
                "translator": self.spec, "prompt_sha256": PROMPT_SHA256}

    def rejects(self, call: Call, record: dict[str, Any]) -> bool:
        """A reply that fails its checks is asked again by ``--retry-errors``, as a failed call is."""
        return validate(self.by_id[call.item_id], record.get("raw") or "", call.part, source_lang=self.source,
                        finish_reason=record.get("finish_reason"))[0] is None

    def unparsed(self, call: Call, record: dict[str, Any]) -> bool:
        return self.rejects(call, record)

    def scored_nothing(self, summary: dict[str, Any]) -> str | None:
        if summary.get("rows") and not (summary.get("complete_rows") or summary.get("partial_rows")):
            return ("no row was translated (the reasons are in failures.jsonl); to ask again for what failed: "
                    "--retry-failed")
        return None

    def estimated_output_tokens(self, call: Call) -> int:
        """A translation says what its source says, in the language's expansion of tokens."""
        row = self.by_id[call.item_id]
        expansion = languages.get(call.part).expansion
        return math.ceil((est_tokens(row["instruction"]) + est_tokens(row["response"])) * expansion)

    def summarize(self, out: Path, run: RunInfo | None) -> dict[str, Any]:
        return write_outputs(self, out, run)


def make_job(input_path: str, targets_spec: str, spec: str, *, source: str = "en", base_url: str | None = None,
             temperature: float = 0.0, overrides: dict[str, Any] | None = None, timeout: float = 120.0,
             spot: int = 0, seed: int = 0) -> TranslateJob:
    """Every option and the input checked, the backend built: a job, nothing written yet."""
    if source not in languages.LANGUAGES:
        raise PlugEvalError(f"--source {source!r}: {languages.unknown(source)}")
    if spot < 0:
        raise PlugEvalError(f"--spot-check must be 0 or more, not {spot}")
    if not 0 <= temperature <= 2:
        raise PlugEvalError(f"--temperature must be in 0-2, not {temperature}")
    targets = parse_targets(targets_spec, source)
    langid.check([source, *targets])
    name, model = parse_model(spec)
    decoding, options = registry.split_options(dict(overrides or {}))
    rows = read_source(input_path, source)
    sha = hashlib.sha256(files.read_bytes(input_path)).hexdigest()
    backend = registry.build(name, model, base_url=base_url, timeout=timeout, options=options)
    return TranslateJob(str(input_path), sha, rows, source, targets, spec, backend, temperature, decoding, spot, seed)


# --------------------------------------------------------------------------- the outputs


def outcome_of(job: TranslateJob, call: Call, rec: dict[str, Any] | None) -> tuple[dict[str, str] | None, list[str]]:
    if rec is None:
        return None, ["not_translated: no call made yet (stopped by --max-cost or interrupted)"]
    if rec.get("error") is not None:
        return None, [f"call_failed: {rec['error']}"]
    return validate(job.by_id[call.item_id], rec.get("raw") or "", call.part, source_lang=job.source,
                    finish_reason=rec.get("finish_reason"))


def assemble(job: TranslateJob, st: store.Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                          list[dict[str, Any]], list[dict[str, Any]]]:
    """(complete rows, rows with one language at least, failures, every row) from what the store
    holds now (each key's counting record: the latest success, else the latest error)."""
    source = job.source
    out = {r["id"]: {"id": r["id"], f"instruction_{source}": r["instruction"], f"response_{source}": r["response"]}
           for r in job.rows}
    failures = []
    for c in job.calls():
        parts, reasons = outcome_of(job, c, store.counting(st.by_key.get(c.key, [])))
        if parts is None:
            failures.append({"id": c.item_id, "lang": c.part, "reasons": reasons, "key": c.key})
        else:
            out[c.item_id][f"instruction_{c.part}"] = parts["instruction"]
            out[c.item_id][f"response_{c.part}"] = parts["response"]
    translator = {"model": job.spec, "prompt_sha256": PROMPT_SHA256}
    every = [{**out[r["id"]], "translator": translator} for r in job.rows]
    have = [sum(f"response_{t}" in row for t in job.targets) for row in every]
    partial = [row for row, n in zip(every, have, strict=True) if n]
    complete = [row for row, n in zip(every, have, strict=True) if n == len(job.targets)]
    return complete, partial, failures, every


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


def write_outputs(job: TranslateJob, out: Path, run: RunInfo | None) -> dict[str, Any]:
    """Rebuild every output from the store (atomically) and return the summary."""
    done = store.Store(out)
    done.refresh()
    complete, partial, failures, every = assemble(job, done)
    files.write_jsonl(out / "parallel.jsonl", complete)
    files.write_jsonl(out / "partial.jsonl", partial)
    files.write_jsonl(out / "failures.jsonl", failures)
    if job.spot:
        files.write_atomic(out / "spotcheck.html", spot_check(every, job.targets, job.source, job.spot, job.seed))
    reasons = Counter(reason.split(":", 1)[0] for f in failures for reason in f["reasons"])
    run = run or RunInfo()
    summary = {
        "schema_version": SCHEMA_VERSION, "input": job.input, "source": job.source, "targets": job.targets,
        "translator": {"model": job.spec, "host": base_url_host(job.backend.options.base_url),
                       "prompt_sha256": PROMPT_SHA256, "temperature": job.temperature},
        "checks": {"min_fidelity": MIN_FIDELITY, "length_ratio_band": list(RATIO_BAND),
                   "units_per_word": {c: lang.units_per_word for c, lang in languages.LANGUAGES.items()}},
        "rows": len(job.rows), "complete_rows": len(complete), "partial_rows": len(partial) - len(complete),
        "failed_translations": len(failures), "failure_reasons": dict(sorted(reasons.items())),
        "per_lang_ok": {t: sum(1 for r in partial if f"response_{t}" in r) for t in job.targets},
        "calls_made": run.calls_made or 0, "call_errors": run.errors or 0, "cost_usd": round(run.cost_usd or 0.0, 6),
        "stopped": run.stopped, "cost_usd_all_runs": round(done.spent(), 6),
    }
    files.write_json(out / SUMMARY, summary)
    return summary


def result_line(s: dict[str, Any]) -> str:
    """The closing line of a translation run."""
    reasons = ", ".join(f"{k} {v}" for k, v in s["failure_reasons"].items())
    return (f"{s['input']}: {s['complete_rows']} of {s['rows']} rows translated into {','.join(s['targets'])} "
            f"({s['partial_rows']} partial, {s['failed_translations']} failed translations"
            + (f": {reasons}" if reasons else "") + f"); cost ${s['cost_usd']:.4f} this run, "
            f"${s['cost_usd_all_runs']:.4f} in all")
