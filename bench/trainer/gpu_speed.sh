#!/usr/bin/env bash
# plug-train speed flags on one GPU, all variants in one go (~0.5B random-init Llama, bf16, packed),
# plus TRL SFTTrainer (padding-free + Liger) on the same model, rows and GPU. Under 7 minutes wall:
# each variant is a subprocess of at most 45 s; OUT/gpu_speed.json is rewritten after each one.
#   bash bench/trainer/gpu_speed.sh                # on the GPU machine, from the repository root
#   bash bench/trainer/gpu_speed.sh --tiny         # the same logic on CPU in about a minute
# The machine has no package registry: wheels carried in .whl/ are installed first (only what the
# probe found missing needs carrying: trl, datasets, liger-kernel, and their own missing deps).
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-bench/trainer/gpu_results/speed}
mkdir -p "$OUT"
PY=${PY:-python3}
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TOKENIZERS_PARALLELISM=false PYTHONUNBUFFERED=1
if [ -n "$(ls .whl/*.whl 2>/dev/null)" ]; then
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .whl/*.whl \
    || echo "wheel install failed (recorded by the probe as missing packages)"
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"   # plug_eval + plug_train from the checkout
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi"; } > "$OUT/gpu.txt"
timeout 415 "$PY" bench/trainer/gpu_speed.py --out "$OUT" "$@" 2>&1 | tee "$OUT/log.txt"
rc=${PIPESTATUS[0]}
echo "gpu_speed rc=$rc"
exit "$rc"
