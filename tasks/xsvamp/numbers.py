"""The final number of a math answer, read by rule in the answer's language; and the paper's regex.

:func:`final_number` takes the *last* number of the text, as the paper does, but reads it the
way the language writes numbers:

* any Unicode decimal digit counts (full-width ``１２`` is 12), so do the full-width and Unicode
  minus and full stop; a sign counts where no letter or digit stands right before it (``5-3``
  is two numbers, ``= -3`` is minus three);
How a language writes numbers is in its language file (:mod:`plug_eval.languages`): its
``decimal_mark``, the ``multipliers`` written right after digits and its ``number_words``, read
by one of the readers below (``positional``, ``counted`` or ``words``).  The built-in files say:

* en, zh, ko: ``,`` groups thousands (``1,234``: every group three digits), ``.`` is the decimal
  mark; commas between digits that do not group thousands separate a list (``3,5``: 3 and 5);
* it, es: ``.`` groups thousands and ``,`` is the decimal mark (``1.234,5``), but a model often
  writes the English way, so a lone ``.`` is a decimal mark unless exactly three digits follow
  it (``3.5`` is 3.5, ``1.500`` is 1500), and a lone ``,`` followed by exactly three digits with
  no other mark groups thousands (``1,234`` is 1234; ``12,5`` is 12.5); with both marks present
  the later one is the decimal mark; a first group of ``0`` never starts a thousands grouping;
* zh: number words, read positionally (``十二``, ``一百零五``, ``三点五``, ``负三``; one digit
  word such as ``五`` only before a measure word or at the very end, so ``一下`` or ``一起``
  never count; ``千万`` and ``万一`` are words, not numbers) and ``3万`` / ``1.5亿``;
* ko: native numerals counted before a counter (``세 개``, ``스무 살``, ``열두 명``) and ``3만`` /
  ``2억``.

The ``words`` reader takes whole words of a list (``zwölf``: 12), for a language that adds them.
Not read: number words of the built-in Latin-script languages, fractions (``3/4`` is its last
number, 4), Sino-Korean number words.  :func:`paper_number` is the regular expression of the paper's
``evaluate_svamp.py`` (the last optionally negative integer with thousands commas), kept to show
where the two disagree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from plug_eval import languages


class Found(NamedTuple):
    value: float
    start: int
    end: int


# --- normalising ---------------------------------------------------------------------------
_SIGNS = {"\u2212": "-", "\uff0d": "-", "\ufe63": "-", "\uff0e": "."}
_FULLWIDTH_THOUSANDS = re.compile(r"(?<=\d)\uff0c(?=\d{3}(?!\d))")  # 1，200 (a CJK comma)


def normalise(text: str) -> str:
    """ASCII digits, signs and full stop; same length as ``text`` (positions stay valid)."""
    out = []
    for ch in text:
        if ch in _SIGNS:
            out.append(_SIGNS[ch])
        elif not ch.isascii() and ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
        else:
            out.append(ch)
    return _FULLWIDTH_THOUSANDS.sub(",", "".join(out))


# --- a language's rules --------------------------------------------------------------------
WordReader = Callable[[str], list["Found"]]


@dataclass(frozen=True)
class Rules:
    """How one language writes numbers, from its language file."""

    comma_decimal: bool = False  #: ``,`` is the decimal mark (it, es)
    multipliers: Mapping[str, float] = field(default_factory=dict)  #: after digits: 3万
    not_multipliers: tuple[str, ...] = ()  #: words that open with a multiplier (만큼)
    words: WordReader | None = None


@cache
def _rules_of(lang: languages.Language) -> Rules:
    words = lang.number_words
    reader = _READERS[words["reader"]](words) if words else None
    return Rules(lang.decimal_mark == ",", dict(lang.multipliers), tuple(lang.not_multipliers), reader)


def rules(lang: str) -> Rules:
    """The rules of language ``lang``; a code no file has reads digits the English way."""
    known = languages.LANGUAGES.get(lang)
    return _rules_of(known) if known is not None else Rules()


# --- digits with separators ----------------------------------------------------------------
_TOKEN = re.compile(r"-?\d+(?:[.,]\d+)*")


def _grouped(parts: list[str]) -> bool:
    """Whether digit groups read as thousands: a first group of 1-3 digits (not a lone 0 or a
    leading zero), every later group exactly three digits."""
    head = parts[0]
    return (1 <= len(head) <= 3 and not (head.startswith("0"))
            and all(len(p) == 3 for p in parts[1:]))


def _read_token(token: str, comma_decimal: bool) -> list[float]:
    """The number(s) a digit token stands for (a list separated by commas gives several)."""
    sign = -1.0 if token.startswith("-") else 1.0
    body = token.lstrip("-")
    marks = [c for c in body if c in ".,"]
    if not marks:
        return [sign * float(body)]
    if "." in marks and "," in marks:
        decimal = marks[-1]
        thousands = "," if decimal == "." else "."
        whole, _, frac = body.rpartition(decimal)
        if marks.count(decimal) == 1 and _grouped(whole.split(thousands)):
            return [sign * float(whole.replace(thousands, "") + "." + frac)]
        return [v for i, piece in enumerate(body.split(","))  # unreadable: a list, English-style
                for v in _read_token(("-" if i == 0 and sign < 0 else "") + piece, False)]
    mark = marks[0]
    parts = body.split(mark)
    if len(parts) > 2 or (mark == "," and not comma_decimal) or (mark == "." and comma_decimal):
        # en/zh/ko commas, it/es full stops and any repeated mark: thousands or nothing
        if _grouped(parts):
            return [sign * float("".join(parts))]
        if mark == "." and len(parts) == 2:  # it/es: 3.5 written the English way
            return [sign * float(body)]
        return [(sign if i == 0 else 1.0) * float(p) for i, p in enumerate(parts)]
    # a single decimal mark of the language ('.' in en/zh/ko, ',' in it/es)
    if mark == "," and len(parts[1]) == 3 and _grouped(parts):
        return [sign * float("".join(parts))]  # it/es: 1,234 with no other mark
    return [sign * float(".".join(parts))]


def _digit_numbers(text: str, rule: Rules) -> list[Found]:
    found = []
    for m in _TOKEN.finditer(text):
        start, token = m.start(), m.group(0)
        before = text[start - 1] if start else " "
        if token.startswith("-") and ((before.isascii() and before.isalnum()) or before == ")"):
            start, token = start + 1, token[1:]  # 5-3: a minus between two numbers
        values = _read_token(token, rule.comma_decimal)
        end = m.end()
        big = rule.multipliers
        if big and end < len(text) and text[end] in big and not text.startswith(rule.not_multipliers, end):
            values[-1] *= big[text[end]]
            end += 1
        found += [Found(v, start, end) for v in values]
    return found


# --- positional number words (Chinese) ------------------------------------------------------
_END = re.compile(r"\s*[。.!！]?\s*\Z")


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _positional(spec: Mapping[str, Any]) -> WordReader:
    """Numerals of digits and unit characters (一百零五, 十二, 三万五千), a decimal point word and
    a minus word; a lone digit only before a counter or at the very end."""
    digits, units, big = spec["digits"], spec["units"], spec["big"]
    counters = tuple(spec.get("counters", ()))
    ten = [u for u, v in units.items() if v == 10]
    word = re.compile(f"({re.escape(spec['minus'])})?" if spec.get("minus") else "()")
    fraction = (f"(?:{re.escape(spec['point'])}({_class(spec.get('decimal_digits') or digits)}+))?"
                if spec.get("point") else "()")
    pattern = re.compile(word.pattern + f"({_class([*digits, *units, *big])}+)" + fraction)

    def integer(text: str) -> int | None:
        total, section, digit = 0, 0, None
        for ch in text:
            if ch in digits:
                if digit is not None and digit != 0:
                    return None  # two digits in a row: a digit string or an approximation (三四)
                digit = digits[ch]
            elif ch in units:
                section += (1 if digit is None else digit) * units[ch]
                digit = None
            else:  # 万 / 亿
                section += digit or 0
                if section == 0:
                    return None
                total = (total + section) * big[ch]
                section, digit = 0, None
        return total + section + (digit or 0)

    def read(text: str) -> list[Found]:
        found = []
        for m in pattern.finditer(text):
            negative, whole, frac = m.group(1), m.group(2), m.group(3)
            if whole[0] not in digits and whole[0] not in ten:
                continue  # 千万 (by all means), 万一 (in case), 百 alone
            if len(whole) == 1 and not frac:
                after = text[m.end():]
                if not (after.startswith(counters) or _END.match(after)):
                    continue  # 一下, 一起, 十分 (very)
            value = integer(whole)
            if value is None:
                continue
            number = float(f"{value}.{''.join(str(digits[c]) for c in frac)}" if frac else value)
            found.append(Found(-number if negative else number, m.start(), m.end()))
        return found

    return read


# --- numerals counted before a counter (Korean) ---------------------------------------------
def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _counted(spec: Mapping[str, Any]) -> WordReader:
    """A numeral (tens, then ones) right before a counter word: 세 개, 스무 살, 열두 명."""
    tens, ones = spec["tens"], spec["ones"]
    before = f"(?<![{spec['letters']}])" if spec.get("letters") else r"(?<!\w)"
    pattern = re.compile(before + f"(?:({_alternatives(tens)})?({_alternatives(ones)})|({_alternatives(tens)}))"
                         + rf"\s?(?:{_alternatives(spec['counters'])})")

    def read(text: str) -> list[Found]:
        found = []
        for m in pattern.finditer(text):
            ten, one, alone = m.group(1), m.group(2), m.group(3)
            value = tens.get(ten or alone or "", 0) + ones.get(one or "", 0)
            found.append(Found(float(value), m.start(), m.end()))
        return found

    return read


# --- whole number words -------------------------------------------------------------------
def _words(spec: Mapping[str, Any]) -> WordReader:
    """Whole words of a list, any case (``zwölf``: 12)."""
    values = {w.casefold(): float(v) for w, v in spec["values"].items()}
    pattern = re.compile(r"(?<!\w)(" + _alternatives(spec["values"]) + r")(?!\w)", re.I)

    def read(text: str) -> list[Found]:
        return [Found(values[m.group(1).casefold()], m.start(), m.end()) for m in pattern.finditer(text)]

    return read


_READERS: dict[str, Callable[[Mapping[str, Any]], WordReader]] = {
    "positional": _positional, "counted": _counted, "words": _words}


# --- the two extractors --------------------------------------------------------------------
def numbers(text: str, lang: str) -> list[Found]:
    """Every number of ``text`` read in ``lang``, in order of where it ends."""
    text = normalise(text or "")
    rule = rules(lang)
    found = _digit_numbers(text, rule)
    if rule.words:
        found += rule.words(text)
    return sorted(found, key=lambda f: (f.end, f.start))


def final_number(text: str, lang: str) -> float | None:
    """The answer's last number, read in ``lang``; None when there is none."""
    found = numbers(text, lang)
    return found[-1].value if found else None


_PAPER = re.compile(r"-?\d+(?:,\d{3})*")


def paper_number(text: str) -> float | None:
    """The paper's rule: the last ``-?\\d+(,\\d{3})*`` with the commas dropped, as a float.

    Python's ``\\d`` matches every Unicode decimal digit and ``float`` reads them, so full-width
    digits count here too, as they do in the paper's script.
    """
    matches = _PAPER.findall(text or "")
    return float(matches[-1].replace(",", "")) if matches else None


def same(a: float | None, b: float | None) -> bool:
    """Two read numbers agree: both missing, or equal up to ``math.isclose``."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b)
