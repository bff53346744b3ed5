"""The PLUG repository's judge, as a setting: its verdict rule and its FastChat prompt file.

The PLUG paper judged X-AlpacaEval with the scripts of its repository (ytyz1307zzh/PLUG, after
FastChat's MT-Bench judge).  Two of their choices differ from ours, and a user who wants the
paper's numbers for their own models needs both:

* **The verdict rule.** The repository reads a reply by exact substring: ``[[A]]`` anywhere in it
  is A, else ``[[B]]`` anywhere is B, else ``[[C]]`` is a tie, else an error.  The *letter's*
  priority decides, not the token's position, and nothing is forgiven (``[[a]]``, ``[ A ]``,
  ``[[ A ]]`` are errors).  Ours (:func:`plug_eval.judges.prompts.verdicts.parse_pairwise`) takes
  the last token and forgives case and spaces.  :func:`repository_verdict` is theirs, and the
  ``paper`` parser (``--verdict-rule paper``) reads replies with it.
* **The prompt file.** FastChat keeps its judge prompts in a JSON-lines file, one prompt per
  line: ``name``, ``type`` (``pairwise`` or ``single``), ``system_prompt``, ``prompt_template``
  (Python ``str.format`` text with ``{question}``, ``{answer_a}``, ``{answer_b}``),
  ``output_format`` (``[[A]]`` for a verdict), ``description``, ``category``.  The repository's
  ``judge_prompts_focus_language.jsonl`` is such a file; its pair prompt is ``pair-v2``.  We ship
  none of its text: :func:`pair_template` reads the user's copy and turns one pair prompt into a
  jinja2 template of ours (system and user blocks, the text kept verbatim), so it renders through
  :func:`plug_eval.judges.prompts.render.render` like every template.  FastChat sends
  ``system_prompt`` as the system message and the filled ``prompt_template`` as the user message;
  so do we.  (``render`` strips each block's outer whitespace; the repository's prompts have none.)

Stdlib only, so ``plug-judge``'s parser can import it.
"""

from __future__ import annotations

import hashlib
import re
import string
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.errors import PlugEvalError

#: The repository's order of checks and what each token means (its ``winner`` values).
RULE = (("[[A]]", "A"), ("[[B]]", "B"), ("[[C]]", "tie"))
NO_VERDICT = "no exact [[A]], [[B]] or [[C]] in the reply (the paper's rule: an error)"
#: FastChat's fields of one prompt; ``name``, ``type``, the two texts and ``output_format`` are required.
FIELDS = ("name", "type", "system_prompt", "prompt_template", "output_format", "description", "category")
REQUIRED = FIELDS[:5]
#: A pair prompt's placeholders and the variables of our templates they become.
PAIR_PLACEHOLDERS = {"question": "instruction", "answer_a": "first", "answer_b": "second"}
DEFAULT_PAIR_PROMPT = "pair-v2"
_ENDRAW = re.compile(r"\{%-?\s*endraw")


def repository_verdict(reply: str) -> str:
    """The repository's reading of one reply: ``A``, ``B``, ``tie`` or ``error``."""
    for token, winner in RULE:
        if token in (reply or ""):
            return winner
    return "error"


# --------------------------------------------------------------------------- FastChat prompt files


def read_judge_prompts(path: str | Path) -> dict[str, dict[str, Any]]:
    """Every prompt of a FastChat ``judge_prompts.jsonl``, by name; a bad file is a one-line error."""
    try:
        data = files.read_bytes(path)
    except FileNotFoundError:
        raise PlugEvalError("--judge-prompts: no such file", path) from None
    text = files.decode_text(data, path)
    prompts: dict[str, dict[str, Any]] = {}
    for n, rec in files.jsonl_rows(text, path):
        if not isinstance(rec, dict):
            raise PlugEvalError(f"line {n}: a prompt is a JSON object", path)
        missing = [k for k in REQUIRED if not isinstance(rec.get(k), str)]
        if missing:
            raise PlugEvalError(f"line {n}: no text field {', '.join(missing)} (a FastChat judge_prompts.jsonl "
                                f"line has {', '.join(FIELDS)})", path)
        if rec["name"] in prompts:
            raise PlugEvalError(f"line {n}: a second prompt named {rec['name']!r}", path)
        prompts[rec["name"]] = rec
    if not prompts:
        raise PlugEvalError("no prompt in the file (expected FastChat's judge_prompts.jsonl format)", path)
    return prompts


def _raw(text: str, where: str) -> str:
    if _ENDRAW.search(text):
        raise PlugEvalError(f"{where}: the text contains a jinja2 endraw tag and cannot be kept verbatim")
    return "{% raw %}" + text + "{% endraw %}" if text else ""


def _jinja(text: str, where: str, placeholders: dict[str, str]) -> str:
    """``str.format`` text as jinja2 text that renders the same (``{{``/``}}`` are literal braces)."""
    out = []
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as err:
        raise PlugEvalError(f"{where}: not Python format text ({err})") from None
    for literal, field, spec, conversion in parts:
        out.append(_raw(literal, where))
        if field is None:
            continue
        if field not in placeholders or spec or conversion:
            known = ", ".join("{" + p + "}" for p in placeholders)
            raise PlugEvalError(f"{where}: placeholder {{{field}}} is not one of a pair prompt's ({known})")
        out.append("{{ " + placeholders[field] + " }}")
    return "".join(out)


def pair_template(path: str | Path, name: str) -> tuple[str, str]:
    """(template name, jinja2 text) of the pair prompt ``name`` of a FastChat prompt file."""
    prompts = read_judge_prompts(path)
    if name not in prompts:
        raise PlugEvalError(f"--judge-prompt {name}: no such prompt; the file has {', '.join(prompts)}", path)
    rec = prompts[name]
    where = f"{path}: prompt {name}"
    if rec["type"] != "pairwise" or rec["output_format"] != "[[A]]":
        raise PlugEvalError(f"{where} is type {rec['type']!r} with output format {rec['output_format']!r}; "
                            "compare needs a pairwise prompt whose output format is [[A]]")
    system = _jinja(rec["system_prompt"], where + " (system_prompt)", {})
    user = _jinja(rec["prompt_template"], where + " (prompt_template)", PAIR_PLACEHOLDERS)
    for needed in ("{{ first }}", "{{ second }}"):
        if needed not in user:
            raise PlugEvalError(f"{where}: the prompt_template shows no {{answer_a}} or no {{answer_b}}")
    digest = hashlib.sha256(files.read_bytes(path)).hexdigest()[:12]
    head = f"{{# FastChat pair prompt {name} of {Path(path).name} (sha256 {digest}), kept verbatim #}}"
    text = f"{head}{{% block system %}}{system}{{% endblock %}}{{% block user %}}{user}{{% endblock %}}"
    return f"{path}#{name}", text


# --------------------------------------------------------------------------- the judging flags


def add_judge_flags(group: Any) -> None:
    """The reproduction flags of ``compare`` and ``validate`` (an argparse group)."""
    group.add_argument("--preset", metavar="NAME", help="the preset that --judge BACKEND:MODEL takes its settings "
                       "from (default: the mode's default preset), e.g. plug-paper")
    group.add_argument("--verdict-rule", choices=("last", "paper"),
                       help="last: the last [[A]]/[[B]]/[[C]], case and spaces forgiven (the default); paper: the "
                       "PLUG repository's ([[A]] anywhere, else [[B]], else [[C]], exact text; else an error)")
    group.add_argument("--judge-prompts", metavar="FILE", help="a FastChat-format judge_prompts.jsonl (e.g. your copy "
                       "of the PLUG repository's judge_prompts_focus_language.jsonl); its pair prompt is the template")
    group.add_argument("--judge-prompt", metavar="NAME",
                       help=f"which prompt of --judge-prompts (default: the preset's, else {DEFAULT_PAIR_PROMPT})")


def judge_options(args: Any) -> dict[str, Any]:
    """:func:`plug_eval.judges.prompts.config.resolve`'s keyword arguments from those flags."""
    return {k: getattr(args, k, None) for k in ("preset", "verdict_rule", "judge_prompts", "judge_prompt")}


PARSER_OF_RULE = {"last": "pairwise", "paper": "paper"}
