"""Read run directories (items.jsonl, judgments.jsonl, summary.json) into per-item outcomes.

Why here and not in stats: this is the I/O side.  It turns the stored judgments of a run into the
plain lists :mod:`plug_eval.stats` takes, so the report, ``summarize`` and the tests all derive
outcomes one way: the last record for an (item, order) wins (``--force``/``--retry-errors``
append), an order that is missing, failed or unparsed leaves the item unscored, and a judgment
carrying a soft ``preference`` (AlpacaEval imports) keeps its fraction.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .. import stats
from ..errors import PlugEvalError

FILES = ("items.jsonl", "judgments.jsonl", "summary.json")


@dataclass
class Run:
    """One comparison of system A against system B in one language, as stored on disk."""

    path: Path
    summary: dict[str, Any]
    items: list[dict[str, Any]]
    judgments: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # id -> order -> record
    single_order: bool = False
    _outcomes: list[Any] | None = field(default=None, repr=False, compare=False)

    @property
    def ids(self) -> list[str]:
        return [str(i["id"]) for i in self.items]

    def verdict(self, item_id: str, order: str) -> str | None:
        rec = self.judgments.get(item_id, {}).get(order)
        if rec is None or rec.get("error") or rec.get("verdict") not in ("A", "B", "tie"):
            return None
        return rec["verdict"]

    def order_verdicts(self) -> list[tuple[str | None, str | None]]:
        return [(self.verdict(i, "AB"), self.verdict(i, "BA")) for i in self.ids]

    def outcomes(self) -> list[Any]:
        """Per item: an outcome name, or a soft score in [0, 1] when the judge gave one (memoised)."""
        if self._outcomes is None:
            self._outcomes = self._derive_outcomes()
        return list(self._outcomes)

    def _derive_outcomes(self) -> list[Any]:
        out: list[Any] = []
        for item_id, (ab, ba) in zip(self.ids, self.order_verdicts()):
            soft = self._soft(item_id)
            if soft is not None:
                out.append(soft)
            else:
                one = self.single_order and (ab is None or ba is None)
                out.append(stats.outcome_from_orders(ab, ba, single=one))
        return out

    def _soft(self, item_id: str) -> float | None:
        """The soft preference of an item judged once with one (AlpacaEval's 1..2 scale)."""
        recs = list(self.judgments.get(item_id, {}).values())
        if len(recs) != 1 or recs[0].get("preference") is None or recs[0].get("error"):
            return None
        return float(recs[0]["preference"]) - 1.0

    def errors(self) -> int:
        return sum(1 for orders in self.judgments.values() for r in orders.values() if r.get("error"))

    def cost(self) -> float | None:
        costs = [r["cost_usd"] for orders in self.judgments.values() for r in orders.values()
                 if r.get("cost_usd") is not None]
        return float(sum(costs)) if costs else None

    def stats_arguments(self) -> dict[str, Any]:
        """Keyword arguments of :func:`plug_eval.stats.comparison_stats` for this run."""
        lengths = [(i.get("units_a"), i.get("units_b")) for i in self.items]
        have_len = all(a is not None and b is not None for a, b in lengths)
        return {
            "outcomes": self.outcomes(),
            "categories": [i.get("category") for i in self.items],
            "order_verdicts": self.order_verdicts(),
            "len_a": [a for a, _ in lengths] if have_len else None,
            "len_b": [b for _, b in lengths] if have_len else None,
        }


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file; a torn last line (a crash mid-write) is ignored."""
    lines = path.read_text(encoding="utf-8").split("\n")
    complete = lines[:-1]  # the last piece has no newline: empty, or a line torn mid-write
    wanted = [line for line in complete if line.strip()]
    try:  # one decoder call for the whole file is much faster than one per line
        rows = json.loads("[" + ",".join(wanted) + "]")
        if len(rows) == len(wanted) and all(isinstance(r, dict) for r in rows):
            return rows
    except json.JSONDecodeError:
        pass
    rows = []
    for n, line in enumerate(complete, start=1):  # slow path: find the bad line
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                row = None
            if not isinstance(row, dict):
                raise PlugEvalError(f"line {n} is not a JSON object", path)
            rows.append(row)
    return rows


def load_run(directory: str | os.PathLike[str]) -> Run:
    """Load one run directory, with one-line errors naming the file that is wrong."""
    root = Path(directory)
    for name in FILES:
        if not (root / name).is_file():
            raise PlugEvalError(f"not a run directory: {name} is missing", root)
    try:
        summary = json.loads((root / "summary.json").read_text(encoding="utf-8"))
        items = read_jsonl(root / "items.jsonl")
        records = read_jsonl(root / "judgments.jsonl")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlugEvalError(f"cannot read run: {exc}", root) from None
    for key in ("system_a", "system_b"):
        if key not in summary:
            raise PlugEvalError(f"summary.json has no {key}", root / "summary.json")
    keys = _run_keys(root)
    judgments = _by_key(records, keys) if keys is not None else _by_item(records)
    orders = (summary.get("provenance") or {}).get("orders") or summary.get("orders")
    if keys is not None:
        single = all(len(k) == 1 for k in keys.values())
    else:
        single = orders == 1 if orders else not any(len(o) > 1 for o in judgments.values())
    return Run(root, summary, items, judgments, single_order=single)


def _run_keys(root: Path) -> dict[str, dict[str, str]] | None:
    """``run.json``'s item -> order -> judgment key, when ``plug-judge compare`` wrote one."""
    try:
        keys = json.loads((root / "run.json").read_text(encoding="utf-8")).get("keys")
    except (OSError, ValueError, AttributeError):
        return None
    return keys if isinstance(keys, dict) else None


def _by_item(records: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Without run.json (imports): the last record for an (item, order) wins."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for rec in records:
        out.setdefault(str(rec.get("id")), {})[str(rec.get("order"))] = rec
    return out


def _by_key(records: list[dict[str, Any]], keys: dict[str, dict[str, str]]) -> dict[str, dict[str, dict[str, Any]]]:
    """With run.json, as ``summarize`` reads a store: only this run's keys, the latest success wins.

    Other judges' records in a shared store never leak in; a later error does not hide an
    earlier success, but a later success replaces an earlier one (``--force``).
    """
    latest: dict[str, dict[str, Any]] = {}
    for rec in records:
        key = rec.get("key")
        if key is not None and (rec.get("error") is None or latest.get(key, {}).get("error") is not None
                                or key not in latest):
            latest[key] = rec
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for item_id, orders in keys.items():
        for order, key in orders.items():
            if key in latest:
                out.setdefault(str(item_id), {})[order] = latest[key]
    return out


def summarize_dirs(dirs: Sequence[str | os.PathLike[str]], *, write: bool = True) -> list[dict[str, Any]]:
    """Recompute the statistics of many run directories in one process, without any judge call.

    All runs go through :func:`plug_eval.stats.many_comparison_stats`, so runs over the same
    number of items share one resample matrix.  Other summary fields (systems, judge,
    provenance, AlpacaEval's metrics) are kept as stored.
    """
    runs = [load_run(d) for d in dirs]
    groups: dict[tuple[int, Any], list[int]] = {}
    for k, run in enumerate(runs):
        key = (int(run.summary.get("n_resamples") or stats.DEFAULT_RESAMPLES), run.summary.get("seed") or 0)
        groups.setdefault(key, []).append(k)
    results: list[dict[str, Any]] = [{} for _ in runs]
    for (n_resamples, seed), members in groups.items():
        computed = stats.many_comparison_stats([runs[k].stats_arguments() for k in members], seed=seed,
                                               n_resamples=n_resamples)
        for k, core in zip(members, computed):
            run = runs[k]
            results[k] = {**run.summary, **core, "errors": run.errors(), "cost_usd": run.cost(),
                          "seed": seed, "n_resamples": n_resamples}
    if write:
        for run, summary in zip(runs, results):
            _write_json(run.path / "summary.json", summary)
    return results


def _write_json(path: Path, obj: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
