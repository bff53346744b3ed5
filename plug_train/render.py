"""The text a training row becomes, and where its assistant turns are in it.

One rule with evaluation: the row is presented as lm-eval presents it with
``--apply_chat_template``.

- **The system prompt.**  A template that refuses the system role (it raises, as Gemma-2's and
  Mixtral-Instruct's do) or leaves it out gets it folded into the first user turn by
  :func:`plug_eval.chat.fold_system`, the function evaluation calls for the same case.
- **The prompt of the last answer is the evaluated prompt**: the template's rendering of the
  conversation before that answer, with the generation prompt.  The answer is what the template
  renders after it.  Some templates render the prompt differently once an answer follows
  (Mistral-Instruct v0.3 shows the system prompt only before a user turn that ends the
  conversation): then the answer's rendering is taken from the conversation without its system
  message and appended to the evaluated prompt, so the system prompt is trained where it is
  evaluated.  A row where that fails too is refused, with the reason.
- **Earlier assistant turns** (multi-turn rows) are located in that text turn by turn: from
  renderings of the conversation up to the turn when those are prefixes of it; otherwise by the
  turn's text (or, for reasoning models whose templates drop ``<think>...</think>`` from earlier
  turns, the text after the reasoning), searched only between the user turns around it, closed by
  what the template's rendering of the turn and the conversation have in common after it (Phi-3
  closes a turn with ``<|end|>``; only the conversation's end gets the EOS).  Such an end is kept to
  whole tokens (``Conversation.snap``), so no piece of the next turn's marker is learned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from plug_eval import chat
from plug_eval.errors import PlugEvalError

THINK_END = "</think>"


class Unmaskable(PlugEvalError):
    """A row whose assistant turns cannot be located in its rendering; ``problem`` says why."""


@dataclass
class Conversation:
    text: str
    spans: list[tuple[int, int]]  # characters of each assistant turn the model learns
    snap: list[bool]  # per span: its end was found by comparing renderings (keep whole tokens only)
    clean: bool  # every turn's span came from renderings that are prefixes of ``text``
    folded: bool  # the system prompt was folded into the first user turn
    moved: bool  # the template moves the system prompt: the answer was appended to the evaluated prompt


def render(tok: Any, template: str, messages: list[dict[str, str]], generation_prompt: bool = False) -> str:
    try:
        return tok.apply_chat_template(messages, chat_template=template, tokenize=False,
                                       add_generation_prompt=generation_prompt)
    except Exception as e:  # jinja raise_exception, e.g. roles that must alternate
        raise PlugEvalError(f"the chat template cannot render this row ({' '.join(str(e).split())})") from None


def shared_messages(tok: Any, template: str, messages: list[dict[str, str]]) -> tuple[list[dict[str, str]], bool]:
    """The messages as evaluation presents them, and whether the system prompt was folded into the
    first user turn (the template raised on the prompt with it, or rendered the prompt without it)."""
    systems = [m["content"].strip() for m in messages if m["role"] == "system"]
    if not systems:
        return messages, False
    try:
        prompt = render(tok, template, messages[:-1], generation_prompt=True)
    except PlugEvalError:
        return chat.fold_system(messages), True
    if all(s in prompt for s in systems):
        return messages, False
    return chat.fold_system(messages), True


def conversation(tok: Any, template: str, messages: list[dict[str, str]]) -> Conversation:
    """The training text of ``messages`` (ending with an assistant turn) and its assistant spans.
    Raises ``Unmaskable`` with the reason when a turn cannot be located."""
    msgs, folded = shared_messages(tok, template, messages)
    prompt = render(tok, template, msgs[:-1], generation_prompt=True)
    whole = render(tok, template, msgs)
    moved = not whole.startswith(prompt)
    text = prompt + (_moved_answer(tok, template, msgs) if moved else whole[len(prompt):])
    spans: list[tuple[int, int]] = []
    snap: list[bool] = []
    clean, cursor = True, 0
    for i, m in enumerate(msgs[:-1]):
        if m["role"] == "assistant":
            span, exact = _earlier_turn(tok, template, msgs, i, text, cursor)
            spans.append(span)
            snap.append(not exact)
            clean, cursor = clean and exact, span[1]
    if len(prompt) < cursor:
        raise Unmaskable("the last answer's prompt ends inside an earlier assistant turn")
    spans.append((len(prompt), len(text)))
    snap.append(False)
    return Conversation(text, spans, snap, clean, folded, moved)


def _moved_answer(tok: Any, template: str, msgs: list[dict[str, str]]) -> str:
    """What the template renders for the last answer, from the conversation without its system
    message (the template moved that message between the prompt and the whole conversation)."""
    bare = [m for m in msgs if m["role"] != "system"]
    if len(bare) < len(msgs):
        prompt, whole = (render(tok, template, bare[:-1], generation_prompt=True), render(tok, template, bare))
        if whole.startswith(prompt):
            return whole[len(prompt):]
    raise Unmaskable("the chat template renders the prompt differently once the answer follows, so the "
                     "evaluated prompt cannot be trained")


def _earlier_turn(tok: Any, template: str, msgs: list[dict[str, str]], i: int, text: str,
                  cursor: int) -> tuple[tuple[int, int], bool]:
    """The span of assistant turn ``i`` (not the last) in ``text``, and whether it came from
    renderings that are prefixes of ``text`` (False: located by its text)."""
    prompt = render(tok, template, msgs[:i], generation_prompt=True)
    upto = render(tok, template, msgs[: i + 1])
    start = len(prompt) if text.startswith(prompt) and len(prompt) >= cursor else None
    end = len(upto) if text.startswith(upto) and len(upto) > (start if start is not None else cursor) else None
    if start is not None and end is not None and upto.startswith(prompt):
        return (start, end), True
    lo = start if start is not None else _after(text, msgs[i - 1] if i else None, cursor)
    following = msgs[i + 1]["content"].strip()
    for piece in _pieces(msgs[i]["content"]):
        at = text.find(piece, lo, end if end is not None else len(text))
        # found before the next message's text (not inside it, when the template changed this turn)
        if at >= 0 and (end is not None or not following or following in text[at + len(piece):]):
            break
    else:
        raise Unmaskable(f"assistant turn {i + 1}: the chat template does not render its text where the "
                         "conversation has it")
    if end is None:
        after = upto.rfind(piece)
        closing = os.path.commonprefix([upto[after + len(piece):], text[at + len(piece):]]) if after >= 0 else ""
        end = at + len(piece) + len(closing)
    return (start if start is not None else at, end), False


def _pieces(content: str) -> list[str]:
    """The turn's text as a template may show it: whole, or without its reasoning block."""
    pieces = [content.strip()]
    if THINK_END in content:
        pieces.append(content.split(THINK_END)[-1].strip())
    return [p for p in pieces if p]


def _after(text: str, message: dict[str, str] | None, cursor: int) -> int:
    """Just after the previous message's text in ``text`` (searched from ``cursor``), or ``cursor``."""
    if message is None or not message["content"].strip():
        return cursor
    at = text.find(message["content"].strip(), cursor)
    return cursor if at < 0 else at + len(message["content"].strip())
