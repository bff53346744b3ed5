"""Paste each CLI's ``--help`` into README.md between markers, or check that it is current.

    python tools/readme_help.py          # rewrite the blocks
    python tools/readme_help.py --check  # exit 1 when a block has drifted from --help

A block is written as::

    <!-- help: plug-judge compare -->
    ```text
    ...the output of `plug-judge compare --help`...
    ```
    <!-- /help -->
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- help: (?P<cmd>[^>]+?) -->\n)(?P<body>.*?)(<!-- /help -->)", re.S)


def help_text(command: str) -> str:
    """``command --help`` at a fixed width, so the README does not depend on the terminal."""
    prog, *rest = command.split()
    exe = Path(sys.executable).parent / prog
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    out = subprocess.run([str(exe) if exe.exists() else prog, *rest, "--help"], env=env,
                         capture_output=True, text=True, check=True).stdout
    return "```text\n" + out.rstrip() + "\n```\n"


def render(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + help_text(m.group("cmd")) + m.group(4), text)


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print("README.md: a --help block is out of date; run python tools/readme_help.py",
                  file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
