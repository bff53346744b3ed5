"""The run directory: the only code that knows its files, which records count and what they mean.

A run directory holds ``items.jsonl`` (the paired answers), ``judgments.jsonl`` (the append-only
store, :mod:`plug_eval.store`), ``run.json`` (written by ``plug-judge compare``/``grade``: the
key of every planned judgment), ``summary.json`` (derived, rebuilt by :func:`write_summary`) and
``facts.json`` (a cache of what summaries read, so ``summarize`` never decodes answers or
replies; rebuilt whenever it does not match the files).  Importers (``import-alpacaeval``) write
no ``run.json``; their plan is read off the store.  The report only reads.

The rules, in one place:

* **Which record counts.** Only the keys of this run's plan (other judges sharing the store never
  leak in); for each key the latest successful record, else the latest error (:func:`select`).
  A later error never hides an earlier success; a later success (``--force``) replaces it.
* **What an item's outcome is.** An item judged in one order whose record carries a soft
  ``preference`` (AlpacaEval's 1..2 scale) scores ``preference - 1``; ``"preference": null``
  means the judge gave no preference and the item is unscored, whatever its ``verdict`` says
  (AlpacaEval drops such rows too).  Otherwise the verdicts of both orders combine as the PLUG
  paper does (:func:`plug_eval.stats.outcome_from_orders`); a missing, failed or unparsed order
  leaves the item unscored.
* **What the summary is.** :func:`build_summaries` computes every ``summary.json`` field from the
  files alone: ``compare``, ``import-alpacaeval``, ``summarize`` and the report agree because
  they all come here.  Runs with the same seed and resample count share one resample matrix.
  ``cost_usd`` is null when a call that was made has no known cost (a partial sum would read as
  the total); AlpacaEval's identical-output rows, where it made no call, cost nothing.
"""

from __future__ import annotations

import gc
import math
import os
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError

ITEMS = "items.jsonl"
JUDGMENTS = "judgments.jsonl"
SUMMARY = "summary.json"
RUN = "run.json"
LOCK = "judgments.lock"
FACTS = "facts.json"  #: a cache of what summaries read (:func:`load_run` with ``facts``)

FACTS_VERSION = 2  # 2: records keep error_kind
ITEM_FACTS = ("id", "lang", "category", "units_a", "units_b")
RECORD_FACTS = ("key", "id", "order", "verdict", "preference", "rating", "error", "error_kind", "cost_usd", "flags",
                "raw")

SCHEMA_VERSION = 1
VERDICTS = ("A", "B", "tie")

Record = dict[str, Any]


def select(records: Sequence[Record]) -> Record | None:
    """The record of one key that counts: the latest successful one, else the latest error."""
    if len(records) == 1:  # the common case
        return records[0]
    for rec in reversed(records):
        if rec.get("error") is None:
            return rec
    return records[-1] if records else None


def system_verdict(rec: Record | None) -> str | None:
    """A record's verdict for system A, B or a tie; None when missing, failed or unparsed."""
    if rec is None or rec.get("error") is not None or rec.get("verdict") not in VERDICTS:
        return None
    return str(rec["verdict"])


def item_outcome(recs: dict[str, Record | None]) -> Any:
    """Outcome of one item from its planned orders' counting records (see the module rules)."""
    if len(recs) == 1:
        (rec,) = recs.values()
        if rec is not None and "preference" in rec:
            pref = rec["preference"]
            return None if pref is None or rec.get("error") is not None else float(pref) - 1.0
        v = system_verdict(rec)
        return stats.outcome_from_orders(v, None, single=True)
    return stats.outcome_from_orders(system_verdict(recs.get("AB")), system_verdict(recs.get("BA")))


# --------------------------------------------------------------------------- reading


def _scan_store(data: bytes) -> tuple[list[Record], int]:
    """The store's records in file order and how many complete lines were unreadable."""
    scan = files.scan_lines(data, required="key")
    rows = [r for r in scan.rows if isinstance(r["key"], str)]
    return rows, scan.bad_lines + len(scan.rows) - len(rows)


def _read_store(root: Path) -> bytes:
    try:
        return files.read_bytes(root / JUDGMENTS)
    except FileNotFoundError:
        return b""


def holds_judgments(root: str | os.PathLike[str]) -> bool:
    """Whether a directory's store holds any judgment (a complete record)."""
    return bool(_scan_store(_read_store(Path(root)))[0])


def non_import_judgments(root: str | os.PathLike[str]) -> int:
    """How many stored judgments an importer did not write: a directory with ``run.json`` is a
    ``compare``/``grade`` run (all of its records count), and an imported record carries AlpacaEval's
    ``preference``."""
    root = Path(root)
    records = _scan_store(_read_store(root))[0]
    if (root / RUN).exists():
        return len(records)
    return sum("preference" not in r for r in records)


# --------------------------------------------------------------------------- the facts cache


class _Source:
    """One file the cache describes: its stat now, its bytes only when they must be read."""

    def __init__(self, path: Path, missing_ok: bool = False) -> None:
        self.path = path
        try:
            self.stat: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            if not missing_ok:
                raise
            self.stat = None
        self._data: bytes | None = None

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = b"" if self.stat is None else files.read_bytes(self.path)
        return self._data

    def fingerprint(self) -> dict[str, Any]:
        """Size and CRC-32 of the bytes (any change shows), and the stat that lets the next
        reader skip reading them: size, mtime, ctime and inode.  ctime cannot be set by hand and
        changes with every write; a file changed in the last two seconds gets no stat, since a
        second change within the same clock tick would not show in it (git's racy-file rule)."""
        st = self.stat
        recent = st is None or time.time_ns() - st.st_ctime_ns < 2_000_000_000
        key = None if recent or st is None else [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        return {"size": len(self.data), "crc32": zlib.crc32(self.data), "stat": key}

    def described_by(self, entry: dict[str, Any]) -> bool:
        """Whether a cache entry's fingerprint is this file's: by stat when it can, else by content."""
        fp = entry["fingerprint"]
        st = self.stat
        if st is not None and fp.get("stat") == [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]:
            return True
        return bool(fp["size"] == len(self.data) and fp["crc32"] == zlib.crc32(self.data))


def record_facts(rec: Record) -> Record:
    """What a summary reads of a stored record (a reply's text only as whether there is one)."""
    out = {k: rec[k] for k in RECORD_FACTS if k in rec}
    if out.get("raw") is not None:
        out["raw"] = ""
    return out


def _facts_cache(items: _Source | dict[str, Any], store: _Source | dict[str, Any], item_rows: list[Record],
                 records: list[Record], bad: int) -> dict[str, Any]:
    """The cache of these facts; a fingerprint already known may stand for its source."""
    return {"schema_version": FACTS_VERSION,
            "about": f"what summaries read of {ITEMS} and {JUDGMENTS}; rebuilt when they change, safe to delete",
            "items": {"fingerprint": items.fingerprint() if isinstance(items, _Source) else items,
                      "fields": list(ITEM_FACTS), "rows": [[i.get(k) for k in ITEM_FACTS] for i in item_rows]},
            "judgments": {"fingerprint": store.fingerprint() if isinstance(store, _Source) else store,
                          "bad_lines": bad, "records": [record_facts(r) for r in records]}}


def _cached(cache: Any, part: str, source: _Source) -> dict[str, Any] | None:
    """The cache's ``part`` when it describes exactly this file, else None."""
    try:
        entry = cache[part]
        if cache["schema_version"] != FACTS_VERSION or not isinstance(entry, dict) or not source.described_by(entry):
            return None
        return entry
    except (KeyError, TypeError, AttributeError):
        return None


def _read_facts(root: Path) -> tuple[list[Record], list[Record], int, dict[str, Any] | None]:
    """Items and records as summaries need them, from ``facts.json`` when it is current.

    Decoding the answers and judge replies costs most of a summary on large runs (an AlpacaEval
    import holds megabytes of both); the cache keeps what the statistics use.  Returns the
    cache to write when it was missing, stale or lacked a stat, else None.
    """
    items_src, store_src = _Source(root / ITEMS), _Source(root / JUDGMENTS, missing_ok=True)
    try:
        cache = files.read_json(root / FACTS)
    except (OSError, PlugEvalError):  # a cache: missing or damaged means rebuild
        cache = None
    item_part, store_part = _cached(cache, "items", items_src), _cached(cache, "judgments", store_src)
    items = _cached_items(item_part)
    records, bad = _cached_records(store_part)
    if items is not None and records is not None:
        if items_src._data is None and store_src._data is None:
            return items, records, bad, None  # trusted by stat: nothing read
        # read by content (no stat yet, or the file was touched): store the new stat, if any
        assert item_part is not None and store_part is not None
        new = _facts_cache(items_src if items_src._data is not None else item_part["fingerprint"],
                           store_src if store_src._data is not None else store_part["fingerprint"],
                           items, records, bad)
        same = all(new[k]["fingerprint"] == part["fingerprint"]
                   for k, part in (("items", item_part), ("judgments", store_part)))
        return items, records, bad, None if same else new
    if items is None:
        full = files.parse_jsonl(files.decode_text(items_src.data, items_src.path), items_src.path)
        items = [{k: i.get(k) for k in ITEM_FACTS} for i in full]
    if records is None:
        records, bad = _scan_store(store_src.data)
        records = [record_facts(r) for r in records]
    return items, records, bad, _facts_cache(items_src, store_src, items, records, bad)


def _cached_items(part: dict[str, Any] | None) -> list[Record] | None:
    try:
        return [dict(zip(ITEM_FACTS, row, strict=True)) for row in part["rows"]] if part else None
    except (KeyError, TypeError, ValueError):
        return None


def _cached_records(part: dict[str, Any] | None) -> tuple[list[Record] | None, int]:
    try:
        if part and all(isinstance(r, dict) and isinstance(r.get("key"), str) for r in part["records"]):
            return list(part["records"]), int(part["bad_lines"])
    except (KeyError, TypeError, ValueError):
        pass
    return None, 0


def _read_json(path: Path) -> Any:
    """A JSON file of the run directory, None when it does not exist."""
    try:
        return files.read_json(path)
    except FileNotFoundError:
        return None


@dataclass
class Run:
    """One run directory as stored: its plan, items, store and stored summary."""

    path: Path
    manifest: dict[str, Any]  #: run.json, or a stand-in read off the store and summary.json
    items: list[Record]
    by_key: dict[str, list[Record]]  #: every stored record of each key, in file order
    stored: dict[str, Any] | None = None  #: summary.json as it is on disk
    bad_lines: int = 0
    cache: dict[str, Any] | None = field(default=None, repr=False)  #: facts.json to write (stale or missing)
    _per_item: list[dict[str, Record | None]] | None = field(default=None, repr=False, compare=False)
    _outcomes: list[Any] | None = field(default=None, repr=False, compare=False)
    _judgments: dict[str, dict[str, Record]] | None = field(default=None, repr=False, compare=False)

    @property
    def summary(self) -> dict[str, Any]:
        """The stored summary.json (what the report shows per comparison)."""
        return self.stored or {}

    @property
    def keys(self) -> dict[str, dict[str, str]]:
        """Item id -> order ("AB", "BA" or "single") -> judgment key, as planned."""
        keys = self.manifest.get("keys")
        return keys if isinstance(keys, dict) else {}

    @property
    def mode(self) -> str:
        return str(self.manifest.get("mode") or "pairwise")

    @property
    def ids(self) -> list[str]:
        return [str(i["id"]) for i in self.items]

    @property
    def single_order(self) -> bool:
        return all(len(orders) == 1 for orders in self.keys.values())

    def best(self, key: str) -> Record | None:
        return select(self.by_key.get(key, []))

    def per_item(self) -> list[dict[str, Record | None]]:
        """Per item, in item order: planned order -> counting record, None when not stored (memoised)."""
        if self._per_item is None:
            by_key, keys, out = self.by_key, self.keys, []
            for item in self.items:
                recs: dict[str, Record | None] = {}
                for order, key in keys.get(str(item["id"]), {}).items():
                    stored = by_key.get(key)
                    recs[order] = None if not stored else stored[0] if len(stored) == 1 else select(stored)
                out.append(recs)
            self._per_item = out
        return self._per_item

    @property
    def judgments(self) -> dict[str, dict[str, Record]]:
        """Item id -> order -> counting record, stored ones only (the report's answer browser)."""
        if self._judgments is None:
            self._judgments = {}
            for item_id, recs in zip(self.ids, self.per_item(), strict=True):
                stored = {o: r for o, r in recs.items() if r is not None}
                if stored:
                    self._judgments[item_id] = stored
        return self._judgments

    def verdict(self, item_id: str, order: str) -> str | None:
        return system_verdict(self.judgments.get(item_id, {}).get(order))

    def order_verdicts(self) -> list[tuple[str | None, str | None]]:
        return [(system_verdict(r.get("AB")), system_verdict(r.get("BA"))) for r in self.per_item()]

    def outcomes(self) -> list[Any]:
        """Per item: an outcome name, a soft score in [0, 1], or None (unscored); memoised."""
        if self._outcomes is None:
            self._outcomes = [item_outcome(r) for r in self.per_item()]
        return list(self._outcomes)

    def stats_arguments(self) -> dict[str, Any]:
        """Keyword arguments of :func:`plug_eval.stats.comparison_stats` for this run."""
        return {"outcomes": self.outcomes(), "categories": [i.get("category") for i in self.items],
                "order_verdicts": self.order_verdicts(),
                "len_a": [i.get("units_a") or 0 for i in self.items],
                "len_b": [i.get("units_b") or 0 for i in self.items]}

    def counted(self) -> list[Record]:
        """The counting record of every planned key that has one."""
        return [r for recs in self.per_item() for r in recs.values() if r is not None]

    def planned_keys(self) -> list[str]:
        keys = self.keys
        return [k for i in self.ids for k in keys.get(i, {}).values()]

    def cost(self) -> tuple[float, int]:
        """Money spent on this run's keys (forced re-judgments included), and successful calls of
        unknown cost (then the total is unknown: ``cost_usd`` is null rather than too low).

        AlpacaEval does not call its judge when both outputs are identical: an imported record so
        flagged, with no reply and no price, is a call never made, not one of unknown cost.
        """
        total, unknown = 0.0, 0
        for key in self.planned_keys():
            for rec in self.by_key.get(key, []):
                if rec.get("cost_usd") is None:
                    no_call = rec.get("raw") is None and "identical_outputs" in (rec.get("flags") or [])
                    unknown += rec.get("error") is None and not no_call
                else:
                    total += rec["cost_usd"]
        return round(total, 8), unknown


def _keys_from_store(by_key: dict[str, list[Record]]) -> dict[str, dict[str, str]]:
    """An importer's plan, read off its store: each (item, order) takes its latest key."""
    keys: dict[str, dict[str, str]] = {}
    for key, recs in by_key.items():
        keys.setdefault(str(recs[-1].get("id")), {})[recs[-1].get("order") or "single"] = key
    return keys


def _plan_from_summary(stored: dict[str, Any]) -> dict[str, Any]:
    """A run.json stand-in for importers' directories; the stored summary's extra fields are kept."""
    return {**{k: stored.get(k) for k in ("system_a", "system_b", "judge", "seed", "n_resamples")},
            "mode": stored.get("mode") or "pairwise", "provenance": stored.get("provenance") or {}, "keep": stored}


@contextmanager
def _bulk_allocation() -> Iterator[None]:
    """Pause the cycle collector while a run's records are built: tens of thousands of new,
    long-lived dicts would otherwise trigger full collections that find nothing (no cycles are
    made here) and cost as much as the decoding itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_run(directory: str | os.PathLike[str], *, need_summary: bool = True,
             manifest: dict[str, Any] | None = None, facts: bool = False) -> Run:
    """Read one run directory; every problem is a one-line error naming the file.

    ``need_summary``: the report shows stored summaries, so it needs one; ``summarize`` does
    not when ``run.json`` holds the plan.  ``manifest`` stands in for both (an importer's run,
    before its first summary exists).  ``facts``: only what summaries read (no answers, no
    replies), from the ``facts.json`` cache when it is current.
    """
    with _bulk_allocation():
        return _load_run(Path(directory), need_summary, manifest, facts)


def _load_run(root: Path, need_summary: bool, manifest: dict[str, Any] | None, facts: bool) -> Run:
    if not (root / ITEMS).is_file():
        raise PlugEvalError(f"not a run directory: {ITEMS} is missing", root)
    cache = None
    if facts:
        items, records, bad, cache = _read_facts(root)
    else:
        items = files.read_jsonl(root / ITEMS)
        records, bad = _scan_store(_read_store(root))
    stored = _read_json(root / SUMMARY)
    run_json = _read_json(root / RUN) if manifest is None else None
    if isinstance(run_json, dict) and run_json.get("kind") not in (None, "pairwise"):  # plug_eval.truthful_run's
        raise PlugEvalError(f"a {run_json['kind']} run directory, not a pairwise or grading one", root)
    if stored is not None and not isinstance(stored, dict):
        raise PlugEvalError("not a JSON object", root / SUMMARY)
    if need_summary and stored is None:
        raise PlugEvalError(f"not a run directory: {SUMMARY} is missing", root)
    by_key: dict[str, list[Record]] = {}
    for rec in records:
        by_key.setdefault(rec["key"], []).append(rec)
    if manifest is None:
        if isinstance(run_json, dict):
            manifest = run_json
        elif stored is not None:
            manifest = _plan_from_summary(stored)
        else:
            raise PlugEvalError(f"not a run directory: no {RUN} and no {SUMMARY}", root)
    if "keys" not in manifest:
        manifest = {**manifest, "keys": _keys_from_store(by_key)}
    for key in ("system_a", "system_b"):
        if stored is not None and need_summary and key not in stored:
            raise PlugEvalError(f"{SUMMARY} has no {key}", root / SUMMARY)
    return Run(root, manifest, items, by_key, stored, bad, cache)


# --------------------------------------------------------------------------- summaries


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
        if run.mode == "grade":
            out[k] = _grade_summary(run, infos[k])
        else:
            groups.setdefault((_n_resamples(run), _seed(run)), []).append(k)
    for (n_resamples, seed), members in groups.items():
        cores = stats.many_comparison_stats([runs[k].stats_arguments() for k in members], seed=seed,
                                            n_resamples=n_resamples)
        for k, core in zip(members, cores, strict=True):
            out[k] = _pairwise_summary(runs[k], core, infos[k])
    return out


def _kept_run_info(run: Run) -> dict[str, Any] | None:
    """The last run's timing, kept when a summary is rebuilt without a run."""
    old = (run.stored or {}).get("run")
    if not isinstance(old, dict):
        return None
    return {k: old[k] for k in ("stopped", "calls_made", "seconds") if k in old}


def summarize_dirs(dirs: Sequence[str | os.PathLike[str]], *, write: bool = True,
                   run_info: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rebuild (and by default write) ``summary.json`` of many run directories in one process.

    No judge is called.  ``run_info`` (a finished compare's timing) applies to every directory;
    without it each keeps its last run's timing.
    """
    runs = [load_run(d, need_summary=False, facts=True) for d in dirs]
    infos = [run_info if run_info is not None else _kept_run_info(r) for r in runs]
    summaries = build_summaries(runs, infos)
    if write:
        for run, summary in zip(runs, summaries, strict=True):
            if run.cache is not None:
                files.write_json(run.path / FACTS, run.cache)
            if summary != run.stored:  # an unchanged summary is not rewritten (nor fsynced)
                files.write_json(run.path / SUMMARY, summary)
    return summaries


def write_summary(run_dir: str | os.PathLike[str], run_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rebuild and atomically write one ``summary.json``; keeps the last run's timing if not given."""
    return summarize_dirs([run_dir], run_info=run_info)[0]


def imported_run(path: str | os.PathLike[str], items: list[Record], records: list[Record],
                 manifest: dict[str, Any]) -> Run:
    """A run held in memory by an importer before it writes anything.

    ``manifest`` stands in for run.json (systems, judge, seed, resamples, provenance, and under
    ``keep`` extra summary fields); the plan is read off the records as it is for a stored import.
    """
    by_key: dict[str, list[Record]] = {}
    for rec in records:
        by_key.setdefault(rec["key"], []).append(rec)
    return Run(Path(path), {**manifest, "keys": _keys_from_store(by_key)}, items, by_key)


def write_run(run: Run, summary: dict[str, Any]) -> None:
    """Write an imported run's three files, the summary last (each atomically)."""
    run.path.mkdir(parents=True, exist_ok=True)
    records = [r for recs in run.by_key.values() for r in recs]
    files.write_jsonl(run.path / ITEMS, run.items)
    files.write_jsonl(run.path / JUDGMENTS, records)
    cache = _facts_cache(_Source(run.path / ITEMS), _Source(run.path / JUDGMENTS), run.items, records, 0)
    files.write_json(run.path / FACTS, cache)
    files.write_json(run.path / SUMMARY, summary)
