#!/usr/bin/env bash
# plug-train on one GPU in one run of at most 8 minutes (hard limit 470 s for the Python part):
# attention on the device, the ~0.5B model's speed and MFU with each of our fused options, TRL
# SFTTrainer padding-free (varlen) + Liger on the same model, rows and GPU, and a 1-process
# DeepSpeed ZeRO-3 run with resume. OUT/gpu_run.json is rewritten after every stage.
#   bash bench/trainer/gpu_run.sh --fetch-wheels   # HERE, before: the wheels the GPU machine lacks, into .whl/
#   bash bench/trainer/gpu_run.sh                  # on the GPU machine, from the repository root
#   bash bench/trainer/gpu_run.sh --tiny           # the same logic on CPU (a tiny model; measures nothing)
# The GPU machine has no package registry: the wheels in .whl/ travel with the working tree
# (run() with carry [".whl"]; .whl/ is git-ignored) and are installed one by one into /tmp/site,
# ahead of the image's own; a wheel that does not install is listed in OUT/wheels.txt, and the
# probe then records its package as missing (its stages: not run, with the reason).
# --fetch-wheels takes pure-Python wheels only (~25 MB): our versions of transformers, peft,
# accelerate, trl, datasets (+ dill, multiprocess, fsspec), liger-kernel, and deepspeed built
# without its ops (DS_BUILD_OPS=0) with hjson and py-cpuinfo. pyarrow and xxhash (binary, used by
# datasets and so by TRL) and msgpack, ninja, pydantic, psutil, einops (deepspeed's) come from the image.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
if [ "${1:-}" = "--fetch-wheels" ]; then
  v() { "$PY" -c "import importlib.metadata as m; print(m.version('$1'))"; }
  mkdir -p .whl
  "$PY" -m pip download -q --no-deps --only-binary=:all: --dest .whl \
    "transformers==$(v transformers)" "peft==$(v peft)" "accelerate==$(v accelerate)" "trl==$(v trl)" \
    "datasets==$(v datasets)" "dill==$(v dill)" "multiprocess==$(v multiprocess)" "fsspec==$(v fsspec)" \
    liger-kernel hjson py-cpuinfo || exit 3
  DS_BUILD_OPS=0 "$PY" -m pip wheel -q --no-deps --no-build-isolation -w .whl deepspeed==0.19.8 || exit 3
  du -sh .whl; ls .whl; exit 0
fi
OUT=${OUT:-bench/trainer/gpu_results/run}
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
timeout 470 "$PY" bench/trainer/gpu_run.py --out "$OUT" "$@" 2>&1 | tee "$OUT/log.txt"
rc=${PIPESTATUS[0]}
echo "gpu_run rc=$rc"
exit "$rc"
