"""What a command costs before it does anything: ``--help`` and the rerun of a finished run.

    python bench/cli/bench_cli.py [--items 805] [--rounds 5]

Each command runs as its own process, ``--rounds`` times; the table gives the median and the
best wall time, and the ratio of the median to the reference measured in the same run: a bare
``python -c pass`` (the interpreter's own start-up).  The finished reruns judge 805 items in
both orders, once with the offline rules judge and once with ``openai:fair`` against the tests'
fake server (tests/fakeserver.py), so the second shows whether an SDK is imported to make no
call.  Then ``python -X importtime`` lists the slowest imports of the OpenAI rerun.
Targets (issue 28): ``--help`` and a finished rerun under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

import fakeserver  # noqa: E402
from conftest_judge import answers, write_json  # noqa: E402


def wall(cmd: list[str], rounds: int, env: dict[str, str]) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=True)
        out.append(time.perf_counter() - t0)
    return out


def slowest_imports(cmd: list[str], env: dict[str, str], n: int = 8) -> list[str]:
    res = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env)
    rows = []
    for line in res.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line.split("|"))
            if cumulative.isdigit():
                rows.append((int(cumulative), name))
    return [f"{us / 1000:7.1f} ms  {name}" for us, name in sorted(rows, reverse=True)[:n]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=805)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_cli_"))
    fa = write_json(tmp / "plug.json", answers(a.items, lambda i: 3 if i % 3 else 1))
    fb = write_json(tmp / "base.json", answers(a.items, 2))
    py = sys.executable
    judge = [py, "-m", "plug_eval.judges"]
    env = {**os.environ, "OPENAI_API_KEY": "sk-bench"}
    with fakeserver.start() as server:
        rules = [*judge, "compare", str(fa), str(fb), "--judge", "rules", "--lang", "zh", "--out", str(tmp / "rules"),
                 "--quiet"]
        openai = [*judge, "compare", str(fa), str(fb), "--judge", "openai:fair", "--base-url", server.openai,
                  "--lang", "zh", "--out", str(tmp / "openai"), "--quiet"]
        for cmd in (rules, openai):  # the first runs: every call made, then nothing is left to call
            subprocess.run(cmd, capture_output=True, env=env, check=True)
        cases = [("reference: python -c pass", [py, "-c", "pass"]),
                 ("plug-judge --help", [*judge, "--help"]),
                 ("plug-eval --help", [py, "-m", "plug_eval.cli", "--help"]),
                 ("plug-train --help", [py, "-m", "plug_train", "--help"]),
                 (f"finished rerun, rules, {2 * a.items} judgments", rules),
                 (f"finished rerun, openai:fair, {2 * a.items} judgments", openai)]
        times = {name: wall(cmd, a.rounds, env) for name, cmd in cases}
        imports = slowest_imports(openai, env)
    load = os.getloadavg()[0]
    ref = statistics.median(times[cases[0][0]])
    print(f"bench/cli: {a.rounds} rounds each, load average {load:.2f} (read the ratios on a shared machine)")
    print(f"{'command':<46} {'median s':>9} {'best s':>7} {'x python':>9}")
    for name, _ in cases:
        t = times[name]
        print(f"{name:<46} {statistics.median(t):9.3f} {min(t):7.3f} {statistics.median(t) / ref:9.1f}")
    print("slowest imports of the openai rerun (cumulative):")
    for line in imports:
        print("  " + line)


if __name__ == "__main__":
    main()
