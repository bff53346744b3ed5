"""``batches.jsonl``: every batch a run directory sent to a provider, so that no request is sent twice.

A run directory's batches are a log of events, oldest first, rewritten whole and atomically
(:func:`plug_eval.files.write_jsonl`: a reader sees the old file or the new one, never half) each
time one is added:

* ``intent`` -- written *before* anything is sent: a fresh ``tag``, the provider, backend, model
  and base URL (credentials redacted), every store key of the batch and the USD it reserves
  against ``--max-cost``;
* ``submitted`` -- the provider accepted it: its ``batch_id`` (``adopted`` when a later run found
  it by the intent's tag instead; ``verified`` false for a candidate found by size and time);
* ``not_submitted`` -- the provider refused it, or a later run found no batch of the intent;
* ``state`` (a new provider state), ``cancel`` (cancelling was asked), ``failed`` (the batch
  failed as a whole), ``collected`` (every result is stored; ``ours`` false for a candidate whose
  results held none of the intent's keys).

``batches.lock`` is held (``flock``, dropped by the kernel when its process dies) by the one
process that writes the log: a run that submits and collects, or ``batches cancel``; a second
one is refused with one line.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.errors import PlugEvalError
from plug_eval.llm.rundir import BATCHES, BATCHES_LOCK

#: the command that cancels a run directory's batches, whatever job made them (the judging CLI hosts it)
CANCEL_COMMAND = "plug-judge batches cancel"


@dataclass
class Intent:
    """A batch about to be sent, or sent: what it holds."""

    tag: str
    provider: str
    backend: str
    model: str
    base_url: str | None
    keys: list[str]
    reserved_usd: float | None
    t: float  #: unix time it was written
    batches: list[str] = field(default_factory=list)
    refused: str | None = None  #: why it never became a batch


@dataclass
class Known:
    """A batch the provider accepted."""

    id: str
    tag: str
    adopted: bool
    verified: bool
    state: str
    t: float
    collected: bool = False
    ours: bool = True
    cancel_asked: bool = False
    failed: str | None = None

    @property
    def open(self) -> bool:
        """Still to collect: the provider may still process it, or its results are not stored yet."""
        return not self.collected and self.failed is None


class BatchLog:
    """The batches of one run directory, folded from ``batches.jsonl``."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self.path = self.out / BATCHES
        self.intents: dict[str, Intent] = {}
        self.batches: dict[str, Known] = {}
        self._lock_fd: int | None = None  #: set while :meth:`writing` holds the lock

    # ------------------------------------------------------------------ reading

    def load(self) -> BatchLog:
        self._fold(self._rows())
        return self

    def _rows(self) -> list[dict[str, Any]]:
        try:
            return files.read_jsonl(self.path)
        except FileNotFoundError:
            return []

    def _fold(self, rows: list[dict[str, Any]]) -> None:
        self.intents, self.batches = {}, {}
        for row in rows:
            event = row.get("event")
            if event == "intent":
                self.intents[row["tag"]] = Intent(row["tag"], row["provider"], row["backend"], row["model"],
                                                  row.get("base_url"), list(row["keys"]), row.get("reserved_usd"),
                                                  float(row["t"]))
            elif event == "submitted":
                self.batches[row["batch_id"]] = Known(row["batch_id"], row["tag"], bool(row.get("adopted")),
                                                      bool(row.get("verified", True)), str(row.get("state")),
                                                      float(row["t"]))
                self.intents[row["tag"]].batches.append(row["batch_id"])
            elif event == "not_submitted":
                self.intents[row["tag"]].refused = str(row.get("reason"))
            elif row.get("batch_id") in self.batches:
                self._fold_batch(self.batches[row["batch_id"]], event, row)

    @staticmethod
    def _fold_batch(known: Known, event: Any, row: dict[str, Any]) -> None:
        if event == "state":
            known.state = str(row.get("state"))
        elif event == "cancel":
            known.cancel_asked = True
            known.state = str(row.get("state") or known.state)
        elif event == "failed":
            known.failed = str(row.get("reason"))
        elif event == "collected":
            known.collected, known.ours = True, bool(row.get("ours", True))

    def open_batches(self) -> list[Known]:
        return [b for b in self.batches.values() if b.open]

    def dangling(self) -> list[Intent]:
        """Intents with no batch and no refusal: a run died between writing one and recording its batch."""
        return [i for i in self.intents.values() if not i.batches and i.refused is None]

    def open_intents(self) -> list[Intent]:
        """Intents whose requests may still be processed or await collection."""
        return [i for i in self.intents.values()
                if (not i.batches and i.refused is None) or any(self.batches[b].open for b in i.batches)]

    def covered(self) -> set[str]:
        """Store keys sent (or maybe sent) in a batch whose results are not stored yet."""
        return {k for i in self.open_intents() for k in i.keys}

    def reserved(self) -> float:
        """USD reserved against ``--max-cost`` by the batches still open."""
        return sum(i.reserved_usd or 0.0 for i in self.open_intents())

    # ------------------------------------------------------------------ writing

    def add(self, event: str, **fields: Any) -> None:
        """Append one event (the caller holds :meth:`writing`)."""
        assert self._lock_fd is not None, "add() needs the lock: use writing()"
        now = time.time()
        row = {"event": event, **fields, "t": fields.get("t", now),
               "time": datetime.fromtimestamp(now, timezone.utc).isoformat(timespec="milliseconds")}
        rows = self._rows()
        rows.append(row)
        try:
            files.write_jsonl(self.path, rows)
        except OSError as err:  # e.g. a full disk: the old file stands whole
            raise PlugEvalError(f"cannot write {BATCHES} ({err.strerror or err}): free some space and rerun the "
                                "same command (a batch whose id went unrecorded is looked up by its tag)",
                                self.out) from None
        self._fold(rows)

    @contextmanager
    def writing(self) -> Iterator[BatchLog]:
        """The lock of the one process that may write this directory's batches (re-read under it)."""
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.out / BATCHES_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise PlugEvalError("another run is submitting, collecting or cancelling this directory's "
                                    "batches: wait for it to end (or stop it) and rerun", self.out) from None
            self._lock_fd = fd
            yield self.load()
        finally:
            self._lock_fd = None
            os.close(fd)  # drops the lock


def listing(out: str | os.PathLike[str]) -> list[str]:
    """One line per batch of a run directory, as recorded (no call)."""
    log = BatchLog(out).load()
    lines = []
    for b in log.batches.values():
        intent = log.intents[b.tag]
        status = ("collected" if b.ours else "collected: not this directory's") if b.collected else \
            f"failed: {b.failed}" if b.failed else "open" + (", cancel asked" if b.cancel_asked else "")
        when = datetime.fromtimestamp(b.t, timezone.utc).isoformat(timespec="seconds")
        lines.append(f"{b.id}\t{intent.provider}\t{len(intent.keys)} requests\t{b.state}\t{status}\tsubmitted {when}")
    for i in log.dangling():
        lines.append(f"(intent {i.tag})\t{i.provider}\t{len(i.keys)} requests\tnot known to the provider yet: "
                     "the next run looks it up")
    return lines or [f"{Path(out)}: no batches"]
