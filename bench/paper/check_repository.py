"""Our paper-table against the PLUG repository's own scoring script, on hand-built judgments (issue 24).

    python bench/paper/check_repository.py \
        --script PLUG/src/evaluate/x-alpacaeval/llm_judge/calculate_pair_judge_score.py

Judges three hand-built sets with ``plug-judge compare --preset plug-paper`` against the test suite's
fake scripted judge (the replies of ``tests/test_paper_repro.py``; a third set stopped by
``--max-cost`` between two orders of an item), prints ``plug-judge paper-table``, then writes each
run's stored raw replies as the repository's result file (its verdict rule re-implemented below:
g1 shows the baseline first, g2 PLUG) and runs the repository's script, unmodified, on it.  Needs a
clone of ytyz1307zzh/PLUG for ``--script``; nothing of it is copied here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

import fakeserver  # noqa: E402
import test_paper_repro as t  # noqa: E402

KO = t.ITEMS[:14] + [("B", "B"), ("A", "C"), ("none", "none"), ("B", "A"), ("lower_b", "lower_b"), ("A", "A"),
                     ("C", "B")]
STOPPED = [("A", "B"), ("A", "A"), ("B", "B"), ("C", "A"), ("none", "A"), ("C", "C")] * 7


def rule(text: str) -> str:
    """The repository's reading of a reply (output format [[A]]), re-implemented."""
    return "A" if "[[A]]" in text else "B" if "[[B]]" in text else "tie" if "[[C]]" in text else "error"


def repository_files(run: Path, out: Path) -> tuple[Path, Path]:
    """The run as the script's -data and -results files (an item once both orders are judged)."""
    items = [json.loads(x) for x in (run / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    recs = {}
    for line in (run / "judgments.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        recs[(r["id"], r["order"])] = r
    data, results = [], []
    for i in items:
        data.append({"id": i["id"], "dataset": "hand-built", "category": "default", "instruction": i["instruction"]})
        ab, ba = recs.get((i["id"], "AB")), recs.get((i["id"], "BA"))
        if ab is None or ba is None:
            continue
        g1, g2 = rule(ba["raw"] or "$ERROR$"), rule(ab["raw"] or "$ERROR$")
        results.append({"question_id": i["id"], "model_1": "base", "model_2": "plug",
                        "g1_winner": {"A": "model_1", "B": "model_2"}.get(g1, g1),
                        "g2_winner": {"A": "model_2", "B": "model_1"}.get(g2, g2)})
    (out / f"{run.name}.data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (out / f"{run.name}.results.json").write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return out / f"{run.name}.data.json", out / f"{run.name}.results.json"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--script", required=True, help="the repository's calculate_pair_judge_score.py")
    args = p.parse_args()
    srv = fakeserver.start()
    os.environ["OPENAI_API_KEY"] = "sk-fake"
    tmp = Path(tempfile.mkdtemp(prefix="paper-check-"))
    try:
        runs = []
        stop = ("-J", "max_tokens=20", "--concurrency", "1", "--max-cost", "0.36")
        for lang, items, extra in (("zh", t.ITEMS, ()), ("ko", KO, ()), ("es", STOPPED, stop)):
            a, b = t.answer_files(tmp, items, lang)
            prices = tmp / "prices.json"
            prices.write_text(json.dumps({"scripted": {"input": 0.0, "output": 1000.0}}))
            code, out, err = t.compare(srv, a, b, tmp / f"run-{lang}", *t.paper_flags(tmp), "--prices", str(prices),
                                       *extra)
            assert code == (3 if extra else 0), err  # 3: the stopped run has work left
            runs.append(tmp / f"run-{lang}")
        code, out, err = t.run_cli("paper-table", *map(str, runs))
        print(f"$ plug-judge paper-table {' '.join(r.name for r in runs)}\n{out}")
        for run in runs:
            data, results = repository_files(run, tmp)
            res = subprocess.run([sys.executable, args.script, "-data", str(data), "-results", str(results)],
                                 capture_output=True, text=True, check=True)
            lines = res.stdout.splitlines()
            shown = lines[lines.index("All:") + 1:lines.index("All:") + 3]  # its overall counts and totals
            print(f"$ calculate_pair_judge_score.py ({run.name})\n" + "\n".join(shown) + "\n")
    finally:
        srv.proc.kill()


if __name__ == "__main__":
    main()
