"""Tiny random-weights Llama models with a byte-level BPE tokenizer, built offline in seconds.

Used by the tests, the benchmarks and the offline demo: nothing is downloaded.  The
tokenizer is trained on the PLUG prompts, headers and the shipped sample, so the words the
tasks use are single tokens and generations stay short.

    python -m plug_eval.tiny OUT_DIR [--chat-template plug|none|no-system]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from plug_eval import languages, pivot

# A template that refuses the system role, like several real models' templates do.
NO_SYSTEM_TEMPLATE = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{{ '<|' + m['role'] + '|>\\n' + m['content'] | trim + '\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}"
)
TEMPLATES = {"plug": pivot.PLUG_CHAT_TEMPLATE, "none": None, "no-system": NO_SYSTEM_TEMPLATE}
SPECIAL = ["<unk>", "<s>", "</s>", "<pad>", "<|system|>", "<|user|>", "<|assistant|>"]


def _corpus(extra: list[str]) -> list[str]:
    lines = list(extra)
    for lang in languages.LANGUAGES.values():
        lines += [lang.header, lang.name, lang.native, languages.direct_system_prompt(lang.code)]
        if lang.code != "en":
            lines.append(languages.pivot_system_prompt(lang.code))
    return lines


def build_tokenizer(out_dir: str | Path, chat_template: str | None = "plug", vocab_size: int = 2048,
                    texts: list[str] | None = None) -> Any:
    """Train a byte-level BPE tokenizer on the PLUG strings (+ ``texts``) and save it."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(_corpus(texts or []), trainer=trainer)
    template = TEMPLATES.get(chat_template, chat_template) if chat_template else None
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>", pad_token="<pad>", model_max_length=2048)
    if template:
        fast.chat_template = template
    fast.save_pretrained(str(out_dir))
    return fast


def build_tiny_model(out_dir: str | Path, *, chat_template: str | None = "plug", seed: int = 0,
                     hidden: int = 64, layers: int = 2, heads: int = 4, max_positions: int = 1024,
                     vocab_size: int = 2048, texts: list[str] | None = None) -> Path:
    """Write a random-init ``LlamaForCausalLM`` and its tokenizer to ``out_dir``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tok = build_tokenizer(out, chat_template, vocab_size, texts)
    config = LlamaConfig(vocab_size=len(tok), hidden_size=hidden, intermediate_size=hidden * 2,
                         num_hidden_layers=layers, num_attention_heads=heads,
                         num_key_value_heads=max(1, heads // 2), max_position_embeddings=max_positions,
                         bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, tie_word_embeddings=True)
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    model.generation_config.pad_token_id = tok.pad_token_id
    model.save_pretrained(str(out))
    (out / "plug_tiny.json").write_text(json.dumps({"seed": seed, "chat_template": chat_template}))
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m plug_eval.tiny", description=__doc__.splitlines()[0])
    p.add_argument("out_dir")
    p.add_argument("--chat-template", default="plug", choices=list(TEMPLATES))
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    print(build_tiny_model(a.out_dir, chat_template=a.chat_template, seed=a.seed))


if __name__ == "__main__":
    main()
