"""X-TruthfulQA's data: TruthfulQA's questions and reference answers in five languages.

Rows are ``{id, instruction, correct_answers, incorrect_answers}``: the question and two
non-empty lists of reference answers, which the truthfulness judge compares an answer with.
Where the data comes from and how it is checked is :mod:`plug_eval.tasks.source`: metadata key
``xtruthfulqa_data_dir``, environment variable ``XTRUTHFULQA_DATA_DIR``, the word ``sample``;
files ``english.json`` ... or the paper scripts' ``zh/truthfulqa_zh.json``.  The hub copy has no
verified revision yet, so it is not read.
"""

from __future__ import annotations

from plug_eval.tasks.source import RowProblem, Source

HUB_REPO = "zhihz0535/X-TruthfulQA_en_zh_ko_it_es"
HUB_REVISION = None  # set once a revision has been read and checked against this loader
REFERENCE_LISTS = ("correct_answers", "incorrect_answers")


def reference_list(row: dict, key: str) -> list[str]:
    """``row[key]`` as a non-empty list of non-empty strings."""
    value = row.get(key)
    if value is None:
        raise RowProblem(f"missing {key}")
    if not isinstance(value, list) or not value:
        raise RowProblem(f"{key} must be a non-empty list of answers")
    bad = [i for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
    if bad:
        raise RowProblem(f"{key}[{bad[0]}] is empty or not text")
    return [v.strip() for v in value]


def _fields(row: dict) -> dict:
    return {key: reference_list(row, key) for key in REFERENCE_LISTS}


SOURCE = Source("xtruthfulqa", "X-TruthfulQA", HUB_REPO, HUB_REVISION, _fields,
                paper_prefix="truthfulqa")
