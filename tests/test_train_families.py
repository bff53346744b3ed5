"""plug-train on the families users bring (tests/train_families.py): each family's chat-template
essentials, single- and multi-turn, with and without a system prompt.

For every row the test checks, against an oracle computed here from the tokenizer alone:
- the tokens before the last answer are the prompt evaluation builds (lm-eval's HF backend, which
  drops a system role the template raises on, and plug-eval's tasks, which then fold the system
  prompt into the user turn: ``plug_eval.chat.fold_system``);
- each assistant turn is learned as the template shows it in that conversation, closed as the
  template closes it, and nothing of any user or system turn is learned;
- no row is dropped.
"""

import jinja2
import pytest
from train_families import FAMILIES, tokenizer

from plug_eval import chat
from plug_train import data

SYSTEM = "Answer in the language of the question."
U1, A1, U2, A2 = "What is water made of?", "Hydrogen and oxygen.", "And ice?", "Frozen water, the same atoms."
REASONING = "The user asks about chemistry."

#: how each family's template shows an assistant turn: (earlier turn, last turn); {a} the answer, {r} reasoning
SHOWN = {
    "llama": ("{a}<|eot_id|>", "{a}<|eot_id|>"),
    "qwen2": ("{a}<|im_end|>\n", "{a}<|im_end|>\n"),
    "qwen2_moe": ("{a}<|im_end|>\n", "{a}<|im_end|>\n"),
    "qwen3": ("{a}<|im_end|>\n", "<think>\n{r}\n</think>\n\n{a}<|im_end|>\n"),
    "mistral": (" {a}</s>", " {a}</s>"),
    "gemma2": ("{a}<end_of_turn>\n", "{a}<end_of_turn>\n"),
    "gemma3": ("{a}<end_of_turn>\n", "{a}<end_of_turn>\n"),
    "phi3": ("{a}<|end|>\n", "{a}<|end|>\n</s>"),
    "olmo2": ("{a}</s>", "{a}</s>"),
    "gpt_neox": ("{a}</s>", "{a}</s>"),  # no template: PLUG's format
    "mixtral": ("{a}</s>", "{a}</s>"),
}


@pytest.fixture(scope="module")
def toks(tmp_path_factory):
    root = tmp_path_factory.mktemp("family-tokenizers")
    return {f: tokenizer(f, root / f) for f in FAMILIES}


def rows(system, turns):
    head = [{"role": "system", "content": system}] if system else []
    body = []
    for user, answer in turns:
        body += [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]
    return head + body


KINDS = {
    "single": rows(None, [(U1, A1)]),
    "single+system": rows(SYSTEM, [(U1, A1)]),
    "multi": rows(None, [(U1, A1), (U2, A2)]),
    "multi+system": rows(SYSTEM, [(U1, A1), (U2, A2)]),
}


def evaluated_prompt(tok, template, messages):
    """The prompt of the last answer as evaluation builds it: lm-eval's HF backend renders the
    messages (dropping the system role if the template raises), and plug-eval folds the system
    prompt into the user turn when the rendering lost it."""
    prompt = messages[:-1]
    try:
        text = tok.apply_chat_template(prompt, chat_template=template, tokenize=False, add_generation_prompt=True)
    except jinja2.TemplateError:
        text = ""
    systems = [m["content"] for m in prompt if m["role"] == "system"]
    if systems and not all(s in text for s in systems):
        text = tok.apply_chat_template(chat.fold_system(prompt), chat_template=template, tokenize=False,
                                       add_generation_prompt=True)
    return text


def learned_runs(tok, enc):
    """(first index, decoded text) of each run of consecutive learned tokens."""
    runs = []
    for i, label in enumerate(enc.labels):
        if label == data.IGNORE:
            continue
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [(a, tok.decode(enc.input_ids[a:b])) for a, b in runs]


def expected_runs(family, messages):
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    earlier, last = SHOWN[family]
    out = []
    for n, answer in enumerate(answers):
        reasoning, text = "", answer
        if "</think>" in answer:
            reasoning, text = answer.split("</think>")[0].removeprefix("<think>").strip("\n"), \
                answer.split("</think>")[-1].lstrip("\n")
        out.append((last if n == len(answers) - 1 else earlier).format(a=text, r=reasoning))
    return out


def check_row(tok, family, messages):
    template = data.training_template(tok)
    kept, counts = data.encode_all([data.Example(messages, "rows.jsonl:1")], tok, template, 1024)
    assert counts["dropped_unmaskable"] == 0, data.drop_reasons(counts)
    [enc] = kept
    runs = learned_runs(tok, enc)
    # a word after a space is one token with its space: compare from the first visible character
    assert [r.lstrip(" ") for _, r in runs] == [r.lstrip(" ") for r in expected_runs(family, messages)]
    first_of_last = runs[-1][0]
    prompt_ids, _ = data.tokenize(tok, evaluated_prompt(tok, template, messages))
    assert enc.input_ids[:len(prompt_ids)] == prompt_ids
    assert all(label == data.IGNORE for label in enc.labels[len(prompt_ids):first_of_last])
    return counts


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_trains_the_evaluated_prompt_and_learns_each_turn_as_shown(toks, family, kind):
    counts = check_row(toks[family], family, KINDS[kind])
    if "system" in kind and family in ("gemma2", "mixtral"):  # both raise on the system role
        assert counts["system_folded"] == 1
    if "system" in kind and family == "mistral":  # shown only before the final user turn
        assert counts["system_moved"] == 1


def test_reasoning_in_an_earlier_turn_is_learned_as_the_template_shows_it(toks):
    """Qwen3's template drops an earlier turn's reasoning: that turn is learned without it."""
    think = f"<think>\n{REASONING}\n</think>\n\n"
    check_row(toks["qwen3"], "qwen3", rows(SYSTEM, [(U1, think + A1), (U2, think + A2)]))


@pytest.fixture(scope="module")
def pivot_task():
    """xalpacaeval_pivot_zh on the shipped sample, as lm-eval loads it."""
    from lm_eval.tasks import get_task_dict

    import plug_eval

    tm = plug_eval.task_manager(include_defaults=False, metadata={"xalpacaeval_data_dir": "sample"})
    return get_task_dict(["xalpacaeval_pivot_zh"], tm)["xalpacaeval_pivot_zh"]


@pytest.mark.slow
@pytest.mark.parametrize("family", ["gemma2", "mixtral", "mistral", "qwen2"])
def test_the_prompt_lm_eval_builds_is_the_trained_prompt(pivot_task, family, tmp_path):
    """lm-eval's HF backend and the plug-eval task build the prompt of a PLUG row; the trainer's
    tokens before the answer are that prompt, token for token (Gemma-2 and Mixtral refuse the
    system role: folded; Mistral v0.3 moves it: trained where evaluated; Qwen2 keeps it)."""
    from lm_eval.models.huggingface import HFLM
    from train_families import build

    lm = HFLM(pretrained=str(build(family, tmp_path / family)), device="cpu", batch_size=1)
    doc = next(iter(pivot_task.test_docs()))
    prompt = pivot_task.fewshot_context(doc, 0, apply_chat_template=True, chat_template=lm.apply_chat_template)
    tok = lm.tokenizer
    row = rows(doc["system"], [(doc["instruction"], "English response:\nWater.\n\n中文回复：\n水。")])
    enc, _ = data.encode(tok, data.training_template(tok), row)
    first = next(i for i, label in enumerate(enc.labels) if label != data.IGNORE)
    assert data.tokenize(tok, prompt)[0] == enc.input_ids[:first]
    assert doc["system"] in prompt


# --- resume: every family, full fine-tune and LoRA ---------------------------------------------
@pytest.fixture(scope="module")
def models(tmp_path_factory):
    from train_families import build

    root = tmp_path_factory.mktemp("family-models")
    return {f: build(f, root / f) for f in FAMILIES}


def metrics(out):
    import json
    from pathlib import Path

    strip = ("tokens_per_s", "elapsed_s", "mfu")
    return [{k: v for k, v in json.loads(x).items() if k not in strip}
            for x in (Path(out) / "metrics.jsonl").read_text().splitlines()]


def run_config(model, rows, out, lora, **kw):
    from plug_train import TrainConfig

    values = dict(model=str(model), data=[str(rows)], output=str(out), max_steps=3, batch_size=2, lr=1e-2,
                  warmup_ratio=0.0, save_every=2, progress=False)
    values.update({"lora": True, "lora_r": 4, "lora_alpha": 8} if lora else {}, **kw)
    return TrainConfig(**values)


@pytest.fixture(scope="module")
def train_rows(tmp_path_factory):
    from plug_train.smoke import plug_rows, write_jsonl

    return write_jsonl(tmp_path_factory.mktemp("rows") / "rows.jsonl", plug_rows(8, max_words=16))


@pytest.mark.slow
@pytest.mark.parametrize("lora", [False, True], ids=["full", "lora"])
@pytest.mark.parametrize("family", FAMILIES)
def test_resume_from_a_checkpoint_repeats_the_next_steps_exactly(models, train_rows, tmp_path, family, lora):
    """A run stopped after step 2 (its checkpoints up to there, its log) and resumed logs the
    same steps 3 and 4 as the run that went through.  Full fine-tunes read the checkpoint through
    transformers' loader: GPT-NeoX, Qwen2-MoE, Mixtral and Gemma-3 were refused before."""
    import shutil

    from plug_train import train

    whole = train(run_config(models[family], train_rows, tmp_path / "whole", lora))
    cut = tmp_path / "cut"
    cut.mkdir()
    shutil.copytree(whole / "checkpoint-2", cut / "checkpoint-2")
    shutil.copy(whole / "metrics.jsonl", cut / "metrics.jsonl")
    train(run_config(models[family], train_rows, cut, lora, resume="latest"))
    assert metrics(cut) == metrics(whole)


KILLED = """
import os, signal, sys
from plug_train import train
from test_train_families import run_config

def die(record):
    if record["step"] == 3:  # after step 3 is logged, before anything else is saved
        os.kill(os.getpid(), signal.SIGKILL)

train(run_config(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "lora", max_steps=4), on_step=die)
"""


@pytest.mark.slow
@pytest.mark.parametrize("family, lora", [("gemma3", False), ("mixtral", True)])
def test_a_run_killed_with_sigkill_resumes_to_the_same_steps(models, train_rows, tmp_path, family, lora):
    """kill -9 after step 3 (checkpoint-2 on disk, step 3 logged, then nothing): the resumed run
    drops step 3's line, redoes it, and logs what the run that was never killed logs."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from plug_train import train

    mode = "lora" if lora else "full"
    whole = train(run_config(models[family], train_rows, tmp_path / "whole", lora, max_steps=4))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    killed = subprocess.run([sys.executable, "-c", KILLED, str(models[family]), str(train_rows), str(tmp_path / "cut"),
                             mode], capture_output=True, text=True, env=env, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert [m["step"] for m in metrics(tmp_path / "cut")] == [1, 2, 3]
    train(run_config(models[family], train_rows, tmp_path / "cut", lora, max_steps=4, resume="latest"))
    assert metrics(tmp_path / "cut") == metrics(whole)


# --- packed attention against each family's own ----------------------------------------------
@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_passes_the_attention_self_test_at_load(models, family):
    from plug_train import model as M

    line = M.load_model(str(models[family]), False)._plug_self_test
    assert "matches the model's eager attention on a 28-token packed probe" in line


@pytest.mark.parametrize("family", FAMILIES)
def test_packed_rows_give_the_loss_and_gradients_of_the_models_own_attention(models, family, one_thread):
    """A packed row of three sequences (two longer than the 8-token windows) through plug_packed
    against the same sequences right-padded through the model's eager attention: equal loss and
    gradients.  Qwen2-MoE keeps its window in the mask only: it failed before (loss and gradients
    far off, exit 0)."""
    import torch
    from transformers import AutoModelForCausalLM

    from train_families import assert_packed_equals_padded

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(str(models[family]), attn_implementation="eager").train()
    g = torch.Generator().manual_seed(1)
    seqs = [data.Encoded(s, s) for s in (torch.randint(4, 300, (n,), generator=g).tolist() for n in (13, 7, 11))]

    assert_packed_equals_padded(model, seqs, grad_floor=1e-3)
