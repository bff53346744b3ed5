"""X-AlpacaEval's data: the professional translations of AlpacaEval, five languages.

Rows are ``{id, dataset, instruction}`` (``dataset``: the AlpacaEval subset the instruction came
from, one of CATEGORIES; optional).  Where the data comes from and how it is checked is
:mod:`plug_eval.tasks.source`, shared with the other benchmarks: metadata key
``xalpacaeval_data_dir``, environment variable ``XALPACAEVAL_DATA_DIR``, the word ``sample``,
else the hub at HUB_REVISION.
"""

from __future__ import annotations

from pathlib import Path

from plug_eval.tasks.source import SAMPLE, Loaded, Source

HUB_REPO = "zhihz0535/X-AlpacaEval"
HUB_REVISION = "03d79e702ac75fc1c7a1fe773b1c168653193c69"
CATEGORIES = ("helpful_base", "koala", "oasst", "selfinstruct", "vicuna")


def _fields(row: dict) -> dict:
    return {"dataset": str(row.get("dataset") or "unknown")}


SOURCE = Source("xalpacaeval", "X-AlpacaEval", HUB_REPO, HUB_REVISION, _fields)
ENV_VAR = SOURCE.env_var
META_KEY = SOURCE.meta_key
HOW_TO = SOURCE.how_to()

__all__ = ["CATEGORIES", "ENV_VAR", "HOW_TO", "HUB_REPO", "HUB_REVISION", "META_KEY", "SAMPLE",
           "SOURCE", "Loaded", "load", "sample_dir"]


def sample_dir() -> Path:
    return SOURCE.sample_dir()


def load(lang: str, metadata: dict | None = None) -> Loaded:
    """Rows for ``lang``, validated, with provenance."""
    return SOURCE.load(lang, metadata)
