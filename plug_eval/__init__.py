"""plug-eval: X-AlpacaEval for lm-evaluation-harness, pairwise LLM judging, PLUG training.

Importing this package stays cheap (no torch, transformers or lm_eval), so the judging and
reporting command lines start fast.  Heavy imports happen inside the functions that need them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from plug_eval.errors import DataError, PlugEvalError
from plug_eval.languages import LANGUAGES, answer_units
from plug_eval.pivot import build_response, split_response

if TYPE_CHECKING:  # pragma: no cover
    from lm_eval.tasks import TaskManager


def __getattr__(name: str) -> Any:
    if name == "TARGETS":  # read from the language files on first use, not on import
        from plug_eval.languages import targets

        return targets()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def tasks_dir() -> str:
    """Filesystem path of the packaged X-AlpacaEval task folder (for ``--include_path``)."""
    from plug_eval.tasks_path import tasks_dir as _tasks_dir

    return _tasks_dir()


def task_folders() -> list[str]:
    """Folders of every packaged benchmark's lm-eval tasks (one per benchmark)."""
    from importlib.resources import files

    import plug_eval_hook

    return [str(p) for p in plug_eval_hook.benchmark_folders(str(files("plug_eval.tasks")))]


def task_manager(**kwargs: Any) -> TaskManager:
    """An lm-eval ``TaskManager`` that also sees our tasks (added once, before ``include_path``)."""
    import lm_eval.tasks

    import plug_eval_hook

    plug_eval_hook.patch(lm_eval.tasks)  # adds them to every TaskManager with lm-eval's tasks
    if not kwargs.get("include_defaults", True):  # without lm-eval's tasks: add them here
        include = kwargs.pop("include_path", None)
        user = [include] if isinstance(include, (str, os.PathLike)) else list(include or [])
        kwargs["include_path"] = [*task_folders(), *user]
    return lm_eval.tasks.TaskManager(**kwargs)


__all__ = [
    "DataError", "PlugEvalError", "LANGUAGES", "TARGETS", "answer_units", "build_response",
    "split_response", "tasks_dir", "task_folders", "task_manager", "__version__",
]
