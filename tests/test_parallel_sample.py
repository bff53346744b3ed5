"""The demo's parallel sample (``plug_eval/data/parallel_sample.jsonl``) and its generator.

``tools/parallel_sample/make_parallel_sample.py`` renders the shipped file.  The drift test in
``test_demo.py`` checks that the shipped file is what the generator writes today; the tests here
pin the bytes themselves, so a change to the generator that changes the sample shows up as a
failure here and not only as a stale file.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from plug_eval import files, languages

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "tools" / "parallel_sample" / "make_parallel_sample.py"
SHIPPED = ROOT / "plug_eval" / "data" / "parallel_sample.jsonl"

#: SHA-256 of the shipped sample as issue 14 left it (458 rows): the demo's documented results
#: (docs/reproducing.md) were measured on exactly these bytes.  Change it only together with a
#: deliberate change to the sample's rows, and rerun those measurements.
SAMPLE_SHA256 = "b064193f339001aa45875eff8f7f10694a9757a9c67dc208700664de2fd1db6d"


def generate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=120)


def test_generator_writes_the_shipped_sample_byte_for_byte(tmp_path):
    out = tmp_path / "parallel_sample.jsonl"
    proc = generate("--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    blob = out.read_bytes()
    assert blob == SHIPPED.read_bytes()
    assert hashlib.sha256(blob).hexdigest() == SAMPLE_SHA256
    assert blob.count(b"\n") == 458


# --- the rows are data: a language is fields, not code ----------------------------------------------
DATA = GENERATOR.parent / "data"


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_language(data: Path, code: str, like: str, mark: str) -> None:
    """Give every phrasing and row of the copy in ``data`` a ``code`` block: ``like``'s text after ``mark``."""
    index = read_yaml(data / "sample.yaml")
    index["languages"].append(code)
    write_yaml(data / "sample.yaml", index)
    for name in index["files"]:
        kinds = read_yaml(data / name)
        for kind in kinds:
            phrasings = [*kind.get("instruction", []), *kind.get("responses", {}).values()]
            phrasings += [kind["response"]] if "response" in kind else []
            for phrasing in phrasings:
                phrasing[code] = mark + phrasing[like]
            for row in kind.get("rows", []):
                block = dict(row[like])
                for field in ("instruction", "response"):  # a kind without phrasings: the row writes its own
                    if field in block:
                        block[field] = mark + block[field]
                row[code] = block
        write_yaml(data / name, kinds)


@pytest.fixture()
def generator():
    sys.path.insert(0, str(GENERATOR.parent))
    try:
        import make_parallel_sample
    finally:
        sys.path.remove(str(GENERATOR.parent))
    return make_parallel_sample


def test_a_sixth_language_is_a_field_in_each_record_and_leaves_the_shipped_sample_alone(tmp_path, monkeypatch,
                                                                                      generator):
    shipped = SHIPPED.read_bytes()
    data = copy_data(tmp_path)
    add_language(data, "de", like="it", mark="[de] ")
    # German is one language file (issue 23), in a folder the table reads: it gives the script.
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "de.yaml").write_text('code: de\nname: German\nnative: Deutsch\nheader: "Deutsche Antwort:"\n',
                                    encoding="utf-8")
    monkeypatch.setenv(languages.ENV, str(folder))
    assert languages.get("de").script == "Latn"
    out = tmp_path / "sample_de.jsonl"
    assert generator.main(["--data", str(data), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 458
    fields = [f"{part}_{lang}" for lang in ("en", "zh", "ko", "it", "es", "de") for part in ("instruction", "response")]
    assert all(list(row) == ["id", "kind", *fields] for row in rows)
    for row in rows:  # German went through German phrasings and blocks: every kind, drawn rows too
        assert row["instruction_de"] == "[de] " + row["instruction_it"], row["id"]
        assert row["response_de"] == "[de] " + row["response_it"], row["id"]
    five = [{k: v for k, v in row.items() if not k.endswith("_de")} for row in rows]
    assert files.dump_jsonl(five).encode("utf-8") == shipped  # the five languages: byte for byte
    assert SHIPPED.read_bytes() == shipped
    assert generate("--check").returncode == 0


def drop_block(data: Path) -> None:
    kinds = read_yaml(data / "texts.yaml")
    del kinds[0]["rows"][2]["ko"]
    write_yaml(data / "texts.yaml", kinds)


def stray_block(data: Path) -> None:
    kinds = read_yaml(data / "facts.yaml")
    kinds[0]["rows"][0]["de"] = {"c": "Frankreich", "k": "Paris"}
    write_yaml(data / "facts.yaml", kinds)


def unknown_language(data: Path) -> None:
    index = read_yaml(data / "sample.yaml")
    index["languages"].append("xx")
    write_yaml(data / "sample.yaml", index)


def missing_slot(data: Path) -> None:
    kinds = read_yaml(data / "facts.yaml")
    del kinds[0]["rows"][4]["zh"]["k"]
    write_yaml(data / "facts.yaml", kinds)


def broken_yaml(data: Path) -> None:
    (data / "howto.yaml").write_text("- kind: recipe\n  rows: [\n", encoding="utf-8")


@pytest.mark.parametrize(("spoil", "names"), [
    (drop_block, "texts.yaml: kind 'tips' row 3: no ko block"),
    (stray_block, "facts.yaml: kind 'capital' row 1: block 'de' is not one of the sample's languages"),
    (unknown_language, "sample.yaml: languages: unknown language code 'xx'"),
    (missing_slot, "facts.yaml: kind 'capital' row 5 zh: cannot fill"),
    (broken_yaml, "howto.yaml: not valid YAML: line 3"),
])
def test_bad_data_is_one_line_naming_the_file_and_the_record_exit_2_nothing_written(tmp_path, spoil, names):
    data = copy_data(tmp_path)
    spoil(data)
    out = tmp_path / "out.jsonl"
    proc = generate("--data", str(data), "--out", str(out))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("make_parallel_sample: error: ")
    assert names in proc.stderr, proc.stderr
    assert not out.exists()
