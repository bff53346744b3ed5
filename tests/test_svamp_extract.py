"""Issue 24.6: X-SVAMP's main method, the final number read by an LLM, over the one call layer.

The extractor is the fake server's: it replies with the number of an answer's ``[final: X]`` marker
(else ``[invalid]``).  The expected LLM column is what the PLUG repository's ``evaluate_svamp.py`` does
with such replies, re-implemented here: its regex's last match, commas dropped, ``math.isclose`` with
the gold number.  The marker opens each answer, so the rule and the regex (which read the answer's
last number) see other numbers than the extractor.
"""

from __future__ import annotations

import json
import math
import re

import conftest_judge
import pytest
from conftest_judge import read_jsonl, run_cli, write_json, write_jsonl

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute

ANS_RE = re.compile(r"(\-?\d+(,\d{3})*)")


def repo_is_correct(completion: str, gold: float) -> bool:
    match = ANS_RE.findall(completion)
    return bool(match) and math.isclose(float(match[-1][0].replace(",", "")), float(gold))


#: (answer, gold, the number our rule reads in Chinese, by hand); 10 answers
ROWS = [("[final: 12] 五加七等于12。", 12, 12),
        ("[final: 12] 5加7等于12，吃掉3个，还剩9个。", 12, 9),
        ("[final: 9] 5加7等于12，吃掉3个，还剩9个。", 9, 9),
        ("[final: 1,234] 一共1,234本。", 1234, 1234),
        ("[final: 3.5] 每人分到3.5个。", 3.5, 3.5),  # the paper's regex reads 5 in "3.5": wrong, as its script scores
        ("我不知道，大概是42。", 42, 42),  # no marker: the extractor says [invalid]
        ("[final: 7] 答案是十二。", 12, 12),
        ("[final: 20] 共有二十个苹果，其中3个坏了。", 20, 3),
        ("[final: -4] 温度下降了4度，现在是-4度。", -4, -4),
        ("[final: 75] 100减去25等于七十五。", 75, 75)]


def samples(tmp, rows=ROWS, lang="zh", name="plug-7b"):
    folder = tmp / name
    folder.mkdir(exist_ok=True)
    lines = [{"doc_id": i, "doc": {"id": f"sample-{i:02d}", "instruction": f"第{i}题：一共有多少？请一步一步地推理。",
                                   "answer": gold, "lang": lang, "pivot": "", "variant": "direct"},
              "target": str(gold), "arguments": {"gen_args_0": {"arg_0": "p", "arg_1": {}}}, "resps": [[answer]],
              "filtered_resps": [answer], "filter": "none", "metrics": ["accuracy"]}
             for i, (answer, gold, _) in enumerate(rows)]
    return write_jsonl(folder / f"samples_xsvamp_{lang}_2026-12-01.jsonl", lines)


def extract(fake, path, out, *flags):
    return run_cli("svamp-extract", str(path), "--judge", "openai:gpt-3.5-turbo", "--base-url", fake.openai,
                   "--out", str(out), "--quiet", *flags)


def expected(rows=ROWS):
    replies = [(re.search(r"\[final: ([^\]]+)\]", a) or [None, "[invalid]"])[1] for a, _, _ in rows]
    n = len(rows)
    return {"accuracy_llm": sum(repo_is_correct(r, g) for r, (_, g, _) in zip(replies, rows, strict=True)) / n,
            "accuracy_paper_regex": sum(repo_is_correct(a, g) for a, g, _ in rows) / n,
            "accuracy_rule": sum(math.isclose(rule, g) for _, g, rule in rows) / n}


def test_three_columns_on_the_same_answers(fake, tmp_path):
    code, out, err = extract(fake, samples(tmp_path), tmp_path / "run")
    assert code == 0, err
    s = json.loads((tmp_path / "run" / "svamp.json").read_text("utf-8"))
    want = expected()
    assert {k: s[k] for k in want} == pytest.approx(want)
    assert len({round(v, 6) for v in want.values()}) == 3  # the three methods disagree on these answers
    assert (s["n_items"], s["n_extracted"], s["pending"], s["errors"], s["invalid"]) == (10, 10, 0, 0, 1)
    assert s["by_lang"]["zh"]["accuracy_llm"] == s["accuracy_llm"] and s["system"] == "plug-7b"
    assert f"accuracy with LLM extraction {want['accuracy_llm']:.2%}" in out
    bodies = [e["body"] for e in fake.stats()["log"]]
    assert len(bodies) == 10 and all((b["temperature"], b["top_p"], b["max_tokens"]) == (0, 0, 20) for b in bodies)
    # resumable: the same command calls nothing again
    code, out, err = extract(fake, samples(tmp_path), tmp_path / "run")
    assert code == 0 and "0 calls" in out and len(fake.stats()["log"]) == 10


def test_a_budget_stops_it_and_the_rest_is_pending(fake, tmp_path):
    prices = write_json(tmp_path / "prices.json", {"gpt-3.5-turbo": {"input": 1000.0, "output": 0.0}})
    run = tmp_path / "run"
    code, out, err = extract(fake, samples(tmp_path), run, "--prices", str(prices), "--concurrency", "1",
                             "--max-cost", "1")
    assert code == 3, err  # stopped with work left
    assert "STOPPED (budget)" in out
    done = {r["id"] for r in read_jsonl(run / "judgments.jsonl")}
    s = json.loads((run / "svamp.json").read_text("utf-8"))
    assert 0 < len(done) < 10 and (s["n_extracted"], s["pending"]) == (len(done), 10 - len(done))
    judged = [row for i, row in enumerate(ROWS) if f"sample-{i:02d}" in done]
    assert s["accuracy_llm"] == pytest.approx(expected(judged)["accuracy_llm"])  # over what ended
    code, out, err = extract(fake, samples(tmp_path), run, "--dry-run")
    assert code == 0 and f"{10 - len(done)} to call" in out


def test_not_svamp_samples_is_one_line_and_exit_2(fake, tmp_path):
    path = samples(tmp_path)
    lines = read_jsonl(path)
    del lines[3]["doc"]["answer"]
    write_jsonl(path, lines)
    code, out, err = extract(fake, path, tmp_path / "run")
    assert code == 2 and "line 4: the doc has no numeric 'answer'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()
    code, out, err = run_cli("svamp-extract", str(path), "--judge", "rules", "--out", str(tmp_path / "r2"))
    assert code == 2 and "BACKEND:MODEL" in err
