"""`plug-eval` end to end: the real CLI on a real (tiny) model, bad input, discovery, start-up."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import exe
from plug_eval import cli, languages, pivot, tasknames

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}


def run_cli(*args, env=None, cwd=None):
    return subprocess.run([exe("plug-eval"), *args], capture_output=True, text=True,
                          env={**ENV, **(env or {})}, cwd=cwd, timeout=600)


def read_samples(out_dir, task):
    [path] = Path(out_dir).glob(f"**/samples_{task}_*.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_tiny_model_end_to_end_over_the_sample(tiny_model, tmp_path):
    out = tmp_path / "out"
    r = run_cli("run", "--model", "hf", "--model_args", f"pretrained={tiny_model}",
                "--tasks", "xalpacaeval,xalpacaeval_pivot,xalpacaeval_zh", "--apply_chat_template",
                "--log_samples", "--output_path", str(out), "--gen_kwargs", "max_gen_toks=6",
                env={"XALPACAEVAL_DATA_DIR": "sample"})
    assert r.returncode == 0, r.stderr[-3000:]
    assert "xalpacaeval_zh already run as part of a group" in r.stderr
    [results] = out.glob("**/results_*.json")
    res = json.loads(results.read_text())["results"]
    for code in languages.LANGUAGES:
        samples = read_samples(out, f"xalpacaeval_{code}")
        assert len(samples) == 20
        s = samples[0]
        system = languages.direct_system_prompt(code)
        assert s["arguments"]["gen_args_0"]["arg_0"] == (
            f"<|system|>\n{system}\n<|user|>\n{s['doc']['instruction']}\n<|assistant|>\n")
        assert s["doc"]["data_source"] == "sample" and len(s["doc"]["data_sha256"]) == 64
        assert {"lang_fidelity", "answer_units"} <= set(s) and "pivot_ok" not in s
        assert 0.0 <= res[f"xalpacaeval_{code}"]["lang_fidelity,none"] <= 1.0
    for code in languages.TARGETS:
        both = read_samples(out, f"xalpacaeval_pivot_{code}")
        assert sorted({s["filter"] for s in both}) == ["paper_extract", "plug_extract"]  # one line each
        samples = [s for s in both if s["filter"] == "plug_extract"]
        assert len(samples) == 20
        for s in samples:
            raw = s["resps"][0][0]
            assert s["filtered_resps"][0] == languages_split(raw, code)
            assert languages.pivot_system_prompt(code) in s["arguments"]["gen_args_0"]["arg_0"]
            assert {"pivot_ok", "lang_fidelity", "answer_units"} <= set(s)
        for s in (s for s in both if s["filter"] == "paper_extract"):
            assert s["filtered_resps"][0] == pivot.paper_extract(s["resps"][0][0], code)
    assert "pivot_ok,plug_extract" in res["xalpacaeval_pivot"]


def languages_split(raw, code):
    from plug_eval.pivot import split_response

    return split_response(raw, code).answer


def write_data(folder, mutate=None, langs=("en", "zh")):
    from plug_eval.tasks.xalpacaeval.data import sample_dir

    folder.mkdir(parents=True, exist_ok=True)
    for code in langs:
        name = languages.LANGUAGES[code].data_file
        rows = json.loads((sample_dir() / name).read_text(encoding="utf-8"))
        text = json.dumps(rows, ensure_ascii=False)
        if mutate and code == "zh":
            text = mutate(rows, text)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _dup(rows, text):
    return json.dumps(rows + [rows[0]], ensure_ascii=False)


def _no_id(rows, text):
    del rows[3]["id"]
    return json.dumps(rows, ensure_ascii=False)


def _empty(rows, text):
    rows[2]["instruction"] = "  "
    return json.dumps(rows, ensure_ascii=False)


def _misaligned(rows, text):
    rows[5]["id"] = "other-id"
    return json.dumps(rows, ensure_ascii=False)


BAD = [
    ("invalid JSON", lambda rows, text: text[:-5], "chinese.json:1: not valid JSON"),
    ("duplicate id", _dup, "chinese.json: row 21: duplicate id 'sample-001'"),
    ("missing id", _no_id, "chinese.json: row 4: missing id"),
    ("empty instruction", _empty, "chinese.json: row 3 (id 'sample-003'): empty or missing instruction"),
    ("not aligned", _misaligned, "ids not aligned with chinese.json"),
    ("no rows", lambda rows, text: "[]", "chinese.json: no rows"),
]


@pytest.mark.parametrize("name,mutate,message", BAD, ids=[b[0] for b in BAD])
def test_bad_data_is_one_line_and_exit_2(tmp_path, capsys, name, mutate, message):
    data = write_data(tmp_path / "data", mutate)
    with pytest.raises(SystemExit) as exc:
        cli.main(["run", "--model", "dummy", "--tasks", "xalpacaeval_zh", "--metadata",
                  json.dumps({"xalpacaeval_data_dir": str(data)})])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("plug-eval: error: ") and message in err[0], err


def test_missing_language_file_and_missing_folder(tmp_path, capsys):
    data = write_data(tmp_path / "data", langs=("en",))
    for where, message in [(data, "no chinese.json (or .jsonl) for language 'zh'"),
                           (tmp_path / "nope", "X-AlpacaEval data folder does not exist")]:
        with pytest.raises(SystemExit) as exc:
            cli.main(["run", "--model", "dummy", "--tasks", "xalpacaeval_pivot",
                      "--metadata", json.dumps({"xalpacaeval_data_dir": str(where)})])
        assert exc.value.code == 2
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and message in err and str(where) in err


def test_jsonl_files_are_accepted(tmp_path):
    from plug_eval.tasks.xalpacaeval.data import load

    data = write_data(tmp_path / "data")
    rows = json.loads((data / "chinese.json").read_text(encoding="utf-8"))
    (data / "chinese.json").unlink()
    (data / "chinese.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    loaded = load("zh", {"xalpacaeval_data_dir": str(data)})
    assert [r["id"] for r in loaded.rows] == [r["id"] for r in rows]
    assert set(loaded.sha256) == {"english.json", "chinese.jsonl"}


def test_offline_without_data_says_how_to_fix_it_and_keeps_old_results(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "results_old.json").write_text("{\"keep\": 1}")
    env = {"HF_HOME": str(tmp_path / "hf"), "XALPACAEVAL_DATA_DIR": ""}
    r = run_cli("run", "--model", "dummy", "--tasks", "xalpacaeval_ko", "--output_path", str(out),
                "--log_samples", env=env)
    assert r.returncode == 2, r.stderr[-2000:]
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "cannot get X-AlpacaEval from the Hugging Face Hub" in lines[0]
    assert "XALPACAEVAL_DATA_DIR" in lines[0] and "'sample'" in lines[0]
    assert [p.name for p in out.iterdir()] == ["results_old.json"]
    assert (out / "results_old.json").read_text() == "{\"keep\": 1}"


def test_task_listing_and_path():
    r = run_cli("tasks", "list")
    assert r.returncode == 0
    for name in ["xalpacaeval", "xalpacaeval_pivot", "xalpacaeval_en", "xalpacaeval_pivot_es"]:
        assert name in r.stdout
    folders = run_cli("tasks", "path").stdout.splitlines()  # every benchmark's (issue 23: not only X-AlpacaEval's)
    assert [Path(f).name for f in folders] == list(tasknames.BENCHMARKS)
    assert all(Path(f, f"{Path(f).name}_zh.yaml").is_file() for f in folders)


def test_group_members_are_not_run_twice():
    assert cli.dedupe_tasks("xalpacaeval_zh,xalpacaeval,xalpacaeval_zh,other") == (
        "xalpacaeval,other", ["xalpacaeval_zh", "xalpacaeval_zh"])
    assert cli.dedupe_tasks("xalpacaeval_pivot_ko,xalpacaeval") == ("xalpacaeval_pivot_ko,xalpacaeval", [])


def test_literal_lm_eval_after_the_link_step(tmp_path):
    """The README's reversible set-up: link, run literal `lm_eval`, unlink."""
    link = run_cli("tasks", "link")
    assert link.returncode == 0, link.stderr
    try:
        r = subprocess.run([sys.executable, "-m", "lm_eval", "--model", "dummy", "--tasks", "xalpacaeval_zh",
                            "--limit", "2", "--log_samples", "--output_path", str(tmp_path),
                            "--metadata", json.dumps({"xalpacaeval_data_dir": "sample"})],
                           capture_output=True, text=True, env=ENV, timeout=600)
        assert r.returncode == 0, r.stderr[-2000:]
        assert len(read_samples(tmp_path, "xalpacaeval_zh")) == 2
    finally:
        undo = run_cli("tasks", "unlink")
    assert undo.returncode == 0 and "removed" in undo.stdout
    assert not any((cli.lm_eval_tasks_folder() / b).exists() for b in tasknames.BENCHMARKS)


def test_link_makes_one_marked_folder_per_benchmark_and_unlink_undoes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "lm_eval_tasks_folder", lambda: tmp_path)
    (tmp_path / "theirs").mkdir()
    cli.link_tasks()
    cli.link_tasks()  # again: refreshes, does not fail
    for b in tasknames.BENCHMARKS:
        assert (tmp_path / b / cli.MARKER).is_file()
        assert (tmp_path / b / f"{b}_zh.yaml").resolve().parent.name == b
        assert (tmp_path / b / "task.py").is_symlink()
    assert "removed" in cli.unlink_tasks()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs"]
    (tmp_path / "xsvamp").mkdir()  # someone else's folder of the same name: left alone
    with pytest.raises(cli.PlugEvalError, match="not made by plug-eval"):
        cli.link_tasks()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs", "xsvamp"]


def test_generated_yamls_are_up_to_date(tmp_path):
    """One generator writes every benchmark's YAMLs; --check fails on a changed, missing or stray file."""
    spec = importlib.util.spec_from_file_location(
        "generate_tasks", Path(__file__).resolve().parents[1] / "tools" / "generate_tasks.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    assert generate.main(["--check"]) == 0
    assert generate.main(["--out", str(tmp_path)]) == 0
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*yaml"))
    assert made == sorted(generate.render())
    for name in made:
        assert (Path(generate.HERE) / name).read_bytes() == (tmp_path / name).read_bytes()
    assert {n.split("/")[0] for n in made} == set(tasknames.BENCHMARKS)
    assert {f"{b}/{t}.yaml" for t, (b, _, _) in tasknames.TASKS.items()} <= set(made)

    (tmp_path / "xsvamp" / "xsvamp_zh.yaml").write_text("task: edited by hand\n")
    (tmp_path / "xalpacaeval" / "xalpacaeval_pivot.yaml").unlink()
    (tmp_path / "xtruthfulqa" / "xtruthfulqa_fr.yaml").write_text("task: stray\n")
    assert generate.main(["--check", "--out", str(tmp_path)]) == 1
    assert generate.main(["--out", str(tmp_path)]) == 0
    assert generate.main(["--check", "--out", str(tmp_path)]) == 0
    assert not (tmp_path / "xtruthfulqa" / "xtruthfulqa_fr.yaml").exists()


def test_import_is_light():
    """``import plug_eval`` loads no model library (its time is bench/cli's, not a test's)."""
    code = "import sys; import plug_eval; print([m for m in ('torch', 'transformers', 'lm_eval') if m in sys.modules])"
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert heavy.strip().endswith("[]"), heavy
