#!/usr/bin/env python3
"""Median summary of run_all.sh output, and our trainer's speed against TRL's.

    python summarize.py out/runs_t2 [--md]

Ratios use the medians of real (non-pad) tokens/s, each of our modes against its TRL
counterpart (padded: plug_train_pad / trl_nopack; padding-free: plug_train / trl_padfree;
packed: plug_train_pack / trl_pack), then the two defaults (plug_train / trl_nopack).
"""
import glob, json, os, re, statistics, sys

d = sys.argv[1]
md = "--md" in sys.argv
by = {}
for log in sorted(glob.glob(os.path.join(d, "*.log"))):
    line = [l for l in open(log) if l.startswith("RESULT ")]
    if not line:
        print("no RESULT in", log); continue
    r = json.loads(line[0][7:])
    t = open(log[:-4] + ".time").read()
    r["rss_mb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    w = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1).split(":")
    r["wall_s"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
    by.setdefault(r["mode"], []).append(r)
med = statistics.median
cols = ["mode", "n", "real tok/s med [min-max]", "tok/CPU-s med [min-max]", "loss tok/s", "s/step", "pad frac",
        "peak RSS MB", "setup s", "wall s", "load1"]
rows = []
for m, rs in by.items():
    rt = [r["real_tok_per_s"] for r in rs]
    ct = [r.get("real_tok_per_cpu_s", float("nan")) for r in rs]  # runs before issue 25 have no CPU time
    rows.append([m, len(rs), f"{med(rt):.0f} [{min(rt):.0f}-{max(rt):.0f}]", f"{med(ct):.0f} [{min(ct):.0f}-{max(ct):.0f}]",
                 f"{med([r['loss_tok_per_s'] for r in rs]):.0f}",
                 f"{med([r['s_per_step'] for r in rs]):.2f}", f"{med([r['pad_frac'] for r in rs]):.2f}",
                 f"{med([r['rss_mb'] for r in rs]):.0f}", f"{med([r['setup_s'] for r in rs]):.1f}",
                 f"{med([r['wall_s'] for r in rs]):.0f}",
                 f"{statistics.mean([(r['load1_start'] + r['load1_end']) / 2 for r in rs]):.1f}"])
if md:
    print("| " + " | ".join(cols) + " |"); print("|" + "---|" * len(cols))
    for r in rows: print("| " + " | ".join(map(str, r)) + " |")
else:
    for r in [cols] + rows: print("  ".join(f"{str(x):>24s}" if i in (2, 3) else f"{str(x):>12s}" for i, x in enumerate(r)))

speed = {m: med([r["real_tok_per_s"] for r in rs]) for m, rs in by.items()}
# Each of our modes against its TRL counterpart, like for like: padded (plug_train_pad, our trainer
# with --attention model) against TRL's default, padding-free against trl_padfree, packed rows of
# the same 1,024 tokens against trl_pack.  Then what a user sees: our default (padding-free)
# against TRL's default (padded), the ratio the goal was set on.
PAIRS = [("plug_train_pad", "trl_nopack", "padded, both", None),
         ("plug_train", "trl_padfree", "padding-free, both", None),
         ("plug_train_pack", "trl_pack", "packed, both", 1.15),
         ("plug_train", "trl_nopack", "each default: ours padding-free, TRL padded", 2.0)]
cpu = {m: med([r.get("real_tok_per_cpu_s", float("nan")) for r in rs]) for m, rs in by.items()}
for ours, base, what, goal in PAIRS:
    if ours in speed and base in speed:
        ratio = speed[ours] / speed[base]
        verdict = f" (goal >= {goal}x) {'PASS' if ratio >= goal else 'MISS'}" if goal else ""
        print(f"{ours} / {base} [{what}]: {ratio:.2f}x{verdict}; per CPU-second {cpu[ours] / cpu[base]:.2f}x")
    else:
        print(f"{ours} / {base} [{what}]: not run ({', '.join(m for m in (ours, base) if m not in speed)} missing)")
