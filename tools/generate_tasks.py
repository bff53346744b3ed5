"""Write every built-in task YAML of every benchmark from the language and task-name tables.

    python tools/generate_tasks.py          # rewrite the YAMLs under tasks/
    python tools/generate_tasks.py --check  # exit 1 if any file would change (a test runs it)

The only way the YAMLs are made.  The generator itself is :mod:`plug_eval.tasks.generate`, which
``plug-eval tasks add-language`` also uses for a language added by a file; bump a benchmark's
VERSIONS entry there whenever its prompts, metrics or generation settings change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plug_eval.tasks.generate import VERSIONS, drift, render, write

__all__ = ["VERSIONS", "main", "render"]
HERE = Path(__file__).resolve().parents[1] / "tasks"  # a build-time tool: it edits the checkout


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="report drift instead of writing")
    p.add_argument("--out", type=Path, default=HERE, help="the tasks folder (default: this one)")
    a = p.parse_args(argv)
    wanted = render()
    changed, stale = drift(wanted, a.out)
    if a.check:
        if changed or stale:
            print("out of date: " + ", ".join(changed + [f"{s} (not generated)" for s in stale]),
                  file=sys.stderr)
            return 1
        return 0
    write(wanted, a.out, changed)
    for name in stale:
        (a.out / name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
