"""``plug-judge svamp-extract`` as a job: X-SVAMP's final numbers read by an LLM, the paper's main method.

The PLUG paper scores X-SVAMP by asking an LLM (gpt-3.5-turbo in its repository) for the final
number of each chain-of-thought answer, and reads that reply with its regular expression (the
last ``-?\\d+(,\\d{3})*``, :func:`plug_eval.tasks.xsvamp.numbers.paper_number`) before comparing
it with the gold number by ``math.isclose``; an answer with no such number, or a reply of
``[invalid]``, is wrong.  This job asks the same question in our own words (:data:`SYSTEM`,
:data:`USER`), greedy (``temperature 0``, ``top_p 0``, 20 tokens), and scores three columns side
by side on the same answers: ``accuracy_llm`` (the paper's method), ``accuracy_rule`` (our
per-language rule, the tasks' ``accuracy``) and ``accuracy_paper_regex`` (the regex alone, the
paper's fallback).

The answers are lm-eval ``--log_samples`` files of the ``xsvamp_*`` tasks (on pivot tasks the
answer is ``filtered_resps`` of the chosen ``--filter``; the doc carries the gold ``answer``).
One call per answer over the call layer (:mod:`plug_eval.llm.jobs`): resumable, budgeted, with
the run flags every job takes.  The summary is ``svamp.json``: accuracies over the answers whose
extraction ended (a failed call counts as wrong, as an unanswered one does in the paper's
script), the answers not extracted yet counted apart (``pending``).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plug_eval import __version__, files, languages
from plug_eval.errors import DataError, PlugEvalError
from plug_eval.judges import inputs as answer_files
from plug_eval.llm import registry, store
from plug_eval.llm.base import Backend, Reply, Request, identity_url
from plug_eval.llm.jobs import Call, Job, RunInfo, make_call
from plug_eval.tasks.xsvamp import numbers

SCHEMA_VERSION = 1
SUMMARY = "svamp.json"
SYSTEM = ("You check worked answers to arithmetic word problems. You report the one number an answer gives as its "
          "final result, nothing else.")
USER = ("Problem:\n{question}\n\nAnswer to check (it may be in any language):\n{response}\n\n"
        "Which number does this answer give as its final result? Reply with that number only, in Arabic digits, "
        "without units or words. If the answer gives no final number, reply [invalid].")
PROMPT_SHA256 = hashlib.sha256(f"{SYSTEM}\x00{USER}".encode()).hexdigest()
DECODING = {"temperature": 0, "top_p": 0, "max_tokens": 20}


def _gold(path: str, wanted_filter: Any) -> dict[str, Any]:
    """doc id -> the gold answer, of the lines of the chosen filter."""
    text = files.decode_text(files.read_bytes(path, DataError), path, DataError)
    out: dict[str, Any] = {}
    for n, row in files.jsonl_rows(text, path, DataError):
        if isinstance(row, dict) and str(row.get("filter", "none")) == str(wanted_filter or "none"):
            doc = row.get("doc") or {}
            try:
                out[str(doc.get("id"))] = float(doc["answer"])
            except (KeyError, TypeError, ValueError):
                raise DataError(f"line {n}: the doc has no numeric 'answer': not an X-SVAMP samples file "
                                "(extract from the samples of the xsvamp_* tasks)", path) from None
    return out


def read_samples(path: str, *, filter: str | None = None, lang: str | None = None) -> tuple[
        answer_files.AnswerFile, list[dict[str, Any]]]:
    """One samples file's answers as items (gold, and the numbers the rule and the regex read)."""
    af = answer_files.read_answer_file(path, filter=filter)
    if af.format != answer_files.LM_EVAL:
        raise DataError(f"not an lm-eval samples file (it reads as a {af.format} answer file): svamp-extract "
                        "reads the --log_samples output of the xsvamp_* tasks", path)
    gold = _gold(path, af.meta.get("filter"))
    items = []
    for a in af.answers:
        code = a.lang or lang or ""
        if code not in languages.LANGUAGES:
            raise DataError(f"id {a.id}: language {code!r} is not one of {', '.join(languages.LANGUAGES)}"
                            + ("" if code else " (pass --lang CODE)"), path)
        items.append({"schema_version": SCHEMA_VERSION, "uid": f"{code}:{a.id}", "id": a.id, "lang": code,
                      "instruction": a.instruction or "", "answer": a.answer, "gold": gold[str(a.id)],
                      "number_rule": numbers.final_number(a.answer, code),
                      "number_paper_regex": numbers.paper_number(a.answer), "source": af.source()})
    return af, items


def _correct(number: float | None, gold: float) -> bool:
    return number is not None and math.isclose(number, gold)


# --------------------------------------------------------------------------- the job


@dataclass
class SvampExtractJob(Job):
    """One extraction call per X-SVAMP answer of one system."""

    answers: list[dict[str, Any]]
    sources: list[answer_files.AnswerFile]
    system: str
    spec: str  #: the extractor as given, ``BACKEND:MODEL``
    backend: Backend
    decoding: dict[str, Any]

    kind = "svamp_extract"
    noun = "extractions"
    activity = "extracting"
    role = "extractor"
    summary_file = SUMMARY

    def __post_init__(self) -> None:
        self._calls: list[Call] | None = None

    def label(self) -> str:
        return self.spec

    def calls(self) -> list[Call]:
        if self._calls is None:
            self._calls = []
            for item in self.answers:
                user = USER.format(question=item["instruction"], response=item["answer"])
                req = Request(system=SYSTEM, user=user, decoding=self.decoding, lang=item["lang"])
                self._calls.append(make_call(self.backend, item["uid"], "", req, PROMPT_SHA256,
                                             key_part="svamp_extract"))
        return self._calls

    def identity(self) -> dict[str, Any]:
        return {"inputs": [f.sha256 for f in self.sources], "extractor": self.spec,
                "base_url": identity_url(self.backend.effective_base_url()), "prompt": PROMPT_SHA256}

    def conflict(self, old: dict[str, Any]) -> str | None:
        if old.get("system") == self.system:
            return None
        return f"holds the answers of {old.get('system')}; use another --out for {self.system}"

    def items(self, out: Path) -> list[dict[str, Any]]:
        return self.answers

    def manifest(self) -> dict[str, Any]:
        return {"system": self.system, "extractor": self.spec, "prompt_sha256": PROMPT_SHA256,
                "decoding": self.decoding,
                "provenance": {"files": [f.source() for f in self.sources], "plug_eval_version": __version__,
                               "base_url": self.identity()["base_url"]}}

    def fields(self, call: Call, reply: Reply | None, error: str | None) -> dict[str, Any]:
        """The extractor's reply and the number the paper's regex reads in it."""
        text = reply.text.strip() if reply is not None else None
        lang, _, item_id = str(call.item_id).partition(":")
        return {"uid": call.item_id, "id": item_id, "lang": lang, "extracted": text,
                "number_llm": numbers.paper_number(text) if text is not None else None, "extractor": self.spec}

    def unparsed(self, call: Call, record: dict[str, Any]) -> bool:
        """An empty reply (``[invalid]`` is an answer: the extractor found no number)."""
        return not (record.get("extracted") or "").strip()

    def scored_nothing(self, summary: dict[str, Any]) -> str | None:
        if not summary.get("n_items") or summary["n_extracted"] > summary["errors"]:
            return None
        if summary["errors"]:
            return "no answer was extracted: every call failed (the reasons are in judgments.jsonl; --retry-errors)"
        return "no answer was extracted: no call was made (stopped before the first; see --max-cost)"

    def summarize(self, out: Path, run: RunInfo | None) -> dict[str, Any]:
        return write_summary(self, out, run)


# --------------------------------------------------------------------------- the summary


def _scores(items: list[dict[str, Any]], records: list[dict[str, Any] | None]) -> dict[str, Any]:
    """The three accuracies of some answers (fractions, as lm-eval reports them)."""
    ended = [(i, r) for i, r in zip(items, records, strict=True) if r is not None]
    llm_ok = [r.get("error") is None and _correct(r.get("number_llm"), i["gold"]) for i, r in ended]
    n = len(items)
    return {"n_items": n, "n_extracted": len(ended), "pending": n - len(ended),
            "errors": sum(r.get("error") is not None for _, r in ended),
            "invalid": sum(r.get("error") is None and r.get("number_llm") is None for _, r in ended),
            "accuracy_llm": sum(llm_ok) / len(ended) if ended else None,
            "accuracy_rule": sum(_correct(i["number_rule"], i["gold"]) for i in items) / n if n else None,
            "accuracy_paper_regex": sum(_correct(i["number_paper_regex"], i["gold"]) for i in items) / n if n else None,
            "llm_disagrees_with_rule": sum(r.get("error") is None and not numbers.same(r.get("number_llm"),
                                                                                      i["number_rule"])
                                           for i, r in ended)}


def write_summary(job: SvampExtractJob, out: Path, run: RunInfo | None) -> dict[str, Any]:
    """Rebuild ``svamp.json`` from the store and return it."""
    done = store.Store(out)
    done.refresh()
    records = [store.counting(done.by_key.get(c.key, [])) for c in job.calls()]
    langs = [c for c in languages.LANGUAGES if any(i["lang"] == c for i in job.answers)]
    by_lang = {lang: _scores([i for i in job.answers if i["lang"] == lang],
                             [r for i, r in zip(job.answers, records, strict=True) if i["lang"] == lang])
               for lang in langs}
    summary = {"schema_version": SCHEMA_VERSION, "kind": job.kind, "system": job.system, "extractor": job.spec,
               "lang": langs[0] if len(langs) == 1 else "mixed", **_scores(job.answers, records), "by_lang": by_lang,
               "prompt_sha256": PROMPT_SHA256, "cost_usd_all_runs": round(done.spent(), 6),
               "run": (run or RunInfo()).standard()}
    files.write_json(out / SUMMARY, summary)
    return summary


def _pct(value: float | None) -> str:
    return "none" if value is None else f"{value:.2%}"


def result_line(s: dict[str, Any]) -> str:
    """The closing line (percentages as the paper's script prints them, ``{:.2%}``)."""
    return (f"{s['system']} X-SVAMP ({s['lang']}, extractor {s['extractor']}): accuracy with LLM extraction "
            f"{_pct(s['accuracy_llm'])} (the paper's method), rule {_pct(s['accuracy_rule'])}, paper regex "
            f"{_pct(s['accuracy_paper_regex'])}; {s['n_extracted']} of {s['n_items']} extracted, {s['pending']} "
            f"pending, {s['errors']} errors, {s['invalid']} without a number; cost ${s['cost_usd_all_runs']:.4f}")


def make_job(paths: list[str], spec: str, *, base_url: str | None = None, overrides: dict[str, Any] | None = None,
             filter: str | None = None, lang: str | None = None, timeout: float = 120.0) -> SvampExtractJob:
    """The samples read and checked and the extractor built: a job, nothing written yet."""
    backend_name, sep, model = spec.partition(":")
    if not sep or not model.strip() or backend_name == "rules":
        raise PlugEvalError(f"--judge {spec}: name an LLM as BACKEND:MODEL, e.g. openai:gpt-3.5-turbo")
    cls = registry.get(backend_name)  # unknown -> did-you-mean now
    decoding_over, options = registry.split_options(dict(overrides or {}))
    decoding = {k: v for k, v in DECODING.items() if k not in cls.unsupported_preset_args}
    items, sources, seen = [], [], set()
    for path in paths:
        af, rows = read_samples(path, filter=filter, lang=lang)
        for row in rows:
            if row["uid"] in seen:
                raise DataError(f"id {row['id']} ({row['lang']}) is in two files: one task per file", path)
            seen.add(row["uid"])
        items += rows
        sources.append(af)
    systems = sorted({f.system for f in sources})
    if len(systems) > 1:
        raise DataError(f"the files come from different systems ({', '.join(systems)}): one system per run", paths[-1])
    backend = registry.build(backend_name, model, base_url=base_url, timeout=timeout, options=options)
    return SvampExtractJob(items, sources, systems[0], spec, backend, {**decoding, **decoding_over})
