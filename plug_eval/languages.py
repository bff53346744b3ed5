"""The one table of languages that tasks, trainer, judges and reports read.

The system prompts and response headers are an interface: models trained the PLUG way expect
these strings byte for byte, so change them only with a task version bump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  #: ISO 639-1 code, also the suffix of task names (``xalpacaeval_zh``)
    name: str  #: English name, used inside the system prompts
    native: str  #: the language's own name for itself
    script: str  #: ISO 15924 script of the answers
    header: str  #: the line that opens this language's block in a PLUG response
    data_file: str  #: file name in the X-AlpacaEval dataset


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "English", "Latn", "English response:", "english.json"),
        Language("zh", "Chinese", "中文", "Hans", "中文回复：", "chinese.json"),
        Language("ko", "Korean", "한국어", "Kore", "한국어 응답:", "korean.json"),
        Language("it", "Italian", "Italiano", "Latn", "Risposta in italiano:", "italian.json"),
        Language("es", "Spanish", "Español", "Latn", "Respuesta en español:", "spanish.json"),
    )
}

#: Languages X-AlpacaEval was translated into (English is the source).
TARGETS: tuple[str, ...] = ("zh", "ko", "it", "es")
DEFAULT_PIVOT = "en"

DIRECT_SYSTEM = "Please respond to the following user message in {target}."
PIVOT_SYSTEM = (
    "Please interpret the instruction in {pivot}, and then respond both in {pivot} and in {target}."
)


def get(code: str) -> Language:
    """Look a language up by code, with a clear error for codes we do not know."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(LANGUAGES)
        raise ValueError(f"unknown language code {code!r}; known: {known}") from None


def direct_system_prompt(target: str) -> str:
    return DIRECT_SYSTEM.format(target=get(target).name)


def pivot_system_prompt(target: str, pivot: str = DEFAULT_PIVOT) -> str:
    return PIVOT_SYSTEM.format(pivot=get(pivot).name, target=get(target).name)


# One unit per CJK ideograph, kana or Hangul syllable; one per run of letters elsewhere.
# Digits and punctuation do not count. This is the length used by metrics and by the
# length-controlled statistics, so Chinese and Korean are not measured in "words".
_UNIT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
    r"|[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+"
)


def answer_units(text: str) -> int:
    """Script-aware length: CJK/Hangul characters plus words of other scripts."""
    return len(_UNIT.findall(text or ""))
