"""lm-eval's contract, on every one of our tasks: what lm-eval checks of its own tasks, and more.

lm-eval tests each of its tasks (its repository's tests/test_tasks.py): the docs load, the split
flags agree with the config, ``doc_to_text`` gives strings, targets have the type the output type
needs, requests build.  The same checks run here on our 27 tasks over the shipped sample, plus
the rest of lm-eval's evaluation loop (filters, ``process_results``, aggregation), and lm-eval's
own command line listing (``lm_eval ls tasks``) and validating (``lm_eval validate``) every name.
A future lm-eval, or a change of ours, that breaks one of these fails here.
"""

import math
from itertools import islice
from pathlib import Path

import pytest
from fakeserver import PLUG_ANSWERS as ANSWERS
from lm_eval.api.instance import Instance
from test_benchmarks_lmeval import SAY, native
from test_tasks_backends import hooked_env, lm_eval  # noqa: F401  (hooked_env: a fixture)

import plug_eval
from plug_eval import pivot, tasknames

NAMES = list(tasknames.TASKS)
EVERY_NAME = NAMES + list(tasknames.GROUPS) + list(tasknames.TAGS)
SAMPLES = {f"{b}_data_dir": "sample" for b in tasknames.BENCHMARKS}
LIMIT = 3
DRAFT = "First make a plan, then work through it step by step."


@pytest.fixture(scope="module")
def tasks():
    return plug_eval.task_manager(include_defaults=False, metadata=SAMPLES).load(NAMES)["tasks"]


def docs(task, n=LIMIT):
    return list(islice(task.test_docs(), n))


def test_every_name_loads_as_a_generation_task(tasks):
    assert sorted(tasks) == sorted(NAMES) and len(NAMES) == 27
    for name, task in tasks.items():
        assert task.config.task == name and task.OUTPUT_TYPE == "generate_until"


@pytest.mark.parametrize("name", NAMES)
def test_docs_load_and_the_splits_agree_with_the_config(tasks, name):
    task = tasks[name]
    task.download(task.config.dataset_kwargs)  # what lm-eval's test calls, again: same docs
    assert task.dataset is not None and len(task.dataset["test"]) >= 10
    assert task.has_test_docs() is True and task.config.test_split == "test"
    assert task.has_training_docs() is False and task.has_validation_docs() is False
    assert task.should_decontaminate() is False
    assert [d["id"] for d in task.eval_docs] == [d["id"] for d in task.test_docs()]


@pytest.mark.parametrize("name", NAMES)
def test_doc_to_text_and_doc_to_target_types(tasks, name):
    task = tasks[name]
    spaced = task.config.target_delimiter.isspace()
    for doc in docs(task):
        text = task.doc_to_text(doc)
        assert isinstance(text, str) and text == doc["instruction"]
        assert not (spaced and text[-1].isspace()), "ends in whitespace before a whitespace delimiter"
        target = task.doc_to_target(doc)
        if tasknames.TASKS[name].benchmark == "xsvamp":
            assert isinstance(target, (int, float)) and float(target) == float(doc["answer"])
        else:
            assert target == ""


@pytest.mark.parametrize("name", NAMES)
def test_requests_build(tasks, name):
    task = tasks[name]
    task.build_all_requests(limit=LIMIT, rank=0, world_size=1)
    assert len(task.instances) == LIMIT
    for inst in task.instances:
        assert isinstance(inst, Instance) and inst.request_type == "generate_until"
        context, gen = inst.args
        assert isinstance(context, str) and context.endswith(inst.doc["instruction"])
        assert context.startswith(inst.doc["system"])
        assert gen["until"] == [] and gen["do_sample"] is False and gen["max_gen_toks"] > 0
    one = task.construct_requests(doc=docs(task, 1)[0], ctx=task.doc_to_text(docs(task, 1)[0]))
    assert isinstance(one, (Instance, list))


def reply(name, doc):
    """The answer a good model gives: in the task's language, PLUG-formatted on pivot tasks."""
    _, variant, code = tasknames.TASKS[name]
    bench = tasknames.TASKS[name].benchmark
    answer = SAY[code].format(native(doc["answer"], code)) if bench == "xsvamp" else ANSWERS[code]
    return pivot.build_response(DRAFT, answer, code) if variant == tasknames.PIVOT else answer


@pytest.mark.parametrize("name", NAMES)
def test_filters_metrics_and_aggregation_run(tasks, name):
    """lm-eval's loop after generation: filters, process_results per filter, aggregation."""
    bench, variant, _ = tasknames.TASKS[name]
    task = tasks[name]
    task.build_all_requests(limit=LIMIT, rank=0, world_size=1)
    for inst in task.instances:
        inst.resps = [reply(name, inst.doc)]
    task.apply_filters()
    want = [m for m, _ in tasknames.metrics(bench, variant)]
    filters = list(task.instances[0].filtered_resps)
    assert filters == (["plug_extract", "paper_extract"] if variant == tasknames.PIVOT else ["none"])
    assert sorted(task.higher_is_better()) == sorted(want) == sorted(task.aggregation())
    for key in filters:
        scores = [task.process_results(inst.doc, [inst.filtered_resps[key]]) for inst in task.instances]
        for m in want:
            values = [s[m] for s in scores]
            assert all(isinstance(v, float) and math.isfinite(v) for v in values), (m, values)
            total = task.aggregation()[m](values)
            assert isinstance(total, float) and math.isfinite(total)
        if variant == tasknames.PIVOT:
            assert [s["pivot_ok"] for s in scores] == [1.0] * LIMIT
        if bench == "xsvamp":
            assert [s["accuracy"] for s in scores] == [1.0] * LIMIT


def test_lm_eval_ls_tasks_lists_every_name(hooked_env, tmp_path):  # noqa: F811
    r = lm_eval("ls", "tasks", env=hooked_env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    rows = {}
    for line in r.stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] in EVERY_NAME:
            rows.setdefault(cells[0], cells[1:])
    assert sorted(rows) == sorted(EVERY_NAME)
    folders = {Path(f).name: Path(f) for f in plug_eval.task_folders()}
    for name in NAMES:  # a task row: its YAML (ours) and output type
        where, kind = rows[name]
        assert Path(where) == folders[tasknames.TASKS[name].benchmark] / f"{name}.yaml"
        assert kind == "generate_until"
    for group in tasknames.GROUPS:  # a group row: its YAML
        assert Path(rows[group][0]) == folders[group.split("_")[0]] / f"{group}.yaml"


def test_lm_eval_validate_accepts_every_name(hooked_env, tmp_path):  # noqa: F811
    """Exit 0 only when every name is found (it exits 1 naming the missing ones)."""
    r = lm_eval("validate", "--tasks", ",".join(EVERY_NAME), env=hooked_env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert r.stdout.strip().splitlines()[-1] == "All tasks found and valid"
