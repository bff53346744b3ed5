"""Two CPU processes under ``accelerate launch`` train like one process at the same global batch.

FSDP cannot be smoke-tested here: accelerate 1.15 turns FSDP on only for accelerator devices
(on CPU processes it silently runs plain DDP), so FSDP is listed as untested on CPU in
docs/training.md and exercised by bench/trainer/gpu_check.sh on a GPU instead.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import exe
from plug_train.smoke import plug_rows, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}


def losses(out):
    return [json.loads(x)["loss"] for x in (Path(out) / "metrics.jsonl").read_text().splitlines()]


@pytest.mark.slow
def test_two_processes_match_one_at_the_same_global_batch(tiny_model, tmp_path):
    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(16, max_words=30))
    held_out = write_jsonl(tmp_path / "eval.jsonl", plug_rows(5, seed=7, max_words=30))  # 5: uneven split
    common = ["train", "--model", tiny_model, "--data", str(rows), "--max-steps", "3", "--grad-accum", "2",
              "--lr", "1e-2", "--no-progress", "--eval-data", str(held_out)]
    one = subprocess.run([exe("plug-train"), *common, "--batch-size", "4", "--output", str(tmp_path / "one")],
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert one.returncode == 0, one.stderr[-2000:]
    two = subprocess.run([exe("accelerate"), "launch", "--config_file", str(ROOT / "docs/accelerate/cpu_ddp.yaml"),
                          "--main_process_port", "0", "-m", "plug_train", *common, "--batch-size", "2",
                          "--output", str(tmp_path / "two")], capture_output=True, text=True, env=ENV, timeout=300)
    assert two.returncode == 0, two.stderr[-2000:]
    assert "2 process(es)" in two.stderr
    assert two.stdout.strip() == str(tmp_path / "two")  # only rank 0 prints and writes
    assert len(losses(tmp_path / "two")) == 3
    assert losses(tmp_path / "two") == pytest.approx(losses(tmp_path / "one"), abs=1e-5)
    evals = [json.loads((tmp_path / d / "eval.jsonl").read_text())["eval_loss"] for d in ("one", "two")]
    assert evals[1] == pytest.approx(evals[0], abs=1e-5)
