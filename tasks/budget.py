"""How many new tokens a request may generate: a budget that fits the model, per request.

The PLUG paper generated with ``max_length`` 4096, prompt and answer together, and a PLUG answer
holds two responses (pivot draft and final answer).  So, per request::

    max_gen_toks = min(user's max_gen_toks or 4096 - prompt_tokens, context - prompt_tokens)

with the prompt counted by the model's own tokenizer and the context read from the model (HF
and vLLM backends: ``lm.max_length``, i.e. the config's positions, ``max_length=`` or
``max_model_len=``).  Computed budgets are rounded down to a multiple of 64 tokens so that
requests still share batches (lm-eval batches requests with equal generation arguments).
Where the context cannot be known (chat-completions APIs, backends without a tokenizer) the
budget is 2048, or the user's value.  A user's ``--gen_kwargs max_gen_toks=N`` replaces the
4096 rule and is kept exactly whenever the context allows it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAPER_TOTAL_TOKENS = 4096  #: the paper's max_length (prompt + answer)
UNKNOWN_CONTEXT_BUDGET = 2048  #: max_gen_toks when the model's context cannot be read
ROUND_TO = 64
RULE = (f"min(max_gen_toks or {PAPER_TOTAL_TOKENS} - prompt, context - prompt), computed values "
        f"rounded down to a multiple of {ROUND_TO}; {UNKNOWN_CONTEXT_BUDGET} (or max_gen_toks) "
        "when the context is unknown")


def find_lm(chat_template: Any = None) -> Any:
    """The lm-eval model object generating for this task, or None.

    lm-eval hands the task the model's bound ``apply_chat_template`` when a chat template is
    applied; without one it hands nothing, so the model is found as the ``lm`` argument of
    lm-eval's ``evaluate`` further up the call stack (a documented argument of that function).
    """
    from lm_eval.api.model import LM

    def unwrap(obj: Any) -> Any:
        inner = getattr(obj, "lm", None)  # lm-eval's CachingLM wraps the real model
        return inner if isinstance(inner, LM) else obj

    owner = getattr(chat_template, "__self__", None)
    if isinstance(owner, LM) or isinstance(getattr(owner, "lm", None), LM):
        return unwrap(owner)
    frame = sys._getframe(1)
    for _ in range(16):
        frame = frame.f_back  # type: ignore[assignment]  # None ends the walk
        if frame is None:
            break
        cand = frame.f_locals.get("lm")
        if isinstance(cand, LM) or isinstance(getattr(cand, "lm", None), LM):
            return unwrap(cand)
    return None


def is_api(lm: Any) -> bool:
    """Whether ``lm`` is one of lm-eval's HTTP API backends (chat or completions)."""
    try:
        from lm_eval.models.api_models import TemplateAPI
    except ImportError:  # lm-eval without its api extra: no API backend can be running
        return False
    return isinstance(lm, TemplateAPI)


def _model_context(lm: Any, metadata: dict | None) -> tuple[int | None, Callable[[str], int] | None]:
    """(context length, prompt-token counter) of the model, or (None, None) where unknown."""
    if lm is not None:
        if is_api(lm):
            return None, None
        length, encode = getattr(lm, "max_length", None), getattr(lm, "tok_encode", None)
        if isinstance(length, int) and length > 0 and callable(encode):
            return length, lambda text: len(encode(text))
        return None, None
    # No model object reachable (lm-eval internals changed): read the model arguments that
    # lm-eval copies into every task's metadata.
    meta = metadata if isinstance(metadata, dict) else {}
    length = metadata_context(meta)
    source = meta.get("tokenizer") or meta.get("pretrained")
    if length is None or not source:
        return None, None
    try:
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(str(source))
    except Exception:  # no tokenizer at hand: treat the context as unknown
        return None, None
    return length, lambda text: len(tok(text)["input_ids"])


def metadata_context(meta: dict) -> int | None:
    """Context length from model arguments: max_length / max_model_len, else an HF config."""
    for key in ("max_length", "max_model_len"):
        if str(meta.get(key) or "").isdigit():
            return int(meta[key])
    config = Path(str(meta.get("pretrained", ""))) / "config.json"
    if not config.is_file():
        return None
    try:
        cfg = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    cfg = cfg.get("text_config", cfg)
    for key in ("max_position_embeddings", "n_positions", "max_seq_len", "seq_length"):
        if isinstance(cfg.get(key), int):
            return int(cfg[key])
    return None


@dataclass
class Budget:
    """The per-request generation budget of one task, and what it did."""

    context: int | None
    user: int | None
    count: Callable[[str], int] | None = None
    given: list[int] = field(default_factory=list)
    shortened: int = 0  # requests whose budget the model's context cut below the rule
    no_room: int = 0  # prompts that leave no room at all (lm-eval will cut them from the left)

    @classmethod
    def for_model(cls, lm: Any, gen_kwargs: dict, metadata: dict | None) -> Budget:
        user = gen_kwargs.get("max_gen_toks")
        user = int(user) if user not in (None, "") else None
        context, count = _model_context(lm, metadata)
        return cls(context=context, user=user, count=count)

    def for_prompt(self, prompt: Any) -> int:
        if self.context is None or self.count is None or not isinstance(prompt, str):
            budget = self.user or UNKNOWN_CONTEXT_BUDGET
        else:
            n = self.count(prompt)
            want = self.user or PAPER_TOTAL_TOKENS - n
            room = self.context - n
            budget = min(want, room)
            if room < want:
                self.shortened += 1
            if budget != self.user and budget >= 2 * ROUND_TO:
                budget -= budget % ROUND_TO
            if budget < 1:
                self.no_room += 1
                budget = 1
        self.given.append(budget)
        return budget

    def summary(self) -> dict:
        return {"rule": RULE, "context": self.context, "user_max_gen_toks": self.user,
                "requests": len(self.given), "min": min(self.given, default=None),
                "max": max(self.given, default=None), "shortened_by_context": self.shortened,
                "prompts_without_room": self.no_room}

    def describe(self) -> str:
        """One log line: the cap, and how many requests it shortened."""
        if not self.given:
            return "no generation requests"
        span = (f"{min(self.given)}" if min(self.given) == max(self.given)
                else f"{min(self.given)}-{max(self.given)}")
        if self.context is None:
            why = "the user's max_gen_toks" if self.user else (
                f"{UNKNOWN_CONTEXT_BUDGET}: the model's context is unknown (API backend or no "
                "tokenizer); set --gen_kwargs max_gen_toks=N to change it")
            return f"max_gen_toks {span} for {len(self.given)} requests ({why})"
        rule = f"min({self.user or f'{PAPER_TOTAL_TOKENS} - prompt'}, {self.context} - prompt)"
        line = (f"max_gen_toks {span} for {len(self.given)} requests = {rule}; "
                f"{self.shortened} shortened by the model's {self.context}-token context")
        if self.no_room:
            line += f"; {self.no_room} prompts fill the whole context and will be cut"
        return line
