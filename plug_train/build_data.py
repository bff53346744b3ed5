"""PLUG and direct training sets from parallel rows.

A parallel row is ``{id, instruction_en, response_en, instruction_<lang>, response_<lang>, ...}``.
For each target language it gives

- a PLUG row: the target instruction, the pivot system prompt, and the response
  ``{pivot header}\\n{pivot answer}\\n\\n{target header}\\n{target answer}`` (plug_eval.pivot);
  the pivot is English unless ``--pivot`` names another language of the rows;
- a direct row: the target instruction, the direct system prompt, the bare target answer.

Both sets are built from the same seeded selection, so they hold the same (id, language) pairs
and differ only in the response format: the paper's comparison.  With ``--allow-partial`` a row
missing some targets (``plug-train translate``'s partial.jsonl) is used for the ones it has.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from plug_eval import langid, languages, pivot
from plug_eval.errors import PlugEvalError
from plug_eval.files import write_jsonl
from plug_eval.parallel import read_parallel

MODES = ("plug", "direct", "both")


def parse_targets(spec: str, pivot: str = languages.DEFAULT_PIVOT) -> dict[str, float]:
    """``zh,ko`` or ``zh:1,ko:0.5`` -> {code: weight}; a weight is the share of rows used
    (above 1, rows repeat)."""
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        code, _, weight = part.partition(":")
        try:
            languages.get(code)
            w = float(weight) if weight else 1.0
        except ValueError as e:
            raise PlugEvalError(f"--target {spec!r}: {e}") from None
        if code == pivot or w <= 0:
            raise PlugEvalError(f"--target {spec!r}: {code} must be a non-pivot language with a positive weight")
        out[code] = w
    if not out:
        raise PlugEvalError("--target needs at least one language, e.g. zh,ko,it,es")
    return out


def plug_row(row: dict[str, Any], lang: str, pivot_lang: str = languages.DEFAULT_PIVOT) -> dict[str, Any]:
    return {"id": row["id"], "lang": lang, "source": "plug",
            "system": languages.pivot_system_prompt(lang, pivot_lang), "instruction": row[f"instruction_{lang}"],
            "response": pivot.build_response(row[f"response_{pivot_lang}"].strip(), row[f"response_{lang}"].strip(),
                                             lang, pivot_lang)}


def direct_row(row: dict[str, Any], lang: str, pivot_lang: str = languages.DEFAULT_PIVOT) -> dict[str, Any]:
    return {"id": row["id"], "lang": lang, "source": "direct", "system": languages.direct_system_prompt(lang),
            "instruction": row[f"instruction_{lang}"], "response": row[f"response_{lang}"].strip()}


def select(rows: list[dict[str, Any]], weights: dict[str, float], english: bool,
           rng: random.Random) -> list[tuple[dict[str, Any], str]]:
    """(row, language) pairs: each language's share of the rows, plus English if asked."""
    chosen = []
    for lang, w in weights.items():
        have = [r for r in rows if str(r.get(f"response_{lang}") or "").strip()]  # all of them unless partial
        whole, frac = divmod(w, 1.0)
        picked = have * int(whole) + rng.sample(have, round(frac * len(have)))
        chosen += [(r, lang) for r in picked]
    if english:
        chosen += [(r, "en") for r in rows if str(r.get("response_en") or "").strip()]
    rng.shuffle(chosen)
    return chosen


def build_data(parallel: str, target: str, mode: str, out: str, english: bool = False,
               seed: int = 0, *, pivot: str = languages.DEFAULT_PIVOT, allow_partial: bool = False) -> dict[str, int]:
    """Write ``OUT/plug.jsonl`` and/or ``OUT/direct.jsonl``; returns rows written per file."""
    if mode not in MODES:
        raise PlugEvalError(f"--mode must be one of {', '.join(MODES)}")
    try:
        languages.get(pivot)
    except ValueError as e:
        raise PlugEvalError(f"--pivot {pivot!r}: {e}") from None
    weights = parse_targets(target, pivot)
    langid.check([*weights, pivot])  # a language file's py3langid code, like every command that reads it
    if english and "en" in weights:
        raise PlugEvalError("--english adds direct English rows: English cannot also be a --target")
    rows = read_parallel(Path(parallel), list(weights) + (["en"] if english and pivot != "en" else []), pivot,
                         partial=allow_partial)
    if allow_partial:  # say how many rows each language is built from
        have = {lang: sum(bool(r.get(f"response_{lang}")) for r in rows) for lang in weights}
        print(f"plug-train build-data: --allow-partial: {len(rows)} rows; "
              + ", ".join(f"{lang} from {n}" for lang, n in have.items()), file=sys.stderr)
    pairs = select(rows, weights, english, random.Random(seed))
    english_row = lambda r: {"id": r["id"], "lang": "en", "source": "english",  # noqa: E731
                             "system": languages.direct_system_prompt("en"),
                             "instruction": r["instruction_en"], "response": r["response_en"].strip()}
    written = {}
    Path(out).mkdir(parents=True, exist_ok=True)
    for name, make in (("plug", plug_row), ("direct", direct_row)):
        if mode in (name, "both"):
            data = [english_row(r) if lang == "en" else make(r, lang, pivot) for r, lang in pairs]
            write_jsonl(Path(out) / f"{name}.jsonl", data)
            written[f"{name}.jsonl"] = len(data)
    return written
