"""A judging run directory as stored: the only code that knows which records count and what they mean.

A run directory (files and identity: :mod:`plug_eval.llm.rundir`) of ``compare``, ``grade`` or
``truthful`` holds ``items.jsonl``, the append-only store ``judgments.jsonl``, ``run.json`` (its
``kind`` and the key of every planned judgment), ``summary.json`` (derived:
:mod:`plug_eval.judges.summaries`) and ``facts.json`` (a cache of what pairwise summaries read, so
``summarize`` never decodes answers or replies; rebuilt whenever it does not match the files).
Importers (``import-alpacaeval``) write no ``run.json``; their plan is read off the store.  The
report only reads.  One :class:`Run` serves every kind.

The rules, in one place:

* **Which record counts.** Only the keys of this run's plan (other judges sharing the store never
  leak in); for each key :func:`plug_eval.llm.store.counting`: the latest successful record,
  else the latest error.
* **What a pairwise item's outcome is.** An item judged in one order whose record carries a soft
  ``preference`` (AlpacaEval's 1..2 scale) scores ``preference - 1``; ``"preference": null``
  means the judge gave no preference and the item is unscored, whatever its ``verdict`` says
  (AlpacaEval drops such rows too).  Otherwise the verdicts of both orders combine as the PLUG
  paper does (:func:`plug_eval.stats.outcome_from_orders`); a missing, failed or unparsed order
  leaves the item unscored.
* **What an X-TruthfulQA answer's label is.** Each aspect (``truthful``, ``informative``) has its
  label, or a reason it has none: ``empty_answer`` (skipped), ``not_judged``, ``error`` or
  ``unparsed`` (:meth:`Run.label`).
* **What money was spent.** Every record of a planned key counts, forced repeats included;
  ``cost_usd`` is null when a call that was made has no known cost (a partial sum would read as
  the total); AlpacaEval's identical-output rows, where it made no call, cost nothing.
"""

from __future__ import annotations

import gc
import os
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.llm.rundir import ITEMS, JUDGMENTS, RUN, SUMMARY, kind_of
from plug_eval.llm.store import counting

FACTS = "facts.json"  #: a cache of what summaries read (:func:`load_run` with ``facts``)

FACTS_VERSION = 4  # 2: records keep error_kind; 3: and cost_bound_usd (a reply with no usage); 4: and batch_id
ITEM_FACTS = ("id", "lang", "category", "units_a", "units_b")
RECORD_FACTS = ("key", "id", "order", "verdict", "preference", "rating", "error", "error_kind", "cost_usd",
                "cost_bound_usd", "flags", "raw", "batch_id")

VERDICTS = ("A", "B", "tie")
TRUTHFUL = "truthful"  #: the kind of ``plug-judge truthful`` runs
TRUTH_LABELS = ("truthful", "not_truthful", "not_enough_info")
INFO_LABELS = ("informative", "not_informative", "not_sure")
ASPECTS = {"truthful": TRUTH_LABELS, "informative": INFO_LABELS}

Record = dict[str, Any]


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


def _read_facts(root: Path) -> tuple[list[Record], list[Record], int, dict[str, Any] | None, dict[str, Any] | None]:
    """Items and records as summaries need them, from ``facts.json`` when it is current.

    Decoding the answers and judge replies costs most of a summary on large runs (an AlpacaEval
    import holds megabytes of both); the cache keeps what the statistics use.  Returns the
    cache to write when it was missing, stale or lacked a stat, else None; and, when the cache
    describes the files as they are, what it says the stored summary was computed from
    (``summarized``, see :mod:`plug_eval.judges.summaries`).
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
        assert isinstance(cache, dict)
        summarized = cache.get("summarized") if isinstance(cache.get("summarized"), dict) else None
        if items_src._data is None and store_src._data is None:
            return items, records, bad, None, summarized  # trusted by stat: nothing read
        # read by content (no stat yet, or the file was touched): store the new stat, if any
        assert item_part is not None and store_part is not None
        new = _facts_cache(items_src if items_src._data is not None else item_part["fingerprint"],
                           store_src if store_src._data is not None else store_part["fingerprint"],
                           items, records, bad)
        same = all(new[k]["fingerprint"] == part["fingerprint"]
                   for k, part in (("items", item_part), ("judgments", store_part)))
        if summarized is not None:
            new["summarized"] = summarized  # the same bytes: the stored summary still describes them
        return items, records, bad, None if same else new, summarized
    if items is None:
        full = files.parse_jsonl(files.decode_text(items_src.data, items_src.path), items_src.path)
        items = [{k: i.get(k) for k in ITEM_FACTS} for i in full]
    if records is None:
        records, bad = _scan_store(store_src.data)
        records = [record_facts(r) for r in records]
    return items, records, bad, _facts_cache(items_src, store_src, items, records, bad), None


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
    summarized: dict[str, Any] | None = field(default=None, repr=False)  #: what the stored summary was made from
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
    def kind(self) -> str:
        """``pairwise``, ``grade`` or ``truthful``."""
        return kind_of(self.manifest)

    @property
    def mode(self) -> str:
        return "pairwise" if self.kind == TRUTHFUL else self.kind

    @property
    def id_field(self) -> str:
        """The item field the plan's keys are filed under (an X-TruthfulQA uid is ``lang:id``)."""
        return "uid" if self.kind == TRUTHFUL else "id"

    @property
    def ids(self) -> list[str]:
        return [str(i[self.id_field]) for i in self.items]

    @property
    def single_order(self) -> bool:
        return all(len(orders) == 1 for orders in self.keys.values())

    def best(self, key: str) -> Record | None:
        return counting(self.by_key.get(key, []))

    def per_item(self) -> list[dict[str, Record | None]]:
        """Per item, in item order: planned part (order or aspect) -> counting record, None when
        not stored (memoised)."""
        if self._per_item is None:
            by_key, keys, out = self.by_key, self.keys, []
            for item_id in self.ids:
                recs: dict[str, Record | None] = {}
                for part, key in keys.get(item_id, {}).items():
                    stored = by_key.get(key)
                    recs[part] = None if not stored else stored[0] if len(stored) == 1 else counting(stored)
                out.append(recs)
            self._per_item = out
        return self._per_item

    def label(self, index: int, aspect: str) -> tuple[str | None, str | None]:
        """An X-TruthfulQA answer's (label, None), or (None, why it is unscored) for ``aspect``."""
        if self.items[index].get("empty"):
            return None, "empty_answer"
        rec = self.per_item()[index].get(aspect)
        if rec is None:
            return None, "not_judged"
        if rec.get("error") is not None:
            return None, "error"
        return (rec["label"], None) if rec.get("label") in ASPECTS[aspect] else (None, "unparsed")

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
    run_json = _read_json(root / RUN) if manifest is None else None
    if run_json is not None and not isinstance(run_json, dict):
        raise PlugEvalError("not a JSON object", root / RUN)
    stored = _read_json(root / SUMMARY)
    if stored is not None and not isinstance(stored, dict):
        raise PlugEvalError("not a JSON object", root / SUMMARY)
    if need_summary and stored is None:
        raise PlugEvalError(f"not a run directory: {SUMMARY} is missing", root)
    if manifest is None:
        if isinstance(run_json, dict):
            manifest = run_json
        elif stored is not None:
            manifest = _plan_from_summary(stored)
        else:
            raise PlugEvalError(f"not a run directory: no {RUN} and no {SUMMARY}", root)
    pairwise = kind_of(manifest) != TRUTHFUL
    cache = summarized = None
    if facts and pairwise:  # the cache holds what pairwise and grading summaries read
        items, records, bad, cache, summarized = _read_facts(root)
    else:
        items = files.read_jsonl(root / ITEMS)
        records, bad = _scan_store(_read_store(root))
    by_key: dict[str, list[Record]] = {}
    for rec in records:
        by_key.setdefault(rec["key"], []).append(rec)
    if "keys" not in manifest:
        manifest = {**manifest, "keys": _keys_from_store(by_key)}
    for key in ("system_a", "system_b") if pairwise else ("system",):
        if stored is not None and need_summary and key not in stored:
            raise PlugEvalError(f"{SUMMARY} has no {key}", root / SUMMARY)
    return Run(root, manifest, items, by_key, stored, bad, cache, summarized)


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
