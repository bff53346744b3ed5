"""The report's content: what the leaderboard shows, computed from loaded runs (no HTML here).

Per-language numbers come from each run's ``summary.json`` (computed when the run was judged,
imported or summarized).  What needs several runs is computed here: the overall across
languages (item ids resampled jointly), Holm's correction over every significance mark in the
report, the Bradley-Terry ranking, paired system-vs-system tests and judge agreement.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from plug_eval import ranking, stats
from plug_eval.judges.runs import Run
from plug_eval.languages import LANGUAGES

ALPHA = 0.05
UNSCORED_WARNING = 0.05  #: a comparison with more unscored items than this share is marked
BT_RESAMPLES = 1000  # Bradley-Terry refits every resample; 1,000 keep rendering fast (stated in the report)


@dataclass
class Cell:
    """One win rate on the page: a comparison in a language, or a system's overall."""

    lang: str
    system: str
    baseline: str
    judge: str
    s: dict[str, Any]
    run: Run | None = None
    key: str = ""
    p_holm: float | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    provenance: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status(self) -> str:
        """Why this comparison is incomplete ("stopped (budget), 40 items pending"), or ''."""
        run = self.s.get("run")
        run = run if isinstance(run, dict) else {}
        parts = []
        if run.get("stopped"):
            parts.append(f"stopped ({run['stopped']})")
        if self.s.get("pending"):
            parts.append(f"{self.s['pending']} items pending")
        return ", ".join(parts)

    @property
    def flags(self) -> str:
        """The per-item flags of its judgments, counted ("injection 6, verdict_matches_answer_text 6")."""
        run = self.s.get("run")
        counts = run.get("flags") if isinstance(run, dict) else None
        counts = counts if isinstance(counts, dict) else {}
        return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v)

    @property
    def unscored_warning(self) -> str:
        n, unscored = self.s.get("n_items") or 0, self.s.get("unscored") or 0
        return f"{100 * unscored / n:.0f}% unscored" if n and unscored / n > UNSCORED_WARNING else ""

    @property
    def mark(self) -> str:
        """'up'/'down' when significantly above/below 50 after Holm, else ''."""
        if self.p_holm is None or self.p_holm >= ALPHA or self.s.get("win_rate") is None:
            return ""
        return "up" if self.s["win_rate"] > 50 else "down"


def language_order(codes: Sequence[str]) -> list[str]:
    known = [c for c in LANGUAGES if c in codes]
    return known + sorted(set(codes) - set(known))


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:80] or "run"


def build_model(runs: Sequence[Run], *, seed: int = 0) -> dict[str, Any]:
    """Everything the templates and exports need, as plain data."""
    cells = [_cell(run) for run in runs]
    _unique_keys(cells)
    langs = language_order(sorted({c.lang for c in cells}))
    rows = _rows(cells, langs, seed)
    overall = [r["overall"] for r in rows if r["overall"] is not None and r["overall"].run is None]
    adjusted = stats.holm([c.s.get("p_value") for c in cells + overall])
    for c, p in zip(cells + overall, adjusted, strict=True):
        c.p_holm = p
    n_resamples = {int(c.s.get("n_resamples") or c.s.get("bootstrap", {}).get("n_resamples") or 0) for c in cells}
    return {
        "langs": langs, "rows": rows, "cells": cells, "n_tests": len(cells) + len(overall),
        "judges": sorted({c.judge for c in cells}), "baselines": sorted({c.baseline for c in cells}),
        "categories": _categories(cells, rows), "paired": _paired(cells, langs),
        "bt": _bradley_terry(cells, seed), "agreement": _agreement(cells),
        "has_fidelity": any(c.extras.get("fidelity_a") is not None for c in cells),
        "has_extraction": any(c.extras.get("extraction_ok_a") is not None for c in cells),
        "n_items": sum(c.s.get("n_items", 0) - (c.s.get("pending") or 0) for c in cells),
        "incomplete": [c for c in cells if c.status],
        "cost": sum(c.s["cost_usd"] for c in cells if c.s.get("cost_usd") is not None),
        "n_resamples": sorted(n_resamples), "bt_resamples": BT_RESAMPLES, "alpha": ALPHA,
    }


def _cell(run: Run) -> Cell:
    s = run.summary
    lang = str(s.get("lang") or (run.items[0].get("lang") if run.items else "") or "?")
    cell = Cell(lang, str(s["system_a"]), str(s["system_b"]), str(s.get("judge") or "?"), s, run)
    cell.extras = _extras(run)
    cell.provenance = _provenance(run)
    return cell


def _provenance(run: Run) -> list[tuple[str, str]]:
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
        if src and not any(v == src.get("sha256") for _, v in out):
            text = f"{src.get('path')} ({src.get('format')}, sha256 {src.get('sha256')})"
            out.append((f"answers {side.upper()}", text))
    return out


def _extras(run: Run) -> dict[str, Any]:
    """Language fidelity and PLUG extraction rates, when the items carry them."""
    out: dict[str, Any] = {}
    for side in ("a", "b"):
        fid = [float(i[f"lang_fidelity_{side}"]) for i in run.items if i.get(f"lang_fidelity_{side}") is not None]
        status = [i[f"status_{side}"] for i in run.items if i.get(f"status_{side}") is not None]
        out[f"fidelity_{side}"] = 100 * sum(fid) / len(fid) if fid else None
        out[f"extraction_ok_{side}"] = 100 * status.count("ok") / len(status) if status else None
        out[f"extraction_{side}"] = dict(Counter(status)) if status else None
    return out


def _unique_keys(cells: list[Cell]) -> None:
    seen: Counter[str] = Counter()
    for c in cells:
        base = slug(f"{c.system}-vs-{c.baseline}-{c.lang}")
        seen[base] += 1
        c.key = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _rows(cells: list[Cell], langs: list[str], seed: int) -> list[dict[str, Any]]:
    """Leaderboard rows: one per (system, baseline, judge), sorted by overall win rate."""
    groups: dict[tuple[str, str, str], dict[str, Cell]] = {}
    for c in cells:
        groups.setdefault((c.system, c.baseline, c.judge), {})[c.lang] = c
    rows: list[dict[str, Any]] = []
    for (system, baseline, judge), by_lang in groups.items():
        rows.append({"system": system, "baseline": baseline, "judge": judge, "by_lang": by_lang,
                     "overall": _overall(system, baseline, judge, by_lang, langs, seed)})
    rows.sort(key=lambda r: -(r["overall"].s.get("win_rate") or -1) if r["overall"] else 1)
    for rank, r in enumerate(rows, start=1):
        r["rank"] = rank
    return rows


def _overall(system: str, baseline: str, judge: str, by_lang: dict[str, Cell], langs: list[str], seed: int) -> Cell:
    if len(by_lang) == 1:
        return next(iter(by_lang.values()))
    first = next(iter(by_lang.values()))
    n_resamples = int(first.s.get("n_resamples") or stats.DEFAULT_RESAMPLES)
    per_lang = {lang: (c.run.ids, c.run.outcomes()) for lang, c in by_lang.items() if c.run is not None}
    s = stats.overall_stats(per_lang, seed=seed, n_resamples=n_resamples)
    s["cost_usd"] = sum(c.s["cost_usd"] for c in by_lang.values() if c.s.get("cost_usd") is not None)
    s["errors"] = sum(c.s.get("errors") or 0 for c in by_lang.values())
    lcs = [c.s.get("lc_win_rate") for c in by_lang.values()]
    known = [float(x) for x in lcs if x is not None]
    s["lc_win_rate"] = sum(known) / len(known) if lcs and len(known) == len(lcs) else None  # mean of the fits
    return Cell("overall", system, baseline, judge, s)


def _categories(cells: list[Cell], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Win rate by category, pooled over languages (score sums over scored items)."""
    names = sorted({cat for c in cells for cat in (c.s.get("by_category") or {})})
    table = []
    for r in rows:
        values = {}
        for cat in names:
            parts = [c.s["by_category"][cat] for c in r["by_lang"].values() if cat in (c.s.get("by_category") or {})]
            scored = sum(p["n_scored"] for p in parts)
            total = sum(p["win_rate"] * p["n_scored"] / 100 for p in parts if p["win_rate"] is not None)
            values[cat] = {"win_rate": 100 * total / scored if scored else None, "n_scored": scored}
        table.append({"system": r["system"], "cells": values})
    return {"names": names, "rows": table}


def _paired(cells: list[Cell], langs: list[str]) -> list[dict[str, Any]]:
    """Neighbours in each language's ranking: is the higher one really better?  Paired t, Holm."""
    pairs = []
    for lang in langs:
        for baseline in sorted({c.baseline for c in cells if c.lang == lang}):
            group = [c for c in cells if c.lang == lang and c.baseline == baseline and c.run is not None
                     and c.s.get("win_rate") is not None]
            group.sort(key=lambda c: -c.s["win_rate"])
            pairs += [(lang, baseline, hi, lo) for hi, lo in zip(group, group[1:], strict=False)]
    by_n: dict[tuple[int, int], list[int]] = {}
    columns = []
    for k, (_, _, hi, lo) in enumerate(pairs):
        x, y = _joined_scores(hi, lo)
        columns.append((x, y))
        n_resamples = int(hi.s.get("n_resamples") or stats.DEFAULT_RESAMPLES)
        by_n.setdefault((len(x), n_resamples), []).append(k)
    results: list[dict[str, Any]] = [{} for _ in pairs]
    for (n, n_resamples), members in by_n.items():  # one bootstrap per item count
        if n == 0:
            continue
        a = np.column_stack([columns[k][0] for k in members])
        b = np.column_stack([columns[k][1] for k in members])
        for k, res in zip(members, stats.paired_differences(a, b, n_resamples=n_resamples), strict=True):
            results[k] = res
    out = [{"lang": lang, "baseline": base, "better": hi.system, "worse": lo.system,
            **(results[k] or stats.paired_difference([], []))} for k, (lang, base, hi, lo) in enumerate(pairs)]
    for test, p in zip(out, stats.holm([t["p_value"] for t in out]), strict=True):
        test["p_holm"] = p
    return out


def _joined_scores(x: Cell, y: Cell) -> tuple[np.ndarray, np.ndarray]:
    assert x.run is not None and y.run is not None
    sx = dict(zip(x.run.ids, stats.outcome_scores(x.run.outcomes()), strict=True))
    sy = dict(zip(y.run.ids, stats.outcome_scores(y.run.outcomes()), strict=True))
    ids = [i for i in sx if i in sy]
    return np.array([sx[i] for i in ids], dtype=float), np.array([sy[i] for i in ids], dtype=float)


def _bradley_terry(cells: list[Cell], seed: int) -> dict[str, Any] | None:
    """A ranking of all systems when there are more than two, from the most used judge's runs."""
    judge = Counter(c.judge for c in cells).most_common(1)[0][0] if cells else None
    comps = [(c.system, c.baseline, [f"{i}" for i in c.run.ids], c.run.outcomes())
             for c in cells if c.judge == judge and c.run is not None]
    if len({s for a, b, _, _ in comps for s in (a, b)}) < 3:
        return None
    try:
        result = ranking.bradley_terry(comps, seed=seed, n_resamples=BT_RESAMPLES)
    except ValueError as exc:  # systems that were never compared with the others
        return {"error": str(exc)}
    result["judge"] = judge
    result["ordered"] = sorted(result["systems"].items(), key=lambda kv: kv[1]["rank"])
    return result


def _agreement(cells: list[Cell]) -> list[dict[str, Any]]:
    """Two judges on the same pairs: raw agreement and Cohen's kappa on item outcomes."""
    by_pair: dict[tuple[str, str, str], list[Cell]] = {}
    for c in cells:
        by_pair.setdefault((c.system, c.baseline, c.lang), []).append(c)
    out = []
    for (system, baseline, lang), group in by_pair.items():
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if x.judge == y.judge or x.run is None or y.run is None:
                    continue
                ox = dict(zip(x.run.ids, x.run.outcomes(), strict=True))
                oy = dict(zip(y.run.ids, y.run.outcomes(), strict=True))
                ids = [k for k in ox if k in oy]
                label = [_label(ox[k]) for k in ids], [_label(oy[k]) for k in ids]
                out.append({"system": system, "baseline": baseline, "lang": lang, "judge_1": x.judge,
                            "judge_2": y.judge, **ranking.judge_agreement(*label)})
    return out


def _label(outcome: Any) -> str | None:
    """Three-way label for agreement: A better, tie, B better (slight outcomes count for their side)."""
    score = stats.outcome_scores([outcome])[0]
    if score != score:  # NaN: unscored
        return None
    return "A" if score > 0.5 else "B" if score < 0.5 else "tie"
