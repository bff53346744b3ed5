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

Importing it loads no SDK: the backends import theirs when they are built.
"""

from __future__ import annotations

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

__all__ = [
    "Backend", "BackendOptions", "CallError", "FatalError", "PermanentError", "Reply", "Request", "TransientError",
    "Limits", "Call", "Job", "dry_run", "plan_job", "run_job", "ENTRY_POINT_GROUP", "register",
]
