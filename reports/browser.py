"""The answer browser's data: one compact JSON document per comparison, texts stored once.

Why this shape (issue 28): the report used to write every item as HTML, once per comparison,
so the baseline's answers were repeated in every comparison against it and 200 comparisons made
315 MB.  Now a comparison's items are arrays of small numbers and indexes into its own string
table (verdicts, replies, statuses), and the long texts live in *pools*: the instructions of a
language, and each system's answers (with PLUG pivot drafts) in a language.  A pool is made by
the first comparison that needs it and shared by every later one whose texts are the same; an
item whose text differs from its pool's carries its own copy.

Small reports carry the documents inline (``<script type="application/json">``: never run,
read by ``report.js``); above ``inline_limit`` bytes they go to ``report_files/<name>.js``, each
a single call ``plugReport.receive(name, {...})`` that the page loads when its comparison is
opened (the CSP allows scripts from the report's own folder and our one hashed script, nothing
else).  Every document is JSON with ``<``, ``>`` and ``&`` escaped, so no text can end a script
element; the page puts texts in the DOM only as text (``textContent``), never as markup.

Files are written to a temporary folder next to the report and moved in place by
:meth:`BrowserData.finish`, so a failed build leaves the previous report as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from plug_eval import files
from plug_eval.judges.runs import Run

if TYPE_CHECKING:
    from plug_eval.reports.model import Cell

FILES_SUFFIX = "_files"
#: The answer documents are inlined while their total stays under this many bytes.
INLINE_LIMIT = 300_000
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


def encode(obj: Any) -> str:
    """JSON that is also safe inside a script element and as a JavaScript file."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_TABLE)


def _digest(texts: list[str | None]) -> bytes:
    """A 128-bit fingerprint of an item's texts (None and "" differ): pools keep these, not the texts."""
    data = "\x1e".join("\x00" if t is None else "\x01" + t for t in texts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def category_text(value: Any) -> str:
    """A category as the statistics name it (None is '', anything else its ``str``: a dict or a
    list from an odd input file is shown as text, never a crash)."""
    return "" if value is None else str(value)


class _Strings:
    """A document's string table: each distinct string once, referenced by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: Any) -> int | None:
        if value is None:
            return None
        text = str(value)
        if text not in self.index:
            self.index[text] = len(self.index)
        return self.index[text]

    def table(self) -> list[str]:
        return list(self.index)


class BrowserData:
    """Every comparison's answer data, inline or in ``report_files/``; see the module."""

    def __init__(self, out: Path, inline_limit: int | None = None) -> None:
        self.out = out
        self.limit = INLINE_LIMIT if inline_limit is None else inline_limit
        self.files_dir = out.stem + FILES_SUFFIX
        self.blobs: list[tuple[str, str]] = []  #: (name, JSON) of the documents kept inline
        self.size = 0
        self.tmp: Path | None = None
        self.written: list[str] = []  #: names of the documents written to files
        self.pools: dict[tuple[str, str], tuple[str, dict[str, bytes]]] = {}  #: (lang, system) -> name, digests
        self.entries: list[dict[str, Any]] = []  #: what the page lists per comparison
        self._made_parent = False

    @property
    def inline(self) -> bool:
        return self.tmp is None

    # ------------------------------------------------------------------ building

    def add(self, cell: Cell, run: Run) -> None:
        """One comparison's document (and any pool it is first to need)."""
        strings = _Strings()
        pools = {"i": self._pool(cell.lang, "\x00instructions", run, lambda it: [it.get("instruction")]),
                 "a": self._pool(cell.lang, cell.system, run, lambda it: _texts(it, "a")),
                 "b": self._pool(cell.lang, cell.baseline, run, lambda it: _texts(it, "b"))}
        shared = {k: v for k, v in pools.items() if v[3] is not run}  # a pool made from another run: compare
        items = []
        categories = set()
        for item, outcome in zip(run.items, cell.outcomes, strict=True):
            item_id = str(item.get(run.id_field))
            category = category_text(item.get("category"))
            categories.add(category)
            own = {}  # the texts that differ from their pool's: this item carries them itself
            for k, (_, digests, get, _) in shared.items():
                texts = get(item)
                if digests.get(item_id) != _digest(texts):
                    own[k] = texts
            orders = run.judgments.get(item_id, {})
            judgments = [[strings(o), strings(r.get("verdict")), strings(r.get("raw")), strings(r.get("reason")),
                          strings(r.get("error")), _number(r.get("preference"))]
                         for o, r in sorted(orders.items())]
            items.append([item_id, strings(_outcome_name(outcome)), strings(category), strings(item.get("status_a")),
                          strings(item.get("status_b")), _number(item.get("lang_fidelity_a")),
                          _number(item.get("lang_fidelity_b")), judgments, own or None])
        doc = {"key": cell.key, "pools": {k: v[0] for k, v in pools.items()}, "strings": strings.table(),
               "items": items}
        self._emit(cell.key, doc)
        self.entries.append({"key": cell.key, "system": cell.system, "baseline": cell.baseline, "lang": cell.lang,
                             "judge": cell.judge, "n": len(items), "categories": sorted(c for c in categories if c),
                             "needs": [*dict.fromkeys(v[0] for v in pools.values()), cell.key]})

    def _pool(self, lang: str, system: str, run: Run, get: Any) -> tuple[str, dict[str, bytes], Any, Run | None]:
        """The (lang, system) pool's name and digests, and ``run`` when this run made it (it is the first)."""
        maker: Run | None = None
        if (lang, system) not in self.pools:
            name = f"pool-{len(self.pools)}"
            ids = [str(item.get(run.id_field)) for item in run.items]
            texts = [get(item) for item in run.items]
            self._emit(name, {"pool": name, "ids": ids, "texts": texts})
            self.pools[(lang, system)] = (name, {i: _digest(t) for i, t in zip(ids, texts, strict=True)})
            maker = run
        name, digests = self.pools[(lang, system)]
        return name, digests, get, maker

    # ------------------------------------------------------------------ output

    def _emit(self, name: str, doc: dict[str, Any]) -> None:
        text = encode(doc)
        if self.inline and self.size + len(text) <= self.limit:
            self.blobs.append((name, text))
            self.size += len(text)
            return
        if self.inline:  # over the limit: everything goes to files from now on
            self._open_files()
            for old_name, old_text in self.blobs:
                self._write(old_name, old_text)
            self.blobs = []
        self._write(name, text)

    def _open_files(self) -> None:
        if not self.out.parent.exists():
            self.out.parent.mkdir(parents=True)
            self._made_parent = True
        self.tmp = self.out.parent / f".{self.files_dir}.{os.getpid()}.tmp"
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir()

    def _write(self, name: str, text: str) -> None:
        assert self.tmp is not None
        body = f"plugReport.receive({json.dumps(name)},{text});\n"
        (self.tmp / f"{name}.js").write_bytes(body.encode("utf-8", "backslashreplace"))
        self.written.append(name)

    def inline_blobs(self) -> list[tuple[str, Markup]]:
        """The inline documents, as markup: :func:`encode` made them safe in a script element."""
        return [(name, Markup(text.encode("utf-8", "backslashreplace").decode("utf-8"))) for name, text in self.blobs]

    def finish(self) -> list[Path]:
        """Move the written files in place of the previous ``report_files/``; the paths written."""
        final = self.out.parent / self.files_dir
        if self.tmp is None:
            if final.is_dir():  # an older report's files: the new page does not use them
                shutil.rmtree(final)
            return []
        files.replace_path(self.tmp, final)
        return [final / f"{name}.js" for name in self.written]

    def abort(self) -> None:
        """A failed build: remove what was written, leave the previous report alone."""
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
        if self._made_parent:
            try:
                self.out.parent.rmdir()
            except OSError:
                pass


def _texts(item: dict[str, Any], side: str) -> list[str | None]:
    return [item.get(f"answer_{side}") or "", item.get(f"pivot_draft_{side}")]


def _number(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if x == x and abs(x) != float("inf") else None


def _outcome_name(outcome: Any) -> str:
    """A soft score shows the side it leans to."""
    if isinstance(outcome, str):
        return outcome
    if outcome is None or outcome != outcome:
        return "unscored"
    return "win" if outcome > 0.5 else "loss" if outcome < 0.5 else "tie"
