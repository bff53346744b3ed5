"""``hf:PATH``: a local transformers judge, batched (a tiny random model built offline)."""

from __future__ import annotations

import pytest
from conftest_judge import answers, read_jsonl, run_cli, summary, write_json

transformers = pytest.importorskip("transformers")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from plug_eval.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "judge", max_positions=4096)


def test_hf_judge_generates_in_batches_and_reruns_without_generating(tiny, tmp_path, monkeypatch):
    from transformers import LlamaForCausalLM

    calls = []
    original = LlamaForCausalLM.generate

    def counting_generate(self, *args, **kwargs):
        calls.append(kwargs["input_ids"].shape[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(LlamaForCausalLM, "generate", counting_generate)
    a = write_json(tmp_path / "a.json", answers(5, 2))
    b = write_json(tmp_path / "b.json", answers(5, 1))
    argv = ("compare", str(a), str(b), "--judge", f"hf:{tiny}", "-J", "batch_size=4", "-J", "max_tokens=6",
            "--out", str(tmp_path / "run"), "--quiet")
    code, out, err = run_cli(*argv)
    # a random tiny model names no winner: every judgment is stored, and "nothing was scored" exits 1
    assert code == 1 and "nothing was scored" in err, err
    assert calls == [4, 4, 2]  # 10 judgments in 3 generate calls
    js = read_jsonl(tmp_path / "run" / "judgments.jsonl")
    assert len(js) == 10 and all(j["error"] is None and j["cost_usd"] == 0.0 for j in js)
    assert all(j["input_tokens"] > 100 and 1 <= j["output_tokens"] <= 6 for j in js)
    s = summary(tmp_path / "run")
    assert s["n_items"] == 5 and s["n_scored"] + s["unscored"] == 5 and s["cost_usd"] == 0.0
    assert run_cli(*argv)[0] == 1 and calls == [4, 4, 2]  # nothing generated again


def test_hf_judge_prompt_too_long_is_an_error_not_a_crash(tiny, tmp_path):
    long = [dict(r, output=" ".join(["word"] * 5000)) for r in answers(1, 1)]
    a = write_json(tmp_path / "a.json", long)
    code, out, err = run_cli("compare", str(a), str(a), "--judge", f"hf:{tiny}", "-J", "max_answer_units=0",
                             "--out", str(tmp_path / "run"), "--quiet")
    assert code == 1 and "too-long 2" in err, err  # stored as errors of their kind; nothing scored exits 1
    js = read_jsonl(tmp_path / "run" / "judgments.jsonl")
    assert all("exceeds the model's 4096" in j["error"] for j in js)
    assert summary(tmp_path / "run")["errors"] == 2
