"""Run the default demo with seeds 0-4 and print every floor's margin per language and seed.

    python bench/demo/seeds.py                       # seeds 0-4, one demo at a time, into bench/demo/out/seeds
    python bench/demo/seeds.py --parallel 5          # five demos side by side (a machine with 10+ cores)
    python bench/demo/seeds.py --seeds 0,3 --keep    # reuse finished stages of earlier runs
    python bench/demo/seeds.py -- --epochs 10        # anything after -- goes to every `plug-eval demo`

The bar (issue 14): on every seed, every language must clear the demo's floors with 0.05 to spare:
PLUG pivot_ok >= 0.95 and direct lang_fidelity >= 0.85 (with 20 instructions per language, at
most one miss).  This is a bench, not a test: five default demos take 15-30 minutes on two cores.
It prints a Markdown table (for docs/reproducing.md) and writes OUT/seeds.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from plug_eval import languages
from plug_eval.demo.plan import FIDELITY_MIN, PIVOT_OK_MIN
from plug_eval.demo.report import task_metrics

HERE = Path(__file__).resolve().parent
MARGIN = 0.05
LANGS = languages.TARGETS


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def parse_seeds(spec: str) -> list[int]:
    seeds: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi) + 1)) if hi else [int(lo)]
    return seeds


def run_one(seed: int, out: Path, extra: list[str]) -> dict[str, Any]:
    exe = Path(sys.executable).with_name("plug-eval")
    cmd = [str(exe) if exe.exists() else "plug-eval", "demo", "--out", str(out), "--seed", str(seed),
           "--no-check", *extra]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    (out / "bench.log").write_text(proc.stdout + proc.stderr, encoding="utf-8") if out.is_dir() else None
    plug, direct = task_metrics(out, "plug"), task_metrics(out, "direct")
    stages = json.loads((out / "manifest.json").read_text())["stages"] if (out / "manifest.json").is_file() else {}
    return {"seed": seed, "exit": proc.returncode, "seconds": round(seconds, 1), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2),
            "stage_seconds": {k: v["seconds"] for k, v in stages.items()},
            "pivot_ok": {lang: plug.get(f"xalpacaeval_pivot_{lang}", {}).get("pivot_ok") for lang in LANGS},
            "plug_fidelity": {lang: plug.get(f"xalpacaeval_pivot_{lang}", {}).get("lang_fidelity") for lang in LANGS},
            "direct_fidelity": {lang: direct.get(f"xalpacaeval_{lang}", {}).get("lang_fidelity") for lang in LANGS}}


def mean(values: list[float | None]) -> float | None:
    nums = [v for v in values if v is not None]
    return sum(nums) / len(nums) if len(nums) == len(values) and nums else None


def fmt(value: float | None, bar: float) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" + ("" if value >= bar + MARGIN - 1e-9 else " (!)")


def table(results: list[dict[str, Any]]) -> tuple[list[str], bool]:
    """Markdown rows: per seed, per language pivot_ok / direct fidelity; (rows, every margin held)."""
    head = "| seed | " + " | ".join(f"{lang} pivot_ok / direct fid." for lang in (*LANGS, "all")) + " | seconds |"
    rows = [head, "|" + "---|" * (len(LANGS) + 3)]
    ok = True
    for r in results:
        po = [r["pivot_ok"][lang] for lang in LANGS]
        df = [r["direct_fidelity"][lang] for lang in LANGS]
        cells = [f"{fmt(p, PIVOT_OK_MIN)} / {fmt(d, FIDELITY_MIN)}"
                 for p, d in zip([*po, mean(po)], [*df, mean(df)])]
        rows.append(f"| {r['seed']} | " + " | ".join(cells) + f" | {r['seconds']:.0f} |")
        for p, d in zip([*po, mean(po)], [*df, mean(df)]):
            ok = ok and p is not None and d is not None and p >= PIVOT_OK_MIN + MARGIN - 1e-9 \
                and d >= FIDELITY_MIN + MARGIN - 1e-9
    lows_p = [min((r["pivot_ok"][lang] or 0.0) for r in results) for lang in LANGS]
    lows_d = [min((r["direct_fidelity"][lang] or 0.0) for r in results) for lang in LANGS]
    cells = [f"{p:.2f} / {d:.2f}" for p, d in zip(lows_p, lows_d)]
    overall_p = min(mean([r["pivot_ok"][lang] for lang in LANGS]) or 0.0 for r in results)
    overall_d = min(mean([r["direct_fidelity"][lang] for lang in LANGS]) or 0.0 for r in results)
    rows.append("| **lowest** | " + " | ".join(cells) + f" | {overall_p:.2f} / {overall_d:.2f} | |")
    return rows, ok


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", default="0-4", help="seeds, e.g. 0-4 or 0,2,7 (default 0-4)")
    p.add_argument("--out", default=str(HERE / "out" / "seeds"), help="one folder per seed under it")
    p.add_argument("--parallel", type=int, default=1, help="demos side by side (each runs 2 jobs)")
    p.add_argument("--keep", action="store_true", help="keep earlier outputs (finished stages are skipped)")
    p.add_argument("extra", nargs="*", help="after --: flags for every plug-eval demo")
    args = p.parse_args()
    root = Path(args.out)
    seeds = parse_seeds(args.seeds)
    for seed in seeds:
        if not args.keep:
            shutil.rmtree(root / f"seed-{seed}", ignore_errors=True)
    print(f"{len(seeds)} demos on {cpu_name()}, {os.cpu_count()} CPUs, {args.parallel} at a time; "
          f"load average before {os.getloadavg()[0]:.2f}", flush=True)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max(1, args.parallel)) as pool:
        results = list(pool.map(lambda s: run_one(s, root / f"seed-{s}", args.extra), seeds))
    for r in results:
        stages = ", ".join(f"{k} {v:.0f}" for k, v in r["stage_seconds"].items() if not k.startswith("judge"))
        print(f"seed {r['seed']}: {r['seconds']:.0f} s (exit {r['exit']}, load {r['load_before']:.2f} -> "
              f"{r['load_after']:.2f}); {stages}")
    rows, ok = table(results)
    print("\n" + "\n".join(rows))
    print(f"\n(!) = under the floor + {MARGIN} (pivot_ok {PIVOT_OK_MIN + MARGIN:.2f}, direct lang_fidelity "
          f"{FIDELITY_MIN + MARGIN:.2f}); all {time.perf_counter() - t0:.0f} s, load average after "
          f"{os.getloadavg()[0]:.2f}")
    root.mkdir(parents=True, exist_ok=True)
    (root / "seeds.json").write_text(json.dumps({"cpu": cpu_name(), "cpus": os.cpu_count(), "extra": args.extra,
                                                 "results": results}, indent=2) + "\n", encoding="utf-8")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
