"""AlpacaEval 2's own length-controlled win rate, for AlpacaEval imports, from its published GLM.

AlpacaEval fits, per model, ``logit P(model beats the baseline) = w_len * tanh(std_delta_len) +
w_diff * difficulty_i + w_bias`` over its 805 instructions and publishes the coefficients
(``metrics/weights/<annotator>/length_controlled_v1/baseline_<baseline>.csv``: one row per model,
columns ``np.tanh(std_delta_len)``, ``instruction_difficulty``, ``not_gamed_baseline.astype(float)``).
Its LC of a model against a baseline is the mean over the instructions of
``sigmoid(dw_bias + dw_diff * difficulty_i)`` with ``dw = w[model] - w[baseline]``: the length
term set to zero.  The per-instruction difficulties are a second file of AlpacaEval's
(``instruction_difficulty.csv``, published with its dataset, one value per instruction), so both
are needed; with only one, the report keeps our own length-controlled figure under its own label.

Only imported AlpacaEval runs get this number: the weights describe AlpacaEval's judge on its
data, not our runs.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from plug_eval import files
from plug_eval.errors import PlugEvalError

if TYPE_CHECKING:
    from plug_eval.reports.model import Cell

DIFFICULTY, BIAS = "instruction_difficulty", "not_gamed_baseline.astype(float)"
DIFFICULTY_HINT = ("AlpacaEval's LC also needs the per-instruction difficulties: give --alpacaeval-difficulty "
                   "instruction_difficulty.csv (from AlpacaEval's dataset) with --alpacaeval-weights")


def _rows(path: str | os.PathLike[str]) -> list[list[str]]:
    try:
        text = files.decode_text(files.read_bytes(path), path)
    except FileNotFoundError:
        raise PlugEvalError("no such file", path) from None
    rows = [r for r in csv.reader(io.StringIO(text)) if r and any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise PlugEvalError("expected a CSV file with a header and at least one row", path)
    return rows


def _number(text: str, path: Any, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise PlugEvalError(f"not a number: {text[:40]!r}", f"{os.fspath(path)}:{line}") from None
    if not math.isfinite(value):
        raise PlugEvalError(f"not a finite number: {text[:40]!r}", f"{os.fspath(path)}:{line}")
    return value


def load_weights(path: str | os.PathLike[str]) -> dict[str, tuple[float, float]]:
    """Model name -> (difficulty coefficient, bias coefficient) from AlpacaEval's GLM weights CSV."""
    rows = _rows(path)
    header = [h.strip() for h in rows[0]]
    missing = [c for c in (DIFFICULTY, BIAS) if c not in header]
    if missing:
        raise PlugEvalError(f"not AlpacaEval's length-controlled weights: no column {missing[0]!r}", path)
    i_diff, i_bias = header.index(DIFFICULTY), header.index(BIAS)
    out: dict[str, tuple[float, float]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) < len(header):
            raise PlugEvalError(f"{len(row)} columns where the header has {len(header)}", f"{os.fspath(path)}:{line}")
        out[row[0].strip()] = (_number(row[i_diff], path, line), _number(row[i_bias], path, line))
    return out


def load_difficulty(path: str | os.PathLike[str]) -> np.ndarray:
    """The per-instruction difficulties (the last column of every row; a header row is skipped)."""
    rows = _rows(path)
    first = 1
    try:
        float(rows[0][-1])
        first = 0  # no header
    except ValueError:
        pass
    return np.array([_number(r[-1], path, line) for line, r in enumerate(rows[first:], start=first + 1)])


@dataclass
class AlpacaEvalLC:
    weights: dict[str, tuple[float, float]]
    difficulty: np.ndarray
    source: str

    def value(self, system: str, baseline: str) -> tuple[float | None, str | None]:
        """AlpacaEval's LC of ``system`` against ``baseline`` in percent, or None and why."""
        for name in (system, baseline):
            if name not in self.weights:
                return None, f"{name!r} is not in the AlpacaEval weights ({self.source})"
        d_diff = self.weights[system][0] - self.weights[baseline][0]
        d_bias = self.weights[system][1] - self.weights[baseline][1]
        logits = d_bias + d_diff * self.difficulty
        return float(100.0 * np.mean(1.0 / (1.0 + np.exp(-logits)))), None

    def apply(self, cell: Cell) -> None:
        """Set an imported comparison's ``ae_lc`` (other runs keep ours only)."""
        if isinstance(cell.s.get("alpacaeval"), dict):
            cell.ae_lc, cell.ae_lc_reason = self.value(cell.system, cell.baseline)


def load(weights: str | os.PathLike[str] | None, difficulty: str | os.PathLike[str] | None) -> AlpacaEvalLC | None:
    """Both files, or neither; one without the other is a one-line error."""
    if weights is None and difficulty is None:
        return None
    if weights is None:
        raise PlugEvalError("--alpacaeval-difficulty needs --alpacaeval-weights (AlpacaEval's GLM weights CSV)",
                            difficulty)
    if difficulty is None:
        raise PlugEvalError(DIFFICULTY_HINT, weights)
    return AlpacaEvalLC(load_weights(weights), load_difficulty(difficulty), os.fspath(weights))
