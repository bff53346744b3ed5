"""``plug-judge compare`` and ``grade`` as a job: every item judged in both orders (or graded).

Only what is this job's own is here: the paired items, one call per order (``AB`` = system A in
the first slot, ``BA``) with its rendered prompt and key, the identity of a comparison (inputs,
judge, base URL, languages, template), and the verdict each record carries, mapped back from
slots to systems.  The call layer (:mod:`plug_eval.llm.jobs`) checks the run directory, runs
the engine, writes the common record fields and the summary (:mod:`plug_eval.judges.summaries`).
Nothing is written until both answer files, the judge and the template have been checked, so a
bad input leaves an existing run directory untouched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import __version__, files, langid
from plug_eval.errors import PlugEvalError
from plug_eval.judges import inputs as answer_files
from plug_eval.judges import summaries
from plug_eval.judges.prompts.config import JudgeConfig
from plug_eval.judges.prompts.render import render
from plug_eval.judges.prompts.verdicts import PARSERS, UNPARSED
from plug_eval.llm import registry, rundir
from plug_eval.llm.base import Backend, Reply, Request, identity_url
from plug_eval.llm.jobs import Call, Job, RunInfo, make_call

SCHEMA_VERSION = 1
DEFAULT_PARSER = {"pairwise": "pairwise", "grade": "rating"}  #: a run with another parser names it in its identity
SYSTEM_OF_SLOT = {"AB": {"first": "A", "second": "B"}, "BA": {"first": "B", "second": "A"}}


def chosen_order(seed: int, item_id: str, systems: tuple[str, str]) -> str:
    """The one order judged under ``--orders 1``: a coin flip seeded by (seed, item, systems)."""
    blob = json.dumps([seed, item_id, sorted(systems)], ensure_ascii=False).encode("utf-8")
    return "AB" if hashlib.sha256(blob).digest()[0] % 2 == 0 else "BA"


def make_backend(config: JudgeConfig, timeout: float = 120.0) -> Backend:
    """The judge's backend, as its config names it."""
    return registry.build(config.backend, config.model, base_url=config.base_url, timeout=timeout,
                          options=config.options)


# --------------------------------------------------------------------------- inputs


@dataclass
class Inputs:
    items: list[dict[str, Any]]
    files: list[answer_files.AnswerFile]
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)
    empty: dict[str, int] = field(default_factory=dict)  #: empty answers of system a and b

    @property
    def systems(self) -> tuple[str, str]:
        return (self.files[0].system, self.files[1].system if len(self.files) > 1 else "")


def load_inputs(paths: list[str], *, lang: str | None = None, filter: str | None = None,
                allow_missing: bool = False, names: tuple[str | None, str | None] = (None, None),
                limit: int | None = None, allow_empty: bool = False) -> Inputs:
    """Read and pair the answer files (one file: grading), the first ``limit`` items only if
    given; raises DataError naming the file.  Empty answers (a model that said nothing, a PLUG
    extraction that found no target block) are counted before any call: above
    :data:`plug_eval.judges.inputs.MAX_EMPTY_SHARE` of a system's answers they are refused unless ``allow_empty``."""
    if limit is not None and limit < 1:
        raise PlugEvalError(f"--limit must be at least 1, not {limit}")
    read = [answer_files.read_answer_file(p, filter=filter, name=n) for p, n in zip(paths, names, strict=False)]
    if len(read) == 1:
        inputs = Inputs(answer_files.single_items(read[0], lang=lang)[:limit], read)
    else:
        pairing = answer_files.pair_files(read[0], read[1], lang=lang, allow_missing=allow_missing)
        inputs = Inputs(pairing.items[:limit], read, pairing.only_in_a, pairing.only_in_b)
    for side, f in zip("ab", read, strict=False):
        empty = sum(not str(i.get(f"answer_{side}") or "").strip() for i in inputs.items)
        inputs.empty[side] = empty
        if empty and empty > answer_files.MAX_EMPTY_SHARE * len(inputs.items) and not allow_empty:
            raise answer_files.DataError(
                f"{empty} of {len(inputs.items)} answers of {f.system} are empty (the model said nothing, or PLUG "
                "extraction found no target-language block; --filter none judges the whole response): pass "
                "--allow-empty to judge them anyway", f.path)
    return inputs


# --------------------------------------------------------------------------- the job


@dataclass
class PairwiseJob(Job):
    """A comparison of system A with system B (or the grading of one system) by one judge."""

    inputs: Inputs
    config: JudgeConfig
    backend: Backend
    orders: int = 2
    seed: int = 0
    n_resamples: int = 10_000

    noun = "judgments"
    activity = "judging"
    role = "judge"

    def __post_init__(self) -> None:
        if self.orders not in (1, 2):
            raise PlugEvalError(f"--orders must be 1 or 2, not {self.orders}")
        if self.config.orders and self.config.mode == "pairwise" and self.orders != self.config.orders:
            raise PlugEvalError(f"--orders {self.orders}: preset {self.config.preset} judges in "
                                f"{self.config.orders} order(s), as the paper does")
        langid.check({str(i["lang"]) for i in self.inputs.items})  # a language file's langid: before any write
        self.kind = self.config.mode  # "pairwise" or "grade"
        self._calls: list[Call] | None = None

    def label(self) -> str:
        return self.config.label()

    def _call(self, item: dict[str, Any], order: str) -> Call:
        if order == "":
            answers: tuple[str, ...] = (item["answer_a"],)
        else:
            answers = (item["answer_a"], item["answer_b"]) if order == "AB" else (item["answer_b"], item["answer_a"])
        cfg = self.config
        template, sha = cfg.template_for(item["lang"])  # the language file's own prompt, if it has one
        r = render(template, instruction=item["instruction"] or "", answers=answers, lang=item["lang"],
                   max_answer_units=cfg.max_answer_units)
        req = Request(system=r.system, user=r.user, decoding=cfg.decoding, lang=item["lang"], answers=answers)
        return make_call(self.backend, item["id"], order, req, sha, flags=r.flags)

    def calls(self) -> list[Call]:
        """Every call the comparison needs, in item order (both orders of an item together)."""
        if self._calls is None:
            if self.config.mode == "grade":
                self._calls = [self._call(item, "") for item in self.inputs.items]
            else:
                both = ("AB", "BA")
                self._calls = [self._call(item, order) for item in self.inputs.items
                               for order in (both if self.orders == 2 else
                                             (chosen_order(self.seed, item["id"], self.inputs.systems),))]
        return self._calls

    def identity(self) -> dict[str, Any]:
        """The inputs' hashes, the judge, the effective base URL (credentials redacted), the
        languages and the template."""
        rule = {} if self.config.parser == DEFAULT_PARSER[self.config.mode] else {"verdict_rule": self.config.parser}
        langs = sorted({str(i["lang"]) for i in self.inputs.items})
        own = self.config.language_templates(langs)
        return {"inputs": [f.sha256 for f in self.inputs.files], "judge": self.config.label(),
                "base_url": identity_url(self.backend.effective_base_url()),
                "lang": langs, "template": self.config.template_sha256,
                **rule, **({"language_templates": own} if own else {})}

    def conflict(self, old: dict[str, Any]) -> str | None:
        judge = (old.get("provenance") or {}).get("judge") or {}
        old_parser = judge.get("parser") or DEFAULT_PARSER[self.config.mode]
        if old_parser != self.config.parser:  # stored verdicts were read by that rule: never mixed
            return (f"holds verdicts read by the {old_parser!r} rule, not {self.config.parser!r} "
                    "(--verdict-rule); use another --out")
        systems = self.inputs.systems
        if (old.get("system_a"), old.get("system_b") or "") == systems:
            return None
        return (f"holds {old.get('system_a')} vs {old.get('system_b')} ({old.get('mode')}); "
                f"use another --out for {systems[0]} vs {systems[1]}")

    def items(self, out: Path) -> list[dict[str, Any]]:
        """The paired answers with their language fidelity (taken from a previous items.jsonl of
        the same answers when there is one: it saves running py3langid again)."""
        items = self.inputs.items
        path = out / rundir.ITEMS
        if path.exists():
            old = {(r["id"], r.get("answer_a"), r.get("answer_b")): r for r in files.read_jsonl(path)}
            for item in items:
                prev = old.get((item["id"], item.get("answer_a"), item.get("answer_b")))
                for side in ("a", "b"):
                    if prev and item.get(f"lang_fidelity_{side}") is None:
                        item[f"lang_fidelity_{side}"] = prev.get(f"lang_fidelity_{side}")
        answer_files.fill_fidelity(items)
        return items

    def manifest(self) -> dict[str, Any]:
        cfg, inputs = self.config, self.inputs
        return {
            "mode": cfg.mode, "system_a": inputs.systems[0], "system_b": inputs.systems[1] or None,
            "judge": cfg.label(), "orders": self.orders, "seed": self.seed, "n_resamples": self.n_resamples,
            "provenance": {
                "files": [f.source() for f in inputs.files],
                "judge": {"spec": cfg.spec, "preset": cfg.preset, "backend": cfg.backend, "model": cfg.model,
                          "base_url": self.identity()["base_url"], "template": cfg.template_name,
                          "template_sha256": cfg.template_sha256, "parser": cfg.parser, "decoding": cfg.decoding,
                          "max_answer_units": cfg.max_answer_units,
                          "not_a_quality_judge": cfg.not_a_quality_judge},
                "seed": self.seed, "plug_eval_version": __version__, **answer_files.data_provenance(*inputs.files),
            },
            "missing": {"only_in_a": inputs.only_in_a, "only_in_b": inputs.only_in_b},
        }

    def fields(self, call: Call, reply: Reply | None, error: str | None) -> dict[str, Any]:
        """The verdict read from the reply, mapped back from slots to systems (or why there is none)."""
        flags = list(call.flags)
        slot, verdict, rating, reason = UNPARSED, UNPARSED, None, error and "call failed"
        if reply is not None:
            parsed = PARSERS[self.config.parser](reply.text, call.request.answers)
            slot, rating, reason = parsed.verdict, parsed.rating, parsed.reason
            if parsed.matches_answer_text:
                flags.append("verdict_matches_answer_text")
            if reply.finish_reason == "length":
                flags.append("reply_truncated")
            verdict = SYSTEM_OF_SLOT.get(call.part, {}).get(slot, "tie" if slot == "tie" else slot)
        return {"id": call.item_id, "order": call.part or None,
                "slot_verdict": slot if self.config.mode == "pairwise" else None, "verdict": verdict,
                "rating": rating, "reason": reason, "judge": self.config.label(), "preset": self.config.preset,
                "flags": flags}

    def unparsed(self, call: Call, record: dict[str, Any]) -> bool:
        """A reply with no verdict (or no rating): empty, a refusal, no verdict token."""
        return record.get("rating") is None if self.config.mode == "grade" else record.get("verdict") == UNPARSED

    def scored_nothing(self, summary: dict[str, Any]) -> str | None:
        scored = summary.get("n_rated") if self.config.mode == "grade" else summary.get("n_scored")
        if summary.get("n_items") and not scored:
            return ("nothing was scored: every judgment failed or gave no verdict (the reasons are in "
                    "judgments.jsonl; --retry-errors, --retry-unparsed)")
        return None

    def summarize(self, out: Path, run: RunInfo | None) -> dict[str, Any]:
        return summaries.write_summary(out, None if run is None else run.standard())
