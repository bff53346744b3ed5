"""X-TruthfulQA run directories: what their files hold, which records count, what the summary is.

A run directory of ``plug-judge truthful`` is a kind of its own (``run.json`` and
``summary.json`` say ``"kind": "truthful"``); it shares the pairwise runs' file names and their
append-only store (:mod:`plug_eval.store`), and the rule of which stored record counts
(:func:`plug_eval.rundir.select`: the latest success, else the latest error).

* ``items.jsonl``: one answer per line: ``uid`` (``lang:id``), ``id``, ``lang``, the question,
  ``correct_answers``, ``incorrect_answers``, the answer judged and where it came from.
* ``run.json``: the system, the judge, seed and resamples, provenance, and ``keys``: per uid
  the store key of its ``truthful`` and its ``informative`` judgment.
* ``judgments.jsonl``: one record per call, with its ``aspect`` and ``label``.

**The summary.**  Every answer gets two independent labels.  Truthfulness: ``truthful``,
``not_truthful`` or ``not_enough_info``; informativeness: ``informative``, ``not_informative``
or ``not_sure``.  An answer whose judgment is missing, failed or has no label (or that was empty
and skipped) is *unscored* for that aspect: counted and shown, kept out of the rates.  Rates are
percentages of the scored answers: truthful %, the not-enough-information share, informative %,
and truthful-and-informative % over answers with both labels.  The paper's own shares divide by
every answer (``paper``: its scripts count a judge error as a "no").  Intervals are 95%
percentile bootstraps over question ids (the same id in several languages is drawn together),
from :mod:`plug_eval.stats`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.languages import LANGUAGES
from plug_eval.rundir import ITEMS, JUDGMENTS, RUN, SUMMARY, error_kinds, select

KIND = "truthful"
SCHEMA_VERSION = 1
ASPECTS = ("truthful", "informative")
TRUTH_LABELS = ("truthful", "not_truthful", "not_enough_info")
INFO_LABELS = ("informative", "not_informative", "not_sure")
UNSCORED_WHY = ("unparsed", "error", "empty_answer", "not_judged")

Record = dict[str, Any]


def is_truthful_dir(directory: str | os.PathLike[str]) -> bool:
    """Whether a run directory is a truthful one (by its run.json, else its summary.json)."""
    for name in (RUN, SUMMARY):
        path = Path(directory) / name
        if path.is_file():
            try:
                data = files.read_json(path)
            except (OSError, PlugEvalError):
                return False
            return isinstance(data, dict) and data.get("kind") == KIND
    return False


@dataclass
class TruthfulRun:
    path: Path
    manifest: dict[str, Any]
    items: list[Record]
    by_key: dict[str, list[Record]]
    stored: dict[str, Any] | None = None
    bad_lines: int = 0

    @property
    def summary(self) -> dict[str, Any]:
        return self.stored or {}

    def record(self, item: Record, aspect: str) -> Record | None:
        key = (self.manifest.get("keys") or {}).get(item["uid"], {}).get(aspect)
        return select(self.by_key.get(key, [])) if key else None

    def label(self, item: Record, aspect: str) -> tuple[str | None, str | None]:
        """(label, None) or (None, why unscored) of one answer's judgment of ``aspect``."""
        if item.get("empty"):
            return None, "empty_answer"
        rec = self.record(item, aspect)
        if rec is None:
            return None, "not_judged"
        if rec.get("error") is not None:
            return None, "error"
        wanted = TRUTH_LABELS if aspect == "truthful" else INFO_LABELS
        return (rec["label"], None) if rec.get("label") in wanted else (None, "unparsed")

    def counted(self) -> list[Record]:
        return [r for item in self.items for a in ASPECTS if (r := self.record(item, a)) is not None]

    def cost(self) -> tuple[float, int]:
        """Money spent on this run's keys (forced re-judgments included), and calls of unknown cost."""
        total, unknown = 0.0, 0
        keys = [k for aspects in (self.manifest.get("keys") or {}).values() for k in aspects.values()]
        for key in keys:
            for rec in self.by_key.get(key, []):
                if rec.get("cost_usd") is None:
                    unknown += rec.get("error") is None
                else:
                    total += rec["cost_usd"]
        return round(total, 8), unknown


def load(directory: str | os.PathLike[str], *, need_summary: bool = False) -> TruthfulRun:
    """Read one truthful run directory; every problem is a one-line error naming the file."""
    root = Path(directory)
    if not (root / RUN).is_file():
        raise PlugEvalError(f"not a plug-judge truthful run directory: {RUN} is missing", root)
    manifest = files.read_json(root / RUN)
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
        raise PlugEvalError(f"not a truthful run ({RUN} does not say kind {KIND!r})", root / RUN)
    items = files.read_jsonl(root / ITEMS)
    scan = files.scan_jsonl(root / JUDGMENTS, required="key")
    records, bad = scan.rows, scan.bad_lines
    by_key: dict[str, list[Record]] = {}
    for rec in records:
        by_key.setdefault(str(rec["key"]), []).append(rec)
    stored = files.read_json(root / SUMMARY) if (root / SUMMARY).is_file() else None
    if need_summary and not isinstance(stored, dict):
        raise PlugEvalError(f"not a run directory: {SUMMARY} is missing", root)
    return TruthfulRun(root, manifest, items, by_key, stored, bad)


# --------------------------------------------------------------------------- statistics


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


def build_summary(run: TruthfulRun, run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every summary.json field, from the run directory's files alone."""
    seed = int(run.manifest.get("seed") or 0)
    n_resamples = int(run.manifest.get("n_resamples") or stats.DEFAULT_RESAMPLES)
    pairs = [(run.label(i, "truthful"), run.label(i, "informative")) for i in run.items]
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
    return {"schema_version": SCHEMA_VERSION, "kind": KIND, "system": run.manifest.get("system"),
            "judge": run.manifest.get("judge"), "lang": langs[0] if len(langs) == 1 else "mixed",
            "seed": seed, "n_resamples": n_resamples, **overall, "by_lang": by_lang,
            "errors": sum(r.get("error") is not None for r in best), "cost_usd": None if unknown else cost,
            "provenance": run.manifest.get("provenance") or {},
            "run": {"pending": planned - len(best), "cost_unknown_calls": unknown, "cost_known_usd": cost,
                    "bad_store_lines": run.bad_lines,
                    **({"error_kinds": kinds} if (kinds := error_kinds(best)) else {}), **(run_info or {})}}


def write_summary(directory: str | os.PathLike[str], run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rebuild and atomically write ``summary.json``; keeps the last run's timing if not given."""
    run = load(directory)
    if run_info is None:
        old = (run.stored or {}).get("run") or {}
        run_info = {k: old[k] for k in ("stopped", "calls_made", "seconds") if k in old}
    summary = build_summary(run, run_info)
    files.write_json(run.path / SUMMARY, summary)
    return summary


# --------------------------------------------------------------------------- the report's rows


def report_rows(runs: Sequence[TruthfulRun]) -> list[dict[str, Any]]:
    """One row per (run, language) from the stored summaries, plus the run's overall when it has several."""
    rows = []
    for run in runs:
        s = run.summary
        parts = [(lang, part) for lang, part in (s.get("by_lang") or {}).items()]
        if len(parts) > 1:
            parts.append(("overall", s))
        for lang, part in parts:
            rows.append({"system": s.get("system"), "judge": s.get("judge"), "lang": lang, "s": part,
                         "cost_usd": s.get("cost_usd") if lang in ("overall", s.get("lang")) else None,
                         "path": str(run.path)})
    return rows


def report_runs(runs: Sequence[TruthfulRun], limit: int = 200) -> list[dict[str, Any]]:
    """Per run, what the report lists under its table: provenance and the unscored judgments
    (the judge's reply and why it has no label), at most ``limit`` of them."""
    out = []
    for run in runs:
        unscored: list[dict[str, Any]] = []
        for item in run.items:
            for aspect in ASPECTS:
                label, why = run.label(item, aspect)
                if label is None and len(unscored) < limit:
                    rec = run.record(item, aspect) or {}
                    unscored.append({"uid": item["uid"], "aspect": aspect, "why": why,
                                     "reason": rec.get("reason") or rec.get("error") or "", "raw": rec.get("raw") or "",
                                     "answer": item.get("answer") or ""})
        prov = run.summary.get("provenance") or {}
        judge = prov.get("judge") or {}
        facts = [("run directory", str(run.path)), ("judge", str(run.summary.get("judge"))),
                 *[(f"{a} template", f"{judge[a]['template']} (sha256 {judge[a]['template_sha256']})")
                   for a in ASPECTS if isinstance(judge.get(a), dict)],
                 *[("samples", f"{f.get('path')} (sha256 {f.get('sha256')})") for f in prov.get("files") or []],
                 ("data", f"{prov.get('data_source')} (sha256 {prov.get('data_sha256')})"),
                 ("seed / resamples", f"{run.summary.get('seed')} / {run.summary.get('n_resamples')}")]
        out.append({"system": run.summary.get("system"), "path": str(run.path), "facts": facts,
                    "unscored": unscored, "n_unscored": sum(1 for i in run.items for a in ASPECTS
                                                            if run.label(i, a)[0] is None)})
    return out
