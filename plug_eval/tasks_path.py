"""Where the packaged lm-eval tasks live, in wheel and editable installs alike."""

from __future__ import annotations

from importlib.resources import files


def tasks_dir() -> str:
    # Address plug_eval.tasks directly: files("plug_eval") / "tasks" is not a directory in
    # an editable install (see PACKAGING.md, pitfall 3).
    return str(files("plug_eval.tasks") / "xalpacaeval")
