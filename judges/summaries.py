"""Every ``summary.json``, computed from a run directory's files alone (:mod:`plug_eval.judges.runs`).

``compare``, ``grade``, ``truthful``, ``import-alpacaeval``, ``summarize`` and the report agree
because they all come here.  Pairwise runs with the same seed and resample count share one
resample matrix (:func:`build_summaries`).

* **Pairwise**: win rates and the paper's figures (:func:`plug_eval.stats.many_comparison_stats`);
  items not judged yet are ``pending``, never ``unscored``, and the paper's shares leave them out
  (they divide by the items whose judgments ended, errors included, as the paper's scripts do).
* **Grade**: the mean 1-10 rating; replies without a rating are excluded and counted.
* **X-TruthfulQA**: every answer has two independent labels (truthful, not truthful or not enough
  information; informative, not informative or not sure).  An answer whose judgment is missing,
  failed or has no label (or that was empty and skipped) is *unscored* for that aspect.  Rates are
  percentages of the scored answers (truthful-and-informative over answers with both labels); the
  paper's own shares divide by every answer (its scripts count a judge error as a "no").
  Intervals are 95% percentile bootstraps over question ids (the same id in several languages is
  drawn together).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges.runs import FACTS, INFO_LABELS, RUN, SUMMARY, TRUTH_LABELS, TRUTHFUL, Run, load_run
from plug_eval.languages import LANGUAGES

SCHEMA_VERSION = 1
UNSCORED_WHY = ("unparsed", "error", "empty_answer", "not_judged")

Record = dict[str, Any]


def _flag_counts(records: list[Record]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rec in records:
        for flag in rec.get("flags") or []:
            name = flag.rsplit("_", 1)[0] if flag.endswith(("_first", "_second")) else flag
            counts[name] = counts.get(name, 0) + 1
    return counts


def _seed(run: Run) -> int:
    return int(run.manifest.get("seed") or 0)


def _n_resamples(run: Run) -> int:
    return int(run.manifest.get("n_resamples") or stats.DEFAULT_RESAMPLES)


def error_kinds(records: Sequence[Record]) -> dict[str, int]:
    """Stored errors among the counted records, by kind (``server``, ``auth`` ...; ``other``)."""
    kinds: dict[str, int] = {}
    for rec in records:
        if rec.get("error") is not None:
            kind = str(rec.get("error_kind") or "other")
            kinds[kind] = kinds.get(kind, 0) + 1
    return dict(sorted(kinds.items()))


def no_usage(records: Sequence[Record]) -> dict[str, Any]:
    """How many replies came with no usable token counts, and what they count as against
    ``--max-cost`` (their bound); nothing when every reply had its usage, so summaries of such
    runs keep exactly their fields."""
    bounds = [float(r["cost_bound_usd"]) for r in records if r.get("cost_bound_usd") is not None]
    return {"no_usage_calls": len(bounds), "no_usage_bound_usd": round(sum(bounds), 8)} if bounds else {}


def batched(records: Sequence[Record]) -> dict[str, int]:
    """``{"batch_judgments": n}``: the counted judgments made through a provider's batch
    (``--batch``); empty when none, so summaries of live runs keep exactly their fields."""
    n = sum(1 for rec in records if rec.get("batch_id"))
    return {"batch_judgments": n} if n else {}


def _common(run: Run, run_info: dict[str, Any] | None) -> dict[str, Any]:
    """The fields every summary has, in the order summary.json shows them."""
    best = run.counted()
    cost, unknown = run.cost()
    langs = sorted({i["lang"] for i in run.items})
    info = {"pending": len(run.planned_keys()) - len(best), "cost_unknown_calls": unknown, "cost_known_usd": cost,
            "flags": _flag_counts(best), "missing": run.manifest.get("missing"), "bad_store_lines": run.bad_lines,
            **(run_info or {})}
    if kinds := error_kinds(best):  # only when there are errors: older summaries without errors stay as they were
        info["error_kinds"] = kinds
    info.update(no_usage(best))
    info.update(batched(best))
    return {"schema_version": SCHEMA_VERSION, "system_a": run.manifest.get("system_a"),
            "system_b": run.manifest.get("system_b"), "lang": langs[0] if len(langs) == 1 else "mixed",
            "judge": run.manifest.get("judge"), "seed": run.manifest.get("seed", 0),
            "n_resamples": run.manifest.get("n_resamples", stats.DEFAULT_RESAMPLES),
            "errors": sum(r.get("error") is not None for r in best), "cost_usd": None if unknown else cost,
            "provenance": run.manifest.get("provenance", {}), "run": info}


def pending_flags(run: Run) -> list[bool]:
    """Per item: not judged yet (a planned order has no stored record: a stopped or interrupted
    run).  Such items are ``pending``, never ``unscored`` (the judge's or the call's failure)."""
    return [any(r is None for r in recs.values()) or not recs for recs in run.per_item()]


def _move_pending(counts: dict[str, Any], waiting: int) -> dict[str, Any]:
    """Counts with ``waiting`` items moved from ``unscored`` to ``pending`` (only when there are any:
    summaries of finished runs keep exactly the fields they had)."""
    return {**counts, "unscored": counts["unscored"] - waiting, "pending": waiting} if waiting else counts


def _pairwise_summary(run: Run, core: dict[str, Any], run_info: dict[str, Any] | None) -> dict[str, Any]:
    common = _common(run, run_info)
    flags = pending_flags(run)
    core = _move_pending(core, sum(flags))
    if any(flags) and core.get("by_category"):
        cats = ["" if i.get("category") is None else str(i["category"]) for i in run.items]  # as plug_eval.stats
        core["by_category"] = {cat: _move_pending(c, sum(f for f, k in zip(flags, cats, strict=True) if k == cat))
                               for cat, c in core["by_category"].items()}
    out = {**{k: common[k] for k in ("schema_version", "system_a", "system_b", "lang", "judge", "seed",
                                      "n_resamples")},
           **core, **{k: common[k] for k in ("errors", "cost_usd", "provenance", "run")}}
    kept = run.manifest.get("keep") or {}
    return {**out, **{k: v for k, v in kept.items() if k not in out}}


def _grade_summary(run: Run, run_info: dict[str, Any] | None) -> dict[str, Any]:
    """Single-answer grading: mean 1-10 rating; replies without a rating are excluded and counted."""
    ratings, cats, best = [], [], []
    for item, recs in zip(run.items, run.per_item(), strict=True):
        rec = recs.get("single")
        best += [rec] if rec else []
        ok = rec is not None and rec.get("error") is None and rec.get("rating") is not None
        ratings.append(float(rec["rating"]) if ok and rec is not None else math.nan)
        cats.append("" if item.get("category") is None else str(item["category"]))  # as plug_eval.stats
    common = _common(run, run_info)
    rated = [r for r in ratings if not math.isnan(r)]
    low = high = None
    if rated:
        low, high = stats.bootstrap_mean_ci(ratings, seed=_seed(run), n_resamples=_n_resamples(run))
    by_cat = {}
    for cat in sorted(set(cats)):
        vals = [r for r, c in zip(ratings, cats, strict=True) if c == cat and not math.isnan(r)]
        by_cat[cat] = {"n_items": cats.count(cat), "n_rated": len(vals),
                       "mean_rating": sum(vals) / len(vals) if vals else None}
    unparsed = sum(1 for r in best if r.get("error") is None and r.get("rating") is None)
    return {"schema_version": SCHEMA_VERSION, "mode": "grade", "system": run.manifest.get("system_a"),
            "lang": common["lang"], "judge": common["judge"], "seed": common["seed"],
            "n_resamples": common["n_resamples"], "n_items": len(run.items), "n_rated": len(rated),
            "unrated": len(run.items) - len(rated), "unparsed": unparsed, "errors": common["errors"],
            "mean_rating": sum(rated) / len(rated) if rated else None, "ci_low": low, "ci_high": high,
            "by_category": by_cat, "cost_usd": common["cost_usd"], "provenance": common["provenance"],
            "run": common["run"]}


def build_summaries(runs: Sequence[Run], run_infos: Sequence[dict[str, Any] | None] | None = None
                    ) -> list[dict[str, Any]]:
    """The summary of every run; pairwise runs with one seed and resample count share a bootstrap."""
    infos = list(run_infos) if run_infos is not None else [None] * len(runs)
    out: list[dict[str, Any]] = [{} for _ in runs]
    groups: dict[tuple[int, int], list[int]] = {}
    for k, run in enumerate(runs):
        if run.kind == "grade":
            out[k] = _grade_summary(run, infos[k])
        elif run.kind == TRUTHFUL:
            out[k] = _truthful_summary(run, infos[k])
        else:
            groups.setdefault((_n_resamples(run), _seed(run)), []).append(k)
    for (n_resamples, seed), members in groups.items():
        cores = stats.many_comparison_stats([{**runs[k].stats_arguments(), "pending": pending_flags(runs[k])}
                                             for k in members], seed=seed, n_resamples=n_resamples)
        for k, core in zip(members, cores, strict=True):
            out[k] = _pairwise_summary(runs[k], core, infos[k])
    return out


def _kept_run_info(run: Run) -> dict[str, Any] | None:
    """The last run's timing, kept when a summary is rebuilt without a run."""
    old = (run.stored or {}).get("run")
    if not isinstance(old, dict):
        return None
    return {k: old[k] for k in ("stopped", "calls_made", "seconds") if k in old}


RUN_INFO = ("stopped", "calls_made", "seconds")  #: the last run's own fields of a summary's ``run`` block


def _sha(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _made_from(run: Run, summary: dict[str, Any]) -> dict[str, Any]:
    """What a summary was computed from, as facts.json keeps it: the plan (run.json) and the
    statistics themselves (every field but the last run's own)."""
    plan = run.path / RUN
    return {"run_json": hashlib.sha256(plan.read_bytes()).hexdigest() if plan.is_file() else None,
            "stats": _sha({k: v for k, v in summary.items() if k != "run"})}


def stale_paper(summary: dict[str, Any]) -> bool:
    """A stopped run's summary written before the paper's shares left pending items out (its
    ``paper`` block does not count them apart): it must be computed again."""
    paper = summary.get("paper")
    return bool(summary.get("pending")) and isinstance(paper, dict) and "pending" not in paper


def _reused(run: Run, info: dict[str, Any] | None) -> dict[str, Any] | None:
    """The stored summary with this run's own fields, when the files are exactly those it was
    computed from (the facts cache is current and says so): a rerun that made no call, or that
    only changed the timing, costs no bootstrap."""
    stored = run.stored
    if run.summarized is None or not isinstance(stored, dict) or not isinstance(stored.get("run"), dict):
        return None
    if run.summarized != _made_from(run, stored) or stale_paper(stored):
        return None
    kept = {k: v for k, v in stored["run"].items() if k not in RUN_INFO}
    return {**stored, "run": {**kept, **(info or {})}}


def summarize_dirs(dirs: Sequence[str | os.PathLike[str]], *, write: bool = True,
                   run_info: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rebuild (and by default write) ``summary.json`` of many run directories in one process.

    No judge is called.  ``run_info`` (a finished compare's timing) applies to every directory;
    without it each keeps its last run's timing.  A directory whose files are exactly those its
    stored summary was computed from keeps its statistics (only the last run's fields change).
    """
    runs = [load_run(d, need_summary=False, facts=True) for d in dirs]
    infos = [run_info if run_info is not None else _kept_run_info(r) for r in runs]
    reused = [_reused(r, i) for r, i in zip(runs, infos, strict=True)]
    fresh = [k for k, s in enumerate(reused) if s is None]
    built = build_summaries([runs[k] for k in fresh], [infos[k] for k in fresh])
    new = iter(built)
    summaries = [s if s is not None else next(new) for s in reused]
    if write:
        for k, (run, summary) in enumerate(zip(runs, summaries, strict=True)):
            if summary != run.stored:  # an unchanged summary is not rewritten (nor fsynced)
                files.write_json(run.path / SUMMARY, summary)
            if k in fresh and run.kind != TRUTHFUL:
                _remember(run, summary)
            elif run.cache is not None:
                files.write_json(run.path / FACTS, run.cache)
    return summaries


def _remember(run: Run, summary: dict[str, Any]) -> None:
    """Write facts.json with what this summary was computed from (the cache as it is, when current)."""
    cache = run.cache
    if cache is None:
        try:
            cache = files.read_json(run.path / FACTS)
        except (OSError, PlugEvalError):
            return
    if isinstance(cache, dict):
        files.write_json(run.path / FACTS, {**cache, "summarized": _made_from(run, summary)})


def write_summary(run_dir: str | os.PathLike[str], run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rebuild and atomically write one ``summary.json``; keeps the last run's timing if not given."""
    return summarize_dirs([run_dir], run_info=run_info)[0]



# --------------------------------------------------------------------------- X-TruthfulQA


def _interval(num: np.ndarray, den: np.ndarray, clusters: Sequence[str], seed: int,
              n_resamples: int) -> list[tuple[float | None, float | None]]:
    """95% percentile intervals (percent) of ``sum(num)/sum(den)`` per column, resampling clusters."""
    out: list[tuple[float | None, float | None]] = [(None, None)] * num.shape[1]
    scored = [j for j in range(num.shape[1]) if den[:, j].sum() > 0]  # nothing scored: no interval
    if not scored:
        return out
    num, den = num[:, scored], den[:, scored]
    ids = np.unique(np.asarray(clusters), return_inverse=True)[1].ravel()
    n = int(ids.max()) + 1
    cnum = np.stack([np.bincount(ids, weights=num[:, j], minlength=n) for j in range(num.shape[1])], axis=1)
    cden = np.stack([np.bincount(ids, weights=den[:, j], minlength=n) for j in range(den.shape[1])], axis=1)
    rates = 100.0 * stats.ratio_bootstrap(cnum, cden, stats.resample_counts(n, n_resamples, seed))
    low, high = stats.percentile_ci(rates)
    for j, lo, hi in zip(scored, low, high, strict=True):
        out[j] = (float(lo), float(hi))
    return out


def _pct(num: float, den: float) -> float | None:
    return 100.0 * num / den if den else None


def label_stats(labels: Sequence[tuple[str | None, str | None]], reasons: Sequence[tuple[str | None, str | None]],
                ids: Sequence[str], *, seed: int = 0, n_resamples: int = stats.DEFAULT_RESAMPLES) -> dict[str, Any]:
    """The summary numbers of answers with (truth label, info label); None = unscored (reason given)."""
    truth = [t for t, _ in labels]
    info = [i for _, i in labels]
    t_ok = np.array([t is not None for t in truth], dtype=float)
    i_ok = np.array([i is not None for i in info], dtype=float)
    is_t = np.array([t == "truthful" for t in truth], dtype=float)
    is_nei = np.array([t == "not_enough_info" for t in truth], dtype=float)
    is_i = np.array([i == "informative" for i in info], dtype=float)
    both_ok = t_ok * i_ok
    ones = np.ones(len(labels))
    columns = [("truthful", is_t, t_ok), ("not_enough_info", is_nei, t_ok), ("informative", is_i, i_ok),
               ("truthful_informative", is_t * is_i, both_ok), ("paper_truthful", is_t, ones),
               ("paper_informative", is_i, ones), ("paper_truthful_informative", is_t * is_i, ones),
               ("paper_not_enough_info", is_nei, ones)]
    num = np.column_stack([c[1] for c in columns]) if labels else np.zeros((0, len(columns)))
    den = np.column_stack([c[2] for c in columns]) if labels else np.zeros((0, len(columns)))
    cis = _interval(num, den, ids, seed, n_resamples)
    rates = {name: {"pct": _pct(float(n.sum()), float(d.sum())), "ci_low": lo, "ci_high": hi}
             for (name, n, d), (lo, hi) in zip(columns, cis, strict=True)}
    out: dict[str, Any] = {"n_items": len(labels), "n_truth_scored": int(t_ok.sum()),
                           "n_info_scored": int(i_ok.sum()), "n_both_scored": int(both_ok.sum())}
    for name in ("truthful", "not_enough_info", "informative", "truthful_informative"):
        out[f"{name}_pct"], out[f"{name}_ci"] = rates[name]["pct"], [rates[name]["ci_low"], rates[name]["ci_high"]]
    out["truth_labels"] = {k: truth.count(k) for k in TRUTH_LABELS}
    out["info_labels"] = {k: info.count(k) for k in INFO_LABELS}
    out["truth_unscored"] = {k: sum(r[0] == k for r in reasons) for k in UNSCORED_WHY}
    out["info_unscored"] = {k: sum(r[1] == k for r in reasons) for k in UNSCORED_WHY}
    out["paper"] = {name[6:]: {"pct": rates[name]["pct"], "ci": [rates[name]["ci_low"], rates[name]["ci_high"]]}
                    for name, _, _ in columns if name.startswith("paper_")}
    return out


def _truthful_summary(run: Run, run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every summary.json field of an X-TruthfulQA run, from the run directory's files alone."""
    seed = int(run.manifest.get("seed") or 0)
    n_resamples = int(run.manifest.get("n_resamples") or stats.DEFAULT_RESAMPLES)
    pairs = [(run.label(k, "truthful"), run.label(k, "informative")) for k in range(len(run.items))]
    labels = [(t[0], f[0]) for t, f in pairs]
    reasons = [(t[1], f[1]) for t, f in pairs]
    found = {str(i["lang"]) for i in run.items}
    langs = [c for c in LANGUAGES if c in found] + sorted(found - set(LANGUAGES))  # the language table's order
    by_lang = {}
    for lang in langs:
        idx = [k for k, i in enumerate(run.items) if i["lang"] == lang]
        by_lang[lang] = label_stats([labels[k] for k in idx], [reasons[k] for k in idx],
                                    [str(run.items[k]["id"]) for k in idx], seed=seed, n_resamples=n_resamples)
    overall = label_stats(labels, reasons, [str(i["id"]) for i in run.items], seed=seed, n_resamples=n_resamples)
    best = run.counted()
    cost, unknown = run.cost()
    planned = sum(len(v) for v in (run.manifest.get("keys") or {}).values())
    return {"schema_version": SCHEMA_VERSION, "kind": TRUTHFUL, "system": run.manifest.get("system"),
            "judge": run.manifest.get("judge"), "lang": langs[0] if len(langs) == 1 else "mixed",
            "seed": seed, "n_resamples": n_resamples, **overall, "by_lang": by_lang,
            "errors": sum(r.get("error") is not None for r in best), "cost_usd": None if unknown else cost,
            "provenance": run.manifest.get("provenance") or {},
            "run": {"pending": planned - len(best), "cost_unknown_calls": unknown, "cost_known_usd": cost,
                    "bad_store_lines": run.bad_lines,
                    **({"error_kinds": kinds} if (kinds := error_kinds(best)) else {}), **no_usage(best),
                    **batched(best), **(run_info or {})}}


