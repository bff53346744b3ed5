"""Synthetic run directories with the exact ``plug-judge compare`` schema (a test and bench fixture).

Why: the report, its browser tests and the benchmarks (``bench/stats``, ``bench/report``) need many realistic runs
(several systems, five languages, both orders, position bias, unparsed replies, errors, PLUG extraction status)
without paying a judge.  Deterministic for a seed.  Not judgments of anything: labelled so.

As in real runs, the instructions and the baseline's answers of a language are the same in every comparison
against that baseline, and a system's answers are the same whoever judges them; only the judgments depend on
the judge (two judges of one system agree often, not always).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from plug_eval import files, stats
from plug_eval.judges import runs
from plug_eval.languages import answer_units

SCHEMA_VERSION = 1
CATEGORIES = ("helpful_base", "koala", "oasst", "selfinstruct", "vicuna")
_SAMPLE = {
    "en": "Here is a clear answer with several practical steps and one example.",
    "zh": "这是一个清楚的回答，包含几个实用的步骤和一个例子。",
    "ko": "다음은 몇 가지 실용적인 단계와 예시가 포함된 명확한 답변입니다.",
    "it": "Ecco una risposta chiara con alcuni passaggi pratici e un esempio.",
    "es": "Aquí hay una respuesta clara con varios pasos prácticos y un ejemplo.",
}


def write_run(
    out: str | os.PathLike[str],
    *,
    system_a: str,
    system_b: str = "baseline",
    lang: str = "en",
    n_items: int = 50,
    strength: float = 0.0,
    position_bias: float = 0.3,
    seed: int = 0,
    judge: str = "synthetic:judge",
    n_resamples: int = 1000,
    answers: Sequence[tuple[str, str, str]] | None = None,
) -> dict[str, Any]:
    """Write one run directory; returns its summary.

    ``strength`` is A's advantage on the logit scale, ``position_bias`` the first slot's.
    ``answers`` optionally gives ``(instruction, answer_a, answer_b)`` per item (e.g. payloads).
    """
    rng = np.random.default_rng([seed, _stable(system_a), _stable(lang)])  # A's answers and their quality
    rng_b = np.random.default_rng([seed, _stable(system_b), _stable(lang), 1])  # B's: shared by every comparison
    rng_j = np.random.default_rng([seed, _stable(system_a), _stable(lang), _stable(judge)])  # the judge's draws
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    items, judgments = [], []
    for k in range(n_items):
        a, b = _answer(rng, lang), _answer(rng_b, lang)
        instruction = f"[{lang}] synthetic instruction {k}: explain a topic step by step."
        if answers is not None and k < len(answers):
            instruction, a, b = answers[k]
        item = _item(k, lang, instruction, a, b, rng, rng_b, system_a, system_b)
        items.append(item)
        quality = strength + rng.normal(0, 1.0)  # per-item: both orders and every judge share it
        judgments += [_judgment(item["id"], order, quality, position_bias, rng_j, judge) for order in ("AB", "BA")]
    summary = _summary(items, judgments, system_a=system_a, system_b=system_b, lang=lang, judge=judge,
                       seed=seed, n_resamples=n_resamples)
    files.write_jsonl(root / runs.ITEMS, items)
    files.write_jsonl(root / runs.JUDGMENTS, judgments)
    files.write_json(root / runs.SUMMARY, summary)
    return summary


def write_grid(out: str | os.PathLike[str], systems: Sequence[str], langs: Sequence[str], *, n_items: int = 50,
               seed: int = 0, n_resamples: int = 1000, judge: str = "synthetic:judge",
               baseline: str = "baseline") -> list[Path]:
    """One run per (system, language) against one baseline, strengths spread around parity."""
    dirs = []
    for s, system in enumerate(systems):
        for lang in langs:
            path = Path(out) / f"{system}-{lang}"
            write_run(path, system_a=system, system_b=baseline, lang=lang, n_items=n_items, seed=seed,
                      n_resamples=n_resamples, judge=judge, strength=-1.2 + 2.4 * s / max(1, len(systems) - 1))
            dirs.append(path)
    return dirs


def _stable(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


def _answer(rng: np.random.Generator, lang: str) -> str:
    return " ".join([_SAMPLE.get(lang, _SAMPLE["en"])] * int(rng.integers(1, 6)))


def _item(k: int, lang: str, instruction: str, a: str, b: str, rng: np.random.Generator, rng_b: np.random.Generator,
          sys_a: str, sys_b: str) -> dict[str, Any]:
    status = str(rng.choice(["ok", "ok", "ok", "ok", "ok", "ok", "no_target_header", "empty_answer"]))
    src = {"format": "synthetic", "sha256": hashlib.sha256(f"{sys_a}{lang}".encode()).hexdigest()}
    src_b = {"format": "synthetic", "sha256": hashlib.sha256(f"{sys_b}{lang}".encode()).hexdigest()}
    return {
        "schema_version": SCHEMA_VERSION, "id": f"{k:04d}", "lang": lang, "category": CATEGORIES[k % len(CATEGORIES)],
        "instruction": instruction, "answer_a": a, "answer_b": b, "raw_a": f"English response:\n...\n\n{a}",
        "raw_b": b, "status_a": status, "status_b": None, "pivot_draft_a": "A short English draft of the answer.",
        "pivot_draft_b": None, "units_a": answer_units(a), "units_b": answer_units(b),
        "lang_fidelity_a": round(float(rng.uniform(0.7, 1.0)), 4),
        "lang_fidelity_b": round(float(rng_b.uniform(0.8, 1.0)), 4),
        "source_a": {"path": f"answers/{sys_a}-{lang}.jsonl", **src},
        "source_b": {"path": f"answers/{sys_b}-{lang}.jsonl", **src_b},
    }


def _judgment(item_id: str, order: str, quality: float, bias: float, rng: np.random.Generator,
              judge: str) -> dict[str, Any]:
    """A judge that likes better answers and the first slot; sometimes unparsed or failing."""
    first_is_a = order == "AB"
    logit = quality + (bias if first_is_a else -bias)
    u = rng.random()
    p_a = 1 / (1 + np.exp(-logit))
    verdict = "A" if u < p_a * 0.85 else ("B" if u > 1 - (1 - p_a) * 0.85 else "tie")
    error = None
    if rng.random() < 0.01:
        verdict, error = "unparsed", "APITimeoutError: request timed out after 3 retries"
    elif rng.random() < 0.01:
        verdict = "unparsed"
    slot = {"A": "first" if first_is_a else "second", "B": "second" if first_is_a else "first"}.get(verdict, verdict)
    raw = None if error else f"Both answers address the question. [[{ {'first': 'A', 'second': 'B'}.get(slot, 'C') }]]"
    return {
        "schema_version": SCHEMA_VERSION, "key": hashlib.sha256(f"{judge}{item_id}{order}".encode()).hexdigest(),
        "id": item_id, "order": order, "slot_verdict": slot, "verdict": verdict, "raw": raw,
        "reason": None if verdict != "unparsed" or error else "no verdict token in the reply", "error": error,
        "input_tokens": 900, "output_tokens": 120, "cost_usd": 0.0021, "latency_s": 1.3, "judge": judge,
        "preset": "synthetic", "flags": [], "time": "2026-01-01T00:00:00Z",
    }


def _summary(items: list[dict[str, Any]], judgments: list[dict[str, Any]], **meta: Any) -> dict[str, Any]:
    by = {(j["id"], j["order"]): (None if j["error"] else j["verdict"]) for j in judgments}
    ov = [(by.get((i["id"], "AB")), by.get((i["id"], "BA"))) for i in items]
    core = stats.comparison_stats([stats.outcome_from_orders(a, b) for a, b in ov], order_verdicts=ov,
                                  categories=[i["category"] for i in items], seed=meta["seed"],
                                  n_resamples=meta["n_resamples"], len_a=[i["units_a"] for i in items],
                                  len_b=[i["units_b"] for i in items])
    return {"schema_version": SCHEMA_VERSION, **meta, **core, "errors": sum(j["error"] is not None for j in judgments),
            "cost_usd": float(sum(j["cost_usd"] for j in judgments)),
            "provenance": {"synthetic": "not real judgments", "orders": 2, "judge_preset": "synthetic",
                           "lm_eval_version": None, "plug_eval_version": "test"}}
