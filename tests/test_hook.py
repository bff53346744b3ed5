"""The start-up hook that shows installed task packages to plain `lm_eval` (plug_eval_hook)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import plug_eval_hook

import plug_eval
from conftest import exe

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}


def python(code, env=None, startup=True, tmp_path=None):
    """Run ``code`` in a fresh interpreter whose start-up runs the .pth line (when ``startup``)."""
    env = {**ENV, **(env or {})}
    if startup:
        site = tmp_path / "startup"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text("import plug_eval_hook; plug_eval_hook.install()\n")
        env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, env=env, timeout=300)


def test_start_up_imports_nothing_heavy_and_arms_a_lazy_finder(tmp_path):
    r = python("""
        import sys
        print(sorted(m for m in ("lm_eval", "torch", "plug_eval", "transformers") if m in sys.modules))
        print([type(f).__name__ for f in sys.meta_path][0])
    """, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[:2] == ["[]", "_Finder"]


def test_task_manager_sees_our_tasks_once_after_lm_eval_tasks_is_imported(tmp_path):
    r = python("""
        from lm_eval.tasks import TaskManager
        tm = TaskManager()
        names = set(tm.all_tasks)
        print(sorted(n for n in names if n.startswith("xalpacaeval")))
        print(str(tm.task_index["xalpacaeval_zh"].yaml_path))
    """, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    want = sorted(["xalpacaeval", "xalpacaeval_pivot", "xalpacaeval_all"]
                  + [f"xalpacaeval_{c}" for c in ("en", "zh", "ko", "it", "es")]
                  + [f"xalpacaeval_pivot_{c}" for c in ("zh", "ko", "it", "es")])
    assert eval(lines[0]) == want
    assert Path(lines[1]).parent == Path(plug_eval.tasks_dir())
    assert "overrides existing task" not in r.stderr


def test_one_environment_variable_switches_it_off(tmp_path):
    r = python("""
        import sys
        from lm_eval.tasks import TaskManager
        print(any(type(f).__name__ == "_Finder" for f in sys.meta_path))
        print("xalpacaeval_zh" in TaskManager().all_tasks)
    """, env={plug_eval_hook.ENV: "0"}, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["False", "False"]


def test_user_include_path_comes_after_ours_and_wins(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "mine.yaml").write_text("task: my_task\ndataset_path: x\noutput_type: generate_until\n")
    path = plug_eval_hook.with_entry_points([str(mine)], Path(tmp_path / "no-lm-eval-tasks"))
    assert path[-1] == str(mine)
    assert [Path(p) for p in path[:-1]] == [Path(p) for p in plug_eval.task_folders()]
    # a folder the user already included is not added again
    again = plug_eval_hook.with_entry_points(plug_eval.task_folders(), tmp_path)
    assert again == plug_eval.task_folders()


def test_a_folder_placed_by_tasks_link_is_skipped(tmp_path):
    fake_lm_eval_tasks = tmp_path / "lm_eval_tasks"
    sources = [Path(f) for f in plug_eval.task_folders()]
    assert [s.name for s in sources] == ["xalpacaeval", "xsvamp", "xtruthfulqa"]
    for source in sources:
        linked = fake_lm_eval_tasks / source.name
        linked.mkdir(parents=True)
        for f in source.glob("*.yaml"):
            (linked / f.name).symlink_to(f)
    assert plug_eval_hook.with_entry_points(None, fake_lm_eval_tasks) == [str(s) for s in sources]
    (fake_lm_eval_tasks / "xsvamp" / plug_eval_hook.LINK_MARKER).write_text("linked by plug-eval\n")
    assert plug_eval_hook.with_entry_points(None, fake_lm_eval_tasks) == [
        str(s) for s in sources if s.name != "xsvamp"]
    for source in sources:
        (fake_lm_eval_tasks / source.name / plug_eval_hook.LINK_MARKER).write_text("linked\n")
    assert plug_eval_hook.with_entry_points(None, fake_lm_eval_tasks) is None


def test_native_entry_point_support_is_detected_by_feature(tmp_path):
    """An lm-eval whose tasks package reads the group itself is left alone (PR #4015's shape)."""
    pkg = tmp_path / "fake" / "lm_eval"
    (pkg / "tasks").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "tasks" / "__init__.py").write_text(textwrap.dedent("""
        from importlib.metadata import entry_points

        class TaskManager:
            def __init__(self, include_path=None, include_defaults=True):
                plugins = [ep.value for ep in entry_points(group="lm_eval.tasks")]
                self.include_path = include_path
                self.plugins = plugins
    """))
    r = python("""
        import lm_eval.tasks
        tm = lm_eval.tasks.TaskManager(include_path=["/user"])
        print(tm.include_path, "plug_eval.tasks" in tm.plugins)
    """, env={"PYTHONPATH": str(tmp_path / "fake")}, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "['/user'] True"  # not patched: lm-eval reads the entry point

    (pkg / "tasks" / "__init__.py").write_text(textwrap.dedent("""
        class TaskManager:
            def __init__(self, include_path=None, include_defaults=True):
                self.include_path = include_path
    """))
    r = python("""
        import lm_eval.tasks
        print(lm_eval.tasks.TaskManager(include_path=["/user"]).include_path[-1])
        print(len(lm_eval.tasks.TaskManager(include_path=["/user"]).include_path))
    """, env={"PYTHONPATH": str(tmp_path / "fake")}, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["/user", str(1 + len(plug_eval.task_folders()))]


def test_plug_eval_run_does_not_add_the_tasks_twice(tmp_path):
    """With the hook active, `plug-eval run` adds nothing more: no 'overrides existing task'."""
    site = tmp_path / "startup"
    site.mkdir()
    (site / "sitecustomize.py").write_text("import plug_eval_hook; plug_eval_hook.install()\n")
    env = {**ENV, "PYTHONPATH": str(site), "XALPACAEVAL_DATA_DIR": "sample"}
    r = subprocess.run([exe("plug-eval"), "run", "--model", "dummy", "--tasks", "xalpacaeval_zh",
                        "--limit", "1", "--output_path", str(tmp_path / "out")],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "overrides existing task" not in r.stderr
    assert "xalpacaeval_zh" in r.stdout


def test_plain_lm_eval_runs_the_new_benchmarks_on_the_sample(tmp_path):
    """Issue 13's bar: literal `lm_eval --tasks xsvamp_pivot_ko` / `xtruthfulqa_zh`, no extra flag."""
    r = python("""
        import sys
        from lm_eval.__main__ import cli_evaluate
        sys.argv = ["lm_eval", "--model", "dummy", "--tasks", "xsvamp_pivot_ko,xtruthfulqa_zh",
                    "--limit", "1"]
        cli_evaluate()
    """, env={"XSVAMP_DATA_DIR": "sample", "XTRUTHFULQA_DATA_DIR": "sample"}, tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "overrides existing task" not in r.stderr
    assert "xsvamp_pivot_ko" in r.stdout and "accuracy" in r.stdout
    assert "xtruthfulqa_zh" in r.stdout and "lang_fidelity" in r.stdout
