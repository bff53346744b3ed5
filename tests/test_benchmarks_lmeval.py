"""X-SVAMP and X-TruthfulQA inside lm-eval: every task on the shipped sample, with a canned model."""

import json
import math

import pytest
from plug_eval.tasks.source import source
from test_tasks_lmeval import CannedLM, evaluate

from plug_eval import languages, pivot, tasknames

SAMPLES = {"xsvamp_data_dir": "sample", "xtruthfulqa_data_dir": "sample"}
DRAFT = "Let me work it out step by step in English first; the result is below."


def sample_rows(benchmark):
    """instruction -> (language, row) over the shipped sample of every language."""
    rows = {}
    for code in languages.LANGUAGES:
        for row in source(benchmark).load(code, SAMPLES).rows:
            rows[row["instruction"]] = (code, row)
    return rows


def find(rows, prompt):
    hits = [v for k, v in rows.items() if k in prompt]
    assert len(hits) == 1, prompt
    return hits[0]


def tasks_of(benchmark):
    return [t for t, n in tasknames.TASKS.items() if n.benchmark == benchmark]


# --- X-SVAMP -------------------------------------------------------------------------------
SAY = {  # a worked answer that ends with the result, written the way each language writes numbers
    "en": "First 7 and 2 give 9. So the answer is {}.",
    "zh": "先算7加2等于9。所以答案是{}。",
    "ko": "먼저 7과 2를 더하면 9입니다. 따라서 답은 {}입니다.",
    "it": "Prima 7 più 2 fa 9. Quindi la risposta è {}.",
    "es": "Primero 7 más 2 son 9. Así que la respuesta es {}.",
}


def native(number, code):
    """``number`` as a careful writer of ``code`` writes it (1,625.5 / 1.625,5)."""
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    if code in ("it", "es"):
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def svamp_reply(rows, pivot_task):
    def reply(prompt):
        code, row = find(rows, prompt)
        answer = SAY[code].format(native(row["answer"], code))
        return pivot.build_response(DRAFT, answer, code) if pivot_task else answer
    return reply


def test_every_xsvamp_task_scores_the_final_number_and_shows_the_paper_regex():
    rows = sample_rows("xsvamp")
    out = evaluate(CannedLM(svamp_reply(rows, pivot_task=False)), ["xsvamp"], limit=None,
                   metadata=SAMPLES)
    pout = evaluate(CannedLM(svamp_reply(rows, pivot_task=True)), ["xsvamp_pivot"], limit=None,
                    metadata=SAMPLES)
    for task in tasks_of("xsvamp"):
        res = (pout if "_pivot_" in task else out)["results"][task]
        key = ",plug_extract" if "_pivot_" in task else ",none"
        samples = [s for s in (pout if "_pivot_" in task else out)["samples"][task]
                   if s["filter"] == key[1:]]
        assert len(samples) == 10
        assert res["accuracy" + key] == 1.0 and res["extract_failed" + key] == 0.0
        for s in samples:
            doc = s["doc"]
            assert s["target"] == doc["answer"] and math.isclose(doc["number"], doc["answer"])
            assert s["extractors_disagree"] == float(
                doc["number_paper_regex"] is None
                or not math.isclose(doc["number_paper_regex"], doc["number"]))
        # The paper's regex misreads decimals everywhere and it/es thousands full stops.
        misread = [s["doc"]["answer"] for s in samples if s["accuracy_paper_regex"] == 0.0]
        code = task.rsplit("_", 1)[1]
        assert sorted(misread) == ([5.25, 1625.0] if code in ("it", "es") else [5.25])
        assert res["extractors_disagree" + key] == pytest.approx(len(misread) / 10)
        if "_pivot_" in task:
            assert res["pivot_ok,plug_extract"] == 1.0
            assert all(s["filtered_resps"][0].startswith(SAY[code][:4]) for s in samples)
    assert out["results"]["xsvamp"]["accuracy,none"] == 1.0
    assert pout["results"]["xsvamp_pivot"]["accuracy,plug_extract"] == 1.0


def test_xsvamp_without_a_number_or_without_the_target_block_scores_nothing():
    replies = {"zh": "我不知道。",  # no number at all
               "ko": "English response:\n" + DRAFT + " 42"}  # no Korean block: nothing extracted
    lm = CannedLM(lambda p: replies["zh" if "Chinese" in p else "ko"])
    out = evaluate(lm, ["xsvamp_zh", "xsvamp_pivot_ko"], limit=3, metadata=SAMPLES)
    zh, ko = out["results"]["xsvamp_zh"], out["results"]["xsvamp_pivot_ko"]
    assert zh["accuracy,none"] == 0.0 and zh["extract_failed,none"] == 1.0
    assert ko["pivot_ok,plug_extract"] == 0.0 and ko["extract_failed,plug_extract"] == 1.0
    assert out["samples"]["xsvamp_pivot_ko"][0]["filtered_resps"] == [""]
    assert out["samples"]["xsvamp_zh"][0]["doc"]["number"] is None


# --- X-TruthfulQA --------------------------------------------------------------------------
def test_every_xtruthfulqa_task_logs_what_the_truthfulness_judge_needs():
    rows = sample_rows("xtruthfulqa")

    def reply(prompt):
        code, row = find(rows, prompt)
        answer = row["correct_answers"][0]
        return pivot.build_response(DRAFT, answer, code) if "respond both" in prompt else answer

    out = evaluate(CannedLM(reply), ["xtruthfulqa_all"], limit=None, metadata=SAMPLES)
    for task in tasks_of("xtruthfulqa"):
        code = task.rsplit("_", 1)[1]
        key = ",plug_extract" if "_pivot_" in task else ",none"
        samples = [s for s in out["samples"][task] if s["filter"] == key[1:]]
        assert len(samples) == 10
        for s in samples:
            doc = s["doc"]
            _, row = find(rows, doc["instruction"])
            assert doc["lang"] == code and doc["data_source"] == "sample"
            assert doc["correct_answers"] == row["correct_answers"]
            assert doc["incorrect_answers"] == row["incorrect_answers"]
            assert s["filtered_resps"] == [row["correct_answers"][0]]  # the answer to judge
        res = out["results"][task]
        want = sum(languages.answer_units(s["filtered_resps"][0]) for s in samples) / 10
        assert res["answer_units" + key] == pytest.approx(want)
        assert 0.0 <= res["lang_fidelity" + key] <= 1.0
        if "_pivot_" in task:
            assert res["pivot_ok" + key] == 1.0
            assert out["configs"][task]["metadata"]["pivot"] == "en"


def test_the_pivot_language_is_chosen_per_benchmark():
    lm = CannedLM(lambda p: pivot.build_response("你好", "네.", "ko", "zh"))
    out = evaluate(lm, ["xtruthfulqa_pivot_ko"], limit=1,
                   metadata={**SAMPLES, "xtruthfulqa_pivot": "zh"})
    assert "interpret the instruction in Chinese" in lm.prompts[0]
    assert out["results"]["xtruthfulqa_pivot_ko"]["pivot_ok,plug_extract"] == 1.0


@pytest.mark.parametrize("task,title", [("xsvamp_it", "X-SVAMP"), ("xtruthfulqa_pivot_es",
                                                                     "X-TruthfulQA")])
def test_few_shot_is_refused_in_one_line(task, title):
    from lm_eval import simple_evaluate

    import plug_eval

    tm = plug_eval.task_manager(include_defaults=False, metadata=SAMPLES)
    with pytest.raises(plug_eval.PlugEvalError) as exc:
        simple_evaluate(model=CannedLM(lambda p: "1"), tasks=[task], task_manager=tm,
                        num_fewshot=2, limit=1)
    assert str(exc.value).startswith(f"{task}: --num_fewshot 2: {title} is zero-shot")


def test_results_name_the_scoring_method():
    out = evaluate(CannedLM(lambda p: "1"), ["xsvamp_en", "xtruthfulqa_en"], limit=1,
                   metadata=SAMPLES)
    assert out["configs"]["xsvamp_en"]["process_results"].endswith("XSvampTask.process_results")
    assert json.dumps(out["configs"]["xtruthfulqa_en"]["metadata"]["data_files_sha256"])
