"""Training rows: read and check them, render them with the chat template, mask the labels.

A row is ``{system?, instruction, response}`` or ``{messages: [...]}``; other keys are kept as
metadata.  Rendering goes through one chat template: the tokenizer's own, or PLUG's format
(``plug_eval.pivot.PLUG_CHAT_TEMPLATE``) when it has none.  That same template is saved with the
trained model, so ``lm-eval --apply_chat_template`` rebuilds exactly the prompts trained on; how a
row becomes text (the system prompt folded where the template refuses it, the evaluated prompt
before the last answer, each assistant turn located) is ``render.py``.

Labels are -100 everywhere except the assistant's text and what the template closes it with (the
EOS).  The boundary is found in *characters* and mapped onto tokens through the offsets, so a
template whose prompt alone tokenizes differently from the prompt followed by an answer (the
"not a prefix" trap) is still masked right; such rows are counted.  A row whose turns cannot be
located is dropped and counted with its reason (``dropped_unmaskable``), never trained on with a
guessed mask.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plug_eval import files, languages, pivot
from plug_eval.errors import PlugEvalError

from .render import Unmaskable, conversation, render

__all__ = ["Unmaskable", "render"]  # with the names defined below

IGNORE = -100
WHY = "unmaskable: "  # prefix of the counters of each reason a row was dropped for
ROLES = ("system", "user", "assistant")


@dataclass
class Example:
    """One training conversation; ``source`` is ``file:line`` for error messages."""

    messages: list[dict[str, str]]
    source: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Encoded:
    input_ids: list[int]
    labels: list[int]  # same length; IGNORE where nothing is learned

    @property
    def n_loss(self) -> int:
        return sum(1 for x in self.labels[1:] if x != IGNORE)


# --- reading rows -------------------------------------------------------------------------
def _messages(row: dict[str, Any], where: str) -> list[dict[str, str]]:
    if "messages" in row:
        msgs = row["messages"]
        if not isinstance(msgs, list) or not msgs:
            raise PlugEvalError("'messages' must be a non-empty list", where)
        for m in msgs:
            if not isinstance(m, dict) or m.get("role") not in ROLES or not isinstance(m.get("content"), str):
                raise PlugEvalError("each message needs role (system|user|assistant) and content (string)", where)
        if msgs[-1]["role"] != "assistant":
            raise PlugEvalError("the last message must be the assistant's", where)
        return [{"role": m["role"], "content": m["content"]} for m in msgs]
    for key in ("instruction", "response"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise PlugEvalError(f"missing or empty {key!r} (rows need instruction and response, or messages)", where)
    system = row.get("system")
    if system is not None and not isinstance(system, str):
        raise PlugEvalError("'system' must be a string", where)
    msgs = [{"role": "system", "content": system}] if system and system.strip() else []
    return msgs + [{"role": "user", "content": row["instruction"]},
                   {"role": "assistant", "content": row["response"]}]


def _example(row: Any, where: str) -> Example:
    if not isinstance(row, dict):
        raise PlugEvalError("each row must be a JSON object", where)
    meta = {k: v for k, v in row.items() if k not in ("system", "instruction", "response", "messages")}
    return Example(_messages(row, where), where, meta)


def read_rows(path: str | Path) -> list[Example]:
    """All rows of one JSONL file or JSON list (the paper's released files are lists of
    ``{id, instruction, response, system?}``), or a one-line error naming the file and line/item."""
    path = Path(path)
    if not path.is_file():
        raise PlugEvalError("data file not found", path)
    text = files.decode_text(files.read_bytes(path), path)
    if text.lstrip().startswith("["):
        rows = [_example(row, f"{path}: item {i}") for i, row in enumerate(files.parse_json(text, path))]
    else:  # JSON lines; a line that is not JSON is an error at path:line
        rows = [_example(row, f"{path}:{n}") for n, row in files.jsonl_rows(text, path)]
    if not rows:
        raise PlugEvalError("no training rows", path)
    return rows


def parse_spec(spec: str) -> tuple[str, float]:
    """``FILE`` or ``FILE:WEIGHT``."""
    head, sep, tail = spec.rpartition(":")
    if sep:
        try:
            weight = float(tail)
        except ValueError:
            return spec, 1.0
        if weight <= 0:
            raise PlugEvalError(f"weight must be positive in {spec!r}", head)
        return head, weight
    return spec, 1.0


def load_mixture(specs: list[str], seed: int) -> list[Example]:
    """Rows of every file, each file repeated or subsampled by its weight (seeded)."""
    rng = random.Random(seed)
    out: list[Example] = []
    for spec in specs:
        path, weight = parse_spec(spec)
        rows = read_rows(path)
        whole, frac = divmod(weight, 1.0)
        out += rows * int(whole) + rng.sample(rows, round(frac * len(rows)))
    return out


# --- the chat template --------------------------------------------------------------------
def training_template(tok: Any) -> str:
    """The tokenizer's own chat template, or PLUG's format when it has none."""
    template = getattr(tok, "chat_template", None)
    if isinstance(template, dict):  # several named templates: the default one is trained
        template = template.get("default")
    return template or pivot.PLUG_CHAT_TEMPLATE


def tokenize(tok: Any, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Token ids and character offsets, with special tokens added exactly as lm-eval adds them
    (the tokenizer's default, unless the text already starts with the BOS token)."""
    bos = getattr(tok, "bos_token", None)
    special = not (bos and text.startswith(bos))
    enc = tok(text, add_special_tokens=special, return_offsets_mapping=True)
    return list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]


# --- masking ------------------------------------------------------------------------------
def mask_labels(ids: list[int], offsets: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[int]:
    """Keep a token's label when any of its characters falls inside an assistant span."""
    labels = []
    for tid, (s, e) in zip(ids, offsets, strict=True):
        inside = e > s and any(s < hi and e > lo for lo, hi in spans)
        labels.append(tid if inside else IGNORE)
    return labels


def encode(tok: Any, template: str, messages: list[dict[str, str]]) -> tuple[Encoded, bool]:
    """Token ids with assistant-only labels, and whether the prompt was a clean token prefix."""
    enc, clean, _ = encode_row(tok, template, messages)
    return enc, clean


def encode_row(tok: Any, template: str, messages: list[dict[str, str]]) -> tuple[Encoded, bool, list[str]]:
    """``encode``, and what was done to present the row as evaluation does (``system_folded``,
    ``system_moved``)."""
    conv = conversation(tok, template, messages)
    ids, offsets = tokenize(tok, conv.text)
    spans = [_whole_tokens(span, offsets) if snap else span for span, snap in zip(conv.spans, conv.snap, strict=True)]
    labels = mask_labels(ids, offsets, spans)
    first = next((i for i, x in enumerate(labels) if x != IGNORE), len(ids))
    prompt_ids, _ = tokenize(tok, conv.text[: spans[0][0]]) if spans else ([], [])
    token_prefix = ids[: len(prompt_ids)] == prompt_ids and first == len(prompt_ids)
    notes = [name for name, done in (("system_folded", conv.folded), ("system_moved", conv.moved)) if done]
    return Encoded(ids, labels), conv.clean and token_prefix, notes


def _whole_tokens(span: tuple[int, int], offsets: list[tuple[int, int]]) -> tuple[int, int]:
    """``span`` ending at the last token that lies wholly inside it."""
    lo, hi = span
    ends = [e for s, e in offsets if lo < e <= hi and e > s]
    return lo, max(ends, default=lo)


# --- over-long rows -----------------------------------------------------------------------
def _pivot_parts(response: str, target: str | None = None) -> tuple[str, str, str] | None:
    """(pivot header, pivot answer, rest from the target header on) of a PLUG response: the pivot
    is the language whose header opens it (any language of the table), the target the row's
    language (else the first other language whose header follows)."""
    text = response.strip()
    opening = [lang for lang in languages.LANGUAGES.values() if text.startswith(lang.header)]
    if not opening:
        return None
    via = max(opening, key=lambda lang: len(lang.header))  # the longest header that opens it
    head = via.header
    body = text[len(head):]
    codes = [target] if target and target != via.code else [c for c in languages.LANGUAGES if c != via.code]
    for code in codes:
        found = pivot.find_header(body, code)
        if found:
            return head, body[:found[0]].strip(), body[found[0]:]
    return None


def shorten_pivot(tok: Any, template: str, messages: list[dict[str, str]],
                  max_length: int, target: str | None = None) -> tuple[Encoded, bool] | None:
    """Cut the pivot answer (in whichever language the response opens with) from its end until
    the row fits; None if it cannot.  ``target``: the row's language, when known."""
    parts = _pivot_parts(messages[-1]["content"], target)
    if parts is None:
        return None
    head, body, rest = parts

    def attempt(keep: int) -> tuple[Encoded, bool]:
        cut = body[:keep].rstrip()
        msgs = messages[:-1] + [{"role": "assistant", "content": f"{head}\n{cut}\n\n{rest}"}]
        return encode(tok, template, msgs)

    lo, hi = 0, len(body)
    best = attempt(0)
    if len(best[0].input_ids) > max_length:
        return None
    while lo < hi:  # the longest pivot prefix that fits
        mid = (lo + hi + 1) // 2
        trial = attempt(mid)
        if len(trial[0].input_ids) <= max_length:
            lo, best = mid, trial
        else:
            hi = mid - 1
    return best


def _lang(ex: Example) -> str | None:
    lang = ex.meta.get("lang")
    return lang if isinstance(lang, str) else None


# --- the whole data set -------------------------------------------------------------------
def truncate_right(enc: Encoded, max_length: int) -> Encoded:
    """The first ``max_length`` tokens: what the paper's trainer (a tokenizer with
    ``truncation=True``) trains on; the end of the answer and its EOS are lost."""
    return Encoded(enc.input_ids[:max_length], enc.labels[:max_length])


def encode_all(examples: list[Example], tok: Any, template: str, max_length: int,
               overlong: str = "drop") -> tuple[list[Encoded], Counter]:
    """Encode every row; returns the kept ones and counts of what happened to the others."""
    kept: list[Encoded] = []
    stats: Counter = Counter()
    for ex in examples:
        stats["rows"] += 1
        try:
            enc, prefix_ok, notes = encode_row(tok, template, ex.messages)
        except Unmaskable as e:
            stats["dropped_unmaskable"] += 1
            stats[WHY + e.problem] += 1
            continue
        except PlugEvalError as e:
            raise PlugEvalError(e.problem, ex.source) from None
        stats["prompt_not_prefix"] += not prefix_ok
        stats.update(notes)
        if len(enc.input_ids) > max_length:
            if overlong == "truncate":
                enc = truncate_right(enc, max_length)
                stats["truncated"] += 1
            else:
                short = (shorten_pivot(tok, template, ex.messages, max_length, _lang(ex))
                         if overlong == "truncate-pivot" else None)
                if short is None:
                    stats["dropped_overlong"] += 1
                    continue
                enc, _ = short
                stats["truncated_pivot"] += 1
        if enc.n_loss == 0:
            stats["dropped_no_loss"] += 1
            continue
        kept.append(enc)
    return kept, stats


def report_counts(stats: Counter, kept: int) -> dict[str, int]:
    """What happened to the rows, every count present (0 when nothing happened): for
    metrics.jsonl and the final summary."""
    keys = ("rows", "dropped_overlong", "truncated", "truncated_pivot", "dropped_no_loss",
            "dropped_unmaskable", "prompt_not_prefix", "system_folded", "system_moved")
    return {"rows": stats["rows"], "kept": kept, **{k: int(stats[k]) for k in keys[1:]}}


def drop_reasons(stats: Counter) -> dict[str, int]:
    """Why rows were dropped as unmaskable, with how many each reason dropped."""
    return {k.removeprefix(WHY): n for k, n in sorted(stats.items()) if k.startswith(WHY)}
