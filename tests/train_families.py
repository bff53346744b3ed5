"""Tiny random-init models of the families plug-train is checked on, each with a chat template
that keeps what matters of that family's real one (written here, not copied):

- llama: Llama-3 headers (``<|start_header_id|>role<|end_header_id|>``, ``<|eot_id|>``);
- qwen2, qwen2_moe: ChatML with a default system prompt when the row has none;
- qwen3: ChatML; reasoning (``<think>...</think>``) is kept only in assistant turns after the last
  user turn, and stripped from earlier ones;
- mistral: v0.3's rule: the system prompt is rendered only before the user turn that ends the
  conversation (so a prompt and the same prompt followed by its answer differ);
- gemma2: refuses the system role (raises), ``model`` as the assistant's role name;
- gemma3 (multimodal, with a tiny vision tower): folds the system prompt into the first user turn;
- phi3: ``<|end|>`` after every turn, EOS after the whole conversation only;
- olmo2: Tulu format, the EOS of an earlier assistant turn followed by a newline, the last one not;
- gpt_neox: no chat template (plug-train falls back to PLUG's format);
- mixtral: Mixtral-Instruct v0.1's rule: roles must alternate from the user's (no system role).

Sizes: 2 layers, hidden 32, 4 query heads over 2 KV heads; windows of 8 tokens where the family
has one (Qwen2-MoE's on its first layer, kept by transformers in the mask only), so the short
rows of the tests cross them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

WINDOW = 8

LLAMA3 = (
    "{{ bos_token }}{% for m in messages %}"
    "{{ '<|start_header_id|>' + m['role'] + '<|end_header_id|>\\n\\n' + m['content'] | trim + '<|eot_id|>' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
)
CHATML = (
    "{% if messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}"
    "{% endif %}{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
QWEN3 = (
    "{%- set ns = namespace(last=-1) -%}"
    "{%- for m in messages -%}{%- if m['role'] == 'user' -%}{%- set ns.last = loop.index0 -%}{%- endif -%}"
    "{%- endfor -%}"
    "{%- for m in messages -%}"
    "{%- if m['role'] == 'assistant' -%}"
    "{%- set text = m['content'] -%}{%- set thought = '' -%}"
    "{%- if '</think>' in text -%}"
    "{%- set thought = text.split('</think>')[0].split('<think>')[-1].strip('\\n') -%}"
    "{%- set text = text.split('</think>')[-1].lstrip('\\n') -%}{%- endif -%}"
    "{%- if loop.index0 > ns.last -%}"
    "{{- '<|im_start|>assistant\\n<think>\\n' + thought + '\\n</think>\\n\\n' + text + '<|im_end|>\\n' -}}"
    "{%- else -%}{{- '<|im_start|>assistant\\n' + text + '<|im_end|>\\n' -}}{%- endif -%}"
    "{%- else -%}{{- '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' -}}{%- endif -%}"
    "{%- endfor -%}{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}"
)
MISTRAL3 = (
    "{%- if messages[0]['role'] == 'system' -%}{%- set system = messages[0]['content'] -%}"
    "{%- set turns = messages[1:] -%}{%- else -%}{%- set turns = messages -%}{%- endif -%}"
    "{{- bos_token -}}{%- for m in turns -%}"
    "{%- if m['role'] == 'user' -%}"
    "{%- if loop.last and system is defined -%}{{- '[INST] ' + system + '\\n\\n' + m['content'] + '[/INST]' -}}"
    "{%- else -%}{{- '[INST] ' + m['content'] + '[/INST]' -}}{%- endif -%}"
    "{%- else -%}{{- ' ' + m['content'] | trim + eos_token -}}{%- endif -%}{%- endfor -%}"
)
GEMMA2 = (
    "{{ bos_token }}{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{% set role = 'model' if m['role'] == 'assistant' else m['role'] %}"
    "{{ '<start_of_turn>' + role + '\\n' + m['content'] | trim + '<end_of_turn>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}"
)
GEMMA3 = (
    "{{ bos_token }}{% if messages[0]['role'] == 'system' %}"
    "{% set prefix = messages[0]['content'] + '\\n\\n' %}{% set turns = messages[1:] %}"
    "{% else %}{% set prefix = '' %}{% set turns = messages %}{% endif %}"
    "{% for m in turns %}{% set role = 'model' if m['role'] == 'assistant' else m['role'] %}"
    "{{ '<start_of_turn>' + role + '\\n' + (prefix if loop.first else '') + m['content'] | trim + '<end_of_turn>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}"
)
PHI3 = (
    "{% for m in messages %}{{ '<|' + m['role'] + '|>\\n' + m['content'] + '<|end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% else %}{{ eos_token }}{% endif %}"
)
OLMO2 = (
    "{{ bos_token }}{% for m in messages %}"
    "{% if m['role'] == 'assistant' %}{{ '<|assistant|>\\n' + m['content'] + eos_token }}"
    "{% if not loop.last %}{{ '\\n' }}{% endif %}"
    "{% else %}{{ '<|' + m['role'] + '|>\\n' + m['content'] + '\\n' }}{% endif %}"
    "{% if loop.last and add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}{% endfor %}"
)
MIXTRAL = (
    "{{ bos_token }}{% for m in messages %}"
    "{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
    "{% if m['role'] == 'user' %}{{ '[INST] ' + m['content'] + ' [/INST]' }}"
    "{% else %}{{ m['content'] + eos_token }}{% endif %}{% endfor %}"
)
MARKERS = ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|im_start|>", "<|im_end|>", "<think>",
           "</think>", "[INST]", "[/INST]", "<start_of_turn>", "<end_of_turn>", "<|end|>"]


def _common(vocab: int, **kw: Any) -> dict[str, Any]:
    return dict(vocab_size=vocab, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                bos_token_id=1, eos_token_id=2, pad_token_id=3, **kw)


def _config(family: str, vocab: int) -> Any:
    import transformers as t

    c = _common
    if family == "llama":
        return t.LlamaConfig(**c(vocab))
    if family == "qwen2":
        return t.Qwen2Config(**c(vocab))
    if family == "qwen3":
        return t.Qwen3Config(**c(vocab, head_dim=8))
    if family == "mistral":
        return t.MistralConfig(**c(vocab, sliding_window=WINDOW))
    if family == "gemma2":
        return t.Gemma2Config(**c(vocab, head_dim=8, sliding_window=WINDOW, query_pre_attn_scalar=8,
                                  attn_logit_softcapping=5.0, final_logit_softcapping=10.0))
    if family == "gemma3":
        text = t.Gemma3TextConfig(**c(vocab, head_dim=8, sliding_window=WINDOW, query_pre_attn_scalar=8))
        vision = t.SiglipVisionConfig(hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                      num_attention_heads=2, image_size=28, patch_size=14)
        return t.Gemma3Config(text_config=text.to_dict(), vision_config=vision.to_dict(), mm_tokens_per_image=4,
                              image_token_index=vocab - 1, boi_token_index=vocab - 2, eoi_token_index=vocab - 3)
    if family == "phi3":
        return t.Phi3Config(**c(vocab, sliding_window=None))
    if family == "olmo2":
        return t.Olmo2Config(**c(vocab))
    if family == "gpt_neox":
        kw = c(vocab)
        kw.pop("num_key_value_heads")
        return t.GPTNeoXConfig(**kw, rotary_pct=0.5)
    if family == "qwen2_moe":
        return t.Qwen2MoeConfig(**c(vocab, num_experts=4, num_experts_per_tok=2, moe_intermediate_size=16,
                                    shared_expert_intermediate_size=32, decoder_sparse_step=1,
                                    use_sliding_window=True, sliding_window=WINDOW, max_window_layers=2))
    if family == "mixtral":
        return t.MixtralConfig(**c(vocab, num_local_experts=4, num_experts_per_tok=2, sliding_window=WINDOW))
    raise KeyError(family)


TEMPLATES = {"llama": LLAMA3, "qwen2": CHATML, "qwen3": QWEN3, "mistral": MISTRAL3, "gemma2": GEMMA2,
             "gemma3": GEMMA3, "phi3": PHI3, "olmo2": OLMO2, "gpt_neox": None, "qwen2_moe": CHATML,
             "mixtral": MIXTRAL}
FAMILIES = list(TEMPLATES)
#: The families whose transformers classes hold weights under other names than their files
#: (the conversion transformers applies when it loads): resume read them raw before.
CONVERTED = ("gpt_neox", "qwen2_moe", "mixtral", "gemma3")


def tokenizer(family: str, out: str | Path) -> Any:
    """The family's tokenizer (a byte-level BPE trained offline, with its chat template), saved to ``out``."""
    from plug_eval.tiny import build_tokenizer

    Path(out).mkdir(parents=True, exist_ok=True)
    return build_tokenizer(out, TEMPLATES[family], vocab_size=512, texts=MARKERS)


def build(family: str, out: str | Path, seed: int = 0, config_overrides: dict[str, Any] | None = None) -> Path:
    """Write a tiny random-init ``family`` model and its tokenizer to ``out``."""
    import torch
    from transformers import AutoModelForCausalLM

    out = Path(out)
    tok = tokenizer(family, out)
    config = _config(family, len(tok) + (8 if family == "gemma3" else 0))
    target = getattr(config, "text_config", config)
    for key, value in (config_overrides or {}).items():
        setattr(target, key, value)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config)
    model.save_pretrained(str(out))
    return out


def assert_packed_equals_padded(model: Any, seqs: list[Any], grad_floor: float = 0.0) -> None:
    """The loss and every gradient of ``seqs`` (``data.Encoded``) as one packed row through
    plug_packed equal those of the same sequences right-padded through the model's own attention
    (set when ``model`` was loaded); gradients compared against each one's scale (at least
    ``grad_floor``), since fp32 sums run in another order."""
    import pytest

    from plug_train import attention, batching, trainer

    def loss_and_grads(mb: Any) -> tuple[float, dict[str, Any]]:
        model.zero_grad(set_to_none=True)
        loss = trainer.micro_loss(model, mb, True)
        loss.backward()
        return float(loss), {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}

    own = loss_and_grads(batching.collate_padded(seqs))
    model.set_attn_implementation(attention.register())
    ours = loss_and_grads(batching.collate(seqs))
    assert ours[0] == pytest.approx(own[0], rel=1e-5)
    assert ours[1].keys() == own[1].keys()
    for n in own[1]:
        scale = max(own[1][n].abs().max().item(), grad_floor)
        assert (ours[1][n] - own[1][n]).abs().max().item() <= 1e-5 * scale, n
