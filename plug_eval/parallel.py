"""Reading parallel rows ``{id, instruction_en, response_en, instruction_<lang>, ...}``.

One reader for the trainer's ``build-data`` and the demo's up-front check, so both accept and
reject the same files with the same one-line errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.errors import PlugEvalError


def read_parallel(path: str | Path, targets: Sequence[str], pivot: str = "en",
                  partial: bool = False) -> list[dict[str, Any]]:
    """Rows with a non-empty instruction and response in ``pivot`` and every target language;
    ``partial``: in ``pivot``, each keeping only the targets it has both fields of (the caller
    uses each row for those)."""
    path = Path(path)
    if not path.is_file():
        raise PlugEvalError("parallel data file not found", path)
    langs = [pivot] + [t for t in targets if t != pivot]
    needed = [f"{k}_{lang}" for lang in langs for k in ("instruction", "response")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise PlugEvalError(f"not UTF-8 (byte {e.start})", path) from None
    rows = []
    for n, row in files.jsonl_rows(text, path):
        missing = [k for k in needed if not isinstance(row, dict) or not str(row.get(k) or "").strip()]
        if partial and isinstance(row, dict) and missing:
            lacking = {k.rpartition("_")[2] for k in missing}  # a language lacking either part
            if pivot not in lacking:  # the caller uses the row for the targets it has (maybe none)
                rows.append({k: v for k, v in row.items() if k.rpartition("_")[2] not in lacking or
                             not k.startswith(("instruction_", "response_"))} | {"id": row.get("id", n)})
                continue
        if missing:
            raise PlugEvalError(f"missing or empty {', '.join(missing)}", f"{path}:{n}")
        rows.append({**row, "id": row.get("id", n)})
    if not rows:
        raise PlugEvalError("no parallel rows", path)
    return rows
