"""The names of our lm-eval tasks, groups and tags, in one table.

Every benchmark has a direct task per language (``xalpacaeval_zh``) and a pivot task per target
language (``xalpacaeval_pivot_zh``); a group per variant (``xalpacaeval``, ``xalpacaeval_pivot``)
and a tag with all of them (``xalpacaeval_all``).  The task YAML generator, ``plug-eval run``
(de-duplication, data pre-checks) and ``plug-eval tasks list`` read these names from here.
"""

from __future__ import annotations

from typing import NamedTuple

from plug_eval.languages import LANGUAGES, TARGETS

BENCHMARKS = ("xalpacaeval",)
DIRECT, PIVOT = "direct", "pivot"


class TaskName(NamedTuple):
    benchmark: str
    variant: str  #: DIRECT or PIVOT
    lang: str


def task_name(benchmark: str, variant: str, lang: str) -> str:
    return f"{benchmark}_{lang}" if variant == DIRECT else f"{benchmark}_pivot_{lang}"


def group_name(benchmark: str, variant: str) -> str:
    return benchmark if variant == DIRECT else f"{benchmark}_pivot"


def tag_name(benchmark: str) -> str:
    return f"{benchmark}_all"


def _languages(variant: str) -> tuple[str, ...]:
    return tuple(LANGUAGES) if variant == DIRECT else TARGETS


TASKS: dict[str, TaskName] = {
    task_name(b, v, code): TaskName(b, v, code)
    for b in BENCHMARKS for v in (DIRECT, PIVOT) for code in _languages(v)}
GROUPS: dict[str, list[str]] = {
    group_name(b, v): [task_name(b, v, code) for code in _languages(v)]
    for b in BENCHMARKS for v in (DIRECT, PIVOT)}
TAGS: dict[str, list[str]] = {
    tag_name(b): [t for t, n in TASKS.items() if n.benchmark == b] for b in BENCHMARKS}


def members(name: str) -> list[str]:
    """The tasks a task, group or tag name stands for ([] for a name that is not ours)."""
    if name in TASKS:
        return [name]
    return list(GROUPS.get(name) or TAGS.get(name) or [])
