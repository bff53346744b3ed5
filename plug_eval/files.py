"""Files, written so a crash never leaves half of one, and read with errors that say where.

The standard library only (plus :mod:`plug_eval.errors`), so every layer may use it.

* :func:`write_atomic` writes a temporary file in the target's folder, fsyncs it, renames it
  over the target and fsyncs the folder: a reader sees the old file or the new one, and after
  a power cut the new one is on disk if the call returned.
* :func:`replace_path` swaps a finished temporary file or folder over its target and
  :func:`staging_dir` yields such a folder (a checkpoint, a demo stage, a merged model): a
  failed step never leaves half a folder under the final name.
* :func:`parse_json` / :func:`read_json` and :func:`jsonl_rows` / :func:`read_jsonl` raise a
  :class:`~plug_eval.errors.PlugEvalError` located as ``path:line``.
* :func:`scan_jsonl` reads an append-only log (the judgment store): a line torn by a crash is
  skipped and counted, never fatal.
"""

from __future__ import annotations

import json
import json.scanner
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError

PathLike = str | os.PathLike[str]


# --------------------------------------------------------------------------- writing


def write_atomic(path: PathLike, data: str | bytes, *, if_changed: bool = False) -> Path:
    """Replace ``path`` with ``data`` (text is UTF-8) all at once; returns the path.  With
    ``if_changed`` a file that already holds exactly ``data`` is left alone: resuming a run on a
    full disk needs no room for a copy of what is there."""
    path = Path(path)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    if if_changed and _holds(path, blob):
        return path
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask decides, as for any file
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def _holds(path: Path, blob: bytes) -> bool:
    try:
        return path.stat().st_size == len(blob) and path.read_bytes() == blob
    except OSError:
        return False


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a platform without directory descriptors: the rename is all we can do
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_path(tmp: PathLike, final: PathLike) -> Path:
    """Put the finished file or folder ``tmp`` at ``final``, replacing what was there; returns ``final``.

    A file replaces a file in one rename.  A folder cannot be renamed over a non-empty one, so
    an old folder is removed first: a crash between the two steps leaves no ``final``, never a
    half-written one.  The parent folder is fsynced so the rename survives a power cut."""
    tmp, final = Path(tmp), Path(final)
    if final.is_dir() and not final.is_symlink():
        shutil.rmtree(final)
    os.replace(tmp, final)
    _fsync_dir(final.parent)
    return final


@contextmanager
def staging_dir(final: PathLike) -> Iterator[Path]:
    """Yield an empty sibling of ``final`` to fill; it becomes ``final`` only if the block succeeds
    (on an exception it is removed and ``final`` is untouched)."""
    final = Path(final)
    tmp = final.with_name(final.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    replace_path(tmp, final)


def dump_jsonl(rows: Iterable[Any]) -> str:
    """JSON lines as this project writes them: UTF-8 text, one object a line."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def write_json(path: PathLike, obj: Any, *, if_changed: bool = False) -> Path:
    return write_atomic(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n", if_changed=if_changed)


def write_jsonl(path: PathLike, rows: Iterable[Any], *, if_changed: bool = False) -> Path:
    return write_atomic(path, dump_jsonl(rows), if_changed=if_changed)


# --------------------------------------------------------------------------- reading


def _read_text(path: PathLike, error: type[PlugEvalError]) -> str:
    """The file's text; a missing file raises FileNotFoundError for the caller to word."""
    return decode_text(read_bytes(path, error), path, error)


def read_bytes(path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> bytes:
    """The file's bytes; a missing file raises FileNotFoundError for the caller to word."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise error("is a directory, not a file", path) from None
    except OSError as err:
        raise error(f"cannot read: {err.strerror or err}", path) from None


def decode_text(data: bytes, path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else is an error naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise error(f"not UTF-8 text (invalid byte at offset {err.start})", path) from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # a \uD800-\uDFFF escape: maybe half a pair


def _no_lone_surrogates(value: Any, text: str, where: str, error: type[PlugEvalError]) -> None:
    """JSON may escape half of a surrogate pair (``"\\ud800"``); that is no Unicode text and would
    fail later, when written as UTF-8.  Checked only when the text holds such an escape."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise error("holds a lone surrogate escape (such as \\ud800): not valid Unicode text", where) from None


def parse_json(text: str, path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> Any:
    """One JSON document; a syntax error is reported as ``path:line``."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise error(f"not valid JSON ({err.msg}, column {err.colno})", f"{os.fspath(path)}:{err.lineno}") from None
    except RecursionError:
        raise error("JSON nested too deeply to read", path) from None
    _no_lone_surrogates(value, text, os.fspath(path), error)
    return value


def read_json(path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> Any:
    return parse_json(_read_text(path, error), path, error)


_BAD = object()  #: a line that is not valid JSON
# The C scanner json.loads itself ends in (typeshed types its argument as the scanner; CPython takes a decoder).
_SCAN = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape


def _decode_lines(text: str | bytes, *, log: bool = False) -> list[tuple[int, Any]]:
    """``(line number, value or _BAD)`` of every non-blank line: the one place JSON lines are decoded.

    Each line must hold exactly one value.  The scanner reads each value straight out of the
    whole text (no slice and no wrapper per line); a value that ends before its line does, or
    runs past it (``[1`` + ``2]``), is decoded alone, as ``json.loads`` would, to be sure.  A
    line with bytes that are not UTF-8 is bad; the other lines still count.

    ``log``: an append-only log this project writes, one ``json.dumps`` object a line.  Its many
    short lines decode about twice as fast as one array (the decoder then shares the repeated
    keys).  That is safe only for such files: the one way they go wrong is a line cut short by
    a crash, and no prefix of a ``json.dumps`` object followed by whole ones is valid JSON, so
    any damage fails the array and every line is then decoded on its own.
    """
    escaped = False
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # keep the bad bytes as lone surrogates and refuse their lines below
            text, escaped = raw.decode("utf-8", "surrogateescape"), True
    if log and not escaped:
        numbered = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        try:
            values = json.loads("[" + ",".join(line for _, line in numbered) + "]")
            if len(values) == len(numbered) and all(isinstance(v, dict) for v in values):
                return [(n, v) for (n, _), v in zip(numbered, values, strict=True)]
        except ValueError:
            pass
    out: list[tuple[int, Any]] = []
    pos, size, n = 0, len(text), 0
    while pos < size:
        stop = text.find("\n", pos)
        stop = size if stop < 0 else stop
        n += 1
        try:
            value, end = _SCAN(text, pos)
            if end > stop or (end < stop and not text[end:stop].isspace()):
                raise ValueError
        except (StopIteration, ValueError):  # leading blanks, a bad line, or one value per line not true
            line = text[pos:stop]
            if not line.strip():
                pos = stop + 1
                continue
            try:
                value = json.loads(line)
            except ValueError:
                value = _BAD
        if escaped and _ESCAPED.search(text, pos, stop):
            value = _BAD  # the line is not UTF-8
        out.append((n, value))
        pos = stop + 1
    return out


def jsonl_rows(text: str, path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> list[tuple[int, Any]]:
    """``(line number, value)`` of every non-blank line; the first bad line is an error at ``path:line``."""
    try:
        rows = _decode_lines(text)
    except RecursionError:
        raise error("JSON nested too deeply to read", path) from None
    if _SURROGATE_ESCAPE.search(text):
        for n, value in rows:
            _no_lone_surrogates(value, json.dumps(value) if value is not _BAD else "", f"{os.fspath(path)}:{n}",
                                error)
    bad = next((n for n, value in rows if value is _BAD), None)
    if bad is not None:
        try:
            json.loads(text.split("\n")[bad - 1])
        except json.JSONDecodeError as err:
            raise error(f"not valid JSON ({err.msg}, column {err.colno})", f"{os.fspath(path)}:{bad}") from None
    return rows


def read_jsonl(path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file; anything else is an error at ``path:line``."""
    return parse_jsonl(_read_text(path, error), path, error)


def parse_jsonl(text: str, path: PathLike, error: type[PlugEvalError] = PlugEvalError) -> list[dict[str, Any]]:
    """:func:`read_jsonl` of text already read (``path`` names it in errors)."""
    rows = []
    for n, value in jsonl_rows(text, path, error):
        if not isinstance(value, dict):
            raise error(f"a {type(value).__name__}, not a JSON object", f"{os.fspath(path)}:{n}")
        rows.append(value)
    return rows


@dataclass
class Scan:
    """What :func:`scan_jsonl` found: the objects, the unreadable lines, and a torn tail."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    bad_lines: int = 0
    end: int = 0  #: bytes up to the last newline: where complete lines stop
    torn_tail: bool = False


def scan_lines(data: bytes, required: str | None = None) -> Scan:
    """Complete lines of an append-only log; a line that is not a JSON object (holding
    ``required``) is counted in ``bad_lines``; bytes after the last newline are a torn tail."""
    end = data.rfind(b"\n") + 1
    scan = Scan(end=end, torn_tail=end < len(data))
    for _, value in _decode_lines(data[:end], log=True):
        if isinstance(value, dict) and (required is None or required in value):
            scan.rows.append(value)
        else:
            scan.bad_lines += 1
    return scan


def scan_jsonl(path: PathLike, required: str | None = None) -> Scan:
    """:func:`scan_lines` of a whole file; a missing file is an empty log."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Scan()
    return scan_lines(data, required)
