"""Synthetic PLUG data and a CPU smoke run on a tiny random-init model, all offline.

    python -m plug_train.smoke OUT_DIR [--rows 64] [--steps 20]

builds ``OUT_DIR/tiny`` (plug_eval.tiny), ``OUT_DIR/parallel.jsonl`` (word salad in English and
the built-in targets, from their language files' ``smoke_words``; only lengths and scripts
matter), PLUG and direct rows from it (``build-data``) and trains for a few steps into
``OUT_DIR/run``.  The tests, the benchmark and the GPU check use the generators.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path
from typing import Any

from plug_eval import languages, pivot


def vocabulary(lang: str) -> tuple[str, ...]:
    """A language's everyday words (its file's ``smoke_words``; else the words of its header and name)."""
    spec = languages.get(lang)
    return spec.smoke_words or tuple(f"{spec.header} {spec.name} {spec.native}".replace(":", " ").split())


def sentence(rng: random.Random, lang: str, n: int) -> str:
    spec = languages.get(lang)
    pool = vocabulary(lang)
    text = spec.word_separator.join(rng.choice(pool) for _ in range(max(1, n)))
    return text + spec.full_stop


def parallel_rows(n: int, seed: int = 0, min_words: int = 8, max_words: int = 120) -> list[dict[str, Any]]:
    """Rows ``{id, instruction_<l>, response_<l>}`` for en and every target; answer lengths
    log-uniform in [min_words, max_words] (short-heavy, like instruction data)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        words = int(math.exp(rng.uniform(math.log(min_words), math.log(max_words))))
        row: dict[str, Any] = {"id": i}
        for lang in ("en",) + languages.TARGETS:
            row[f"instruction_{lang}"] = sentence(rng, lang, rng.randint(4, 12))
            row[f"response_{lang}"] = sentence(rng, lang, words)
        rows.append(row)
    return rows


def plug_rows(n: int, seed: int = 0, **kw: Any) -> list[dict[str, Any]]:
    """Training rows in PLUG format, the target languages taking turns."""
    rows = []
    for row in parallel_rows(n, seed, **kw):
        lang = languages.TARGETS[row["id"] % len(languages.TARGETS)]
        rows.append({"id": row["id"], "lang": lang, "system": languages.pivot_system_prompt(lang),
                     "instruction": row[f"instruction_{lang}"],
                     "response": pivot.build_response(row["response_en"], row[f"response_{lang}"], lang)})
    return rows


def write_jsonl(path: str | Path, rows: list[dict[str, Any]]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m plug_train.smoke", description=__doc__.splitlines()[0])
    p.add_argument("out_dir")
    p.add_argument("--rows", type=int, default=64)
    p.add_argument("--steps", type=int, default=20)
    a = p.parse_args(argv)
    from plug_eval.tiny import build_tiny_model

    from .build_data import build_data
    from .config import TrainConfig
    from .trainer import train

    out = Path(a.out_dir)
    model = build_tiny_model(out / "tiny", chat_template="none")
    write_jsonl(out / "parallel.jsonl", parallel_rows(a.rows, max_words=40))
    build_data(str(out / "parallel.jsonl"), ",".join(languages.TARGETS), "both", str(out / "data"))
    train(TrainConfig(model=str(model), data=[str(out / "data" / "plug.jsonl")], output=str(out / "run"),
                      max_steps=a.steps, lr=1e-3, packing=True, max_length=1024, batch_size=1))


if __name__ == "__main__":
    main()
