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
* A full disk loses no reply: each run reserves a journal of its own when it opens the store
  (``judgments.journal.<pid>``, allocated up front, so writing into it needs no new space), and
  a reply the store cannot take goes there (:class:`DiskFull` then stops the run).  Any reader
  counts journaled replies as stored; the next run that opens the store appends them to it first
  and removes the journal.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.llm.rundir import JUDGMENTS, LOCK


def canonical(value: Any) -> Any:
    """A decoding value in one spelling: a whole float is its int (``-J temperature=0.0`` asks what
    a preset's ``temperature: 0`` asks), in lists and mappings too; booleans stay booleans."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    return value


def _key(identity: dict[str, Any], decoding: Any, template_sha256: str, system: str | None, user: str,
         part: str) -> str:
    payload = {"judge": identity, "decoding": decoding, "template": template_sha256, "system": system,
               "user": user, "order": part}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def call_key(identity: dict[str, Any], decoding: Mapping[str, Any], template_sha256: str,
             system: str | None, user: str, part: str) -> str:
    """sha256 over exactly the inputs that change a reply, every number in one spelling
    (:func:`canonical`), so every spelling of one request is one key.  The payload's field names
    are those of the first release (a judging order was the only part then)."""
    return _key(identity, canonical(dict(decoding)), template_sha256, system, user, part)


def _spellings(decoding: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every way an earlier release may have spelled these numbers (a whole number as int or float)."""
    out: list[dict[str, Any]] = [{}]
    for k, v in canonical(dict(decoding)).items():
        options = [v, float(v)] if isinstance(v, int) and not isinstance(v, bool) else [v]
        out = [{**d, k: o} for d in out for o in options]
    return out[:64]


def legacy_keys(identities: list[dict[str, Any]], now: dict[str, Any], decoding: Mapping[str, Any],
                template_sha256: str, system: str | None, user: str, part: str) -> list[str]:
    """The keys earlier releases gave this request: other spellings of its numbers, and the
    identities of :meth:`~plug_eval.llm.base.Backend.legacy_identities`."""
    keys = [_key(i, d, template_sha256, system, user, part) for i in [now, *identities] for d in _spellings(decoding)]
    current = call_key(now, decoding, template_sha256, system, user, part)
    return [k for k in dict.fromkeys(keys) if k != current]


JOURNAL_PREFIX = JUDGMENTS.rsplit(".", 1)[0] + ".journal."  #: + the pid of the run that owns it
MIN_JOURNAL_BYTES = 256 * 1024


class DiskFull(OSError):
    """The store could not take a reply (no space, or another write error); ``kept`` says whether
    it went into the run's journal, where the next run finds it."""

    def __init__(self, err: OSError, path: Path, kept: bool) -> None:
        super().__init__(err.errno, err.strerror)
        self.path, self.kept = path, kept


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
        self._journal: _Journal | None = None
        self._journaled: set[str] = set()  #: records indexed from journals, as their lines

    # ------------------------------------------------------------------ reading

    def refresh(self) -> int:
        """Index the complete lines appended since the last read (and, the first time, the replies
        other runs left in journals); returns how many were new."""
        if self._offset == 0 and not self.by_key:
            for path in self._journals():
                for rec in _Journal.read(path):
                    self.by_key.setdefault(rec["key"], []).append(rec)
                    self._journaled.add(_dump(rec))
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
            if not isinstance(rec["key"], str):
                self.bad_lines += 1
            elif not (self._journaled and _dump(rec) in self._journaled):  # a journaled reply, now moved here
                self.by_key.setdefault(rec["key"], []).append(rec)
                new += 1
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
                elif rec.get("cost_bound_usd") is not None:  # a reply with no usage, or one kept raw
                    total += float(rec["cost_bound_usd"])
                elif rec.get("error") is None:
                    total += float(bound(key) or 0.0)
        return round(total, 8)

    # ------------------------------------------------------------------ writing

    def open(self, journal_bytes: int = MIN_JOURNAL_BYTES) -> None:
        """Open for appending: the replies journaled by runs that ended on a full disk are appended
        first, then this run's journal is reserved (``journal_bytes``)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._lock_fd = os.open(self.dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        self._read_fd = os.open(self.path, os.O_RDONLY)
        self._recover()
        self._journal = _Journal.reserve(self.dir / f"{JOURNAL_PREFIX}{os.getpid()}", max(journal_bytes, 4096))

    def close(self) -> None:
        for fd in (self._fd, self._lock_fd, self._read_fd):
            if fd is not None:
                os.close(fd)
        self._fd = self._lock_fd = self._read_fd = None
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def append(self, record: dict[str, Any]) -> None:
        """Append one record as one write, starting a fresh line after a torn tail.  If the store
        cannot take it, it goes into this run's journal and :class:`DiskFull` is raised."""
        assert self._fd is not None and self._read_fd is not None, "open() the store first"
        data = (_dump(record) + "\n").encode("utf-8")
        try:
            size = self._write(data)
        except OSError as err:
            kept = self._journal is not None and self._journal.keep(data.lstrip(b"\n"))
            if kept:
                self.by_key.setdefault(record["key"], []).append(record)
            raise DiskFull(err, self.path, kept) from None
        if size == self._offset:  # nothing foreign in between: index it now
            self._offset += len(data)
            if not data.startswith(b"\n"):
                self.by_key.setdefault(record["key"], []).append(record)

    def _write(self, data: bytes) -> int:
        """One locked append of ``data`` (a fresh line first after a torn tail); the size before it."""
        assert self._fd is not None and self._read_fd is not None
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            size = os.fstat(self._fd).st_size
            if size and os.pread(self._read_fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            if os.write(self._fd, data) < len(data):  # a short write: the disk filled under it
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        return size

    # ------------------------------------------------------------------ journals of a full disk

    def _journals(self) -> list[Path]:
        return sorted(self.dir.glob(JOURNAL_PREFIX + "*"))

    def _recover(self) -> None:
        """Append what the journals of ended runs hold (once: a record already stored is not
        written again), then remove them.  A journal whose run is alive is left alone."""
        ended = [path for path in self._journals() if not _Journal.alive(path)]
        if not ended:
            return
        stored = {_dump(r) for r in files.scan_jsonl(self.path, required="key").rows}
        for path in ended:
            for rec in _Journal.read(path):
                line = _dump(rec)
                if line in stored:
                    continue
                try:
                    self._write((line + "\n").encode("utf-8"))
                except OSError as err:
                    raise DiskFull(err, self.path, True) from None  # still in its journal: nothing lost
                stored.add(line)
            path.unlink(missing_ok=True)

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


class _Journal:
    """One run's journal: a file allocated in full when the run opens the store, filled from the
    start with JSON lines (the rest stays zero bytes), locked while its run lives."""

    def __init__(self, path: Path, fd: int, size: int) -> None:
        self.path, self.fd, self.size, self.used = path, fd, size, 0

    @classmethod
    def reserve(cls, path: Path, size: int) -> _Journal | None:
        """The journal, allocated; None when even that space is missing (the run then has none)."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            try:
                os.posix_fallocate(fd, 0, size)
            except OSError as err:
                if err.errno not in (errno.EOPNOTSUPP, errno.EINVAL):
                    raise
                os.pwrite(fd, b"\0" * size, 0)  # a file system without fallocate: write the zeros
            os.fsync(fd)
        except OSError:
            os.close(fd)
            path.unlink(missing_ok=True)
            return None
        return cls(path, fd, size)

    def keep(self, line: bytes) -> bool:
        """Write one record line into the reserved space; False when it does not fit."""
        if self.used + len(line) > self.size:
            return False
        try:
            os.pwrite(self.fd, line, self.used)
            os.fsync(self.fd)
        except OSError:
            return False
        self.used += len(line)
        return True

    def close(self) -> None:
        """An empty journal goes away; one that holds replies stays for the next run."""
        if self.used == 0:
            self.path.unlink(missing_ok=True)
        os.close(self.fd)

    @staticmethod
    def alive(path: Path) -> bool:
        """Whether the run that owns the journal is still running (it holds the journal's lock)."""
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except OSError:
            return True
        finally:
            os.close(fd)

    @staticmethod
    def read(path: Path) -> list[dict[str, Any]]:
        """The records a journal holds (up to its first zero byte)."""
        try:
            data = path.read_bytes().split(b"\0", 1)[0]
        except OSError:
            return []
        return [r for r in files.scan_lines(data, required="key").rows if isinstance(r.get("key"), str)]
