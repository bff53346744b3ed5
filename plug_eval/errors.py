"""User-facing errors.

A :class:`PlugEvalError` is something the user can fix (a bad file, a bad flag).  The command
line prints it as one line, ``plug-eval: error: <path>: <problem>``, and exits with status 2;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

EXIT_USAGE = 2


class PlugEvalError(Exception):
    """A problem with the user's input, reported as one line naming the file."""

    exit_code = EXIT_USAGE

    def __init__(self, problem: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path = None if path is None else os.fspath(path)
        self.problem = problem
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = f"{self.path}: {self.problem}" if self.path else self.problem
        return " ".join(text.split())  # never more than one line


class DataError(PlugEvalError):
    """Benchmark or answer data that cannot be used as it is."""


def fail(prog: str, err: PlugEvalError) -> NoReturn:
    """Print ``err`` as one line on stderr and exit with its code."""
    print(f"{prog}: error: {err.one_line()}", file=sys.stderr)
    raise SystemExit(err.exit_code)
