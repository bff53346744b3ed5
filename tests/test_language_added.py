"""A language that ships nowhere in plug-eval, added by one file (issue 23): Portuguese.

The test writes the language file and three instructions in it, then takes it through every
command: ``plug-eval tasks add-language`` and plain ``lm_eval --include_path`` on a tiny model
(direct and pivot tasks, X-SVAMP's decimal comma), ``plug-judge compare --judge rules --lang pt``
(with the file's own judge template), ``plug-train build-data`` with it as target and with a
non-English pivot (``--overlong truncate-pivot`` included) and ``plug-train translate`` into it.
No Python changes for any of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from servers import scripted_model

from plug_eval import languages, pivot
from plug_eval.tasks.source import source
from plug_train import data
from tests.conftest import exe

PT_TEMPLATE = """{% block system -%}
Você é um juiz imparcial. Dois assistentes responderam ao mesmo pedido; decida qual resposta serve melhor \
o usuário, em {{ lang_name }}. Termine com [[A]], [[B]] ou [[C]] (empate).
{%- endblock %}
{% block user -%}
Pedido: {{ instruction }}

Resposta do assistente A:
{{ first_block }}

Resposta do assistente B:
{{ second_block }}
{%- endblock %}
"""
PORTUGUESE = {
    "code": "pt", "name": "Portuguese", "native": "Português", "header": "Resposta em português:",
    "decimal_mark": ",", "labels": ["Instrução", "Resposta"], "judge_templates": {"pairwise": PT_TEMPLATE},
}
INSTRUCTIONS = {
    "en": ["Give three tips for sleeping better.", "Explain what a rainbow is.", "Write a short poem about the sea."],
    "pt": ["Dê três dicas para dormir melhor.", "Explique o que é um arco-íris.",
           "Escreva um poema curto sobre o mar."],
}
DRAFT = "The answer is 2.5 litres of water."
ANSWER = "A resposta é 2,5 litros de água."
REPLY = f"English response:\n{DRAFT}\n\n{PORTUGUESE['header']}\n{ANSWER}"  # a PLUG-trained model's answer


def write_language(folder: Path) -> Path:
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "portuguese.yaml"
    path.write_text(yaml.safe_dump(PORTUGUESE, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_data(root: Path) -> dict[str, Path]:
    """Only english.json and portuguese.json in each benchmark's folder: all a folder needs."""
    folders = {}
    for benchmark in ("xalpacaeval", "xsvamp"):
        folder = folders[benchmark] = root / benchmark
        folder.mkdir(parents=True)
        for lang, name in (("en", "english.json"), ("pt", "portuguese.json")):
            rows = [{"id": f"q{i}", "instruction": text, **({"answer": 2.5} if benchmark == "xsvamp" else {})}
                    for i, text in enumerate(INSTRUCTIONS[lang])]
            (folder / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return folders


def run(*argv: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_the_data_folder_needs_only_english_and_the_language_and_names_the_missing_file(tmp_path, monkeypatch):
    monkeypatch.setenv(languages.ENV, str(write_language(tmp_path / "languages").parent))
    folders = write_data(tmp_path / "data")
    loaded = source("xalpacaeval").load("pt", {"xalpacaeval_data_dir": str(folders["xalpacaeval"])})
    assert [r["instruction"] for r in loaded.rows] == INSTRUCTIONS["pt"]
    assert set(loaded.sha256) == {"english.json", "portuguese.json"}
    (folders["xalpacaeval"] / "portuguese.json").unlink()
    with pytest.raises(languages.PlugEvalError, match="no portuguese.json .*for language 'pt'"):
        source("xalpacaeval").load("pt", {"xalpacaeval_data_dir": str(folders["xalpacaeval"])})


@pytest.mark.slow
def test_add_language_then_plain_lm_eval_runs_its_direct_and_pivot_tasks(tmp_path):
    lang_file = write_language(tmp_path / "languages")
    folders = write_data(tmp_path / "data")
    tasks = tmp_path / "tasks"
    done = run(exe("plug-eval"), "tasks", "add-language", str(lang_file), "--out", str(tasks))
    assert done.returncode == 0, done.stderr
    names = ["xalpacaeval_pt", "xalpacaeval_pivot_pt", "xsvamp_pt", "xsvamp_pivot_pt", "xtruthfulqa_pt",
             "xtruthfulqa_pivot_pt"]
    assert f"the tasks {', '.join(names)} (Portuguese)" in done.stdout
    assert sorted(p.stem for p in tasks.rglob("*.yaml")) == sorted(names)
    model = scripted_model(tmp_path / "model", REPLY)
    out = tmp_path / "out"
    env = {"XALPACAEVAL_DATA_DIR": str(folders["xalpacaeval"]), "XSVAMP_DATA_DIR": str(folders["xsvamp"])}
    assert languages.ENV not in os.environ  # the tasks carry their language: no folder is named
    done = run(exe("lm_eval"), "--model", "hf", "--model_args", f"pretrained={model}", "--include_path", str(tasks),
               "--tasks", "xalpacaeval_pt,xalpacaeval_pivot_pt,xsvamp_pivot_pt", "--limit", "1",
               "--apply_chat_template", "--log_samples", "--output_path", str(out), env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    samples = {p.name.split("_2")[0].removeprefix("samples_"): [json.loads(x) for x in p.read_text().splitlines()]
               for p in out.rglob("samples_*.jsonl")}
    direct = samples["xalpacaeval_pt"][0]
    assert direct["doc"]["system"] == "Please respond to the following user message in Portuguese."
    assert direct["doc"]["instruction"] == INSTRUCTIONS["pt"][0]
    assert direct["doc"]["system"] in direct["arguments"]["gen_args_0"]["arg_0"]
    assert direct["resps"] == [[REPLY]]
    plug = {s["filter"]: s for s in samples["xalpacaeval_pivot_pt"]}
    assert plug["plug_extract"]["doc"]["system"] == (
        "Please interpret the instruction in English, and then respond both in English and in Portuguese.")
    assert plug["plug_extract"]["filtered_resps"] == [ANSWER]  # the text after "Resposta em português:"
    assert plug["plug_extract"]["pivot_ok"] == 1.0 and plug["paper_extract"]["filtered_resps"] == [ANSWER]
    svamp = {s["filter"]: s for s in samples["xsvamp_pivot_pt"]}["plug_extract"]
    assert (svamp["doc"]["number"], svamp["accuracy"]) == (2.5, 1.0)  # "2,5" read with the file's decimal comma
    assert (svamp["doc"]["number_paper_regex"], svamp["accuracy_paper_regex"]) == (5.0, 0.0)


def answers(tmp_path: Path, name: str, texts: list[str]) -> Path:
    rows = [{"id": f"q{i}", "instruction": inst, "output": text}
            for i, (inst, text) in enumerate(zip(INSTRUCTIONS["pt"], texts, strict=True))]
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def test_plug_judge_compare_judges_it_with_the_files_own_template(tmp_path):
    folder = write_language(tmp_path / "languages").parent
    a = answers(tmp_path, "plug", ["Durma sempre à mesma hora, evite cafeína e desligue os ecrãs cedo.",
                                   "Um arco-íris é a luz do sol separada em cores pelas gotas de chuva.",
                                   "O mar canta baixinho, azul e profundo, e guarda o mundo."])
    b = answers(tmp_path, "base", ["Go to bed at the same time and avoid coffee in the evening.",
                                   "A rainbow is sunlight split into colours by raindrops.",
                                   "The sea sings softly, deep and blue, keeping the world."])
    done = run(exe("plug-judge"), "compare", str(a), str(b), "--judge", "rules", "--lang", "pt", "--languages",
               str(folder), "--out", str(tmp_path / "run"), "--quiet")
    assert done.returncode == 0, done.stderr
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert (summary["n_items"], summary["win"], summary["win_rate"]) == (3, 3, 100.0)
    identity = json.loads((tmp_path / "run" / "run.json").read_text())["identity"]
    assert identity["lang"] == ["pt"]
    assert identity["language_templates"] == {"pt": hashlib.sha256(PT_TEMPLATE.encode()).hexdigest()}
    again = run(exe("plug-judge"), "compare", str(a), str(b), "--judge", "rules", "--lang", "pt", "--out",
                str(tmp_path / "run"), "--quiet", env={languages.ENV: str(folder)})
    assert again.returncode == 0 and "\n0 calls in" in again.stdout, again.stdout + again.stderr  # env var = flag
    unknown = run(exe("plug-judge"), "compare", str(a), str(b), "--judge", "rules", "--lang", "pt", "--out",
                  str(tmp_path / "other"), "--quiet")
    assert unknown.returncode == 2 and "unknown language 'pt'" in unknown.stderr, unknown.stderr
    assert not (tmp_path / "other").exists()


def test_the_rendered_judge_prompt_is_the_languages_own(tmp_path, monkeypatch):
    monkeypatch.setenv(languages.ENV, str(write_language(tmp_path / "languages").parent))
    from plug_eval.judges.prompts.config import resolve

    own = resolve("rules", "pairwise")
    text, sha = own.template_for("pt")
    assert text == PT_TEMPLATE and sha == hashlib.sha256(PT_TEMPLATE.encode()).hexdigest()
    assert own.template_for("es") == (own.template_text, own.template_sha256)
    chosen = resolve("rules", "pairwise", template=str(write_template(tmp_path)))
    assert chosen.template_for("pt")[0] == chosen.template_text  # --template wins over the language's own


def write_template(tmp_path: Path) -> Path:
    path = tmp_path / "mine.j2"
    path.write_text("{{ instruction }} {{ first_block }} {{ second_block }} [[A]]/[[B]]/[[C]]", encoding="utf-8")
    return path


SHORT = {"pt": "Uma resposta curta em português.", "ko": "짧은 한국어 답변입니다."}


def parallel(tmp_path: Path, n: int = 3, long: int = 1) -> Path:
    """Parallel rows in English, Chinese, Korean and Portuguese; Chinese answers ``long`` times as long."""
    rows = [{"id": i, "instruction_en": INSTRUCTIONS["en"][i], "response_en": "A short English answer.",
             "instruction_zh": "请回答这个问题。", "response_zh": "这是一个很长的中文回答。" * long,
             "instruction_ko": "이 질문에 답하세요.", "response_ko": SHORT["ko"],
             "instruction_pt": INSTRUCTIONS["pt"][i], "response_pt": SHORT["pt"]}
            for i in range(n)]
    path = tmp_path / "parallel.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_build_data_targets_it_and_pivots_through_another_language(tmp_path):
    folder = write_language(tmp_path / "languages").parent
    rows = parallel(tmp_path)
    for pivot_lang, out in (("en", tmp_path / "via_en"), ("zh", tmp_path / "via_zh")):
        done = run(exe("plug-train"), "build-data", "--parallel", str(rows), "--target", "pt", "--pivot", pivot_lang,
                   "--mode", "both", "--out", str(out), "--languages", str(folder))
        assert done.returncode == 0, done.stderr
        plug = [json.loads(x) for x in (out / "plug.jsonl").read_text(encoding="utf-8").splitlines()]
        direct = [json.loads(x) for x in (out / "direct.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(plug) == len(direct) == 3
        assert plug[0]["system"] == languages.PIVOT_SYSTEM.format(pivot=languages.get(pivot_lang).name,
                                                                  target="Portuguese")
        assert direct[0]["system"] == "Please respond to the following user message in Portuguese."
        header = languages.get(pivot_lang).header
        assert plug[0]["response"].startswith(header + "\n")
        assert plug[0]["response"].endswith("\n\nResposta em português:\nUma resposta curta em português.")


@pytest.mark.parametrize("target", ["ko", "pt"])
def test_truncate_pivot_shortens_a_chinese_pivot_instead_of_dropping_the_row(tmp_path, monkeypatch, target):
    """It knew only the English header: a Chinese pivot shortened no row and dropped every long one."""
    from plug_eval.tiny import build_tokenizer

    if target == "pt":  # ko is built in: the same bug, before language files
        monkeypatch.setenv("PLUG_EVAL_LANGUAGES", str(write_language(tmp_path / "languages").parent))
    done = run(exe("plug-train"), "build-data", "--parallel", str(parallel(tmp_path, long=40)), "--target", target,
               "--pivot", "zh", "--mode", "plug", "--out", str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    examples = data.read_rows(tmp_path / "data" / "plug.jsonl")
    tok = build_tokenizer(tmp_path / "tok", chat_template=None, texts=[e.messages[-1]["content"] for e in examples])
    template = data.training_template(tok)
    full = max(len(data.encode(tok, template, e.messages)[0].input_ids) for e in examples)
    kept, counts = data.encode_all(examples, tok, template, full // 2, overlong="truncate-pivot")
    assert (len(kept), counts["truncated_pivot"], counts["dropped_overlong"]) == (3, 3, 0)
    for enc in kept:
        text = tok.decode([t for t, lab in zip(enc.input_ids, enc.labels, strict=True) if lab != data.IGNORE])
        split = pivot.split_response(text.removesuffix(tok.eos_token), target, "zh")
        assert split.ok and split.answer == SHORT[target]
        assert 0 < len(split.pivot_draft) < len("这是一个很长的中文回答。" * 40)


@pytest.mark.slow
def test_plug_train_translate_into_it(tmp_path):
    folder = write_language(tmp_path / "languages").parent
    reply = "### Instrução:\nExplique o que é um arco-íris.\n### Resposta:\nUm arco-íris é a luz do sol em cores."
    model = scripted_model(tmp_path / "translator", reply)
    src = tmp_path / "in.json"
    src.write_text(json.dumps([{"id": "r1", "instruction": "Explain what a rainbow is.",
                                "response": "A rainbow is sunlight split into colours."}]), encoding="utf-8")
    done = run(exe("plug-train"), "translate", "--input", str(src), "--target", "pt", "--model", f"hf:{model}",
               "--out", str(tmp_path / "tr"), "--languages", str(folder), "--quiet", timeout=600)
    assert done.returncode == 0, done.stderr
    row = json.loads((tmp_path / "tr" / "parallel.jsonl").read_text(encoding="utf-8"))
    assert (row["instruction_pt"], row["response_pt"]) == (
        "Explique o que é um arco-íris.", "Um arco-íris é a luz do sol em cores.")
