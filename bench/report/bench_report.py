"""The report at scale (issue 28, item 1): time, peak memory and site size against ``plug-judge summarize``.

    nice -n 10 .venv/bin/python bench/report/bench_report.py                 # 50, 100 and 200 comparisons
    nice -n 10 .venv/bin/python bench/report/bench_report.py --sizes 50      # one size

For each size N: N synthetic comparisons of 805 items (``tests/synthetic_runs.py``: N/5 systems x en, zh, ko, it, es
against one baseline and one judge, 10,000 resamples as ``compare`` writes them), then, each as a whole process
with its start-up (``python -m plug_eval.judges``):

1. ``summarize`` once, untimed: it writes ``facts.json`` as any judged or summarized run has one;
2. ``summarize DIRS`` (the reference), then ``report DIRS --out site/report.html``, each measured by the kernel
   (``os.wait4``): wall seconds, CPU seconds (user + system) and peak resident memory of that process.

Printed: the numbers, the report's ratios to ``summarize`` (wall and CPU), the site's size (every file under
``site/``), and the slope of the report's CPU-seconds against N (least squares over the sizes run).  Targets
(issue 28): at 100 comparisons a site under 60 MB, the report at most 5x ``summarize``, peak memory under 1 GB.
Read the ratios and CPU-seconds: the machine is shared, so wall times move with its load.

The run directories are kept under bench/report/out/ (ignored by git) and reused while their layout matches.
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

from plug_eval import languages

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic run directories are a test fixture
from synthetic_runs import write_grid  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
LANGS = languages.builtin()
N_ITEMS, N_RESAMPLES = 805, 10_000
TARGET_SITE_MB, TARGET_RATIO, TARGET_RSS_GB = 60, 5, 1


def runs_for(n: int) -> list[Path]:
    """N comparisons (N/5 systems x 5 languages), written once and reused."""
    root = OUT / f"runs-{n}"
    marker = root / "layout.json"
    layout = {"comparisons": n, "langs": list(LANGS), "items": N_ITEMS, "resamples": N_RESAMPLES, "version": 2}
    systems = [f"system-{i:03d}" for i in range(n // len(LANGS))]
    if marker.exists() and json.loads(marker.read_text()) == layout:
        return [root / f"{s}-{lang}" for s in systems for lang in LANGS]
    shutil.rmtree(root, ignore_errors=True)
    t = time.perf_counter()
    dirs = write_grid(root, systems, LANGS, n_items=N_ITEMS, n_resamples=N_RESAMPLES)
    marker.write_text(json.dumps(layout))
    print(f"  wrote {len(dirs)} run directories in {time.perf_counter() - t:.0f} s", flush=True)
    return dirs


def measure(args: list[str]) -> dict[str, float]:
    """Wall s, CPU s and peak RSS (GB) of one ``python -m plug_eval.judges ARGS`` process."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "plug_eval.judges", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_gb": usage.ru_maxrss / 1024**2}


def site_mb(site: Path) -> float:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6


def bench(n: int) -> dict[str, float]:
    print(f"[{n} comparisons x {N_ITEMS} items]", flush=True)
    dirs = [str(d) for d in runs_for(n)]
    measure(["summarize", *dirs])  # warm-up: facts.json, as a judged run has it
    ref = measure(["summarize", *dirs])
    site = OUT / f"site-{n}"
    shutil.rmtree(site, ignore_errors=True)
    rep = measure(["report", *dirs, "-o", str(site / "report.html")])
    size = site_mb(site)
    print(f"  summarize: {ref['wall']:6.2f} s wall, {ref['cpu']:6.2f} CPU-s, peak {ref['rss_gb']:.2f} GB")
    print(f"  report:    {rep['wall']:6.2f} s wall, {rep['cpu']:6.2f} CPU-s, peak {rep['rss_gb']:.2f} GB, "
          f"site {size:.1f} MB in {sum(1 for p in site.rglob('*') if p.is_file())} files")
    print(f"  ratio report / summarize: {rep['wall'] / ref['wall']:.2f} wall, {rep['cpu'] / ref['cpu']:.2f} CPU",
          flush=True)
    return {"n": n, "ref_cpu": ref["cpu"], "rep_cpu": rep["cpu"], "rep_wall": rep["wall"], "ref_wall": ref["wall"],
            "rss_gb": rep["rss_gb"], "site_mb": size}


def slope(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200", help="comparison counts, multiples of 5")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    results = [bench(n) for n in sizes]
    print()
    print(f"{'comparisons':>11}  {'report CPU-s':>12}  {'summarize CPU-s':>15}  {'ratio CPU':>9}  {'ratio wall':>10}  "
          f"{'peak GB':>7}  {'site MB':>7}")
    for r in results:
        print(f"{r['n']:>11}  {r['rep_cpu']:>12.2f}  {r['ref_cpu']:>15.2f}  {r['rep_cpu'] / r['ref_cpu']:>9.2f}  "
              f"{r['rep_wall'] / r['ref_wall']:>10.2f}  {r['rss_gb']:>7.2f}  {r['site_mb']:>7.1f}")
    if len(results) > 1:
        xs = [float(r["n"]) for r in results]
        print(f"slope: report {slope(xs, [r['rep_cpu'] for r in results]) * 100:.2f} CPU-s per 100 comparisons, "
              f"summarize {slope(xs, [r['ref_cpu'] for r in results]) * 100:.2f}")
    at100 = [r for r in results if r["n"] == 100]
    for r in at100:
        checks = [("site", r["site_mb"], TARGET_SITE_MB, "MB"),
                  ("CPU ratio", r["rep_cpu"] / r["ref_cpu"], TARGET_RATIO, "x"),
                  ("peak memory", r["rss_gb"], TARGET_RSS_GB, "GB")]
        print("targets at 100: " + ", ".join(f"{name} {v:.2f} {unit} {'<' if v < t else '>='} {t} "
                                             f"{'ok' if v < t else 'MISSED'}" for name, v, t, unit in checks))


if __name__ == "__main__":
    main()
