"""Issue 24.5: a checkpoint trained with the PLUG repository's train.py (no chat template) takes its format.

The repository's format, re-implemented here from its ``train.py`` (``encode_with_messages_format``):
``<|system|>\\n`` + system.strip() + ``\\n<|user|>\\n`` + instruction.strip() + ``\\n<|assistant|>\\n``, then
the response and the EOS (tokenized with the tokenizer's default special tokens, as lm-eval 0.4 encodes a
prompt that does not start with the BOS).
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import exe

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "XALPACAEVAL_DATA_DIR": "sample"}


def repo_prompt(instruction: str, system: str | None = None) -> str:
    text = "" if system is None else "<|system|>\n" + system.strip() + "\n"
    return text + "<|user|>\n" + instruction.strip() + "\n" + "<|assistant|>\n"


def plug_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe("plug-eval"), *args], capture_output=True, text=True, env=ENV, timeout=600)


@pytest.fixture()
def bare_tokenizer(tmp_path):
    from plug_eval.tiny import build_tokenizer

    build_tokenizer(tmp_path / "ckpt", chat_template="none")
    return tmp_path / "ckpt"


def test_chat_template_writes_the_repository_format_once(bare_tokenizer):
    from transformers import AutoTokenizer

    assert AutoTokenizer.from_pretrained(str(bare_tokenizer)).chat_template is None
    r = plug_eval("chat-template", str(bare_tokenizer), "--format", "plug-repo")
    assert r.returncode == 0, r.stderr
    tok = AutoTokenizer.from_pretrained(str(bare_tokenizer))
    for system in ("  Please respond in Chinese. ", None):
        msgs = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": " 你好\n"}]
        assert tok.apply_chat_template(msgs, tokenize=False, add_generation_prompt=True) == repo_prompt(" 你好\n", system)
    whole = [{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}, {"role": "assistant", "content": "R "}]
    assert tok.apply_chat_template(whole, tokenize=False) == repo_prompt("Q", "S") + "R" + tok.eos_token
    config = json.loads((bare_tokenizer / "tokenizer_config.json").read_text())
    assert config["chat_template"] == (bare_tokenizer / "chat_template.jinja").read_text()
    again = plug_eval("chat-template", str(bare_tokenizer), "--format", "plug-repo")
    assert again.returncode == 2 and "already has a chat template" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert plug_eval("chat-template", str(bare_tokenizer), "--format", "plug-repo", "--force").returncode == 0


def test_chat_template_refuses_a_folder_without_a_tokenizer(tmp_path):
    r = plug_eval("chat-template", str(tmp_path), "--format", "plug-repo")
    assert r.returncode == 2 and "no tokenizer_config.json" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_template_less_checkpoint_before_and_after_chat_template(tmp_path):
    from transformers import AutoTokenizer

    from plug_eval import languages
    from plug_eval.tiny import build_tiny_model
    from plug_train.data import training_template
    from plug_train.render import conversation

    ckpt = build_tiny_model(tmp_path / "ckpt", chat_template="none", max_positions=512)
    run = ("run", "--model", "hf", "--model_args", f"pretrained={ckpt}", "--tasks", "xalpacaeval_zh",
           "--apply_chat_template", "--limit", "2", "--gen_kwargs", "max_gen_toks=4", "--log_samples")
    before = plug_eval(*run, "--output_path", str(tmp_path / "before"))
    assert before.returncode == 2, before.stderr[-2000:]
    last = before.stderr.strip().splitlines()[-1]
    assert last.startswith("plug-eval: error: xalpacaeval_zh: ") and "Traceback" not in before.stderr
    assert f"plug-eval chat-template {ckpt} --format plug-repo" in last

    assert plug_eval("chat-template", str(ckpt), "--format", "plug-repo").returncode == 0
    after = plug_eval(*run, "--output_path", str(tmp_path / "after"))
    assert after.returncode == 0, after.stderr[-3000:]
    [path] = (tmp_path / "after").glob("**/samples_xalpacaeval_zh_*.jsonl")
    samples = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    tok = AutoTokenizer.from_pretrained(str(ckpt))
    system = languages.direct_system_prompt("zh")
    for s in samples:
        prompt = s["arguments"]["gen_args_0"]["arg_0"]
        assert prompt == repo_prompt(s["doc"]["instruction"], system)  # what train.py trained on
        # plug-train renders the same row from the same checkpoint to the same prompt
        row = [{"role": "system", "content": system}, {"role": "user", "content": s["doc"]["instruction"]},
               {"role": "assistant", "content": "答"}]
        conv = conversation(tok, training_template(tok), row)
        assert conv.text[: conv.spans[-1][0]] == prompt and not conv.folded
