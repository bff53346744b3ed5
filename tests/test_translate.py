"""``plug-train translate`` against tests/fakeserver.py (a rule-based translator there), its own process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from plug_eval import languages
from plug_eval import translate as T
from plug_eval.llm.engine import Limits
from plug_eval.llm.jobs import plan_job, run_job
from plug_eval.translate import split_reply, validate
from tests.conftest import exe
from tests import fakeserver
from tests.fakeserver import tag

HERE = Path(__file__).resolve().parent
CODE = "```python\nprint('blue')\n```"
SOURCE = {"id": "s", "instruction": "Explain why the sky is blue to a curious child in two short sentences.",
          "response": "The sky looks blue because air scatters blue sunlight more than red light. "
                      "The effect is called Rayleigh scattering, described in 1871.\n\n" + CODE}
ZH_RESPONSE = "天空看起来是蓝色的，因为空气散射蓝色阳光比红光更多。这种效应叫做瑞利散射，于1871年被描述。\n\n" + CODE


# --------------------------------------------------------------------------- the split and the checks


def test_a_good_reply_splits_and_passes():
    reply = f"### 指令:\n向好奇的孩子用两句话解释为什么天空是蓝色的。\n### 回复：\n{ZH_RESPONSE}"
    parts, reasons = validate(SOURCE, reply, "zh")
    assert reasons == []
    assert parts == {"instruction": "向好奇的孩子用两句话解释为什么天空是蓝色的。", "response": ZH_RESPONSE}


def test_the_response_starts_at_the_first_label_after_the_instruction():
    reply = "**지시문:** 질문의 답변: 줄 가운데\n답변：\n첫 줄\n### 답변: 본문 속 라벨"
    assert split_reply(reply, "ko") == ("질문의 답변: 줄 가운데", "첫 줄\n### 답변: 본문 속 라벨")


@pytest.mark.parametrize("reply, reason", [
    (f"### 指令:\n解释天空为什么是蓝色的。\n{ZH_RESPONSE}", "missing_part: no '回复:' label line"),
    (f"### 回复:\n{ZH_RESPONSE}", "missing_part: no '指令:' label line"),
    (f"### 指令:\n\n### 回复:\n{ZH_RESPONSE}", "empty_part: the instruction is empty"),
    ("### 指令:\n解释天空为什么是蓝色的。\n### 回复:\n" + SOURCE["response"], "wrong_language: 0% of the response"),
    ("### 指令:\n解释天空为什么是蓝色的。\n### 回复:\n" + ZH_RESPONSE.replace(CODE, "代码省略了。"),
     "code_block_lost: 1 of 1 code block(s) of the response"),
    ("### 指令:\n解释天空为什么是蓝色的。\n### 回复:\n" + ZH_RESPONSE.replace("print('blue')", "print('蓝')"),
     "code_block_lost: 1 of 1"),
    ("### 指令:\n解释。\n### 回复:\n天空是蓝的。\n\n" + CODE, "length_ratio: 0."),
    ("### 指令:\n解释天空为什么是蓝色的。\n### 回复:\n" + (ZH_RESPONSE + "\n\n") * 5, "length_ratio: 3.68"),
])
def test_each_failure_has_its_reason(reply, reason):
    parts, reasons = validate(SOURCE, reply, "zh")
    assert parts is None and any(r.startswith(reason) for r in reasons), reasons


def test_a_reply_cut_at_max_tokens_fails_even_if_it_splits():
    reply = f"### 指令:\n向好奇的孩子用两句话解释为什么天空是蓝色的。\n### 回复:\n{ZH_RESPONSE}"
    assert validate(SOURCE, reply, "zh", finish_reason="length")[1] == ["truncated: the reply hit max_tokens"]


def test_labels_are_the_papers_for_its_four_languages():
    labels = {code: languages.get(code).labels for code in ("zh", "ko", "it", "es")}
    assert labels["zh"] == ("指令", "回复") and labels["ko"] == ("지시문", "답변")
    assert labels["it"] == ("Istruzione", "Risposta") and labels["es"] == ("Instrucción", "Respuesta")


def test_max_tokens_is_at_least_twice_the_source_tokens():
    long_row = {"id": 1, "instruction": "Summarize. " * 50, "response": "A long answer, word after word. " * 200}
    for lang in ("zh", "ko", "it", "es"):
        src = T.est_tokens(long_row["instruction"]) + T.est_tokens(long_row["response"])
        assert T.max_tokens_for(long_row, lang) >= 2 * src
        assert T.max_tokens_for({"id": 2, "instruction": "Hi", "response": "Hello"}, lang) == T.MIN_MAX_TOKENS


# --------------------------------------------------------------------------- the fake server and the CLI


class Fake:
    """The fake server (tests/fakeserver.py) as a translator: which translations it was paid for."""

    def __init__(self, tmp: Path, delay_ms: float = 0) -> None:
        self.server = fakeserver.start(latency_ms=delay_ms)
        self.url = self.server.openai

    def calls(self) -> list[dict]:
        """One ``{lang, tag}`` per reply made, even when the client had gone (paid)."""
        return [{"lang": e["lang"], "tag": e["tag"]} for e in self.server.paid("translate")]

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def fake(tmp_path):
    server = Fake(tmp_path)
    yield server
    server.stop()


def rows(n: int, faults: dict[int, str] | None = None) -> list[dict]:
    out = []
    for i in range(n):
        instruction = f"Explain in simple words how a bicycle stays upright when it moves, case number {i}."
        response = ("A moving bicycle stays upright because the rider steers into any lean and the wheels "
                    f"act like gyroscopes. Case {i} shows the same idea with a short program.\n\n"
                    f"```python\nspeed = {i}\nprint(speed)\n```")
        if faults and i in faults:
            instruction += " " + faults[i]
        out.append({"id": f"row-{i:02d}", "instruction": instruction, "response": response})
    return out


def write_json(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def cli(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([exe("plug-train"), *argv], check=False, capture_output=True, text=True,
                          timeout=300,
                          env={**os.environ, **(env or {})})


def summary_of(out: Path) -> dict:
    """The run's summary (the command prints a line; the numbers are in translate.json)."""
    return json.loads((out / "translate.json").read_text(encoding="utf-8"))


def translate_args(src: Path, out: Path, fake: Fake, *extra: str) -> list[str]:
    return ["translate", "--input", str(src), "--target", "zh,ko", "--model", "openai:fake-translator",
            "--base-url", fake.url, "--out", str(out), "--quiet", *extra]


def test_kill_nine_mid_run_then_resume_repays_at_most_the_calls_in_flight(tmp_path):
    server = Fake(tmp_path, delay_ms=150)
    try:
        src = write_json(tmp_path / "in.json", rows(30))
        out = tmp_path / "run"
        concurrency = 4
        args = translate_args(src, out, server, "--concurrency", str(concurrency))
        proc = subprocess.Popen([exe("plug-train"), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(server.calls()) < 20 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        before = len(server.calls())
        assert 20 <= before < 60, "the kill must land mid-run"
        time.sleep(0.5)  # the calls in flight at the kill still complete on the server (paid)
        done = cli(*args)
        assert done.returncode == 0, done.stderr
        summary = summary_of(out)
        assert "30 of 30 rows translated into zh,ko" in done.stdout
        paid = Counter((c["lang"], c["tag"]) for c in server.calls())
        assert len(paid) == 60
        repaid = sum(n - 1 for n in paid.values())
        assert repaid <= concurrency, f"{repaid} calls paid twice"
        assert summary["complete_rows"] == 30 and summary["failed_translations"] == 0
        parallel = read_jsonl(out / "parallel.jsonl")
        assert [r["id"] for r in parallel] == [r["id"] for r in rows(30)]
        for r in parallel:
            for lang in ("zh", "ko"):
                assert r[f"instruction_{lang}"].startswith(f"[{tag(r['instruction_en'])}] ")
                assert r[f"response_{lang}"].startswith(f"[{tag(r['response_en'])}] ")
                assert f"```python\nspeed = {r['id'][-2:].lstrip('0') or '0'}\n" in r[f"response_{lang}"]
            assert r["translator"] == {"model": "openai:fake-translator", "prompt_sha256": T.PROMPT_SHA256}
        # the build-data format: every language present and non-empty
        from plug_eval.parallel import read_parallel

        assert len(read_parallel(out / "parallel.jsonl", ["zh", "ko"])) == 30
        total = len(server.calls())
        again = cli(*args)
        assert again.returncode == 0 and summary_of(out)["calls_made"] == 0 and "0 calls" in again.stdout
        assert len(server.calls()) == total
    finally:
        server.stop()


def test_failures_are_recorded_with_reasons_and_retry_failed_asks_only_them(tmp_path, fake):
    faults = {1: "FAULT_NO_RESPONSE", 2: "FAULT_ENGLISH", 3: "FAULT_DROP_CODE"}
    src = write_json(tmp_path / "in.json", rows(6, faults))
    out = tmp_path / "run"
    done = cli(*translate_args(src, out, fake, "--spot-check", "4"))
    assert done.returncode == 0, done.stderr
    summary = summary_of(out)
    assert summary["complete_rows"] == 3 and summary["failed_translations"] == 6
    assert summary["failure_reasons"] == {"code_block_lost": 2, "missing_part": 2, "wrong_language": 2}
    failures = read_jsonl(out / "failures.jsonl")
    by = {(f["id"], f["lang"]): f["reasons"] for f in failures}
    assert by[("row-01", "ko")] == ["missing_part: no '답변:' label line"]
    assert by[("row-02", "zh")][0].startswith("wrong_language:")
    assert by[("row-03", "zh")][0].startswith("code_block_lost:")
    assert [r["id"] for r in read_jsonl(out / "parallel.jsonl")] == ["row-00", "row-04", "row-05"]
    page = (out / "spotcheck.html").read_text(encoding="utf-8")
    shown = [r for r in rows(6, faults) if f"<th>{r['id']}<br>instruction</th>" in page]
    assert len(shown) == 4 and page.count("<br>response</th>") == 4
    for r in shown:  # the source beside its translation, or a dash where it failed
        assert r["instruction"] in page
        assert (f"[{tag(r['instruction'])}]" in page) == (r["id"] in ("row-00", "row-04", "row-05"))

    n = len(fake.calls())
    again = cli(*translate_args(src, out, fake, "--retry-failed"))
    assert again.returncode == 0, again.stderr
    asked = fake.calls()[n:]
    assert sorted((c["tag"], c["lang"]) for c in asked) == sorted(
        (tag(rows(6, faults)[int(i[-1])]["instruction"]), lang) for i, lang in by)
    assert summary_of(out)["calls_made"] == 6


def test_allow_partial_builds_each_language_from_the_rows_that_have_it(tmp_path):
    from plug_train.build_data import build_data

    base = {"instruction_en": "Say hi.", "response_en": "Hi."}
    partial = [{"id": "a", **base, "instruction_zh": "说你好。", "response_zh": "你好。",
                "instruction_ko": "인사하세요.", "response_ko": "안녕하세요."},
               {"id": "b", **base, "instruction_zh": "说嗨。", "response_zh": "嗨。"},
               {"id": "c", **base, "instruction_ko": "안녕이라고 하세요.", "response_ko": "안녕."},
               {"id": "d", **base, "instruction_ko": "", "response_ko": "반쪽."}]  # used for nothing
    src = tmp_path / "partial.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in partial), encoding="utf-8")
    from plug_eval.errors import PlugEvalError

    with pytest.raises(PlugEvalError, match=r"partial.jsonl:2: missing or empty instruction_ko, response_ko"):
        build_data(str(src), "zh,ko", "plug", str(tmp_path / "strict"))
    assert build_data(str(src), "zh,ko", "plug", str(tmp_path / "out"), allow_partial=True) == {"plug.jsonl": 4}
    built = sorted((r["id"], r["lang"]) for r in read_jsonl(tmp_path / "out" / "plug.jsonl"))
    assert built == [("a", "ko"), ("a", "zh"), ("b", "zh"), ("c", "ko")]


# --------------------------------------------------------------------------- money and bad input


def test_dry_run_counts_calls_estimates_output_from_source_and_writes_nothing(tmp_path, fake):
    one = rows(1)
    src = write_json(tmp_path / "in.json", one)
    prices = write_json(tmp_path / "prices.json", {"fake-translator": {"input": 1.0, "output": 2.0}})
    done = cli(*translate_args(src, tmp_path / "run", fake, "--dry-run", "--prices", str(prices)))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("2 translations: 0 stored, 2 to call; translator openai:fake-translator; "
                                "estimated cost $")
    # the output is estimated from the source: ceil(source tokens x the language's expansion)
    src_tokens = T.est_tokens(one[0]["instruction"]) + T.est_tokens(one[0]["response"])
    for line, lang in zip(lines[:2], ("zh", "ko"), strict=True):
        row_id, part, _, estimate = line.split("\t")
        system, user = T.messages_for(one[0], "en", lang)
        n_ascii = sum(ord(ch) < 128 for ch in system + user)
        n_in = n_ascii / 4 + (len(system + user) - n_ascii)
        n_out = -(-src_tokens * int(languages.get(lang).expansion * 100) // 100)
        assert (row_id, part) == ("row-00", lang)
        assert estimate == f"call, est. ${(n_in * 1.0 + n_out * 2.0) / 1e6:.4f}"
    assert not (tmp_path / "run").exists() and fake.calls() == []


def test_max_cost_stops_before_the_budget_and_never_exceeds_it(tmp_path, fake):
    src = write_json(tmp_path / "in.json", rows(10))
    prices = write_json(tmp_path / "prices.json", {"fake-translator": {"input": 100.0, "output": 100.0}})
    done = cli(*translate_args(src, tmp_path / "run", fake, "--max-cost", "0.5", "--prices", str(prices),
                               "--concurrency", "2"))
    assert done.returncode == 3, done.stderr  # stopped by the budget
    summary = summary_of(tmp_path / "run")
    assert summary["stopped"] == "budget" and 0 < summary["calls_made"] < 20 and "STOPPED (budget)" in done.stdout
    assert summary["cost_usd"] <= 0.5 and len(fake.calls()) == summary["calls_made"]
    reasons = {r.split(":")[0] for f in read_jsonl(tmp_path / "run" / "failures.jsonl") for r in f["reasons"]}
    assert reasons == {"not_translated"}
    # the budget is the directory's total: the same --max-cost again makes no call, a larger one
    # only what fits in the difference
    args = translate_args(src, tmp_path / "run", fake, "--prices", str(prices), "--concurrency", "2")
    cli(*args, "--max-cost", "0.5")
    again = summary_of(tmp_path / "run")
    assert again["calls_made"] == 0 and again["stopped"] == "budget" and len(fake.calls()) == summary["calls_made"]
    cli(*args, "--max-cost", "1.0")
    more = summary_of(tmp_path / "run")
    assert more["calls_made"] > 0 and more["cost_usd_all_runs"] <= 1.0
    assert more["cost_usd_all_runs"] == pytest.approx(summary["cost_usd"] + more["cost_usd"])


@pytest.mark.parametrize("argv, problem", [
    (["--target", "zh,xx"], "--target 'zh,xx': unknown language code 'xx'"),
    (["--target", "en"], "--target 'en': en is the source language"),
    (["--model", "gpt-4o"], "--model 'gpt-4o': expected BACKEND:MODEL"),
    (["--model", "nosuch:m"], "unknown backend 'nosuch'"),
    (["--concurrency", "0"], "--concurrency must be at least 1"),
    # the engine's limits are checked by the one owner plug-judge uses too (engine.Limits.check)
    (["--max-retries", "-1"], "--max-retries must be 0 or more, not -1"),
    (["--timeout", "0"], "--timeout must be more than 0 seconds"),
    (["--max-cost", "nan"], "--max-cost must be 0 or more USD, not nan"),
    (["--max-cost", "1"], "--max-cost: no price known for model 'fake-translator'"),
])
def test_bad_options_fail_in_one_line_before_any_call(tmp_path, fake, argv, problem):
    src = write_json(tmp_path / "in.json", rows(2))
    args = translate_args(src, tmp_path / "run", fake)
    for flag, value in zip(argv[::2], argv[1::2]):
        if flag in args:
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    done = cli(*args)
    assert done.returncode == 2 and problem in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert fake.calls() == [] and not (tmp_path / "run").exists()


@pytest.mark.parametrize("content, problem", [
    ('{"instruction": "a", "response": "b"}\n{"instruction": "c"}\n', "in.jsonl:2: missing or empty response"),
    ('[{"instruction": "a", "output": "b"}, 7]', "in.jsonl: item 1: each row must be a JSON object"),
    ('{"id": 1, "instruction": "a", "response": "b"}\n{"id": 1, "instruction": "c", "response": "d"}\n',
     "duplicate id 1"),
    ('{"messages": [{"role": "user", "content": "a"}]}\n', "single-turn only"),
    ('{"instruction": "a", "response": "b"\n', "in.jsonl:1: not valid JSON"),
])
def test_bad_input_rows_name_the_file_and_line(tmp_path, fake, content, problem):
    (tmp_path / "in.jsonl").write_text(content, encoding="utf-8")
    done = cli(*translate_args(tmp_path / "in.jsonl", tmp_path / "run", fake))
    assert done.returncode == 2 and problem in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert fake.calls() == []


def test_every_accepted_input_shape_reads_the_same(tmp_path):
    shapes = [
        {"id": 7, "instruction": "Add 2 and 3.", "response": "5"},
        {"id": 7, "instruction": "Add 2 and 3.", "output": "5"},
        {"id": 7, "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Add 2 and 3."},
                               {"role": "assistant", "content": "5"}]},
        {"id": 7, "instruction_en": "Add 2 and 3.", "response_en": "5"},
    ]
    for i, shape in enumerate(shapes):
        path = write_json(tmp_path / f"list{i}.json", [shape])
        assert T.read_source(path) == [{"id": 7, "instruction": "Add 2 and 3.", "response": "5"}]
    (tmp_path / "alpaca.jsonl").write_text(json.dumps({"instruction": "Add these.", "input": "2, 3",
                                                       "output": "5"}) + "\n")
    assert T.read_source(tmp_path / "alpaca.jsonl") == [{"id": 1, "instruction": "Add these.\n\n2, 3",
                                                         "response": "5"}]


def test_anthropic_and_a_local_hf_model_translate_through_the_same_engine(tmp_path, fake):
    from plug_eval.tiny import build_tiny_model

    src = write_json(tmp_path / "in.json", rows(3))
    done = cli("translate", "--input", str(src), "--target", "ko", "--model", "anthropic:fake-claude",
               "--base-url", fake.url.removesuffix("/v1"), "--out", str(tmp_path / "claude"), "--quiet",
               env={"ANTHROPIC_API_KEY": ""})
    assert done.returncode == 0, done.stderr
    summary = summary_of(tmp_path / "claude")
    assert summary["complete_rows"] == 3 and summary["calls_made"] == 3 and len(fake.calls()) == 3
    ko = read_jsonl(tmp_path / "claude" / "parallel.jsonl")[0]["response_ko"]
    assert ko.startswith(f"[{tag(rows(3)[0]['response'])}] 우리는")
    # a random-weights model cannot translate: its replies are checked and failed, at no cost
    tiny_model = build_tiny_model(tmp_path / "tiny", max_positions=1024)  # prompt ~620 + 256 new tokens
    opts = Limits(out=tmp_path / "hf", progress=None)

    def translate_locally() -> dict:  # the library path: a job, planned and run by the call layer
        job = T.make_job(str(src), "zh", f"hf:{tiny_model}", overrides={"batch_size": 3})
        return run_job(plan_job(job, opts), opts).summary

    summary = translate_locally()
    assert summary["calls_made"] == 3 and summary["cost_usd"] == 0.0 and summary["complete_rows"] == 0
    assert summary["failed_translations"] == 3 and "missing_part" in summary["failure_reasons"]
    assert translate_locally()["calls_made"] == 0


def test_a_call_that_keeps_failing_is_a_recorded_failure_and_is_retried_only_on_request(tmp_path, fake):
    src = write_json(tmp_path / "in.json", rows(2, {1: "FAULT_500"}))
    args = translate_args(src, tmp_path / "run", fake, "--max-retries", "1")
    first = cli(*args)
    summary = summary_of(tmp_path / "run")
    assert summary["complete_rows"] == 1 and summary["call_errors"] == 2
    assert "2 translations are stored as errors (server 2)" in first.stderr and "--retry-errors" in first.stderr
    failures = read_jsonl(tmp_path / "run" / "failures.jsonl")
    assert {(f["id"], f["lang"]) for f in failures} == {("row-01", "zh"), ("row-01", "ko")}
    assert all(f["reasons"][0].startswith("call_failed: ") for f in failures)
    cli(*args)
    assert summary_of(tmp_path / "run")["calls_made"] == 0  # a plain rerun does not pay for errors again
    cli(*args, "--retry-failed")
    assert summary_of(tmp_path / "run")["calls_made"] == 2
