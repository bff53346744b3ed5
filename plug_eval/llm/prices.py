"""What an LLM call costs: API usage times a price table the user can override.

Prices are US dollars per million tokens (input, output), as the providers' price pages listed
them when this table was written; they change, so ``--prices FILE`` (YAML or JSON,
``{model: {input: 2.5, output: 10}}``) overrides or extends the table.  A model matches its own
name or a dated snapshot of it (``gpt-4o-2024-08-06``, ``gpt-4-0613``).  A model that is not
in the table costs ``None`` (unknown), never 0; local backends (``hf``, ``rules``) cost 0.

A call sent in a provider's batch (``--batch``, :mod:`plug_eval.llm.batch`) costs the batch price:
:data:`BATCH_SHARE` of the live price (OpenAI's Batch API and Anthropic's Message Batches both
charge half), unless the price file gives ``batch_input`` / ``batch_output``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plug_eval import files
from plug_eval.errors import PlugEvalError

#: USD per 1M tokens: (input, output).
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4-turbo": (10.00, 30.00),
    "gpt-4": (30.00, 60.00),
    "gpt-3.5-turbo": (0.50, 1.50),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-3-5-sonnet": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-3-opus": (15.00, 75.00),
    "claude-sonnet-4": (3.00, 15.00),
    "claude-opus-4": (15.00, 75.00),
}
BATCH_SHARE = 0.5  #: a batch's price as a share of the live price, when the price file gives none
_SNAPSHOT = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest)$")


@dataclass(frozen=True)
class Price:
    input: float  #: USD per million input tokens
    output: float  #: USD per million output tokens
    batch_input: float | None = None  #: in a batch; None: ``BATCH_SHARE`` of ``input``
    batch_output: float | None = None  #: in a batch; None: ``BATCH_SHARE`` of ``output``

    def cost(self, input_tokens: int | None, output_tokens: int | None) -> float | None:
        if input_tokens is None or output_tokens is None:
            return None
        return round((input_tokens * self.input + output_tokens * self.output) / 1e6, 8)

    def batch(self) -> Price:
        """What the same tokens cost when the call goes through a provider's batch."""
        return Price(self.input * BATCH_SHARE if self.batch_input is None else self.batch_input,
                     self.output * BATCH_SHARE if self.batch_output is None else self.batch_output)


FREE = Price(0.0, 0.0)


def cost_text(value: float | None) -> str:
    """Money as every command shows it: ``$0.0123``, or ``unknown`` (never 0 for an unknown cost)."""
    return "unknown" if value is None else f"${value:.4f}"
EST_OUTPUT_TOKENS = 250  #: dry-run estimate of a reply's length (a short explanation + verdict)


def _max_tokens(decoding: Mapping[str, Any]) -> Any:
    return decoding.get("max_tokens") or decoding.get("max_completion_tokens")


def max_call_cost(prompt: str, decoding: Mapping[str, Any], price: Price) -> float:
    """An upper bound on one call's cost: every prompt byte a token, the full output budget."""
    max_out = _max_tokens(decoding)
    if max_out is None:
        raise PlugEvalError("--max-cost needs a known maximum reply length: set -J max_tokens=N")
    n_in = len(prompt.encode("utf-8")) + 64
    return (n_in * price.input + int(max_out) * price.output) / 1e6


def estimated_cost(prompt: str, decoding: Mapping[str, Any], price: Price, output_tokens: int | None = None) -> float:
    """A rough guess for ``--dry-run``: ~4 ASCII characters per token, 1 per other character; the
    reply ``output_tokens`` long when the job can guess it, else a short judgment's length."""
    n_ascii = sum(1 for ch in prompt if ord(ch) < 128)
    n_in = n_ascii / 4 + (len(prompt) - n_ascii)
    max_out = int(_max_tokens(decoding) or EST_OUTPUT_TOKENS)
    n_out = min(max_out, EST_OUTPUT_TOKENS if output_tokens is None else output_tokens)
    return (n_in * price.input + n_out * price.output) / 1e6


class PriceTable:
    """Model -> :class:`Price`, with snapshot-suffix matching."""

    def __init__(self, prices: Mapping[str, tuple[float, float]] | None = None) -> None:
        self.prices = {k: Price(*v) for k, v in (prices or DEFAULT_PRICES).items()}

    def lookup(self, model: str) -> Price | None:
        if model in self.prices:
            return self.prices[model]
        base = _SNAPSHOT.sub("", model)
        return self.prices.get(base) if base != model else None

    def override(self, path: str | Path) -> PriceTable:
        """A copy with the entries of a user's YAML/JSON price file on top."""
        entries = load_price_file(path)
        table = PriceTable({})
        table.prices = {**self.prices, **entries}
        return table


def _entry(model: str, value: Any, path: str) -> Price:
    try:
        if isinstance(value, Mapping):
            batch = [None if value.get(k) is None else float(value[k]) for k in ("batch_input", "batch_output")]
            return Price(float(value["input"]), float(value["output"]), *batch)
        inp, out = value
        return Price(float(inp), float(out))
    except (KeyError, TypeError, ValueError):
        raise PlugEvalError(f"price of {model!r} must be {{input: USD/1M, output: USD/1M}} (optionally "
                            "batch_input, batch_output)", path) from None


def load_price_file(path: str | Path) -> dict[str, Price]:
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise PlugEvalError(f"cannot read price file: {err}", path) from None
    try:
        if path.endswith(".json"):
            data = files.parse_json(text, path)
        else:
            import yaml

            data = yaml.safe_load(text)
    except PlugEvalError:
        raise
    except Exception as err:  # YAML raises several types; all mean the user's file
        raise PlugEvalError(f"not a valid price file: {str(err).splitlines()[0]}", path) from None
    if not isinstance(data, Mapping):
        raise PlugEvalError("a price file maps model names to {input, output}", path)
    return {str(k): _entry(str(k), v, path) for k, v in data.items()}
