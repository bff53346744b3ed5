"""The one call layer under every LLM job: backends, the engine, the store, prices and jobs.

It knows no job: judging (:mod:`plug_eval.judges`) and translation (:mod:`plug_eval.translate`)
are small :class:`~plug_eval.llm.jobs.Job` definitions over it.

* :mod:`.base` -- :class:`Backend` (one async method, ``complete``), :class:`Request`, :class:`Reply`
  and the errors that say whether a retry can help;
* :mod:`.registry` -- backends by name (``openai``, ``anthropic``, ``hf``; third parties through
  the ``plug_eval.backends`` entry-point group); :mod:`.backends` -- the built-in ones;
* :mod:`.engine` -- concurrency, retries, budget, the circuit breaker; :mod:`.store` -- the
  append-only store and the keys; :mod:`.prices` -- what a call costs;
* :mod:`.rundir` -- a run directory's files and identity; :mod:`.jobs` -- the :class:`Job` shape,
  :func:`plan_job`, :func:`run_job`, :func:`dry_run`; :mod:`.cli` -- the run flags every command shares.

Importing it loads nothing heavy: no SDK, and not even the engine until a name of it is used
(``summarize``, ``report`` and ``--help`` never start an event loop).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what tools read; at run time the names load on first use
    from plug_eval.llm.base import (
        Backend,
        BackendOptions,
        CallError,
        FatalError,
        PermanentError,
        Reply,
        Request,
        TransientError,
    )
    from plug_eval.llm.engine import Limits
    from plug_eval.llm.jobs import Call, Job, dry_run, plan_job, run_job
    from plug_eval.llm.registry import ENTRY_POINT_GROUP, register

_HOME = {**dict.fromkeys(["Backend", "BackendOptions", "CallError", "FatalError", "PermanentError", "Reply", "Request",
                          "TransientError"], "base"), "Limits": "engine",
         **dict.fromkeys(["Call", "Job", "dry_run", "plan_job", "run_job"], "jobs"),
         **dict.fromkeys(["ENTRY_POINT_GROUP", "register"], "registry")}
__all__ = ["Backend", "BackendOptions", "CallError", "FatalError", "PermanentError", "Reply", "Request",
           "TransientError", "Limits", "Call", "Job", "dry_run", "plan_job", "run_job", "ENTRY_POINT_GROUP", "register"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"plug_eval.llm.{_HOME[name]}"), name)
