"""The final number of a math answer, read by rule in the answer's language; and the paper's regex.

:func:`final_number` takes the *last* number of the text, as the paper does, but reads it the
way the language writes numbers:

* any Unicode decimal digit counts (full-width ``１２`` is 12), so do the full-width and Unicode
  minus and full stop; a sign counts where no letter or digit stands right before it (``5-3``
  is two numbers, ``= -3`` is minus three);
* en, zh, ko: ``,`` groups thousands (``1,234``: every group three digits), ``.`` is the decimal
  mark; commas between digits that do not group thousands separate a list (``3,5``: 3 and 5);
* it, es: ``.`` groups thousands and ``,`` is the decimal mark (``1.234,5``), but a model often
  writes the English way, so a lone ``.`` is a decimal mark unless exactly three digits follow
  it (``3.5`` is 3.5, ``1.500`` is 1500), and a lone ``,`` followed by exactly three digits with
  no other mark groups thousands (``1,234`` is 1234; ``12,5`` is 12.5); with both marks present
  the later one is the decimal mark; a first group of ``0`` never starts a thousands grouping;
* zh: number words (``十二``, ``一百零五``, ``三点五``, ``负三``; one digit word such as ``五``
  only before a measure word or at the very end, so ``一下`` or ``一起`` never count; ``千万``
  and ``万一`` are words, not numbers) and ``3万`` / ``1.5亿``;
* ko: native numerals before a counter (``세 개``, ``스무 살``, ``열두 명``) and ``3만`` / ``2억``.

Not read: number words of the Latin-script languages, fractions (``3/4`` is its last number, 4),
Sino-Korean number words.  :func:`paper_number` is the regular expression of the paper's
``evaluate_svamp.py`` (the last optionally negative integer with thousands commas), kept to show
where the two disagree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple


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


# --- digits with separators ----------------------------------------------------------------
_TOKEN = re.compile(r"-?\d+(?:[.,]\d+)*")
_COMMA_DECIMAL = ("it", "es")


def _grouped(parts: list[str]) -> bool:
    """Whether digit groups read as thousands: a first group of 1-3 digits (not a lone 0 or a
    leading zero), every later group exactly three digits."""
    head = parts[0]
    return (1 <= len(head) <= 3 and not (head.startswith("0"))
            and all(len(p) == 3 for p in parts[1:]))


def _read_token(token: str, lang: str) -> list[float]:
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
                for v in _read_token(("-" if i == 0 and sign < 0 else "") + piece, "en")]
    mark = marks[0]
    parts = body.split(mark)
    if len(parts) > 2 or (mark == "," and lang not in _COMMA_DECIMAL) or (
            mark == "." and lang in _COMMA_DECIMAL):
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


def _digit_numbers(text: str, lang: str) -> list[Found]:
    found = []
    for m in _TOKEN.finditer(text):
        start, token = m.start(), m.group(0)
        before = text[start - 1] if start else " "
        if token.startswith("-") and ((before.isascii() and before.isalnum()) or before == ")"):
            start, token = start + 1, token[1:]  # 5-3: a minus between two numbers
        values = _read_token(token, lang)
        end = m.end()
        big = _BIG_AFTER_DIGITS.get(lang)
        if big and end < len(text) and text[end] in big and text[end:end + 2] != "만큼":
            values[-1] *= big[text[end]]
            end += 1
        found += [Found(v, start, end) for v in values]
    return found


_BIG_AFTER_DIGITS = {"zh": {"万": 1e4, "亿": 1e8}, "ko": {"만": 1e4, "억": 1e8}}

# --- Chinese number words ------------------------------------------------------------------
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
_ZH_MEASURE = ("个", "只", "本", "支", "张", "件", "颗", "辆", "名", "位", "条", "块", "元", "岁",
               "天", "次", "页", "棵", "朵", "盒", "箱", "瓶", "杯", "袋", "包", "篮", "双", "匹",
               "头", "座", "封", "把", "份", "套", "盘", "碗", "人", "年", "周", "倍", "小时",
               "分钟", "米", "公斤", "千克", "克", "公里", "美元", "英镑", "欧元", "枚", "粒", "层")
_ZH_WORD = re.compile(r"(负)?([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?")
_END = re.compile(r"\s*[。.!！]?\s*\Z")


def _zh_integer(word: str) -> int | None:
    """Value of a Chinese numeral with units (一百零五, 十二, 三万五千), None if not one."""
    total, section, digit = 0, 0, None
    for ch in word:
        if ch in _ZH_DIGIT:
            if digit is not None and digit != 0:
                return None  # two digits in a row: a digit string or an approximation (三四)
            digit = _ZH_DIGIT[ch]
        elif ch in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * _ZH_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _zh_numbers(text: str) -> list[Found]:
    found = []
    for m in _ZH_WORD.finditer(text):
        negative, word, frac = m.group(1), m.group(2), m.group(3)
        if word[0] not in _ZH_DIGIT and word[0] != "十":
            continue  # 千万 (by all means), 万一 (in case), 百 alone
        if len(word) == 1 and not frac:
            after = text[m.end():]
            if not (after.startswith(_ZH_MEASURE) or _END.match(after)):
                continue  # 一下, 一起, 十分 (very)
        value = _zh_integer(word)
        if value is None:
            continue
        number = float(f"{value}.{''.join(str(_ZH_DIGIT[c]) for c in frac)}" if frac else value)
        found.append(Found(-number if negative else number, m.start(), m.end()))
    return found


# --- Korean native numerals before a counter -----------------------------------------------
_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50}
_KO_ONES = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5,
            "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_KO_COUNTER = ("개", "명", "마리", "권", "살", "대", "장", "잔", "병", "송이", "그루", "켤레",
               "벌", "자루", "사람", "시간", "달", "채", "척", "통", "봉지", "상자", "바구니",
               "조각", "쪽", "곳", "가지")  # not 번 (한 번 더: once more), 알 (네 알겠습니다: yes, I see)
_KO_WORD = re.compile(
    r"(?<![가-힣])(?:(" + "|".join(sorted(_KO_TENS, key=len, reverse=True)) + r")?("
    + "|".join(sorted(_KO_ONES, key=len, reverse=True)) + r")|("
    + "|".join(sorted(_KO_TENS, key=len, reverse=True)) + r"))\s?(?:"
    + "|".join(sorted(_KO_COUNTER, key=len, reverse=True)) + r")")


def _ko_numbers(text: str) -> list[Found]:
    found = []
    for m in _KO_WORD.finditer(text):
        tens, ones, alone = m.group(1), m.group(2), m.group(3)
        value = _KO_TENS.get(tens or alone or "", 0) + _KO_ONES.get(ones or "", 0)
        found.append(Found(float(value), m.start(), m.end()))
    return found


_WORDS = {"zh": _zh_numbers, "ko": _ko_numbers}


# --- the two extractors --------------------------------------------------------------------
def numbers(text: str, lang: str) -> list[Found]:
    """Every number of ``text`` read in ``lang``, in order of where it ends."""
    text = normalise(text or "")
    found = _digit_numbers(text, lang)
    words = _WORDS.get(lang)
    if words:
        found += words(text)
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
