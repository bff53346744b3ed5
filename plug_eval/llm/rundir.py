"""What every LLM job's run directory is, whatever the job: its files and its identity.

* ``judgments.jsonl`` -- the append-only store of replies (:mod:`plug_eval.llm.store`), with
  ``judgments.lock`` for claims across runs;
* ``items.jsonl`` -- what the job's calls are about (paired answers, answers, source rows);
* ``run.json`` -- the job's ``kind``, its own fields, its ``identity`` and ``keys`` (item id ->
  part -> store key of every planned call);
* a summary the job rebuilds from the files alone (``summary.json``, ``translate.json``);
* with ``--batch``, ``batches.jsonl`` -- every batch submitted to a provider, recorded before the
  run waits for it (:mod:`plug_eval.llm.batch`), with ``batches.lock``.

A directory holds one job's calls: :func:`check_existing` refuses another kind or another subject
(other systems) outright, and another identity (other inputs, model, base URL, language,
template) unless the user accepts it, so nothing is silently paid twice after a change.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.errors import PlugEvalError
from plug_eval.llm.base import canonical_url

ITEMS = "items.jsonl"
JUDGMENTS = "judgments.jsonl"
SUMMARY = "summary.json"
RUN = "run.json"
LOCK = "judgments.lock"
BATCHES = "batches.jsonl"
BATCHES_LOCK = "batches.lock"

#: How an identity field is named in the one-line error that shows what changed.
IDENTITY_NAMES = {"inputs": "answer files", "judge": "judge", "base_url": "base URL", "lang": "language",
                  "template": "template", "info_template": "informativeness template", "input": "input file",
                  "translator": "translator", "source": "source language", "targets": "target languages",
                  "prompt": "prompt", "decoding": "decoding"}


def kind_of(manifest: dict[str, Any]) -> str:
    """A run.json's job kind; one written before kinds names its mode (pairwise or grade)."""
    return str(manifest.get("kind") or manifest.get("mode") or "pairwise")


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The directory's run.json, None when there is none; anything else unreadable is an error."""
    path = out / RUN
    if not path.exists():
        return None
    try:
        old = files.read_json(path)
    except (OSError, PlugEvalError):
        raise PlugEvalError(f"unreadable {RUN}: not a run directory of ours?", path) from None
    if not isinstance(old, dict):
        raise PlugEvalError(f"{RUN} is not a JSON object: not a run directory of ours?", path)
    return old


def holds_records(out: Path) -> bool:
    """Whether the directory's store holds any complete record."""
    return bool(files.scan_jsonl(out / JUDGMENTS, required="key").rows)


def stored_identity(old: dict[str, Any]) -> dict[str, Any]:
    """The identity a run.json records; one written before identities is read off its provenance."""
    if isinstance(old.get("identity"), dict):
        return old["identity"]
    prov: dict[str, Any] = old["provenance"] if isinstance(old.get("provenance"), dict) else {}
    judge: dict[str, Any] = prov["judge"] if isinstance(prov.get("judge"), dict) else {}
    out: dict[str, Any] = {"judge": old.get("judge")}
    if isinstance(prov.get("files"), list):
        out["inputs"] = [f.get("sha256") for f in prov["files"] if isinstance(f, dict)]
    if "template_sha256" in judge:
        out["template"] = judge["template_sha256"]
    return out


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(v)[:12] for v in value)
    return "none" if value is None else str(value)[:60]


def _same(key: str, old: Any, new: Any) -> bool:
    """Whether two identity values are the same; a base URL in any spelling of it (an identity
    written before URLs were kept in one spelling ends in a slash, say)."""
    if key == "base_url" and isinstance(old, str) and isinstance(new, str):
        return bool(canonical_url(old) == canonical_url(new))
    return bool(old == new)


def identity_change(before: dict[str, Any], now: dict[str, Any]) -> str | None:
    """What differs between two identities (fields both name), as words; None when nothing."""
    changed = [k for k in now if k in before and not _same(k, before[k], now[k])]
    if not changed:
        return None
    return "; ".join(f"{IDENTITY_NAMES.get(k, k)} {_show(before[k])} -> {_show(now[k])}" for k in changed)


def check_existing(out: Path, kind: str, conflict: Any, identity: dict[str, Any], *,
                   accept_new_identity: bool = False, adopt: tuple[str, ...] = ()) -> None:
    """Refuse to mix another job's calls into an existing run directory (before anything is
    written or paid).  ``conflict(old run.json)`` is the job's own one-line reason why the
    directory holds another subject, or None; ``adopt`` names files that mark a directory of
    this job written before run.json existed (its store is then taken as it is)."""
    if out.exists() and not out.is_dir():
        raise PlugEvalError("exists and is not a directory: choose another --out", out)
    old = read_manifest(out)
    if old is None:
        if holds_records(out) and not any((out / name).exists() for name in adopt):
            raise PlugEvalError(f"holds stored calls but no {RUN} (an import-alpacaeval directory?): "
                                "use a new --out", out)
        return
    if kind_of(old) != kind:
        raise PlugEvalError(f"holds a {kind_of(old)} run, not a {kind} one: use another --out", out)
    reason = conflict(old)
    if reason:
        raise PlugEvalError(reason, out)
    change = None if accept_new_identity else identity_change(stored_identity(old), identity)
    if change:
        raise PlugEvalError(f"holds the calls of another run ({change}): use a new --out, or pass "
                            "--accept-new-identity to reuse the stored calls whose keys still match", out)


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the directory's lock (byte 0 of judgments.lock; the store claims keys at the bytes
    after it), so a check and what it allows happen as one step across runs."""
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, 0)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def claim(out: Path, kind: str, conflict: Any, identity: dict[str, Any], manifest: dict[str, Any], *,
          accept_new_identity: bool = False, adopt: tuple[str, ...] = ()) -> None:
    """Claim the directory for this run before its first call: check it again and write run.json
    under the lock, so of two runs with different identities started at once on one fresh
    ``--out`` the second fails in one line at once, instead of both passing the check."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with locked(out):
            check_existing(out, kind, conflict, identity, accept_new_identity=accept_new_identity, adopt=adopt)
            files.write_json(out / RUN, manifest, if_changed=True)
    except OSError as err:
        raise PlugEvalError(f"cannot write the run directory ({err.strerror or err}): choose another --out, "
                            "or free some space", out) from None


def write_items(out: Path, items: list[dict[str, Any]]) -> None:
    """items.jsonl, rewritten only when it changed."""
    try:
        files.write_jsonl(out / ITEMS, items, if_changed=True)
    except OSError as err:
        raise PlugEvalError(f"cannot write {ITEMS} ({err.strerror or err}): free some space and rerun", out) from None


def mark_unfinished(out: Path, name: str) -> None:
    """Mark the stored summary as ``unfinished`` while a run goes on, so a run killed before it
    ends (kill -9 of a --force run) never leaves the last run's numbers reading as finished; the
    run's own summary replaces the mark when it ends."""
    path = out / name
    try:
        summary = files.read_json(path)
    except (OSError, PlugEvalError):
        return  # no summary yet: nothing can read as finished
    if not isinstance(summary, dict):
        return
    if isinstance(summary.get("run"), dict):
        summary["run"] = {**summary["run"], "stopped": "unfinished"}
    else:
        summary["stopped"] = "unfinished"
    try:
        files.write_json(path, summary, if_changed=True)
    except OSError:
        pass  # a full disk: the run stops at its first write anyway
