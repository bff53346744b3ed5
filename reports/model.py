"""The report's content: what the leaderboards show, computed from loaded comparisons (no HTML here).

Per-language numbers come from each run's ``summary.json`` (or, for a run stopped before it
wrote one, from its files: :mod:`plug_eval.reports.loading`).  What needs several runs is
computed here and in :mod:`plug_eval.reports.versus`: the overall across languages (item ids
resampled jointly), Holm's correction over every significance mark, and per (judge, baseline)
board its ranking, Bradley-Terry fit and paired system-vs-system tests.

**What is never mixed.** A board holds the comparisons of one judge against one baseline: its
ranks, its overall numbers, its Bradley-Terry fit and its paired tests use nothing else.  A
system judged by two judges is one system with a column per judge (``side_by_side``), with the
judges' agreement on its items.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import stats
from plug_eval.languages import LANGUAGES
from plug_eval.reports import versus

ALPHA = 0.05
UNSCORED_WARNING = 0.05  #: a comparison with more unscored items than this share is marked


@dataclass
class Cell:
    """One win rate on the page: a comparison in a language, or a system's overall on a board."""

    lang: str
    system: str
    baseline: str
    judge: str
    s: dict[str, Any]
    path: Path | None = None  #: the run directory; None for an overall
    ids: list[str] = field(default_factory=list)
    outcomes: list[Any] = field(default_factory=list)
    key: str = ""
    p_holm: float | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    provenance: list[tuple[str, str]] = field(default_factory=list)
    unfinished: str = ""  #: why the stored summary.json is not the files' numbers ('' when it is)
    ae_lc: float | None = None  #: AlpacaEval's own LC (imports with its weights given)
    ae_lc_reason: str | None = None
    pending: list[bool] = field(default_factory=list)  #: per item: not judged yet (the paper's table leaves it out)
    both_orders: bool = False  #: every item judged in both orders (the paper's table shows only such runs)

    @property
    def is_overall(self) -> bool:
        return self.path is None

    @property
    def status(self) -> str:
        """Why this comparison is unfinished ("stopped (budget), 40 items pending"), or ''."""
        run = self.s.get("run")
        run = run if isinstance(run, dict) else {}
        parts = [self.unfinished] if self.unfinished else []
        if run.get("stopped"):
            parts.append(f"stopped ({run['stopped']})")
        if self.s.get("pending"):
            parts.append(f"{self.s['pending']} items pending")
        return ", ".join(parts)

    @property
    def finished(self) -> bool:
        return not self.status

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

    @property
    def equal_length(self) -> float | None:
        """Our length-controlled win rate, shown only where AlpacaEval's own LC is not."""
        return None if self.ae_lc is not None else self.s.get("lc_win_rate")


def language_order(codes: Sequence[str]) -> list[str]:
    known = [c for c in LANGUAGES if c in codes]
    return known + sorted(set(codes) - set(known))


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:80] or "run"


def unique_key(cell: Cell, seen: Counter[str]) -> str:
    """A comparison's key for links and file names: readable, unique in the report."""
    base = slug(f"{cell.system}-vs-{cell.baseline}-{cell.lang}")
    if base in seen:  # the same pair again: another judge, most often
        base = slug(f"{base}-{cell.judge}")
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def win_rate_key(c: Cell) -> float:
    """Sort key, best first; a comparison that scored nothing goes last (its win rate is None)."""
    rate = c.s.get("win_rate")
    return -float(rate) if rate is not None else float("inf")


def build_model(cells: list[Cell], *, seed: int = 0) -> dict[str, Any]:
    """Everything the templates and exports need, as plain data."""
    langs = language_order(sorted({c.lang for c in cells}))
    boards = [_board(judge, baseline, group, langs, seed) for (judge, baseline), group in _by_board(cells).items()]
    rows = [r for b in boards for r in b["rows"]]
    overall = [r["overall"] for r in rows if r["overall"].is_overall]
    adjusted = stats.holm([c.s.get("p_value") for c in cells + overall])
    for c, p in zip(cells + overall, adjusted, strict=True):
        c.p_holm = p
    versus.holm_paired([t for b in boards for t in b["paired"]])
    agree = versus.agreement(cells)
    n_resamples = {int(c.s.get("n_resamples") or c.s.get("bootstrap", {}).get("n_resamples") or 0) for c in cells}
    return {
        "langs": langs, "boards": boards, "rows": rows, "cells": cells, "n_tests": len(cells) + len(overall),
        "judges": sorted({c.judge for c in cells}), "baselines": sorted({c.baseline for c in cells}),
        "systems": sorted({c.system for c in cells}), "categories": _categories(cells, rows),
        "side_by_side": versus.side_by_side(cells, rows, agree), "agreement": agree,
        "n_paired": sum(len(b["paired"]) for b in boards),
        "has_fidelity": any(c.extras.get("fidelity_a") is not None for c in cells),
        "has_extraction": any(c.extras.get("pivot_ok_a") is not None for c in cells),
        "has_equal_length": any(c.equal_length is not None or c.ae_lc is None for c in cells),
        "has_ae_lc": any(c.ae_lc is not None for c in cells),
        "n_items": sum(c.s.get("n_items", 0) - (c.s.get("pending") or 0) for c in cells),
        "incomplete": [c for c in cells if c.status],
        "cost": sum(c.s["cost_usd"] for c in cells if c.s.get("cost_usd") is not None),
        "n_resamples": sorted(n_resamples), "bt_resamples": versus.BT_RESAMPLES, "alpha": ALPHA,
    }


def _by_board(cells: list[Cell]) -> dict[tuple[str, str], list[Cell]]:
    """Comparisons per (judge, baseline), the most populated board first."""
    groups: dict[tuple[str, str], list[Cell]] = {}
    for c in cells:
        groups.setdefault((c.judge, c.baseline), []).append(c)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _board(judge: str, baseline: str, cells: list[Cell], langs: list[str], seed: int) -> dict[str, Any]:
    rows = _rows(cells, langs, seed)
    return {"judge": judge, "baseline": baseline, "id": slug(f"{judge}-vs-{baseline}"), "rows": rows,
            "langs": [lang for lang in langs if any(c.lang == lang for c in cells)],
            "bt": versus.bradley_terry(cells, seed), "paired": versus.paired(cells, langs)}


def _rows(cells: list[Cell], langs: list[str], seed: int) -> list[dict[str, Any]]:
    """A board's rows: one per system, sorted by overall win rate (nothing scored last)."""
    groups: dict[str, dict[str, Cell]] = {}
    for c in cells:
        groups.setdefault(c.system, {})[c.lang] = c
    rows: list[dict[str, Any]] = []
    for system, by_lang in groups.items():
        first = next(iter(by_lang.values()))
        rows.append({"system": system, "baseline": first.baseline, "judge": first.judge, "by_lang": by_lang,
                     "overall": _overall(by_lang, seed)})
    rows.sort(key=lambda r: (win_rate_key(r["overall"]), r["system"]))
    for rank, r in enumerate(rows, start=1):
        r["rank"] = rank
    return rows


def _overall(by_lang: dict[str, Cell], seed: int) -> Cell:
    if len(by_lang) == 1:
        return next(iter(by_lang.values()))
    first = next(iter(by_lang.values()))
    n_resamples = int(first.s.get("n_resamples") or stats.DEFAULT_RESAMPLES)
    per_lang = {lang: (c.ids, c.outcomes) for lang, c in by_lang.items()}
    s = stats.overall_stats(per_lang, seed=seed, n_resamples=n_resamples)
    costs = [c.s.get("cost_usd") for c in by_lang.values()]
    s["cost_usd"] = None if any(x is None for x in costs) else sum(costs)
    s["errors"] = sum(c.s.get("errors") or 0 for c in by_lang.values())
    s["lc_win_rate"] = _mean([c.s.get("lc_win_rate") for c in by_lang.values()])  # mean of the fits
    cell = Cell("overall", first.system, first.baseline, first.judge, s)
    cell.ae_lc = _mean([c.ae_lc for c in by_lang.values()])
    # unfinished when one of its languages is
    cell.unfinished = "; ".join(f"{c.lang}: {c.status}" for c in by_lang.values() if c.status)
    return cell


def _mean(values: list[Any]) -> float | None:
    """The mean when every value is known, else None."""
    known = [float(x) for x in values if x is not None]
    return sum(known) / len(known) if values and len(known) == len(values) else None


def _categories(cells: list[Cell], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Win rate by category per board row, pooled over languages (score sums over scored items)."""
    names = sorted({cat for c in cells for cat in (c.s.get("by_category") or {})})
    table = []
    for r in rows:
        values = {}
        for cat in names:
            parts = [c.s["by_category"][cat] for c in r["by_lang"].values() if cat in (c.s.get("by_category") or {})]
            scored = sum(p.get("n_scored") or 0 for p in parts)
            total = sum(p["win_rate"] * p["n_scored"] / 100 for p in parts if p.get("win_rate") is not None)
            values[cat] = {"win_rate": 100 * total / scored if scored else None, "n_scored": scored}
        table.append({"system": r["system"], "judge": r["judge"], "baseline": r["baseline"], "cells": values})
    return {"names": names, "rows": table}
