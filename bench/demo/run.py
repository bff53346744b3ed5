"""Time the default demo from scratch, then its rerun, and print each stage's time.

    python bench/demo/run.py                 # into bench/demo/out (ignored by git), removed first
    python bench/demo/run.py --keep DIR      # into DIR, kept as it is (measures a rerun only if done)
    python bench/demo/run.py --quick         # the test profile

The bar (issue 6): the default demo under 10 minutes on a 2-core machine after install, and a
rerun that trains, generates and judges nothing in under 30 s.  The machine's load average is
printed too: the numbers are only comparable on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FULL_LIMIT_S, RERUN_LIMIT_S = 600, 30


def run_demo(out: Path, extra: list[str]) -> tuple[float, str, int]:
    exe = Path(sys.executable).with_name("plug-eval")
    cmd = [str(exe) if exe.exists() else "plug-eval", "demo", "--out", str(out), *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    return time.perf_counter() - t0, proc.stdout, proc.returncode


def stage_table(out: Path) -> list[str]:
    stages = json.loads((out / "manifest.json").read_text())["stages"]
    rows = [f"{'stage':<22} {'seconds':>8}  work"]
    for name, rec in stages.items():
        work = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in rec.get("work", {}).items())
        rows.append(f"{name:<22} {rec['seconds']:>8.1f}  {work}")
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--keep", metavar="DIR", help="use DIR as it is instead of a fresh bench/demo/out")
    p.add_argument("--quick", action="store_true")
    args = p.parse_args()
    out = Path(args.keep) if args.keep else HERE / "out"
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    extra = ["--quick"] if args.quick else []
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    full_s, stdout, code = run_demo(out, extra)
    print(stdout)
    print("\n".join(stage_table(out)))
    print(f"first run: {full_s:.1f} s (exit {code}); limit {FULL_LIMIT_S} s")
    rerun_s, rerun_out, rerun_code = run_demo(out, extra)
    did = next((ln for ln in rerun_out.splitlines() if ln.startswith("this run:")), "?")
    print(f"rerun: {rerun_s:.1f} s (exit {rerun_code}); limit {RERUN_LIMIT_S} s; {did}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    ok = code == 0 and rerun_code == 0 and full_s < FULL_LIMIT_S and rerun_s < RERUN_LIMIT_S
    ok = ok and "0 training steps, 0 generations, 0 judge calls" in did
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
