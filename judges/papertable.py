"""The PLUG paper's X-AlpacaEval table from run directories: ``plug-judge paper-table`` and the report.

One row per comparison (system against its baseline, in one language, by one judge): the shares
of wins (slight wins included), ties, losses (slight losses included) and errors, over the items
whose two judgments ended, as the repository's ``calculate_pair_judge_score.py`` counts them
(:func:`plug_eval.stats.paper_figures`), and Δ = wins − losses in points with its bootstrap
interval (the script prints |Δ|; the sign says who won).  Items not judged yet are counted apart
(``pending``).  Then, per judge, the mean Δ over the comparisons given, which is how the paper
states its averages over languages and base models, with the interval of the mean of the
comparisons' r-th resamples (:func:`plug_eval.stats.mean_delta`).  Comparisons of different
judges are never averaged together.

The printed shares round as the script's ``{:.1%}`` does (the same float, the same digits).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges import summaries
from plug_eval.judges.runs import load_run

RULES = {"paper": "paper", "pairwise": "last"}  #: the parser of a run as --verdict-rule names it
COLUMNS = ("system", "baseline", "lang", "judge", "verdict_rule", "n_judged", "pending", "wins", "ties", "losses",
           "errors", "win_pct", "tie_pct", "loss_pct", "error_pct", "delta", "delta_ci_low", "delta_ci_high")


@dataclass(frozen=True)
class Comparison:
    """What a row needs of one comparison: its summary, per-item outcomes and pending marks."""

    summary: dict[str, Any]
    outcomes: list[Any]
    pending: list[bool]
    where: str


def row(c: Comparison) -> dict[str, Any]:
    """One comparison's row (counts, shares in percent, Δ in points)."""
    s, p = c.summary, c.summary.get("paper") or {}
    rule = ((s.get("provenance") or {}).get("judge") or {}).get("parser")
    pending = int(s.get("pending") or 0)
    return {"system": s.get("system_a"), "baseline": s.get("system_b"), "lang": s.get("lang"), "judge": s.get("judge"),
            "verdict_rule": RULES.get(str(rule), rule), "n_judged": int(s.get("n_items") or 0) - pending,
            "pending": pending, "wins": s["win"] + s["slight_win"], "ties": s["tie"],
            "losses": s["loss"] + s["slight_loss"], "errors": s["unscored"], "win_pct": p.get("win_pct"),
            "tie_pct": p.get("tie_pct"), "loss_pct": p.get("loss_pct"), "error_pct": p.get("unscored_pct"),
            "delta": p.get("delta"), "delta_ci_low": p.get("delta_ci_low"), "delta_ci_high": p.get("delta_ci_high")}


def table(comparisons: Sequence[Comparison]) -> dict[str, Any]:
    """``rows`` (one per comparison) and ``means`` (one per judge: the mean Δ and its interval)."""
    rows = [row(c) for c in comparisons]
    by_judge: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        by_judge.setdefault(str(r["judge"]), []).append(k)
    means = []
    for judge, members in by_judge.items():
        scored = [k for k in members if rows[k]["delta"] is not None]
        draws = [stats.paper_delta_resamples(comparisons[k].outcomes, comparisons[k].pending,
                                             seed=int(comparisons[k].summary.get("seed") or 0),
                                             n_resamples=int(comparisons[k].summary.get("n_resamples")
                                                             or stats.DEFAULT_RESAMPLES))
                 for k in scored]
        mean = stats.mean_delta([float(rows[k]["delta"]) for k in scored], draws)
        unscored = len(members) - len(scored)
        if unscored:
            mean["reason"] = f"{unscored} comparison(s) with no item judged yet left out"
        means.append({"judge": judge, "n_runs": len(scored), **mean})
    return {"rows": rows, "means": means}


# --------------------------------------------------------------------------- from run directories


def comparisons(dirs: Sequence[str | os.PathLike[str]]) -> list[Comparison]:
    """The pairwise runs of ``dirs``, their summaries rebuilt from the files (nothing written)."""
    runs = [load_run(d, need_summary=False, facts=True) for d in dirs]
    for d, run in zip(dirs, runs, strict=True):
        if run.kind != "pairwise":
            raise PlugEvalError(f"holds a {run.kind} run: the paper's table is of pairwise comparisons", d)
        if run.single_order:
            raise PlugEvalError("judged in one order per item: the paper's table combines both orders "
                                "(judge with --orders 2)", d)
    built = summaries.build_summaries(runs)
    return [Comparison(s, run.outcomes(), summaries.pending_flags(run), str(d))
            for d, run, s in zip(dirs, runs, built, strict=True)]


# --------------------------------------------------------------------------- text and CSV


def _share(count: int, n: int) -> str:
    """``count / n`` as the repository's script prints it (``{:.1%}``), without the sign."""
    return "-" if n <= 0 else f"{count / n:.1%}"[:-1]


def _points(value: float | None, signed: bool = True) -> str:
    return "-" if value is None else f"{value:+.1f}" if signed else f"{value:.1f}"


def render_text(t: dict[str, Any]) -> str:
    """The table as aligned text: shares in percent of the judged items, Δ in points."""
    head = ["system", "baseline", "lang", "judge", "rule", "judged", "pending", "W%", "T%", "L%", "err%", "Δ",
            "95% CI"]
    lines = [head]
    for r in t["rows"]:
        n = r["n_judged"]
        delta = "-" if n <= 0 else f"{(r['wins'] - r['losses']) / n:+.1%}"[:-1]
        ci = f"{_points(r['delta_ci_low'])}…{_points(r['delta_ci_high'])}"
        lines.append([str(r["system"]), str(r["baseline"]), str(r["lang"]), str(r["judge"]), str(r["verdict_rule"]),
                      str(n), str(r["pending"]), _share(r["wins"], n), _share(r["ties"], n), _share(r["losses"], n),
                      _share(r["errors"], n), delta, ci])
    for m in t["means"]:
        ci = f"{_points(m['delta_ci_low'])}…{_points(m['delta_ci_high'])}"
        lines.append([f"mean of {m['n_runs']}", "", "", m["judge"], "", "", "", "", "", "", "",
                      _points(m["delta"]), ci])
    widths = [max(len(x[i]) for x in lines) for i in range(len(head))]
    out = ["  ".join(x.ljust(w) for x, w in zip(cells, widths, strict=True)).rstrip() for cells in lines]
    notes = [f"note: {m['judge']}: {m['reason']}" for m in t["means"] if m.get("reason")]
    return "\n".join(out + notes)


def render_csv(t: dict[str, Any]) -> str:
    """Every row and mean row with full precision (shares in percent, Δ in points)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["row", *COLUMNS])
    for r in t["rows"]:
        w.writerow(["comparison", *("" if r[k] is None else r[k] for k in COLUMNS)])
    for m in t["means"]:
        values = {"judge": m["judge"], "n_judged": "", "delta": m["delta"], "delta_ci_low": m["delta_ci_low"],
                  "delta_ci_high": m["delta_ci_high"]}
        w.writerow([f"mean of {m['n_runs']}", *("" if values.get(k) is None else values[k] for k in COLUMNS)])
    return buf.getvalue()


def write_csv(t: dict[str, Any], path: str | os.PathLike[str]) -> None:
    try:
        files.write_atomic(path, render_csv(t).encode("utf-8"))
    except OSError as err:
        raise PlugEvalError(f"cannot write the CSV ({err.strerror or err})", path) from None


__all__ = ["Comparison", "comparisons", "render_csv", "render_text", "table", "write_csv"]
