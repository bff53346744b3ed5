"""plug_train data: label masking, over-long rows, packing plans, build-data, config, bad input.

Real tokenizers (byte-level BPE trained offline by plug_eval.tiny), no mocks.
"""

import json

import pytest

from plug_eval import languages, pivot
from plug_train import batching, data, render
from plug_train.build_data import build_data
from plug_train.cli import main as cli_main
from plug_train.smoke import parallel_rows, plug_rows, write_jsonl

SYSTEM = languages.pivot_system_prompt("zh")
RESPONSE = pivot.build_response("The answer is water.", "答案是水。", "zh")

# The generation prompt ends in a space that the answer's first word absorbs when tokenized
# together: the prompt's tokens are not a prefix of the conversation's tokens.
TRAP_TEMPLATE = (
    "{% for m in messages %}{% if m['role'] == 'user' %}{{ 'User: ' + m['content'] + '\\n' }}"
    "{% elif m['role'] == 'assistant' %}{{ 'Assistant: ' + m['content'] + eos_token }}{% endif %}"
    "{% endfor %}{% if add_generation_prompt %}{{ 'Assistant: ' }}{% endif %}"
)


@pytest.fixture(scope="module")
def plain_tok(tmp_path_factory):
    """A tokenizer without a chat template: plug-train falls back to PLUG's format."""
    from plug_eval.tiny import build_tokenizer

    return build_tokenizer(tmp_path_factory.mktemp("tok"), chat_template=None,
                           texts=[RESPONSE, "Assistant: User: hello world"])


def supervised(enc):
    return [t for t, lab in zip(enc.input_ids, enc.labels) if lab != data.IGNORE]


def messages(system=SYSTEM, response=RESPONSE, instruction="水是什么？"):
    head = [{"role": "system", "content": system}] if system else []
    return head + [{"role": "user", "content": instruction}, {"role": "assistant", "content": response}]


# --- masking ------------------------------------------------------------------------------
@pytest.mark.parametrize("system", [SYSTEM, None])
def test_only_the_answer_and_eos_are_supervised(plain_tok, system):
    template = data.training_template(plain_tok)
    assert template == pivot.PLUG_CHAT_TEMPLATE
    enc, clean = data.encode(plain_tok, template, messages(system))
    assert clean
    assert plain_tok.decode(supervised(enc)) == RESPONSE + plain_tok.eos_token
    assert enc.labels[-1] == plain_tok.eos_token_id
    prompt = plain_tok.decode([t for t, lab in zip(enc.input_ids, enc.labels) if lab == data.IGNORE])
    assert prompt == pivot.format_prompt("水是什么？", system)  # PLUG's own text, byte for byte


def test_non_prefix_template_is_masked_right_and_counted(plain_tok):
    msgs = messages(system=None, response="hello world")
    enc, clean = data.encode(plain_tok, TRAP_TEMPLATE, msgs)
    assert not clean  # the trap is there ...
    assert plain_tok.decode(supervised(enc)).strip() == "hello world" + plain_tok.eos_token  # ... and handled
    naive = len(plain_tok("User: 水是什么？\nAssistant: ")["input_ids"])  # PLUG's way: mask len(prompt ids)
    assert plain_tok.decode(enc.input_ids[naive:]) != " hello world" + plain_tok.eos_token  # it would lose a word
    rows = [data.Example(msgs, "x:1"), data.Example(messages(system=None), "x:2")]
    _, counts = data.encode_all(rows, plain_tok, TRAP_TEMPLATE, 512)
    assert counts["prompt_not_prefix"] == 2


def test_pad_equal_to_eos_keeps_eos_supervised(tmp_path):
    from plug_eval.tiny import build_tokenizer

    tok = build_tokenizer(tmp_path, chat_template="plug")
    tok.pad_token = tok.eos_token
    enc, _ = data.encode(tok, data.training_template(tok), messages())
    assert enc.labels[-1] == tok.eos_token_id == tok.pad_token_id
    mb = batching.collate([enc, enc])
    assert int((mb.targets == tok.eos_token_id).sum()) == 2  # both EOS are learned, no pad masking


def test_multi_turn_rows_supervise_every_assistant_turn(plain_tok):
    msgs = [{"role": "user", "content": "one"}, {"role": "assistant", "content": "first answer"},
            {"role": "user", "content": "two"}, {"role": "assistant", "content": "second answer"}]
    enc, _ = data.encode(plain_tok, pivot.PLUG_CHAT_TEMPLATE, msgs)
    eos = plain_tok.eos_token
    assert plain_tok.decode(supervised(enc)) == f"first answer{eos}second answer{eos}"


# A Qwen3-style template: an assistant turn after the last user turn opens with an (empty) think
# block; earlier assistant turns do not.  Rendering the first turns alone therefore renders the
# first answer *with* a think block, which is not a prefix of the whole conversation.
THINK_TEMPLATE = (
    "{%- set ns = namespace(last_user=-1) -%}"
    "{%- for m in messages -%}{%- if m['role'] == 'user' -%}{%- set ns.last_user = loop.index0 -%}"
    "{%- endif -%}{%- endfor -%}"
    "{%- for m in messages -%}{{- '<|im_start|>' + m['role'] + '\\n' -}}"
    "{%- if m['role'] == 'assistant' and loop.index0 > ns.last_user -%}"
    "{{- '<think>\\n\\n</think>\\n\\n' -}}{%- endif -%}"
    "{{- m['content'] + '<|im_end|>\\n' -}}{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}"
)
TWO_TURNS = [{"role": "user", "content": "one"}, {"role": "assistant", "content": "first answer"},
             {"role": "user", "content": "two please"}, {"role": "assistant", "content": "second answer"}]


def test_think_block_template_supervises_no_user_text(plain_tok):
    conv = render.conversation(plain_tok, THINK_TEMPLATE, TWO_TURNS)
    full = conv.text
    assert full == data.render(plain_tok, THINK_TEMPLATE, TWO_TURNS)
    # before the fix the first span ran 19 characters (the think block's length) into the next turn
    assert [full[a:b] for a, b in conv.spans] == ["first answer<|im_end|>\n",
                                                   "<think>\n\n</think>\n\nsecond answer<|im_end|>\n"]
    assert not conv.clean  # the first turn was located by its text, and the row is counted
    enc, _ = data.encode(plain_tok, THINK_TEMPLATE, TWO_TURNS)
    learned = plain_tok.decode(supervised(enc))
    assert "two" not in learned and "user" not in learned and learned.count("answer") == 2
    _, counts = data.encode_all([data.Example(TWO_TURNS, "x:1")], plain_tok, THINK_TEMPLATE, 512)
    assert (counts["prompt_not_prefix"], counts["dropped_unmaskable"]) == (1, 0)


def test_rows_whose_turns_cannot_be_located_are_dropped_and_counted(plain_tok):
    # an earlier assistant turn is shown upper-cased, the last one verbatim: the first cannot be found
    template = THINK_TEMPLATE.replace("{{- m['content'] + ", "{{- (m['content'] if loop.last or m['role'] != "
                                      "'assistant' else m['content'] | upper) + ")
    rows = [data.Example(TWO_TURNS, "x:1"), data.Example(messages(), "x:2")]
    kept, counts = data.encode_all(rows, plain_tok, template, 512)
    assert (len(kept), counts["dropped_unmaskable"], counts["rows"]) == (1, 1, 2)
    assert data.drop_reasons(counts) == {"assistant turn 2: the chat template does not render its text where the "
                                         "conversation has it": 1}


# --- over-long rows -------------------------------------------------------------------------
def test_overlong_rows_are_dropped_or_lose_pivot_text_only(plain_tok):
    long_pivot = pivot.build_response("word " * 120, "答案是水。", "zh")
    rows = [data.Example(messages(response=long_pivot), "x:1"), data.Example(messages(), "x:2")]
    template = data.training_template(plain_tok)
    short_len = len(data.encode(plain_tok, template, messages())[0].input_ids)
    kept, counts = data.encode_all(rows, plain_tok, template, short_len + 20)
    assert (len(kept), counts["dropped_overlong"]) == (1, 1)
    kept, counts = data.encode_all(rows, plain_tok, template, short_len + 20, overlong="truncate-pivot")
    assert (len(kept), counts["truncated_pivot"], counts["dropped_overlong"]) == (2, 1, 0)
    text = plain_tok.decode(supervised(kept[0]))
    split = pivot.split_response(text.removesuffix(plain_tok.eos_token), "zh")
    assert split.ok and split.answer == "答案是水。" and 0 < len(split.pivot_draft) < len("word " * 120)
    assert len(kept[0].input_ids) <= short_len + 20


def test_overlong_truncate_cuts_the_end_off_as_the_paper_does_and_counts_it(plain_tok):
    long_pivot = pivot.build_response("word " * 120, "答案是水。", "zh")
    rows = [data.Example(messages(response=long_pivot), "x:1"), data.Example(messages(), "x:2")]
    template = data.training_template(plain_tok)
    full, _ = data.encode(plain_tok, template, messages(response=long_pivot))
    limit = len(data.encode(plain_tok, template, messages())[0].input_ids) + 20
    kept, counts = data.encode_all(rows, plain_tok, template, limit, overlong="truncate")
    assert (len(kept), counts["truncated"], counts["dropped_overlong"]) == (2, 1, 0)
    assert kept[0].input_ids == full.input_ids[:limit] and kept[0].labels == full.labels[:limit]
    assert kept[0].labels[-1] != plain_tok.eos_token_id  # the paper's truncation loses the EOS
    report = data.report_counts(counts, len(kept))
    assert report["truncated"] == 1 and report["kept"] == 2 and report["dropped_unmaskable"] == 0


# --- batching ------------------------------------------------------------------------------
def test_packing_fills_rows_without_overflow_and_keeps_every_sequence():
    lengths = [50, 600, 179, 75, 461, 300, 1000, 24, 700, 333] * 7
    bins = batching.pack(lengths, 1024)
    assert sorted(i for b in bins for i in b) == list(range(len(lengths)))
    assert all(sum(lengths[i] for i in b) <= 1024 for b in bins)
    assert len(bins) <= -(-sum(lengths) // 1024) + 2  # best-fit decreasing is near the bound


def test_plan_splits_a_step_the_same_way_for_any_process_count():
    one = batching.Plan([[i] for i in range(10)], batch_size=4, grad_accum=1, world=1, seed=3)
    two = batching.Plan([[i] for i in range(10)], batch_size=2, grad_accum=1, world=2, seed=3)
    for step in range(6):  # crosses epochs; the last step of an epoch wraps around
        a = sorted(one.micro_batches(step, 0)[0])
        b = sorted(two.micro_batches(step, 0)[0] + two.micro_batches(step, 1)[0])
        assert a == b
    assert one.steps_per_epoch == 3


# --- build-data ----------------------------------------------------------------------------
def test_build_data_makes_matched_plug_and_direct_rows(tmp_path):
    src = write_jsonl(tmp_path / "parallel.jsonl", parallel_rows(6))
    written = build_data(str(src), "zh,ko:0.5", "both", str(tmp_path / "out"), english=True)
    assert written == {"plug.jsonl": 6 + 3 + 6, "direct.jsonl": 6 + 3 + 6}
    plug = [json.loads(x) for x in (tmp_path / "out/plug.jsonl").read_text().splitlines()]
    direct = [json.loads(x) for x in (tmp_path / "out/direct.jsonl").read_text().splitlines()]
    assert [(r["id"], r["lang"]) for r in plug] == [(r["id"], r["lang"]) for r in direct]
    zh = next(r for r in plug if r["lang"] == "zh")
    assert zh["system"] == languages.pivot_system_prompt("zh")
    assert pivot.split_response(zh["response"], "zh").ok
    zh_direct = next(r for r in direct if r["lang"] == "zh" and r["id"] == zh["id"])
    assert zh_direct["response"] == pivot.split_response(zh["response"], "zh").answer


# --- config and bad input ------------------------------------------------------------------
def run_cli(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cli_main(argv)
    err = capsys.readouterr().err.strip()
    return e.value.code, err


@pytest.fixture
def rows_file(tmp_path):
    return str(write_jsonl(tmp_path / "rows.jsonl", plug_rows(4)))


@pytest.mark.parametrize("content, problem", [
    ('{"instruction": "hi", "response": "yo"}\n{not json\n', "rows.jsonl:2: not valid JSON"),
    ('{"instruction": "hi"}\n', "rows.jsonl:1: missing or empty 'response'"),
    ('{"messages": [{"role": "user", "content": "hi"}]}\n', "rows.jsonl:1: the last message must be"),
    ("\n", "rows.jsonl: no training rows"),
])
def test_malformed_rows_give_one_line_naming_the_file(tmp_path, capsys, tiny_model, content, problem):
    (tmp_path / "rows.jsonl").write_text(content, encoding="utf-8")
    code, err = run_cli(["train", "--model", tiny_model, "--data", str(tmp_path / "rows.jsonl"),
                         "--output", str(tmp_path / "out")], capsys)
    assert code == 2 and "\n" not in err and problem in err
    assert not (tmp_path / "out" / "plug_train.json").exists()


def test_bad_model_flags_and_config_give_one_line(tmp_path, capsys, tiny_model, rows_file):
    base = ["train", "--data", rows_file, "--output", str(tmp_path / "out")]
    code, err = run_cli(base + ["--model", str(tmp_path / "nope")], capsys)
    assert code == 2 and "\n" not in err and "nope: cannot load a tokenizer" in err
    code, err = run_cli(base + ["--model", tiny_model, "--merge-lora"], capsys)
    assert code == 2 and "--merge-lora needs --lora" in err
    (tmp_path / "run.yaml").write_text("lr: 1e-4\nbatchsize: 3\n")
    code, err = run_cli(base + ["--model", tiny_model, "--config", str(tmp_path / "run.yaml")], capsys)
    assert code == 2 and "run.yaml: unknown field 'batchsize'" in err
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "something").write_text("x")
    code, err = run_cli(base + ["--model", tiny_model], capsys)
    assert code == 2 and "out: output directory is not empty" in err


def test_yaml_is_overridden_by_flags_and_origins_are_reported(tmp_path):
    import argparse

    from plug_train import config as C

    (tmp_path / "run.yaml").write_text("model: m\ndata: [a.jsonl]\noutput: o\nlr: 1.0e-4\nepochs: 4\n")
    p = argparse.ArgumentParser()
    C.add_flags(p)
    cfg, origin = C.resolve(p.parse_args(["--config", str(tmp_path / "run.yaml"), "--lr", "3e-4", "--packing"]))
    assert (cfg.lr, cfg.epochs, cfg.packing, cfg.data) == (3e-4, 4, True, ["a.jsonl"])
    lines = C.describe_origins(cfg, origin)
    assert "lr=0.0003 (flag)" in lines and "epochs=4 (run.yaml)" in lines and "packing=true (flag)" in lines


def test_overlong_counts_reach_metrics_and_the_final_summary(tiny_model, tmp_path, capsys):
    from plug_train.config import TrainConfig
    from plug_train.trainer import train

    from plug_train import model as M

    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(6, seed=4, max_words=60))
    tok = M.load_tokenizer(tiny_model)
    lengths = sorted(len(data.encode(tok, data.training_template(tok), ex.messages)[0].input_ids)
                     for ex in data.read_rows(rows))
    limit = lengths[2]  # half the rows are longer
    assert lengths[3] > limit
    common = dict(model=tiny_model, data=[str(rows)], max_steps=1, batch_size=2, max_length=limit, progress=False)
    out = train(TrainConfig(output=str(tmp_path / "cut"), overlong="truncate", **common))
    first = json.loads((out / "metrics.jsonl").read_text().splitlines()[0])["data"]
    assert first["truncated"] == 3 and first["dropped_overlong"] == 0 and first["kept"] == 6
    done = [x for x in capsys.readouterr().err.splitlines() if "done:" in x]
    assert len(done) == 1 and f"truncated {first['truncated']}" in done[0]
    out = train(TrainConfig(output=str(tmp_path / "drop"), **common))
    dropped = json.loads((out / "metrics.jsonl").read_text().splitlines()[0])["data"]
    assert dropped["dropped_overlong"] == first["truncated"] and dropped["truncated"] == 0


# --- any pivot, partial rows, the paper's JSON lists ----------------------------------------
def test_build_data_with_a_chinese_pivot_for_korean_is_byte_for_byte(tmp_path, capsys):
    row = {"id": "p1", "instruction_en": "Name a fruit.", "response_en": "An apple.",
           "instruction_zh": "说出一种水果。", "response_zh": "苹果。\n\n它是红色的。",
           "instruction_ko": "과일 하나를 말하세요.", "response_ko": "사과입니다.\n\n빨간색입니다."}
    src = write_jsonl(tmp_path / "parallel.jsonl", [row])
    cli_main(["build-data", "--parallel", str(src), "--target", "ko", "--pivot", "zh", "--out", str(tmp_path / "o")])
    assert json.loads(capsys.readouterr().out) == {"plug.jsonl": 1, "direct.jsonl": 1}
    line = (tmp_path / "o" / "plug.jsonl").read_bytes().decode("utf-8")
    plug = json.loads(line)
    assert plug["system"].encode("utf-8") == (
        b"Please interpret the instruction in Chinese, and then respond both in Chinese and in Korean.")
    assert plug["response"].encode("utf-8") == "中文回复：\n苹果。\n\n它是红色的。\n\n한국어 응답:\n사과입니다.\n\n빨간색입니다.".encode()
    assert plug["instruction"] == "과일 하나를 말하세요." and plug["lang"] == "ko"
    direct = json.loads((tmp_path / "o" / "direct.jsonl").read_text(encoding="utf-8"))
    assert direct["response"] == "사과입니다.\n\n빨간색입니다." and direct["system"] == (
        "Please respond to the following user message in Korean.")
    # the default pivot is still English
    cli_main(["build-data", "--parallel", str(src), "--target", "ko", "--mode", "plug", "--out", str(tmp_path / "e")])
    en = json.loads((tmp_path / "e" / "plug.jsonl").read_text(encoding="utf-8"))
    assert en["response"] == "English response:\nAn apple.\n\n한국어 응답:\n사과입니다.\n\n빨간색입니다."


@pytest.mark.parametrize("argv, problem", [
    (["--target", "ko", "--pivot", "xx"], "--pivot 'xx': unknown language code 'xx'"),
    (["--target", "zh", "--pivot", "zh"], "--target 'zh': zh must be a non-pivot language"),
    (["--target", "ko", "--pivot", "it"], "parallel.jsonl:1: missing or empty instruction_it, response_it"),
])
def test_bad_pivots_give_one_line(tmp_path, capsys, argv, problem):
    src = write_jsonl(tmp_path / "parallel.jsonl", parallel_rows(2))
    rows = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        del r["instruction_it"], r["response_it"]
    write_jsonl(src, rows)
    code, err = run_cli(["build-data", "--parallel", str(src), *argv, "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "\n" not in err and problem in err
    assert not (tmp_path / "o").exists()


def test_train_reads_a_json_list_as_the_papers_released_files_are(tiny_model, tmp_path):
    """{id, instruction, response, system?} lists: read as the same rows as JSONL, then trained on."""
    from plug_train.config import TrainConfig
    from plug_train.trainer import train

    rows = plug_rows(4, seed=2, max_words=20)
    paper = [{"id": r["id"], "instruction": r["instruction"], "response": r["response"],
              **({"system": r["system"]} if i % 2 else {})} for i, r in enumerate(rows)]
    as_list = tmp_path / "train_korean.json"
    as_list.write_text(json.dumps(paper, ensure_ascii=False, indent=2), encoding="utf-8")
    as_lines = write_jsonl(tmp_path / "same.jsonl", paper)
    got, want = data.read_rows(as_list), data.read_rows(as_lines)
    assert [(e.messages, e.meta) for e in got] == [(e.messages, e.meta) for e in want]
    assert got[1].source == f"{as_list}: item 1" and got[1].messages[0]["role"] == "system"
    out = train(TrainConfig(model=tiny_model, data=[str(as_list)], output=str(tmp_path / "run"), max_steps=1,
                            batch_size=2, max_length=512, progress=False))
    first = json.loads((out / "metrics.jsonl").read_text().splitlines()[0])["data"]
    assert first["rows"] == 4 and first["kept"] == 4


@pytest.mark.parametrize("content, problem", [
    ('[{"instruction": "hi", "response": "yo"}, "text"]', "rows.json: item 1: each row must be a JSON object"),
    ('[{"instruction": "hi"}]', "rows.json: item 0: missing or empty 'response'"),
    ('[{"instruction": "hi", "response": "yo"},\n  {oops}]', "rows.json:2: not valid JSON"),
    ("[]", "rows.json: no training rows"),
])
def test_bad_json_lists_name_the_item(tmp_path, capsys, tiny_model, content, problem):
    (tmp_path / "rows.json").write_text(content, encoding="utf-8")
    code, err = run_cli(["train", "--model", tiny_model, "--data", str(tmp_path / "rows.json"),
                         "--output", str(tmp_path / "out")], capsys)
    assert code == 2 and "\n" not in err and problem in err
