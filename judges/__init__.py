"""Pluggable LLM judges: backends, presets, templates and verdict parsing.

Installed as ``plug_eval.judges``.  A backend is a small :class:`Backend` subclass with one
async method; it is found by name through :mod:`.registry` (third parties use the
``plug_eval.judges`` entry-point group).  Presets (YAML) and templates (jinja2) are data under
``presets/`` and ``templates/``.
"""

from __future__ import annotations

from plug_eval.judges.base import (
                   Backend,
                   BackendOptions,
                   JudgeCallError,
                   JudgeReply,
                   JudgeRequest,
                   PermanentError,
                   TransientError,
)
from plug_eval.judges.config import JudgeConfig, preset_names, resolve
from plug_eval.judges.registry import ENTRY_POINT_GROUP, register
from plug_eval.judges.verdicts import Parsed, parse_pairwise, parse_rating

__all__ = [
    "Backend", "BackendOptions", "JudgeCallError", "JudgeReply", "JudgeRequest", "PermanentError",
    "TransientError", "JudgeConfig", "preset_names", "resolve", "ENTRY_POINT_GROUP", "register", "Parsed",
    "parse_pairwise", "parse_rating",
]
