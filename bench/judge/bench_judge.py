"""Throughput of ``plug-judge compare`` against a fake judge with 200 ms latency (not a timed test).

    .venv/bin/python bench/judge/bench_judge.py [--items 805] [--concurrency 64] [--latency-ms 200]

The fake OpenAI server (tests/fakeserver.py) runs in its own process.  805 items x 2 orders are
judged through the real CLI (its own process, official openai SDK).  Printed: calls per second
from the first request the server saw to its last response, as a ratio of the ideal
concurrency / latency (the issue asks for >= 0.85); the whole command's wall time; and a rerun
of the finished run, which must make 0 calls and take under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from conftest_judge import answers, start_server, write_json  # noqa: E402


def stats(url: str) -> dict:
    with urllib.request.urlopen(url + "/_stats", timeout=30) as resp:
        return json.loads(resp.read())


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one plug-judge command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if res.returncode:
        sys.exit(f"command failed ({res.returncode}): {res.stderr}")
    print("   ", res.stdout.strip().replace("\n", "\n    "))
    return wall, cpu


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--items", type=int, default=805)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--latency-ms", type=float, default=200)
    a = p.parse_args()
    srv = start_server(a.latency_ms)
    tmp = Path(tempfile.mkdtemp(prefix="bench_judge_"))
    try:
        fa = write_json(tmp / "plug.json", answers(a.items, lambda i: 3 if i % 3 else 1))
        fb = write_json(tmp / "base.json", answers(a.items, 2))
        env = {**os.environ, "OPENAI_API_KEY": "sk-bench"}
        cmd = [sys.executable, "-m", "plug_eval.judges", "compare", str(fa), str(fb), "--judge", "openai:fair",
               "--base-url", srv.openai, "--out", str(tmp / "run"), "--concurrency", str(a.concurrency), "--quiet"]
        print(f"plug-judge compare: {a.items} items x 2 orders, concurrency {a.concurrency}, "
              f"fake judge latency {a.latency_ms:.0f} ms")
        wall, cpu = run(cmd, env)
        st = stats(srv.url)
        n = len(st["log"])
        span = max(e["t_end"] for e in st["log"]) - min(e["t"] for e in st["log"])
        ideal = a.concurrency / (a.latency_ms / 1000)
        print(f"  calls: {n}; first request -> last response: {span:.2f} s; {n / span:.1f} calls/s; "
              f"ideal {ideal:.0f}/s; ratio {n / span / ideal:.3f} (target >= 0.85); "
              f"peak in flight {st['peak_in_flight']}")
        print(f"  whole command (start-up, reading, summary with 10,000 resamples included): {wall:.2f} s, "
              f"{cpu:.2f} s of CPU in the client process")
        rerun, _ = run(cmd, env)
        extra = len(stats(srv.url)["log"]) - n
        print(f"  rerun of the finished run: {extra} calls, {rerun:.2f} s (target 0 calls, < 2 s)")
    finally:
        srv.proc.kill()


if __name__ == "__main__":
    main()
