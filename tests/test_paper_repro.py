"""Issue 24: the PLUG repository's numbers, exactly (verdict rule, FastChat prompts, shares, the table).

The expected numbers come from a re-implementation, written here, of what the repository's scripts
do (ytyz1307zzh/PLUG at 307a35f, ``fastchat/llm_judge/common.py`` and
``calculate_pair_judge_score.py``): its verdict rule, its combination of the two orders and its
shares.  The judge is the fake server's ``scripted`` judge, replying with texts written below.
"""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import conftest_judge
import numpy as np
import pytest
from conftest_judge import read_jsonl, run_cli, summary, write_json

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute

# --------------------------------------------------------------------------- the repository, re-implemented


def repo_winner(judgment: str) -> str:
    """common.py's reading of a reply with output format [[A]]."""
    if "[[A]]" in judgment:
        return "A"
    if "[[B]]" in judgment:
        return "B"
    if "[[C]]" in judgment:
        return "tie"
    return "error"


SETS = {frozenset({"model_1", "model_2"}): "tie", frozenset({"model_1"}): "model_1",
        frozenset({"model_2"}): "model_2", frozenset({"tie", "model_1"}): "slight_model_1",
        frozenset({"tie", "model_2"}): "slight_model_2", frozenset({"tie"}): "tie"}


def repo_results(items: list[tuple[str, str]]) -> list[str]:
    """Per item the script's result.  ``items`` are (reply with PLUG first, reply with the baseline
    first); as the README runs it, model_1 is the baseline and model_2 PLUG, g1 shows model_1 first."""
    out = []
    for plug_first, base_first in items:
        g1 = {"A": "model_1", "B": "model_2"}.get(repo_winner(base_first), repo_winner(base_first))
        g2 = {"A": "model_2", "B": "model_1"}.get(repo_winner(plug_first), repo_winner(plug_first))
        winners = frozenset({g1, g2})
        out.append("error" if "error" in winners else SETS[winners])
    return out


def repo_printout(results: list[str]) -> dict[str, str]:
    """The script's printed shares (``{:.1%}``) of PLUG's wins, ties, losses, errors and |diff|."""
    total = len(results)
    m1 = results.count("model_1") + results.count("slight_model_1")
    m2 = results.count("model_2") + results.count("slight_model_2")
    return {"win": f"{m2 / total:.1%}", "tie": f"{results.count('tie') / total:.1%}", "loss": f"{m1 / total:.1%}",
            "error": f"{results.count('error') / total:.1%}", "diff_abs": f"{abs(m1 - m2) / total:.1%}",
            "signs": [1 if r in ("model_2", "slight_model_2") else -1 if r in ("model_1", "slight_model_1") else 0
                      for r in results]}


# --------------------------------------------------------------------------- hand-built replies

R = {"A": "Assistant A follows the instruction in the language asked.\n[[A]]",
     "B": "The second answer is more helpful.\n[[B]]",
     "C": "Both are equally good.\n[[C]]",
     "A_then_B": "One could argue for [[A]], but on balance the verdict is [[B]].",  # repo A, ours B
     "lower_b": "Verdict: [[b]]",  # repo error, ours B
     "single_b": "I prefer the second answer.\n[B]",  # repo error, ours B
     "spaced_a": "Final verdict: [[ A ]]",  # repo error, ours A
     "listed_c": "I must answer [[A]], [[B]] or [[C]]. Here: [[C]]",  # repo A, ours tie
     "b_then_c": "My first thought was [[B]]; my final answer is [[C]]",  # repo B, ours tie
     "none": "I cannot decide between them."}  # no verdict for either rule
#: (reply with A = PLUG first, reply with B first) per item: 21 items, 9 of them tricky
ITEMS = [("A", "B"), ("A", "A"), ("B", "A"), ("C", "C"), ("A", "C"), ("C", "A"), ("B", "B"), ("B", "C"),
         ("A_then_B", "B"), ("lower_b", "A"), ("single_b", "A"), ("spaced_a", "B"), ("listed_c", "B"),
         ("b_then_c", "A"), ("A", "A_then_B"), ("none", "A"), ("A", "B"), ("A", "B"), ("C", "B"), ("A", "lower_b"),
         ("listed_c", "listed_c")]
PROMPT = {"name": "pair-v2", "type": "pairwise", "description": "a test prompt in our own words",
          "category": "general", "output_format": "[[A]]",
          "system_prompt": "Compare two answers to one request. End with [[A]], [[B]] or [[C]] (a tie).",
          "prompt_template": "[Request]\n{question}\n\n[Answer A]\n{answer_a}\n[End of A]\n\n"
                             "[Answer B]\n{answer_b}\n[End of B] {{braces stay}}"}


def texts(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(R[a], R[b]) for a, b in items]


def _marker(text: str) -> str:
    return "reply64=" + base64.b64encode(text.encode()).decode()


def answer_files(tmp: Path, items: list[tuple[str, str]], lang: str = "zh") -> tuple[Path, Path]:
    """System A's answer i carries the reply the judge gives when A is shown first, B's the other."""
    rows = [[{"id": f"q{i}", "instruction": f"第{i}个问题：怎样学习？", "lang": lang,
              "output": f"{'甲乙'[side]}的回答{i}。 {_marker(pair[side])}"} for i, pair in enumerate(texts(items))]
            for side in (0, 1)]
    return (write_json(tmp / f"plug_{lang}.json", rows[0]), write_json(tmp / f"base_{lang}.json", rows[1]))


def prompts_file(tmp: Path, **change: str) -> Path:
    path = tmp / "judge_prompts.jsonl"
    single = {"name": "single-v1", "type": "single", "system_prompt": "Rate it.", "prompt_template": "{question}",
              "output_format": "[[rating]]", "description": "", "category": "general"}
    path.write_text(json.dumps(single) + "\n" + json.dumps({**PROMPT, **change}) + "\n", encoding="utf-8")
    return path


def compare(fake, a: Path, b: Path, out: Path, *flags: str) -> tuple[int, str, str]:
    return run_cli("compare", str(a), str(b), "--judge", "openai:scripted", "--base-url", fake.openai,
                   "--out", str(out), "--quiet", "--n-resamples", "2000", "--name-a", "plug", "--name-b", "base",
                   *flags)


def paper_flags(tmp: Path) -> tuple[str, ...]:
    return ("--preset", "plug-paper", "--judge-prompts", str(prompts_file(tmp)))


# --------------------------------------------------------------------------- the verdict rules


def test_the_paper_rule_is_the_repository_rule_and_today_s_rule_is_not():
    from plug_eval.judges.prompts.verdicts import PARSERS

    slot = {"first": "A", "second": "B", "tie": "tie", "unparsed": "error"}
    split = 0
    for text in R.values():
        assert slot[PARSERS["paper"](text).verdict] == repo_winner(text), text
        split += slot[PARSERS["pairwise"](text).verdict] != repo_winner(text)
    assert split == 6


def test_hand_built_replies_give_the_repository_s_shares_under_the_paper_rule(fake, tmp_path):
    a, b = answer_files(tmp_path, ITEMS)
    code, out, err = compare(fake, a, b, tmp_path / "paper", *paper_flags(tmp_path))
    assert code == 0, err
    code, out, err = compare(fake, a, b, tmp_path / "last", *paper_flags(tmp_path), "--verdict-rule", "last")
    assert code == 0, err
    want = repo_printout(repo_results(texts(ITEMS)))
    got = summary(tmp_path / "paper")["paper"]
    for ours, theirs in (("win_pct", "win"), ("tie_pct", "tie"), ("loss_pct", "loss"), ("unscored_pct", "error")):
        assert f"{got[ours] / 100:.1%}" == want[theirs], ours
    assert f"{abs(got['delta']) / 100:.1%}" == want["diff_abs"]
    # the same replies read by today's rule give other numbers: the two rules split apart
    other = summary(tmp_path / "last")["paper"]
    assert (other["win_pct"], other["loss_pct"], other["unscored_pct"]) != (got["win_pct"], got["loss_pct"],
                                                                            got["unscored_pct"])
    ours = {r["id"]: r["verdict"] for r in read_jsonl(tmp_path / "last" / "judgments.jsonl") if r["order"] == "AB"}
    theirs = {r["id"]: r["verdict"] for r in read_jsonl(tmp_path / "paper" / "judgments.jsonl") if r["order"] == "AB"}
    assert sum(ours[k] != theirs[k] for k in ours) == 7  # the tricky replies shown first by A
    run = json.loads((tmp_path / "paper" / "run.json").read_text())
    assert run["identity"]["verdict_rule"] == "paper" and run["provenance"]["judge"]["parser"] == "paper"
    assert "verdict_rule" not in json.loads((tmp_path / "last" / "run.json").read_text())["identity"]


def test_the_judge_is_asked_what_fastchat_asks(fake, tmp_path):
    a, b = answer_files(tmp_path, ITEMS[:3])
    code, out, err = compare(fake, a, b, tmp_path / "run", *paper_flags(tmp_path))
    assert code == 0, err
    plug, base = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    bodies = [e["body"] for e in fake.stats()["log"]]
    assert len(bodies) == 6
    for x, y in zip(plug, base, strict=True):  # FastChat: system_prompt, then the filled prompt_template
        for first, second in ((x, y), (y, x)):
            user = PROMPT["prompt_template"].format(question=x["instruction"], answer_a=first["output"],
                                                    answer_b=second["output"])
            want = [{"role": "system", "content": PROMPT["system_prompt"]}, {"role": "user", "content": user}]
            assert sum(body["messages"] == want for body in bodies) == 1
    assert all((body["temperature"], body["top_p"], body["max_tokens"]) == (0, 0, 1024) for body in bodies)


def test_a_directory_judged_by_one_rule_is_never_read_by_the_other(fake, tmp_path):
    a, b = answer_files(tmp_path, ITEMS[:4])
    assert compare(fake, a, b, tmp_path / "run", *paper_flags(tmp_path))[0] == 0
    code, out, err = compare(fake, a, b, tmp_path / "run", *paper_flags(tmp_path), "--verdict-rule", "last",
                             "--accept-new-identity")
    assert code == 2 and "'paper' rule" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("flags, message", [
    (("--preset", "plug-paper"), "pass --judge-prompts FILE"),
    (("--preset", "plug-paper", "--judge-prompts", "missing.jsonl"), "missing.jsonl: --judge-prompts: no such file"),
    (("--judge-prompt", "pair-v2"), "--judge-prompt NAME needs --judge-prompts FILE"),
    (("--preset", "plug-paper", "--orders", "1", "--judge-prompts", "P"), "judges in 2 order(s)"),
    (("--preset", "plug-paper", "--judge-prompts", "P", "--judge-prompt", "single-v1"), "compare needs a pairwise"),
    (("--preset", "plug-paper", "--judge-prompts", "P", "--judge-prompt", "nope"), "no such prompt"),
    (("--preset", "plug-paper", "--judge-prompts", "BAD"), "placeholder {answer} is not one of"),
])
def test_bad_reproduction_flags_are_one_line_and_exit_2(fake, tmp_path, flags, message):
    a, b = answer_files(tmp_path, ITEMS[:2])
    good = str(prompts_file(tmp_path))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**PROMPT, "prompt_template": "{question} {answer} {answer_b}"}) + "\n")
    flags = tuple(good if f == "P" else str(bad) if f == "BAD" else f for f in flags)
    code, out, err = compare(fake, a, b, tmp_path / "run", *flags)
    assert code == 2 and message in err, err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "run").exists()


# --------------------------------------------------------------------------- a stopped run


def test_a_run_stopped_by_max_cost_gives_the_shares_of_the_items_judged(fake, tmp_path):
    """Unambiguous replies and today's prompt and rule: only the counting of a stopped run is under test."""
    plain = [("A", "B"), ("A", "A"), ("B", "B"), ("C", "A"), ("none", "A"), ("C", "C")] * 7  # 42 items
    a, b = answer_files(tmp_path, plain)
    prices = write_json(tmp_path / "prices.json", {"scripted": {"input": 0.0, "output": 1000.0}})
    run = tmp_path / "run"
    code, out, err = compare(fake, a, b, run, "--prices", str(prices), "-J", "max_tokens=20", "--concurrency", "1",
                             "--max-cost", "0.36")
    assert code == 3, err  # stopped with work left
    assert "STOPPED (budget)" in out
    orders: dict[str, set[str]] = {}
    for rec in read_jsonl(run / "judgments.jsonl"):
        orders.setdefault(rec["id"], set()).add(rec["order"])
    ended = [i for i in range(42) if orders.get(f"q{i}") == {"AB", "BA"}]
    assert 5 <= len(ended) <= 30 and len(orders) > len(ended)  # stopped between the two orders of an item
    want = repo_printout(repo_results(texts([plain[i] for i in ended])))
    s = summary(run)
    p = s["paper"]
    assert (p["n_judged"], p["pending"], s["pending"]) == (len(ended), 42 - len(ended), 42 - len(ended))
    for ours, theirs in (("win_pct", "win"), ("tie_pct", "tie"), ("loss_pct", "loss"), ("unscored_pct", "error")):
        assert f"{p[ours] / 100:.1%}" == want[theirs], ours
    code, out, err = run_cli("paper-table", str(run))
    assert code == 0, err
    cells = out.splitlines()[1].split()
    assert cells[5:11] == [str(len(ended)), str(42 - len(ended)), want["win"][:-1], want["tie"][:-1],
                           want["loss"][:-1], want["error"][:-1]]
    # a summary an earlier release wrote for this stopped run (its paper block over all 42 items) is
    # computed again, though the files are those it was computed from
    from plug_eval.judges import runs, summaries

    old = {**s, "paper": {k: v for k, v in p.items() if k not in ("n_judged", "pending")}}
    (run / "summary.json").write_text(json.dumps(old), encoding="utf-8")
    summaries._remember(runs.load_run(run, facts=True), old)
    assert run_cli("summarize", str(run))[0] == 0
    assert summary(run)["paper"] == p


# --------------------------------------------------------------------------- the table


def _bootstrap_mean_delta(signs: list[list[int]], seed: int, n_resamples: int) -> tuple[float, float]:
    """The documented draws (numpy default_rng(seed).integers over item positions) per run, the
    runs' r-th deltas averaged, the 2.5th and 97.5th percentiles."""
    n = len(signs[0])
    idx = np.random.default_rng(seed).integers(0, n, size=(n_resamples, n))
    deltas = np.mean([100.0 * np.asarray(s, dtype=float)[idx].mean(axis=1) for s in signs], axis=0)
    low, high = np.percentile(deltas, [2.5, 97.5])
    return float(low), float(high)


def test_a_two_run_paper_table_prints_the_repository_s_numbers_and_their_mean(fake, tmp_path):
    other = ITEMS[7:] + ITEMS[:7]  # Korean: the same kinds of replies on other items
    runs = {}
    for lang, items in (("zh", ITEMS), ("ko", other)):
        a, b = answer_files(tmp_path, items, lang)
        runs[lang] = (tmp_path / f"run-{lang}", repo_printout(repo_results(texts(items))))
        code, out, err = compare(fake, a, b, runs[lang][0], *paper_flags(tmp_path))
        assert code == 0, err
    table_csv = tmp_path / "table.csv"
    code, out, err = run_cli("paper-table", str(runs["zh"][0]), str(runs["ko"][0]), "--csv", str(table_csv))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:8] == ["system", "baseline", "lang", "judge", "rule", "judged", "pending", "W%"]
    for line, (lang, (_, want)) in zip(lines[1:3], runs.items(), strict=True):
        cells = line.split()
        assert cells[:5] == ["plug", "base", lang, "openai:scripted", "paper"]
        assert cells[7:11] == [want["win"][:-1], want["tie"][:-1], want["loss"][:-1], want["error"][:-1]]
        assert cells[11].lstrip("+-") == want["diff_abs"][:-1]
    rows = list(csv.DictReader(table_csv.open(encoding="utf-8")))
    assert [r["row"] for r in rows] == ["comparison", "comparison", "mean of 2"]
    deltas = [float(r["delta"]) for r in rows[:2]]
    assert float(rows[2]["delta"]) == pytest.approx(sum(deltas) / 2)
    low, high = _bootstrap_mean_delta([w["signs"] for _, w in runs.values()], seed=0, n_resamples=2000)
    assert (float(rows[2]["delta_ci_low"]), float(rows[2]["delta_ci_high"])) == (pytest.approx(low),
                                                                               pytest.approx(high))
    assert lines[3].split()[:3] == ["mean", "of", "2"] and f"{sum(deltas) / 2:+.1f}" in lines[3]

    from plug_eval.reports.render import build_report

    build_report([runs["zh"][0], runs["ko"][0]], tmp_path / "report" / "report.html")
    page = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    section = page.split('id="paper-table"', 1)[1].split("</section>", 1)[0]
    assert section.count("<tr data-judge=") == 2 and "Mean of 2" in section
    assert f"{sum(deltas) / 2:+.1f}" in section and f"{float(rows[0]['win_pct']):.1f}" in section


def test_the_table_refuses_what_the_paper_does_not_count(fake, tmp_path):
    a, b = answer_files(tmp_path, ITEMS[:4])
    assert compare(fake, a, b, tmp_path / "one", "--orders", "1")[0] == 0
    code, out, err = run_cli("paper-table", str(tmp_path / "one"))
    assert code == 2 and "one order per item" in err and len(err.strip().splitlines()) == 1
