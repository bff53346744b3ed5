"""The X-AlpacaEval tasks inside lm-eval: prompts, extraction and metrics on known text."""

import json
import logging

import jinja2
import pytest
from lm_eval import simple_evaluate
from lm_eval.api.model import LM

import plug_eval
from plug_eval import languages, pivot
from plug_eval.tiny import NO_SYSTEM_TEMPLATE

ANSWERS = {  # final answers a good PLUG model would give
    "zh": "首先，制定一个学习计划。其次，关掉手机通知。最后，每学习五十分钟休息十分钟。",
    "ko": "먼저 공부 계획을 세우세요. 그다음 휴대폰 알림을 끄세요. 마지막으로 오십 분마다 쉬세요.",
    "it": "Per prima cosa, prepara un piano di studio. Poi spegni le notifiche del telefono.",
    "es": "Primero, haz un plan de estudio. Después, apaga las notificaciones del teléfono.",
}
DRAFT = "First, make a study plan. Then turn off the phone notifications and take breaks."


class CannedLM(LM):
    """Answers every request with ``reply(prompt)`` and remembers the prompts it saw."""

    def __init__(self, reply, template=pivot.PLUG_CHAT_TEMPLATE):
        super().__init__()
        self.reply, self.prompts = reply, []
        self.template = jinja2.Environment().from_string(template) if template else None

    def generate_until(self, requests, disable_tqdm=False):
        self.prompts += [r.args[0] for r in requests]
        return [self.reply(r.args[0]) for r in requests]

    def loglikelihood(self, requests, disable_tqdm=False):
        raise NotImplementedError

    def loglikelihood_rolling(self, requests, disable_tqdm=False):
        raise NotImplementedError

    @property
    def tokenizer_name(self):
        return "canned"

    def chat_template(self, chat_template=False):
        return "canned"

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        try:
            return self.template.render(messages=chat_history, eos_token="</s>",
                                        add_generation_prompt=add_generation_prompt,
                                        raise_exception=_raise)
        except jinja2.TemplateError:  # what lm-eval's HFLM does: drop the system role, quietly
            chat_history = [m for m in chat_history if m["role"] != "system"]
            return self.template.render(messages=chat_history, eos_token="</s>",
                                        add_generation_prompt=add_generation_prompt,
                                        raise_exception=_raise)


def _raise(message):
    raise jinja2.TemplateError(message)


def evaluate(lm, tasks, limit=4, chat=True, metadata=None):
    tm = plug_eval.task_manager(include_defaults=False,
                                metadata={"xalpacaeval_data_dir": "sample", **(metadata or {})})
    return simple_evaluate(model=lm, tasks=tasks, task_manager=tm, limit=limit, log_samples=True,
                           apply_chat_template=chat)


def prompt_of(sample):
    args = sample["arguments"]
    return args["gen_args_0"]["arg_0"] if isinstance(args, dict) else args[0][0]


def lang_of(prompt):
    for code, lang in languages.LANGUAGES.items():
        if f"in {lang.name}." in prompt:
            return code
    raise AssertionError(prompt)


def test_pivot_answers_are_extracted_and_scored():
    good = lambda p: pivot.build_response(DRAFT, ANSWERS[lang_of(p)], lang_of(p))
    out = evaluate(CannedLM(good), ["xalpacaeval_pivot"])
    for code in languages.TARGETS:
        res = out["results"][f"xalpacaeval_pivot_{code}"]
        assert res["pivot_ok,plug_extract"] == 1.0
        assert res["lang_fidelity,plug_extract"] == 1.0
        assert res["answer_units,plug_extract"] == languages.answer_units(ANSWERS[code])
        for s in out["samples"][f"xalpacaeval_pivot_{code}"]:
            assert s["filtered_resps"] == [ANSWERS[code]]
            assert s["resps"] == [[good(prompt_of(s))]]
            assert s["doc"]["pivot"] == "en" and s["doc"]["data_source"] == "sample"
    assert out["results"]["xalpacaeval_pivot"]["pivot_ok,plug_extract"] == 1.0


def test_broken_pivot_answers_count_against_the_model():
    replies = {"zh": "中文回复：" + ANSWERS["zh"],              # target only: no pivot block
               "ko": "English response:\n" + DRAFT,           # no target header
               "it": pivot.build_response(DRAFT, DRAFT, "it"),  # answered in English
               "es": pivot.build_response(DRAFT, ANSWERS["es"], "es")}
    out = evaluate(CannedLM(lambda p: replies[lang_of(p)]), ["xalpacaeval_pivot"])
    r = {c: out["results"][f"xalpacaeval_pivot_{c}"] for c in languages.TARGETS}
    assert [r[c]["pivot_ok,plug_extract"] for c in ("zh", "ko", "it", "es")] == [0.0, 0.0, 1.0, 1.0]
    assert r["zh"]["lang_fidelity,plug_extract"] == 1.0   # the answer itself is fine
    assert r["ko"]["lang_fidelity,plug_extract"] == 0.0   # nothing extracted
    assert r["ko"]["answer_units,plug_extract"] == 0.0
    assert r["it"]["lang_fidelity,plug_extract"] == 0.0   # English where Italian was asked
    assert out["samples"]["xalpacaeval_pivot_ko"][0]["filtered_resps"] == [""]


def test_direct_prompt_with_and_without_chat_template():
    lm = CannedLM(lambda p: ANSWERS.get(lang_of(p), DRAFT))
    out = evaluate(lm, ["xalpacaeval_zh"], limit=2, chat=True)
    system = languages.direct_system_prompt("zh")
    doc = out["samples"]["xalpacaeval_zh"][0]["doc"]
    assert lm.prompts[0] == pivot.format_prompt(doc["instruction"], system)
    assert out["results"]["xalpacaeval_zh"]["lang_fidelity,none"] == 1.0

    lm = CannedLM(lambda p: DRAFT)
    out = evaluate(lm, ["xalpacaeval_zh"], limit=2, chat=False)
    assert lm.prompts[0] == f"{system}\n\n{doc['instruction']}"   # never glued together
    assert out["results"]["xalpacaeval_zh"]["lang_fidelity,none"] == 0.0


def test_template_that_rejects_the_system_role_gets_it_folded_in(caplog):
    lm = CannedLM(lambda p: DRAFT, template=NO_SYSTEM_TEMPLATE)
    with caplog.at_level(logging.WARNING, logger="plug_eval.tasks"):
        out = evaluate(lm, ["xalpacaeval_pivot_it"], limit=2)
    doc = out["samples"]["xalpacaeval_pivot_it"][0]["doc"]
    assert lm.prompts[0] == (f"<|user|>\n{languages.pivot_system_prompt('it')}\n\n"
                             f"{doc['instruction']}\n<|assistant|>\n")
    assert "rejects the system role" in caplog.text


def test_another_pivot_language_is_recorded_in_every_doc():
    lm = CannedLM(lambda p: pivot.build_response("你好", ANSWERS["ko"], "ko", "zh"))
    out = evaluate(lm, ["xalpacaeval_pivot_ko"], limit=2, metadata={"xalpacaeval_pivot": "zh"})
    assert "interpret the instruction in Chinese" in lm.prompts[0]
    assert {s["doc"]["pivot"] for s in out["samples"]["xalpacaeval_pivot_ko"]} == {"zh"}
    assert out["results"]["xalpacaeval_pivot_ko"]["pivot_ok,plug_extract"] == 1.0
    assert out["configs"]["xalpacaeval_pivot_ko"]["metadata"]["pivot"] == "zh"


def test_every_run_records_its_data_and_hashes(sample_dir):
    import hashlib

    out = evaluate(CannedLM(lambda p: DRAFT), ["xalpacaeval_es"], limit=1)
    meta = out["configs"]["xalpacaeval_es"]["metadata"]
    assert meta["data_source"] == "sample"
    want = hashlib.sha256((sample_dir / "spanish.json").read_bytes()).hexdigest()
    assert meta["data_files_sha256"]["spanish.json"] == want
    assert out["samples"]["xalpacaeval_es"][0]["doc"]["data_sha256"] == want
    assert len(meta["data_files_sha256"]) == 5  # alignment was checked against every file


def test_generation_settings_keep_blank_lines():
    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    task = tm.load(["xalpacaeval_pivot_zh"])["tasks"]["xalpacaeval_pivot_zh"]
    gen = task.config.generation_kwargs
    assert gen["until"] == [] and gen["do_sample"] is False
    assert "max_gen_toks" not in gen  # set per request to fit the model (tests/test_tasks_backends.py)


def test_paper_extract_is_logged_and_scored_beside_plug_extract():
    """The paper's rule cuts at the first exact header anywhere; ours at the one opening a block."""
    zh = languages.LANGUAGES["zh"].header
    reply = (f"{languages.LANGUAGES['en'].header}\nIn Chinese the answer opens with {zh} on its own line."
             f"\n\n{zh}\n{ANSWERS['zh']}")
    out = evaluate(CannedLM(lambda p: reply), ["xalpacaeval_pivot_zh"], limit=2)
    by_filter = {}
    for s in out["samples"]["xalpacaeval_pivot_zh"]:
        by_filter.setdefault(s["filter"], []).append(s["filtered_resps"][0])
    assert set(by_filter) == {"plug_extract", "paper_extract"}
    assert by_filter["plug_extract"] == [ANSWERS["zh"]] * 2
    assert by_filter["paper_extract"] == [pivot.paper_extract(reply, "zh")] * 2
    assert by_filter["paper_extract"][0].startswith("on its own line.")
    res = out["results"]["xalpacaeval_pivot_zh"]
    assert res["answer_units,paper_extract"] > res["answer_units,plug_extract"]
    assert res["pivot_ok,paper_extract"] == res["pivot_ok,plug_extract"] == 1.0
    assert out["configs"]["xalpacaeval_pivot_zh"]["metadata"]["version"] == 2.2
    assert pivot.paper_extract("no header here", "zh") == ""
