"""Our tasks against a real OpenAI-compatible server: `transformers serve` over a tiny model.

Plain ``lm_eval --model local-chat-completions`` (no ``--gen_kwargs``) on one direct and one pivot
task; the server is started here on 127.0.0.1 (:mod:`servers`) and serves a tiny model built here
that answers one known PLUG response, so the run's every step can be checked exactly: what the
server received, what it answered, what our filters kept.
"""

import re

import pytest
from servers import require_serving, scripted_model, transformers_serve
from test_tasks_backends import hooked_env, lm_eval, results, samples  # noqa: F401  (hooked_env: a fixture)

from plug_eval import languages, pivot

DRAFT = "First make a plan, then work through it step by step."
ANSWER = "首先制定计划，然后一步一步地完成它。"
REPLY = pivot.build_response(DRAFT, ANSWER, "zh")
TASKS = {"xalpacaeval_zh": languages.direct_system_prompt("zh"),
         "xalpacaeval_pivot_zh": languages.pivot_system_prompt("zh")}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_serving()
    model = scripted_model(tmp_path_factory.mktemp("served") / "model", REPLY)
    with transformers_serve(model) as server:
        yield server


def prompt_tokens(log: str) -> dict[str, int]:
    """Request id -> prompt length, from the server's line per request."""
    return {m[1]: int(m[2]) for m in re.finditer(r"Request (\S+): model .*?, (\d+) prompt tokens", log)}


@pytest.mark.slow
def test_local_chat_completions_on_transformers_serve(served, hooked_env, tmp_path):  # noqa: F811
    from transformers import AutoTokenizer

    out = tmp_path / "out"
    r = lm_eval("--model", "local-chat-completions", "--model_args",
                f"model={served.model},base_url={served.chat_url}", "--tasks", ",".join(TASKS),
                "--apply_chat_template", "--limit", "2", "--log_samples", "--output_path", str(out),
                env=hooked_env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:] + served.log()[-3000:]
    res = results(out)["results"]
    assert res["xalpacaeval_pivot_zh"]["pivot_ok,plug_extract"] == 1.0
    assert res["xalpacaeval_zh"]["answer_units,none"] == languages.answer_units(REPLY)

    # What the server received: the system prompt as the system message, no stop list.
    bodies = served.request_bodies()
    assert len(bodies) == 4 and " 400 " not in served.log()
    for task, system in TASKS.items():
        docs = {s["doc"]["instruction"] for s in samples(out, task)}
        seen = [b for b in bodies if b["messages"][0] == {"role": "system", "content": system}]
        assert len(seen) == 2 and {b["messages"][1]["content"] for b in seen} == docs
        for body in seen:
            assert body["messages"][1]["role"] == "user" and len(body["messages"]) == 2
            assert body["model"] == served.model and body["stop"] is None
    # ... and its chat template rendered that system message (the prompt lengths it logged).
    tok = AutoTokenizer.from_pretrained(served.model)
    want = sorted(len(tok.apply_chat_template(b["messages"], add_generation_prompt=True, tokenize=True,
                                              return_dict=True)["input_ids"]) for b in bodies)
    assert sorted(prompt_tokens(served.log()).values()) == want

    # What it answered, and what our filters kept of it.
    for s in samples(out, "xalpacaeval_zh"):
        assert s["resps"] == [[REPLY]] and s["filtered_resps"] == [REPLY]
        assert s["doc"]["lm_backend"] == "LocalChatCompletion"
    both = samples(out, "xalpacaeval_pivot_zh")
    assert sorted(s["filter"] for s in both) == ["paper_extract"] * 2 + ["plug_extract"] * 2
    for s in both:
        assert s["resps"] == [[REPLY]] and s["filtered_resps"] == [ANSWER] and s["pivot_ok"] == 1.0
