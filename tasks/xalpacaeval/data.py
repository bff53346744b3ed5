"""Where X-AlpacaEval comes from, and checking it before a model sees it.

Three sources, in this order of precedence: the task metadata key ``xalpacaeval_data_dir``,
the environment variable ``XALPACAEVAL_DATA_DIR``, else the Hugging Face dataset at a pinned
revision.  The word ``sample`` (in either place) selects the small sample shipped with
plug-eval, which is marked as such in every document so it is never mistaken for the benchmark.
A local folder holds ``english.json``, ``chinese.json``, ... as a JSON list or JSON Lines
(``.jsonl`` is accepted too).  Offline with nothing given is an error, never a silent fallback.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from plug_eval.errors import DataError
from plug_eval.languages import LANGUAGES

HUB_REPO = "zhihz0535/X-AlpacaEval"
HUB_REVISION = "03d79e702ac75fc1c7a1fe773b1c168653193c69"
ENV_VAR = "XALPACAEVAL_DATA_DIR"
META_KEY = "xalpacaeval_data_dir"
SAMPLE = "sample"
CATEGORIES = ("helpful_base", "koala", "oasst", "selfinstruct", "vicuna")
HOW_TO = (f"pass --metadata '{{\"{META_KEY}\": \"DIR\"}}' or set {ENV_VAR}=DIR (a folder with "
          "english.json, chinese.json, korean.json, italian.json, spanish.json), "
          f"or use the word '{SAMPLE}' for the small sample shipped with plug-eval")


@dataclass
class Loaded:
    """The rows of one language plus where they came from."""

    rows: list[dict]
    source: str  # "sample", "dir:/abs/path" or "hub:repo@revision"
    sha256: dict[str, str] = field(default_factory=dict)  # file name -> digest, every file read


def sample_dir() -> Path:
    return Path(str(files("plug_eval.tasks") / "xalpacaeval" / "sample"))


def choose_source(metadata: dict | None) -> str:
    """The data location asked for: a folder path, 'sample', or '' for the hub."""
    given = (metadata or {}).get(META_KEY) or os.environ.get(ENV_VAR) or ""
    return str(given).strip()


def load(lang: str, metadata: dict | None = None) -> Loaded:
    """Rows for ``lang``, validated, with provenance."""
    where = choose_source(metadata)
    if where == SAMPLE:
        return _load_dir(str(sample_dir()), lang, label=SAMPLE)
    if where:
        path = Path(where).expanduser().resolve()
        if not path.is_dir():
            raise DataError(f"X-AlpacaEval data folder does not exist; {HOW_TO}", path)
        return _load_dir(str(path), lang, label=f"dir:{path}")
    revision = (metadata or {}).get("xalpacaeval_revision") or HUB_REVISION
    return _load_dir(_hub_snapshot(revision), lang, label=f"hub:{HUB_REPO}@{revision}")


def _hub_snapshot(revision: str) -> str:
    """Download (or find in the local cache) the dataset files; one clear line if we can't."""
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(HUB_REPO, repo_type="dataset", revision=revision,
                                 allow_patterns=["*.json", "*.jsonl"])
    except Exception as exc:  # offline, no cache, hub down, bad revision: all the same to a user
        raise DataError(f"cannot get X-AlpacaEval from the Hugging Face Hub "
                        f"({type(exc).__name__}); {HOW_TO}", f"hf://datasets/{HUB_REPO}") from None


def _find_file(folder: Path, lang: str) -> Path | None:
    stem = LANGUAGES[lang].data_file.rsplit(".", 1)[0]
    for name in (f"{stem}.json", f"{stem}.jsonl"):
        if (folder / name).is_file():
            return folder / name
    return None


def _load_dir(folder: str, lang: str, label: str) -> Loaded:
    root = Path(folder)
    target = _find_file(root, lang)
    if target is None:
        raise DataError(f"no {LANGUAGES[lang].data_file} (or .jsonl) for language '{lang}'; {HOW_TO}",
                        root)
    present = {code: p for code in LANGUAGES if (p := _find_file(root, code))}
    tables = {code: _read_checked(str(p), p.stat().st_mtime_ns) for code, p in present.items()}
    _check_aligned(tables, present, lang)
    rows, digest = tables[lang]
    return Loaded([dict(r) for r in rows], label,
                  {present[c].name: tables[c][1] for c in sorted(tables)})


@lru_cache(maxsize=32)
def _read_checked(path: str, _mtime: int) -> tuple[tuple[dict, ...], str]:
    """Parse and validate one file (cached per path and modification time)."""
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 (byte {exc.start})", path) from None
    rows = _parse(text, path)
    if not rows:
        raise DataError("no rows", path)
    seen: set[str] = set()
    clean = []
    for n, row in enumerate(rows, 1):
        clean.append(_check_row(row, n, path, seen))
    return tuple(clean), digest


def _parse(text: str, path: str) -> list:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON at line {exc.lineno}: {exc.msg}", path) from None
        return rows
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"line {n}: invalid JSON ({exc.msg})", path) from None
    return rows


def _check_row(row: object, n: int, path: str, seen: set[str]) -> dict:
    if not isinstance(row, dict):
        raise DataError(f"row {n}: expected an object with id and instruction", path)
    rid = row.get("id")
    if rid is None or str(rid).strip() == "":
        raise DataError(f"row {n}: missing id", path)
    rid = str(rid)
    if rid in seen:
        raise DataError(f"row {n}: duplicate id {rid!r}", path)
    seen.add(rid)
    instruction = row.get("instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        raise DataError(f"row {n} (id {rid!r}): empty or missing instruction", path)
    return {"id": rid, "dataset": str(row.get("dataset") or "unknown"), "instruction": instruction}


def _check_aligned(tables: dict, present: dict, lang: str) -> None:
    """Every language file in the folder must hold the same ids (they are translations)."""
    want = [r["id"] for r in tables[lang][0]]
    for code, (rows, _) in tables.items():
        if code == lang:
            continue
        ids = {r["id"] for r in rows}
        missing = [i for i in want if i not in ids]
        extra = sorted(ids - set(want))
        if missing or extra:
            bad = (missing or extra)[:5]
            raise DataError(f"ids not aligned with {present[lang].name}: "
                            f"{len(missing)} missing here, {len(extra)} extra (e.g. {bad})",
                            present[code])
