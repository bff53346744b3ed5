"""``plug-eval chat-template DIR --format plug-repo``: give a checkpoint the chat template it was trained with.

A model fine-tuned with the PLUG repository's own ``train.py`` was trained on plain text,
``<|system|>\\n{system}\\n<|user|>\\n{instruction}\\n<|assistant|>\\n{response}</s>`` (each part
stripped; the tokenizer adds its BOS), and its tokenizer carries no chat template.  Evaluated
without ``--apply_chat_template`` it would be prompted ``"{system}\\n\\n{instruction}"``, not
what it learned; with it, transformers has nothing to render.  This command writes that format
as the checkpoint's chat template (:data:`plug_eval.pivot.PLUG_CHAT_TEMPLATE`, the template
``plug-train`` trains template-less models with), so lm-eval, vLLM and plug-train all present
the prompt the model was trained on.  It goes where transformers reads it: ``chat_template.jinja``
(transformers 4.43 and later) and the ``chat_template`` key of ``tokenizer_config.json`` (older
releases), the same text in both.  A checkpoint that already has a template keeps it unless
``--force``.  Then the tokenizer is loaded back and the prompt it renders is printed.

:func:`missing` is the check ``--apply_chat_template`` runs in our tasks: a tokenizer without a
template is one line naming this command, exit 2, instead of transformers' traceback.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from plug_eval import files, pivot
from plug_eval.errors import PlugEvalError

FORMATS = {"plug-repo": pivot.PLUG_CHAT_TEMPLATE}
JINJA = "chat_template.jinja"
CONFIG = "tokenizer_config.json"
COMMAND = "plug-eval chat-template {dir} --format plug-repo"


def existing(folder: Path) -> str | None:
    """Where the checkpoint's chat template is, or None when it has none."""
    for name in (JINJA, "chat_template.json", "additional_chat_templates"):
        if (folder / name).exists():
            return name
    config = files.read_json(folder / CONFIG)
    return f"{CONFIG} (chat_template)" if isinstance(config, dict) and config.get("chat_template") else None


def write(directory: str | os.PathLike[str], fmt: str = "plug-repo", *, force: bool = False) -> str:
    """Write the format as the checkpoint's chat template; returns the prompt it now renders."""
    folder = Path(directory)
    if fmt not in FORMATS:
        raise PlugEvalError(f"--format {fmt}: known formats: {', '.join(FORMATS)}")
    if not (folder / CONFIG).is_file():
        raise PlugEvalError(f"no {CONFIG}: not a Hugging Face checkpoint folder (or its tokenizer was not saved)",
                            folder)
    found = existing(folder)
    if found and not force:
        raise PlugEvalError(f"the checkpoint already has a chat template ({found}); --force replaces it", folder)
    config = files.read_json(folder / CONFIG)
    if not isinstance(config, dict):
        raise PlugEvalError("not a JSON object", folder / CONFIG)
    template = FORMATS[fmt]
    files.write_atomic(folder / JINJA, template)
    files.write_json(folder / CONFIG, {**config, "chat_template": template})
    return rendered(folder)


def rendered(folder: Path) -> str:
    """The prompt the checkpoint's tokenizer renders now (read back by transformers)."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(folder))
    messages = [{"role": "system", "content": "SYSTEM"}, {"role": "user", "content": "INSTRUCTION"}]
    return str(tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))


def missing(lm: Any) -> str | None:
    """Why ``--apply_chat_template`` cannot prompt this lm-eval model (its tokenizer has no
    template), or None.  Models whose server applies the template have no such tokenizer."""
    tok = getattr(lm, "tokenizer", None)
    if tok is None or not hasattr(tok, "chat_template") or tok.chat_template:
        return None
    where = getattr(tok, "name_or_path", "") or "DIR"
    return (f"{where} has no chat template, so --apply_chat_template cannot build the prompt; a checkpoint trained "
            f"with the PLUG repository's train.py takes its format with `{COMMAND.format(dir=where)}` "
            "(or evaluate without --apply_chat_template)")


# --------------------------------------------------------------------------- the command


def add_subcommand(sub: Any) -> None:
    p = sub.add_parser("chat-template", help="write a checkpoint's chat template (the PLUG repository's format)",
                       description="Write the PLUG repository's prompt format as a checkpoint's chat template.")
    p.add_argument("directory", metavar="DIR", help="the checkpoint folder (its tokenizer files)")
    p.add_argument("--format", required=True, choices=sorted(FORMATS),
                   help="plug-repo: <|system|>\\n...\\n<|user|>\\n...\\n<|assistant|>\\n, as the repository's train.py")
    p.add_argument("--force", action="store_true", help="replace a chat template the checkpoint already has")
    p.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    prompt = write(args.directory, args.format, force=args.force)
    print(f"wrote the {args.format} chat template to {Path(args.directory) / JINJA} and {CONFIG}; it renders a "
          f"system prompt and an instruction as {prompt!r}")
    return 0
