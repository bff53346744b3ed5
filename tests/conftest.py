"""Shared fixtures: offline environment, tiny models, the shipped sample."""

import os
import shutil
import sys
from pathlib import Path

import pytest

# Never reach the Hugging Face Hub from tests.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# The built-in languages only, unless a test names a folder of language files itself.
os.environ.pop("PLUG_EVAL_LANGUAGES", None)

BIN = Path(sys.executable).parent


def exe(name: str) -> str:
    """A console script of the environment running the tests."""
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name) or name


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A random-init tiny Llama whose tokenizer carries PLUG's chat template."""
    from plug_eval.tiny import build_tiny_model

    return str(build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", max_positions=512))


@pytest.fixture(scope="session")
def sample_dir():
    from plug_eval.tasks.xalpacaeval.data import sample_dir

    return sample_dir()


@pytest.fixture
def one_thread():
    """One torch thread for the test: fp32 sums in the MoE and head matmuls are reordered by
    multi-threaded BLAS (2e-5 seen on a loaded machine for gpt-oss); compare the attention, not the
    thread pool's reduction order."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB tmpfs at tmp_path/disk, to fill mid-run (needs root, as this project's machines and CI have)."""
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True, text=True)
    if res.returncode:
        pytest.skip(f"cannot mount a small file system here: {res.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> Path:
    """Take every free byte of the disk; returns the file that holds them."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096) == 4096:
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler
