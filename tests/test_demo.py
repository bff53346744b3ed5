"""``plug-eval demo``: the whole experiment through the real CLIs, in its --quick profile.

One quick demo runs once per module (about a minute); the tests then re-run it in the same
folder: with nothing to do, with the checks enforced, and with an OpenAI-compatible judge (the
suite's fake server) that re-judges without retraining or regenerating.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import exe
from conftest_judge import KEY, start_server

LANGS = ("zh", "ko", "it", "es")
QUICK_LIMIT = 3  # instructions per language in the quick profile
QUICK_STEPS = 30


def demo(out: Path, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], float]:
    t0 = time.perf_counter()
    proc = subprocess.run([exe("plug-eval"), "demo", "--out", str(out), "--quick", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=600)
    return proc, time.perf_counter() - t0


def snapshot(out: Path) -> dict[str, int]:
    """Modification times of everything a re-run must leave alone."""
    skip = {"manifest.json", "summary.txt"}
    return {str(p): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.name not in skip
            and "logs" not in p.parts}


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("demo") / "out"
    proc, _ = demo(out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


def test_quick_demo_runs_every_stage_for_real(quick):
    out, proc = quick
    manifest = json.loads((out / "manifest.json").read_text())
    stages = manifest["stages"]
    expected = {"base", "data", "train-plug", "train-direct", "generate-plug", "generate-direct", "report-rules",
                *(f"judge-rules-{lang}" for lang in LANGS)}
    assert set(stages) == expected and all(s["status"] == "done" for s in stages.values())
    for system in ("plug", "direct"):
        assert stages[f"train-{system}"]["work"] == {"training_steps": QUICK_STEPS}
        assert stages[f"train-{system}"]["command"][1:4] == ["-m", "plug_train", "train"]
        assert (out / "models" / system / "config.json").is_file()
        assert stages[f"generate-{system}"]["work"] == {"generations": QUICK_LIMIT * len(LANGS)}
    for lang in LANGS:
        assert stages[f"judge-rules-{lang}"]["work"] == {"judge_calls": 2 * QUICK_LIMIT}
        summary = json.loads((out / "judgments" / "rules" / lang / "summary.json").read_text())
        assert summary["system_a"] == "plug" and summary["system_b"] == "direct" and summary["n_items"] == QUICK_LIMIT
    # PLUG answers come from the pivot tasks (extracted), the baseline's from the direct tasks
    sample = next((out / "generations" / "plug").rglob("samples_xalpacaeval_pivot_ko_*.jsonl"))
    assert "pivot_ok" in json.loads(sample.read_text().splitlines()[0])
    html = (out / "reports" / "rules" / "report.html").read_text()
    assert all(f"<th>{lang}</th>" in html for lang in LANGS)
    assert f"this run: {2 * QUICK_STEPS} training steps, {2 * QUICK_LIMIT * len(LANGS)} generations" in proc.stdout
    assert "report: " + str(out / "reports" / "rules" / "report.html") in proc.stdout
    assert [line.split()[0] for line in proc.stdout.splitlines() if line[:3].strip() in LANGS] == list(LANGS)
    assert (out / "summary.txt").read_text().strip() in proc.stdout


def test_seed_reseeds_the_model_the_data_order_training_and_judging(quick, tmp_path):
    out0, _ = quick
    out1 = tmp_path / "seed1"
    proc, _ = demo(out1, "--seed", "1", "--max-steps", "2", "--limit", "1")
    assert proc.returncode == 0, proc.stderr[-3000:]
    runs = {0: json.loads((out0 / "manifest.json").read_text()), 1: json.loads((out1 / "manifest.json").read_text())}
    for seed, manifest in runs.items():
        assert manifest["info"]["seed"] == seed and manifest["stages"]["base"]["params"]["seed"] == seed
        for stage in ("data", "train-plug", "train-direct", "judge-rules-zh"):
            argv = manifest["stages"][stage]["command"]
            assert argv[argv.index("--seed") + 1] == str(seed), stage
    # same tokenizer (it is trained on the data, not seeded), other initial weights
    assert (out0 / "base" / "tokenizer.json").read_bytes() == (out1 / "base" / "tokenizer.json").read_bytes()
    assert (out0 / "base" / "model.safetensors").read_bytes() != (out1 / "base" / "model.safetensors").read_bytes()
    # the same rows in another order
    rows = {s: (o / "data" / "plug.jsonl").read_text().splitlines() for s, o in ((0, out0), (1, out1))}
    assert sorted(rows[0]) == sorted(rows[1]) and rows[0] != rows[1]


def test_rerun_does_no_work_and_touches_nothing(quick):
    out, _ = quick
    before = snapshot(out)
    proc, _ = demo(out)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "this run: 0 training steps, 0 generations, 0 judge calls" in proc.stdout
    assert proc.stderr.count("up to date") == 11  # its time is bench/demo's
    assert snapshot(out) == before


def test_check_fails_loudly_below_the_bars(quick):
    out, _ = quick  # 30 steps teach a tiny model nothing: both bars are missed
    proc, _ = demo(out, "--check")
    assert proc.returncode == 1
    assert "check: PLUG pivot_ok 0.00 < 0.90 FAILED" in proc.stdout
    assert "FAILED: the trained models did not clear the bars" in proc.stderr
    assert "this run: 0 training steps, 0 generations, 0 judge calls" in proc.stdout


def test_openai_judge_rejudges_without_retraining(quick):
    out, _ = quick
    server = start_server()
    try:
        args = ("--judge", "openai:fair", "--base-url", server.openai)
        proc, _ = demo(out, *args, env={"OPENAI_API_KEY": KEY})
        assert proc.returncode == 0, proc.stderr[-3000:]
        calls = 2 * QUICK_LIMIT * len(LANGS)
        assert f"this run: 0 training steps, 0 generations, {calls} judge calls" in proc.stdout
        assert sum(server.stats()["completed"].values()) == calls
        slug = next(p.name for p in (out / "reports").iterdir() if p.name.startswith("openai-fair-"))
        assert (out / "reports" / slug / "report.html").is_file() and (out / "reports" / "rules").is_dir()
        again, _ = demo(out, *args, env={"OPENAI_API_KEY": KEY})
        assert "0 judge calls" in again.stdout and sum(server.stats()["completed"].values()) == calls
    finally:
        server.proc.kill()
        server.proc.wait()
    assert KEY not in "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())


@pytest.mark.parametrize("args, names", [
    (["--parallel", "{tmp}/missing.jsonl"], "missing.jsonl: parallel data file not found"),
    (["--parallel", "{tmp}/bad.jsonl"], "bad.jsonl:2: not valid JSON"),
    (["--parallel", "{tmp}/short.jsonl"], "short.jsonl:1: missing or empty response_ko"),
    (["--langs", "zh,xx"], "--langs 'zh,xx': choose among zh, ko, it, es"),
    (["--data-dir", "{tmp}/nowhere"], "nowhere: X-AlpacaEval folder not found"),
    (["--judge", "nosuch"], "--judge nosuch: not a preset or backend"),
    (["--seed", "-1"], "--seed -1: must be 0 or more"),
])
def test_bad_input_is_one_line_exit_2_nothing_written(tmp_path, args, names):
    row = {f"{k}_{lang}": "x" for lang in ("en", *LANGS) for k in ("instruction", "response")}
    (tmp_path / "bad.jsonl").write_text(json.dumps(row) + "\n{oops\n")
    (tmp_path / "short.jsonl").write_text(json.dumps({**row, "response_ko": ""}) + "\n")
    out = tmp_path / "out"
    proc, _ = demo(out, *[a.format(tmp=tmp_path) for a in args])
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("plug-eval demo: error: ") and names in proc.stderr
    assert not out.exists()


# --- the shipped parallel sample -------------------------------------------------------------------
DATA = Path(__file__).resolve().parents[1] / "plug_eval" / "data"
GENERATORS = Path(__file__).resolve().parents[1] / "tools" / "parallel_sample"


def test_parallel_sample_is_current_and_distinct_from_the_benchmark_sample(sample_dir):
    check = subprocess.run([sys.executable, str(GENERATORS / "make_parallel_sample.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    rows = [json.loads(line) for line in (DATA / "parallel_sample.jsonl").read_text().splitlines()]
    assert len(rows) >= 250 and len({r["id"] for r in rows}) == len(rows)
    assert len({r["kind"] for r in rows}) >= 25
    eval_instructions = {r["instruction"].strip() for f in sample_dir.glob("*.json") for r in json.loads(f.read_text())}
    ours = {r[f"instruction_{lang}"].strip() for r in rows for lang in ("en", *LANGS)}
    assert not ours & eval_instructions


def test_korean_particles_follow_the_last_sound():
    sys.path.insert(0, str(GENERATORS))
    try:
        from make_parallel_sample import josa
    finally:
        sys.path.remove(str(GENERATORS))
    assert [josa("서울", "은"), josa("파리", "은"), josa("서울", "으로"), josa("부산", "로"), josa("바다", "이")] == \
        ["서울은", "파리는", "서울로", "부산으로", "바다가"]
    assert [josa("10", "이"), josa("12", "은"), josa("7", "을"), josa("자전거 가게", "을")] == \
        ["10이", "12는", "7을", "자전거 가게를"]


# --- the default profile clears its floors ---------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("PLUG_EVAL_DEMO_DEFAULT") != "1",
                    reason="the default demo takes 4-6 minutes on 2 cores: set PLUG_EVAL_DEMO_DEFAULT=1")
def test_default_demo_clears_its_floors(tmp_path):
    out = tmp_path / "default"
    proc = subprocess.run([exe("plug-eval"), "demo", "--out", str(out)], capture_output=True, text=True,
                          timeout=1800, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    checks = [line for line in proc.stdout.splitlines() if line.startswith("check: ")]
    assert len(checks) == 4 and "FAILED" not in proc.stdout, checks
    from plug_eval.demo.plan import FIDELITY_MIN, PIVOT_OK_MIN
    from plug_eval.demo.report import mean, task_metrics

    plug, direct = task_metrics(out, "plug"), task_metrics(out, "direct")
    assert mean([plug[f"xalpacaeval_pivot_{lang}"]["pivot_ok"] for lang in LANGS]) >= PIVOT_OK_MIN
    for lang in LANGS:
        assert direct[f"xalpacaeval_{lang}"]["lang_fidelity"] >= FIDELITY_MIN, lang
        assert plug[f"xalpacaeval_pivot_{lang}"]["pivot_ok"] >= PIVOT_OK_MIN, lang


# --- the checks ----------------------------------------------------------------------------------
def _table(pivot_ok, fidelity):
    return [{"lang": lang, "pivot_ok": p, "direct_fidelity": d} for lang, p, d in zip(LANGS, pivot_ok, fidelity)]


def test_checks_hold_each_language_of_both_models_to_the_floor_not_only_the_mean():
    from plug_eval.demo.report import checks

    lines, ok = checks(None, _table([1.0, 1.0, 1.0, 1.0], [0.95, 0.95, 0.95, 0.7]))
    assert not ok  # the mean (0.89) clears 0.80, Spanish does not
    assert lines == ["check: PLUG pivot_ok 1.00 >= 0.90 ok",
                     "check: PLUG pivot_ok per language, lowest zh 1.00 >= 0.90 ok",
                     "check: direct lang_fidelity 0.89 >= 0.80 ok",
                     "check: direct lang_fidelity per language, lowest es 0.70 < 0.80 FAILED"]
    # since issue 14 the PLUG model's languages are held to the floor too (docs/reproducing.md: five seeds)
    lines, ok = checks(None, _table([1.0, 1.0, 1.0, 0.85], [0.8, 0.9, 0.85, 1.0]))
    assert not ok and "check: PLUG pivot_ok per language, lowest es 0.85 < 0.90 FAILED" in lines
    lines, ok = checks(None, _table([0.95, 0.85, 0.85, 0.85], [1.0, 1.0, 1.0, 1.0]))
    assert not ok and "check: PLUG pivot_ok 0.88 < 0.90 FAILED" in lines
    lines, ok = checks(None, _table([1.0, 1.0, 1.0, 1.0], [1.0, None, 1.0, 1.0]))
    assert not ok and "check: direct lang_fidelity per language, lowest - - < 0.80 FAILED" in lines


def test_a_training_flag_on_the_command_line_sets_both_systems():
    import argparse

    from plug_eval.demo import run as demo_cli
    from plug_eval.demo.plan import resolve

    parser = argparse.ArgumentParser()
    demo_cli.add_parser(parser.add_subparsers())

    def epochs(*args):
        prof = resolve(parser.parse_args(["demo", *args])).profile
        return [(prof.train_flags(s).get("epochs"), prof.train_flags(s).get("max-steps")) for s in ("plug", "direct")]

    assert epochs() == [(7, None), (12, None)]  # the direct model trains longer by default
    assert epochs("--epochs", "5") == [(5, None), (5, None)]
    assert epochs("--max-steps", "9") == [(None, 9), (None, 9)]
    assert epochs("--quick") == [(None, 30), (None, 30)]


def test_the_default_plug_training_is_regularised_and_the_flags_reach_plug_train():
    import argparse

    from plug_eval.demo import run as demo_cli
    from plug_eval.demo.plan import resolve

    parser = argparse.ArgumentParser()
    demo_cli.add_parser(parser.add_subparsers())
    prof = resolve(parser.parse_args(["demo"])).profile
    plug, direct = prof.train_flags("plug"), prof.train_flags("direct")
    # issue 14: without weight decay, a cosine decay and NEFTune the PLUG model over-fits its English drafts
    assert (plug["weight-decay"], plug["schedule"], plug["neftune-alpha"]) == (0.1, "cosine", 5.0)
    assert not {"weight-decay", "schedule", "neftune-alpha"} & set(direct)  # the direct model under-fits, if anything
    argv = demo_cli.flags(plug)
    assert argv[argv.index("--weight-decay") + 1] == "0.1" and argv[argv.index("--schedule") + 1] == "cosine"
    assert argv[argv.index("--neftune-alpha") + 1] == "5.0"
    # ... and both systems train on the same seeded half of the rows per language
    assert prof.targets(("zh", "ko", "it", "es")) == "zh:0.5,ko:0.5,it:0.5,es:0.5"
    quick = resolve(parser.parse_args(["demo", "--quick"])).profile
    assert "weight-decay" not in quick.train_flags("plug")  # the smoke test stays as it was
    assert quick.targets(("zh", "ko")) == "zh,ko"
