"""What a user meets first on the command lines (issue 26, items 4 and 5): each rough edge a test.

The judging commands run against the one fake server (tests/fakeserver.py) on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import conftest_judge
import pytest
from conftest_judge import KEY, answers, lm_eval_line, pair_files, read_jsonl, run_cli, summary, write_json, write_jsonl

from tests.conftest import exe

server, fake = conftest_judge.server, conftest_judge.fake  # pytest finds fixtures by module attribute


def no_key_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")}


# --------------------------------------------------------------------------- item 4: pricing and checking


def test_validate_needs_no_out_and_writes_nothing(fake, tmp_path):
    a, b = pair_files(tmp_path, n=3)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run_cli("validate", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai)
    assert code == 0, err
    assert "ok: 3 items of 3; judge openai:fair" in out and "6 judgments, 6 to call" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == before and fake.log() == []


def test_dry_run_prices_a_run_with_no_key_and_no_server(tmp_path):
    a, b = pair_files(tmp_path, n=3)
    dead = "http://127.0.0.1:9/v1"  # nothing listens: a dry run must not call
    res = subprocess.run([exe("plug-judge"), "compare", str(a), str(b), "--judge", "anthropic:claude-3-5-haiku",
                          "--base-url", dead, "--out", str(tmp_path / "run"), "--dry-run"], capture_output=True,
                         text=True, env=no_key_env())
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[-1].startswith("6 judgments: 0 stored, 6 to call; judge anthropic:claude-3-5-haiku")
    assert not (tmp_path / "run").exists()


def test_empty_answers_are_warned_about_before_any_call_and_refused_above_a_share(fake, tmp_path):
    rows = answers(10, 2)
    for r in rows[:3]:
        r["output"] = "  "
    a = write_json(tmp_path / "a.json", rows)
    b = write_json(tmp_path / "b.json", answers(10, 1))
    run = tmp_path / "run"
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(run), "--quiet")
    assert code == 2 and err.count("\n") == 1 and "3 of 10 answers of a are empty" in err and "--allow-empty" in err
    assert fake.log() == [] and not run.exists()
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(run), "--quiet", "--allow-empty")
    assert code == 0 and "warning: 3 of 10 answers of a (A) are empty" in err, err
    rows[0]["output"] = "回答0，这是一个中文的回答。 quality=2"  # 2 of 10: under the share, judged, warned
    rows[1]["output"] = rows[0]["output"]
    write_json(a, rows)
    code, _, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                           "--out", str(tmp_path / "run2"), "--quiet")
    assert code == 0 and "warning: 1 of 10 answers of a (A) are empty" in err, err


def test_pivot_samples_default_to_plug_extract_and_systems_take_lm_evals_model_names(fake, tmp_path):
    def samples(folder: Path, model_args: str, quality: int) -> Path:
        folder.mkdir()
        rows = [lm_eval_line(i, f"回答{i} quality={quality}", raw=f"English response:\nx\n\n中文回复：\n回答{i}",
                             filt=f) for i in range(3) for f in ("plug_extract", "paper_extract")]
        write_json(folder / "results_2026-12-01T00-00-00.json",
                   {"model_name": model_args.split(",")[0].split("=")[1], "config": {"model_args": model_args}})
        return write_jsonl(folder / "samples_xalpacaeval_pivot_zh_2026-12-01T00-00-00.jsonl", rows)

    a = samples(tmp_path / "plug", "pretrained=/ckpt/llama-2-13b,peft=/ckpt/plug-lora-zh", 3)
    b = samples(tmp_path / "base", "pretrained=/ckpt/llama-2-13b-chat/", 1)
    run = tmp_path / "run"
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(run), "--quiet")
    assert code == 0, err
    assert out.startswith("plug-lora-zh vs llama-2-13b-chat (zh, judge openai:fair)")
    assert summary(run)["provenance"]["files"][0]["path"].endswith(a.name)
    assert {r["id"] for r in read_jsonl(run / "items.jsonl")} == {"q0", "q1", "q2"}
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(tmp_path / "named"), "--quiet", "--name-a", "PLUG", "--name-b", "chat")
    assert code == 0 and out.startswith("PLUG vs chat"), err


def test_compare_limit_judges_the_first_items_and_a_later_run_the_rest(fake, tmp_path):
    a, b = pair_files(tmp_path, n=6)
    run = tmp_path / "run"
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(run), "--quiet", "--limit", "2")
    assert code == 0 and summary(run)["n_items"] == 2 and len(fake.log()) == 4, err
    code, out, err = run_cli("compare", str(a), str(b), "--judge", "openai:fair", "--base-url", fake.openai,
                             "--out", str(run), "--quiet")
    assert code == 0 and summary(run)["n_items"] == 6 and len(fake.log()) == 12, err  # 4 stored, 8 made
    code, _, err = run_cli("compare", str(a), str(b), "--judge", "rules", "--out", str(tmp_path / "x"), "--limit", "0")
    assert code == 2 and "--limit must be at least 1, not 0" in err


# --------------------------------------------------------------------------- item 5: rough edges


def test_a_closed_pipe_ends_quietly():
    res = subprocess.run(f"{exe('plug-judge')} judges | head -1", shell=True, capture_output=True, text=True)
    assert res.stdout.startswith("presets (--judge NAME):") and "Traceback" not in res.stderr, res.stderr
    assert res.stderr == ""


def test_did_you_mean_names_each_suggestion_once(tmp_path):
    code, _, err = run_cli("compare", "a", "b", "--judge", "rulez", "--out", str(tmp_path / "r"))
    assert code == 2 and "Did you mean: rules?" in err and "rules, rules" not in err


def test_out_names_the_output_of_every_command(tmp_path):
    def accepts_out(*argv: str) -> bool:
        res = subprocess.run([exe(argv[0]), *argv[1:], "--help"], capture_output=True, text=True)
        return res.returncode == 0 and "--out" in res.stdout

    assert accepts_out("plug-judge", "compare") and accepts_out("plug-judge", "truthful")
    assert accepts_out("plug-judge", "report") and accepts_out("plug-judge", "import-alpacaeval")
    assert accepts_out("plug-train", "train") and accepts_out("plug-train", "build-data")
    assert accepts_out("plug-train", "translate") and accepts_out("plug-eval", "demo")
    from plug_train.cli import parser

    args = parser().parse_args(["train", "--model", "m", "--data", "d", "--out", "o"])
    assert args.output == "o"  # --out and --output are one flag
    assert parser().parse_args(["train", "--model", "m", "--data", "d", "--output", "o"]).output == "o"


def test_translate_that_completes_nothing_exits_1_with_the_command_that_asks_again(fake, tmp_path):
    rows = [{"id": f"r{i}", "instruction": f"Say hello, take {i}. FAULT_500", "response": "Hello there, friend."}
            for i in range(2)]
    src = write_json(tmp_path / "in.json", rows)
    res = subprocess.run([exe("plug-train"), "translate", "--input", str(src), "--target", "zh", "--model",
                          "openai:fake-translator", "--base-url", fake.openai, "--out", str(tmp_path / "tr"),
                          "--quiet", "--max-retries", "0"], capture_output=True, text=True,
                         env={**os.environ, "OPENAI_API_KEY": KEY})
    assert res.returncode == 1, res.stderr
    assert "no row was translated" in res.stderr and "--retry-failed" in res.stderr


def test_build_data_takes_the_shipped_parallel_sample(tmp_path):
    res = subprocess.run([exe("plug-train"), "build-data", "--parallel", "sample", "--target", "zh", "--mode", "plug",
                          "--out", str(tmp_path / "data")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    written = json.loads(res.stdout)
    assert written["plug.jsonl"] > 100 and len(read_jsonl(tmp_path / "data" / "plug.jsonl")) == written["plug.jsonl"]


@pytest.mark.parametrize("argv", [["plug-judge", "--help"], ["plug-eval", "--help"], ["plug-train", "--help"]])
def test_help_loads_no_sdk_and_no_model_library(argv):
    """--help stays cheap (issue 28): its time is measured in bench/cli; here what it must not load."""
    module = {"plug-judge": "plug_eval.judges.cli", "plug-eval": "plug_eval.cli", "plug-train": "plug_train.cli"}
    code = (f"import sys; sys.argv = {argv!r}; import {module[argv[0]]} as m\n"
            "try: m.main(['--help'])\nexcept SystemExit: pass\n"
            "print(sorted(x for x in ('torch', 'transformers', 'lm_eval', 'openai', 'anthropic', 'numpy', 'scipy', "
            "'jinja2') if x in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip().splitlines()[-1] == "[]", res.stdout[-500:] + res.stderr


# --------------------------------------------------------------------------- item 3: a smoke run that looks hung


@pytest.mark.slow
def test_a_long_generation_budget_is_said_once_with_the_quick_check(tmp_path):
    env = {**os.environ, "XALPACAEVAL_DATA_DIR": "sample"}
    base = [exe("plug-eval"), "run", "--model", "dummy", "--tasks", "xalpacaeval_zh", "--limit", "1"]
    res = subprocess.run(base, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    said = [ln for ln in res.stderr.splitlines() if "each request may generate up to" in ln]
    assert len(said) == 1 and "--gen_kwargs max_gen_toks=64" in said[0], res.stderr[-2000:]
