"""The run directory's append-only store of calls: no paid reply is ever lost or paid twice.

Every LLM job keeps its replies here (judgments, grades, translations).

* ``judgments.jsonl`` gets one JSON line per completed call, written with a single ``write`` on
  an ``O_APPEND`` descriptor under an exclusive ``flock`` as soon as the call returns.  Lines are
  never rewritten: ``--force`` appends a newer record and the latest record of a key wins.
* A record's key hashes exactly what determines the reply: backend, server host, model,
  decoding arguments, template, rendered prompt and the call's part (a judging order, an aspect,
  a target language), not concurrency, timeouts or retries.
* A crash or ``kill -9`` can leave a torn last line; readers skip it and the next append starts
  on a fresh line.  Only calls in flight at the kill can be paid twice.
* Two runs sharing a store claim a key before calling with a POSIX record lock on one byte of
  ``judgments.lock`` (offset from the key).  The kernel drops the locks of a killed process, so a
  claim never outlives its run, and a run that finds a key claimed waits for the other's record.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.llm.rundir import JUDGMENTS, LOCK


def call_key(identity: dict[str, Any], decoding: Mapping[str, Any], template_sha256: str,
             system: str | None, user: str, part: str) -> str:
    """sha256 over exactly the inputs that change a reply.  The payload's field names are those
    of the first release (a judging order was the only part then): keys never change."""
    payload = {"judge": identity, "decoding": decoding, "template": template_sha256, "system": system,
               "user": user, "order": part}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def counting(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The record of one key that counts: the latest successful one, else the latest error.
    A later error never hides an earlier success; a later success (``--force``) replaces it."""
    if len(records) == 1:  # the common case
        return records[0]
    for rec in reversed(records):
        if rec.get("error") is None:
            return rec
    return records[-1] if records else None


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


class Store:
    """``judgments.jsonl`` of one run directory: an index by key, appends, cross-run claims."""

    def __init__(self, run_dir: str | os.PathLike[str]) -> None:
        self.dir = Path(run_dir)
        self.path = self.dir / JUDGMENTS
        self.by_key: dict[str, list[dict[str, Any]]] = {}
        self.bad_lines = 0
        self.torn_tail = False
        self._offset = 0
        self._fd: int | None = None
        self._lock_fd: int | None = None
        self._read_fd: int | None = None

    # ------------------------------------------------------------------ reading

    def refresh(self) -> int:
        """Index the complete lines appended since the last read; returns how many were new."""
        try:
            if os.stat(self.path).st_size == self._offset:
                return 0  # nothing new: the common case, one stat per claimed key
            with open(self.path, "rb") as fh:
                fh.seek(self._offset)
                data = fh.read()
        except FileNotFoundError:
            return 0
        scan = files.scan_lines(data, required="key")
        self.torn_tail = scan.torn_tail
        self.bad_lines += scan.bad_lines  # lines torn by a crash, later followed by a fresh one
        new = 0
        for rec in scan.rows:
            if isinstance(rec["key"], str):
                self.by_key.setdefault(rec["key"], []).append(rec)
                new += 1
            else:
                self.bad_lines += 1
        end = scan.end
        self._offset += end
        return new

    def latest(self, key: str) -> dict[str, Any] | None:
        recs = self.by_key.get(key)
        return recs[-1] if recs else None

    def settled(self, key: str, retry_errors: bool = False) -> bool:
        """A stored key needs no call: it has a reply (or an error, unless retrying errors)."""
        recs = self.by_key.get(key)
        if not recs:
            return False
        return not retry_errors or any(r.get("error") is None for r in recs)

    def spent(self, bound: Callable[[str], float | None] = lambda key: None) -> float:
        """USD spent on every stored call of this run directory (forced repeats, other judges and
        errors with a cost included): what ``--max-cost`` counts against.

        The one definition of spent money.  A reply of unknown cost (no price, or a server that
        reported no usage) counts at its call's maximum, never 0: the bound stored with it
        (``cost_bound_usd``), else ``bound(key)`` (the planned call's maximum at today's price)."""
        total = 0.0
        for key, recs in self.by_key.items():
            for rec in recs:
                if rec.get("cost_usd") is not None:
                    total += float(rec["cost_usd"])
                elif rec.get("error") is None:
                    total += float(rec.get("cost_bound_usd") or bound(key) or 0.0)
        return round(total, 8)

    # ------------------------------------------------------------------ writing

    def open(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._lock_fd = os.open(self.dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        self._read_fd = os.open(self.path, os.O_RDONLY)

    def close(self) -> None:
        for fd in (self._fd, self._lock_fd, self._read_fd):
            if fd is not None:
                os.close(fd)
        self._fd = self._lock_fd = self._read_fd = None

    def append(self, record: dict[str, Any]) -> None:
        """Append one record as one write, starting a fresh line after a torn tail."""
        assert self._fd is not None and self._read_fd is not None, "open() the store first"
        data = (_dump(record) + "\n").encode("utf-8")
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            size = os.fstat(self._fd).st_size
            if size and os.pread(self._read_fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            os.write(self._fd, data)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        if size == self._offset and not data.startswith(b"\n"):  # nothing foreign in between: index it now
            self._offset += len(data)
            self.by_key.setdefault(record["key"], []).append(record)

    # ------------------------------------------------------------------ claims across runs

    @staticmethod
    def _offset_of(key: str) -> int:
        return int(key[:15], 16) + 1

    def try_claim(self, key: str) -> bool:
        """Claim ``key`` for this process; False if another live run holds it."""
        assert self._lock_fd is not None
        try:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, self._offset_of(key))
            return True
        except OSError:
            return False

    def release(self, key: str) -> None:
        if self._lock_fd is not None:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_UN, 1, self._offset_of(key))
