"""A user's mistake inside lm-eval is an exception callers can catch, and one line on a command line.

Our tasks raise :class:`plug_eval.tasks.base.TaskError` (a PlugEvalError, so an ``Exception``),
never ``SystemExit``: lm-eval's Python API hands it to its caller, and lm-eval's own task tests
report it instead of stopping pytest (issue 27).  ``plug-eval run`` and plain ``lm_eval`` print it
as one line and exit with status 2.
"""

import subprocess
import sys

import pytest
from lm_eval import simple_evaluate
from plug_eval.tasks import base
from test_tasks_backends import hooked_env  # noqa: F401  (a fixture)
from test_tasks_lmeval import CannedLM

import plug_eval
from plug_eval import cli
from plug_eval.errors import PlugEvalError

MISSING = "data folder does not exist"


def caught(call):
    """What a caller's ``except Exception`` gets from ``call()`` (None: nothing raised)."""
    try:
        call()
    except Exception as err:  # the point: an ordinary handler catches it
        return err
    return None


def test_missing_data_is_a_catchable_error_in_task_manager_load(tmp_path):
    where = tmp_path / "nope"
    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": str(where)})
    err = caught(lambda: tm.load(["xalpacaeval_zh"]))
    assert isinstance(err, base.TaskError) and isinstance(err, PlugEvalError)
    assert str(err) == err.one_line() and "\n" not in str(err)
    assert str(err).startswith(f"xalpacaeval_zh: {where}: X-AlpacaEval {MISSING}")
    assert err.task == "xalpacaeval_zh" and isinstance(err.__cause__, PlugEvalError)


def test_missing_data_is_a_catchable_error_in_simple_evaluate(tmp_path):
    where = tmp_path / "nope"
    tm = plug_eval.task_manager(include_defaults=False, metadata={"xsvamp_data_dir": str(where)})
    lm = CannedLM(lambda p: "1")
    err = caught(lambda: simple_evaluate(model=lm, tasks=["xsvamp_pivot_ko"], task_manager=tm, limit=1))
    assert isinstance(err, PlugEvalError), err
    assert str(err).startswith(f"xsvamp_pivot_ko: {where}: X-SVAMP {MISSING}")
    assert lm.prompts == []  # stopped before any request


def lm_eval_cli(*args, env):
    return subprocess.run([sys.executable, "-m", "lm_eval", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def test_plain_lm_eval_prints_one_line_and_exits_2(hooked_env, tmp_path):  # noqa: F811
    where = tmp_path / "nope"
    r = lm_eval_cli("--model", "dummy", "--tasks", "xalpacaeval_zh", "--limit", "1",
                    env={**hooked_env, "XALPACAEVAL_DATA_DIR": str(where)})
    assert r.returncode == 2, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith(f"lm_eval: error: xalpacaeval_zh: {where}: X-AlpacaEval {MISSING}")


def test_plug_eval_run_prints_a_task_error_as_one_line(capsys):
    """Few-shot is refused inside lm-eval (after plug-eval's own data check): one line, exit 2."""
    with pytest.raises(SystemExit) as exc:
        cli.main(["run", "--model", "dummy", "--tasks", "xalpacaeval_ko", "--num_fewshot", "2",
                  "--limit", "1", "--metadata", '{"xalpacaeval_data_dir": "sample"}'])
    assert exc.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("plug-eval: error: xalpacaeval_ko: --num_fewshot 2: X-AlpacaEval is zero-shot")


def test_other_errors_keep_their_traceback_in_lm_eval_cli(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(base, "_previous_hook", lambda *exc: seen.append(exc[0]))
    base._print_one_line(ValueError, ValueError("a bug"), None)
    assert seen == [ValueError] and capsys.readouterr().err == ""
    with pytest.raises(SystemExit) as exc:
        base._print_one_line(PlugEvalError, PlugEvalError("bad flag", "f.json"), None)
    assert exc.value.code == 2 and capsys.readouterr().err == "lm_eval: error: f.json: bad flag\n"


def test_the_hook_is_installed_only_in_lm_eval_cli(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(base, "_previous_hook", None)
    before = sys.excepthook
    base.one_line_in_lm_eval_cli()  # pytest is not lm-eval's command line
    assert sys.excepthook is before
    monkeypatch.setattr(sys, "argv", ["/venv/bin/lm_eval", "--tasks", "x"])
    base.one_line_in_lm_eval_cli()
    base.one_line_in_lm_eval_cli()  # once
    assert sys.excepthook is base._print_one_line and base._previous_hook is before
