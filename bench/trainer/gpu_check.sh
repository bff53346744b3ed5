#!/usr/bin/env bash
# plug-train on one GPU: ~0.5B random-init Llama, bf16, packed; tokens/s, MFU, packed isolation,
# FSDP2 and DeepSpeed ZeRO-3 smoke runs. Run from the repository root on a bare machine with no network:
#   bash bench/trainer/gpu_check.sh            # results in $OUT (or bench/trainer/out/gpu_check)
#   bash bench/trainer/gpu_check.sh --tiny     # the same logic on CPU in under a minute
# Uses the image's torch. transformers/peft/accelerate come from the image when they import,
# else from wheels carried in .whl/ (see bench/trainer/README.md for the list; deepspeed and its
# small pure-Python dependencies go there too for the ZeRO-3 run).
# The ZeRO-3 run on its own (what gpu_check.py's zero3_smoke launches, tiny model, torch AdamW so no
# DeepSpeed op is compiled):
#   accelerate launch --config_file docs/accelerate/deepspeed_zero3.yaml --num_processes 1 -m plug_train \
#       train --model TINY --data rows.jsonl --output OUT --max-steps 5 --batch-size 2 --lr 1e-3 \
#       --save-every 3 --max-grad-norm 0.5 --weight-decay 0.1 --no-progress
# then `... train --output OUT2 --resume` on a copy of OUT/checkpoint-3 (the last two losses must repeat),
# and the same for LoRA (--lora --lora-r 4, checkpoint-2: DeepSpeed's files without the frozen base).
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-bench/trainer/out/gpu_check}
mkdir -p "$OUT"
PY=${PY:-python3}
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TOKENIZERS_PARALLELISM=false PYTHONUNBUFFERED=1
if [ -n "$(ls .whl/*.whl 2>/dev/null)" ]; then
  # wheels were carried: use exactly them (the versions our tests ran with)
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
    || { echo "wheel install failed"; exit 3; }
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
elif ! "$PY" -c 'import transformers, peft, accelerate, tokenizers, safetensors, jinja2, yaml, tqdm' 2>/dev/null; then
  echo "transformers/peft/accelerate missing and no wheels in .whl/"; exit 3
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"   # plug_eval + plug_train from the checkout
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi"; } | tee "$OUT/gpu.txt"
timeout 400 "$PY" bench/trainer/gpu_check.py --out "$OUT" "$@" 2>&1 | tee "$OUT/log.txt"
rc=${PIPESTATUS[0]}
echo "gpu_check rc=$rc"
exit "$rc"
