"""The demo's manifest: what produced what, and whether a stage can be skipped.

``OUT/manifest.json`` holds one record per stage: the command it ran, a fingerprint of every
input (files by SHA-256, large files by size and modification time), the parameters, the
outputs with their fingerprints, how long it took and what it did (training steps,
generations, judge calls).  A stage is skipped when its key (a hash of its inputs and
parameters) matches the stored one and its outputs are still there unchanged, so changing the
judge re-runs only judging and the report, and a finished demo re-runs nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval.files import write_json

SCHEMA_VERSION = 1
FULL_HASH_LIMIT = 64 * 2**20  #: files larger than this are fingerprinted by size and mtime


def fingerprint(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file, or of a directory's files (names and contents), or a label for
    something that is not on disk (a hub model id)."""
    p = Path(path)
    if p.is_file():
        return _file_digest(p)
    if p.is_dir():
        h = hashlib.sha256()
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            h.update(f.relative_to(p).as_posix().encode() + b"\0" + _file_digest(f).encode() + b"\n")
        return h.hexdigest()
    return f"absent:{path}"


def _file_digest(p: Path) -> str:
    st = p.stat()
    if st.st_size > FULL_HASH_LIMIT:
        return f"size:{st.st_size}:mtime:{st.st_mtime_ns}"
    return hashlib.sha256(p.read_bytes()).hexdigest()


def stage_key(name: str, inputs: dict[str, str], params: dict[str, Any]) -> str:
    blob = json.dumps({"stage": name, "inputs": inputs, "params": params}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass
class Manifest:
    """``OUT/manifest.json``, written atomically after every stage."""

    path: Path
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / "manifest.json"
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return cls(path)  # unreadable: every stage is redone, nothing is trusted
        return cls(path, data.get("stages", {}), data.get("info", {}))

    @property
    def root(self) -> Path:
        return self.path.parent

    def _rel(self, p: Path) -> str:
        """Outputs are stored relative to OUT, so a moved demo folder still counts as done."""
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(p)

    def is_done(self, name: str, key: str) -> bool:
        rec = self.stages.get(name)
        if not rec or rec.get("key") != key or rec.get("status") != "done":
            return False
        return all(fingerprint(self.root / p) == fp for p, fp in rec.get("outputs", {}).items())

    def record(self, name: str, key: str, *, command: list[str] | None, inputs: dict[str, str],
               params: dict[str, Any], outputs: list[Path], seconds: float, work: dict[str, int]) -> None:
        self.stages[name] = {
            "key": key, "status": "done", "command": command, "inputs": inputs, "params": params,
            "outputs": {self._rel(p): fingerprint(p) for p in outputs}, "seconds": round(seconds, 2),
            "work": work, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        self.save()

    def save(self) -> None:
        body = {"schema_version": SCHEMA_VERSION, "info": self.info, "stages": self.stages}
        write_json(self.path, body)
