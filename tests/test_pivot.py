"""The PLUG format: building and splitting responses, and the strings models are trained on."""

import itertools

import pytest
from hypothesis import given, settings, strategies as st

from plug_eval import languages, pivot

PAIRS = [(t, p) for t, p in itertools.permutations(languages.LANGUAGES, 2)]
HEADERS = [lang.header for lang in languages.LANGUAGES.values()]

# Text that looks like real answers: words in every script, newlines, colons, code fences,
# and the language headers dropped in mid-line.
pieces = st.sampled_from(
    ["Hello", "world", "你好", "세계", "ciao", "¿qué?", ":", "：", "\n", "\n\n", " ", "```py\nx = 1\n```",
     "`code`", "1. item", "- bullet", "Note: fine"] + [f"see {h} here" for h in HEADERS]
)
answers = st.lists(pieces, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())


def test_the_strings_models_are_trained_on():
    assert languages.direct_system_prompt("zh") == "Please respond to the following user message in Chinese."
    assert languages.pivot_system_prompt("ko") == (
        "Please interpret the instruction in English, and then respond both in English and in Korean.")
    assert [languages.LANGUAGES[c].header for c in ("en", "zh", "ko", "it", "es")] == [
        "English response:", "中文回复：", "한국어 응답:", "Risposta in italiano:", "Respuesta en español:"]
    assert pivot.build_response("Hi", "你好", "zh") == "English response:\nHi\n\n中文回复：\n你好"


@settings(max_examples=200, deadline=None)
@given(pair=st.sampled_from(PAIRS), draft=answers, answer=answers)
def test_build_then_split_round_trips(pair, draft, answer):
    target, via = pair
    text = pivot.build_response(draft, answer, target, via)
    split = pivot.split_response(text, target, via)
    assert split == pivot.Split(draft.strip(), answer.strip(), pivot.OK)


def test_answer_containing_the_target_header_mid_line_is_not_cut():
    draft = "In Chinese the header is written 中文回复： and then the answer."
    text = pivot.build_response(draft, "答案在这里：第一，第二。", "zh")
    assert pivot.split_response(text, "zh").answer == "答案在这里：第一，第二。"
    assert pivot.split_response(text, "zh").pivot_draft == draft


def test_statuses():
    assert pivot.split_response("no header at all", "zh") == pivot.Split("", "", pivot.NO_TARGET_HEADER)
    assert pivot.split_response("English response:\nhi\n\n中文回复：\n  ", "zh").status == pivot.EMPTY_ANSWER
    assert pivot.split_response("中文回复：你好", "zh") == pivot.Split("", "你好", pivot.TARGET_ONLY)
    assert pivot.split_response("", "ko").status == pivot.NO_TARGET_HEADER


@pytest.mark.parametrize("header", ["中文回复:", "中文回复 ：", "  中文回复 :"])
def test_header_variants_are_accepted(header):
    text = f"English response:\nA\n\n{header}\n答"
    assert pivot.split_response(text, "zh") == pivot.Split("A", "答", pivot.OK)


def test_first_header_wins_like_plug_when_none_opens_a_line():
    # PLUG's extractor takes the text after the first occurrence anywhere.
    assert pivot.split_response("x Risposta in italiano: uno Risposta in italiano: due", "it").answer == (
        "uno Risposta in italiano: due")


def test_same_target_and_pivot_is_a_direct_answer():
    assert pivot.split_response("  hola ", "es", "es") == pivot.Split("", "hola", pivot.OK)
    with pytest.raises(ValueError):
        pivot.build_response("a", "b", "es", "es")


def test_plain_chat_format_and_its_template_agree():
    from jinja2 import Environment

    env = Environment()
    messages = [{"role": "system", "content": "S "}, {"role": "user", "content": " U"},
                {"role": "assistant", "content": "R"}]
    rendered = env.from_string(pivot.PLUG_CHAT_TEMPLATE).render(
        messages=messages, eos_token="</s>", add_generation_prompt=False)
    assert rendered == pivot.format_example("U", "R", "</s>", system="S")
    assert rendered == "<|system|>\nS\n<|user|>\nU\n<|assistant|>\nR</s>"
    prompt = env.from_string(pivot.PLUG_CHAT_TEMPLATE).render(
        messages=messages[:2], eos_token="</s>", add_generation_prompt=True)
    assert prompt == pivot.format_prompt("U", system="S")


@pytest.mark.parametrize("text,units", [
    ("你好，世界！", 4), ("안녕하세요 세계", 7), ("Hello, big world!", 3), ("ciao 123 mondo", 2),
    ("mixed 中文 words", 4), ("", 0)])
def test_answer_units_are_script_aware(text, units):
    assert languages.answer_units(text) == units
