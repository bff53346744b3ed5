"""From run directories to the report's comparisons, one run in memory at a time.

Each pairwise run is read whole once (:func:`plug_eval.judges.runs.load_run`): its answer
browser data is written out (:mod:`plug_eval.reports.browser`), and what the statistics need
(item ids, outcomes, the summary, language fidelity and extraction rates, provenance) is kept
in a :class:`~plug_eval.reports.model.Cell`; answers and judge replies are then let go.  So the
report's memory grows with comparisons x items, not with the texts.

**An unfinished run says so.**  ``summary.json`` is written when a job ends; a job killed (or
still running) after it stored new judgments leaves the old summary, which would read as
finished.  The report checks each summary against the files: the store's size and CRC-32 as
``facts.json`` recorded them when the summary was written (when that cache is there), and the
item counts the stored judgments give.  A summary that does not match is recomputed from the
files (:func:`plug_eval.judges.summaries.summarize_dirs`, nothing written) and the comparison is marked
unfinished.  (The call layer also marks a summary ``stopped: unfinished`` while its run goes on; this
check covers directories without that mark and any summary that does not match its files.)
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges import runs, summaries
from plug_eval.judges.runs import TRUTHFUL, Run, load_run
from plug_eval.reports.alpacaeval_lc import AlpacaEvalLC
from plug_eval.reports.browser import BrowserData
from plug_eval.reports.model import Cell, unique_key

STORE_CHANGED = "judgments stored after its summary.json (a killed or running job): numbers recomputed from the files"
COUNTS_DIFFER = "summary.json does not match the stored judgments: numbers recomputed from the files"


def load_comparisons(run_dirs: Sequence[str | os.PathLike[str]], browser: BrowserData,
                     ae_lc: AlpacaEvalLC | None = None) -> tuple[list[Cell], list[Run]]:
    """The pairwise comparisons as cells (their browser data handed to ``browser``) and the
    X-TruthfulQA runs, which the report lists whole."""
    cells: list[Cell] = []
    truthful: list[Run] = []
    seen: Counter[str] = Counter()
    for d in run_dirs:
        run = load_run(d)
        if run.kind == TRUTHFUL:
            truthful.append(run)
            continue
        cell = cell_of(run)
        cell.key = unique_key(cell, seen)
        if ae_lc is not None:
            ae_lc.apply(cell)
        browser.add(cell, run)
        cells.append(cell)
    return cells, truthful


def cell_of(run: Run) -> Cell:
    """A comparison as the report keeps it: numbers and per-item outcomes, no texts."""
    s, unfinished = current_summary(run)
    lang = str(s.get("lang") or (run.items[0].get("lang") if run.items else "") or "?")
    return Cell(lang, str(s.get("system_a")), str(s.get("system_b")), str(s.get("judge") or "?"), s,
                path=run.path, ids=run.ids, outcomes=run.outcomes(), extras=extras(run),
                provenance=provenance(run), unfinished=unfinished, pending=summaries.pending_flags(run),
                both_orders=run.kind == "pairwise" and not run.single_order)


def current_summary(run: Run) -> tuple[dict[str, Any], str]:
    """The stored summary, or the files' own when it is out of date (and why it was)."""
    why = STORE_CHANGED if store_changed(run) else COUNTS_DIFFER if counts_differ(run) else ""
    if not why:
        return run.summary, ""
    return summaries.summarize_dirs([run.path], write=False)[0], why  # keeps the last run's stop reason


def store_changed(run: Run) -> bool:
    """Whether ``judgments.jsonl`` differs from what ``facts.json`` recorded with the last summary
    (False when there is no readable cache to tell)."""
    try:
        fingerprint = files.read_json(run.path / runs.FACTS)["judgments"]["fingerprint"]
        size, crc = int(fingerprint["size"]), int(fingerprint["crc32"])
    except (OSError, PlugEvalError, KeyError, TypeError, ValueError):
        return False
    try:
        data = files.read_bytes(run.path / runs.JUDGMENTS)
    except FileNotFoundError:
        data = b""
    return len(data) != size or zlib.crc32(data) != crc


def counts_differ(run: Run) -> bool:
    """Whether the stored summary's item counts are not those of the stored judgments."""
    stored = run.summary
    pending = sum(summaries.pending_flags(run))
    outcomes = run.outcomes()
    if all(isinstance(o, str) for o in outcomes):  # discrete verdicts: counted as they are
        named = Counter(outcomes)
        counts = {name: named.get(name, 0) for name in stats.OUTCOMES}
    else:  # soft preferences count around 0.5, as the statistics do
        counts = stats.count_outcomes(stats.outcome_codes(outcomes))
    counts["unscored"] -= pending
    want: dict[str, Any] = {**counts, "pending": pending, "n_items": len(run.items),
                            "errors": sum(r.get("error") is not None for r in run.counted())}
    have = {k: stored.get(k, 0 if k == "pending" else None) for k in want}
    return want != have or summaries.stale_paper(stored)


def extras(run: Run) -> dict[str, Any]:
    """Per side: language fidelity (mean, 0-1), PLUG extraction success (``pivot_ok``, 0-1) and
    failures by kind, when the items carry them."""
    out: dict[str, Any] = {}
    for side in ("a", "b"):
        fid = [float(i[f"lang_fidelity_{side}"]) for i in run.items if i.get(f"lang_fidelity_{side}") is not None]
        status = [str(i[f"status_{side}"]) for i in run.items if i.get(f"status_{side}") is not None]
        failed = Counter(x for x in status if x != "ok")
        out[f"fidelity_{side}"] = sum(fid) / len(fid) if fid else None
        out[f"pivot_ok_{side}"] = status.count("ok") / len(status) if status else None
        out[f"failures_{side}"] = sum(failed.values()) if status else None
        out[f"n_status_{side}"] = len(status)
        out[f"failure_kinds_{side}"] = ", ".join(f"{k} {v}" for k, v in sorted(failed.items()))
    return out


def provenance(run: Run) -> list[tuple[str, str]]:
    """Flattened ``provenance`` plus the answer files and their hashes, as (key, text) pairs."""
    out: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and value:
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif value not in (None, {}, []):
            out.append((prefix, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)))

    walk("", run.summary.get("provenance") or {})
    first = run.items[0] if run.items else {}
    for side in ("a", "b"):
        src = first.get(f"source_{side}") or {}
        if isinstance(src, dict) and src and not any(v == src.get("sha256") for _, v in out):
            text = f"{src.get('path')} ({src.get('format')}, sha256 {src.get('sha256')})"
            out.append((f"answers {side.upper()}", text))
    return out
