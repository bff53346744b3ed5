"""What the report computes across comparisons: paired tests, Bradley-Terry, judge agreement.

The rule of this module: **results are paired only within one judge and one baseline.**  Paired
tests and Bradley-Terry take one board's comparisons (:mod:`plug_eval.reports.model` calls them
per board); judge agreement is the one place two judges meet, and there the same system's
verdicts on the same items are compared, never ranked against each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from plug_eval import ranking, stats

if TYPE_CHECKING:
    from plug_eval.reports.model import Cell

BT_RESAMPLES = 1000  # Bradley-Terry refits every resample; 1,000 keep rendering fast (stated in the report)


def _scored(c: Cell) -> bool:
    return c.s.get("win_rate") is not None and bool(c.ids)


def paired(cells: Sequence[Cell], langs: Sequence[str]) -> list[dict[str, Any]]:
    """One board's neighbours in each language's ranking: is the higher one really better?

    ``cells`` are one judge's comparisons against one baseline, so a pair is two systems judged
    alike on the same items.  Paired t-test and bootstrap interval on the joined items; the p
    values are Holm-corrected over every paired test in the report (:func:`holm_paired`).
    """
    pairs = []
    for lang in langs:
        group = sorted((c for c in cells if c.lang == lang and _scored(c)), key=lambda c: -c.s["win_rate"])
        pairs += [(lang, hi, lo) for hi, lo in zip(group, group[1:], strict=False)]
    columns = [_joined_scores(hi, lo) for _, hi, lo in pairs]
    by_n: dict[tuple[int, int], list[int]] = {}
    for k, ((x, _), (_, hi, _)) in enumerate(zip(columns, pairs, strict=True)):
        by_n.setdefault((len(x), int(hi.s.get("n_resamples") or stats.DEFAULT_RESAMPLES)), []).append(k)
    results: list[dict[str, Any]] = [{} for _ in pairs]
    for (n, n_resamples), members in by_n.items():  # one bootstrap per item count
        if n == 0:
            continue
        a = np.column_stack([columns[k][0] for k in members])
        b = np.column_stack([columns[k][1] for k in members])
        for k, res in zip(members, stats.paired_differences(a, b, n_resamples=n_resamples), strict=True):
            results[k] = res
    return [{"lang": lang, "judge": hi.judge, "baseline": hi.baseline, "better": hi.system, "worse": lo.system,
             **(results[k] or stats.paired_difference([], []))} for k, (lang, hi, lo) in enumerate(pairs)]


def holm_paired(tests: list[dict[str, Any]]) -> None:
    """Holm-adjusted p of every paired test in the report (one family), in place."""
    for test, p in zip(tests, stats.holm([t["p_value"] for t in tests]), strict=True):
        test["p_holm"] = p


def _joined_scores(x: Cell, y: Cell) -> tuple[np.ndarray, np.ndarray]:
    """Both systems' item scores on the item ids they share, in x's order."""
    if (x.judge, x.baseline) != (y.judge, y.baseline):
        raise ValueError("paired tests never pair results of different judges or baselines")
    sx = dict(zip(x.ids, stats.outcome_scores(x.outcomes), strict=True))
    sy = dict(zip(y.ids, stats.outcome_scores(y.outcomes), strict=True))
    ids = [i for i in sx if i in sy]
    return np.array([sx[i] for i in ids], dtype=float), np.array([sy[i] for i in ids], dtype=float)


def bradley_terry(cells: Sequence[Cell], seed: int) -> dict[str, Any] | None:
    """One board's ranking when it holds more than two systems (baseline included)."""
    comps = [(c.system, c.baseline, list(c.ids), c.outcomes) for c in cells if c.ids]  # an id is drawn jointly
    if len({s for a, b, _, _ in comps for s in (a, b)}) < 3:
        return None
    try:
        result = ranking.bradley_terry(comps, seed=seed, n_resamples=BT_RESAMPLES)
    except ValueError as exc:  # systems that were never compared with the others, nothing scored
        return {"error": str(exc)}
    result["ordered"] = sorted(result["systems"].items(), key=lambda kv: kv[1]["rank"])
    return result


def _label(outcome: Any) -> str | None:
    """Three-way label for agreement: A better, tie, B better (slight outcomes count for their side)."""
    score = stats.outcome_scores([outcome])[0]
    if score != score:  # NaN: unscored
        return None
    return "A" if score > 0.5 else "B" if score < 0.5 else "tie"


def _pairs_of_judges(cells: Sequence[Cell]) -> dict[tuple[str, str, str, str], tuple[list[Any], list[Any], list[str]]]:
    """(system, baseline, judge 1, judge 2) -> both judges' labels on every item both judged, and its language."""
    by: dict[tuple[str, str, str], dict[str, Cell]] = {}
    for c in cells:
        if c.ids:
            by.setdefault((c.system, c.baseline, c.lang), {})[c.judge] = c
    out: dict[tuple[str, str, str, str], tuple[list[Any], list[Any], list[str]]] = {}
    for (system, baseline, lang), judges in by.items():
        names = sorted(judges)
        for i, j1 in enumerate(names):
            for j2 in names[i + 1:]:
                x, y = judges[j1], judges[j2]
                oy = dict(zip(y.ids, y.outcomes, strict=True))
                l1, l2, groups = out.setdefault((system, baseline, j1, j2), ([], [], []))
                for item, o in zip(x.ids, x.outcomes, strict=True):
                    if item in oy:
                        l1.append(_label(o))
                        l2.append(_label(oy[item]))
                        groups.append(lang)
    return out


def agreement(cells: Sequence[Cell]) -> list[dict[str, Any]]:
    """Two judges on the same system, baseline and items: the share of items where their
    labels (A better / tie / B better) agree and Cohen's kappa, over all languages and per language."""
    out = []
    for (system, baseline, j1, j2), (l1, l2, groups) in _pairs_of_judges(cells).items():
        res = ranking.judge_agreement(l1, l2, groups)
        by_lang = res.pop("by_group", {})
        out.append({"system": system, "baseline": baseline, "judge_1": j1, "judge_2": j2, **res,
                    "by_lang": by_lang})
    return out


def side_by_side(cells: Sequence[Cell], rows: Sequence[dict[str, Any]],
                 agreements: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per baseline with several judges: one row per system, its overall per judge, and their agreement."""
    judges_of: dict[str, list[str]] = {}
    for c in cells:
        judges_of.setdefault(c.baseline, [])
        if c.judge not in judges_of[c.baseline]:
            judges_of[c.baseline].append(c.judge)
    agree: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for a in agreements:
        agree.setdefault((a["system"], a["baseline"]), []).append(a)
    tables = []
    for baseline, judges in sorted(judges_of.items()):
        if len(judges) < 2:
            continue
        judges.sort()
        systems: dict[str, dict[str, Any]] = {}
        for r in rows:
            if r["baseline"] == baseline:
                systems.setdefault(r["system"], {})[r["judge"]] = r["overall"]
        table = [{"system": name, "by_judge": by_judge, "agreement": agree.get((name, baseline), [])}
                 for name, by_judge in sorted(systems.items())]
        tables.append({"baseline": baseline, "judges": judges, "rows": table})
    return tables
