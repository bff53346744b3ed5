"""Backends by name: lazy, listable, forgiving.

Each name maps to ``"module:Class"`` and is imported on first use, so ``--help`` never loads an
SDK.  The built-ins are registered exactly the way a third-party package is, through the table
below (the judging wing adds its offline ``rules`` backend the same way); outside packages join
through the ``plug_eval.backends`` entry-point group (``mybackend = mypkg.mod:MyBackend``), read
on the first miss.  An unknown name gets "did you mean" and the list of known names.
"""

from __future__ import annotations

import difflib
import importlib
from importlib.metadata import entry_points
from typing import Any

from plug_eval.errors import PlugEvalError
from plug_eval.llm.base import Backend, BackendOptions

ENTRY_POINT_GROUP = "plug_eval.backends"
#: ``-J`` keys that configure a backend rather than the decoding (the rest go into the request).
OPTION_KEYS = frozenset({"batch_size", "device", "dtype", "timeout"})
Target = str | type

_REGISTRY: dict[str, Target] = {}
_entry_points_loaded = False


def register(name: str, target: Target) -> None:
    """Register a backend class (or its ``"module:Class"`` path) under ``name``."""
    _REGISTRY[name] = target


for _name, _path in {
    "openai": "plug_eval.llm.backends.openai_chat:OpenAIBackend",
    "anthropic": "plug_eval.llm.backends.anthropic_messages:AnthropicBackend",
    "hf": "plug_eval.llm.backends.hf_local:HFBackend",
}.items():
    register(_name, _path)


def _load_entry_points() -> None:
    """Add third-party backends; a built-in name is never overridden."""
    global _entry_points_loaded
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        _REGISTRY.setdefault(ep.name, ep.value)


def names() -> list[str]:
    """Every known backend name, third-party ones included."""
    if not _entry_points_loaded:
        _load_entry_points()
    return sorted(_REGISTRY)


def unknown_name_message(name: str) -> str:
    known = names()
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    return f"unknown backend {name!r}.{hint} Known backends: {', '.join(known)}"


def get(name: str) -> type[Backend]:
    """The backend class registered under ``name`` (imported now if it was a path)."""
    if name not in _REGISTRY and not _entry_points_loaded:
        _load_entry_points()
    if name not in _REGISTRY:
        raise PlugEvalError(unknown_name_message(name))
    target = _REGISTRY[name]
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        try:
            target = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as err:
            raise PlugEvalError(f"backend {name!r} ({_REGISTRY[name]}) cannot be loaded: {err}") from err
        _REGISTRY[name] = target
    if not (isinstance(target, type) and issubclass(target, Backend)):
        raise PlugEvalError(f"backend {name!r} is not a plug_eval.llm.Backend subclass")
    return target


def split_options(overrides: dict[str, Any], extra_keys: frozenset[str] = frozenset()
                  ) -> tuple[dict[str, Any], dict[str, Any]]:
    """``-J`` overrides as (decoding arguments, backend options); ``extra_keys`` are a job's own options."""
    keys = OPTION_KEYS | extra_keys
    return ({k: v for k, v in overrides.items() if k not in keys}, {k: v for k, v in overrides.items() if k in keys})


def build(name: str, model: str, *, base_url: str | None = None, timeout: float = 120.0,
          options: dict[str, Any] | None = None) -> Backend:
    """A backend by name, for ``model``; ``options`` are the backend's own (``batch_size``,
    ``device``, ``dtype``; a ``timeout`` here overrides ``timeout``)."""
    extra = dict(options or {})
    return get(name)(BackendOptions(model=model, base_url=base_url, timeout=float(extra.pop("timeout", timeout)),
                                    extra=extra))
