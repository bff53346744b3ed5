#!/usr/bin/env bash
# Round-robin benchmark driver: REPS rounds x MODES, each run under /usr/bin/time -v, then the
# medians and the three like-for-like ratios of our modes to TRL's (summarize.py).
# Usage (from bench/trainer, after `python gen_data.py --out data`):
#   [EXTRA="--pack-bs 1"] [MODES="..."] [PY=../../.venv/bin/python] bash run_all.sh [REPS=3] [STEPS=20] [THREADS=2]
set -u
REPS=${1:-3}; STEPS=${2:-20}; THREADS=${3:-2}
PY=${PY:-../../.venv/bin/python}
MODES=${MODES:-"trl_nopack trl_padfree trl_pack plug_train_pad plug_train plug_train_pack"}
OUT=${OUT:-out/runs_t${THREADS}}
mkdir -p "$OUT"
echo "$(date +%T) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for rep in $(seq 1 "$REPS"); do
  for m in $MODES; do
    log="$OUT/${m}_r${rep}.log"
    /usr/bin/time -v -o "$OUT/${m}_r${rep}.time" "$PY" bench.py --mode "$m" --steps "$STEPS" --warmup 3 \
        --threads "$THREADS" --tag "r$rep" ${EXTRA:-} > "$log" 2>&1
    echo "$(date +%T) $m r$rep rc=$? $(grep -o '"real_tok_per_s": [0-9.]*' "$log") $(grep 'Maximum resident' "$OUT/${m}_r${rep}.time") load1=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
"$PY" summarize.py "$OUT"
