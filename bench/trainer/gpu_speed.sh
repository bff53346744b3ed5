#!/usr/bin/env bash
# plug-train speed flags on one GPU, all variants in one go (~0.5B random-init Llama, bf16, packed),
# plus TRL SFTTrainer (padding-free + Liger) on the same model, rows and GPU. Under 7 minutes wall:
# each variant is a subprocess of at most 45 s; OUT/gpu_speed.json is rewritten after each one.
#   bash bench/trainer/gpu_speed.sh                # on the GPU machine, from the repository root
#   bash bench/trainer/gpu_speed.sh --tiny         # the same logic on CPU in about a minute
#   bash bench/trainer/gpu_speed.sh --fetch-wheels # HERE, before: pure-Python wheels into .whl/
# The GPU machine has no package registry: wheels carried in .whl/ (run() with carry [".whl"]) are
# installed one by one into /tmp/site, ahead of the image's own (carry only what the image lacks or
# has in another version than our tests ran with); a wheel that does not install is listed in
# OUT/wheels.txt, and the probe then records its package as missing.
# --fetch-wheels takes the pure-Python ones (~20 MB): our versions of transformers, peft,
# accelerate, trl, and datasets (+ dill, multiprocess, fsspec), liger-kernel. pyarrow (43 MB,
# per Python version) and xxhash are binary: datasets, and so TRL, run only where the image has them.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
if [ "${1:-}" = "--fetch-wheels" ]; then
  v() { "$PY" -c "import importlib.metadata as m; print(m.version('$1'))"; }
  mkdir -p .whl
  "$PY" -m pip download -q --no-deps --only-binary=:all: --dest .whl \
    "transformers==$(v transformers)" "peft==$(v peft)" "accelerate==$(v accelerate)" "trl==$(v trl)" \
    "datasets==$(v datasets)" "dill==$(v dill)" "multiprocess==$(v multiprocess)" "fsspec==$(v fsspec)" \
    liger-kernel || exit 3
  du -sh .whl; ls .whl; exit 0
fi
OUT=${OUT:-bench/trainer/gpu_results/speed}
mkdir -p "$OUT"
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TOKENIZERS_PARALLELISM=false PYTHONUNBUFFERED=1
: > "$OUT/wheels.txt"
for w in .whl/*.whl; do
  [ -e "$w" ] || continue
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site "$w" \
    >> "$OUT/wheels.txt" 2>&1 && echo "installed $w" >> "$OUT/wheels.txt" || echo "FAILED $w" >> "$OUT/wheels.txt"
done
export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"   # plug_eval + plug_train from the checkout
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi"; } > "$OUT/gpu.txt"
timeout 415 "$PY" bench/trainer/gpu_speed.py --out "$OUT" "$@" 2>&1 | tee "$OUT/log.txt"
rc=${PIPESTATUS[0]}
echo "gpu_speed rc=$rc"
exit "$rc"
