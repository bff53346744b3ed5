"""plug_eval.files: atomic writes that fsync, readers whose errors say path:line."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plug_eval import files
from plug_eval.errors import PlugEvalError


def test_write_atomic_replaces_the_file_and_fsyncs_file_and_folder(tmp_path, monkeypatch):
    target = tmp_path / "summary.json"
    target.write_text("old", encoding="utf-8")
    synced: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.fstat(fd).st_mode)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    files.write_json(target, {"é": 1})
    assert json.loads(target.read_text("utf-8")) == {"é": 1}
    kinds = ["dir" if (m & 0o170000) == 0o040000 else "file" for m in synced]
    assert kinds == ["file", "dir"]
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]  # no temporary file left


def test_replace_path_swaps_a_folder_over_a_folder_and_a_file_over_a_file(tmp_path):
    old = tmp_path / "checkpoint-4"
    (old / "state").mkdir(parents=True)
    (old / "state" / "stale.bin").write_bytes(b"old")
    new = tmp_path / "checkpoint-4.tmp"
    new.mkdir()
    (new / "model.safetensors").write_bytes(b"new")
    assert files.replace_path(new, old) == old
    assert sorted(p.name for p in old.rglob("*")) == ["model.safetensors"] and not new.exists()
    (tmp_path / "config.json").write_text("old", encoding="utf-8")
    (tmp_path / "staged.json").write_text("new", encoding="utf-8")
    files.replace_path(tmp_path / "staged.json", tmp_path / "config.json")
    assert (tmp_path / "config.json").read_text(encoding="utf-8") == "new"
    assert not (tmp_path / "staged.json").exists()


def test_staging_dir_swaps_in_on_success_and_leaves_the_old_folder_on_failure(tmp_path):
    final = tmp_path / "merged"
    with files.staging_dir(final) as tmp:
        assert tmp != final and tmp.is_dir() and not final.exists()
        (tmp / "a.txt").write_text("1", encoding="utf-8")
    assert (final / "a.txt").read_text(encoding="utf-8") == "1"
    with pytest.raises(RuntimeError), files.staging_dir(final) as tmp:
        (tmp / "b.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("killed mid-write")
    assert sorted(p.name for p in final.iterdir()) == ["a.txt"]  # the old folder, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["merged"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "items.jsonl"
    target.write_text('{"id": 1}\n', encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        files.write_jsonl(target, [{"id": 2}])
    assert target.read_text("utf-8") == '{"id": 1}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["items.jsonl"]


def test_new_files_get_the_umask_permissions_not_a_temporary_files_0600(tmp_path):
    old = os.umask(0o022)
    try:
        path = files.write_atomic(tmp_path / "report.html", "<p>")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_jsonl_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text('{"id": 1}\n\n{"id": oops}\n', encoding="utf-8")
    with pytest.raises(PlugEvalError) as err:
        files.read_jsonl(path)
    assert err.value.one_line().startswith(f"{path}:3: not valid JSON")
    path.write_text('{"id": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(PlugEvalError, match=r"items.jsonl:2: a list, not a JSON object"):
        files.read_jsonl(path)
    path.write_text('{"id": 1}\n{"id": 2}', encoding="utf-8")  # a hand-written file without a final newline
    assert files.read_jsonl(path) == [{"id": 1}, {"id": 2}]


def test_json_errors_name_the_line_of_the_document(tmp_path):
    path = tmp_path / "prices.json"
    path.write_text('{\n  "gpt": {"input": 1,\n  "output": }\n}\n', encoding="utf-8")
    with pytest.raises(PlugEvalError, match=r"prices.json:3: not valid JSON"):
        files.read_json(path)
    with pytest.raises(FileNotFoundError):
        files.read_json(tmp_path / "missing.json")


def test_scan_skips_a_torn_tail_and_counts_bad_lines(tmp_path):
    path = tmp_path / "judgments.jsonl"
    path.write_bytes(b'{"key": "a"}\n{"key": "b", "ver\n{"no_key": 1}\n{"key": "c"}\n{"key": "d", "verd')
    scan = files.scan_jsonl(path, required="key")
    assert [r["key"] for r in scan.rows] == ["a", "c"]
    assert (scan.bad_lines, scan.torn_tail) == (2, True)
    assert scan.end == path.read_bytes().rfind(b"\n") + 1
    assert files.scan_jsonl(tmp_path / "none.jsonl").rows == []


lines = st.lists(st.one_of(
    st.dictionaries(st.text(max_size=3), st.integers() | st.text(max_size=5), max_size=3).map(json.dumps),
    st.sampled_from(["", "  ", "not json", "[1]", '{"a": 1}, {"b": 2}', '{"a": ', "[1", "2]", "3, 4",
                     ' {"padded": true} ', '{"cr": 1}\r', '{"a": 1} x'])).map(lambda s: s.encode("utf-8"))
    | st.sampled_from([b'{"latin1": "caf\xe9"}', b'{"ok": "\xc3\xa9"}']), max_size=8)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_scanning_agrees_with_reading_each_line_alone(rows):
    data = b"\n".join(rows) + b"\n"
    scan = files.scan_lines(data)
    expected, bad = [], 0
    for line in data.split(b"\n")[:-1]:
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if isinstance(value, dict):
            expected.append(value)
        else:
            bad += 1
    assert (scan.rows, scan.bad_lines) == (expected, bad)
    if bad == 0:  # every line one object: the strict reader agrees
        assert [v for _, v in files.jsonl_rows(data.decode("utf-8"), "x.jsonl")] == expected
