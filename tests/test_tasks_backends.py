"""The tasks on every lm-eval backend family, through plain `lm_eval`: system message, budget, metadata.

Plain ``lm_eval`` runs as a subprocess whose start-up imports ``plug_eval_hook`` exactly as the
wheel's ``.pth`` line does (an editable install has no ``.pth``), so no flag of ours is passed.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lm_eval.models.api_models import JsonChatStr

import fakeserver
from fakeserver import PLUG_ANSWERS as ANSWERS
from plug_eval import languages, pivot
from plug_eval.tasks import budget
from plug_eval.tasks.xalpacaeval.task import carries_system
from test_tasks_lmeval import DRAFT, CannedLM, evaluate, lang_of

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "XALPACAEVAL_DATA_DIR": "sample"}


@pytest.fixture(scope="module")
def hooked_env(tmp_path_factory):
    """An environment whose Python start-up runs the hook the way the wheel's .pth does."""
    site = tmp_path_factory.mktemp("startup")
    (site / "sitecustomize.py").write_text("import plug_eval_hook; plug_eval_hook.install()\n")
    return {**ENV, "PYTHONPATH": os.pathsep.join([str(site), ENV.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def lm_eval(*args, env, cwd):
    return subprocess.run([sys.executable, "-m", "lm_eval", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=900)


def samples(out_dir, task):
    [path] = Path(out_dir).glob(f"**/samples_{task}_*.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def results(out_dir):
    [path] = Path(out_dir).glob("**/results_*.json")
    return json.loads(path.read_text(encoding="utf-8"))


# --- the system prompt reaches the model as a system message ----------------------------------
@pytest.mark.slow
def test_chat_completions_server_sees_the_system_message(hooked_env, tmp_path):
    out = tmp_path / "out"
    with fakeserver.start() as server:
        r = lm_eval("--model", "local-chat-completions", "--model_args",
                    f"model=fake-plug,base_url={server.openai}/chat/completions,num_concurrent=1,max_retries=1",
                    "--apply_chat_template", "--tasks", "xalpacaeval_zh,xalpacaeval_pivot_ko",
                    "--limit", "2", "--log_samples", "--output_path", str(out),
                    env=hooked_env, cwd=tmp_path)
        bodies = [e["body"] for e in server.log("chat")]
    assert r.returncode == 0, r.stderr[-3000:]
    assert "rejects the system role" not in r.stderr
    assert len(bodies) == 4
    for task, code, system in [("xalpacaeval_zh", "zh", languages.direct_system_prompt("zh")),
                               ("xalpacaeval_pivot_ko", "ko", languages.pivot_system_prompt("ko"))]:
        docs = {s["doc"]["instruction"] for s in samples(out, task)}
        seen = [b for b in bodies if b["messages"][0]["content"] == system]
        assert len(seen) == 2
        for body in seen:
            assert body["messages"][0] == {"role": "system", "content": system}
            assert body["messages"][1]["role"] == "user" and body["messages"][1]["content"] in docs
            assert body["max_tokens"] == budget.UNKNOWN_CONTEXT_BUDGET  # API: context unknown
        for s in samples(out, task):
            assert s["doc"]["lm_backend"] == "LocalChatCompletion"
            assert s["doc"]["chat_template_sha256"] == "server-side"
            if code == "ko":  # the server answers in PLUG format: plug_extract keeps the answer
                assert s["resps"][0][0].startswith(languages.LANGUAGES["en"].header)
                assert s["filtered_resps"][0] == ANSWERS["ko"]
                assert s["pivot_ok"] == 1.0
    meta = results(out)["configs"]["xalpacaeval_zh"]["metadata"]
    assert meta["generation_budget"]["context"] is None
    assert meta["generation_budget"]["max"] == budget.UNKNOWN_CONTEXT_BUDGET


class ListChatLM(CannedLM):
    """A chat backend whose template returns the message list (lm-eval's remote-tokenizer form)."""

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        return list(chat_history)


class JsonChatLM(CannedLM):
    """lm-eval's chat-completions form: a JSON string wrapped in a tuple."""

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        return JsonChatStr(json.dumps(chat_history, ensure_ascii=False))


class StringTemplateLM(CannedLM):
    """vLLM's form: the tokenizer's template rendered to one string (system block included)."""


@pytest.mark.parametrize("cls", [ListChatLM, JsonChatLM, StringTemplateLM])
def test_every_chat_template_form_keeps_the_system_role(cls, caplog):
    from lm_eval import simple_evaluate

    import plug_eval
    from plug_eval.tasks.xalpacaeval.data import load

    lm = cls(lambda p: DRAFT)
    # lm-eval cannot log samples whose prompt is a message list (its prompt hash wants a string)
    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    with caplog.at_level(logging.WARNING, logger="plug_eval.tasks"):
        simple_evaluate(model=lm, tasks=["xalpacaeval_pivot_it"], task_manager=tm, limit=2,
                        apply_chat_template=True, log_samples=cls is not ListChatLM)
    system = languages.pivot_system_prompt("it")
    doc = load("it", {"xalpacaeval_data_dir": "sample"}).rows[0]
    prompt = lm.prompts[0]
    if cls is ListChatLM:
        assert prompt == [{"role": "system", "content": system},
                          {"role": "user", "content": doc["instruction"]}]
    elif cls is JsonChatLM:
        assert json.loads(prompt.prompt)[0] == {"role": "system", "content": system}
    else:
        assert prompt == pivot.format_prompt(doc["instruction"], system)
    assert "rejects the system role" not in caplog.text


def test_carries_system_reads_each_form():
    system = "Please respond to the following user message in Chinese."
    good = [{"role": "system", "content": system}, {"role": "user", "content": "hi"}]
    folded = [{"role": "user", "content": f"{system}\n\nhi"}]
    assert carries_system(good, system) and not carries_system(folded, system)
    assert carries_system(JsonChatStr(json.dumps(good)), system)
    assert not carries_system(JsonChatStr(json.dumps(folded)), system)
    assert carries_system(f"<|system|>\n{system}\n<|user|>\nhi", system)
    assert not carries_system("<|user|>\nhi", system)


# --- no stop string but EOS, and no empty stop list in an API request (issue 27) -----------------
def payloads(lm, task_name, chat):
    """The request bodies lm-eval's API backend ``lm`` builds for one task, as JSON decodes them.

    Built the way lm-eval builds them: the task's requests (lm-eval hands the task the model's
    bound chat template; without one our task finds the model as ``lm`` up the call stack,
    as in lm-eval's ``evaluate``), then ``lm._create_payload`` exactly as its ``model_call`` does.
    """
    import copy

    import plug_eval

    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    task = tm.load([task_name])["tasks"][task_name]
    task.build_all_requests(limit=2, rank=0, world_size=1, apply_chat_template=chat,
                            chat_template=lm.apply_chat_template if chat else None)
    out = []
    for inst in task.instances:
        context, gen = inst.args
        body = lm._create_payload(lm.create_message([context]), generate=True,
                                  gen_kwargs=copy.deepcopy(gen), seed=1234, eos=lm.eos_string)
        out.append(json.loads(json.dumps(body)))
    return task, out


API_BACKENDS = [  # lm-eval model name, its field for stop strings, chat?
    ("local-chat-completions", "stop", True),
    ("openai-chat-completions", "stop", True),
    ("local-completions", "stop", False),
    ("anthropic-chat", "stop_sequences", True),
]


@pytest.mark.parametrize("name,field,chat", API_BACKENDS, ids=[b[0] for b in API_BACKENDS])
def test_api_requests_carry_no_empty_stop_list(name, field, chat):
    """`"stop": []` is refused by transformers serve (HTTP 400): no stop string is sent as null."""
    from lm_eval.api.registry import get_model

    lm = get_model(name)(model="m", base_url="http://127.0.0.1:9/v1/x", tokenizer_backend=None)
    task, bodies = payloads(lm, "xalpacaeval_pivot_ko", chat)
    assert len(bodies) == 2
    for body, inst in zip(bodies, task.instances, strict=True):
        assert field in body and body[field] is None, body
        assert inst.args[1]["until"] == []
    if chat and name != "anthropic-chat":  # anthropic-chat moves the system message to "system"
        assert bodies[0]["messages"][0] == {"role": "system", "content": languages.pivot_system_prompt("ko")}


def test_a_user_stop_string_is_sent_as_it_is():
    from lm_eval.models.openai_completions import LocalChatCompletion

    import plug_eval

    lm = LocalChatCompletion(model="m", base_url="http://127.0.0.1:9/v1/x")
    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    task = tm.load(["xalpacaeval_zh"])["tasks"]["xalpacaeval_zh"]
    task.config.generation_kwargs["until"] = ["<|eos|>"]  # what --gen_kwargs until=<|eos|> does
    task.build_all_requests(limit=1, apply_chat_template=True, chat_template=lm.apply_chat_template)
    gen = task.instances[0].args[1]
    assert "stop" not in gen
    body = lm._create_payload(lm.create_message([task.instances[0].args[0]]), generate=True,
                              gen_kwargs=dict(gen), eos=lm.eos_string)
    assert body["stop"] == ["<|eos|>"]


def test_local_models_keep_eos_as_their_only_stop():
    """HF and vLLM: lm-eval adds the tokenizer's EOS to an empty `until`; we add nothing."""
    from lm_eval.models.utils import handle_stop_sequences

    import plug_eval

    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    task = tm.load(["xalpacaeval_pivot_zh"])["tasks"]["xalpacaeval_pivot_zh"]
    lm = StringTemplateLM(lambda p: DRAFT)  # a local model: not one of lm-eval's API backends
    task.build_all_requests(limit=2, apply_chat_template=True, chat_template=lm.apply_chat_template)
    for inst in task.instances:
        gen = inst.args[1]
        assert gen["until"] == [] and "stop" not in gen and "stop_sequences" not in gen
        assert handle_stop_sequences(gen["until"], eos="</s>") == ["</s>"]  # HFLM's and VLLM's call


# --- the generation budget fits the model -------------------------------------------------------
class SizedLM(CannedLM):
    """A local-model stand-in: a context length and a tokenizer (one token per character)."""

    max_length = 300

    def tok_encode(self, text, **kwargs):
        return list(text.encode("utf-8"))


def test_budget_follows_the_paper_rule_and_the_model_context():
    lm = SizedLM(lambda p: DRAFT)
    b = budget.Budget.for_model(lm, {}, None)
    assert b.for_prompt("x" * 100) == 200 - 200 % budget.ROUND_TO  # context binds: 300 - 100
    assert b.for_prompt("x" * 250) == 50                            # small budgets are exact
    assert b.for_prompt("x" * 400) == 1 and b.no_room == 1           # no room at all
    assert b.shortened == 3
    big = SizedLM(lambda p: DRAFT)
    big.max_length = 32768
    b = budget.Budget.for_model(big, {}, None)
    assert b.for_prompt("x" * 100) == (4096 - 100) // 64 * 64 and b.shortened == 0
    user = budget.Budget.for_model(big, {"max_gen_toks": 333}, None)
    assert user.for_prompt("x" * 100) == 333                          # the user's value, exactly
    assert budget.Budget.for_model(lm, {"max_gen_toks": 333}, None).for_prompt("x" * 100) == 192
    unknown = budget.Budget.for_model(CannedLM(lambda p: DRAFT), {}, None)
    assert unknown.for_prompt("x" * 100) == budget.UNKNOWN_CONTEXT_BUDGET
    assert "context is unknown" in unknown.describe()


def test_budget_is_per_request_and_recorded_in_the_results(caplog):
    lm = SizedLM(lambda p: DRAFT)
    with caplog.at_level(logging.INFO, logger="plug_eval.tasks"):
        out = evaluate(lm, ["xalpacaeval_zh"], limit=3, chat=False)
    got = []
    for s in out["samples"]["xalpacaeval_zh"]:
        prompt, gen = s["arguments"][0]  # in-process: [(prompt, gen_kwargs)]
        room = 300 - len(prompt.encode("utf-8"))
        assert gen["max_gen_toks"] == (room - room % 64 if room >= 128 else room)
        got.append(gen["max_gen_toks"])
    meta = out["configs"]["xalpacaeval_zh"]["metadata"]["generation_budget"]
    assert meta["context"] == 300 and meta["requests"] == 3 and meta["shortened_by_context"] == 3
    assert (meta["min"], meta["max"]) == (min(got), max(got))
    # one line per task (a handler may see it twice when lm-eval's logging was set up earlier in the process)
    lines = sorted({r.getMessage() for r in caplog.records if "max_gen_toks" in r.getMessage()})
    assert len(lines) == 1 and "3 shortened by the model's 300-token context" in lines[0]


@pytest.mark.slow
def test_plain_lm_eval_on_a_1024_context_model(hooked_env, tmp_path):
    """The issue's literal line on a short-context model: no assertion error, a logged cap."""
    from plug_eval.tiny import build_tiny_model

    model = build_tiny_model(tmp_path / "tiny", max_positions=1024)
    out = tmp_path / "out"
    r = lm_eval("--model", "hf", "--model_args", f"pretrained={model}",
                "--tasks", "xalpacaeval_zh,xalpacaeval_pivot_ko", "--limit", "2", "--log_samples",
                "--output_path", str(out), env=hooked_env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "overrides existing task" not in r.stderr
    assert "2 shortened by the model's 1024-token context" in r.stderr
    for task in ("xalpacaeval_zh", "xalpacaeval_pivot_ko"):
        for s in samples(out, task):
            toks = s["arguments"]["gen_args_0"]["arg_1"]["max_gen_toks"]
            assert 0 < toks < 1024 and toks % 64 == 0
            assert s["doc"]["lm_backend"] == "HFLM" and s["doc"]["chat_template_sha256"] == "none"
    res = results(out)
    assert res["configs"]["xalpacaeval_zh"]["metadata"]["generation_budget"]["context"] == 1024
    assert res["higher_is_better"]["xalpacaeval_zh"]["answer_units"] is None
    assert res["configs"]["xalpacaeval_zh"]["process_results"].endswith("XAlpacaEvalTask.process_results")
    assert res["versions"]["xalpacaeval_zh"] == 2.1


# --- metadata and user mistakes ---------------------------------------------------------------
def test_few_shot_is_a_one_line_error():
    from lm_eval import simple_evaluate

    import plug_eval

    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    with pytest.raises(plug_eval.PlugEvalError) as exc:
        simple_evaluate(model=CannedLM(lambda p: DRAFT), tasks=["xalpacaeval_zh"], task_manager=tm,
                        limit=1, num_fewshot=3)
    assert str(exc.value).startswith("xalpacaeval_zh: --num_fewshot 3: X-AlpacaEval is zero-shot")
    assert "\n" not in str(exc.value) and exc.value.exit_code == 2


def test_a_model_without_plug_training_gets_one_warning_on_pivot_tasks(caplog):
    lm = CannedLM(lambda p: ANSWERS[lang_of(p)])  # answers directly: no headers
    with caplog.at_level(logging.WARNING, logger="plug_eval.tasks"):
        out = evaluate(lm, ["xalpacaeval_pivot_es"], limit=2)
    assert out["results"]["xalpacaeval_pivot_es"]["pivot_ok,plug_extract"] == 0.0
    warned = sorted({r.getMessage() for r in caplog.records if "pivot_ok 0.00" in r.getMessage()})
    assert len(warned) == 1 and "not trained the PLUG way" in warned[0]  # once, not once per filter
    assert "xalpacaeval_es" in warned[0]

    good = CannedLM(lambda p: pivot.build_response(DRAFT, ANSWERS["es"], "es"))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="plug_eval.tasks"):
        evaluate(good, ["xalpacaeval_pivot_es"], limit=2)
    assert "pivot_ok" not in caplog.text


def test_metric_metadata_reads_right():
    out = evaluate(CannedLM(lambda p: DRAFT), ["xalpacaeval_en"], limit=1)
    assert out["higher_is_better"]["xalpacaeval_en"] == {"lang_fidelity": True, "answer_units": None}
    cfg = out["configs"]["xalpacaeval_en"]
    assert cfg["process_results"] == "plug_eval.tasks.xalpacaeval.task.XAlpacaEvalTask.process_results"
    assert cfg["metadata"]["version"] == 2.1
    doc = out["samples"]["xalpacaeval_en"][0]["doc"]
    assert doc["lm_backend"] == "CannedLM" and len(doc["chat_template_sha256"]) == 16


def test_missing_api_extra_is_a_one_line_hint(tmp_path):
    """A --no-deps install without lm-eval's api extra: one line naming the extra, exit 2."""
    from conftest import exe

    (tmp_path / "sitecustomize.py").write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'tenacity':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n")
    r = subprocess.run([exe("plug-eval"), "run", "--model", "local-chat-completions", "--model_args",
                        "model=x,base_url=http://127.0.0.1:9/v1/chat/completions",
                        "--apply_chat_template", "--tasks", "xalpacaeval_zh", "--limit", "1"],
                       capture_output=True, text=True, timeout=600, cwd=tmp_path,
                       env={**ENV, "PYTHONPATH": str(tmp_path)})
    assert r.returncode == 2, r.stderr[-2000:]
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("plug-eval: error: tenacity: ") and "pip install 'lm-eval[api]'" in last
