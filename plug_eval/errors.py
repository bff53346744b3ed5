"""User-facing errors.

A :class:`PlugEvalError` is something the user can fix (a bad file, a bad flag).  The command
line prints it as one line, ``plug-eval: error: <path>: <problem>``, and exits with its status;
anything else is a bug and keeps its traceback.

Exit statuses, the same in every command:

* 0 -- done;
* 1 -- the run finished but gave nothing to use (nothing scored, no row translated);
* 2 -- usage or bad input: a flag, a file, a key, a model or a permission the user must fix;
* 3 -- stopped with work left that a rerun continues: the budget (``--max-cost``), a dead or
  hanging server, a full disk;
* 130 -- interrupted (Ctrl-C), every finished call kept; 141 -- the reader closed the pipe.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
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


class StoppedError(PlugEvalError):
    """A run stopped with work left that the same command continues (a full disk, say): exit 3."""

    exit_code = 3


def fail(prog: str, err: PlugEvalError) -> NoReturn:
    """Print ``err`` as one line on stderr and exit with its code."""
    print(f"{prog}: error: {err.one_line()}", file=sys.stderr)
    raise SystemExit(err.exit_code)


def guarded(prog: str, command: Callable[[], int | None]) -> int:
    """Run a command line's body: a :class:`PlugEvalError` is one line and its exit code; a
    reader that closed the pipe (``| head -1``) ends the command quietly, as a shell tool does."""
    try:
        return int(command() or 0)
    except PlugEvalError as err:
        fail(prog, err)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return EXIT_PIPE


EXIT_PIPE = 141  #: what a shell reports for a command stopped by a closed pipe (128 + SIGPIPE)
