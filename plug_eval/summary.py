"""``summary.json`` from a run directory's files alone: no judge, no call, no network.

``plug-judge compare`` ends here, and ``plug-judge summarize DIR...`` runs only this, for many
directories in one process.  The item outcomes follow the PLUG rule
(:func:`plug_eval.stats.outcome_from_orders`); the statistics are :mod:`plug_eval.stats`'s.
Which judgment belongs to which item and order comes from ``run.json``'s keys, so judgments of
other judges or older inputs in the same store never leak in; for each key the latest
successful record wins (``--force`` appends newer ones).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from . import stats, store
from .errors import PlugEvalError

SCHEMA_VERSION = 1


def _load(run_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]], store.JudgmentStore]:
    try:
        items = store.read_jsonl(run_dir / store.ITEMS)
    except FileNotFoundError:
        raise PlugEvalError(f"not a run directory (no {store.ITEMS})", run_dir) from None
    judgments = store.JudgmentStore(run_dir)
    judgments.refresh()
    try:
        run = json.loads((run_dir / store.RUN).read_text(encoding="utf-8"))
    except FileNotFoundError:
        run = _run_from_store(run_dir, judgments)
    except ValueError as err:
        raise PlugEvalError(f"unreadable run.json: {err}", run_dir) from None
    return run, items, judgments


def _run_from_store(run_dir: Path, judgments: store.JudgmentStore) -> dict[str, Any]:
    """A run.json stand-in for directories written by importers (e.g. import-alpacaeval).

    Each (item, order) takes its latest key; the names, judge and seed come from the summary the
    importer wrote, whose extra fields (e.g. ``alpacaeval``) are kept.
    """
    try:
        old = json.loads((run_dir / store.SUMMARY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PlugEvalError(f"not a run directory (no {store.RUN} and no readable {store.SUMMARY})", run_dir) from None
    keys: dict[str, dict[str, str]] = {}
    for key, recs in judgments.by_key.items():
        keys.setdefault(str(recs[-1]["id"]), {})[recs[-1].get("order") or "single"] = key
    return {**{k: old.get(k) for k in ("system_a", "system_b", "judge", "seed", "n_resamples")},
            "mode": "pairwise", "provenance": old.get("provenance", {}), "keys": keys, "keep": old}


def _outcome(recs: dict[str, dict[str, Any] | None], orders: dict[str, str]) -> Any:
    """PLUG outcome of an item, or the soft score (preference - 1) an importer stored."""
    soft = [r.get("preference") for r in recs.values() if r is not None and "preference" in r]
    if soft and len(recs) == 1:
        return None if soft[0] is None else float(soft[0]) - 1.0
    v_ab, v_ba = _system_verdict(recs.get("AB")), _system_verdict(recs.get("BA"))
    if len(orders) == 1:
        return stats.outcome_from_orders(v_ab if "AB" in orders else v_ba, None, single=True)
    return stats.outcome_from_orders(v_ab, v_ba)


def _system_verdict(rec: dict[str, Any] | None) -> str | None:
    if rec is None or rec.get("error") is not None or rec.get("verdict") not in ("A", "B", "tie"):
        return None
    return rec["verdict"]


def _flag_counts(records: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rec in records:
        for flag in rec.get("flags") or []:
            name = flag.rsplit("_", 1)[0] if flag.endswith(("_first", "_second")) else flag
            counts[name] = counts.get(name, 0) + 1
    return counts


def _cost(keys: list[str], judgments: store.JudgmentStore) -> tuple[float, int]:
    """Money spent on these keys (forced re-judgments included) and calls of unknown cost."""
    total, unknown = 0.0, 0
    for key in keys:
        for rec in judgments.by_key.get(key, []):
            if rec.get("cost_usd") is None:
                unknown += rec.get("error") is None
            else:
                total += rec["cost_usd"]
    return round(total, 8), unknown


def _common(run: dict[str, Any], items: list[dict[str, Any]], best: list[dict[str, Any]],
            keys: list[str], judgments: store.JudgmentStore, run_info: dict[str, Any] | None) -> dict[str, Any]:
    langs = sorted({i["lang"] for i in items})
    cost, unknown = _cost(keys, judgments)
    planned = len(keys)
    info = {"pending": planned - len(best), "cost_unknown_calls": unknown, "cost_known_usd": cost,
            "flags": _flag_counts(best),
            "missing": run.get("missing"), "bad_store_lines": judgments.bad_lines, **(run_info or {})}
    return {"schema_version": SCHEMA_VERSION, "system_a": run.get("system_a"), "system_b": run.get("system_b"),
            "lang": langs[0] if len(langs) == 1 else "mixed", "judge": run.get("judge"), "seed": run.get("seed", 0),
            "n_resamples": run.get("n_resamples", stats.DEFAULT_RESAMPLES),
            "errors": sum(r.get("error") is not None for r in best), "cost_usd": None if unknown else cost,
            "provenance": run.get("provenance", {}), "run": info}


def pairwise_summary(run: dict[str, Any], items: list[dict[str, Any]], judgments: store.JudgmentStore,
                     run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """The comparison summary of a pairwise run directory."""
    keys_of = run.get("keys", {})
    outcomes, pairs, best, keys = [], [], [], []
    for item in items:
        ks = keys_of.get(item["id"], {})
        recs = {order: judgments.best(k) for order, k in ks.items()}
        keys += list(ks.values())
        best += [r for r in recs.values() if r is not None]
        v_ab, v_ba = _system_verdict(recs.get("AB")), _system_verdict(recs.get("BA"))
        outcomes.append(_outcome(recs, ks))
        pairs.append((v_ab, v_ba))
    core = stats.comparison_stats(
        outcomes, categories=[i.get("category") for i in items], order_verdicts=pairs,
        seed=int(run.get("seed", 0)), n_resamples=int(run.get("n_resamples", stats.DEFAULT_RESAMPLES)),
        len_a=[i.get("units_a") or 0 for i in items], len_b=[i.get("units_b") or 0 for i in items])
    common = _common(run, items, best, keys, judgments, run_info)
    out = {**{k: common[k] for k in ("schema_version", "system_a", "system_b", "lang", "judge", "seed",
                                      "n_resamples")},
           **core, "errors": common["errors"], "cost_usd": common["cost_usd"],
           "provenance": common["provenance"], "run": common["run"]}
    kept = run.get("keep") or {}
    return {**out, **{k: v for k, v in kept.items() if k not in out}}


def grade_summary(run: dict[str, Any], items: list[dict[str, Any]], judgments: store.JudgmentStore,
                  run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Single-answer grading: mean 1-10 rating; replies without a rating are excluded and counted."""
    keys_of = run.get("keys", {})
    ratings, best, keys, cats = [], [], [], []
    for item in items:
        key = keys_of.get(item["id"], {}).get("single")
        rec = judgments.best(key) if key else None
        keys += [key] if key else []
        best += [rec] if rec else []
        ok = rec is not None and rec.get("error") is None and rec.get("rating") is not None
        ratings.append(float(rec["rating"]) if ok else math.nan)
        cats.append("" if item.get("category") is None else str(item["category"]))  # as plug_eval.stats
    common = _common(run, items, best, keys, judgments, run_info)
    rated = [r for r in ratings if not math.isnan(r)]
    low = high = None
    if rated:
        low, high = stats.bootstrap_mean_ci(ratings, seed=int(run.get("seed", 0)),
                                            n_resamples=int(run.get("n_resamples", stats.DEFAULT_RESAMPLES)))
    by_cat = {}
    for cat in sorted(set(cats)):
        vals = [r for r, c in zip(ratings, cats) if c == cat and not math.isnan(r)]
        by_cat[cat] = {"n_items": cats.count(cat), "n_rated": len(vals),
                       "mean_rating": sum(vals) / len(vals) if vals else None}
    unparsed = sum(1 for r in best if r.get("error") is None and r.get("rating") is None)
    return {"schema_version": SCHEMA_VERSION, "mode": "grade", "system": run.get("system_a"),
            "lang": common["lang"], "judge": common["judge"], "seed": common["seed"],
            "n_resamples": common["n_resamples"], "n_items": len(items), "n_rated": len(rated),
            "unrated": len(items) - len(rated), "unparsed": unparsed, "errors": common["errors"],
            "mean_rating": sum(rated) / len(rated) if rated else None, "ci_low": low, "ci_high": high,
            "by_category": by_cat, "cost_usd": common["cost_usd"], "provenance": common["provenance"],
            "run": common["run"]}


def build_summary(run_dir: str | Path, run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    run_dir = Path(run_dir)
    run, items, judgments = _load(run_dir)
    if run.get("mode") == "grade":
        return grade_summary(run, items, judgments, run_info)
    return pairwise_summary(run, items, judgments, run_info)


def write_summary(run_dir: str | Path, run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rebuild and atomically write ``summary.json``; keeps the last run's timing if not given."""
    run_dir = Path(run_dir)
    if run_info is None:
        try:
            old = json.loads((run_dir / store.SUMMARY).read_text(encoding="utf-8")).get("run") or {}
            run_info = {k: old[k] for k in ("stopped", "calls_made", "seconds") if k in old}
        except (OSError, ValueError):
            run_info = None
    summary = build_summary(run_dir, run_info)
    store.write_json(run_dir / store.SUMMARY, summary)
    return summary
