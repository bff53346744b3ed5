"""The answer browser's item cards, built in Python with every untrusted string escaped.

Why not a jinja2 macro: 50 comparisons x 805 items took 13 s through jinja2 (attribute lookups
and Markup objects per string) and 0.5 s here.  The rule is the same as autoescaping: every
instruction, answer, pivot draft, status, category, id and judge reply passes through
:func:`html.escape` (quotes included) before it touches markup; only this module's own literal
tags are unescaped.  The tests feed script and event-handler payloads through every field.
"""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _preview(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _answer(side: str, name: str, ans: dict[str, Any]) -> str:
    tags = ""
    if ans["status"]:
        warn = " warn" if ans["status"] != "ok" else ""
        tags += f' <span class="tag{warn}">extraction: {_e(ans["status"])}</span>'
    if ans["fidelity"] is not None:
        tags += f' <span class="tag">language fidelity {100 * float(ans["fidelity"]):.1f}%</span>'
    draft = ""
    if ans["pivot_draft"]:
        draft = (f'<details><summary class="note">PLUG pivot draft</summary>'
                 f'<pre>{_e(ans["pivot_draft"])}</pre></details>')
    return (f'<section class="answer"><h4>{side.upper()} · {_e(name)}{tags}</h4>'
            f'<pre class="answer-text">{_e(ans["answer"])}</pre>{draft}</section>')


def _verdicts(judgments: list[dict[str, Any]]) -> str:
    if not judgments:
        return '<div class="note">no judgment stored</div>'
    parts = []
    for j in judgments:
        first = "A" if j["order"] == "AB" else "B"
        extra = ""
        if j["preference"] is not None:
            extra += f' <span class="tag">preference {float(j["preference"]):.3f}</span>'
        if j["error"]:
            extra += f' <span class="tag warn">error: {_e(j["error"])}</span>'
        reason = f'<div class="note">{_e(j["reason"])}</div>' if j["reason"] else ""
        raw = (f'<details><summary class="note">judge reply</summary><pre class="raw">{_e(j["raw"])}</pre></details>'
               if j["raw"] else "")
        parts.append(f'<div class="v" data-order="{_e(j["order"])}"><b>{first} shown first</b> → verdict '
                     f'<b class="verdict">{_e(j["verdict"])}</b>{extra}{reason}{raw}</div>')
    return "".join(parts)


def item_card(entry: dict[str, Any], it: dict[str, Any]) -> str:
    """One ``<article>``: a summary line, then instruction, both answers and both orders' verdicts."""
    outcome = it["outcome"]
    category = f'<span class="tag">{_e(it["category"])}</span>' if it["category"] else ""
    return (
        f'<article class="item" data-comparison="{_e(entry["key"])}" data-lang="{_e(entry["lang"])}" '
        f'data-outcome="{_e(outcome)}" data-category="{_e(it["category"])}">'
        f'<details><summary><span class="badge b-{_e(outcome)}">{_e(outcome.replace("_", " "))}</span>'
        f'<span class="tag">{_e(entry["lang"])}</span>{category}<span class="tag">{_e(it["id"])}</span>'
        f'<span class="preview">{_e(_preview(it["instruction"]))}</span></summary><div class="body">'
        f'<div class="instruction"><h4>Instruction</h4><pre>{_e(it["instruction"])}</pre></div>'
        f'<div class="answers">{_answer("a", entry["system"], it["a"])}{_answer("b", entry["baseline"], it["b"])}</div>'
        f'<div class="verdicts"><h4>Judgments</h4>{_verdicts(it["judgments"])}</div></div></details></article>'
    )


def cards(entry: dict[str, Any]) -> Markup:
    """All item cards of a comparison, as markup whose untrusted parts are escaped above."""
    return Markup("".join(item_card(entry, it) for it in entry["records"]))
