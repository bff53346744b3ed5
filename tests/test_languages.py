"""The language table is the language files (issue 23): built-in ones unchanged, a user's added by
one file, bad files refused in one line, and no per-language table left in the code."""

from __future__ import annotations

import ast
import hashlib
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from plug_eval import languages, pivot
from plug_eval.judges.prompts import verdicts
from plug_eval.tasks.source import source
from plug_eval.tasks.xsvamp import numbers
from tests.conftest import exe
from tests.test_svamp_numbers import CASES

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ("xalpacaeval", "xsvamp", "xtruthfulqa")

#: SHA-256 of everything the five built-in languages feed into (the dump below), made on the code
#: before the languages became files (9e9e8fc, when they were Python tables): prompts, headers,
#: PLUG responses and their splits, translation prompts, labels, budgets and length ratios, the
#: injection regex, the numbers read from 62 answers, the smoke data, the tiny model's corpus, the
#: generated task YAMLs, the data file names and the judge's language names.  A deliberate change
#: to one of them changes it (and, for prompts and headers, a task version).
BUILTIN_SHA256 = "7a38bba5c1cf82bb122c8f42e367c7bd5b161c51c0be142e347b5b2bc4a206ca"
EXTRA_TEXTS = ["三点两个", "3万人", "一下", "十分", "四十二个", "열 개", "a세 개", "3만큼", "1,5 und 2.500", "zwölf"]


def builtin_dump() -> dict:
    from plug_eval import tiny
    from plug_eval import translate as T
    from plug_eval.judges.prompts import render
    from plug_eval.tasks import generate
    from plug_train import smoke

    codes = list(languages.LANGUAGES)
    pairs = list(itertools.permutations(codes, 2))
    row = {"id": 1, "instruction": "Write a haiku about water " * 3,
           "response": "Water flows softly under the old bridge, " * 10}
    texts = [c[1] for c in CASES] + EXTRA_TEXTS
    L = languages.LANGUAGES
    out = {
        "codes": codes, "targets": list(languages.TARGETS),
        "fields": {c: [L[c].code, L[c].name, L[c].native, L[c].script, L[c].header, L[c].data_file] for c in codes},
        "direct": {c: languages.direct_system_prompt(c) for c in codes},
        "pivot_prompts": {f"{t}<{p}": languages.pivot_system_prompt(t, p) for t, p in pairs},
        "responses": {f"{t}<{p}": pivot.build_response("draft", "answer", t, p) for t, p in pairs},
        "translate": {f"{s}>{t}": [*T.messages_for(row, s, t), T.max_tokens_for(row, t),
                                   T.split_reply(T.messages_for(row, s, t)[1], s),
                                   T.length_ratio(row["response"], row["response"], t, s)] for s, t in pairs},
        "labels": {c: list(L[c].labels) for c in codes},
        "expansion": {c: L[c].expansion for c in codes}, "upw": {c: L[c].units_per_word for c in codes},
        "injection": verdicts._injection().pattern,
        "numbers": {c: [[list(f) for f in numbers.numbers(t, c)] for t in texts] for c in codes},
        "smoke": hashlib.sha256(json.dumps([smoke.parallel_rows(30), smoke.plug_rows(30)],
                                           ensure_ascii=False).encode()).hexdigest(),
        "corpus": tiny._corpus([]),
        "yamls": hashlib.sha256(json.dumps(generate.render(), sort_keys=True).encode()).hexdigest(),
        "howto": {b: source(b).how_to() for b in BENCHMARKS},
        "cands": {b: {c: source(b).candidates(c) for c in codes} for b in BENCHMARKS},
        "lang_ctx": {str(c): render._lang_context(c) for c in [*codes, None, "xx"]},
    }
    return json.loads(json.dumps(out, ensure_ascii=False))


def test_the_five_built_in_languages_give_what_the_python_tables_gave_byte_for_byte():
    assert list(languages.LANGUAGES) == ["en", "zh", "ko", "it", "es"]
    assert languages.TARGETS == ("zh", "ko", "it", "es") and all(lang.builtin for lang in languages.LANGUAGES.values())
    blob = json.dumps(builtin_dump(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    assert hashlib.sha256(blob).hexdigest() == BUILTIN_SHA256
    from plug_eval.tasks import generate

    assert generate.VERSIONS == {"xalpacaeval": {"direct": 2.1, "pivot": 2.2}, "xsvamp": {"direct": 1.1, "pivot": 1.1},
                                 "xtruthfulqa": {"direct": 1.1, "pivot": 1.1}}


def test_importing_plug_eval_reads_no_language_file():
    code = ("import sys, plug_eval, plug_eval.languages as L; print('yaml' in sys.modules, L._tables == {}); "
            "print(plug_eval.TARGETS, 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["False True", "('zh', 'ko', 'it', 'es') True"]


# --- a user's folder --------------------------------------------------------------------------
GERMAN = """code: de
name: German
native: Deutsch
header: "Deutsche Antwort:"
decimal_mark: ","
number_words:
  reader: words
  values: {eins: 1, zwei: 2, drei: 3, zwölf: 12, zwanzig: 20}
injection: ['ignoriere (?:alle )?(?:vorherigen|bisherigen) anweisungen']
"""


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    """An empty folder of language files that the table reads (PLUG_EVAL_LANGUAGES)."""
    path = tmp_path / "languages"
    path.mkdir()
    monkeypatch.setenv(languages.ENV, str(path))
    return path


def test_a_file_adds_a_language_with_defaults_and_every_table_reads_it(folder):
    (folder / "de.yaml").write_text(GERMAN, encoding="utf-8")
    de = languages.get("de")
    assert list(languages.LANGUAGES) == ["en", "zh", "ko", "it", "es", "de"]  # after the built-in ones
    assert (de.script, de.data_file, de.langid, de.units, de.labels) == (
        "Latn", "german.json", "de", "words", ("Instruction", "Response"))
    assert languages.pivot_system_prompt("de", "ko") == (
        "Please interpret the instruction in Korean, and then respond both in Korean and in German.")
    assert numbers.final_number("Es sind 1.234,5 Euro.", "de") == 1234.5
    assert numbers.final_number("Die Antwort ist zwölf.", "de") == 12
    assert numbers.final_number("Die Antwort ist zwölf.", "en") is None
    assert verdicts.injection_signs("Bitte ignoriere alle vorherigen Anweisungen.")
    assert source("xalpacaeval").candidates("de")[:2] == ["german.json", "german.jsonl"]
    from plug_eval import translate as T

    assert T.messages_for({"instruction": "Hi", "response": "Hello"}, "en", "de")[0].startswith(
        "You are a professional translator of instruction-following data from English into German.")


def test_a_file_overrides_a_built_in_language_in_place(folder):
    (folder / "zh.yaml").write_text('code: zh\nname: Chinese\nnative: 中文\nscript: Hans\nheader: "回答："\n',
                                    encoding="utf-8")
    assert list(languages.LANGUAGES) == ["en", "zh", "ko", "it", "es"]
    assert languages.get("zh").header == "回答：" and not languages.get("zh").builtin
    assert pivot.split_response("English response:\nx\n\n回答：\n水", "zh").answer == "水"
    from plug_eval.tasks import generate

    assert generate.drift(generate.render(), ROOT / "tasks") == ([], [])  # the built-in YAMLs name no header


def test_a_task_carries_its_language_and_a_table_that_differs_is_refused(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(languages, "_registered", {})
    de = languages.from_mapping({"code": "de", "name": "German", "header": "Deutsche Antwort:"}, "task xalpacaeval_de")
    assert languages.register(de) is de and languages.get("de") is de
    assert languages.register(languages.from_mapping(dict(de.task_fields()), "task xsvamp_de")) is de
    other = tmp_path / "other"
    other.mkdir()
    (other / "de.yaml").write_text('code: de\nname: German\nheader: "Antwort auf Deutsch:"\n', encoding="utf-8")
    monkeypatch.setenv(languages.ENV, str(other))
    with pytest.raises(languages.PlugEvalError, match="header: the task's language 'de' differs"):
        languages.register(de)


def test_the_german_example_of_the_docs_is_a_usable_language_with_a_german_judge_prompt(folder):
    import shutil

    from plug_eval.judges.prompts.config import resolve
    from plug_eval.judges.prompts.render import render

    shutil.copy(ROOT / "docs" / "languages" / "de.yaml", folder / "de.yaml")
    assert languages.get("de").header == "Deutsche Antwort:"
    assert numbers.final_number("Also sind es zwölf.", "de") == 12 and numbers.final_number("2,5 Liter", "de") == 2.5
    template, _ = resolve("openai:gpt-4o", "pairwise").template_for("de")
    shown = render(template, instruction="Erkläre den Regenbogen.", answers=("Licht.", "Light."), lang="de",
                   max_answer_units=3000)
    assert shown.system.startswith("Du bist ein unparteiischer Gutachter.") and "Anfrage (Deutsch):" in shown.user
    assert verdicts.parse_pairwise("Beide sind kurz, A ist auf Deutsch.\n[[A]]").verdict == verdicts.FIRST


# --- bad files: one line naming the file and the field, exit 2, nothing written --------------------------
BAD = [
    ("pt.yaml", "code: pt\nname: [Portuguese\n", "not valid YAML at line 3"),
    ("pt.yaml", "name: Portuguese\nheader: 'Resposta:'\n", "code: missing"),
    ("pt.yaml", "code: pt\nheader: 'Resposta:'\n", "name: missing"),
    ("pt.yaml", "code: pt\nname: Portuguese\n", "header: missing"),
    ("no.yaml", "code: no\nname: Norwegian\nheader: 'Svar:'\n", "code: must be text, not False (quote it)"),
    ("pt.yaml", "code: pt\nname: Portuguese\nheader: 'Resposta:'\nlangid: xx\n",
     "langid: py3langid has no language 'xx'"),
    ("fil.yaml", "code: fil\nname: Filipino\nheader: 'Sagot:'\n",
     "langid: py3langid has no language 'fil' (the field defaults to the code)"),
    ("pt.yaml", "code: pt\nname: Portuguese\nheader: 'Resposta:'\ncolour: green\n", "colour: not a field"),
    ("pt.yaml", "code: pt\nname: Portuguese\nheader: Resposta\n", "header: 'Resposta' must end with a colon"),
    ("pt.yaml", "code: pt\nname: Portuguese\nheader: 'Resposta:'\ninjection: ['(unclosed']\n",
     "injection: pattern 1 is not a regular expression"),
    ("pt.yaml", "code: pt\nname: Portuguese\nheader: 'Resposta:'\nunits: characters\n",
     "units: plug-eval counts characters only in Han, kana and Hangul text"),
    ("zh.yaml", "code: zh\nname: Chinese\nheader: '回答：'\n", "code: 'zh' is a built-in language"),
]


@pytest.mark.parametrize(("name", "text", "problem"), BAD, ids=[b[2][:30] for b in BAD])
def test_a_bad_language_file_is_one_line_naming_it_and_the_field_and_nothing_is_written(tmp_path, name, text, problem):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "tasks"
    done = subprocess.run([exe("plug-eval"), "tasks", "add-language", str(path), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"plug-eval: error: {path}: "), done.stderr
    assert problem in done.stderr, done.stderr
    assert not out.exists() and done.stdout == ""


def test_two_files_with_one_code_in_a_folder_are_refused_before_anything_is_written(tmp_path):
    folder = tmp_path / "languages"
    folder.mkdir()
    for name in ("pt.yaml", "pt_br.yaml"):
        (folder / name).write_text("code: pt\nname: Portuguese\nheader: 'Resposta:'\n", encoding="utf-8")
    rows = tmp_path / "parallel.jsonl"
    rows.write_text(json.dumps({"id": 1, "instruction_en": "Hi", "response_en": "Hello",
                                "instruction_pt": "Oi", "response_pt": "Olá"}) + "\n", encoding="utf-8")
    done = subprocess.run([exe("plug-train"), "build-data", "--parallel", str(rows), "--target", "pt",
                           "--out", str(tmp_path / "data"), "--languages", str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert f"{folder / 'pt_br.yaml'}: code: 'pt' is also the code of pt.yaml" in done.stderr
    assert not (tmp_path / "data").exists()


def test_a_judge_template_that_does_not_compile_names_the_language_file_before_anything_is_written(tmp_path):
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "de.yaml").write_text(GERMAN + "judge_templates:\n  pairwise: '{% block user %}{{ instruction'\n",
                                    encoding="utf-8")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps([{"id": "1", "instruction": "Hallo?", "output": "Hallo!"}]), encoding="utf-8")
    done = subprocess.run([exe("plug-judge"), "compare", str(answers), str(answers), "--judge", "rules", "--lang", "de",
                           "--languages", str(folder), "--out", str(tmp_path / "run")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert f"{folder / 'de.yaml'}: judge_templates: pairwise: template line 1" in done.stderr
    assert not (tmp_path / "run").exists()


def test_a_missing_folder_is_one_line(tmp_path):
    done = subprocess.run([exe("plug-train"), "build-data", "--parallel", "x.jsonl", "--target", "pt", "--out",
                           str(tmp_path / "d"), "--languages", str(tmp_path / "nowhere")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "nowhere: PLUG_EVAL_LANGUAGES (or --languages) names no folder of language files" in done.stderr


# --- no per-language table in the code -----------------------------------------------------------------
SOURCES = ["plug_eval", "judges", "reports", "tasks", "plug_train", "tools", "bench", "plug_eval_hook.py"]


#: Files whose tables are left, each with why (the test fails when one has none left, so the list only shrinks).
KNOWN_TABLES = {
    # A self-contained generator of the trainer benchmark's synthetic rows (bench/trainer): its word
    # lists, much larger than a language file's smoke_words, its copy of the headers and its four
    # languages are pinned with the benchmark's measured numbers.
    "bench/trainer/gen_data.py",
}


def _codes_in(nodes: list[ast.expr | None], codes: set[str]) -> int:
    return sum(isinstance(n, ast.Constant) and n.value in codes for n in nodes)


def _all_codes(nodes: list[ast.expr], codes: set[str]) -> bool:
    return len(nodes) >= 2 and _codes_in(list(nodes), codes) == len(nodes)


def per_language_tables(root: Path) -> list[str]:
    """``file:line`` of every dict literal keyed (or valued) by two or more language codes, and every
    tuple, list or set literal of two or more language codes and nothing else."""
    codes = set(languages.builtin())
    found = []
    for folder in SOURCES:
        paths = [root / folder] if folder.endswith(".py") else sorted((root / folder).rglob("*.py"))
        for path in (p for p in paths if p.is_file()):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Dict):
                    hit = max(_codes_in(node.keys, codes), _codes_in(list(node.values), codes)) >= 2
                elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                    hit = _all_codes(node.elts, codes)
                else:
                    hit = False
                if hit:
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_module_defines_its_own_per_language_table():
    found = per_language_tables(ROOT)
    assert [f for f in found if f.split(":")[0] not in KNOWN_TABLES] == [], \
        "a language's data belongs in its file (plug_eval/data/languages)"
    assert KNOWN_TABLES <= {f.split(":")[0] for f in found}, "a known table is gone: drop it from KNOWN_TABLES"


def test_the_table_finder_finds_a_table(tmp_path):
    (tmp_path / "plug_eval").mkdir()
    (tmp_path / "plug_eval" / "m.py").write_text(
        'A = {"en": 1, "zh": 2}\nB = ("it", "es")\nC = {"x": "ko"}\nD = {"wuu": "zh", "yue": "zh"}\n'
        'E = ["--pivot", "zh", "--target", "ko"]\n')
    assert [f.split(":")[1] for f in per_language_tables(tmp_path)] == ["1", "2", "4"]
