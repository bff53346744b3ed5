"""The one rule for a system prompt that a chat template cannot show as a system message.

Some templates refuse the system role (Gemma-2, Mixtral-Instruct raise) or leave it out.  Then
the system prompt goes at the start of the first user turn, separated by a blank line, which is
also how a prompt without any template joins the two.  Evaluation (``tasks/base.py``) and
training (``plug_train.data``) both call these functions, so a model is trained on the prompt it
is evaluated with.  Stdlib only.
"""

from __future__ import annotations

from typing import Any

from plug_eval.errors import PlugEvalError

SEPARATOR = "\n\n"


def join_system(system: str, user: str) -> str:
    """The user turn that carries ``system``: the system prompt, a blank line, the user's text."""
    return f"{system}{SEPARATOR}{user}"


def fold_system(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``messages`` without system messages: their text (joined by blank lines, in order) opens
    the first user turn.  A conversation without a system message comes back unchanged (a copy);
    one with a system message and no user turn to carry it is an error."""
    systems = [str(m["content"]) for m in messages if m.get("role") == "system"]
    rest = [dict(m) for m in messages if m.get("role") != "system"]
    if not systems:
        return rest
    for m in rest:
        if m.get("role") == "user":
            m["content"] = join_system(SEPARATOR.join(systems), str(m["content"]))
            return rest
    raise PlugEvalError("a system prompt with no user turn to carry it (the chat template refuses the system role)")
