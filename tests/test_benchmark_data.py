"""X-SVAMP and X-TruthfulQA data: both layouts, every bad row as one line, the hub refused, and
`plug-eval run` checking all three benchmarks from the one task-name table."""

import json

import pytest
from plug_eval.tasks.source import source

from plug_eval import cli, languages
from plug_eval.errors import DataError


def write_data(folder, benchmark, mutate=None, layout="card", langs=tuple(languages.LANGUAGES)):
    """Copy the shipped sample into ``folder`` in the card or paper layout; ``mutate`` the zh rows."""
    src = source(benchmark)
    for code in langs:
        rows = json.loads((src.sample_dir() / languages.LANGUAGES[code].data_file)
                          .read_text(encoding="utf-8"))
        if mutate and code == "zh":
            mutate(rows)
        name = (languages.LANGUAGES[code].data_file if layout == "card"
                else src.candidates(code)[2])
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return folder


def run_fails(capsys, tasks, metadata):
    with pytest.raises(SystemExit) as exc:
        cli.main(["run", "--model", "dummy", "--tasks", tasks, "--metadata", json.dumps(metadata)])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("plug-eval: error: "), err
    return err[0]


def _set(i, key, value):
    def mutate(rows):
        rows[i][key] = value
    return mutate


def _drop(i, key):
    def mutate(rows):
        del rows[i][key]
    return mutate


BAD = [
    ("xsvamp", _drop(1, "answer"), "chinese.json: row 2 (id 'sample-02'): missing answer"),
    ("xsvamp", _set(0, "answer", "twelve"), "row 1 (id 'sample-01'): answer 'twelve' is not a number"),
    ("xsvamp", _set(4, "answer", True), "row 5 (id 'sample-05'): answer True is not a number"),
    ("xsvamp", _set(4, "answer", [3]), "row 5 (id 'sample-05'): answer [3] is not a number"),
    ("xsvamp", _set(2, "instruction", ""), "row 3 (id 'sample-03'): empty or missing instruction"),
    ("xsvamp", _set(6, "id", "sample-01"), "row 7: duplicate id 'sample-01'"),
    ("xtruthfulqa", _drop(2, "correct_answers"), "row 3 (id 'sample-03'): missing correct_answers"),
    ("xtruthfulqa", _set(0, "incorrect_answers", []),
     "row 1 (id 'sample-01'): incorrect_answers must be a non-empty list of answers"),
    ("xtruthfulqa", _set(0, "correct_answers", "水星。"),
     "correct_answers must be a non-empty list of answers"),
    ("xtruthfulqa", _set(3, "correct_answers", ["黑色。", " "]),
     "row 4 (id 'sample-04'): correct_answers[1] is empty or not text"),
    ("xtruthfulqa", _drop(5, "id"), "chinese.json: row 6: missing id"),
]


# (not "benchmark": pytest-benchmark owns that fixture name)
@pytest.mark.parametrize("bench,mutate,message", BAD, ids=[b[2][-40:] for b in BAD])
def test_bad_rows_are_one_line_naming_the_file_and_exit_2(tmp_path, capsys, bench, mutate, message):
    data = write_data(tmp_path, bench, mutate)
    line = run_fails(capsys, f"{bench}_pivot_ko", {f"{bench}_data_dir": str(data)})
    assert message in line and str(data / "chinese.json") in line  # zh checked for alignment too


def test_the_paper_scripts_layout_is_read_and_recorded(tmp_path):
    data = write_data(tmp_path, "xsvamp", layout="paper")
    assert (data / "zh" / "svamp_zh.json").is_file()
    loaded = source("xsvamp").load("zh", {"xsvamp_data_dir": str(data)})
    assert loaded.file == "zh/svamp_zh.json" and loaded.source == f"dir:{data}"
    assert set(loaded.sha256) == {f"{c}/svamp_{c}.json" for c in languages.LANGUAGES}
    assert [r["answer"] for r in loaded.rows][:3] == [19.0, 42.0, 1625.0]

    tqa = write_data(tmp_path / "t", "xtruthfulqa", layout="paper", langs=("en", "ko"))
    rows = source("xtruthfulqa").load("ko", {"xtruthfulqa_data_dir": str(tqa)}).rows
    assert rows[7]["correct_answers"] == ["수성입니다."]


def test_a_numeric_string_answer_is_read_as_a_number(tmp_path):
    data = write_data(tmp_path, "xsvamp", _set(0, "answer", " 19.0 "), langs=("zh",))
    assert source("xsvamp").load("zh", {"xsvamp_data_dir": str(data)}).rows[0]["answer"] == 19.0


def test_misaligned_translations_in_the_paper_layout(tmp_path, capsys):
    data = write_data(tmp_path, "xtruthfulqa", _set(9, "id", "other"), layout="paper",
                      langs=("en", "zh"))
    line = run_fails(capsys, "xtruthfulqa_en", {"xtruthfulqa_data_dir": str(data)})
    assert "ids not aligned with truthfulqa_en.json" in line and "zh/truthfulqa_zh.json" in line


def test_a_missing_language_names_both_layouts(tmp_path):
    data = write_data(tmp_path, "xsvamp", langs=("en",))
    with pytest.raises(DataError, match=r"no chinese.json or zh/svamp_zh.json \(or .jsonl\) "
                                        r"for language 'zh'"):
        source("xsvamp").load("zh", {"xsvamp_data_dir": str(data)})


@pytest.mark.parametrize("bench,variable,repo", [
    ("xsvamp", "XSVAMP_DATA_DIR", "zhihz0535/X-SVAMP_en_zh_ko_it_es"),
    ("xtruthfulqa", "XTRUTHFULQA_DATA_DIR", "zhihz0535/X-TruthfulQA_en_zh_ko_it_es")])
def test_the_unverified_hub_is_refused_naming_the_variable(monkeypatch, capsys, bench, variable,
                                                          repo):
    monkeypatch.delenv(variable, raising=False)
    line = run_fails(capsys, f"{bench}_zh", {})
    assert f"hf://datasets/{repo}" in line and "no verified Hugging Face Hub revision" in line
    assert f"{variable}=DIR" in line and f'"{bench}_data_dir"' in line and "'sample'" in line


def test_the_environment_variable_and_the_word_sample(monkeypatch):
    monkeypatch.setenv("XTRUTHFULQA_DATA_DIR", "sample")
    assert source("xtruthfulqa").load("it").source == "sample"
    monkeypatch.setenv("XSVAMP_DATA_DIR", "/no/such/folder")
    with pytest.raises(DataError, match="X-SVAMP data folder does not exist"):
        source("xsvamp").load("it")


def test_run_checks_every_benchmark_it_was_given_before_a_model_loads(tmp_path, capsys):
    bad = write_data(tmp_path, "xtruthfulqa", _drop(0, "incorrect_answers"))
    meta = {"xalpacaeval_data_dir": "sample", "xsvamp_data_dir": "sample",
            "xtruthfulqa_data_dir": str(bad)}
    line = run_fails(capsys, "xalpacaeval_zh,xsvamp_pivot,xtruthfulqa_all", meta)
    assert "missing incorrect_answers" in line
    assert cli.our_data("xsvamp_pivot_ko,xsvamp_pivot,xtruthfulqa_en,other") == [
        ("xsvamp", "ko"), ("xsvamp", "zh"), ("xsvamp", "it"), ("xsvamp", "es"),
        ("xtruthfulqa", "en")]


def test_group_members_of_the_new_benchmarks_are_not_run_twice():
    assert cli.dedupe_tasks("xsvamp_zh,xsvamp,xtruthfulqa_pivot_ko,xtruthfulqa_all,xsvamp_pivot_zh") \
        == ("xsvamp,xtruthfulqa_all,xsvamp_pivot_zh", ["xsvamp_zh", "xtruthfulqa_pivot_ko"])
