"""Time the default demo from scratch three times, then its rerun, and print each stage's time.

    python bench/demo/run.py                 # 3 cold runs into bench/demo/out (ignored by git), then a rerun
    python bench/demo/run.py --runs 1        # one cold run
    python bench/demo/run.py --keep DIR      # into DIR, kept as it is (measures a rerun only if done)
    python bench/demo/run.py --quick         # the test profile

The bars: the median of the cold runs under 240 s on a 2-core machine whose load average is
under 1.5 before the start (issue 14), and a rerun that trains, generates and judges nothing in
under 30 s.  The machine's load average is printed before and after every run: the numbers are
only comparable on an otherwise idle machine.
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
FULL_LIMIT_S, RERUN_LIMIT_S = 240, 30


def run_demo(out: Path, extra: list[str]) -> tuple[float, str, int]:
    exe = Path(sys.executable).with_name("plug-eval")
    cmd = [str(exe) if exe.exists() else "plug-eval", "demo", "--out", str(out), *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    return time.perf_counter() - t0, proc.stdout, proc.returncode


def stage_table(out: Path) -> list[str]:
    stages = json.loads((out / "manifest.json").read_text())["stages"]
    rows = [f"{'stage':<22} {'seconds':>8}  work"]
    for name, rec in stages.items():
        work = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in rec.get("work", {}).items())
        rows.append(f"{name:<22} {rec['seconds']:>8.1f}  {work}")
    return rows


def loads() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--keep", metavar="DIR", help="use DIR as it is instead of a fresh bench/demo/out")
    p.add_argument("--runs", type=int, default=3, help="cold runs (default 3; 1 with --keep)")
    p.add_argument("--quick", action="store_true")
    p.add_argument("extra", nargs="*", help="after --: flags for plug-eval demo")
    args = p.parse_args()
    out = Path(args.keep) if args.keep else HERE / "out"
    extra = (["--quick"] if args.quick else []) + args.extra
    runs = 1 if args.keep else max(1, args.runs)
    print(f"{runs} cold run(s) on {os.cpu_count()} CPUs; load averages are 1/5/15-minute")
    times, codes = [], []
    for n in range(1, runs + 1):
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        before = loads()
        full_s, stdout, code = run_demo(out, extra)
        times.append(full_s)
        codes.append(code)
        print(stdout if n == runs else "\n".join(ln for ln in stdout.splitlines() if ln.startswith(("all ", "check:"))))
        print("\n".join(stage_table(out)))
        print(f"cold run {n}: {full_s:.1f} s (exit {code}); load average before {before}, after {loads()}\n")
    median = sorted(times)[len(times) // 2]
    print(f"median of {runs} cold run(s): {median:.1f} s; limit {FULL_LIMIT_S} s "
          f"(runs: {', '.join(f'{t:.1f}' for t in times)})")
    rerun_s, rerun_out, rerun_code = run_demo(out, extra)
    did = next((ln for ln in rerun_out.splitlines() if ln.startswith("this run:")), "?")
    print(f"rerun: {rerun_s:.1f} s (exit {rerun_code}); limit {RERUN_LIMIT_S} s; {did}")
    print(f"load average after: {loads()}")
    ok = all(c == 0 for c in codes) and rerun_code == 0 and median < FULL_LIMIT_S and rerun_s < RERUN_LIMIT_S
    ok = ok and "0 training steps, 0 generations, 0 judge calls" in did
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
