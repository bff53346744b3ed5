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
from plug_eval.llm.jobs import prompt_of
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
    sample = ROOT / "plug_eval" / "data" / "parallel_sample.jsonl"
    for spec in args.model or ["openai:gpt-3.5-turbo", "openai:gpt-4o-mini"]:
        job = T.make_job(str(sample), ",".join(targets), spec)  # the job the command runs, its dry run's estimates
        calls = job.calls()
        price = PriceTable().lookup(spec.partition(":")[2])
        scale = args.rows / len(rows)
        n_in = sum(T.est_tokens(prompt_of(c)) for c in calls)
        n_out = sum(job.estimated_output_tokens(c) for c in calls)
        cost = None if price is None else price.cost(n_in, n_out)
        out["models"][spec] = {
            "calls": round(len(calls) * scale), "input_tokens": round(n_in * scale),
            "output_tokens": round(n_out * scale),
            "price_per_mtok": None if price is None else {"input": price.input, "output": price.output},
            "cost_usd": None if cost is None else round(cost * scale, 2)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
