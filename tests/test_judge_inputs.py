"""Answer files: the three formats, and every bad input (one line naming the file, exit 2, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest_judge import answers, lm_eval_line, read_jsonl, run_cli, snapshot, summary, write_json, write_jsonl

from plug_eval.pivot import build_response


def rules(a: Path, b: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("compare", str(a), str(b), "--judge", "rules", "--out", str(out), "--quiet", *extra)


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


GOOD = answers(6, 2)
OTHER = answers(6, 1)


def _dup() -> list:
    return GOOD + [GOOD[0]]


def _changed_instruction() -> list:
    recs = [dict(r) for r in OTHER]
    recs[2]["instruction"] = "A different question"
    return recs


def _no_output() -> list:
    recs = [dict(r) for r in OTHER]
    del recs[3]["output"]
    return recs


def _multi_filter(filters: tuple[str, ...] = ("none", "paper_extract")) -> bytes:
    """Samples with several filters; with plug_extract among them it is the default (issue 26)."""
    rows = [lm_eval_line(i, f"回答{i}", filt=f) for i in range(3) for f in filters]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def _no_doc_id() -> bytes:
    row = lm_eval_line(0, "回答")
    del row["doc"]["id"]
    return (json.dumps(row, ensure_ascii=False) + "\n").encode()


BAD_B = {  # name: (content of B or None for a missing file, extra args, expected message)
    "missing-file": (None, [], "cannot read: No such file or directory"),
    "empty": (b"  \n", [], "empty file"),
    "bad-json": (b'[{"id": "q0", "output": "x"', [], "not valid JSON"),
    "bad-jsonl-line": (b'{"id": "q0", "output": "x"}\n{"id": oops}\n', [], "b.json:2: not valid JSON"),
    "not-utf8": ('[{"id": "q0", "output": "caf\u00e9"}]'.encode("latin-1"), [], "not UTF-8 text"),
    "not-objects": (b"[1, 2, 3]", [], "record 1 is a int, not a JSON object"),
    "no-answer-field": (_json(_no_output()), [], "record 4 (id q3) has no 'output' or 'response' field"),
    "duplicate-id": (_json(_dup()), [], "duplicate id 'q0'"),
    "several-filters": (_multi_filter(), [],
                        "lines for several filters (none, paper_extract): choose one with --filter"),
    "unknown-filter": (_multi_filter(), ["--filter", "nope"], "no lines with filter 'nope'"),
    "lm-eval-no-id": (_no_doc_id(), [], "line 1: the doc has no 'id' to join on"),
}


@pytest.mark.parametrize("case", sorted(BAD_B))
def test_bad_b_file_is_one_line_exit_2_and_leaves_the_run_dir_untouched(case, tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    good_b = write_json(tmp_path / "good_b.json", OTHER)
    out = tmp_path / "run"
    assert rules(a, good_b, out, "--lang", "zh")[0] == 0
    before = snapshot(out)
    content, extra, message = BAD_B[case]
    b = tmp_path / "b.json"
    if content is not None:
        b.write_bytes(content)
    code, stdout, err = rules(a, b, out, "--lang", "zh", *extra)
    assert code == 2, err
    # the file is named as "{b}: problem", or "{b}:LINE: problem" when a line is wrong
    assert err.count("\n") == 1 and err.startswith(f"plug-judge: error: {b}:") and message in err, err
    assert "Traceback" not in err and stdout == ""
    assert snapshot(out) == before


def test_a_directory_is_not_an_answer_file(tmp_path):
    b = write_json(tmp_path / "b.json", OTHER)
    code, _, err = rules(tmp_path, b, tmp_path / "run", "--lang", "zh")
    assert code == 2 and f"{tmp_path}: is a directory" in err and not (tmp_path / "run").exists()


def test_instruction_differing_between_files_names_both_files_a_first(tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    b = write_json(tmp_path / "b.json", _changed_instruction())
    code, _, err = rules(a, b, tmp_path / "run", "--lang", "zh")
    assert code == 2 and f"error: {a}: {b}: id q2: the instruction differs between the files" in err
    assert not (tmp_path / "run").exists()


def test_missing_ids_name_both_files_the_first_five_and_the_count(tmp_path):
    a = write_json(tmp_path / "a.json", answers(12, 2))
    b = write_json(tmp_path / "b.json", answers(4, 1))
    code, _, err = rules(a, b, tmp_path / "run", "--lang", "zh")
    assert code == 2 and err.count("\n") == 1
    assert f"error: {a}: {b}: ids missing on one side: 8 only in A (first: q4, q5, q6, q7, q8)" in err
    assert "--allow-missing" in err and not (tmp_path / "run").exists()


def test_allow_missing_judges_shared_ids_and_records_the_missing(tmp_path):
    a = write_json(tmp_path / "a.json", answers(8, 2))
    b = write_json(tmp_path / "b.json", answers(6, 1)[1:])
    code, _, err = rules(a, b, tmp_path / "run", "--lang", "zh", "--allow-missing")
    assert code == 0, err
    s = summary(tmp_path / "run")
    assert s["n_items"] == 5
    assert s["run"]["missing"] == {"only_in_a": ["q0", "q6", "q7"], "only_in_b": []}


def test_no_language_anywhere_asks_for_lang(tmp_path):
    recs = [{k: v for k, v in r.items() if k != "lang"} for r in GOOD]
    a = write_json(tmp_path / "a.json", recs)
    b = write_json(tmp_path / "b.json", [{k: v for k, v in r.items() if k != "lang"} for r in OTHER])
    code, _, err = rules(a, b, tmp_path / "run")
    assert code == 2 and f"{a}: the answers carry no language: pass --lang CODE" in err


def test_language_conflicting_with_lang_flag(tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    b = write_json(tmp_path / "b.json", OTHER)
    code, _, err = rules(a, b, tmp_path / "run", "--lang", "ko")
    assert code == 2 and "the file says language 'zh' but --lang is 'ko'" in err


def test_run_dir_of_another_comparison_is_refused_untouched(tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    b = write_json(tmp_path / "b.json", OTHER)
    c = write_json(tmp_path / "c.json", OTHER)
    assert rules(a, b, tmp_path / "run", "--lang", "zh")[0] == 0
    before = snapshot(tmp_path / "run")
    code, _, err = rules(a, c, tmp_path / "run", "--lang", "zh")
    assert code == 2 and "holds a vs b (pairwise); use another --out for a vs c" in err
    assert snapshot(tmp_path / "run") == before


@pytest.mark.parametrize("judge,message", [
    ("opnai:gpt-4o", "Did you mean: openai?"),
    ("gpt4o", "Did you mean: gpt-4o"),
    ("openai", "name a model, e.g. --judge openai:MODEL"),
])
def test_unknown_judge_says_did_you_mean(judge, message, tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    code, _, err = run_cli("compare", str(a), str(a), "--judge", judge, "--out", str(tmp_path / "run"))
    assert code == 2 and message in err and err.count("\n") == 1 and not (tmp_path / "run").exists()


def test_broken_template_is_one_line(tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    tpl = tmp_path / "t.j2"
    tpl.write_text("{{ instruction }\n{{ nope }}")
    code, _, err = rules(a, a, tmp_path / "run", "--template", str(tpl))
    assert code == 2 and "template line" in err and not (tmp_path / "run").exists()
    tpl.write_text("{{ instruction }} {{ unknown_variable }}")
    code, _, err = rules(a, a, tmp_path / "run", "--template", str(tpl))
    assert code == 2 and "unknown variable" in err and "unknown_variable" in err


# --------------------------------------------------------------------------- the formats


def test_lm_eval_samples_pivot_status_recomputed_and_provenance(tmp_path):
    (tmp_path / "plug").mkdir()
    (tmp_path / "base").mkdir()
    ok = build_response("This is the English draft.", "这是中文的最终回答。", "zh")
    raws = [ok, "只有中文，没有标题。", ok]
    rows_a = [lm_eval_line(i, f"这是中文的最终回答{i}。", raw=raws[i], pivot="en", filt="plug_extract")
              for i in range(3)]
    rows_a += [lm_eval_line(i, raws[i], raw=raws[i], pivot="en", filt="none") for i in range(3)]
    a = write_jsonl(tmp_path / "plug" / "samples_xalpacaeval_pivot_zh_2026-01-01T00-00-00.jsonl", rows_a)
    (tmp_path / "plug" / "results_2026-01-01T00-00-00.json").write_text(
        json.dumps({"lm_eval_version": "0.4.13", "model_name": "plug-7b"}))
    b = write_jsonl(tmp_path / "base" / "samples_xalpacaeval_zh_2026.jsonl",
                    [lm_eval_line(i, f"English answer {i}.", fidelity=0.0) for i in range(3)])
    code, _, err = rules(a, b, tmp_path / "run", "--filter", "plug_extract")
    assert code == 0, err
    items = read_jsonl(tmp_path / "run" / "items.jsonl")
    assert [i["status_a"] for i in items] == ["ok", "no_target_header", "ok"]
    assert items[0]["pivot_draft_a"] == "This is the English draft." and items[0]["raw_a"] == ok
    assert items[0]["answer_a"] == "这是中文的最终回答0。" and items[0]["status_b"] is None
    assert items[0]["lang_fidelity_b"] == 0.0 and items[0]["category"] == "koala"
    assert items[0]["source_a"]["format"] == "lm-eval" and len(items[0]["source_a"]["sha256"]) == 64
    s = summary(tmp_path / "run")
    assert s["system_a"] == "plug-7b" and s["system_b"] == "base" and s["win"] == 3
    prov = s["provenance"]
    assert prov["lm_eval_version"] == "0.4.13" and prov["data_source"] == "hub:x" and prov["data_sha256"] == "abc123"
    assert prov["filters"] == {"plug-7b": "plug_extract", "base": "none"}


def test_alpacaeval_outputs_join_on_instruction_and_response_is_accepted(tmp_path):
    recs = answers(4, 2)
    ae = [{"instruction": r["instruction"], "output": r["output"], "generator": "my-model", "dataset": "helpful_base"}
          for r in reversed(recs)]
    plug = [{"id": r["id"], "instruction": r["instruction"], "response": r["output"].replace("quality=2", "x")}
            for r in answers(4, 2)]
    a = write_json(tmp_path / "model_outputs.json", ae)
    b = write_json(tmp_path / "plug.json", plug)
    code, _, err = rules(a, b, tmp_path / "run", "--lang", "zh")
    assert code == 0, err
    items = read_jsonl(tmp_path / "run" / "items.jsonl")
    assert [i["instruction"] for i in items] == [r["instruction"] for r in reversed(recs)]
    assert all(i["answer_b"].endswith("x") for i in items)
    assert summary(tmp_path / "run")["system_a"] == "my-model"


def test_duplicate_instruction_in_alpacaeval_outputs(tmp_path):
    ae = [{"instruction": "Same?", "output": "one"}, {"instruction": "Same?", "output": "two"}]
    a = write_json(tmp_path / "model_outputs.json", ae)
    code, _, err = rules(a, a, tmp_path / "run", "--lang", "en")
    assert code == 2 and f"{a}: duplicate instruction 'Same?'" in err


def test_out_that_is_a_file_is_refused_untouched(tmp_path):
    a = write_json(tmp_path / "a.json", GOOD)
    b = write_json(tmp_path / "b.json", OTHER)
    out = tmp_path / "notes.txt"
    out.write_text("mine")
    code, _, err = rules(a, b, out, "--lang", "zh")
    assert code == 2 and f"{out}: exists and is not a directory" in err and out.read_text() == "mine"
