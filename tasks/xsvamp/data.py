"""X-SVAMP's data: SVAMP's grade-school math word problems translated into five languages.

Rows are ``{id, instruction, answer}``: the problem (as the paper prompts it, with its request to
reason step by step) and the gold number.  Where the data comes from and how it is checked is
:mod:`plug_eval.tasks.source`: metadata key ``xsvamp_data_dir``, environment variable
``XSVAMP_DATA_DIR``, the word ``sample``; files ``english.json`` ... or the paper scripts'
``zh/svamp_zh.json``.  The hub copy has no verified revision yet, so it is not read.
"""

from __future__ import annotations

import math

from plug_eval.tasks.source import RowProblem, Source

HUB_REPO = "zhihz0535/X-SVAMP_en_zh_ko_it_es"
HUB_REVISION = None  # set once a revision has been read and checked against this loader


def gold_number(value: object) -> float:
    """A row's ``answer`` as a finite float (a JSON number or a numeric string)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RowProblem("missing answer")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RowProblem(f"answer {value!r} is not a number")
    try:
        number = float(value)
    except ValueError:
        raise RowProblem(f"answer {value!r} is not a number") from None
    if not math.isfinite(number):
        raise RowProblem(f"answer {value!r} is not a finite number")
    return number


def _fields(row: dict) -> dict:
    return {"answer": gold_number(row.get("answer"))}


SOURCE = Source("xsvamp", "X-SVAMP", HUB_REPO, HUB_REVISION, _fields, paper_prefix="svamp")
