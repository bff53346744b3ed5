"""An ESTIMATE of translating the paper's training set: 52,002 GPT4-Alpaca rows x zh, ko, it, es.

    python bench/pivot/paper_cost.py [--model openai:gpt-3.5-turbo] [--rows 52002]

``plug-train translate --dry-run``'s own estimate for the English side of the shipped parallel
sample (plug_eval/data/parallel_sample.jsonl, 458 rows), scaled to ``--rows``: it assumes the
user's rows have the sample's length distribution, output tokens = source tokens x the
per-language expansion of each language file's ``expansion``, and the prices of the shipped table
(plug_eval/prices.py).  GPT4-Alpaca's responses are longer than the sample's short answers, so
the real file's dry run (the same command on it) is the number to budget with.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from plug_eval import languages
from plug_eval import translate as T
from plug_eval.llm.prices import PriceTable

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", help="repeatable; default gpt-3.5-turbo (the paper's), gpt-4o-mini")
    ap.add_argument("--rows", type=int, default=52_002)
    args = ap.parse_args()
    rows = T.read_source(ROOT / "plug_eval" / "data" / "parallel_sample.jsonl")
    src = [T.est_tokens(r["instruction"]) + T.est_tokens(r["response"]) for r in rows]
    targets = list(languages.TARGETS)  # the paper's four
    out = {"estimate": True, "sample_rows": len(rows), "scaled_to_rows": args.rows, "languages": targets,
           "source_tokens_per_row": {"mean": round(statistics.mean(src), 1), "median": statistics.median(src),
                                     "max": max(src)},
           "expansion": {c: languages.get(c).expansion for c in targets}, "models": {}}
    for spec in args.model or ["openai:gpt-3.5-turbo", "openai:gpt-4o-mini"]:
        backend = T.make_backend(spec, None, 60.0)
        calls = T.plan(rows, targets, backend)
        price = PriceTable().lookup(spec.partition(":")[2])
        est = T.dry_run(rows, calls, calls, price, spec)
        scale = args.rows / len(rows)
        out["models"][spec] = {
            "calls": round(est["calls"] * scale),
            "input_tokens": round(sum(d["input_tokens"] for d in est["per_lang"].values()) * scale),
            "output_tokens": round(sum(d["output_tokens"] for d in est["per_lang"].values()) * scale),
            "price_per_mtok": est["price_per_mtok"],
            "cost_usd": None if est["cost_usd"] is None else round(est["cost_usd"] * scale, 2)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
