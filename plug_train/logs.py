"""What a run reports: a progress bar, JSONL metrics, an optional tracker, rank-0 printing.

The tracker is accelerate's (tensorboard or wandb); with ``--log none`` nothing is initialised
and ``accelerator.log`` does nothing, so the loop has no logging branches.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError

PACKAGES = {"tensorboard": "tensorboard", "wandb": "wandb"}


def check_tracker(name: str) -> str | None:
    """accelerate's ``log_with`` value, or a one-line error naming the missing package."""
    if name == "none":
        return None
    if importlib.util.find_spec(PACKAGES[name]) is None:
        raise PlugEvalError(f"--log {name} needs the {name} package: pip install {PACKAGES[name]}")
    return name


class Printer:
    """``print`` on rank 0 only, to stderr so stdout stays clean for scripts."""

    def __init__(self, main: bool) -> None:
        self.main = main

    def __call__(self, *args: Any) -> None:
        if self.main:
            print("plug-train:", *args, file=sys.stderr, flush=True)


class JsonlWriter:
    """Append one JSON object per line, flushed at once; rank 0 only."""

    def __init__(self, path: Path, main: bool) -> None:
        self.file = path.open("a", encoding="utf-8") if main else None

    def write(self, record: dict[str, Any]) -> None:
        if self.file:
            self.file.write(json.dumps(record) + "\n")
            self.file.flush()

    def close(self) -> None:
        if self.file:
            self.file.close()


def progress_bar(total: int, initial: int, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, disable=not enabled, unit="step", dynamic_ncols=True)
