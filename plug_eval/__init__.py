"""plug-eval: X-AlpacaEval for lm-evaluation-harness, pairwise LLM judging, PLUG training.

Importing this package stays cheap (no torch, transformers or lm_eval), so the judging and
reporting command lines start fast.  Heavy imports happen inside the functions that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import DataError, PlugEvalError
from .languages import LANGUAGES, TARGETS, answer_units
from .pivot import build_response, split_response

if TYPE_CHECKING:  # pragma: no cover
    from lm_eval.tasks import TaskManager


def tasks_dir() -> str:
    """Filesystem path of the packaged X-AlpacaEval task folder (for ``--include_path``)."""
    from .tasks_path import tasks_dir as _tasks_dir

    return _tasks_dir()


def task_manager(**kwargs: Any) -> "TaskManager":
    """An lm-eval ``TaskManager`` that also sees the X-AlpacaEval tasks."""
    from lm_eval.tasks import TaskManager

    include = kwargs.pop("include_path", None)
    paths = [tasks_dir()] + ([include] if isinstance(include, str) else list(include or []))
    return TaskManager(include_path=paths, **kwargs)


__all__ = [
    "DataError", "PlugEvalError", "LANGUAGES", "TARGETS", "answer_units", "build_response",
    "split_response", "tasks_dir", "task_manager", "__version__",
]
