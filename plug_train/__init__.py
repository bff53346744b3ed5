"""plug-train: a compact PLUG fine-tuning trainer (see docs/training.md).

Importing this package is cheap; torch and transformers load when ``train`` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import TrainConfig

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any


def train(config: TrainConfig, origins: dict[str, str] | None = None,
          on_step: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """Run a training job described by ``config``; returns the output directory."""
    from .trainer import train as _train

    return _train(config, origins, on_step)


def build_data(parallel: str, target: str, mode: str, out: str, english: bool = False,
               seed: int = 0) -> dict[str, int]:
    """Write PLUG and/or direct training rows built from parallel rows."""
    from .build_data import build_data as _build

    return _build(parallel, target, mode, out, english, seed)


__all__ = ["TrainConfig", "train", "build_data"]
