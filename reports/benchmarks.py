"""The report's per-language view of the paper's three benchmarks, side by side per system.

* X-AlpacaEval: the pairwise win rate of each comparison (system A against its baseline);
* X-SVAMP: accuracy from lm-eval ``results_*.json`` files (``plug-judge report --results``),
  one value per task variant (direct, pivot);
* X-TruthfulQA: truthful % of ``plug-judge truthful`` runs.

Systems are matched by name: the name a run or results file gives them (lm-eval's
``model_name``, else the folder holding the file), so runs and results of one model written by
lm-eval into one output folder line up.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plug_eval import files, tasknames
from plug_eval.errors import PlugEvalError
from plug_eval.judges.runs import ASPECTS, Run
from plug_eval.languages import LANGUAGES


def svamp_results(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """(system, lang, variant, accuracy) of every X-SVAMP task in one lm-eval results file."""
    data = files.read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
        raise PlugEvalError("not an lm-eval results file (no 'results' object)", path)
    system = str(data.get("model_name") or Path(path).resolve().parent.name)
    out = []
    for task, metrics in data["results"].items():
        name = tasknames.parse(task)  # a language added by a file too
        if name is None or name.benchmark != "xsvamp" or not isinstance(metrics, dict):
            continue
        key = "accuracy,plug_extract" if name.variant == tasknames.PIVOT else "accuracy,none"
        if isinstance(metrics.get(key), (int, float)):
            out.append({"system": system, "lang": name.lang, "variant": name.variant,
                        "accuracy": 100.0 * float(metrics[key])})
    if not out:
        raise PlugEvalError("holds no xsvamp_* task's accuracy", path)
    return out


def side_by_side(cells: Sequence[Any], truthful_rows: Sequence[dict[str, Any]],
                 results: Sequence[str | os.PathLike[str]] = ()) -> dict[str, Any]:
    """Rows per system; per language the three benchmarks' headline numbers (None when absent)."""
    table: dict[str, dict[str, dict[str, list[dict[str, Any]]]]] = {}

    def add(system: str, lang: str, bench: str, entry: dict[str, Any]) -> None:
        table.setdefault(system, {}).setdefault(lang, {}).setdefault(bench, []).append(entry)

    for c in cells:
        add(c.system, c.lang, "xalpacaeval", {"value": c.s.get("win_rate"), "note": f"vs {c.baseline}"})
    for r in truthful_rows:
        if r["lang"] != "overall":
            add(str(r["system"]), r["lang"], "xtruthfulqa", {"value": r["s"].get("truthful_pct"), "note": r["judge"]})
    for path in results:
        for e in svamp_results(path):
            add(e["system"], e["lang"], "xsvamp", {"value": e["accuracy"], "note": e["variant"]})
    benches = {b for langs in table.values() for per in langs.values() for b in per}
    if len(benches) < 2:  # one benchmark: its own tables say it all
        return {"langs": [], "rows": []}
    found = {lang for langs in table.values() for lang in langs}
    langs = [code for code in LANGUAGES if code in found] + sorted(found - set(LANGUAGES))
    rows = [{"system": system, "by_lang": by_lang} for system, by_lang in sorted(table.items())]
    return {"langs": langs, "rows": rows, "benchmarks": [b for b in tasknames.BENCHMARKS if b in benches]}


TRUTHFUL_CSV = ("system", "lang", "judge", "n_items", "n_truth_scored", "n_info_scored", "n_both_scored",
                "truthful_pct", "truthful_ci_low", "truthful_ci_high", "informative_pct", "informative_ci_low",
                "informative_ci_high", "truthful_informative_pct", "truthful_informative_ci_low",
                "truthful_informative_ci_high", "not_enough_info_pct", "paper_truthful_pct",
                "paper_informative_pct", "paper_truthful_informative_pct", "cost_usd", "run_dir")


def truthful_csv(rows: Sequence[dict[str, Any]]) -> str:
    """``truthful.csv``: one row per X-TruthfulQA run and language, as the report's table."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=TRUTHFUL_CSV, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        s = r["s"]
        row = {k: s.get(k) for k in TRUTHFUL_CSV}
        for name in ("truthful", "informative", "truthful_informative"):
            row[f"{name}_ci_low"], row[f"{name}_ci_high"] = s[f"{name}_ci"]
        for name in ("truthful", "informative", "truthful_informative"):
            row[f"paper_{name}_pct"] = s["paper"][name]["pct"]
        row.update(system=r["system"], lang=r["lang"], judge=r["judge"], cost_usd=r["cost_usd"], run_dir=r["path"])
        writer.writerow(row)
    return buf.getvalue()


# --------------------------------------------------------------------------- X-TruthfulQA runs


def truthful_rows(runs: Sequence[Run]) -> list[dict[str, Any]]:
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


def truthful_runs(runs: Sequence[Run], limit: int = 200) -> list[dict[str, Any]]:
    """Per run, what the report lists under its table: provenance and the unscored judgments
    (the judge's reply and why it has no label), at most ``limit`` of them."""
    out = []
    for run in runs:
        unscored: list[dict[str, Any]] = []
        n_unscored = 0
        for k, (item, recs) in enumerate(zip(run.items, run.per_item(), strict=True)):
            for aspect in ASPECTS:
                label, why = run.label(k, aspect)
                n_unscored += label is None
                if label is None and len(unscored) < limit:
                    rec = recs.get(aspect) or {}
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
        if batched := (run.summary.get("run") or {}).get("batch_judgments"):
            facts.append(("through a batch", f"{batched} judgments, sent in a provider batch"))
        out.append({"system": run.summary.get("system"), "path": str(run.path), "facts": facts,
                    "unscored": unscored, "n_unscored": n_unscored})
    return out
