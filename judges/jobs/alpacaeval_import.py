"""Import AlpacaEval judge annotations as a plug-eval run directory.

Why: AlpacaEval publishes the judge annotations behind its leaderboard.  Importing them lets a
team put its own runs next to published ones in one report, and lets us check our statistics
against numbers a widely used tool published.  System A is the evaluated model
(``output_2``/``generator_2``), B is AlpacaEval's baseline (``output_1``); the soft preference
(1..2) is kept on every judgment.  ``summary.json`` carries AlpacaEval's own metrics under
``alpacaeval``, computed as AlpacaEval computes them, next to ours; a row without a verdict is
``unscored`` in our fields, never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from plug_eval import __version__, files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges import runs, summaries
from plug_eval.languages import answer_units

SCHEMA_VERSION = 1
FORMAT = "alpacaeval_annotations"
_REQUIRED = ("instruction", "output_1", "output_2", "preference")


# --------------------------------------------------------------------------- AlpacaEval's metrics


def alpacaeval_metrics(preferences: Sequence[float | None]) -> dict[str, Any]:
    """AlpacaEval's leaderboard columns from raw preferences (1 = baseline wins, 2 = model wins).

    As AlpacaEval computes them: a legacy 0 is a draw (1.5); draws are counted before rows
    without a valid preference are dropped; the standard error is the sample SEM; the discrete
    win rate first rounds each preference to 1, 1.5 or 2.
    """
    pref = np.array([math.nan if p is None else float(p) for p in preferences], dtype=float)
    n_draws = int(np.sum((pref == 1.5) | (pref == 0)))
    pref = np.where(pref == 0, 1.5, pref)
    p = pref[(pref >= 1) & (pref <= 2)] - 1.0
    n = int(p.size)
    discrete = np.where(p > 0.5, 1.0, np.where(p < 0.5, 0.0, 0.5))
    return {
        "win_rate": float(100 * p.mean()) if n else None,
        "standard_error": float(100 * p.std(ddof=1) / math.sqrt(n)) if n > 1 else None,
        "n_wins": int(np.sum(p > 0.5)),
        "n_wins_base": int(np.sum(p < 0.5)),
        "n_draws": n_draws,
        "n_total": n,
        "discrete_win_rate": float(100 * discrete.mean()) if n else None,
    }


def was_switched(instruction: str, seed: int = 0) -> bool:
    """Whether AlpacaEval showed the model's output first (its seeded, per-instruction swap).

    AlpacaEval does not store the swap flag; its rule rebuilds it exactly, which gives us the
    slot order of every judgment and so the judge's position bias.
    """
    return random.Random("is_switched_outputs" + instruction + str(seed)).choices([False, True])[0]


# --------------------------------------------------------------------------- reading


def load_annotations(path: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], str]:
    """Read and check an annotations file; returns the rows and the file's SHA-256."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PlugEvalError(f"cannot read annotations: {exc.strerror or exc}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlugEvalError(f"not UTF-8 text (invalid byte at offset {exc.start})", path) from None
    rows = files.parse_json(text, path)
    if not isinstance(rows, list) or not rows:
        raise PlugEvalError("expected a non-empty JSON list of AlpacaEval annotations", path)
    for i, row in enumerate(rows):
        missing = [k for k in _REQUIRED if not isinstance(row, dict) or k not in row]
        if missing:
            raise PlugEvalError(f"row {i} has no {', '.join(missing)}: not an AlpacaEval annotations file", path)
        pref = row["preference"]
        if pref is not None and not isinstance(pref, (int, float)):
            raise PlugEvalError(f"row {i}: preference must be a number or null, not {pref!r}", path)
    return rows, hashlib.sha256(data).hexdigest()


def item_id(instruction: str) -> str:
    """A stable id from the instruction text, so imports of different models join on it."""
    return "ae-" + hashlib.sha256(instruction.encode("utf-8")).hexdigest()[:12]


def _single(rows: Sequence[dict[str, Any]], key: str, path: Any) -> str:
    names = sorted({str(r.get(key)) for r in rows if r.get(key) is not None})
    if len(names) > 1:
        raise PlugEvalError(f"{key} differs between rows ({', '.join(names[:3])}): one comparison per file", path)
    return names[0] if names else ("model" if key == "generator_2" else "baseline")


def _preference(row: dict[str, Any]) -> float | None:
    p = row["preference"]
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return None
    p = 1.5 if p == 0 else float(p)
    return p if 1.0 <= p <= 2.0 else None


# --------------------------------------------------------------------------- building the run


def build_run(
    rows: Sequence[dict[str, Any]],
    *,
    source: dict[str, Any],
    lang: str = "en",
    swap_seed: int = 0,
    seed: int = 0,
    n_resamples: int = stats.DEFAULT_RESAMPLES,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Items, judgments and summary of one imported comparison (no I/O)."""
    run = _run(rows, source=source, lang=lang, swap_seed=swap_seed, seed=seed, n_resamples=n_resamples)
    judgments = [r for recs in run.by_key.values() for r in recs]
    return run.items, judgments, summaries.build_summaries([run])[0]


def _run(rows: Sequence[dict[str, Any]], *, source: dict[str, Any], lang: str, swap_seed: int, seed: int,
         n_resamples: int, out: str | os.PathLike[str] = ".") -> runs.Run:
    path = source.get("path")
    system_a, system_b = _single(rows, "generator_2", path), _single(rows, "generator_1", path)
    judge = _single(rows, "annotator", path) if any(r.get("annotator") for r in rows) else "alpacaeval"
    items, judgments, seen = [], [], set()
    for row in rows:
        iid = item_id(row["instruction"])
        if iid in seen:
            raise PlugEvalError(f"instruction repeated in the file: {row['instruction'][:60]!r}", path)
        seen.add(iid)
        items.append(_item(row, iid, lang, source))
        judgments.append(_judgment(row, iid, judge, swap_seed))
    manifest = {
        "system_a": system_a, "system_b": system_b, "judge": judge, "seed": seed, "n_resamples": n_resamples,
        "provenance": {
            "importer": "plug-judge import-alpacaeval", "plug_eval_version": __version__, "source": source,
            "orders": 1, "swap_rule": f"AlpacaEval is_switched_outputs, seed {swap_seed}",
            "soft_preferences": True, "units": "answer_units",
        },
        "keep": {"alpacaeval": alpacaeval_metrics([r["preference"] for r in rows])},
    }
    return runs.imported_run(out, items, judgments, manifest)


def _item(row: dict[str, Any], iid: str, lang: str, source: dict[str, Any]) -> dict[str, Any]:
    a, b = str(row["output_2"] or ""), str(row["output_1"] or "")
    return {
        "schema_version": SCHEMA_VERSION, "id": iid, "lang": lang, "category": row.get("dataset"),
        "instruction": row["instruction"], "answer_a": a, "answer_b": b, "raw_a": a, "raw_b": b,
        "status_a": None, "status_b": None, "pivot_draft_a": None, "pivot_draft_b": None,
        "units_a": answer_units(a), "units_b": answer_units(b), "lang_fidelity_a": None, "lang_fidelity_b": None,
        "source_a": source, "source_b": source,
    }


def _judgment(row: dict[str, Any], iid: str, judge: str, swap_seed: int) -> dict[str, Any]:
    pref = _preference(row)
    order = "AB" if was_switched(row["instruction"], swap_seed) else "BA"  # A = output_2, the model
    verdict = "unparsed" if pref is None else ("A" if pref > 1.5 else "B" if pref < 1.5 else "tie")
    first = {"A": "first" if order == "AB" else "second", "B": "second" if order == "AB" else "first"}
    raw = row.get("raw_completion")
    identical = row["output_1"] == row["output_2"]
    failed = pref is None and raw is None
    key_text = json.dumps([judge, row["instruction"], row["output_1"], row["output_2"]], ensure_ascii=False)
    return {
        "schema_version": SCHEMA_VERSION, "key": hashlib.sha256(key_text.encode("utf-8")).hexdigest(),
        "id": iid, "order": order, "slot_verdict": first.get(verdict, verdict), "verdict": verdict,
        "preference": pref, "raw": raw if raw is None or isinstance(raw, str) else json.dumps(raw, ensure_ascii=False),
        "reason": _reason(row), "error": "no verdict stored (failed call)" if failed else None,
        "input_tokens": None, "output_tokens": None, "cost_usd": _number(row.get("price_per_example")),
        "latency_s": _number(row.get("time_per_example")), "judge": judge, "preset": judge,
        "flags": ["identical_outputs"] if identical else [], "time": None,
    }


def _reason(row: dict[str, Any]) -> str | None:
    raw = row.get("raw_completion")
    if isinstance(raw, dict) and isinstance(raw.get("concise_explanation"), str):
        return raw["concise_explanation"]
    return None


def _number(x: Any) -> float | None:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


# --------------------------------------------------------------------------- writing


def import_annotations(
    path: str | os.PathLike[str], out: str | os.PathLike[str], *, lang: str = "en", force: bool = False,
    seed: int = 0, n_resamples: int = stats.DEFAULT_RESAMPLES,
) -> dict[str, Any]:
    """Read an annotations file and write a run directory; returns the summary."""
    out_dir = Path(out)
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not force)):
        raise PlugEvalError("output directory exists and is not empty (pass --force to overwrite)", out_dir)
    if out_dir.is_dir():
        paid = runs.non_import_judgments(out_dir)
        if paid:  # --force replaces an import, never judgments someone paid for
            raise PlugEvalError(f"holds {paid} judgments not written by an import (a compare or grade run): "
                                "import into a new --out", out_dir)
    rows, sha = load_annotations(path)
    source = {"path": os.path.abspath(path), "sha256": sha, "format": FORMAT}
    run = _run(rows, source=source, lang=lang, swap_seed=0, seed=seed, n_resamples=n_resamples, out=out_dir)
    summary = summaries.build_summaries([run])[0]
    runs.write_run(run, summary)
    return summary
