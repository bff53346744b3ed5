"""``plug-judge truthful`` as a job: X-TruthfulQA's two judgments of every answer.

As the PLUG paper does, each answer gets two independent calls: *truthfulness*, with the
question and both reference lists (``prompts/templates/truthful.j2``: truthful, not truthful,
or not enough information when neither list settles it), and *informativeness*, with the
question alone (``informative.j2``).  The answers are lm-eval ``--log_samples`` files of the
``xtruthfulqa_*`` tasks, whose docs carry the question, ``correct_answers``,
``incorrect_answers`` and ``lang``; the answer judged is ``filtered_resps`` (on pivot tasks the
target-language block).

Only what is this job's own is here: reading the samples, the two calls per answer, the identity
(answers, judge, base URL, languages, both templates) and the label each record carries.
Everything is read, checked and rendered before anything is written or paid for: a bad input is
a one-line error naming the file.  The call layer (:mod:`plug_eval.llm.jobs`) runs it; the
summary is :mod:`plug_eval.judges.summaries`'.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from plug_eval import __version__, files, langid, languages
from plug_eval.errors import DataError, PlugEvalError
from plug_eval.judges import inputs as answer_files
from plug_eval.judges import summaries
from plug_eval.judges.prompts.config import JudgeConfig, packaged_name, read_template, resolve
from plug_eval.judges.prompts.render import render
from plug_eval.judges.prompts.verdicts import PARSERS, UNPARSED
from plug_eval.judges.runs import TRUTHFUL
from plug_eval.llm.base import Backend, Reply, Request, identity_url
from plug_eval.llm.jobs import Call, Job, RunInfo, make_call
from plug_eval.tasks.source import RowProblem
from plug_eval.tasks.xtruthfulqa.data import REFERENCE_LISTS, reference_list

SCHEMA_VERSION = 1
INFO_TEMPLATE = "informative.j2"


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
    info = replace(truth, template_name=name, template_text=text, parser="informative",
                   packaged=packaged_name(name, text) if info_template is None else None)
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


def _lang(answer: answer_files.Answer, lang: str | None, path: str) -> str:
    found = answer.lang or lang
    if lang and answer.lang and answer.lang != lang:
        raise DataError(f"id {answer.id}: the file says language {answer.lang!r} but --lang is {lang!r}", path)
    if not found:
        raise DataError("the answers carry no language: pass --lang CODE", path)
    if found not in languages.LANGUAGES:
        raise DataError(f"unknown language {found!r}; known: {', '.join(languages.LANGUAGES)}", path)
    return str(found)


def read_samples(path: str, *, filter: str | None = None, lang: str | None = None, name: str | None = None,
                 skip_empty: bool = False) -> tuple[answer_files.AnswerFile, list[dict[str, Any]]]:
    """One samples file's answers as items, every row checked; raises DataError naming the file."""
    af = answer_files.read_answer_file(path, filter=filter, name=name)
    if af.format != answer_files.LM_EVAL:
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
                ) -> tuple[list[dict[str, Any]], list[answer_files.AnswerFile], str]:
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


# --------------------------------------------------------------------------- the job


@dataclass
class TruthfulJob(Job):
    """Both judgments of every non-empty answer of one system; only truthfulness sees the references."""

    answers: list[dict[str, Any]]  #: one item per answer (``uid`` = ``lang:id``)
    sources: list[answer_files.AnswerFile]
    system: str
    configs: dict[str, JudgeConfig]
    backend: Backend
    seed: int = 0
    n_resamples: int = 10_000

    kind = TRUTHFUL
    noun = "judgments"
    activity = "judging truthfulness"
    role = "judge"

    def __post_init__(self) -> None:
        self._calls: list[Call] | None = None
        langid.check({str(i["lang"]) for i in self.answers})  # a language file's langid: before any write

    @property
    def config(self) -> JudgeConfig:
        return self.configs["truthful"]

    def label(self) -> str:
        return self.config.label()

    def calls(self) -> list[Call]:
        if self._calls is None:
            self._calls = []
            for item in self.answers:
                if item["empty"]:
                    continue
                for aspect, cfg in self.configs.items():
                    context = {k: item[k] for k in REFERENCE_LISTS} if aspect == "truthful" else {}
                    template, sha = cfg.template_for(item["lang"])  # the language file's own, if it has one
                    r = render(template, instruction=item["instruction"], answers=(item["answer"],),
                               lang=item["lang"], max_answer_units=cfg.max_answer_units, context=context)
                    req = Request(system=r.system, user=r.user, decoding=cfg.decoding, lang=item["lang"],
                                  answers=(item["answer"],))
                    self._calls.append(make_call(self.backend, item["uid"], aspect, req, sha, flags=r.flags))
        return self._calls

    def identity(self) -> dict[str, Any]:
        return {"inputs": [f.sha256 for f in self.sources], "judge": self.config.label(),
                "base_url": identity_url(self.backend.effective_base_url()),
                "lang": sorted({str(i["lang"]) for i in self.answers}),
                "template": self.configs["truthful"].template_sha256,
                "info_template": self.configs["informative"].template_sha256, **self._own_templates()}

    def _own_templates(self) -> dict[str, Any]:
        langs = {str(i["lang"]) for i in self.answers}
        own = {aspect: t for aspect, cfg in self.configs.items() if (t := cfg.language_templates(langs))}
        return {"language_templates": own} if own else {}

    def conflict(self, old: dict[str, Any]) -> str | None:
        if old.get("system") == self.system:
            return None
        return f"holds the answers of {old.get('system')}; use another --out for {self.system}"

    def items(self, out: Path) -> list[dict[str, Any]]:
        return self.answers

    def manifest(self) -> dict[str, Any]:
        judge = {aspect: {"template": cfg.template_name, "template_sha256": cfg.template_sha256,
                          "parser": cfg.parser} for aspect, cfg in self.configs.items()}
        t = self.config
        return {"system": self.system, "judge": t.label(), "seed": self.seed, "n_resamples": self.n_resamples,
                "provenance": {"files": [f.source() for f in self.sources],
                               "judge": {"spec": t.spec, "preset": t.preset, "backend": t.backend, "model": t.model,
                                         "base_url": self.identity()["base_url"], "decoding": t.decoding,
                                         "max_answer_units": t.max_answer_units, **judge},
                               "seed": self.seed, "plug_eval_version": __version__,
                               **answer_files.data_provenance(*self.sources)}}

    def fields(self, call: Call, reply: Reply | None, error: str | None) -> dict[str, Any]:
        """The aspect and the label read from the reply (or why there is none)."""
        flags = list(call.flags)
        label, reason = UNPARSED, error and "call failed"
        if reply is not None:
            parsed = PARSERS[self.configs[call.part].parser](reply.text, call.request.answers)
            label, reason = parsed.verdict, parsed.reason
            if parsed.matches_answer_text:
                flags.append("verdict_matches_answer_text")
            if reply.finish_reason == "length":
                flags.append("reply_truncated")
        lang, _, item_id = str(call.item_id).partition(":")
        return {"uid": call.item_id, "id": item_id, "lang": lang, "aspect": call.part, "label": label,
                "reason": reason, "judge": self.config.label(), "flags": flags}

    def unparsed(self, call: Call, record: dict[str, Any]) -> bool:
        """A reply with no label: empty, a refusal, no label token."""
        return record.get("label") == UNPARSED

    def scored_nothing(self, summary: dict[str, Any]) -> str | None:
        if summary.get("n_items") and not (summary.get("n_truth_scored") or summary.get("n_info_scored")):
            return ("nothing was scored: every judgment failed or gave no label (the reasons are in "
                    "judgments.jsonl; --retry-errors, --retry-unparsed)")
        return None

    def summarize(self, out: Path, run: RunInfo | None) -> dict[str, Any]:
        return summaries.write_summary(out, None if run is None else run.standard())


def make_job(paths: list[str], configs: dict[str, JudgeConfig], backend: Backend, *, filter: str | None = None,
             lang: str | None = None, name: str | None = None, skip_empty: bool = False, seed: int = 0,
             n_resamples: int = 10_000) -> TruthfulJob:
    """One system's samples files read and checked, as a job (nothing written yet)."""
    items, read, system = load_inputs(paths, filter=filter, lang=lang, name=name, skip_empty=skip_empty)
    return TruthfulJob(items, read, system, configs, backend, seed, n_resamples)
