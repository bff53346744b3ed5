"""The names of our lm-eval tasks, groups and tags, in one table.

The benchmarks are the PLUG paper's three: X-AlpacaEval (open-ended instructions, judged
pairwise), X-SVAMP (math word problems, scored by the final number) and X-TruthfulQA (questions
with reference answers, judged for truthfulness).  Every benchmark has a direct task per
language (``xalpacaeval_zh``) and a pivot task per target language (``xalpacaeval_pivot_zh``);
a group per variant (``xalpacaeval``, ``xalpacaeval_pivot``)
and a tag with all of them (``xalpacaeval_all``).  The task YAML generator, ``plug-eval run``
(de-duplication, data pre-checks) and ``plug-eval tasks list`` read these names from here.
TASKS, GROUPS and TAGS are the built-in languages' tasks; a task of a language added by a file
(``plug-eval tasks add-language``) has a name of the same form, which :func:`parse` reads.
"""

from __future__ import annotations

from typing import NamedTuple

from plug_eval.languages import DEFAULT_PIVOT, LANGUAGES, builtin, targets

BENCHMARKS = ("xalpacaeval", "xsvamp", "xtruthfulqa")
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
    return builtin() if variant == DIRECT else targets()


TASKS: dict[str, TaskName] = {
    task_name(b, v, code): TaskName(b, v, code)
    for b in BENCHMARKS for v in (DIRECT, PIVOT) for code in _languages(v)}
GROUPS: dict[str, list[str]] = {
    group_name(b, v): [task_name(b, v, code) for code in _languages(v)]
    for b in BENCHMARKS for v in (DIRECT, PIVOT)}
TAGS: dict[str, list[str]] = {
    tag_name(b): [t for t, n in TASKS.items() if n.benchmark == b] for b in BENCHMARKS}


#: Per-sample metrics of each benchmark, with lm-eval's ``higher_is_better`` (None: neither,
#: e.g. a length).  Pivot tasks add PIVOT_METRIC first.  The task classes compute exactly these.
METRICS: dict[str, tuple[tuple[str, bool | None], ...]] = {
    "xalpacaeval": (("lang_fidelity", True), ("answer_units", None)),
    "xsvamp": (("accuracy", True), ("extract_failed", False), ("accuracy_paper_regex", True),
               ("extractors_disagree", None), ("lang_fidelity", True)),
    "xtruthfulqa": (("lang_fidelity", True), ("answer_units", None)),
}
PIVOT_METRIC = ("pivot_ok", True)


def metrics(benchmark: str, variant: str) -> tuple[tuple[str, bool | None], ...]:
    """(metric, higher_is_better) of one benchmark's tasks, in results order."""
    return ((PIVOT_METRIC,) if variant == PIVOT else ()) + METRICS[benchmark]


def parse(name: str) -> TaskName | None:
    """(benchmark, variant, language) of a task name of ours, built-in or of any known language."""
    if name in TASKS:
        return TASKS[name]
    for benchmark in BENCHMARKS:
        for variant in (PIVOT, DIRECT):
            prefix = task_name(benchmark, variant, "")
            lang = name[len(prefix):] if name.startswith(prefix) else ""
            if lang in LANGUAGES and (variant == DIRECT or lang != DEFAULT_PIVOT):
                return TaskName(benchmark, variant, lang)
    return None


def members(name: str) -> list[str]:
    """The tasks a task, group or tag name stands for ([] for a name that is not ours)."""
    if name in TASKS:
        return [name]
    return list(GROUPS.get(name) or TAGS.get(name) or [])
