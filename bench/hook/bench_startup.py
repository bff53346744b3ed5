"""What the lm-eval start-up hook costs every Python process: `python -X importtime -c pass`.

Two fresh venvs (no pip, no packages) differ only in the hook: one holds the wheel's
``plug_eval_lm_eval.pth`` and ``plug_eval_hook.py`` in its site-packages.  The bench runs
``python -X importtime -c pass`` in each, interleaved, N times, and prints the medians of the
wall time and of the import time importtime reports (the sum of its self column), the
difference, and the ratio with/without.  Target: under 5 ms added.

    python bench/hook/bench_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from setup import PTH_LINE, PTH_NAME  # noqa: E402  (one source for the .pth line)


def make_venv(where: Path, with_hook: bool) -> Path:
    venv.EnvBuilder(with_pip=False).create(where)
    py = where / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    if with_hook:
        shutil.copy(ROOT / "plug_eval_hook.py", Path(purelib) / "plug_eval_hook.py")
        (Path(purelib) / PTH_NAME).write_text(PTH_LINE)
        # bytecode as pip writes it at install time (PYTHONDONTWRITEBYTECODE would skip it on import)
        subprocess.run([str(py), "-m", "compileall", "-q", str(Path(purelib) / "plug_eval_hook.py")],
                       check=True)
    return py


def one_run(py: Path) -> tuple[float, float]:
    t = time.perf_counter()
    r = subprocess.run([str(py), "-X", "importtime", "-c", "pass"], capture_output=True, text=True,
                       check=True)
    wall = time.perf_counter() - t
    self_us = 0
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            cell = line.split(":", 1)[1].split("|")[0].strip()
            if cell.isdigit():
                self_us += int(cell)
    return wall * 1e3, self_us / 1e3


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=20)
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        without = make_venv(Path(tmp) / "without", with_hook=False)
        with_ = make_venv(Path(tmp) / "with", with_hook=True)
        for py in (without, with_):
            one_run(py)  # warm the file cache
        runs: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
        for _ in range(a.runs):
            runs["without"].append(one_run(without))
            runs["with"].append(one_run(with_))
        hook_line = subprocess.run([str(with_), "-X", "importtime", "-c", "pass"], capture_output=True,
                                   text=True).stderr
    med = {k: (statistics.median(w for w, _ in v), statistics.median(i for _, i in v))
           for k, v in runs.items()}
    added_wall = med["with"][0] - med["without"][0]
    added_import = med["with"][1] - med["without"][1]
    print(f"python {sys.version.split()[0]} ({sysconfig.get_platform()}), {a.runs} runs each, interleaved")
    print(f"{'':10} {'wall ms':>9} {'importtime ms':>14}")
    for k in ("without", "with"):
        print(f"{k:10} {med[k][0]:9.2f} {med[k][1]:14.3f}")
    print(f"added      {added_wall:9.2f} {added_import:14.3f}   ratio with/without (wall) "
          f"{med['with'][0] / med['without'][0]:.3f}")
    own = next((line.strip() for line in hook_line.splitlines() if "plug_eval_hook" in line), "?")
    print("the hook's own line:", own)
    print(f"target: under 5 ms added -> {'ok' if added_wall < 5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
