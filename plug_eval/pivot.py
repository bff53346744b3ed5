"""The PLUG response format, built and split in one place.

A pivot response is exactly::

    {pivot header}\n{pivot answer}\n\n{target header}\n{target answer}

and a direct response is the bare answer.  The trainer writes this format, the lm-eval tasks
and the judges read it, so they cannot drift apart.

Extraction follows PLUG's own extractor (the final answer is the text after the *first*
target header, stripped; no header gives an empty answer) with two refinements: a header that
opens a line after a blank line is preferred over one at the start of any line, which is
preferred over one anywhere (so an answer that merely *mentions* the header mid-line is not
cut), and the header is also recognised with an ASCII or full-width colon and with spaces
before the colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from plug_eval import languages

OK = "ok"
NO_TARGET_HEADER = "no_target_header"
EMPTY_ANSWER = "empty_answer"
TARGET_ONLY = "target_only"
STATUSES = (OK, NO_TARGET_HEADER, EMPTY_ANSWER, TARGET_ONLY)


@dataclass(frozen=True)
class Split:
    """A response taken apart: the pivot draft (may be empty), the final answer, a status."""

    pivot_draft: str
    answer: str
    status: str

    @property
    def ok(self) -> bool:
        return self.status == OK


def build_response(pivot_answer: str, target_answer: str, target: str,
                   pivot: str = languages.DEFAULT_PIVOT) -> str:
    """The PLUG bilingual response for one example."""
    if target == pivot:
        raise ValueError(f"target and pivot are both {target!r}: a pivot response needs two languages")
    return (f"{languages.get(pivot).header}\n{pivot_answer}\n\n"
            f"{languages.get(target).header}\n{target_answer}")


def _header_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    return _patterns(languages.get(code).header)  # by header: a language file may change it


@cache
def _patterns(header: str) -> tuple[re.Pattern[str], ...]:
    label = re.escape(header.rstrip(":：").rstrip())
    head = label + r"[ \t]*[:：]"
    return (
        re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*" + head),  # opens a block (after a blank line)
        re.compile(r"(?:\A|\n)[ \t]*" + head),          # opens a line
        re.compile(head),                               # anywhere, as PLUG's extractor
    )


def find_header(text: str, code: str) -> tuple[int, int] | None:
    """(start, end) of the best occurrence of ``code``'s header in ``text``, or None."""
    for pattern in _header_patterns(code):
        m = pattern.search(text)
        if m:
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return start, m.end()
    return None


def split_response(text: str, target: str, pivot: str = languages.DEFAULT_PIVOT) -> Split:
    """Take a PLUG response apart into (pivot draft, final answer, status)."""
    text = text or ""
    if target == pivot:  # nothing to pivot through: the whole text is the answer
        answer = text.strip()
        return Split("", answer, OK if answer else EMPTY_ANSWER)
    found = find_header(text, target)
    if found is None:
        return Split("", "", NO_TARGET_HEADER)
    start, end = found
    answer = text[end:].strip()
    before = text[:start]
    pivot_at = find_header(before, pivot)
    draft = before[pivot_at[1]:].strip() if pivot_at else ""
    if not answer:
        status = EMPTY_ANSWER
    elif pivot_at is None:
        status = TARGET_ONLY
    else:
        status = OK
    return Split(draft, answer, status)


def paper_extract(text: str, target: str) -> str:
    """The PLUG paper's own extraction rule, literally: the text after the first exact target
    header anywhere in the response (stripped), else nothing.  :func:`split_response` refines it
    (a header opening a block or a line wins over one mid-line; colon variants are accepted)."""
    header = languages.get(target).header
    at = (text or "").find(header)
    return "" if at < 0 else text[at + len(header):].strip()


# --- chat format ------------------------------------------------------------------------
# PLUG's own plain-text chat format, used when a tokenizer has no chat template.  The same
# format as a jinja chat template, so `lm_eval --apply_chat_template` on a checkpoint trained
# with it rebuilds the training prompt exactly.
PLUG_CHAT_TEMPLATE = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ '<|system|>\\n' + m['content'] | trim + '\\n' }}"
    "{% elif m['role'] == 'user' %}{{ '<|user|>\\n' + m['content'] | trim + '\\n' }}"
    "{% elif m['role'] == 'assistant' %}{{ '<|assistant|>\\n' + m['content'] | trim + eos_token }}"
    "{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}"
)


def format_prompt(instruction: str, system: str | None = None) -> str:
    """PLUG's plain-text prompt, ending where the assistant's answer starts."""
    head = f"<|system|>\n{system.strip()}\n" if system else ""
    return f"{head}<|user|>\n{instruction.strip()}\n<|assistant|>\n"


def format_example(instruction: str, response: str, eos: str, system: str | None = None) -> str:
    """PLUG's plain-text training example: the prompt, the response, one EOS at the very end."""
    return format_prompt(instruction, system) + response.strip() + eos
