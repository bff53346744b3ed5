"""Rendering judge prompts from a template, with the answers treated as untrusted text.

* Each answer sits between a start and an end marker carrying a code derived from a hash of
  the instruction and every answer.  An answer cannot close its own block: it would have to
  contain the hash of a text that contains it.  The code is deterministic, so the same inputs
  render the same prompt and hit the same stored judgment.
* An answer longer than ``max_answer_units`` (see :func:`plug_eval.languages.answer_units`: one
  unit per CJK/Hangul character, one per word elsewhere) keeps its first units and ends with a
  visible note; the judgment is flagged ``truncated_first``/``truncated_second``/``truncated``.
* Answers containing verdict tokens or instructions to the judge are flagged
  (``injection_first``...); the parser flags a verdict whose text also appears in an answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from plug_eval import languages
from plug_eval.errors import PlugEvalError
from plug_eval.judges.prompts.verdicts import injection_signs

TRUNCATION_NOTE = "[... answer cut by plug-judge: the first {kept} of {total} length units are shown]"


@dataclass(frozen=True)
class Rendered:
    system: str | None
    user: str
    flags: tuple[str, ...]


@lru_cache(maxsize=16)
def compile_template(text: str) -> jinja2.Template:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)
    try:
        return env.from_string(text)
    except jinja2.TemplateSyntaxError as err:
        raise PlugEvalError(f"template line {err.lineno}: {err.message}") from None


def truncate(answer: str, max_units: int) -> tuple[str, bool]:
    """Keep the first ``max_units`` length units (a cut never splits a word or character)."""
    if max_units <= 0:
        return answer, False
    units = list(languages._UNIT.finditer(answer))
    if len(units) <= max_units:
        return answer, False
    cut = units[max_units - 1].end()
    return answer[:cut] + "\n" + TRUNCATION_NOTE.format(kept=max_units, total=len(units)), True


@lru_cache(maxsize=8192)
def _truncated(answer: str, max_units: int) -> tuple[str, bool]:
    """:func:`truncate`, once per answer: each answer is rendered in both orders."""
    return truncate(answer, max_units)


@lru_cache(maxsize=8192)
def _planted(answer: str) -> bool:
    """Whether an answer addresses the judge (:func:`injection_signs`), once per answer."""
    return bool(injection_signs(answer))


def fence(answer: str, label: str, code: str) -> str:
    """The answer between markers that it does not contain."""
    salt = 0
    while True:
        tag = code if not salt else f"{code}-{salt}"
        start, end = f"<<<{label} answer {tag}>>>", f"<<<end of {label} answer {tag}>>>"
        if start not in answer and end not in answer:
            return f"{start}\n{answer}\n{end}"
        salt += 1


def block_code(instruction: str, answers: Sequence[str]) -> str:
    h = hashlib.sha256(instruction.encode("utf-8"))
    for a in answers:
        h.update(b"\x00" + a.encode("utf-8"))
    return h.hexdigest()[:10]


def _lang_context(lang: str | None) -> dict[str, Any]:
    info = languages.LANGUAGES.get(lang or "")
    name = info.name if info else "the language of the request"
    return {"lang_code": lang, "lang_name": name, "lang_native": info.native if info else name}


def _render_blocks(template: jinja2.Template, ctx: dict[str, Any]) -> tuple[str | None, str]:
    try:
        if "user" in template.blocks:
            user = "".join(template.blocks["user"](template.new_context(ctx))).strip()
            sys_block = template.blocks.get("system")
            system = "".join(sys_block(template.new_context(ctx))).strip() if sys_block else None
            return system or None, user
        return None, template.render(ctx).strip()
    except jinja2.UndefinedError as err:
        raise PlugEvalError(f"template uses an unknown variable: {err.message}") from None


def render(template_text: str, *, instruction: str, answers: Sequence[str], lang: str | None,
           max_answer_units: int, context: dict[str, Any] | None = None) -> Rendered:
    """Render a pairwise (two answers, slot order) or single (one answer) prompt.

    ``context`` adds template variables of the benchmark's own (X-TruthfulQA's reference
    answers); it cannot replace the answer or its fenced block.
    """
    flags: list[str] = []
    slots = ("first", "second") if len(answers) == 2 else ("",)
    shown = []
    for slot, answer in zip(slots, answers, strict=False):
        text, cut = _truncated(answer, max_answer_units)
        if cut:
            flags.append(f"truncated_{slot}" if slot else "truncated")
        if _planted(answer):
            flags.append(f"injection_{slot}" if slot else "injection")
        shown.append(text)
    code = block_code(instruction, answers)
    ctx: dict[str, Any] = {**(context or {}), "instruction": instruction, **_lang_context(lang)}
    if len(answers) == 2:
        ctx.update(first=shown[0], second=shown[1], first_block=fence(shown[0], "Assistant A's", code),
                   second_block=fence(shown[1], "Assistant B's", code))
    else:
        ctx.update(answer=shown[0], answer_block=fence(shown[0], "the assistant's", code))
    system, user = _render_blocks(compile_template(template_text), ctx)
    return Rendered(system, user, tuple(flags))
