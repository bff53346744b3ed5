"""Answer files in, paired items out: the readers behind ``plug-judge compare`` and ``grade``.

Three formats, detected from the content:

* ``lm-eval`` -- lm-evaluation-harness ``--log_samples`` JSONL: the answer is ``filtered_resps``
  of the chosen ``--filter``, the raw response ``resps[0][0]``, joined on ``doc.id``.  For pivot
  tasks the PLUG extraction status is recomputed with :func:`plug_eval.pivot.split_response`.
* ``plug`` -- a JSON list (or JSON lines) of ``{id, instruction, output}`` (``response`` is
  accepted for ``output``), the PLUG repository's format.
* ``alpacaeval`` -- AlpacaEval ``model_outputs.json``: ``{instruction, output, generator}``
  without ids, joined on the instruction text.

Every problem is a :class:`~plug_eval.errors.DataError` naming the file (both files, A first,
for problems between them); nothing here writes anything.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import files, languages
from plug_eval.errors import DataError, PlugEvalError
from plug_eval.pivot import split_response

SCHEMA_VERSION = 1
LM_EVAL, PLUG, ALPACAEVAL = "lm-eval", "plug", "alpacaeval"
MAX_EMPTY_SHARE = 0.2  #: more empty answers than this share of a system's is refused (--allow-empty)
PIVOT_FILTER = "plug_extract"  #: a pivot task's filter that keeps the target-language answer (the default)


@dataclass(frozen=True)
class Answer:
    """One system's answer to one instruction, as read from its file."""

    key: str  #: the join key: the id, or the instruction for AlpacaEval files
    id: str | None
    instruction: str | None
    answer: str
    raw: str
    status: str | None = None
    pivot_draft: str | None = None
    lang: str | None = None
    category: str | None = None
    fidelity: float | None = None
    data_source: str | None = None
    data_sha256: str | None = None


@dataclass
class AnswerFile:
    path: str
    format: str
    sha256: str
    system: str
    answers: list[Answer]
    meta: dict[str, Any] = field(default_factory=dict)

    def source(self) -> dict[str, Any]:
        return {"path": os.path.abspath(self.path), "sha256": self.sha256, "format": self.format}


# --------------------------------------------------------------------------- raw text


def _read_text(path: str) -> tuple[str, str]:
    """(text, sha256) of a UTF-8 file; unreadable, empty or non-UTF-8 files are errors."""
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise DataError("is a directory, not an answer file", path) from None
    except OSError as err:
        raise DataError(f"cannot read: {err.strerror or err}", path) from None
    if not data.strip():
        raise DataError("empty file", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (invalid byte at offset {err.start})", path) from None
    return text, hashlib.sha256(data).hexdigest()


def _json_records(text: str, path: str) -> list[tuple[int, Any]]:
    """(line or record number, record) from a JSON list or JSON lines."""
    if text.lstrip().startswith("["):
        rows = list(enumerate(files.parse_json(text, path, DataError), 1))
    else:
        rows = files.jsonl_rows(text, path, DataError)
    if not rows:
        raise DataError("no records", path)
    for n, rec in rows:
        if not isinstance(rec, dict):
            raise DataError(f"record {n} is a {type(rec).__name__}, not a JSON object", path)
    return rows


def detect_format(rows: list[tuple[int, Any]]) -> str:
    first = rows[0][1]
    if "doc" in first and ("filtered_resps" in first or "resps" in first):
        return LM_EVAL
    return PLUG if "id" in first else ALPACAEVAL


# --------------------------------------------------------------------------- lm-eval samples


def _choose_filter(rows: list[tuple[int, Any]], wanted: str | None, path: str) -> list[tuple[int, Any]]:
    """The lines of one filter: the only one in the file, or ``--filter`` among several.

    A direct task's file has only the ``none`` filter while a pivot task's has ``plug_extract``
    too, so one ``--filter`` serves a comparison of the two.
    """
    found = sorted({str(r.get("filter", "none")) for _, r in rows})
    if len(found) == 1:
        return rows
    if wanted is None and PIVOT_FILTER in found:  # a pivot task's file: the target-language answer
        wanted = PIVOT_FILTER
    if wanted is None:
        raise DataError(f"lines for several filters ({', '.join(found)}): choose one with --filter", path)
    kept = [(n, r) for n, r in rows if str(r.get("filter", "none")) == wanted]
    if not kept:
        raise DataError(f"no lines with filter {wanted!r}; filters in the file: {', '.join(found)}", path)
    return kept


def _first_text(value: Any) -> Any:
    while isinstance(value, list) and value:
        value = value[0]
    return value


def _lm_eval_answer(n: int, rec: dict[str, Any], path: str) -> Answer:
    doc = rec.get("doc")
    if not isinstance(doc, dict) or doc.get("id") is None:
        raise DataError(f"line {n}: the doc has no 'id' to join on", path)
    answer, raw = _first_text(rec.get("filtered_resps")), _first_text(rec.get("resps"))
    if not isinstance(answer, str):
        raise DataError(f"line {n} (id {doc['id']}): no answer text in 'filtered_resps'", path)
    raw = raw if isinstance(raw, str) else answer
    lang, pivot = doc.get("lang"), doc.get("pivot")
    _check_text_fields(f"line {n} (id {doc['id']})", path, instruction=doc.get("instruction"), lang=lang,
                       pivot=pivot)
    status = draft = None
    if pivot and lang and lang != pivot and lang in languages.LANGUAGES and pivot in languages.LANGUAGES:
        split = split_response(raw, lang, pivot)
        status, draft = split.status, split.pivot_draft
    fid = rec.get("lang_fidelity")
    return Answer(key=str(doc["id"]), id=str(doc["id"]), instruction=doc.get("instruction"), answer=answer,
                  raw=raw, status=status, pivot_draft=draft, lang=lang,
                  category=doc.get("category") or doc.get("dataset"),
                  fidelity=float(fid) if isinstance(fid, (int, float)) else None,
                  data_source=doc.get("data_source"), data_sha256=doc.get("data_sha256"))


def _lm_eval_meta(path: str) -> dict[str, Any]:
    """Model name and lm-eval version from the ``results_*.json`` lm-eval writes beside samples."""
    meta: dict[str, Any] = {}
    for res in sorted(Path(path).parent.glob("results_*.json"), reverse=True):
        try:
            data = files.read_json(res)
        except (OSError, PlugEvalError):  # not ours to judge: lm-eval's file, used only for provenance
            continue
        if not isinstance(data, dict):
            continue
        args = (data.get("config") or {}).get("model_args") if isinstance(data.get("config"), dict) else None
        meta = {"lm_eval_version": data.get("lm_eval_version"), "model_name": data.get("model_name"),
                "model_args": args if isinstance(args, str) else None, "results_file": os.path.abspath(res)}
        break
    return meta


def short_model_name(meta: dict[str, Any]) -> str | None:
    """A system's name from lm-eval's record of the model: the adapter's folder when it loaded one
    (``peft=``), else the model's (``pretrained=``, ``model=``, else ``model_name``), not its path."""
    fields = dict(part.split("=", 1) for part in (meta.get("model_args") or "").split(",") if "=" in part)
    for value in (fields.get("peft"), fields.get("pretrained"), fields.get("model"), meta.get("model_name")):
        if isinstance(value, str) and value.strip():
            return Path(value.strip().rstrip("/")).name or value.strip()
    return None


# --------------------------------------------------------------------------- plug / alpacaeval


def _plain_answer(n: int, rec: dict[str, Any], fmt: str, path: str) -> Answer:
    where = f"record {n}" + (f" (id {rec['id']})" if rec.get("id") is not None else "")
    if fmt == PLUG and rec.get("id") is None:
        raise DataError(f"{where} has no 'id' while earlier records do", path)
    output = rec.get("output", rec.get("response"))
    if output is None:
        raise DataError(f"{where} has no 'output' or 'response' field", path)
    if not isinstance(output, str):
        raise DataError(f"{where}: the answer is a {type(output).__name__}, not text", path)
    instruction = rec.get("instruction")
    if fmt == ALPACAEVAL and not isinstance(instruction, str):
        raise DataError(f"{where} has neither an 'id' nor an 'instruction' to join on", path)
    rid = None if rec.get("id") is None else str(rec["id"])
    key = rid if fmt == PLUG else instruction.strip() if isinstance(instruction, str) else None
    if key is None:  # a plug-format record without an id is refused before this
        raise DataError(f"{where} has no 'id' to join on", path)
    _check_text_fields(where, path, instruction=instruction, lang=rec.get("lang"))
    return Answer(key=key, id=rid, instruction=instruction,
                  answer=output, raw=output, lang=rec.get("lang"),
                  category=rec.get("category") or rec.get("dataset"))


def _check_text_fields(where: str, path: str, **fields: Any) -> None:
    """An instruction or language that is present must be text (a number or a list is a data error)."""
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise DataError(f"{where}: '{name}' is a {type(value).__name__}, not text", path)


def _check_unique(answers: Iterable[Answer], fmt: str, path: str) -> None:
    seen: set[str] = set()
    for a in answers:
        if a.key in seen:
            what = "instruction" if fmt == ALPACAEVAL else "id"
            shown = a.key if len(a.key) <= 60 else a.key[:57] + "..."
            raise DataError(f"duplicate {what} {shown!r}", path)
        seen.add(a.key)


def _system_name(path: str, fmt: str, rows: list[tuple[int, Any]], meta: dict[str, Any]) -> str:
    p = Path(path)
    if fmt == LM_EVAL:
        return short_model_name(meta) or (p.parent.name if p.stem.startswith("samples_") else p.stem)
    if fmt == ALPACAEVAL and isinstance(rows[0][1].get("generator"), str):
        return rows[0][1]["generator"]
    return p.stem


def read_answer_file(path: str | os.PathLike[str], *, filter: str | None = None,
                     name: str | None = None) -> AnswerFile:
    """Read one answer file in any of the three formats."""
    path = os.fspath(path)
    text, sha = _read_text(path)
    rows = _json_records(text, path)
    fmt = detect_format(rows)
    meta: dict[str, Any] = {}
    if fmt == LM_EVAL:
        rows = _choose_filter(rows, filter, path)
        answers = [_lm_eval_answer(n, r, path) for n, r in rows]
        meta = {**_lm_eval_meta(path), "filter": rows[0][1].get("filter")}
    else:
        answers = [_plain_answer(n, r, fmt, path) for n, r in rows]
    _check_unique(answers, fmt, path)
    return AnswerFile(path, fmt, sha, name or _system_name(path, fmt, rows, meta), answers, meta)


# --------------------------------------------------------------------------- pairing


@dataclass
class Pairing:
    """The items both files answer, in A's order, and the ids only one side has."""

    items: list[dict[str, Any]]
    only_in_a: list[str]
    only_in_b: list[str]
    join_on: str


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _missing_message(a: AnswerFile, b: AnswerFile, only_a: list[str], only_b: list[str]) -> str:
    parts = []
    for side, ids in (("A", only_a), ("B", only_b)):
        if ids:
            shown = ", ".join(i if len(i) <= 40 else i[:37] + "..." for i in ids[:5])
            parts.append(f"{len(ids)} only in {side} (first: {shown})")
    return f"{b.path}: ids missing on one side: {'; '.join(parts)}; pass --allow-missing to judge the shared ones"


def _item_lang(x: Answer, y: Answer | None, lang: str | None, a: AnswerFile, b: AnswerFile | None) -> str:
    found = x.lang or (y.lang if y else None)
    if lang and found and found != lang:
        raise DataError(f"id {x.id or x.key[:40]}: the file says language {found!r} but --lang is {lang!r}", a.path)
    found = found or lang
    if not found:
        raise DataError("the answers carry no language: pass --lang CODE", a.path)
    if found not in languages.LANGUAGES:
        raise DataError(f"unknown language {found!r}; known: {', '.join(languages.LANGUAGES)}", a.path)
    return found


def _side(ans: Answer | None, f: AnswerFile | None, suffix: str) -> dict[str, Any]:
    if ans is None or f is None:
        return {f"{k}_{suffix}": None for k in ("answer", "raw", "status", "pivot_draft", "units", "lang_fidelity",
                                                 "source")}
    return {f"answer_{suffix}": ans.answer, f"raw_{suffix}": ans.raw, f"status_{suffix}": ans.status,
            f"pivot_draft_{suffix}": ans.pivot_draft, f"units_{suffix}": languages.answer_units(ans.answer),
            f"lang_fidelity_{suffix}": ans.fidelity, f"source_{suffix}": f.source()}


def make_item(n: int, x: Answer, y: Answer | None, a: AnswerFile, b: AnswerFile | None,
              lang: str | None) -> dict[str, Any]:
    """One ``items.jsonl`` record (B may be absent: single-answer grading)."""
    item_id = x.id or (y.id if y else None) or str(n)
    return {"schema_version": SCHEMA_VERSION, "id": item_id, "lang": _item_lang(x, y, lang, a, b),
            "category": x.category or (y.category if y else None),
            "instruction": x.instruction if x.instruction is not None else (y.instruction if y else ""),
            **_side(x, a, "a"), **_side(y, b, "b")}


def pair_files(a: AnswerFile, b: AnswerFile, *, lang: str | None = None, allow_missing: bool = False) -> Pairing:
    """Join A and B on id (or instruction), checking that they answer the same instructions."""
    join_on = "id" if a.format != ALPACAEVAL and b.format != ALPACAEVAL else "instruction"
    index_a = {(x.key if join_on == "id" else _norm(x.instruction)): x for x in a.answers}
    index_b = {(y.key if join_on == "id" else _norm(y.instruction)): y for y in b.answers}
    only_a = [k for k in index_a if k not in index_b]
    only_b = [k for k in index_b if k not in index_a]
    if (only_a or only_b) and not allow_missing:
        raise DataError(f"{a.path}: {_missing_message(a, b, only_a, only_b)}")
    items = []
    for n, (k, x) in enumerate(index_a.items()):
        y = index_b.get(k)
        if y is None:
            continue
        if join_on == "id" and x.instruction and y.instruction and _norm(x.instruction) != _norm(y.instruction):
            raise DataError(f"{a.path}: {b.path}: id {k}: the instruction differs between the files")
        items.append(make_item(n, x, y, a, b, lang))
    if not items:
        raise DataError(f"{a.path}: {b.path}: the files share no {join_on}")
    return Pairing(items, only_a, only_b, join_on)


def single_items(a: AnswerFile, *, lang: str | None = None) -> list[dict[str, Any]]:
    """Items for single-answer grading: only the A side is filled."""
    return [make_item(n, x, None, a, None, lang) for n, x in enumerate(a.answers)]


def fill_fidelity(items: list[dict[str, Any]]) -> None:
    """Compute language fidelity where the answer file did not carry it (py3langid, offline)."""
    todo = [(item, side) for item in items for side in ("a", "b")
            if item.get(f"answer_{side}") is not None and item.get(f"lang_fidelity_{side}") is None]
    if not todo:
        return
    from plug_eval.langid import fidelity

    for item, side in todo:
        item[f"lang_fidelity_{side}"] = round(fidelity(item[f"answer_{side}"], item["lang"]), 4)


def data_provenance(*files: AnswerFile) -> dict[str, Any]:
    """The data source and hash the lm-eval docs recorded, and the lm-eval version."""
    sources = sorted({x.data_source for f in files for x in f.answers if x.data_source})
    hashes = sorted({x.data_sha256 for f in files for x in f.answers if x.data_sha256})
    versions = sorted({str(f.meta["lm_eval_version"]) for f in files if f.meta.get("lm_eval_version")})
    return {"data_source": sources[0] if len(sources) == 1 else (sources or None),
            "data_sha256": hashes[0] if len(hashes) == 1 else (hashes or None),
            "lm_eval_version": versions[0] if len(versions) == 1 else (versions or None),
            "filters": {f.system: f.meta.get("filter") for f in files if f.format == LM_EVAL} or None}
